/** The årshjul's own events (meetings come from the meeting service). */
import type { AnnualEventKind } from '../../domain/calendar/index.ts';
import type { Db } from '../client.ts';
import { one } from './rows.ts';

export interface AnnualEventRow {
  id: number;
  title: string;
  kind: Exclude<AnnualEventKind, 'meeting'>;
  date: string;
  endDate: string | null;
  startTime: string | null;
  endTime: string | null;
  place: string;
  description: string;
  committeeId: number | null;
  committeeShortName: string | null;
  internal: boolean;
  recurringYearly: boolean;
  sourceUid: string | null;
}

export type AnnualEventFields = Omit<AnnualEventRow, 'id' | 'committeeShortName'>;

const COLS = `e.id, e.title, e.kind, e.date, e.end_date as "endDate",
  to_char(e.start_time, 'HH24:MI') as "startTime", to_char(e.end_time, 'HH24:MI') as "endTime",
  e.place, e.description, e.committee_id as "committeeId", c.short_name as "committeeShortName",
  e.internal, e.recurring_yearly as "recurringYearly", e.source_uid as "sourceUid"`;
const FROM = `from annual_event e left join committee c on c.id = e.committee_id`;

export function calendarRepository(db: Db) {
  return {
    /** Events that fall in the year, and every yearly recurring event from earlier years. */
    async forYear(year: number): Promise<AnnualEventRow[]> {
      return db.query<AnnualEventRow>(
        `select ${COLS} ${FROM}
         where (e.date <= make_date($1, 12, 31) and coalesce(e.end_date, e.date) >= make_date($1, 1, 1))
            or (e.recurring_yearly and e.date <= make_date($1, 12, 31))
         order by e.date, e.start_time nulls first, e.id`,
        [year],
      );
    },
    async get(id: number): Promise<AnnualEventRow> {
      return one(
        await db.query<AnnualEventRow>(`select ${COLS} ${FROM} where e.id = $1`, [id]),
        'Begivenheden',
      );
    },
    async create(f: AnnualEventFields): Promise<number> {
      const [row] = await db.query<{ id: number }>(
        `insert into annual_event (title, kind, date, end_date, start_time, end_time, place, description,
           committee_id, internal, recurring_yearly, source_uid)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         on conflict (source_uid) do update set title = excluded.title, kind = excluded.kind,
           date = excluded.date, end_date = excluded.end_date, start_time = excluded.start_time,
           end_time = excluded.end_time, place = excluded.place, description = excluded.description,
           internal = excluded.internal
         returning id`,
        [
          f.title,
          f.kind,
          f.date,
          f.endDate,
          f.startTime,
          f.endTime,
          f.place,
          f.description,
          f.committeeId,
          f.internal,
          f.recurringYearly,
          f.sourceUid,
        ],
      );
      return one([row], 'Begivenheden').id;
    },
    async delete(id: number): Promise<void> {
      await db.query(`delete from annual_event where id = $1`, [id]);
    },
  };
}
export type CalendarRepository = ReturnType<typeof calendarRepository>;
