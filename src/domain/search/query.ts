/**
 * Turns what a user typed into a PostgreSQL tsquery text for `to_tsquery('danish', …)`.
 *
 * Every word becomes a prefix term (`takst:*`), so a word finds the compounds it starts
 * ("takst" finds "takstindberetning" and "takststruktur") and, because to_tsquery stems the
 * word before the prefix is applied, its inflections ("kvisten" → kvist:* finds "Kvistens").
 * Words are ANDed; a quoted phrase keeps its word order (`<->`); a leading minus excludes a word.
 * Only letters and digits reach the query, so no user text can break its syntax.
 */

export interface SearchPart {
  /** The part's tsquery text for to_tsquery('danish', …), without its negation. */
  query: string;
  negated: boolean;
  /**
   * A single word of at least MIN_TAIL_LENGTH letters, which also finds the compounds it ends
   * ("indberetning" finds "takstindberetning"); null for phrases, short words and numbers.
   */
  tail: string | null;
}

export interface SearchTerms {
  /** The tsquery text for to_tsquery('danish', …), or null when nothing searchable is left. */
  tsquery: string | null;
  /** The same query part by part (ANDed), for expanding compound tails; empty when tsquery is null. */
  parts: SearchPart[];
  /** The words searched for, folded, for display ("Du søgte efter …"). */
  words: string[];
}

const MAX_TERMS = 16;
const MAX_WORD_LENGTH = 60;
/** Shorter word ends ("ning", "else") would match half the vocabulary. */
export const MIN_TAIL_LENGTH = 5;
const WORD = /[\p{L}\p{N}]+/gu;

/** Letters and digits only, lower case, NFC; split where other characters stand. */
function wordsOf(text: string): string[] {
  return (text.normalize('NFC').toLowerCase().match(WORD) ?? []).map((w) =>
    w.slice(0, MAX_WORD_LENGTH),
  );
}

/** A prefix term; single letters match exactly (a prefix of one letter matches too much). */
function term(word: string): string {
  return word.length >= 2 ? `${word}:*` : word;
}

/**
 * @param input the user's query, e.g. `takst -kvisten "fokus på beskæftigelse"`
 * @returns the tsquery text, e.g. `takst:* & !kvisten:* & (fokus:* <-> på:* <-> beskæftigelse:*)`
 * @example buildSearchTerms('Kvisten takster').tsquery // 'kvisten:* & takster:*'
 */
export function buildSearchTerms(input: string): SearchTerms {
  const parts: SearchPart[] = [];
  const words: string[] = [];
  // Phrases in straight or typographic quotes, then single (possibly negated) words.
  const token = /(-?)["“”„«»]([^"“”„«»]*)["“”„«»]?|(-?)([^\s"“”„«»]+)/gu;
  for (const match of input.normalize('NFC').matchAll(token)) {
    if (parts.length >= MAX_TERMS) break;
    const negated = (match[1] ?? match[3] ?? '') === '-';
    const phrase = match[2];
    const raw = phrase ?? match[4] ?? '';
    const found = wordsOf(raw);
    if (found.length === 0) continue;
    words.push(...found);
    // A phrase, or a word with inner punctuation ("2021-2022", "ydelses-"), is several words
    // that follow each other.
    const single = found.length === 1 ? (found[0] ?? '') : null;
    const query = single === null ? `(${found.map(term).join(' <-> ')})` : term(single);
    const tail =
      single !== null && single.length >= MIN_TAIL_LENGTH && /\p{L}/u.test(single) ? single : null;
    parts.push({ query, negated, tail });
  }
  // A query of exclusions only would list everything else: refuse it.
  if (parts.every((p) => p.negated)) return { tsquery: null, parts: [], words };
  return {
    tsquery: parts.map((p) => (p.negated ? `!${p.query}` : p.query)).join(' & '),
    parts,
    words,
  };
}
