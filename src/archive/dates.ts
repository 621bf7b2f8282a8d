import { isoDate } from './clean.ts';

const MONTHS: Record<string, number> = {
  januar: 1,
  jan: 1,
  februar: 2,
  feb: 2,
  marts: 3,
  mar: 3,
  april: 4,
  apr: 4,
  maj: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

export const MONTH_NAME_PATTERN =
  'januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec';

export interface FoundDate {
  index: number;
  raw: string;
  day: number;
  month: number;
  /** Null when the text gives no year ("d. 17. januar"). */
  year: number | null;
  /** ISO date when day, month and year are all given and valid. */
  iso: string | null;
}

// "2. marts 2017", "17. nov. 2016", "d. 17. januar", "20.01.2021", "22.01.19", "2021-01-20".
const DATE_PATTERN = new RegExp(
  `(?<![\\p{L}\\d.])(?:(\\d{1,2})\\.\\s?(${MONTH_NAME_PATTERN})\\.?(?:\\s+(\\d{4}))?(?![\\p{L}])` +
    `|(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})(?![\\d.]\\d)` +
    `|(\\d{4})-(\\d{2})-(\\d{2})(?!\\d))`,
  'giu',
);

/** Finds Danish dates in a text, in order. */
export function findDanishDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const match of text.matchAll(DATE_PATTERN)) {
    let day: number;
    let month: number;
    let year: number | null;
    if (match[1] !== undefined) {
      day = Number(match[1]);
      month = MONTHS[(match[2] ?? '').toLowerCase()] ?? 0;
      year = match[3] !== undefined ? Number(match[3]) : null;
    } else if (match[4] !== undefined) {
      day = Number(match[4]);
      month = Number(match[5]);
      const y = match[6] ?? '';
      year = y.length === 2 ? 2000 + Number(y) : Number(y);
    } else {
      year = Number(match[7]);
      month = Number(match[8]);
      day = Number(match[9]);
    }
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    const iso = year === null ? null : isoDate(year, month, day);
    if (year !== null && iso === null) continue;
    found.push({ index: match.index, raw: match[0], day, month, year, iso });
  }
  return found;
}

/** The first complete date in a text as ISO, or null. */
export function firstIsoDate(text: string): string | null {
  return findDanishDates(text).find((date) => date.iso !== null)?.iso ?? null;
}
