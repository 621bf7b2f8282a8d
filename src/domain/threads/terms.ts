/**
 * The words that carry a title's subject: lower case, a light Danish stemming (common endings
 * off, a final double consonant undoubled), and without the words every agenda uses
 * ("orientering", "status", "godkendelse", the bodies' names).
 */

const ENDINGS = [
  'ernes',
  'erens',
  'erne',
  'eren',
  'enes',
  'ene',
  'ens',
  'ere',
  'ets',
  'er',
  'en',
  'et',
  'es',
  'e',
  's',
] as const;

/** Words that say what kind of item it is, not what it is about. */
const GENERIC = new Set([
  'orientering',
  'orienteringer',
  'status',
  'statu',
  'proces',
  'processen',
  'sag',
  'sager',
  'godkendelse',
  'forslag',
  'drøftelse',
  'behandling',
  'beslutning',
  'opfølgning',
  'ny',
  'nye',
  'nyt',
  'om',
  'af',
  'for',
  'på',
  'til',
  'og',
  'i',
  'med',
  'vedr',
  'vedrørende',
  'ift',
  'fra',
  'det',
  'den',
  'de',
  'en',
  'et',
  'der',
  'som',
  'at',
  'er',
  'das',
  'fu',
  'kkr',
  'kdk',
  'kl',
  'møde',
  'mødet',
  'møder',
  'nordjysk',
  'nordjyske',
  'socialaftale',
  'socialaftalen',
  'rammeaftale',
  'rammeaftalen',
  'rammeaftaler',
  'plan',
  'arbejde',
  'arbejdet',
  'næste',
  'skridt',
  'punkt',
  'igangsættelse',
  'præsentation',
  'oplæg',
  'temadrøftelse',
  'tema',
  'udkast',
  'endelig',
  'godkendt',
  'herunder',
  'samt',
  'eller',
  'mv',
  'mm',
  'ifm',
  'jf',
  'bl',
  'a',
  'm',
  'v',
]);

/** Lower-cased NFC words of letters and digits. */
export function wordsOf(text: string): string[] {
  return (
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/**
 * A light Danish stem: strips the longest common ending that leaves at least four letters, then
 * undoubles a final double consonant ("specialbørnehjemmene" → "specialbørnehjem").
 */
export function stem(word: string): string {
  let w = word.toLowerCase();
  for (const ending of ENDINGS) {
    if (w.length - ending.length >= 4 && w.endsWith(ending)) {
      w = w.slice(0, -ending.length);
      break;
    }
  }
  const last = w.at(-1);
  if (last !== undefined && w.length > 4 && w.at(-2) === last && !'aeiouyæøå'.includes(last))
    w = w.slice(0, -1);
  return w;
}

/** Whether a word is a year (1990-2099). */
export function isYear(word: string): boolean {
  return /^(?:199\d|20\d\d)$/.test(word);
}

/** The subject stems of a text: no generic words, no numbers, nothing shorter than three. */
export function subjectStems(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of wordsOf(text)) {
    if (word.length < 3 || /^\d+$/.test(word) || GENERIC.has(word)) continue;
    const s = stem(word);
    if (!GENERIC.has(s)) out.add(s);
  }
  return out;
}

/** The years a title names ("2021-2022" names two). */
export function yearsOf(text: string): Set<string> {
  return new Set(wordsOf(text).filter(isYear));
}

/**
 * Names in quotes: ”Socialfagligt fokus på beskæftigelse”. Only names of at least three words
 * and fifteen letters count; shorter quotes are too common to identify a case.
 */
export function quotedNames(text: string): string[] {
  const out: string[] = [];
  for (const match of text
    .normalize('NFC')
    .matchAll(/["“”„«»'‘’]([^"“”„«»'‘’\n]{15,120})["“”„«»'‘’]/gu)) {
    const name = foldPhrase(match[1] ?? '');
    if (name.split(' ').length >= 3 && name.replace(/[^\p{L}]/gu, '').length >= 15) out.push(name);
  }
  return [...new Set(out)];
}

/** A phrase folded for comparison: lower case, words separated by single spaces. */
export function foldPhrase(text: string): string {
  return wordsOf(text).join(' ');
}

/** Jaccard similarity of two sets (0 when both are empty). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Shared elements of two sets. */
export function intersection(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] {
  return [...a].filter((x) => b.has(x));
}

/** The share of the smaller set found in the larger (0 when either is empty). */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  return intersection(a, b).length / Math.min(a.size, b.size);
}
