/**
 * Case threads: rebuilt from the linking rules after every import, with the secretariat's manual
 * choices (confirm, split, merge, rename, link, unlink) recorded as decisions and replayed on
 * every rebuild, so they survive a re-import. Thread ids stay stable: a rebuilt thread keeps the
 * id of the stored thread it shares most items with.
 */
import type { Db } from '../db/client.ts';
import { threadRepository, type ThreadItemRow } from '../db/repositories/thread.repository.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import {
  canSeeAccess,
  canSeeDecisions,
  canSeeMeeting,
  isSecretariat,
  type Viewer,
} from '../domain/meetings/index.ts';
import {
  compareByDate,
  deriveThreadTitle,
  planThreads,
  proposeLinks,
  type PlannedThread,
} from '../domain/threads/index.ts';
import type { Clock } from './clock.ts';

export interface ThreadItemView {
  itemId: number;
  meetingId: number;
  date: string | null;
  committee: string;
  number: number;
  title: string;
  /** The first words of the decision, when the viewer may see it; else null. */
  decisionExcerpt: string | null;
  confirmed: boolean;
}

export interface ThreadView {
  id: number;
  title: string;
  items: ThreadItemView[];
}

export interface RebuildSummary {
  threads: number;
  items: number;
}

/** Matches planned threads to stored ones by shared items (greedy, most shared first). */
function matchIds(
  planned: readonly PlannedThread[],
  stored: readonly { id: number; itemIds: number[] }[],
): (number | null)[] {
  const pairs: { p: number; id: number; shared: number }[] = [];
  planned.forEach((thread, p) => {
    const ids = new Set(thread.items.map((i) => i.itemId));
    for (const s of stored) {
      const shared = s.itemIds.filter((id) => ids.has(id)).length;
      if (shared > 0) pairs.push({ p, id: s.id, shared });
    }
  });
  pairs.sort((x, y) => y.shared - x.shared || x.id - y.id || x.p - y.p);
  const result: (number | null)[] = planned.map(() => null);
  const taken = new Set<number>();
  for (const { p, id } of pairs) {
    if (result[p] !== null || taken.has(id)) continue;
    result[p] = id;
    taken.add(id);
  }
  return result;
}

/**
 * Rebuilds every thread from the rules and the manual decisions, in one transaction.
 *
 * @param _clock reserved for time-stamping (threads use the database's clock today)
 */
export async function rebuildThreads(db: Db, _clock?: Clock): Promise<RebuildSummary> {
  return db.transaction(async (tx) => {
    const repo = threadRepository(tx);
    const candidates = await repo.candidates();
    const planned = planThreads(candidates, proposeLinks(candidates), await repo.decisions());
    const ids = matchIds(planned, await repo.stored());
    await repo.replaceAll(
      planned.map((t, n) => ({
        id: ids[n] ?? null,
        title: t.title,
        manual: t.titledByHand || t.items.some((i) => i.confirmed),
        items: t.items,
      })),
    );
    return { threads: planned.length, items: planned.reduce((n, t) => n + t.items.length, 0) };
  });
}

const EXCERPT_WORDS = 30;

function excerpt(text: string): string | null {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  if (words[0] === '') return null;
  return words.length > EXCERPT_WORDS
    ? `${words.slice(0, EXCERPT_WORDS).join(' ')} …`
    : words.join(' ');
}

function visible(viewer: Viewer, row: ThreadItemRow): boolean {
  return (
    canSeeMeeting(viewer, { stage: row.stage }) &&
    canSeeAccess(viewer, row.committeeId, row.access, row.viewerIds)
  );
}

function toViews(viewer: Viewer, rows: readonly ThreadItemRow[]): ThreadView[] {
  const byThread = new Map<number, ThreadItemRow[]>();
  for (const row of rows) {
    const list = byThread.get(row.threadId) ?? [];
    list.push(row);
    byThread.set(row.threadId, list);
  }
  const views: ThreadView[] = [];
  for (const [id, all] of byThread) {
    const shown = all.filter((row) => visible(viewer, row));
    // A thread of one item is no thread; a partly hidden thread must not be named by what is hidden.
    if (shown.length < 2) continue;
    const items = shown
      .map((row) => ({ ...row, itemId: row.itemId }))
      .sort((a, b) => compareByDate(a, b));
    const title =
      shown.length === all.length || isSecretariat(viewer)
        ? (all[0]?.threadTitle ?? '')
        : deriveThreadTitle(items);
    views.push({
      id,
      title,
      items: items.map((row) => ({
        itemId: row.itemId,
        meetingId: row.meetingId,
        date: row.date,
        committee: row.committee,
        number: row.number,
        title: row.title,
        decisionExcerpt: canSeeDecisions(viewer, { stage: row.stage })
          ? excerpt(row.decision)
          : null,
        confirmed: row.confirmed,
      })),
    });
  }
  return views.sort((a, b) => {
    const x = a.items[0];
    const y = b.items[0];
    return x && y ? compareByDate({ ...x }, { ...y }) || a.id - b.id : a.id - b.id;
  });
}

/** Every thread the viewer may see, with only the items the viewer may see (at least two). */
export async function listThreads(db: Db, viewer: Viewer): Promise<ThreadView[]> {
  return toViews(viewer, await threadRepository(db).listItems());
}

/** The thread an item belongs to, as the viewer may see it (for the item page's timeline). */
export async function threadOfItem(
  db: Db,
  viewer: Viewer,
  itemId: number,
): Promise<ThreadView | null> {
  const repo = threadRepository(db);
  const threadId = await repo.threadOfItem(itemId);
  if (threadId === null) return null;
  const [view] = toViews(viewer, await repo.listItems(threadId));
  return view !== undefined && view.items.some((i) => i.itemId === itemId) ? view : null;
}

async function threadItemIds(db: Db, threadId: number): Promise<number[]> {
  const rows = await threadRepository(db).listItems(threadId);
  if (rows.length === 0) throw new NotFoundError('Sagsforløbet findes ikke.');
  return rows.map((r) => r.itemId);
}

async function requireItems(db: Db, itemIds: readonly number[]): Promise<void> {
  const rows = await db.query<{ id: number }>(
    `select id from item where id in (select (jsonb_array_elements_text($1::jsonb))::int)`,
    [itemIds],
  );
  if (rows.length !== new Set(itemIds).size)
    throw new NotFoundError('Et af punkterne findes ikke.');
}

/** Manual choices; each is recorded and replayed on every later rebuild. */
export function threadActions(db: Db, userId: number | null = null) {
  const record = (
    action: 'link' | 'separate' | 'detach' | 'confirm' | 'rename',
    itemIds: readonly number[],
    extra: { otherItemIds?: readonly number[]; title?: string } = {},
  ) =>
    db.transaction(async (tx) => {
      await threadRepository(tx).addDecision({ action, itemIds, ...extra, userId });
      await rebuildThreads(tx);
    });

  return {
    /** Confirms that the thread's items belong together: they stay together from now on. */
    async confirm(threadId: number) {
      await record('confirm', await threadItemIds(db, threadId));
    },
    /** Splits the thread before `atItemId` (in date order): the two parts never join again. */
    async split(threadId: number, atItemId: number) {
      const rows = await threadRepository(db).listItems(threadId);
      const index = rows.findIndex((r) => r.itemId === atItemId);
      if (index === -1) throw new NotFoundError('Punktet er ikke en del af sagsforløbet.');
      if (index === 0)
        throw new ValidationError(
          { item: 'Vælg et senere punkt.' },
          'Et sagsforløb kan ikke deles før sit første punkt; vælg det punkt, hvor den nye del begynder.',
        );
      const before = rows.slice(0, index).map((r) => r.itemId);
      const after = rows.slice(index).map((r) => r.itemId);
      await record('separate', before, { otherItemIds: after });
      // each part stays a thread of its own
      if (before.length >= 2) await record('link', before);
      if (after.length >= 2) await record('link', after);
    },
    /** Merges two threads into one. */
    async merge(threadId: number, otherThreadId: number) {
      if (threadId === otherThreadId)
        throw new ValidationError(
          { thread: 'Vælg et andet sagsforløb.' },
          'Vælg to forskellige sagsforløb.',
        );
      const ids = [
        ...(await threadItemIds(db, threadId)),
        ...(await threadItemIds(db, otherThreadId)),
      ];
      await record('link', ids);
    },
    /** Links items by hand (into one thread; existing threads of theirs join it). */
    async link(itemIds: readonly number[]) {
      if (new Set(itemIds).size < 2)
        throw new ValidationError(
          { items: 'Vælg mindst to punkter.' },
          'Vælg mindst to punkter at sammenkæde.',
        );
      await requireItems(db, itemIds);
      await record('link', itemIds);
    },
    /** Takes an item out of its thread; the rules will not put it in a thread again. */
    async unlink(itemId: number) {
      await requireItems(db, [itemId]);
      await record('detach', [itemId]);
    },
    /** Names a thread; the name stays through rebuilds. */
    async rename(threadId: number, title: string) {
      const clean = title.replace(/\s+/g, ' ').trim();
      if (clean === '')
        throw new ValidationError({ title: 'Skriv en titel.' }, 'Sagsforløbet skal have en titel.');
      if (clean.length > 200)
        throw new ValidationError({ title: 'Højst 200 tegn.' }, 'Titlen må højst være 200 tegn.');
      const ids = await threadItemIds(db, threadId);
      await record('rename', ids, { title: clean });
    },
  };
}
