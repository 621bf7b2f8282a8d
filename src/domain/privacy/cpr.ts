/**
 * CPR numbers (personnumre) in free text, for the publishing guard. The rules are the CPR
 * office's (cpr.dk, "Opbygning af CPR-nummeret" and "Personnummeret i CPR-systemet"):
 *
 * - DDMMYY-SSSS: the birth date without century, then a serial number; written with a dash, a
 *   space or nothing between the two parts.
 * - The century follows from the year (YY) and the serial's first digit (the 7th digit):
 *   0-3 → 1900-1999; 4 and 9 → 2000-2036 for YY 00-36, else 1937-1999;
 *   5-8 → 2000-2057 for YY 00-57, else 1858-1899.
 * - Modulus 11: the digits weighted 4,3,2,7,6,5,4,3,2,1 sum to a multiple of 11. All numbers
 *   issued before 1 October 2007 pass it.
 * - Since 1 October 2007 the CPR office has issued numbers WITHOUT modulus 11 for birth dates
 *   whose modulus-11 numbers ran out; they are fully valid. Source: cpr.dk, "Personnumre uden
 *   kontrolciffer (modulus 11 kontrol)" (the list as updated 10 May 2023; the office says it is
 *   not necessarily complete). So far only 1 January of the years in NO_MODULUS_11_YEARS. For
 *   those dates a valid date is enough; for any other date a number must pass modulus 11.
 *
 * A finding never carries the serial: it is masked as DDMMYY-XXXX.
 */

/** 1 January of these years: numbers issued without modulus 11 (cpr.dk, list of 10-05-2023). */
export const NO_MODULUS_11_YEARS: readonly number[] = [
  1960, 1962, 1964, 1965, 1966, 1967, 1969, 1970, 1974, 1975, 1978, 1980, 1981, 1982, 1983, 1984,
  1985, 1986, 1987, 1988, 1989, 1990, 1991, 1992, 1994, 1995,
];

const WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1] as const;

/** The full birth year from the two-digit year and the 7th digit, as the CPR rules say. */
export function birthYear(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

const daysIn = (year: number, month: number) =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;

/** The birth date (YYYY-MM-DD) of ten digits, or null when DDMMYY is no date. */
export function birthDate(digits: string): string | null {
  if (!/^\d{10}$/.test(digits)) return null;
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const year = birthYear(Number(digits.slice(4, 6)), Number(digits[6]));
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return `${year}-${digits.slice(2, 4)}-${digits.slice(0, 2)}`;
}

export function passesModulus11(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(digits[i]), 0);
  return sum % 11 === 0;
}

/** True for a birth date the CPR office has issued numbers without modulus 11 for. */
export function issuedWithoutModulus11(date: string): boolean {
  return date.endsWith('-01-01') && NO_MODULUS_11_YEARS.includes(Number(date.slice(0, 4)));
}

export type CprRule = 'modulus-11' | 'without-modulus-11';

/**
 * Which rule makes ten digits a CPR number, or null when they are none: no valid date, a birth
 * date after `today` (YYYY-MM-DD, when given), or failing modulus 11 on a date that needs it.
 */
export function cprRule(digits: string, today?: string): CprRule | null {
  const date = birthDate(digits);
  if (date === null || (today !== undefined && date > today)) return null;
  if (passesModulus11(digits)) return 'modulus-11';
  return issuedWithoutModulus11(date) ? 'without-modulus-11' : null;
}

export const maskCpr = (digits: string) => `${digits.slice(0, 6)}-XXXX`;

export interface CprHit {
  masked: string;
  rule: CprRule;
  /** 1-based line in the text */
  line: number;
}

// Six digits, a dash, a space or nothing, four digits; not glued to letters or other digits.
// The dash may also be the en dash or the hyphen a PDF gives.
const CANDIDATE = /(?<![\p{L}\p{N}+/])(\d{6})([-\u2010\u2011\u2013 ]?)(\d{4})(?![\p{L}\p{N}])/gu;

/**
 * What makes ten digits something else: a phone, account or case number, an amount, a time.
 * Read in the words just before the number (same line).
 */
const CONTEXT_BEFORE =
  /(?<!\p{L})(?:tlf|telefon|mobil|fax|phone|konto|kontonr|reg\.? ?nr|ean|cvr|p-nr|sags?nr|j\.? ?nr|journal(?:nummer|nr)?|faktura|ordre|kr|dkk|beløb|kl)\.?:?\s*(?:nr\.?\s*)?$/iu;
const AFTER_AMOUNT = /^(?:[.,]\d|,-|\s*(?:kr\b|kr\.|dkk\b|%|mio|mia|t\.kr))/iu;
// A digit run continued with a space, point or comma, e.g. "12 345678 9012 34" or "1.234567-8901".
const DIGIT_BEFORE = /\d[ .,]$/u;
const DIGIT_AFTER = /^[ .,]\d/u;

/** Scans each line of `text` for CPR numbers; `today` (YYYY-MM-DD) rules out future dates. */
export function scanCpr(text: string, today?: string): CprHit[] {
  const hits: CprHit[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((line, index) => {
    for (const m of line.matchAll(CANDIDATE)) {
      const start = m.index;
      const end = start + m[0].length;
      const before = line.slice(Math.max(0, start - 24), start);
      const after = line.slice(end, end + 8);
      if (CONTEXT_BEFORE.test(before) || AFTER_AMOUNT.test(after)) continue;
      // A plain or spaced number inside a run of digit groups is part of something longer; a
      // dashed one is a CPR's own form, so only digits glued to it (handled above) rule it out.
      const dashed = m[2] !== '' && m[2] !== ' ';
      if (!dashed && (DIGIT_BEFORE.test(before) || DIGIT_AFTER.test(after))) continue;
      if (/\d[.,]$/u.test(before) || /^[.,]\d/u.test(after)) continue;
      const digits = `${m[1] ?? ''}${m[3] ?? ''}`;
      const rule = cprRule(digits, today);
      if (rule !== null) hits.push({ masked: maskCpr(digits), rule, line: index + 1 });
    }
  });
  return hits;
}
