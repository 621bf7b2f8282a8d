/**
 * Builds threads from proposed links and the secretariat's manual choices.
 *
 * Manual choices are replayed in order (a later choice wins over an earlier one about the same
 * items), then applied before any rule: `link`/`confirm` join items, `separate` keeps two groups
 * apart, `detach` keeps items out of every thread, `rename` names the thread an item is in.
 * Rule links are then applied strongest first, refusing a link that would put two items of one
 * meeting in a thread, join items a person separated, or join two threads that already have
 * several items each (unless the link is an explicit reference): chains of weak likenesses are
 * how wrong threads grow.
 */
import { STRENGTH } from './linking.ts';
import { quotedNames } from './terms.ts';
import type { PlannedThread, ThreadCandidate, ThreadDecision, ThreadLink } from './types.ts';

interface DecisionState {
  detached: Set<number>;
  must: Map<string, [number, number]>;
  cannot: Set<string>;
  confirmed: Set<number>;
  renames: { itemIds: number[]; title: string }[];
}

const pairKey = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);

/** Replays the decisions in order into the constraints they leave. */
export function replayDecisions(
  decisions: readonly ThreadDecision[],
  known: ReadonlySet<number>,
): DecisionState {
  const state: DecisionState = {
    detached: new Set(),
    must: new Map(),
    cannot: new Set(),
    confirmed: new Set(),
    renames: [],
  };
  const sorted = [...decisions].sort((x, y) => x.id - y.id);
  for (const d of sorted) {
    const ids = d.itemIds.filter((id) => known.has(id));
    const others = d.otherItemIds.filter((id) => known.has(id));
    switch (d.action) {
      case 'link':
      case 'confirm':
        for (const id of ids) state.detached.delete(id);
        for (let i = 1; i < ids.length; i++) {
          const a = ids[0] as number;
          const b = ids[i] as number;
          if (a === b) continue;
          state.must.set(pairKey(a, b), [a, b]);
          // joining undoes an earlier separation of these items
          for (const c of ids) for (const e of ids) state.cannot.delete(pairKey(c, e));
        }
        if (d.action === 'confirm') for (const id of ids) state.confirmed.add(id);
        break;
      case 'separate':
        for (const a of ids) {
          for (const b of others) {
            if (a === b) continue;
            state.cannot.add(pairKey(a, b));
            state.must.delete(pairKey(a, b));
          }
        }
        // a must-link chain across the split would join the groups again: cut it
        for (const [key, [a, b]] of state.must) {
          const aLeft = ids.includes(a) || ids.includes(b);
          const bRight = others.includes(a) || others.includes(b);
          if (aLeft && bRight) state.must.delete(key);
        }
        break;
      case 'detach':
        for (const id of ids) {
          state.detached.add(id);
          state.confirmed.delete(id);
          for (const [key, [a, b]] of state.must) if (a === id || b === id) state.must.delete(key);
        }
        break;
      case 'rename':
        if (ids.length > 0 && d.title !== null && d.title.trim() !== '')
          state.renames.push({ itemIds: ids, title: d.title.trim() });
        break;
    }
  }
  return state;
}

class Clusters {
  private parent = new Map<number, number>();
  private members = new Map<number, Set<number>>();

  constructor(ids: Iterable<number>) {
    for (const id of ids) {
      this.parent.set(id, id);
      this.members.set(id, new Set([id]));
    }
  }

  find(id: number): number {
    let root = id;
    while (this.parent.get(root) !== root) root = this.parent.get(root) ?? root;
    this.parent.set(id, root);
    return root;
  }

  of(id: number): Set<number> {
    return this.members.get(this.find(id)) ?? new Set();
  }

  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    const [big, small] =
      (this.members.get(ra)?.size ?? 0) >= (this.members.get(rb)?.size ?? 0) ? [ra, rb] : [rb, ra];
    this.parent.set(small, big);
    const into = this.members.get(big);
    for (const id of this.members.get(small) ?? []) into?.add(id);
    this.members.delete(small);
  }

  groups(): Set<number>[] {
    return [...this.members.values()];
  }
}

const PREFIXES =
  /^(?:orientering\s+(?:om|vedr\.?|vedrørende|fra)|status\s+(?:på|for|vedr\.?|vedrørende)|behandling\s+af|igangsættelse\s+af|opfølgning\s+(?:på|af)|godkendelse\s+af|forslag\s+til|drøftelse\s+af|beslutning\s+om)\s+/i;

/** A thread's title from its items: a quoted name in the earliest title that has one, else the earliest title without its "Orientering om"-style lead-in. */
export function deriveThreadTitle(items: readonly Pick<ThreadCandidate, 'title'>[]): string {
  for (const item of items) {
    const match = item.title
      .normalize('NFC')
      .match(/["“”„«»'‘’]([^"“”„«»'‘’\n]{15,120})["“”„«»'‘’]/u);
    if (match?.[1] !== undefined && quotedNames(item.title).length > 0) {
      return capitalise(match[1].replace(/[.\s]+$/, '').trim());
    }
  }
  let title = (items[0]?.title ?? '').replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 3 && PREFIXES.test(title); i++) title = title.replace(PREFIXES, '');
  return capitalise(title);
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('da') + text.slice(1);
}

/** Date order; undated items last, then by committee and number. */
export function compareByDate(
  a: Pick<ThreadCandidate, 'date' | 'committee' | 'number' | 'itemId'>,
  b: Pick<ThreadCandidate, 'date' | 'committee' | 'number' | 'itemId'>,
): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return a.committee.localeCompare(b.committee) || a.number - b.number || a.itemId - b.itemId;
}

/**
 * @param items every item that may be in a thread (the rules decide which can)
 * @param links proposed by proposeLinks
 * @param decisions the manual choices, in any order (replayed by id)
 */
export function planThreads(
  items: readonly ThreadCandidate[],
  links: readonly ThreadLink[],
  decisions: readonly ThreadDecision[],
): PlannedThread[] {
  const byId = new Map(items.map((i) => [i.itemId, i]));
  const state = replayDecisions(decisions, new Set(byId.keys()));
  const clusters = new Clusters(byId.keys());
  const used: ThreadLink[] = [];
  const manualItems = new Set<number>();

  const separated = (x: ReadonlySet<number>, y: ReadonlySet<number>) => {
    for (const a of x) for (const b of y) if (state.cannot.has(pairKey(a, b))) return true;
    return false;
  };
  const shareMeeting = (x: ReadonlySet<number>, y: ReadonlySet<number>) => {
    const meetings = new Set([...x].map((id) => byId.get(id)?.meetingId));
    return [...y].some((id) => meetings.has(byId.get(id)?.meetingId));
  };

  for (const [a, b] of state.must.values()) {
    if (state.detached.has(a) || state.detached.has(b)) continue;
    if (separated(clusters.of(a), clusters.of(b))) continue;
    clusters.union(a, b);
    manualItems.add(a);
    manualItems.add(b);
    used.push({ a, b, reason: 'manual', strength: STRENGTH.manual });
  }

  const sorted = [...links].sort((x, y) => y.strength - x.strength || x.a - y.a || x.b - y.b);
  for (const link of sorted) {
    if (!byId.has(link.a) || !byId.has(link.b)) continue;
    if (state.detached.has(link.a) || state.detached.has(link.b)) continue;
    const x = clusters.of(link.a);
    const y = clusters.of(link.b);
    if (x === y) continue;
    if (separated(x, y) || shareMeeting(x, y)) continue;
    if (x.size >= 2 && y.size >= 2 && link.strength < STRENGTH.reference) continue;
    clusters.union(link.a, link.b);
    used.push(link);
  }

  const threads: PlannedThread[] = [];
  for (const group of clusters.groups()) {
    if (group.size < 2) continue;
    const members = [...group]
      .map((id) => byId.get(id))
      .filter((c): c is ThreadCandidate => c !== undefined)
      .sort(compareByDate);
    const rename = state.renames.filter((r) => r.itemIds.some((id) => group.has(id))).at(-1);
    threads.push({
      title: rename?.title ?? deriveThreadTitle(members),
      titledByHand: rename !== undefined,
      items: members.map((m) => ({
        itemId: m.itemId,
        manual: manualItems.has(m.itemId),
        confirmed: state.confirmed.has(m.itemId),
      })),
      links: used.filter((l) => group.has(l.a)),
    });
  }
  return threads.sort((x, y) => {
    const fx = byId.get(x.items[0]?.itemId ?? -1);
    const fy = byId.get(y.items[0]?.itemId ?? -1);
    return fx && fy ? compareByDate(fx, fy) : 0;
  });
}
