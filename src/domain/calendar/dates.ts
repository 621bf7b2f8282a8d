/** Calendar arithmetic on 'YYYY-MM-DD' strings in UTC: no time zone can move a day. */

export const isoDate = (year: number, month: number, day: number): string =>
  new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);

const toUtc = (date: string): Date => new Date(`${date}T00:00:00Z`);

export function addDays(date: string, days: number): string {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday (ISO 8601). */
export function isoWeekday(date: string): number {
  const wd = toUtc(date).getUTCDay();
  return wd === 0 ? 7 : wd;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(date: string): { year: number; week: number } {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const year = Number(thursday.slice(0, 4));
  const jan1 = toUtc(`${year}-01-01`).getTime();
  const week = Math.floor((toUtc(thursday).getTime() - jan1) / 86_400_000 / 7) + 1;
  return { year, week };
}

export const DANISH_MONTHS = [
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

/** Monday first: M T O T F L S. */
export const WEEKDAY_LETTERS = ['M', 'T', 'O', 'T', 'F', 'L', 'S'] as const;
export const WEEKDAY_NAMES = [
  'mandag',
  'tirsdag',
  'onsdag',
  'torsdag',
  'fredag',
  'lørdag',
  'søndag',
] as const;

/** "mandag" … "søndag" for a date. */
export function formatWeekday(date: string): string {
  return WEEKDAY_NAMES[isoWeekday(date) - 1] ?? '';
}
