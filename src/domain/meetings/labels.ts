/** Danish words for the domain's codes: what users read. */
import type {
  Access,
  AttendanceKind,
  FollowUpStatus,
  MeetingStatus,
  MemberRole,
  Outcome,
  Section,
  Stage,
} from './types.ts';

export const SECTION_LABEL: Record<Section, string> = {
  welcome: 'Velkomst',
  presentation: 'Oplæg',
  'for-decision': 'Sager til behandling',
  'for-information': 'Sager til orientering',
  closing: 'Afrunding',
};

export const STAGE_LABEL: Record<Stage, string> = {
  'agenda-draft': 'Dagsorden under udarbejdelse',
  'agenda-published': 'Dagsorden udsendt',
  'minutes-draft': 'Referat under udarbejdelse',
  'minutes-published': 'Referat udsendt',
  'minutes-approved': 'Referat godkendt',
};

export const STATUS_LABEL: Record<MeetingStatus, string> = {
  planned: 'Planlagt',
  held: 'Afholdt',
  cancelled: 'Aflyst',
};

export const ACCESS_LABEL: Record<Access, string> = {
  open: 'Åben',
  closed: 'Lukket',
  personal: 'Personoplysninger (kun navngivne)',
};

export const OUTCOME_LABEL: Record<Outcome, string> = {
  approved: 'Godkendt',
  'approved-with-changes': 'Godkendt med ændringer',
  discussed: 'Drøftet',
  noted: 'Taget til efterretning',
  postponed: 'Udsat',
  rejected: 'Afvist',
};

export const FOLLOW_UP_STATUS_LABEL: Record<FollowUpStatus, string> = {
  open: 'Åben',
  done: 'Udført',
  cancelled: 'Annulleret',
};

export const ATTENDANCE_LABEL: Record<AttendanceKind, string> = {
  participant: 'Deltager',
  apology: 'Afbud',
  guest: 'Gæst',
};

export const MEMBER_ROLE_LABEL: Record<MemberRole, string> = {
  chair: 'Formand',
  'vice-chair': 'Næstformand',
  member: 'Medlem',
  substitute: 'Suppleant',
  secretary: 'Sekretær',
};

const MONTHS = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
];
const WEEKDAYS = ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'];

/** "2021-01-20" → "20. januar 2021" (the date is read as a calendar date, no time zone). */
export function formatDanishDate(iso: string | null, withWeekday = false): string {
  if (iso === null) return 'uden dato';
  const [y, m, d] = iso.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return iso;
  const text = `${d}. ${MONTHS[m - 1] ?? ''} ${y}`;
  if (!withWeekday) return text;
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? '';
  return `${weekday} den ${text}`;
}

/** "13:00:00" → "13.00" as Danes write times. */
export function formatTime(time: string | null): string {
  return time === null ? '' : time.slice(0, 5).replace(':', '.');
}
