/** Case threads: the items the rules read, the manual decisions, and the stored threads. */
import type { Access, Stage } from '../../domain/meetings/index.ts';
import type {
  ThreadCandidate,
  ThreadDecision,
  ThreadDecisionAction,
} from '../../domain/threads/index.ts';
import type { Db } from '../client.ts';
import { namedUserIdsSql } from './access-sql.ts';
import { one } from './rows.ts';

/** Characters of an item's text the rules read (subjects and quoted names sit early). */
const TEXT_LIMIT = 20000;

export interface StoredThread {
  id: number;
  title: string;
  manual: boolean;
  itemIds: number[];
}

export interface ThreadItemRow {
  threadId: number;
  threadTitle: string;
  itemId: number;
  meetingId: number;
  committeeId: number;
  committee: string;
  date: string | null;
  number: number;
  title: string;
  access: Access;
  /** the users named on a personal item (empty otherwise) */
  viewerIds: number[];
  stage: Stage;
  decision: string;
  manual: boolean;
  confirmed: boolean;
}

export interface ThreadToSave {
  /** An existing thread's id to keep, or null for a new thread. */
  id: number | null;
  title: string;
  manual: boolean;
  items: { itemId: number; manual: boolean; confirmed: boolean }[];
}

export function threadRepository(db: Db) {
  return {
    /** Every item with what the linking rules read. */
    async candidates(): Promise<ThreadCandidate[]> {
      return db.query<ThreadCandidate>(
        `select i.id as "itemId", i.meeting_id as "meetingId", c.short_name as committee, m.date,
           i.number, i.title, i.access, i.summary,
           left(case when i.body <> '' then i.body else i.case_description end, ${TEXT_LIMIT}) as text,
           i.standard_kind as "standardKind",
           coalesce((select jsonb_agg(im.value order by im.id) from item_mention im
                     where im.item_id = i.id and im.kind = 'offer'), '[]'::jsonb) as offers,
           coalesce((select jsonb_agg(jsonb_build_object('date', im.ref_date, 'committee', im.ref_committee) order by im.id)
                     from item_mention im where im.item_id = i.id and im.kind = 'meeting-reference'
                       and im.ref_date is not null), '[]'::jsonb) as "meetingReferences"
         from item i join meeting m on m.id = i.meeting_id join committee c on c.id = m.committee_id
         order by i.id`,
      );
    },

    async decisions(): Promise<ThreadDecision[]> {
      return db.query<ThreadDecision>(
        `select id, action, item_ids as "itemIds", other_item_ids as "otherItemIds", title
         from thread_decision order by id`,
      );
    },

    async addDecision(d: {
      action: ThreadDecisionAction;
      itemIds: readonly number[];
      otherItemIds?: readonly number[];
      title?: string | null;
      userId?: number | null;
    }): Promise<number> {
      const [row] = await db.query<{ id: number }>(
        `insert into thread_decision (action, item_ids, other_item_ids, title, user_id)
         values ($1, $2::jsonb, $3::jsonb, $4, $5) returning id`,
        [d.action, d.itemIds, d.otherItemIds ?? [], d.title ?? null, d.userId ?? null],
      );
      return one([row], 'Valget').id;
    },

    async stored(): Promise<StoredThread[]> {
      return db.query<StoredThread>(
        `select t.id, t.title, t.manual,
           coalesce((select jsonb_agg(ti.item_id order by ti.item_id) from thread_item ti
                     where ti.thread_id = t.id), '[]'::jsonb) as "itemIds"
         from case_thread t order by t.id`,
      );
    },

    /**
     * Replaces the stored threads with `threads`: kept ids are updated, others deleted, new ones
     * inserted. Returns the ids in the order given.
     */
    async replaceAll(threads: readonly ThreadToSave[]): Promise<number[]> {
      const keep = threads.map((t) => t.id).filter((id): id is number => id !== null);
      await db.query(`delete from thread_item`);
      await db.query(
        `delete from case_thread where id not in (select (jsonb_array_elements_text($1::jsonb))::int)`,
        [keep],
      );
      const ids: number[] = [];
      for (const t of threads) {
        let id = t.id;
        if (id === null) {
          const [row] = await db.query<{ id: number }>(
            `insert into case_thread (title, manual) values ($1, $2) returning id`,
            [t.title, t.manual],
          );
          id = one([row], 'Sagsforløbet').id;
        } else {
          await db.query(
            `update case_thread set title = $2, manual = $3,
               updated_at = case when title <> $2 or manual <> $3 then now() else updated_at end
             where id = $1`,
            [id, t.title, t.manual],
          );
        }
        ids.push(id);
        await db.query(
          `insert into thread_item (thread_id, item_id, manual, confirmed)
           select $1, (e->>'itemId')::int, (e->>'manual')::boolean, (e->>'confirmed')::boolean
           from jsonb_array_elements($2::jsonb) e`,
          [id, t.items],
        );
      }
      return ids;
    },

    /** Thread items with what a listing shows, threads by id, items in date order. */
    async listItems(threadId: number | null = null): Promise<ThreadItemRow[]> {
      return db.query<ThreadItemRow>(
        `select t.id as "threadId", t.title as "threadTitle", i.id as "itemId", m.id as "meetingId",
           m.committee_id as "committeeId", c.short_name as committee, m.date, i.number, i.title,
           i.access, ${namedUserIdsSql('i.id')} as "viewerIds", m.stage, i.decision, ti.manual,
           ti.confirmed
         from case_thread t
         join thread_item ti on ti.thread_id = t.id
         join item i on i.id = ti.item_id
         join meeting m on m.id = i.meeting_id
         join committee c on c.id = m.committee_id
         where $1::int is null or t.id = $1::int
         order by t.id, m.date nulls last, c.short_name, i.number, i.id`,
        [threadId],
      );
    },

    async threadOfItem(itemId: number): Promise<number | null> {
      const rows = await db.query<{ threadId: number }>(
        `select thread_id as "threadId" from thread_item where item_id = $1`,
        [itemId],
      );
      return rows[0]?.threadId ?? null;
    },
  };
}
export type ThreadRepository = ReturnType<typeof threadRepository>;
