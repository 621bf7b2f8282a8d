/**
 * The printed årshjul's grid: twelve months side by side, one row per day of the month with its
 * weekday letter, the ISO week number on Mondays, the holiday's name and the day's events.
 */
import {
  DANISH_MONTHS,
  daysInMonth,
  isoDate,
  isoWeek,
  isoWeekday,
  WEEKDAY_LETTERS,
} from './dates.ts';
import { holidayMap, type Holiday } from './holidays.ts';

export interface GridDay<E> {
  date: string;
  day: number;
  weekdayLetter: string;
  /** the ISO week, only on Mondays */
  week: number | null;
  weekend: boolean;
  holiday: Holiday | null;
  events: E[];
}

export interface GridMonth<E> {
  month: number;
  name: string;
  days: GridDay<E>[];
}

export function monthGrid<E extends { date: string; endDate?: string | null }>(
  year: number,
  events: readonly E[] = [],
): GridMonth<E>[] {
  const holidays = holidayMap(year);
  const byDate = new Map<string, E[]>();
  for (const e of events) {
    const last = e.endDate && e.endDate > e.date ? e.endDate : e.date;
    for (let d = e.date; d <= last; d = nextDay(d)) {
      const list = byDate.get(d) ?? [];
      list.push(e);
      byDate.set(d, list);
    }
  }
  return DANISH_MONTHS.map((name, i) => {
    const month = i + 1;
    const days: GridDay<E>[] = [];
    for (let day = 1; day <= daysInMonth(year, month); day++) {
      const date = isoDate(year, month, day);
      const wd = isoWeekday(date);
      days.push({
        date,
        day,
        weekdayLetter: WEEKDAY_LETTERS[wd - 1] ?? '',
        week: wd === 1 ? isoWeek(date).week : null,
        weekend: wd >= 6,
        holiday: holidays.get(date) ?? null,
        events: byDate.get(date) ?? [],
      });
    }
    return { month, name, days };
  });
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
