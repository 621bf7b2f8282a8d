import type { Line } from './lines.ts';
import { MONTH_NAME_PATTERN } from './dates.ts';
import { isFieldHeading } from './fields.ts';

/** A line that may start an item: "Punkt 3." (title on the next lines) or "3. Title". */
export interface HeadingCandidate {
  number: number;
  /** Index in the document's lines of the heading line. */
  index: number;
  /** Index of the last line that belongs to the heading (the title may wrap). */
  lastIndex: number;
  title: string;
  style: 'punkt' | 'numbered';
}

// Capitalised only: a lowercase "punkt 4." at a line start is a reference broken over a line
// ("jf. | punkt 4. Taksten …"), never a heading.
const PUNKT_MARKER = /^(?:Punkt|PUNKT)\s+(\d{1,3})\s*[.:]?$/;
const PUNKT_INLINE = /^(?:Punkt|PUNKT)\s+(\d{1,3})\s*[.:]\s+(\S.*)$/;
/** A line ending in a reference word continues on the next: "… jf." + "8. Kredsen …". */
const ENDS_IN_REFERENCE =
  /(?:^|\s)(?:jf\.?|pkt\.?|nr\.?|(?:jf\.?|se|i|under|af|til)\s+punkt(?:erne)?)$/i;

function followsReference(lines: Line[], index: number): boolean {
  for (let i = index - 1; i >= 0 && i >= index - 1; i--) {
    const text = lines[i]?.text ?? '';
    if (text !== '') return ENDS_IN_REFERENCE.test(text.trimEnd());
  }
  return false;
}
const NUMBERED = /^(\d{1,3})\s?\.\s+(\S.*)$/u;
const STARTS_WITH_MONTH = new RegExp(`^(?:${MONTH_NAME_PATTERN})\\b`, 'i');
/** Table-of-contents entries carry a page reference: "(side 5)" or dot leaders. */
const TOC_REFERENCE = /(?:\(\s*side\s*\d{1,4}\s*\)|\.{4,}\s*\d{1,4})\s*$/i;

export function isTocEntry(text: string): boolean {
  return NUMBERED.test(text) && TOC_REFERENCE.test(text);
}

/**
 * A title line that ends in a word that cannot end a title ("... erfaringer fra", "... og"),
 * in a dash or a comma, wraps: the next line is the rest of the title. PDF extraction gives the
 * wrapped line without a blank line between, and it may start with a capital ("Nordjylland").
 */
const DANGLING_END =
  /(?:^|\s)(?:og|eller|samt|til|fra|for|af|i|på|med|om|ved|under|efter|mellem|over|hos|mod|den|det|de|en|et|som|at|der|vedr\.)$|\s[–-]$|,$/i;

function continuesTitle(title: string, next: string): boolean {
  if (next === '' || next.length > 200 || !DANGLING_END.test(title.trimEnd())) return false;
  return !(
    isFieldHeading(next) ||
    PUNKT_MARKER.test(next) ||
    PUNKT_INLINE.test(next) ||
    NUMBERED.test(next) ||
    /^\(?lukket/i.test(next) ||
    /^[\p{L} ]{2,30}:(?:\s|$)/u.test(next)
  );
}

function nextNonBlank(lines: Line[], from: number, limit = 6): number {
  for (let i = from; i < lines.length && i < from + limit; i++) {
    if ((lines[i]?.text ?? '') !== '') return i;
  }
  return -1;
}

/** "3. Title" with a title that reads like one: capitalised, not a date, not a TOC entry. */
function parseNumbered(text: string): { number: number; title: string } | null {
  const match = NUMBERED.exec(text);
  if (!match) return null;
  const title = match[2] ?? '';
  if (!/^[\p{Lu}"“”„«']/u.test(title) || STARTS_WITH_MONTH.test(title)) return null;
  if (TOC_REFERENCE.test(title) || title.length > 250) return null;
  return { number: Number(match[1]), title };
}

/** Title lines under a "Punkt N." marker: the next non-blank lines up to a blank line. */
function readMarkerTitle(
  lines: Line[],
  markerIndex: number,
): { title: string; lastIndex: number } | null {
  const first = nextNonBlank(lines, markerIndex + 1, 4);
  if (first < 0) return null;
  const parts: string[] = [];
  let last = first;
  for (let i = first; i < lines.length && i < first + 3; i++) {
    const text = lines[i]?.text ?? '';
    if (text === '' || isFieldHeading(text) || PUNKT_MARKER.test(text) || /^\(?lukket/i.test(text))
      break;
    parts.push(text);
    last = i;
  }
  if (parts.length === 0) return null;
  return { title: parts.join(' '), lastIndex: last };
}

/**
 * Finds every line that could head an item. Where a document uses "Punkt N." markers for its
 * items (2020-21 layout), numbered lines are left out: they are lists inside the items. A
 * "Punkt N" line directly above "N. Title" is a page header, not a heading.
 */
export function findHeadingCandidates(lines: Line[], end: number): HeadingCandidate[] {
  const markers: HeadingCandidate[] = [];
  const numbered: HeadingCandidate[] = [];
  for (let i = 0; i < end; i++) {
    const text = lines[i]?.text ?? '';
    if (text === '' || followsReference(lines, i)) continue;
    const inline = PUNKT_INLINE.exec(text);
    if (inline) {
      let title = inline[2] ?? '';
      let last = i;
      while (last + 1 < end && last < i + 2 && continuesTitle(title, lines[last + 1]?.text ?? '')) {
        title += ` ${lines[last + 1]?.text ?? ''}`;
        last++;
      }
      markers.push({
        number: Number(inline[1]),
        index: i,
        lastIndex: last,
        title,
        style: 'punkt',
      });
      continue;
    }
    const marker = PUNKT_MARKER.exec(text);
    if (marker) {
      const next = nextNonBlank(lines, i + 1);
      const below = next >= 0 ? parseNumbered(lines[next]?.text ?? '') : null;
      if (below?.number === Number(marker[1])) continue;
      const title = readMarkerTitle(lines, i);
      if (title && title.lastIndex < end) {
        markers.push({
          number: Number(marker[1]),
          index: i,
          lastIndex: title.lastIndex,
          title: title.title,
          style: 'punkt',
        });
      }
      continue;
    }
    const heading = parseNumbered(text);
    if (heading) {
      let title = heading.title;
      let last = i;
      // A title that wraps goes on in lowercase, or after a dangling word, on the very next line.
      while (
        last + 1 < end &&
        last < i + 2 &&
        (/^\p{Ll}/u.test(lines[last + 1]?.text ?? '') ||
          continuesTitle(title, lines[last + 1]?.text ?? ''))
      ) {
        title += ` ${lines[last + 1]?.text ?? ''}`;
        last++;
      }
      numbered.push({
        number: heading.number,
        index: i,
        lastIndex: last,
        title,
        style: 'numbered',
      });
    }
  }
  if (markers.length >= 2) return markers;
  return [...markers, ...numbered].sort((a, b) => a.index - b.index);
}

/**
 * Chooses the item headings among the candidates: the chain of strictly increasing numbers
 * that scores best. Each heading counts one; a heading with text of its own below it counts a
 * little more, so an item's own heading beats its table-of-contents line; skipped numbers
 * cost a little, so lists and dates inside items lose to the real sequence.
 */
export function selectHeadings(
  candidates: HeadingCandidate[],
  lines: Line[],
  end: number,
): HeadingCandidate[] {
  const list = candidates.slice(0, 3000);
  const n = list.length;
  if (n === 0) return [];
  const ownBody = list.map((candidate, k) => {
    const stop = list[k + 1]?.index ?? end;
    for (let i = candidate.lastIndex + 1; i < stop; i++) {
      const text = lines[i]?.text ?? '';
      if (text !== '' && !/^\(?\d{1,2}[.:]\d{2}/.test(text)) return true;
    }
    return false;
  });
  const weight = (k: number): number => 1 + (ownBody[k] ? 0.5 : 0);
  const best: number[] = [];
  const previous: number[] = [];
  for (let j = 0; j < n; j++) {
    const number = list[j]?.number ?? 0;
    let score = weight(j) - 0.3 * Math.max(0, number - 1);
    let from = -1;
    for (let i = 0; i < j; i++) {
      const before = list[i]?.number ?? 0;
      if (before >= number) continue;
      const candidate = (best[i] ?? 0) + weight(j) - 0.3 * (number - before - 1);
      if (candidate > score) {
        score = candidate;
        from = i;
      }
    }
    best.push(score);
    previous.push(from);
  }
  let last = 0;
  for (let j = 1; j < n; j++) if ((best[j] ?? 0) > (best[last] ?? 0)) last = j;
  const chain: HeadingCandidate[] = [];
  for (let k = last; k >= 0; k = previous[k] ?? -1) {
    const candidate = list[k];
    if (candidate) chain.unshift(candidate);
  }
  return chain;
}
