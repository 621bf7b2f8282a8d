/**
 * Occupancy (belægningsprocent), DOMAIN "Money": occupied place-days divided by the place-days
 * in operation. Per month: occupied / (places × days in the month). Per year: the year's summed
 * occupied place-days / its summed place-days — not the mean of the monthly percentages, so a
 * 31-day month weighs more than February, and a month with more places more than one with few.
 */

/** One month's figures for one institution. */
export interface MonthFigures {
  /** "YYYY-MM" */
  readonly month: string;
  /** Places in operation that month (may be fractional, e.g. 7.5 for a half place). */
  readonly places: number;
  /** Occupied place-days that month (belagte pladsdage). */
  readonly occupiedDays: number;
}

/** Days in a month, leap years included (Gregorian: every 4th year, not centuries unless /400). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** "2024-02" → 29. */
export function daysInMonthOf(month: string): number {
  return daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
}

/** Place-days in operation: places × days in the month. */
export function placeDays(figures: Pick<MonthFigures, 'month' | 'places'>): number {
  return figures.places * daysInMonthOf(figures.month);
}

/** The month's occupancy as a fraction (1 = 100 %), or null when no places were in operation. */
export function monthlyOccupancy(figures: MonthFigures): number | null {
  const capacity = placeDays(figures);
  return capacity === 0 ? null : figures.occupiedDays / capacity;
}

export interface YearlyOccupancy {
  readonly year: number;
  /** Σ occupied / Σ place-days over the months given; null without any place-days. */
  readonly occupancy: number | null;
  readonly occupiedDays: number;
  readonly placeDays: number;
  /** How many of the year's 12 months have figures. */
  readonly months: number;
}

/**
 * The year's occupancy from the months of `year` among `figures`: summed occupied place-days over
 * summed place-days (each month's places × its days). Months of other years are ignored; a year
 * with missing months is computed over the months present (`months` says how many).
 */
export function yearlyOccupancy(figures: readonly MonthFigures[], year: number): YearlyOccupancy {
  const inYear = figures.filter((f) => Number(f.month.slice(0, 4)) === year);
  const occupiedDays = inYear.reduce((a, f) => a + f.occupiedDays, 0);
  const capacity = inYear.reduce((a, f) => a + placeDays(f), 0);
  return {
    year,
    occupancy: capacity === 0 ? null : occupiedDays / capacity,
    occupiedDays,
    placeDays: capacity,
    months: new Set(inYear.map((f) => f.month)).size,
  };
}

/** Occupied place-days from the mean number of placed children per day in the month. */
export function occupiedDaysFromMeanPlaced(month: string, meanPlaced: number): number {
  return meanPlaced * daysInMonthOf(month);
}

export type MonthMark = 'over-capacity' | 'under-budget' | null;

/**
 * How a month stands out in the DAS table: over 100 % (more occupied days than places), or
 * under the institution's budgeted occupancy (when one is set). A month exactly at 100 % or at
 * the budget is not marked.
 */
export function markMonth(occupancy: number | null, budgeted: number | null): MonthMark {
  if (occupancy === null) return null;
  if (occupancy > 1 + 1e-12) return 'over-capacity';
  if (budgeted !== null && occupancy < budgeted - 1e-12) return 'under-budget';
  return null;
}

export interface InstitutionYear {
  readonly name: string;
  readonly budgeted: number | null;
  /** Twelve entries, January first; null where the month has no figures. */
  readonly months: readonly ({
    readonly month: string;
    readonly occupancy: number | null;
    readonly mark: MonthMark;
    readonly figures: MonthFigures;
  } | null)[];
  readonly year: YearlyOccupancy;
  readonly yearMark: MonthMark;
}

/** One institution's row of the DAS table for `year`: the twelve months and the year. */
export function institutionYear(
  name: string,
  budgeted: number | null,
  figures: readonly MonthFigures[],
  year: number,
): InstitutionYear {
  const byMonth = new Map(figures.map((f) => [f.month, f]));
  const months = Array.from({ length: 12 }, (_, i) => {
    const month = `${year}-${String(i + 1).padStart(2, '0')}`;
    const f = byMonth.get(month);
    if (f === undefined) return null;
    const occupancy = monthlyOccupancy(f);
    return { month, occupancy, mark: markMonth(occupancy, budgeted), figures: f };
  });
  const y = yearlyOccupancy(figures, year);
  return { name, budgeted, months, year: y, yearMark: markMonth(y.occupancy, budgeted) };
}
