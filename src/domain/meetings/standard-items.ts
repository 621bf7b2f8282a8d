/**
 * A new meeting starts with the items every agenda has: approve the agenda, approve the minutes
 * of the committee's previous meeting, Eventuelt and Næste møde (pointing at the next planned one).
 */
import { formatDanishDate, formatTime } from './labels.ts';
import type { Meeting, Section, StandardKind } from './types.ts';

export interface NewItem {
  section: Section;
  title: string;
  recommendations: string[];
  caseDescription: string;
  standardKind: StandardKind;
  approvesMeetingId: number | null;
  nextMeetingId: number | null;
}

type MeetingRef = Pick<Meeting, 'id' | 'date' | 'startTime' | 'endTime' | 'place'>;

/**
 * @param committeeName the name used in recommendations ("Den Administrative Styregruppe")
 * @param previous the committee's latest earlier meeting that was not cancelled, if any
 * @param next the committee's next planned meeting after this one, if any
 */
export function standardItems(
  committeeName: string,
  previous: MeetingRef | null,
  next: MeetingRef | null,
): NewItem[] {
  const items: NewItem[] = [
    {
      section: 'welcome',
      title: 'Godkendelse af dagsorden',
      recommendations: [`${committeeName} godkender dagsordenen.`],
      caseDescription: '',
      standardKind: 'approve-agenda',
      approvesMeetingId: null,
      nextMeetingId: null,
    },
  ];
  if (previous !== null) {
    const when = formatDanishDate(previous.date);
    items.push({
      section: 'welcome',
      title: `Godkendelse af referat fra mødet den ${when}`,
      recommendations: [`${committeeName} godkender referatet fra mødet den ${when}.`],
      caseDescription: '',
      standardKind: 'approve-minutes',
      approvesMeetingId: previous.id,
      nextMeetingId: null,
    });
  }
  items.push({
    section: 'closing',
    title: 'Eventuelt',
    recommendations: [],
    caseDescription: '',
    standardKind: 'any-other-business',
    approvesMeetingId: null,
    nextMeetingId: null,
  });
  items.push({
    section: 'closing',
    title: 'Næste møde',
    recommendations: [],
    caseDescription:
      next === null ? 'Næste møde er endnu ikke planlagt.' : describeNextMeeting(next),
    standardKind: 'next-meeting',
    approvesMeetingId: null,
    nextMeetingId: next?.id ?? null,
  });
  return items;
}

export function describeNextMeeting(next: MeetingRef): string {
  const span =
    next.startTime !== null
      ? `, kl. ${formatTime(next.startTime)}${next.endTime !== null ? `-${formatTime(next.endTime)}` : ''}`
      : '';
  const place = next.place !== '' ? `, ${next.place}` : '';
  return `Næste møde afholdes ${formatDanishDate(next.date, true)}${span}${place}.`;
}
