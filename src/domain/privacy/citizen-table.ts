/**
 * Tables per citizen: a table whose rows are individual persons (a name or initials, with a birth
 * date, an age or a CPR number). Such a table in a public agenda exposes citizens even without a
 * CPR number. Ordinary tables of kommuner, offers or amounts must not fire, so a table counts
 * only when it has BOTH a column that identifies a person and a column that describes one, and
 * at least two rows of persons.
 *
 * Tables come from the case description's markup ("| a | b |" rows) or from attachment text
 * (lines split by tabs or semicolons).
 */
import { birthDate } from './cpr.ts';

export interface TableRow {
  cells: string[];
  /** 1-based line of the row in its text */
  line: number;
}

export interface CitizenTable {
  /** line of the table's first row */
  line: number;
  /** rows that look like persons */
  personRows: number;
  /** the header, when the first row is one (shown to say which table is meant) */
  header: string[];
}

/** Fewest person rows for a table to count: one row is a sentence, two are a list of people. */
export const MIN_PERSON_ROWS = 2;

const IDENTITY_HEADER =
  /^(?:(?:for|efter|fulde?)?navn|initialer|borger(?:en|ens)?(?:\s*(?:nr\.?|id|navn))?|klient|beboer|elev|patient|barn(?:ets navn)?|person|den unge)$/iu;
const ATTRIBUTE_HEADER =
  /^(?:cpr(?:-?n(?:umme)?r\.?)?|personn(?:umme)?r\.?|fødselsdato|født|fødselsår|alder|f\.? ?dato)$/iu;

// Words that make a capitalised phrase a place or an organisation rather than a person.
const NOT_A_PERSON =
  /\b(?:kommune|region|nordjylland|center|centret|tilbud|bosted|botilbud|hus|huset|gård|gården|skole|skolen|afdeling|gruppe|gruppen|udvalg|styrelse|ministeriet|socialaftale|kollegiet|hjemmet|bo|i alt|total)\b/iu;
const PERSON_NAME = /^\p{Lu}[\p{Ll}'-]+(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{Ll}'-]+)){1,3}$/u;
const INITIALS = /^(?:\p{Lu}{2,4}|(?:\p{Lu}\.\s?){2,4})$/u;
const DATE = /^(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{2}|\d{4})$/u;
const AGE = /^\d{1,3}\s*år$/iu;
const CPR_LIKE = /^\d{6}[-\s]?(?:\d{4}|[x*]{4})$/iu;

const norm = (cell: string) => cell.trim().replace(/\s+/g, ' ');

function isDate(cell: string): boolean {
  const m = DATE.exec(cell);
  if (m === null) return false;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), m[3] ?? ''];
  const year = y.length === 2 ? Number(y) : Number(y) % 100;
  const digits = `${String(d).padStart(2, '0')}${String(mo).padStart(2, '0')}${String(year).padStart(2, '0')}0000`;
  return birthDate(digits) !== null;
}

const isPersonName = (cell: string) => PERSON_NAME.test(cell) && !NOT_A_PERSON.test(cell);
const identifiesPerson = (cell: string) => isPersonName(cell) || INITIALS.test(cell);
/** A cell that describes a person whatever its header says: an age in years, a CPR number. */
const describesPerson = (cell: string) => AGE.test(cell) || CPR_LIKE.test(cell);
/** Under a header such as "Fødselsdato" or "Alder": a date or a plain age. */
const describesUnderHeader = (cell: string) =>
  describesPerson(cell) || isDate(cell) || (/^\d{1,3}$/.test(cell) && Number(cell) <= 120);

const share = (rows: string[][], col: number, test: (cell: string) => boolean) =>
  rows.filter((r) => test(r[col] ?? '')).length;

/** Splits rows into tables: runs of consecutive lines with the same number of cells (≥ 2). */
export function groupTables(rows: readonly TableRow[]): TableRow[][] {
  const tables: TableRow[][] = [];
  let current: TableRow[] = [];
  for (const row of rows) {
    const last = current.at(-1);
    if (
      last !== undefined &&
      (row.line !== last.line + 1 || row.cells.length !== last.cells.length)
    ) {
      tables.push(current);
      current = [];
    }
    if (row.cells.length >= 2) current.push(row);
  }
  if (current.length > 0) tables.push(current);
  return tables.filter((t) => t.length >= 2);
}

/** The table's finding, or null for an ordinary table. */
export function detectCitizenTable(table: readonly TableRow[]): CitizenTable | null {
  // A markup separator row ("|---|---|") carries no content.
  const all = table
    .map((r) => r.cells.map(norm))
    .filter((r) => !r.every((c) => /^[\s\-:]*$/.test(c)));
  if (all.length === 0) return null;
  const width = Math.max(...all.map((r) => r.length));
  const first = all[0] ?? [];
  const hasHeader = first.some((c) => IDENTITY_HEADER.test(c) || ATTRIBUTE_HEADER.test(c));
  const body = hasHeader ? all.slice(1) : all;
  const half = Math.max(MIN_PERSON_ROWS, Math.ceil(body.length / 2));
  const columns = [...Array(width).keys()];
  // A column identifies persons by its header (with non-numeric cells) or by its cells.
  const identity = columns.filter(
    (c) =>
      (hasHeader &&
        IDENTITY_HEADER.test(first[c] ?? '') &&
        share(body, c, (x) => x !== '' && !/^\d+$/.test(x)) >= half) ||
      share(body, c, identifiesPerson) >= half,
  );
  const attribute = columns.filter(
    (c) =>
      (hasHeader &&
        ATTRIBUTE_HEADER.test(first[c] ?? '') &&
        share(body, c, describesUnderHeader) >= half) ||
      share(body, c, describesPerson) >= half,
  );
  const pairs = identity.flatMap((i) =>
    attribute.filter((a) => a !== i).map((a): [number, number] => [i, a]),
  );
  if (pairs.length === 0) return null;
  const personRows = body.filter((r) =>
    pairs.some(([i, a]) => (r[i] ?? '') !== '' && (r[a] ?? '') !== ''),
  ).length;
  if (personRows < MIN_PERSON_ROWS) return null;
  return { line: table[0]?.line ?? 1, personRows, header: hasHeader ? first : [] };
}

/** Table rows in plain text: lines with tabs or semicolons ("Navn;Født;Kommune"). */
export function textTableRows(text: string): TableRow[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .flatMap((line, i) => {
      const sep = line.includes('\t') ? '\t' : line.includes(';') ? ';' : null;
      if (sep === null) return [];
      const cells = line.split(sep).map(norm);
      if (cells.at(-1) === '') cells.pop();
      return cells.length >= 2 ? [{ cells, line: i + 1 }] : [];
    });
}

/** Table rows of case-description markup ("| a | b |"), separator rows included. */
export function markupTableRows(markup: string): TableRow[] {
  return markup
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .flatMap((raw, i) => {
      const line = raw.trim();
      if (!/^\|.*\|$/.test(line)) return [];
      return [{ cells: line.slice(1, -1).split('|').map(norm), line: i + 1 }];
    });
}

/** Every table per citizen in a text (markup tables and tab/semicolon rows). */
export function findCitizenTables(text: string): CitizenTable[] {
  const rows = [...markupTableRows(text), ...textTableRows(text)].sort((a, b) => a.line - b.line);
  const seen = new Set<number>();
  const unique = rows.filter((r) => !seen.has(r.line) && seen.add(r.line));
  return groupTables(unique).flatMap((t) => {
    const found = detectCitizenTable(t);
    return found === null ? [] : [found];
  });
}
