/**
 * The monitoring model's tables: amounts (accounts and budgets), population, the function
 * mapping, price index, activity counts and notes. Bulk writes go through jsonb_to_recordset in
 * chunks, so an import of tens of thousands of rows is a handful of statements.
 */
import type {
  ActivityRow,
  AmountKind,
  AmountRow,
  Effort,
  PopulationRow,
} from '../../domain/monitoring/index.ts';
import type { Db } from '../client.ts';
import { updated } from './rows.ts';

export interface FunctionRow {
  functionCode: string;
  name: string;
  effortCode: string | null;
  sections: string;
  note: string;
  version: number;
}

export interface NoteRow {
  year: number;
  text: string;
  version: number;
  updatedAt: string;
}

const CHUNK = 5000;

async function inChunks<T>(rows: readonly T[], fn: (chunk: T[]) => Promise<void>) {
  for (let i = 0; i < rows.length; i += CHUNK) await fn(rows.slice(i, i + CHUNK));
}

export function monitoringRepository(db: Db) {
  return {
    async efforts(): Promise<Effort[]> {
      return db.query<Effort>(
        `select code, name, target_group as "targetGroup" from monitoring_effort order by sort, code`,
      );
    },
    async functions(): Promise<FunctionRow[]> {
      return db.query<FunctionRow>(
        `select function_code as "functionCode", name, effort_code as "effortCode", sections, note,
                version
         from monitoring_function order by function_code`,
      );
    },
    /** Adds functions met in an import that the mapping does not know (no area of effort yet). */
    async addUnknownFunctions(fns: readonly { code: string; name: string }[]): Promise<void> {
      await db.query(
        `insert into monitoring_function (function_code, name)
         select code, name from jsonb_to_recordset($1::jsonb) as x (code text, name text)
         on conflict (function_code) do nothing`,
        [fns],
      );
    },
    async updateFunction(
      code: string,
      version: number,
      f: { name: string; effortCode: string | null; sections: string; note: string },
    ): Promise<void> {
      updated(
        await db.query(
          `update monitoring_function
           set name = $3, effort_code = $4, sections = $5, note = $6, version = version + 1
           where function_code = $1 and version = $2 returning function_code`,
          [code, version, f.name, f.effortCode, f.sections, f.note],
        ),
      );
    },
    /** Stores amounts, replacing those already stored for the same kind, area, year, function. */
    async upsertAmounts(
      kind: AmountKind,
      rows: readonly { areaCode: string; year: number; functionCode: string; amount: number }[],
    ): Promise<void> {
      await inChunks(rows, async (chunk) => {
        await db.query(
          `insert into monitoring_amount (kind, area_code, year, function_code, amount)
           select $1, x.a, x.y, x.f, x.v
           from jsonb_to_recordset($2::jsonb) as x (a text, y integer, f text, v bigint)
           on conflict (kind, area_code, year, function_code) do update set amount = excluded.amount`,
          [kind, chunk.map((r) => ({ a: r.areaCode, y: r.year, f: r.functionCode, v: r.amount }))],
        );
      });
    },
    /**
     * All amounts (the aggregation reads them all). Sent as one text value of fixed-width
     * records, "a851201X5.38.50-1234" = kind (a/b), area (3), year (4), function (7), amount:
     * PGlite decodes one value far faster than 176,000 rows (4 s → 0.3 s in the bench). The
     * table's checks guarantee the widths.
     */
    async amounts(): Promise<AmountRow[]> {
      const [row] = await db.query<{ s: string | null }>(
        `select string_agg(case when kind = 'budget' then 'b' else 'a' end || area_code
                  || year::text || function_code || amount::text, ';') as s
         from monitoring_amount`,
      );
      const text = row?.s ?? null;
      if (text === null || text === '') return [];
      return text.split(';').map((r) => ({
        kind: r[0] === 'b' ? 'budget' : 'accounts',
        areaCode: r.slice(1, 4),
        year: Number(r.slice(4, 8)),
        functionCode: r.slice(8, 15),
        amount: Number(r.slice(15)),
      }));
    },
    async upsertPopulation(rows: readonly PopulationRow[]): Promise<void> {
      await inChunks(rows, async (chunk) => {
        await db.query(
          `insert into monitoring_population (area_code, period, age_group, count)
           select x.a, x.p, x.g, x.c
           from jsonb_to_recordset($1::jsonb) as x (a text, p text, g text, c integer)
           on conflict (area_code, period, age_group) do update set count = excluded.count`,
          [chunk.map((r) => ({ a: r.areaCode, p: r.period, g: r.group, c: r.count }))],
        );
      });
    },
    async population(): Promise<PopulationRow[]> {
      return db.query<PopulationRow>(
        `select area_code as "areaCode", period, age_group as "group", count
         from monitoring_population`,
      );
    },
    async upsertPriceIndex(rows: readonly { year: number; index: number }[]): Promise<void> {
      await db.query(
        `insert into monitoring_price_index (year, value)
         select x.y, x.i from jsonb_to_recordset($1::jsonb) as x (y integer, i numeric)
         on conflict (year) do update set value = excluded.value`,
        [rows.map((r) => ({ y: r.year, i: r.index }))],
      );
    },
    async priceIndex(): Promise<Map<number, number>> {
      const rows = await db.query<{ year: number; value: number }>(
        `select year, value from monitoring_price_index order by year`,
      );
      return new Map(rows.map((r) => [r.year, Number(r.value)]));
    },
    async upsertActivity(rows: readonly ActivityRow[]): Promise<void> {
      await db.query(
        `insert into monitoring_activity (area_code, effort_code, year, citizens)
         select x.a, x.e, x.y, x.c from jsonb_to_recordset($1::jsonb) as x (a text, e text, y integer, c numeric)
         on conflict (area_code, effort_code, year) do update set citizens = excluded.citizens`,
        [rows.map((r) => ({ a: r.areaCode, e: r.effortCode, y: r.year, c: r.citizens }))],
      );
    },
    async activity(): Promise<ActivityRow[]> {
      const rows = await db.query<ActivityRow>(
        `select area_code as "areaCode", effort_code as "effortCode", year, citizens
         from monitoring_activity`,
      );
      return rows.map((r) => ({ ...r, citizens: Number(r.citizens) }));
    },
    async notes(): Promise<NoteRow[]> {
      return db.query<NoteRow>(
        `select year, text, version, to_char(updated_at, 'YYYY-MM-DD') as "updatedAt"
         from monitoring_note order by year desc`,
      );
    },
    /** Saves a year's note; version 0 creates it (a conflict if someone created it meanwhile). */
    async saveNote(year: number, version: number, text: string): Promise<void> {
      if (version === 0) {
        updated(
          await db.query(
            `insert into monitoring_note (year, text) values ($1, $2)
             on conflict (year) do nothing returning year`,
            [year, text],
          ),
        );
        return;
      }
      updated(
        await db.query(
          `update monitoring_note set text = $3, version = version + 1, updated_at = now()
           where year = $1 and version = $2 returning year`,
          [year, version, text],
        ),
      );
    },
    async logImport(kind: string, filename: string, rows: number, userId: number | null) {
      await db.query(
        `insert into monitoring_import (kind, filename, rows, imported_by) values ($1, $2, $3, $4)`,
        [kind, filename, rows, userId],
      );
    },
    async imports(): Promise<
      { kind: string; filename: string; rows: number; importedAt: string }[]
    > {
      return db.query(
        `select kind, filename, rows, to_char(imported_at, 'YYYY-MM-DD HH24:MI') as "importedAt"
         from monitoring_import order by id desc limit 20`,
      );
    },
  };
}
