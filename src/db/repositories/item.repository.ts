/** Agenda items. Numbers are decided by the domain; this stores them. */
import type { Access, Item, Outcome, Section, StandardKind } from '../../domain/meetings/index.ts';
import type { Db } from '../client.ts';
import { namedUserIdsSql } from './access-sql.ts';
import { one, updatedIn } from './rows.ts';

const COLUMNS = `id, meeting_id as "meetingId", number, section, title, public_title as "publicTitle", access,
  summary, recommendations, case_description as "caseDescription", presenter, decision, outcome,
  post_meeting_note as "postMeetingNote", standard_kind as "standardKind",
  approves_meeting_id as "approvesMeetingId", next_meeting_id as "nextMeetingId",
  in_information_letter as "inInformationLetter",
  written_procedure_deadline as "writtenProcedureDeadline", version,
  ${namedUserIdsSql('item.id')} as "viewerIds"`;

export interface ItemContent {
  section: Section;
  title: string;
  publicTitle: string | null;
  access: Access;
  summary: string;
  recommendations: string[];
  caseDescription: string;
  presenter: string;
}

export interface NewItemRow extends ItemContent {
  meetingId: number;
  number: number;
  standardKind: StandardKind | null;
  approvesMeetingId: number | null;
  nextMeetingId: number | null;
}

export interface DecisionFields {
  decision: string;
  outcome: Outcome | null;
  postMeetingNote: string;
}

export function itemRepository(db: Db) {
  return {
    async get(id: number): Promise<Item> {
      return one(
        await db.query<Item>(`select ${COLUMNS} from item where id = $1`, [id]),
        'Punktet',
      );
    },
    async listByMeeting(meetingId: number): Promise<Item[]> {
      return db.query<Item>(`select ${COLUMNS} from item where meeting_id = $1 order by number`, [
        meetingId,
      ]);
    },
    async create(row: NewItemRow): Promise<Item> {
      const [created] = await db.query<{ id: number }>(
        `insert into item (meeting_id, number, section, title, public_title, access, summary, recommendations,
           case_description, presenter, standard_kind, approves_meeting_id, next_meeting_id)
         values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12, $13) returning id`,
        [
          row.meetingId,
          row.number,
          row.section,
          row.title,
          row.publicTitle,
          row.access,
          row.summary,
          row.recommendations,
          row.caseDescription,
          row.presenter,
          row.standardKind,
          row.approvesMeetingId,
          row.nextMeetingId,
        ],
      );
      return this.get(one([created], 'Punktet').id);
    },
    async updateContent(id: number, version: number, c: ItemContent): Promise<void> {
      await updatedIn(
        db,
        'item',
        id,
        await db.query(
          `update item set section = $3, title = $4, public_title = $5, access = $6, summary = $7,
             recommendations = $8::jsonb, case_description = $9, presenter = $10,
             version = version + 1, updated_at = now()
           where id = $1 and version = $2 returning id`,
          [
            id,
            version,
            c.section,
            c.title,
            c.publicTitle,
            c.access,
            c.summary,
            c.recommendations,
            c.caseDescription,
            c.presenter,
          ],
        ),
      );
    },
    /** Names the users who may read a personal item (replacing any named before). */
    async setViewers(id: number, userIds: readonly number[]): Promise<void> {
      await db.query(
        `delete from item_viewer where item_id = $1 and not (user_id = any(array(select (jsonb_array_elements_text($2::jsonb))::int)))`,
        [id, [...userIds]],
      );
      await db.query(
        `insert into item_viewer (item_id, user_id)
         select $1, (e)::int from jsonb_array_elements_text($2::jsonb) e
         on conflict do nothing`,
        [id, [...userIds]],
      );
    },
    async updateDecision(id: number, version: number, d: DecisionFields): Promise<void> {
      await updatedIn(
        db,
        'item',
        id,
        await db.query(
          `update item set decision = $3, outcome = $4, post_meeting_note = $5, version = version + 1, updated_at = now()
           where id = $1 and version = $2 returning id`,
          [id, version, d.decision, d.outcome, d.postMeetingNote],
        ),
      );
    },
    /** Stores new numbers and sections for a whole meeting (after a move, insert or delete). */
    async saveOrder(
      items: readonly { id: number; number: number; section: Section }[],
    ): Promise<void> {
      if (items.length === 0) return;
      await db.query(
        `update item set number = v.number, section = v.section, updated_at = now()
         from (select (e->>'id')::int as id, (e->>'number')::int as number, e->>'section' as section
               from jsonb_array_elements($1::jsonb) e) v
         where item.id = v.id`,
        [items.map((i) => ({ id: i.id, number: i.number, section: i.section }))],
      );
    },
    async remove(id: number, version: number): Promise<void> {
      await updatedIn(
        db,
        'item',
        id,
        await db.query(`delete from item where id = $1 and version = $2 returning id`, [
          id,
          version,
        ]),
      );
    },
    async setInformationLetter(id: number, included: boolean) {
      await db.query(
        `update item set in_information_letter = $2, updated_at = now() where id = $1`,
        [id, included],
      );
    },
    async setWrittenProcedure(id: number, deadline: string | null) {
      await db.query(
        `update item set written_procedure_deadline = $2, updated_at = now() where id = $1`,
        [id, deadline],
      );
    },
  };
}
export type ItemRepository = ReturnType<typeof itemRepository>;
