/**
 * The årshjul: every meeting of a year (through the meeting service), the secretariat's own
 * events and deadlines, yearly recurring events; ICS feeds per committee and for all, and ICS
 * import. A meeting enters the årshjul with committee, date, time and place only: no item ever
 * does, so a closed item cannot reach a calendar. Meetings are public events (the årshjul is
 * published); the public feed leaves out internal events.
 */
import {
  feedEvents,
  inYear,
  parseIcs,
  sortEvents,
  toIcsEvent,
  writeIcs,
  IcsParseError,
  type PlanEvent,
} from '../domain/calendar/index.ts';
import { ValidationError } from '../domain/errors.ts';
import { isSecretariat, type Viewer } from '../domain/meetings/index.ts';
import type { Db } from '../db/client.ts';
import {
  calendarRepository,
  type AnnualEventFields,
  type AnnualEventRow,
} from '../db/repositories/calendar.repository.ts';
import type { Clock } from './clock.ts';
import { meetingService, requireEditor } from './meeting.service.ts';

/** The meeting list is read as the secretariat, then cut down to the public facts of a meeting. */
const CALENDAR_READER: Viewer = { userId: null, role: 'secretariat', committeeIds: [] };

const hhmm = (t: string | null) => (t === null ? null : t.slice(0, 5));

function fromRow(e: AnnualEventRow, year: number): PlanEvent {
  const placed = e.recurringYearly ? inYear(e, year) : e;
  return {
    key: `event-${e.id}`,
    kind: e.kind,
    title: e.title,
    date: placed.date,
    endDate: placed.endDate,
    startTime: e.startTime,
    endTime: e.endTime,
    place: e.place,
    description: e.description,
    committeeId: e.committeeId,
    committeeShortName: e.committeeShortName,
    internal: e.internal,
    cancelled: false,
    recurring: e.recurringYearly,
  };
}

export function calendarService(db: Db, clock: Clock) {
  const repo = calendarRepository(db);
  const meetings = meetingService(db, clock);

  async function events(year: number, viewer: Viewer): Promise<PlanEvent[]> {
    const [list, own] = await Promise.all([
      meetings.listMeetings(CALENDAR_READER, { from: `${year}-01-01`, to: `${year}-12-31` }),
      repo.forYear(year),
    ]);
    const fromMeetings: PlanEvent[] = list
      .filter((m) => m.date !== null)
      .map((m) => ({
        key: `meeting-${m.id}`,
        kind: 'meeting',
        title: `${m.committeeShortName}-møde`,
        date: m.date ?? '',
        endDate: null,
        startTime: hhmm(m.startTime),
        endTime: hhmm(m.endTime),
        place: m.place,
        description: m.committeeName,
        committeeId: m.committeeId,
        committeeShortName: m.committeeShortName,
        internal: false,
        cancelled: m.status === 'cancelled',
        recurring: false,
      }));
    const all = sortEvents([...fromMeetings, ...own.map((e) => fromRow(e, year))]);
    return isSecretariat(viewer) ? all : feedEvents(all, { publicOnly: true });
  }

  return {
    /** The year's events as the viewer may see them: internal events reach only the secretariat. */
    events,

    /** An ICS feed: `publicOnly` for the published feed; a committee's feed holds its own events. */
    async feed(opts: {
      year: number;
      committeeId: number | null;
      publicOnly: boolean;
      host: string;
    }) {
      const years = [opts.year - 1, opts.year, opts.year + 1];
      const all = (await Promise.all(years.map((y) => events(y, CALENDAR_READER)))).flat();
      // a recurring event appears once per year, with its own UID per year
      const unique = all.map((e) =>
        e.recurring ? { ...e, key: `${e.key}-${e.date.slice(0, 4)}` } : e,
      );
      const list = feedEvents(unique, {
        publicOnly: opts.publicOnly,
        committeeId: opts.committeeId,
      });
      return writeIcs({
        name: 'Årshjul, Nordjysk Socialaftale',
        stamp: clock.now(),
        events: list.map((e) => toIcsEvent(e, opts.host)),
      });
    },

    async create(viewer: Viewer, f: AnnualEventFields) {
      requireEditor(viewer);
      if (f.endDate !== null && f.endDate < f.date)
        throw new ValidationError({ endDate: 'Slutdatoen skal ligge efter startdatoen.' });
      return repo.create(f);
    },
    get: (id: number) => repo.get(id),
    async delete(viewer: Viewer, id: number) {
      requireEditor(viewer);
      await repo.delete(id);
    },

    /**
     * Imports the events of an ICS file. An event with a UID updates the event imported before
     * with that UID; the platform's own meetings (UID meeting-…) are skipped.
     */
    async importIcs(viewer: Viewer, text: string, opts: { internal: boolean }) {
      requireEditor(viewer);
      let parsed;
      try {
        parsed = parseIcs(text);
      } catch (e) {
        if (e instanceof IcsParseError) throw new ValidationError({ file: e.message }, e.message);
        throw e;
      }
      let imported = 0;
      let skipped = 0;
      await db.transaction(async (tx) => {
        const r = calendarRepository(tx);
        for (const e of parsed.events) {
          if (e.uid?.startsWith('meeting-') || e.status === 'CANCELLED' || e.summary === '') {
            skipped++;
            continue;
          }
          await r.create({
            title: e.summary.slice(0, 300),
            kind: /frist/i.test(e.summary)
              ? 'deadline'
              : /seminar|workshop|laboratori/i.test(e.summary)
                ? 'seminar'
                : 'event',
            date: e.date,
            endDate: e.endDate,
            startTime: e.startTime,
            endTime: e.endTime,
            place: e.location.slice(0, 300),
            description: e.description.slice(0, 4000),
            committeeId: null,
            internal: opts.internal || e.internal,
            recurringYearly: false,
            sourceUid: e.uid,
          });
          imported++;
        }
      });
      return { imported, skipped };
    },
  };
}
export type CalendarService = ReturnType<typeof calendarService>;
