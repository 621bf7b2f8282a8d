/**
 * The rules that propose links between items of different meetings that concern the same case.
 * Precision over reach: a wrong link misleads a director, so every rule needs two signals.
 *
 * - reference (0.9): an item refers to a meeting ("DAS drøftede på møde den 19. oktober 2020")
 *   and an item of that meeting shares its subject (two title words, or one long compound).
 * - named-subject (0.8): a title names something in quotes (”Socialfagligt fokus på
 *   beskæftigelse”) and an item of another meeting names it too. An item that names several
 *   such subjects links to none of them (it is an overview, not the case).
 * - similar-title (0.7): titles share at least two subject words with Jaccard ≥ 0.5, the texts
 *   share their subject too (or the titles are nearly identical), within 24 months. The same
 *   heading again after more than 6 months, or a title that differs only by its years, is a
 *   recurring item (the yearly budget, the yearly tariff round), not one case.
 * - same-offer (0.6): both titles name the same offer, within 24 months; undated items need one
 *   more shared subject word.
 *
 * Never linked: standard and generic items (item-kinds.ts), closed items (only by hand: their
 * titles must not name a public thread), two items of the same meeting.
 */
import { isLinkable } from './item-kinds.ts';
import {
  foldPhrase,
  intersection,
  jaccard,
  overlap,
  quotedNames,
  subjectStems,
  wordsOf,
  yearsOf,
} from './terms.ts';
import type { ThreadCandidate, ThreadLink } from './types.ts';

export const STRENGTH = {
  manual: 1,
  reference: 0.9,
  'named-subject': 0.8,
  'similar-title': 0.7,
  'same-offer': 0.6,
} as const;

const MAX_MONTHS = 24;
const SAME_HEADING_MONTHS = 6;
/** Characters of an item's text used to compare subjects. */
const SUBJECT_TEXT = 4000;

interface Prepared {
  c: ThreadCandidate;
  titleStems: Set<string>;
  subject: Set<string>;
  /** title without years, folded */
  bareTitle: string;
  years: Set<string>;
  foldedTitle: string;
  /** title, summary and text folded, padded with spaces for whole-word search */
  foldedAll: string;
  names: string[];
}

/** Whole months between two ISO dates (absolute). */
export function monthsBetween(a: string, b: string): number {
  const [ya, ma, da] = a.split('-').map(Number) as [number, number, number];
  const [yb, mb, db] = b.split('-').map(Number) as [number, number, number];
  return Math.abs((yb - ya) * 12 + (mb - ma) + (db - da) / 31);
}

function within(a: ThreadCandidate, b: ThreadCandidate, months: number): boolean {
  return a.date !== null && b.date !== null && monthsBetween(a.date, b.date) <= months;
}

function prepare(c: ThreadCandidate): Prepared {
  const titleWords = wordsOf(c.title);
  return {
    c,
    titleStems: subjectStems(c.title),
    subject: subjectStems(`${c.summary}\n${c.text.slice(0, SUBJECT_TEXT)}`),
    bareTitle: titleWords.filter((w) => !/^\d+$/.test(w)).join(' '),
    years: yearsOf(c.title),
    foldedTitle: ` ${titleWords.join(' ')} `,
    foldedAll: ` ${foldPhrase(`${c.title}\n${c.summary}\n${c.text}`)} `,
    names: quotedNames(c.title),
  };
}

/** Shared subject for the reference rule: two title words, or one long compound. */
function sharesSubject(a: Prepared, b: Prepared): boolean {
  const bSubject = new Set([...b.titleStems, ...subjectStems(b.c.summary)]);
  const aSubject = new Set([...a.titleStems, ...subjectStems(a.c.summary)]);
  const shared = new Set([
    ...intersection(a.titleStems, bSubject),
    ...intersection(b.titleStems, aSubject),
  ]);
  if (shared.size >= 2) return true;
  return [...shared].some((s) => s.length >= 9);
}

function disjointYears(a: Prepared, b: Prepared): boolean {
  return a.years.size > 0 && b.years.size > 0 && intersection(a.years, b.years).length === 0;
}

function similarTitles(a: Prepared, b: Prepared): boolean {
  if (a.bareTitle === b.bareTitle) {
    // The same heading: a postponed or continued item soon after, else a recurring item.
    return within(a.c, b.c, SAME_HEADING_MONTHS) && !disjointYears(a, b);
  }
  const bareA = subjectStems(a.bareTitle);
  const bareB = subjectStems(b.bareTitle);
  if (disjointYears(a, b) && jaccard(bareA, bareB) >= 0.8) return false;
  const shared = intersection(a.titleStems, b.titleStems).length;
  const sim = jaccard(a.titleStems, b.titleStems);
  if (shared < 2 || sim < 0.5) return false;
  if (!within(a.c, b.c, MAX_MONTHS)) return false;
  if (a.subject.size >= 8 && b.subject.size >= 8) return overlap(a.subject, b.subject) >= 0.25;
  return sim >= 0.75;
}

function sameOffer(a: Prepared, b: Prepared): string | null {
  const offersB = new Set(b.c.offers.map(foldPhrase));
  for (const offer of a.c.offers.map(foldPhrase)) {
    if (offer === '' || !offersB.has(offer)) continue;
    if (!a.foldedTitle.includes(` ${offer} `) || !b.foldedTitle.includes(` ${offer} `)) continue;
    if (disjointYears(a, b) && jaccard(subjectStems(a.bareTitle), subjectStems(b.bareTitle)) >= 0.8)
      continue;
    if (within(a.c, b.c, MAX_MONTHS)) return offer;
    if (a.c.date === null || b.c.date === null) {
      const offerStems = subjectStems(offer);
      const extra = intersection(a.titleStems, b.titleStems).filter((s) => !offerStems.has(s));
      if (extra.length > 0) return offer;
    }
  }
  return null;
}

/**
 * Proposes links between the items; each pair at most once, with its strongest reason.
 *
 * @returns links with a < b (item ids), strongest first
 */
export function proposeLinks(candidates: readonly ThreadCandidate[]): ThreadLink[] {
  const items = candidates.filter((c) => c.access === 'open' && isLinkable(c)).map(prepare);
  const links = new Map<string, ThreadLink>();
  const add = (x: Prepared, y: Prepared, reason: ThreadLink['reason']) => {
    if (x.c.meetingId === y.c.meetingId) return;
    const [a, b] = x.c.itemId < y.c.itemId ? [x.c.itemId, y.c.itemId] : [y.c.itemId, x.c.itemId];
    const key = `${a}-${b}`;
    const strength = STRENGTH[reason];
    const known = links.get(key);
    if (known === undefined || known.strength < strength)
      links.set(key, { a, b, reason, strength });
  };

  // reference: items of the meetings an item refers to
  const byDate = new Map<string, Prepared[]>();
  for (const p of items) {
    if (p.c.date === null) continue;
    const list = byDate.get(p.c.date) ?? [];
    list.push(p);
    byDate.set(p.c.date, list);
  }
  for (const p of items) {
    for (const ref of p.c.meetingReferences) {
      if (ref.date === null) continue;
      for (const q of byDate.get(ref.date) ?? []) {
        if (ref.committee !== null && ref.committee.toLowerCase() !== q.c.committee.toLowerCase())
          continue;
        if (sharesSubject(p, q)) add(p, q, 'reference');
      }
    }
  }

  // named subject
  const namers = items.filter((p) => p.names.length > 0);
  if (namers.length > 0) {
    for (const p of items) {
      const found = new Set<string>();
      const partners: Prepared[] = [];
      for (const q of namers) {
        if (q === p || q.c.meetingId === p.c.meetingId) continue;
        const hits = q.names.filter((name) => p.foldedAll.includes(` ${name} `));
        if (hits.length === 0) continue;
        for (const name of hits) found.add(name);
        partners.push(q);
      }
      const own = new Set(p.names);
      const foreign = [...found].filter((name) => !own.has(name));
      // An overview that names several cases belongs to none of them.
      if (foreign.length > 1) continue;
      for (const q of partners) add(p, q, 'named-subject');
    }
  }

  // similar titles and same offer: compare only items that share a title word
  const index = new Map<string, Prepared[]>();
  for (const p of items) {
    for (const s of p.titleStems) {
      const list = index.get(s) ?? [];
      list.push(p);
      index.set(s, list);
    }
  }
  const seen = new Set<string>();
  for (const p of items) {
    for (const s of p.titleStems) {
      const list = index.get(s) ?? [];
      // A word in very many titles says little; pairs that matter share a rarer word too.
      if (list.length > Math.max(50, items.length / 20)) continue;
      for (const q of list) {
        if (q.c.itemId <= p.c.itemId) continue;
        const key = `${p.c.itemId}-${q.c.itemId}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (p.c.meetingId === q.c.meetingId) continue;
        if (similarTitles(p, q)) add(p, q, 'similar-title');
        else if (sameOffer(p, q) !== null) add(p, q, 'same-offer');
      }
    }
  }

  return [...links.values()].sort((x, y) => y.strength - x.strength || x.a - y.a || x.b - y.b);
}
