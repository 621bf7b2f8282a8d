/** What a plan may hold: codes that belong to their focus area, activities inside the period. */
import type { FieldErrors } from '../errors.ts';
import type { Agreement } from './types.ts';

/** The longest agreement we accept; the real ones run one to four years. */
export const MAX_AGREEMENT_YEARS = 10;

export function checkAgreementPeriod(start: number, end: number): FieldErrors {
  if (end < start) return { periodEnd: 'Slutåret skal være samme år som startåret eller senere.' };
  if (end - start + 1 > MAX_AGREEMENT_YEARS)
    return { periodEnd: `En aftale kan højst løbe ${MAX_AGREEMENT_YEARS} år.` };
  return {};
}

/**
 * Normalises an initiative code ("1 a" → "1A") and checks that it starts with the number of its
 * focus area, as in the agreement's own numbering (focus area 1 has 1A, 1B, …).
 * @returns the normalised code, or a Danish message saying what to write
 */
export function normaliseInitiativeCode(
  code: string,
  focusAreaNumber: number,
): { code: string } | { error: string } {
  const compact = code.replace(/\s+/g, '').toUpperCase();
  const m = /^(\d+)([A-ZÆØÅ])$/.exec(compact);
  if (!m)
    return { error: `Skriv koden som fokusområdets nummer og et bogstav, fx ${focusAreaNumber}A.` };
  if (Number(m[1]) !== focusAreaNumber)
    return {
      error: `Koden skal begynde med fokusområdets nummer ${focusAreaNumber}, fx ${focusAreaNumber}A.`,
    };
  return { code: compact };
}

/** An activity must lie in one of the agreement's years. */
export function checkActivityYear(
  agreement: Pick<Agreement, 'periodStart' | 'periodEnd'>,
  year: number,
): FieldErrors {
  if (year < agreement.periodStart || year > agreement.periodEnd)
    return {
      year: `Året skal ligge i aftalens periode ${agreement.periodStart}-${agreement.periodEnd}.`,
    };
  return {};
}
