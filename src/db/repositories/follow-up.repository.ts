/** Follow-ups created from decisions. */
import type { Access, FollowUp, FollowUpStatus, Stage } from '../../domain/meetings/index.ts';
import type { Db } from '../client.ts';
import { namedUserIdsSql } from './access-sql.ts';
import { one, updatedIn } from './rows.ts';

const COLUMNS = `f.id, f.item_id as "itemId", f.committee_id as "committeeId", f.what,
  f.owner_organisation_id as "ownerOrganisationId", f.owner_person as "ownerPerson", f.due_date as "dueDate",
  f.due_meeting_id as "dueMeetingId", f.status, f.version`;

export interface FollowUpRow extends FollowUp {
  ownerOrganisation: string | null;
  itemTitle: string | null;
  itemNumber: number | null;
  meetingId: number | null;
  meetingDate: string | null;
  dueMeetingDate: string | null;
  /** what the access rules read of the item (null without an item); never shown as such */
  itemAccess: Access | null;
  itemViewerIds: number[];
  meetingStage: Stage | null;
}

const FULL = `${COLUMNS}, o.short_name as "ownerOrganisation", i.title as "itemTitle", i.number as "itemNumber",
  i.meeting_id as "meetingId", m.date as "meetingDate", dm.date as "dueMeetingDate",
  i.access as "itemAccess", ${namedUserIdsSql('i.id')} as "itemViewerIds", m.stage as "meetingStage"`;
const FROM = `from follow_up f left join organisation o on o.id = f.owner_organisation_id
  left join item i on i.id = f.item_id left join meeting m on m.id = i.meeting_id
  left join meeting dm on dm.id = f.due_meeting_id`;

export interface FollowUpFields {
  what: string;
  ownerOrganisationId: number | null;
  ownerPerson: string;
  dueDate: string | null;
  dueMeetingId: number | null;
}

export function followUpRepository(db: Db) {
  return {
    async get(id: number): Promise<FollowUpRow> {
      return one(
        await db.query<FollowUpRow>(`select ${FULL} ${FROM} where f.id = $1`, [id]),
        'Opfølgningen',
      );
    },
    async list(filter: {
      committeeId?: number;
      itemId?: number;
      status?: FollowUpStatus;
    }): Promise<FollowUpRow[]> {
      const where: string[] = [];
      const params: (number | string)[] = [];
      for (const [column, value] of [
        ['f.committee_id', filter.committeeId],
        ['f.item_id', filter.itemId],
        ['f.status', filter.status],
      ] as const) {
        if (value === undefined) continue;
        params.push(value);
        where.push(`${column} = $${params.length}`);
      }
      const clause = where.length > 0 ? `where ${where.join(' and ')}` : '';
      return db.query<FollowUpRow>(
        `select ${FULL} ${FROM} ${clause} order by f.due_date nulls last, f.id`,
        params,
      );
    },
    async create(
      committeeId: number,
      itemId: number | null,
      f: FollowUpFields,
    ): Promise<FollowUpRow> {
      const [row] = await db.query<{ id: number }>(
        `insert into follow_up (committee_id, item_id, what, owner_organisation_id, owner_person, due_date, due_meeting_id)
         values ($1, $2, $3, $4, $5, $6, $7) returning id`,
        [
          committeeId,
          itemId,
          f.what,
          f.ownerOrganisationId,
          f.ownerPerson,
          f.dueDate,
          f.dueMeetingId,
        ],
      );
      return this.get(one([row], 'Opfølgningen').id);
    },
    async setStatus(id: number, version: number, status: FollowUpStatus): Promise<void> {
      await updatedIn(
        db,
        'follow_up',
        id,
        await db.query(
          `update follow_up set status = $3, version = version + 1, updated_at = now()
           where id = $1 and version = $2 returning id`,
          [id, version, status],
        ),
      );
    },
  };
}
export type FollowUpRepository = ReturnType<typeof followUpRepository>;
