/**
 * The årshjul's events: meetings (date, time, place and committee only; never item titles, so a
 * closed item can never reach a calendar), the secretariat's own events and deadlines, and yearly
 * recurring events placed in the asked year. The public feed holds public events only.
 */
import { daysInMonth } from './dates.ts';
import type { IcsEvent } from './ics.ts';

export const EVENT_KINDS = ['meeting', 'event', 'seminar', 'deadline', 'report', 'other'] as const;
export type AnnualEventKind = (typeof EVENT_KINDS)[number];

export const EVENT_KIND_LABEL: Record<AnnualEventKind, string> = {
  meeting: 'Møde',
  event: 'Arrangement',
  seminar: 'Seminar, workshop, laboratorium',
  deadline: 'Frist',
  report: 'Afrapportering',
  other: 'Andet',
};

export interface PlanEvent {
  /** 'meeting-12' or 'event-7' */
  key: string;
  kind: AnnualEventKind;
  title: string;
  date: string;
  endDate: string | null;
  startTime: string | null;
  endTime: string | null;
  place: string;
  description: string;
  committeeId: number | null;
  committeeShortName: string | null;
  internal: boolean;
  cancelled: boolean;
  recurring: boolean;
}

/** Moves a yearly recurring event into `year` (29 February becomes 28 February). */
export function inYear<E extends { date: string; endDate: string | null }>(e: E, year: number): E {
  const move = (d: string, y: number) => {
    const month = Number(d.slice(5, 7));
    const day = Math.min(Number(d.slice(8, 10)), daysInMonth(y, month));
    return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  };
  const span = e.endDate === null ? 0 : Number(e.endDate.slice(0, 4)) - Number(e.date.slice(0, 4));
  return {
    ...e,
    date: move(e.date, year),
    endDate: e.endDate === null ? null : move(e.endDate, year + span),
  };
}

export function sortEvents<E extends PlanEvent>(events: readonly E[]): E[] {
  return [...events].sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      (a.startTime ?? '').localeCompare(b.startTime ?? '') ||
      a.title.localeCompare(b.title, 'da'),
  );
}

/** What a feed may carry: the public feed never holds internal events. */
export function feedEvents(
  events: readonly PlanEvent[],
  opts: { publicOnly: boolean; committeeId?: number | null },
): PlanEvent[] {
  return events.filter(
    (e) =>
      (!opts.publicOnly || !e.internal) &&
      (opts.committeeId === undefined ||
        opts.committeeId === null ||
        e.committeeId === opts.committeeId),
  );
}

export function toIcsEvent(e: PlanEvent, host: string): IcsEvent {
  const summary = e.cancelled ? `AFLYST: ${e.title}` : e.title;
  return {
    uid: `${e.key}@${host}`,
    summary,
    date: e.date,
    endDate: e.endDate,
    startTime: e.startTime,
    endTime: e.endTime,
    location: e.place,
    description: e.description,
    categories: [EVENT_KIND_LABEL[e.kind], ...(e.committeeShortName ? [e.committeeShortName] : [])],
    internal: e.internal,
    status: e.cancelled ? 'CANCELLED' : 'CONFIRMED',
  };
}
