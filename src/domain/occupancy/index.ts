// Occupancy (belægning) per institution and month (DOMAIN "Money"), and the readers for its files.
export { decodeText, parseCsv, type CsvRow, type TextEncodingName } from './csv.ts';
export {
  formatDanishDecimal,
  formatKroner,
  formatPercent,
  parseDanishNumber,
} from './danish-number.ts';
export {
  COLUMN_LABEL,
  describeProblem,
  MAX_PROBLEMS,
  readOccupancyRows,
  type Cell,
  type ImportProblem,
  type ImportResult,
  type OccupancyRecord,
  type SheetRow,
} from './import.ts';
export { MONTH_NAMES_DA, monthLabel, monthShort, parseMonth } from './months.ts';
export {
  daysInMonth,
  daysInMonthOf,
  institutionYear,
  isLeapYear,
  markMonth,
  monthlyOccupancy,
  occupiedDaysFromMeanPlaced,
  placeDays,
  yearlyOccupancy,
  type InstitutionYear,
  type MonthFigures,
  type MonthMark,
  type YearlyOccupancy,
} from './occupancy.ts';
