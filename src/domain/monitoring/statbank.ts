/**
 * Reading a statbank table export into records: one record per cell, with the value of each
 * variable (as the file spells it) and the number. Two layouts, as Danmarks Statistik gives them:
 *
 * - "long" (the API, api.statbank.dk/v1/data/TABLE/CSV): a header row naming the variables in
 *   capitals (OMRÅDE;FUNKTION;…;TID;INDHOLD), then one row per cell, the number last.
 * - "wide" (statbank.dk, "Gem som … CSV (semikolonsepareret)"): the table title on the first line
 *   ("… efter område, funktion, dranst, art, prisenhed og tid"), a header row with the periods as
 *   columns (2019;2020 or 2020K1;2020K2), then rows whose first cells are the other variables'
 *   values, a blank cell meaning "the same as the row above".
 *
 * Missing values (".." or "-" or blank) are left out; numbers have Danish decimals.
 */
import type { CsvRow } from '../occupancy/csv.ts';
import { parseDanishNumber } from '../occupancy/danish-number.ts';

export interface ImportProblem {
  /** The row number in the file, or null for the file as a whole. */
  readonly line: number | null;
  readonly message: string;
}

export interface StatbankRecord {
  readonly line: number;
  /** Variable (normalised name, e.g. "område", "tid") → the value as the file writes it. */
  readonly dims: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface StatbankTable {
  readonly layout: 'long' | 'wide';
  /** The variables in the file's order, normalised ("område", "funktion", …, "tid"). */
  readonly variables: readonly string[];
  readonly records: StatbankRecord[];
  readonly title: string | null;
}

export type StatbankResult =
  { ok: true; table: StatbankTable } | { ok: false; problems: ImportProblem[] };

const ALIASES: Record<string, string> = {
  omrade: 'område',
  omraade: 'område',
  område: 'område',
  kon: 'køn',
  koen: 'køn',
  køn: 'køn',
  indhold: 'indhold',
  content: 'indhold',
  time: 'tid',
  tid: 'tid',
};

/** "OMRÅDE" → "område"; "KØN" → "køn"; Latin-1 misreads are not expected (decoded already). */
export function normaliseVariable(name: string): string {
  const s = name.trim().toLowerCase().replace(/\s+/g, ' ');
  return ALIASES[s] ?? s;
}

const PERIOD = /^\d{4}(?:[KMQ]\d{1,2})?$/;
const MISSING = new Set(['', '..', '.', '-', ':']);

const isBlankRow = (r: CsvRow) => r.cells.every((c) => c.trim() === '');

/** Variables from a title "… efter område, køn, alder og tid" (the words after "efter"). */
export function variablesFromTitle(title: string): string[] | null {
  const m = /\befter\s+(.+?)\s*$/i.exec(title.replace(/\(.*?\)/g, ' ').trim());
  if (!m?.[1]) return null;
  const parts = m[1]
    .split(/\s*,\s*|\s+og\s+/)
    .map((p) => normaliseVariable(p))
    .filter((p) => p !== '');
  return parts.length > 0 ? parts : null;
}

function number(text: string): number | null | 'missing' {
  const t = text.trim();
  if (MISSING.has(t)) return 'missing';
  return parseDanishNumber(t);
}

/** Reads the rows of a statbank CSV (decoded and split by the caller). */
export function readStatbankTable(rows: readonly CsvRow[]): StatbankResult {
  const content = rows.filter((r) => !isBlankRow(r));
  const first = content[0];
  if (first === undefined)
    return { ok: false, problems: [{ line: null, message: 'Filen er tom.' }] };
  const headerNames = first.cells.map(normaliseVariable);
  if (headerNames.includes('tid') && headerNames.at(-1) === 'indhold') return readLong(content);
  return readWide(content);
}

function readLong(rows: readonly CsvRow[]): StatbankResult {
  const [header, ...data] = rows;
  if (header === undefined)
    return { ok: false, problems: [{ line: null, message: 'Filen er tom.' }] };
  const variables = header.cells.slice(0, -1).map(normaliseVariable);
  const problems: ImportProblem[] = [];
  const records: StatbankRecord[] = [];
  for (const row of data) {
    if (row.cells.length !== variables.length + 1) {
      problems.push({
        line: row.line,
        message: `Rækken har ${row.cells.length} felter; overskriften har ${variables.length + 1}.`,
      });
      continue;
    }
    const raw = row.cells[variables.length] ?? '';
    const value = number(raw);
    if (value === 'missing') continue;
    if (value === null) {
      problems.push({ line: row.line, message: `"${raw.trim()}" er ikke et tal.` });
      continue;
    }
    const dims: Record<string, string> = {};
    variables.forEach((v, i) => (dims[v] = (row.cells[i] ?? '').trim()));
    records.push({ line: row.line, dims, value });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, table: { layout: 'long', variables, records, title: null } };
}

function readWide(rows: readonly CsvRow[]): StatbankResult {
  // The header row: the first row whose last cells are periods.
  const headerIndex = rows.findIndex((r) => {
    const last = r.cells.filter((c) => c.trim() !== '').at(-1);
    return last !== undefined && PERIOD.test(last.trim());
  });
  const header = rows[headerIndex];
  if (header === undefined) {
    return {
      ok: false,
      problems: [
        {
          line: null,
          message:
            'Filen ligner ikke en udtræk fra Statistikbanken: der er hverken en overskrift med TID og INDHOLD eller en række med perioder (fx 2020 eller 2020K1) som kolonner.',
        },
      ],
    };
  }
  const firstPeriod = header.cells.findIndex((c) => PERIOD.test(c.trim()));
  const periods = header.cells.slice(firstPeriod).map((c) => c.trim());
  const stubCount = firstPeriod;
  const titleRow = rows.slice(0, headerIndex).find((r) => (r.cells[0] ?? '').trim() !== '');
  const title = titleRow ? titleRow.cells.join(' ').trim() : null;
  const named = header.cells.slice(0, stubCount).map(normaliseVariable);
  let variables: string[];
  if (named.every((n) => n !== '')) variables = named;
  else {
    const fromTitle = title === null ? null : variablesFromTitle(title);
    const stub = fromTitle?.filter((v) => v !== 'tid') ?? null;
    if (stub?.length !== stubCount) {
      return {
        ok: false,
        problems: [
          {
            line: header.line,
            message: `Kan ikke se, hvilke variable de ${stubCount} første kolonner er: ${
              title === null
                ? 'filen har ingen titellinje'
                : `titlen "${title}" nævner ${stub?.length ?? 0}`
            }. Gem tabellen fra Statistikbanken igen med titel, eller brug API-udtrækket.`,
          },
        ],
      };
    }
    variables = stub;
  }
  const problems: ImportProblem[] = [];
  const records: StatbankRecord[] = [];
  const carried: string[] = Array.from({ length: stubCount }, () => '');
  for (const row of rows.slice(headerIndex + 1)) {
    for (let i = 0; i < stubCount; i++) {
      const cell = (row.cells[i] ?? '').trim();
      if (cell !== '') carried[i] = cell;
    }
    if (carried.some((c) => c === '')) {
      problems.push({
        line: row.line,
        message: 'Rækken mangler værdien for en af de første kolonner.',
      });
      continue;
    }
    // A note under the table ("Kilde: …") has text in the first cell and nothing else.
    if (row.cells.slice(stubCount).every((c) => c.trim() === '')) continue;
    periods.forEach((period, p) => {
      const raw = row.cells[stubCount + p] ?? '';
      const value = number(raw);
      if (value === 'missing') return;
      if (value === null) {
        problems.push({ line: row.line, message: `"${raw.trim()}" (${period}) er ikke et tal.` });
        return;
      }
      const dims: Record<string, string> = { tid: period };
      variables.forEach((v, i) => (dims[v] = carried[i] ?? ''));
      records.push({ line: row.line, dims, value });
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    table: { layout: 'wide', variables: [...variables, 'tid'], records, title },
  };
}
