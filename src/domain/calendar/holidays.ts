/**
 * Danish public holidays (helligdage), computed from Easter. Store Bededag was a public holiday
 * until 2023 and was abolished from 2024 (lov nr. 147 af 28.02.2023). Grundlovsdag (5 June),
 * Juleaften (24 December) and Nytårsaftensdag (31 December) are not public holidays, but most
 * workplaces close and the printed årshjul shows them: they come with `public: false`.
 */
import { addDays, isoDate } from './dates.ts';

export interface Holiday {
  date: string;
  name: string;
  /** true for a public holiday (helligdag); false for a day shown but not a holiday */
  public: boolean;
}

/** Easter Sunday in the Gregorian calendar (Meeus/Jones/Butcher, the "anonymous" algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

/** The last year Store Bededag was a public holiday. */
export const LAST_GREAT_PRAYER_DAY = 2023;

export function danishHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const e = (offset: number, name: string): Holiday => ({
    date: addDays(easter, offset),
    name,
    public: true,
  });
  const list: Holiday[] = [
    { date: isoDate(year, 1, 1), name: 'Nytårsdag', public: true },
    e(-7, 'Palmesøndag'),
    e(-3, 'Skærtorsdag'),
    e(-2, 'Langfredag'),
    e(0, 'Påskedag'),
    e(1, '2. påskedag'),
    ...(year <= LAST_GREAT_PRAYER_DAY ? [e(26, 'Store bededag')] : []),
    e(39, 'Kristi himmelfartsdag'),
    e(49, 'Pinsedag'),
    e(50, '2. pinsedag'),
    { date: isoDate(year, 6, 5), name: 'Grundlovsdag', public: false },
    { date: isoDate(year, 12, 24), name: 'Juleaften', public: false },
    { date: isoDate(year, 12, 25), name: 'Juledag', public: true },
    { date: isoDate(year, 12, 26), name: '2. juledag', public: true },
    { date: isoDate(year, 12, 31), name: 'Nytårsaften', public: false },
  ];
  return list.sort((a, b) => a.date.localeCompare(b.date));
}

/** Public holidays and shown days of a year by date (a date can hold only one here). */
export function holidayMap(year: number): Map<string, Holiday> {
  return new Map(danishHolidays(year).map((h) => [h.date, h]));
}

/** Whether a date is a working day: Monday–Friday and not a public holiday. */
export function isWorkingDay(date: string): boolean {
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (wd === 0 || wd === 6) return false;
  const h = holidayMap(Number(date.slice(0, 4))).get(date);
  return h === undefined || !h.public;
}
