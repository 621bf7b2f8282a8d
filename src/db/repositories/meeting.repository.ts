/** Meetings: plain SQL, camelCase rows, optimistic locking through `version`. */
import type { Meeting, MeetingStatus, Stage } from '../../domain/meetings/index.ts';
import type { Db } from '../client.ts';
import { one, updatedIn } from './rows.ts';

const COLUMNS = `m.id, m.committee_id as "committeeId", m.date, m.start_time as "startTime",
  m.end_time as "endTime", m.place, m.status, m.cancel_reason as "cancelReason", m.stage, m.version`;

export interface MeetingRow extends Meeting {
  committeeShortName: string;
  committeeName: string;
  agendaPublishedAt: Date | null;
  minutesPublishedAt: Date | null;
  minutesApprovedAt: Date | null;
  informationLetterSentAt: Date | null;
}

const FULL = `${COLUMNS}, c.short_name as "committeeShortName", c.name as "committeeName",
  m.agenda_published_at as "agendaPublishedAt", m.minutes_published_at as "minutesPublishedAt",
  m.minutes_approved_at as "minutesApprovedAt", m.information_letter_sent_at as "informationLetterSentAt"`;
const FROM = 'from meeting m join committee c on c.id = m.committee_id';

export interface MeetingFields {
  committeeId: number;
  date: string;
  startTime: string | null;
  endTime: string | null;
  place: string;
}

export function meetingRepository(db: Db) {
  return {
    async get(id: number): Promise<MeetingRow> {
      return one(
        await db.query<MeetingRow>(`select ${FULL} ${FROM} where m.id = $1`, [id]),
        'Mødet',
      );
    },
    async find(id: number): Promise<MeetingRow | null> {
      return (
        (await db.query<MeetingRow>(`select ${FULL} ${FROM} where m.id = $1`, [id]))[0] ?? null
      );
    },
    async list(
      filter: { committeeId?: number; from?: string; to?: string; stages?: readonly Stage[] } = {},
    ) {
      const where: string[] = [];
      const params: (string | number | readonly string[])[] = [];
      if (filter.committeeId !== undefined) {
        params.push(filter.committeeId);
        where.push(`m.committee_id = $${params.length}`);
      }
      if (filter.from !== undefined) {
        params.push(filter.from);
        where.push(`m.date >= $${params.length}`);
      }
      if (filter.to !== undefined) {
        params.push(filter.to);
        where.push(`m.date <= $${params.length}`);
      }
      if (filter.stages !== undefined) {
        params.push(filter.stages);
        where.push(`m.stage = any(select jsonb_array_elements_text($${params.length}::jsonb))`);
      }
      const clause = where.length > 0 ? `where ${where.join(' and ')}` : '';
      return db.query<MeetingRow>(
        `select ${FULL} ${FROM} ${clause} order by m.date, m.start_time nulls first, m.id`,
        params,
      );
    },
    async create(fields: MeetingFields): Promise<MeetingRow> {
      const [row] = await db.query<{ id: number }>(
        `insert into meeting (committee_id, date, start_time, end_time, place) values ($1, $2, $3, $4, $5) returning id`,
        [fields.committeeId, fields.date, fields.startTime, fields.endTime, fields.place],
      );
      return this.get(one([row], 'Mødet').id);
    },
    async update(
      id: number,
      version: number,
      fields: Omit<MeetingFields, 'committeeId'>,
    ): Promise<void> {
      await updatedIn(
        db,
        'meeting',
        id,
        await db.query(
          `update meeting set date = $3, start_time = $4, end_time = $5, place = $6,
             version = version + 1, updated_at = now() where id = $1 and version = $2 returning id`,
          [id, version, fields.date, fields.startTime, fields.endTime, fields.place],
        ),
      );
    },
    async setStatus(
      id: number,
      version: number,
      status: MeetingStatus,
      cancelReason: string | null,
    ) {
      await updatedIn(
        db,
        'meeting',
        id,
        await db.query(
          `update meeting set status = $3, cancel_reason = $4, version = version + 1, updated_at = now()
           where id = $1 and version = $2 returning id`,
          [id, version, status, cancelReason],
        ),
      );
    },
    /** Moves the stage and stamps when it happened (published, approved and by which item). */
    async setStage(
      id: number,
      version: number,
      stage: Stage,
      at: Date,
      approvedByItemId: number | null = null,
    ) {
      await updatedIn(
        db,
        'meeting',
        id,
        await db.query(
          `update meeting set stage = $3::text,
             agenda_published_at = case when $3::text = 'agenda-published' then $4::timestamptz else agenda_published_at end,
             minutes_published_at = case when $3::text = 'minutes-published' then $4::timestamptz else minutes_published_at end,
             minutes_approved_at = case when $3::text = 'minutes-approved' then $4::timestamptz else minutes_approved_at end,
             minutes_approved_by_item_id = case when $3::text = 'minutes-approved' then $5::int else minutes_approved_by_item_id end,
             version = version + 1, updated_at = now()
           where id = $1 and version = $2 returning id`,
          [id, version, stage, at, approvedByItemId],
        ),
      );
    },
    /**
     * A stamp that changes whenever anything shown on the meeting page changes (the meeting,
     * its items, attachments, attendance, corrections): the key of the public page cache.
     */
    /**
     * A stamp that changes whenever anything shown on the meeting page changes: the meeting's
     * content_stamp, moved by triggers on the meeting, its items, attachments, attendance and
     * corrections (migration 0009). The key of the public page cache.
     */
    // With the table's file number: a restore truncates the table, which gives it a new file,
    // so a page cached before the restore never matches a restored (or later) stamp, even
    // though the restored stamps start from the backup's values again.
    async contentStamp(id: number): Promise<string | null> {
      const rows = await db.query<{ stamp: string }>(
        `select content_stamp::text || '.' || pg_relation_filenode(tableoid)::text as stamp
           from meeting where id = $1`,
        [id],
      );
      return rows[0]?.stamp ?? null;
    },
    async markInformationLetterSent(id: number, at: Date) {
      await db.query(
        `update meeting set information_letter_sent_at = $2, updated_at = now() where id = $1`,
        [id, at],
      );
    },
    /** The committee's latest meeting before `date` that was not cancelled. */
    async previous(committeeId: number, date: string): Promise<MeetingRow | null> {
      const rows = await db.query<MeetingRow>(
        `select ${FULL} ${FROM} where m.committee_id = $1 and m.date < $2 and m.status <> 'cancelled'
         order by m.date desc, m.id desc limit 1`,
        [committeeId, date],
      );
      return rows[0] ?? null;
    },
    /** The committee's next planned meeting after `date`. */
    async next(committeeId: number, date: string): Promise<MeetingRow | null> {
      const rows = await db.query<MeetingRow>(
        `select ${FULL} ${FROM} where m.committee_id = $1 and m.date > $2 and m.status = 'planned'
         order by m.date, m.id limit 1`,
        [committeeId, date],
      );
      return rows[0] ?? null;
    },
  };
}
export type MeetingRepository = ReturnType<typeof meetingRepository>;
