/**
 * The three statbank tables of the monitoring model, read from their CSV exports:
 * REGK31 (kommunernes regnskaber) and BUDK32 (kommunernes budgetter) by area × function × year,
 * and FOLK1A (befolkningen) by area × age × quarter; plus the two small files the secretariat
 * keeps itself (a price index, and activity counts). Pure: bytes in, records or problems out.
 */
import { decodeText, parseCsv, type TextEncodingName } from '../occupancy/csv.ts';
import { parseDanishNumber } from '../occupancy/danish-number.ts';
import { matchArea, type Area } from './areas.ts';
import {
  readStatbankTable,
  type ImportProblem,
  type StatbankRecord,
  type StatbankTable,
} from './statbank.ts';

export type { ImportProblem } from './statbank.ts';

export const MAX_PROBLEMS = 20;

export function describeProblem(p: ImportProblem): string {
  return p.line === null ? p.message : `Række ${p.line}: ${p.message}`;
}

export type ParseResult<T> =
  | {
      ok: true;
      records: T[];
      encoding: TextEncodingName;
      layout: 'long' | 'wide' | 'plain';
      notes: string[];
    }
  | { ok: false; problems: ImportProblem[] };

/* ---------- accounts and budgets ---------- */

export interface ExpenditureRecord {
  readonly areaCode: string;
  readonly year: number;
  /** "5.38.50" */
  readonly functionCode: string;
  readonly functionName: string;
  /** Net operating expenditure in whole kroner (the statbank gives 1.000 kr.). */
  readonly amount: number;
  readonly line: number;
}

/** "5.38.50 Botilbud …", "53850 Botilbud …", "53850" → code and name; group totals → null. */
export function parseFunction(text: string): { code: string; name: string } | null {
  const m = /^(\d)\.?(\d{2})\.?(\d{2})(?!\d)\s*(.*)$/.exec(text.trim());
  if (!m) return null;
  return { code: `${m[1]}.${m[2]}.${m[3]}`, name: (m[4] ?? '').trim() };
}

const isFunctionGroup = (text: string) =>
  /^\d(?:\.?\d{2})?(?!\d)(?:\s|$)/.test(text.trim()) || /(^|\s)i alt$/i.test(text.trim());

interface Choice {
  variable: string;
  /** Values preferred in this order; the first pattern that matches exactly one value wins. */
  prefer: RegExp[];
  /** Values never used. */
  refuse?: RegExp;
  label: string;
}

/**
 * Keeps the records of one value of `variable` when the file holds several (e.g. only
 * "Driftskonti" of DRANST): counting all of them would add the same money twice.
 */
function choose(
  records: StatbankRecord[],
  c: Choice,
  notes: string[],
): { records: StatbankRecord[]; value: string | null } | ImportProblem {
  const values = [...new Set(records.map((r) => r.dims[c.variable] ?? ''))];
  if (values.length === 0 || !(c.variable in (records[0]?.dims ?? {}))) {
    return { records, value: null };
  }
  const usable = values.filter((v) => !(c.refuse?.test(v) ?? false));
  let chosen: string | undefined;
  if (usable.length === 1) chosen = usable[0];
  else {
    for (const p of c.prefer) {
      const hits = usable.filter((v) => p.test(v));
      if (hits.length === 1) {
        chosen = hits[0];
        break;
      }
    }
  }
  if (chosen === undefined) {
    return {
      line: null,
      message: `Filen har flere værdier af ${c.label} (${values.join(', ')}), og det er uklart, hvilken der skal bruges. Vælg kun ${c.prefer.length > 0 ? 'den ene' : 'én'} i Statistikbanken.`,
    };
  }
  if (values.length > 1) notes.push(`${c.label}: kun "${chosen}" er brugt.`);
  return { records: records.filter((r) => r.dims[c.variable] === chosen), value: chosen };
}

function unitFactor(prisenhed: string | null, title: string | null): number {
  const text = `${prisenhed ?? ''} ${title ?? ''}`.toLowerCase();
  if (/mio\.? kr/.test(text)) return 1_000_000;
  if (/1\.?000 kr/.test(text)) return 1000;
  if (prisenhed !== null && /\bkr\b/.test(prisenhed.toLowerCase())) return 1;
  return 1000; // REGK31 and BUDK32 are in 1.000 kr.
}

function decode(bytes: Uint8Array) {
  const decoded = decodeText(bytes);
  return { ...decoded, rows: parseCsv(decoded.text) };
}

function requireVariables(
  table: StatbankTable,
  names: string[],
  tableName: string,
): ImportProblem | null {
  const missing = names.filter((n) => !table.variables.includes(n));
  return missing.length === 0
    ? null
    : {
        line: null,
        message: `Filen mangler ${missing.map((m) => m.toUpperCase()).join(' og ')}; ${tableName} skal have ${names.map((n) => n.toUpperCase()).join(', ')}.`,
      };
}

/** REGK31 or BUDK32: net operating expenditure per kommune/region, function and year. */
export function parseExpenditure(
  bytes: Uint8Array,
  tableName = 'REGK31',
): ParseResult<ExpenditureRecord> {
  const { rows, encoding } = decode(bytes);
  const read = readStatbankTable(rows);
  if (!read.ok) return read;
  const table = read.table;
  const missing = requireVariables(table, ['område', 'funktion', 'tid'], tableName);
  if (missing) return { ok: false, problems: [missing] };
  const notes: string[] = [];
  let records = table.records;
  let prisenhed: string | null = null;
  const choices: Choice[] = [
    { variable: 'dranst', prefer: [/^1\b/, /drift/i], label: 'DRANST (dranst)' },
    {
      variable: 'art',
      prefer: [/netto|^net\b/i, /^(tot|ialt)\b/i, /(^|\s)i alt$/i],
      label: 'ART (art)',
    },
    {
      variable: 'prisenhed',
      prefer: [/løbende|lobende|^lob/i, /1\.?000 kr/i],
      refuse: /indbygger|\bindb\b|^indl/i,
      label: 'PRISENHED (prisenhed)',
    },
  ];
  for (const c of choices) {
    const picked = choose(records, c, notes);
    if ('message' in picked) return { ok: false, problems: [picked] };
    records = picked.records;
    if (c.variable === 'prisenhed') prisenhed = picked.value;
  }
  const factor = unitFactor(prisenhed, table.title);
  const problems: ImportProblem[] = [];
  const out: ExpenditureRecord[] = [];
  const seen = new Map<string, number>();
  let skippedAreas = 0;
  for (const r of records) {
    const area = matchArea(r.dims.område ?? '');
    if (area.kind === 'unknown') {
      problems.push({ line: r.line, message: `Området "${r.dims.område}" kendes ikke.` });
      continue;
    }
    if (area.kind === 'skip' || area.area.level === 'country') {
      skippedAreas++;
      continue;
    }
    const fnText = r.dims.funktion ?? '';
    const fn = parseFunction(fnText);
    if (fn === null) {
      if (isFunctionGroup(fnText)) continue; // a hovedkonto or a total: its functions are rows too
      problems.push({
        line: r.line,
        message: `Funktionen "${fnText}" har ikke et funktionsnummer (fx 5.38.50). Vælg "kode og tekst" eller "kode" i Statistikbanken.`,
      });
      continue;
    }
    // "2023", or "2023 2023" when the API gives code and text
    const year = /^(\d{4})(?:\s|$)/.exec((r.dims.tid ?? '').trim())?.[1];
    if (year === undefined) {
      problems.push({ line: r.line, message: `Året "${r.dims.tid}" skal være fx 2023.` });
      continue;
    }
    const key = `${area.area.code}|${fn.code}|${year}`;
    const before = seen.get(key);
    if (before !== undefined) {
      problems.push({
        line: r.line,
        message: `${area.area.name}, ${fn.code}, ${year} står også i række ${before}. Filen har en variabel med flere værdier, der ikke kan lægges sammen.`,
      });
      continue;
    }
    seen.set(key, r.line);
    out.push({
      areaCode: area.area.code,
      year: Number(year),
      functionCode: fn.code,
      functionName: fn.name,
      amount: Math.round(r.value * factor),
      line: r.line,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (out.length === 0) {
    return {
      ok: false,
      problems: [
        {
          line: null,
          message: `Filen har ingen tal for kommuner eller regioner pr. funktion og år.`,
        },
      ],
    };
  }
  if (skippedAreas > 0)
    notes.push(`${skippedAreas} tal for hele landet eller landsdele er sprunget over.`);
  return { ok: true, records: out, encoding, layout: table.layout, notes };
}

/* ---------- population ---------- */

export type AgeGroup = 'total' | '0-17' | '18-64' | '65+';
export const AGE_GROUPS: readonly AgeGroup[] = ['total', '0-17', '18-64', '65+'];

export interface PopulationRecord {
  readonly areaCode: string;
  readonly level: 'region' | 'municipality';
  /** "2024K1" */
  readonly period: string;
  readonly group: AgeGroup;
  readonly count: number;
}

const TOTAL = /(^|\s)i alt$|^i alt|^tot(al)?\b|^ialt$|^alle\b/i;

/** "17 år" / "17" → [17,17]; "0-4 år" → [0,4]; "100 år og derover" / "100-" → [100, ∞]. */
export function parseAge(text: string): [number, number] | 'total' | null {
  const own = parseAgeText(text);
  if (own !== null) return own;
  // Code and text from the API: "17 17 år", "IALT Alder i alt".
  const rest = /^\S+\s+(.+)$/.exec(text.trim())?.[1];
  return rest === undefined ? null : parseAgeText(rest);
}

function parseAgeText(text: string): [number, number] | 'total' | null {
  const s = text.trim().toLowerCase();
  if (TOTAL.test(s) || s === 'alder i alt') return 'total';
  let m = /^(\d{1,3})\s*(?:år)?\s*(?:og derover|og over|\+|-)$/.exec(s);
  if (m) return [Number(m[1]), Infinity];
  m = /^(\d{1,3})\s*-\s*(\d{1,3})\s*(?:år)?$/.exec(s);
  if (m) return [Number(m[1]), Number(m[2])];
  m = /^(\d{1,3})\s*(?:år)?$/.exec(s);
  if (m) return [Number(m[1]), Number(m[1])];
  return null;
}

function groupOf([from, to]: [number, number]): AgeGroup | null {
  if (to <= 17) return '0-17';
  if (from >= 18 && to <= 64) return '18-64';
  if (from >= 65) return '65+';
  return null;
}

/**
 * FOLK1A: population per kommune and region, per quarter, in the groups 0-17, 18-64, 65+ and in
 * total. Other variables (KØN, CIVILSTAND, …): their "I alt" value is used when the file has it,
 * otherwise their categories are added up, never both. Hele landet and landsdele are left out;
 * a region's own row is kept as the region's figure, never added to its kommuner.
 */
export function parsePopulation(bytes: Uint8Array): ParseResult<PopulationRecord> {
  const { rows, encoding } = decode(bytes);
  const read = readStatbankTable(rows);
  if (!read.ok) return read;
  const table = read.table;
  const missing = requireVariables(table, ['område', 'tid'], 'FOLK1A');
  if (missing) return { ok: false, problems: [missing] };
  const notes: string[] = [];
  let records = table.records;
  for (const v of table.variables) {
    if (v === 'område' || v === 'tid' || v === 'alder') continue;
    const values = [...new Set(records.map((r) => r.dims[v] ?? ''))];
    const total = values.filter((x) => TOTAL.test(x));
    if (total.length === 1 && values.length > 1) {
      records = records.filter((r) => r.dims[v] === total[0]);
      notes.push(`${v.toUpperCase()}: kun "${total[0]}" er brugt.`);
    } else if (total.length > 1) {
      return {
        ok: false,
        problems: [
          {
            line: null,
            message: `${v.toUpperCase()} har flere i alt-værdier: ${total.join(', ')}.`,
          },
        ],
      };
    }
  }
  const hasAge = table.variables.includes('alder');
  const ageValues = hasAge ? [...new Set(records.map((r) => r.dims.alder ?? ''))] : [];
  const hasSingleAges = ageValues.some((a) => {
    const p = parseAge(a);
    return p !== null && p !== 'total';
  });
  const problems: ImportProblem[] = [];
  const sums = new Map<
    string,
    {
      areaCode: string;
      level: 'region' | 'municipality';
      period: string;
      group: AgeGroup;
      count: number;
    }
  >();
  const add = (area: Area, period: string, group: AgeGroup, count: number) => {
    const key = `${area.code}|${period}|${group}`;
    const s = sums.get(key);
    if (s) s.count += count;
    else
      sums.set(key, {
        areaCode: area.code,
        level: area.level === 'region' ? 'region' : 'municipality',
        period,
        group,
        count,
      });
  };
  for (const r of records) {
    const area = matchArea(r.dims.område ?? '');
    if (area.kind === 'unknown') {
      problems.push({ line: r.line, message: `Området "${r.dims.område}" kendes ikke.` });
      continue;
    }
    if (area.kind === 'skip' || area.area.level === 'country') continue;
    const period = /^(\d{4}K[1-4])(?:\s|$)/.exec((r.dims.tid ?? '').trim().toUpperCase())?.[1];
    if (period === undefined) {
      problems.push({ line: r.line, message: `Kvartalet "${r.dims.tid}" skal være fx 2024K1.` });
      continue;
    }
    if (!Number.isInteger(r.value) || r.value < 0) {
      problems.push({ line: r.line, message: `Antallet "${r.value}" skal være et helt tal.` });
      continue;
    }
    if (!hasAge) {
      add(area.area, period, 'total', r.value);
      continue;
    }
    const age = parseAge(r.dims.alder ?? '');
    if (age === null) {
      problems.push({
        line: r.line,
        message: `Alderen "${r.dims.alder}" kan ikke læses (fx "17 år").`,
      });
      continue;
    }
    if (age === 'total') {
      if (!hasSingleAges) add(area.area, period, 'total', r.value);
      continue; // with single ages in the file, the total is their sum (checked below)
    }
    const group = groupOf(age);
    if (group === null) {
      problems.push({
        line: r.line,
        message: `Aldersgruppen "${r.dims.alder}" går på tværs af 17/18 eller 64/65 år. Vælg enkelte aldre.`,
      });
      continue;
    }
    add(area.area, period, group, r.value);
    add(area.area, period, 'total', r.value);
  }
  if (problems.length > 0) return { ok: false, problems };
  if (sums.size === 0) {
    return {
      ok: false,
      problems: [
        { line: null, message: 'Filen har ingen befolkningstal for kommuner eller regioner.' },
      ],
    };
  }
  if (hasSingleAges) notes.push('Aldersgrupperne er lagt sammen af de enkelte aldre.');
  return { ok: true, records: [...sums.values()], encoding, layout: table.layout, notes };
}

/* ---------- the secretariat's own small files ---------- */

export interface PriceIndexRecord {
  readonly year: number;
  readonly index: number;
}

function plainRows(bytes: Uint8Array) {
  const { rows, encoding } = decode(bytes);
  const content = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const first = content[0];
  const hasHeader = first !== undefined && parseDanishNumber(first.cells[1] ?? '') === null;
  return { rows: hasHeader ? content.slice(1) : content, encoding };
}

/** "År;Indeks" rows (e.g. 2020;100 and 2021;101,9); any base year. */
export function parsePriceIndex(bytes: Uint8Array): ParseResult<PriceIndexRecord> {
  const { rows, encoding } = plainRows(bytes);
  const problems: ImportProblem[] = [];
  const out = new Map<number, PriceIndexRecord>();
  for (const r of rows) {
    const year = Number((r.cells[0] ?? '').trim());
    const index = parseDanishNumber(r.cells[1] ?? '');
    if (!Number.isInteger(year) || year < 1900 || year > 2200) {
      problems.push({ line: r.line, message: `Året "${r.cells[0] ?? ''}" skal være fx 2023.` });
    } else if (index === null || index <= 0) {
      problems.push({
        line: r.line,
        message: `Indekset "${r.cells[1] ?? ''}" skal være et positivt tal, fx 101,9.`,
      });
    } else if (out.has(year)) {
      problems.push({ line: r.line, message: `${year} står to gange.` });
    } else out.set(year, { year, index });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (out.size === 0)
    return { ok: false, problems: [{ line: null, message: 'Filen har ingen år med indeks.' }] };
  return { ok: true, records: [...out.values()], encoding, layout: 'plain', notes: [] };
}

export interface ActivityRecord {
  readonly areaCode: string;
  /** The area of effort's code (e.g. "botilbud"). */
  readonly effort: string;
  readonly year: number;
  readonly citizens: number;
}

/** "Kommune;Indsatsområde;År;Borgere" rows: citizens served per kommune, area of effort and year. */
export function parseActivity(
  bytes: Uint8Array,
  efforts: readonly string[],
): ParseResult<ActivityRecord> {
  const { rows, encoding } = plainRows(bytes);
  const problems: ImportProblem[] = [];
  const out: ActivityRecord[] = [];
  for (const r of rows) {
    const area = matchArea(r.cells[0] ?? '');
    const effort = (r.cells[1] ?? '').trim().toLowerCase();
    const year = Number((r.cells[2] ?? '').trim());
    const citizens = parseDanishNumber(r.cells[3] ?? '');
    if (area.kind !== 'area' || area.area.level !== 'municipality') {
      problems.push({ line: r.line, message: `Kommunen "${r.cells[0] ?? ''}" kendes ikke.` });
    } else if (!efforts.includes(effort)) {
      problems.push({
        line: r.line,
        message: `Indsatsområdet "${r.cells[1] ?? ''}" findes ikke; brug en af koderne ${efforts.join(', ')}.`,
      });
    } else if (!Number.isInteger(year) || year < 1900) {
      problems.push({ line: r.line, message: `Året "${r.cells[2] ?? ''}" skal være fx 2023.` });
    } else if (citizens === null || citizens < 0) {
      problems.push({
        line: r.line,
        message: `Antal borgere "${r.cells[3] ?? ''}" skal være et tal.`,
      });
    } else out.push({ areaCode: area.area.code, effort, year, citizens });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, records: out, encoding, layout: 'plain', notes: [] };
}
