/** Months as "YYYY-MM", read from ISO or Danish month names ("januar 2021", "jan. 21"). */

export const MONTH_NAMES_DA = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
] as const;

export const MONTH_ABBR_DA = [
  'jan',
  'feb',
  'mar',
  'apr',
  'maj',
  'jun',
  'jul',
  'aug',
  'sep',
  'okt',
  'nov',
  'dec',
] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "2021-01", "2021-1", "01-2021", "1/2021", "januar 2021", "Jan. 2021", "jan 21" → "2021-01";
 * null when the text names no month. Two-digit years mean 20xx.
 */
export function parseMonth(text: string): string | null {
  const s = text.trim().toLowerCase().replace(/\s+/g, ' ');
  let m = /^(\d{4})-(\d{1,2})$/.exec(s);
  if (m) return build(Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})[-/.](\d{4})$/.exec(s);
  if (m) return build(Number(m[2]), Number(m[1]));
  m = /^([a-zæøå]+)\.? ?[-']?(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const word = m[1] ?? '';
    const year = Number(m[2]);
    let index: number = MONTH_NAMES_DA.findIndex((n) => n === word);
    if (index < 0 && word.length >= 3) index = MONTH_ABBR_DA.findIndex((a) => word === a);
    if (index < 0 && word === 'sept') index = 8;
    if (index >= 0) return build(year < 100 ? 2000 + year : year, index + 1);
  }
  return null;
}

function build(year: number, month: number): string | null {
  if (month < 1 || month > 12 || year < 1900 || year > 2200) return null;
  return `${year}-${pad(month)}`;
}

/** "2021-01" → "jan. 2021" for table headings; "2021-05" → "maj 2021". */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  const abbr = MONTH_ABBR_DA[Number(m) - 1] ?? '?';
  return `${abbr}${abbr === 'maj' ? '' : '.'} ${y}`;
}

/** Short heading without year: "jan.", "maj". */
export function monthShort(month: string): string {
  const abbr = MONTH_ABBR_DA[Number(month.slice(5, 7)) - 1] ?? '?';
  return abbr === 'maj' ? abbr : `${abbr}.`;
}
