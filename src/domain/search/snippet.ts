/**
 * Search snippets mark their hits with two private-use characters, which never occur in
 * documents and survive any escaping: U+E000 starts a hit, U+E001 ends it. The HTML layer
 * escapes each segment and wraps hits in <mark>; plain outputs strip the marks.
 */

export const HIT_START = '\uE000';
export const HIT_END = '\uE001';

export interface SnippetSegment {
  text: string;
  hit: boolean;
}

/** Splits a marked snippet into plain and hit segments (for safe HTML rendering). */
export function snippetSegments(snippet: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let hit = false;
  let text = '';
  const flush = () => {
    if (text !== '') segments.push({ text, hit });
    text = '';
  };
  for (const char of snippet) {
    if (char === HIT_START || char === HIT_END) {
      flush();
      hit = char === HIT_START;
    } else {
      text += char;
    }
  }
  flush();
  return segments;
}

/** The snippet without marks. */
export function stripHighlights(snippet: string): string {
  return snippet.replaceAll(HIT_START, '').replaceAll(HIT_END, '');
}

/** The snippet with hits shown as `[hit]` ... or any pair of markers, for terminals. */
export function markHighlights(snippet: string, start: string, end: string): string {
  return snippet.replaceAll(HIT_START, start).replaceAll(HIT_END, end);
}

/** A lexeme of a parsed tsquery, e.g. `'takst':*` → { lexeme: 'takst', prefix: true }. */
export interface QueryLexeme {
  lexeme: string;
  prefix: boolean;
}

/**
 * The positive lexemes of a tsquery as PostgreSQL prints it (`'takst':* & !'kvist':*`); negated
 * ones are left out, as they never occur in a hit.
 */
export function queryLexemes(tsqueryText: string): QueryLexeme[] {
  const out: QueryLexeme[] = [];
  for (const match of tsqueryText.matchAll(/(!?)'((?:[^']|'')+)'(:\*)?/g)) {
    if (match[1] === '!') continue;
    out.push({ lexeme: (match[2] ?? '').replaceAll("''", "'"), prefix: match[3] !== undefined });
  }
  return out;
}

const SNIPPET_WORD = /[\p{L}\p{N}]+/gu;

/**
 * A short piece of the first text that contains a hit, the hits marked with HIT_START/HIT_END.
 *
 * A word is a hit when it starts with a query lexeme (lexemes are Danish stems, and a word's stem
 * is a prefix of the word, so "Kvistens" is a hit for kvist:*); for an exact lexeme the word must
 * also be at most three letters longer (an inflection, not a compound). Done here rather than
 * with ts_headline, which re-parses every whole text and dominated search time.
 *
 * @param texts candidate texts in order of preference (summary, decision, body, ...)
 * @param maxWords the length of the window around the best hits
 */
export function buildSnippet(
  texts: readonly string[],
  lexemes: readonly QueryLexeme[],
  maxWords = 30,
): string {
  const isHit = (word: string) => {
    const w = word.toLowerCase();
    return lexemes.some(
      (l) => w.startsWith(l.lexeme) && (l.prefix || w.length - l.lexeme.length <= 3),
    );
  };
  for (const raw of texts) {
    const text = raw.replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    const words = [...text.matchAll(SNIPPET_WORD)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      hit: isHit(m[0]),
    }));
    const hits = words.flatMap((w, i) => (w.hit ? [i] : []));
    if (hits.length === 0) continue;
    // the window of maxWords words with the most hits, starting a few words before its first hit
    let best = hits[0] ?? 0;
    let bestCount = 0;
    for (const h of hits) {
      const count = hits.filter((x) => x >= h && x < h + maxWords).length;
      if (count > bestCount) {
        best = h;
        bestCount = count;
      }
    }
    const from = Math.max(0, best - 4);
    const to = Math.min(words.length, from + maxWords);
    const first = words[from];
    const last = words[to - 1];
    if (first === undefined || last === undefined) continue;
    let out = from > 0 ? '… ' : '';
    let cursor = first.start;
    for (let i = from; i < to; i++) {
      const w = words[i];
      if (w === undefined || !w.hit) continue;
      out += text.slice(cursor, w.start) + HIT_START + text.slice(w.start, w.end) + HIT_END;
      cursor = w.end;
    }
    out += text.slice(cursor, to < words.length ? last.end : text.length);
    if (to < words.length) out += ' …';
    return out;
  }
  const first = texts.map((t) => t.replace(/\s+/g, ' ').trim()).find((t) => t !== '') ?? '';
  const words = first.split(' ');
  return words.length > maxWords ? `${words.slice(0, maxWords).join(' ')} …` : first;
}
