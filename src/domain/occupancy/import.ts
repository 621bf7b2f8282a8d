/**
 * Reading monthly occupancy figures from a table (CSV rows or XLSX rows): one row per
 * institution and month. Pure: the caller reads the bytes and hands over cells.
 *
 * Accepted layout (documented on the page): a header row, then rows with the columns
 *   Institution ; Måned ; Pladser ; Belagte dage
 * or, instead of "Belagte dage" (occupied place-days), "Indskrevne pr. dag" (the mean number of
 * placed children per day that month; occupied place-days = mean × days in the month).
 * Month: "2021-01", "01-2021", "januar 2021" or "jan. 2021". Numbers with Danish decimals
 * ("7,5"; "1.234,5"). Column order is free; other columns are ignored.
 */
import { parseDanishNumber } from './danish-number.ts';
import { parseMonth } from './months.ts';
import { occupiedDaysFromMeanPlaced, type MonthFigures } from './occupancy.ts';

/** A cell as a reader gives it: text from CSV; text, number or date from XLSX. */
export type Cell = string | number | Date | null | undefined;

export interface SheetRow {
  /** The 1-based row number in the file, for messages. */
  readonly line: number;
  readonly cells: readonly Cell[];
}

export interface OccupancyRecord extends MonthFigures {
  readonly institution: string;
  readonly line: number;
}

export interface ImportProblem {
  /** The row number in the file, or null for the file as a whole. */
  readonly line: number | null;
  readonly message: string;
}

export type ImportResult =
  | { ok: true; records: OccupancyRecord[]; occupiedFrom: 'occupied-days' | 'mean-placed' }
  | { ok: false; problems: ImportProblem[] };

type Column = 'institution' | 'month' | 'places' | 'occupied' | 'meanPlaced';

const HEADERS: Record<Column, readonly string[]> = {
  institution: ['institution', 'tilbud', 'institution/tilbud', 'tilbud/institution', 'enhed'],
  month: ['måned', 'maaned', 'month', 'periode'],
  places: ['pladser', 'pladser i drift', 'normerede pladser', 'antal pladser', 'places'],
  occupied: [
    'belagte dage',
    'belagte pladsdage',
    'belægningsdage',
    'belaegningsdage',
    'belagte døgn',
    'occupied place-days',
    'occupied days',
  ],
  meanPlaced: [
    'indskrevne pr. dag',
    'indskrevne pr dag',
    'gns. indskrevne',
    'gennemsnitligt indskrevne',
    'anbragte pr. dag',
    'anbragte børn pr. dag',
    'placed children per day',
  ],
};

/** Column names as the page shows them. */
export const COLUMN_LABEL: Record<Column, string> = {
  institution: 'Institution',
  month: 'Måned',
  places: 'Pladser',
  occupied: 'Belagte dage',
  meanPlaced: 'Indskrevne pr. dag',
};

const normaliseHeader = (c: Cell) =>
  cellText(c).toLowerCase().replace(/\s+/g, ' ').replace(/\s*:$/, '').trim();

function cellText(c: Cell): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c).trim();
}

/** Most problems reported at once; more are summarised. */
export const MAX_PROBLEMS = 20;

/**
 * Validates every row and returns the records, or every problem with its row number. Nothing is
 * half-accepted: one bad row makes the whole file fail.
 */
export function readOccupancyRows(rows: readonly SheetRow[]): ImportResult {
  const nonEmpty = rows.filter((r) => r.cells.some((c) => cellText(c) !== ''));
  const header = nonEmpty[0];
  if (header === undefined) return fail(null, 'Filen er tom.');

  const index: Partial<Record<Column, number>> = {};
  header.cells.forEach((c, i) => {
    const h = normaliseHeader(c);
    for (const column of Object.keys(HEADERS) as Column[]) {
      if (HEADERS[column].includes(h) && index[column] === undefined) index[column] = i;
    }
  });
  const missing = (['institution', 'month', 'places'] as const).filter(
    (c) => index[c] === undefined,
  );
  if (index.occupied === undefined && index.meanPlaced === undefined) {
    return fail(
      header.line,
      `Overskriftsrækken mangler kolonnen "${COLUMN_LABEL.occupied}" eller "${COLUMN_LABEL.meanPlaced}"` +
        (missing.length > 0 ? ` og ${missing.map((c) => `"${COLUMN_LABEL[c]}"`).join(', ')}` : '') +
        '. Første række skal være overskrifterne, fx: Institution;Måned;Pladser;Belagte dage.',
    );
  }
  if (missing.length > 0) {
    return fail(
      header.line,
      `Overskriftsrækken mangler ${missing.map((c) => `"${COLUMN_LABEL[c]}"`).join(', ')}. ` +
        'Første række skal være overskrifterne, fx: Institution;Måned;Pladser;Belagte dage.',
    );
  }
  if (index.occupied !== undefined && index.meanPlaced !== undefined) {
    return fail(
      header.line,
      `Angiv enten "${COLUMN_LABEL.occupied}" eller "${COLUMN_LABEL.meanPlaced}", ikke begge.`,
    );
  }
  const useMean = index.meanPlaced !== undefined;

  const problems: ImportProblem[] = [];
  const records: OccupancyRecord[] = [];
  const seen = new Map<string, number>();
  for (const row of nonEmpty.slice(1)) {
    const at = (c: Column) => row.cells[index[c] ?? -1];
    const rowProblems: string[] = [];
    const institution = cellText(at('institution')).replace(/\s+/g, ' ');
    if (institution === '') rowProblems.push(`${COLUMN_LABEL.institution} er tom.`);
    const month = monthOf(at('month'));
    if (month === null) {
      rowProblems.push(
        `${COLUMN_LABEL.month} "${cellText(at('month'))}" kan ikke læses; skriv fx 2021-01 eller januar 2021.`,
      );
    }
    const places = numberOf(at('places'));
    if (places === null || places < 0) {
      rowProblems.push(
        `${COLUMN_LABEL.places} skal være et tal på 0 eller derover, fx 12 eller 7,5 (fik "${cellText(at('places'))}").`,
      );
    }
    const column: Column = useMean ? 'meanPlaced' : 'occupied';
    const amount = numberOf(at(column));
    if (amount === null || amount < 0) {
      rowProblems.push(
        `${COLUMN_LABEL[column]} skal være et tal på 0 eller derover, fx 310 eller 10,5 (fik "${cellText(at(column))}").`,
      );
    }
    if (rowProblems.length === 0 && month !== null && places !== null && amount !== null) {
      const key = `${institution.toLowerCase()}|${month}`;
      const first = seen.get(key);
      if (first !== undefined) {
        rowProblems.push(`${institution} har allerede tal for ${month} i række ${first}.`);
      } else {
        seen.set(key, row.line);
        const occupiedDays = useMean ? occupiedDaysFromMeanPlaced(month, amount) : amount;
        records.push({ institution, month, places, occupiedDays, line: row.line });
      }
    }
    for (const message of rowProblems) problems.push({ line: row.line, message });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (records.length === 0) return fail(null, 'Filen har overskrifter, men ingen rækker med tal.');
  return { ok: true, records, occupiedFrom: useMean ? 'mean-placed' : 'occupied-days' };
}

function fail(line: number | null, message: string): ImportResult {
  return { ok: false, problems: [{ line, message }] };
}

function monthOf(c: Cell): string | null {
  if (c instanceof Date) {
    // XLSX dates are stored at UTC midnight (or close to it); take the UTC calendar month.
    const d = new Date(c.getTime() + 12 * 3600 * 1000);
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  }
  return parseMonth(cellText(c));
}

function numberOf(c: Cell): number | null {
  if (typeof c === 'number') return Number.isFinite(c) ? c : null;
  if (c instanceof Date || c === null || c === undefined) return null;
  return parseDanishNumber(c);
}

/** The Danish sentence for one problem: "Række 4: …" */
export function describeProblem(p: ImportProblem): string {
  return p.line === null ? p.message : `Række ${p.line}: ${p.message}`;
}
