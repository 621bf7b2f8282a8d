/**
 * Text normalisation for PDF-extracted archive text: characters, running headers and footers,
 * words hyphenated across line ends, whitespace. All functions are pure and linear.
 */

/**
 * Normalises characters: Unicode NFC (decomposed "a" + U+030A becomes "å"), non-breaking and
 * other odd spaces to plain spaces, private-use glyphs from symbol fonts (U+F0B7 and friends,
 * which PDF extraction leaves for bullets) to "•", soft hyphens and zero-width characters
 * removed, line ends to "\n". Form feeds are kept: they mark page breaks.
 */
export function normalizeCharacters(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]/g, ' ')
    .replace(/[\ue000-\uf8ff]/g, '•')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, '');
}

/** Folds runs of whitespace to one space and trims. */
export function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const PAGE_OF = /Side\s*\d{1,4}\s*af\s*\d{1,4}/gi;

/** Removes "Side 12 af 39" page counters wherever they stand in a line. */
export function stripPageCounters(line: string): string {
  return line.replace(PAGE_OF, ' ');
}

/** True when the line had a page counter in it. */
export function hasPageCounter(line: string): boolean {
  PAGE_OF.lastIndex = 0;
  const found = PAGE_OF.test(line);
  PAGE_OF.lastIndex = 0;
  return found;
}

/**
 * A running header a PDF repeats on every page, stuttered by the extraction:
 * "DAS SocialDAS SocialDAS SocialDAS Social" is one short phrase two or more times over.
 */
export function isStutteredHeader(line: string): boolean {
  const text = line.trim();
  if (text.length < 6 || text.length > 240) return false;
  const match = /^(.{3,60}?)\1+$/u.exec(text);
  return match !== null && /\p{L}/u.test(match[1] ?? '');
}

/** Page footers: "2/12", "13 / 14", "Side 3", "- 4 -". */
export function isPageNumberLine(line: string): boolean {
  const text = line.trim();
  const fraction = /^(\d{1,4})\s*\/\s*(\d{1,4})$/.exec(text);
  if (fraction) return Number(fraction[1]) <= Number(fraction[2]);
  return /^(?:Side\s*\d{1,4}|[-–]\s*\d{1,4}\s*[-–])$/i.test(text);
}

export interface MeetingHeader {
  /** The words around the date, e.g. "DAS Social". */
  words: string;
  /** ISO date. */
  date: string;
}

/**
 * A running header naming the meeting: "DAS Social Møde den 20.01.2021",
 * "Mødet den 19.10.2020 DAS Social", or the product's own "DAS · Referat Møde den 20.01.2021"
 * (words separated by "·", "|" or a dash). A numeric date and a short line set it apart from
 * prose, which writes "mødet den 19. oktober 2020".
 */
export function parseMeetingHeader(line: string): MeetingHeader | null {
  const text = line.trim();
  if (text.length > 70) return null;
  const match =
    /^([\p{L} ·|–-]{0,30}?)\s*Møde(?:t)?\s+(?:den|d\.)\s*(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\s*([\p{L} ·|–-]{0,30})$/u.exec(
      text,
    );
  if (!match) return null;
  const words = foldWhitespace(`${match[1] ?? ''} ${match[5] ?? ''}`.replace(/[·|–-]/g, ' '));
  if (words === '' || words.split(' ').length > 4) return null;
  const year = (match[4] ?? '').length === 2 ? 2000 + Number(match[4]) : Number(match[4]);
  const date = isoDate(year, Number(match[3]), Number(match[2]));
  return date === null ? null : { words, date };
}

/** A page-header repeat of the items on a page: "Punkt 7-9", "Punkt 1 + 2". */
export function isItemRangeHeader(line: string): boolean {
  return /^Punkt(?:erne)?\s+\d{1,3}\s*(?:[-–+]|og)\s*\d{1,3}\.?$/i.test(line.trim());
}

/** ISO date string, or null for an impossible calendar date. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2100) return null;
  if (month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const CONJUNCTIONS = /^(?:og|eller|samt|til|som|and|or)\b/;

/**
 * Joins a line that ends in a hyphen with the next one. "be-" + "slutning" gives
 * "beslutning"; a real hyphen before a conjunction stays ("børne-" + "og ungeområdet" gives
 * "børne- og ungeområdet"), as does the hyphen after an acronym or number ("KKR-" +
 * "sekretariatet", "2021-" + "2022") or inside a compound that already has one ("dag-til-").
 *
 * @returns the joined text, or null when the lines should not be joined.
 */
export function joinHyphenated(line: string, next: string): string | null {
  const head = line.trimEnd();
  const tail = next.trimStart();
  const match = /(\S*?)(\p{L}|\d)-$/u.exec(head);
  if (!match || tail === '') return null;
  const first = tail[0] ?? '';
  if (!/[\p{Ll}\d]/u.test(first)) return null;
  if (CONJUNCTIONS.test(tail)) return `${head} ${tail}`;
  const before = match[2] ?? '';
  const word = `${match[1] ?? ''}${before}`;
  const keepHyphen = /[\p{Lu}\d]/u.test(before) || /\d/.test(first) || word.includes('-');
  return keepHyphen ? `${head}${tail}` : `${head.slice(0, -1)}${tail}`;
}
