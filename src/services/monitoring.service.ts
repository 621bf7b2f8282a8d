/**
 * The expenditure monitoring model: imports of the statbank tables (REGK31 accounts, BUDK32
 * budgets, FOLK1A population) and of the secretariat's own price index and activity counts, all
 * rows or none; the editable function mapping; the notes per year (level 4); and the computed
 * levels 1-3 with benchmarks. Secretariat only.
 */
import { ValidationError } from '../domain/errors.ts';
import type { Viewer } from '../domain/meetings/index.ts';
import {
  aggregate,
  describeProblem,
  MAX_PROBLEMS,
  parseActivity,
  parseExpenditure,
  parsePopulation,
  parsePriceIndex,
  type Effort,
  type ImportProblem,
  type MonitoringResult,
} from '../domain/monitoring/index.ts';
import type { Db } from '../db/client.ts';
import {
  monitoringRepository,
  type FunctionRow,
  type NoteRow,
} from '../db/repositories/monitoring.repository.ts';
import { requireFinance } from './financing.service.ts';

export const IMPORT_KINDS = [
  'accounts',
  'budget',
  'population',
  'price-index',
  'activity',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_LABEL: Record<ImportKind, string> = {
  accounts: 'Regnskab (REGK31)',
  budget: 'Budget (BUDK32)',
  population: 'Befolkning (FOLK1A)',
  'price-index': 'Prisindeks',
  activity: 'Aktivitet (antal borgere)',
};

/** The functions of the specialised social area: hovedfunktion 5.28 (children) and 5.38 (adults). */
const MONITORED_FUNCTION = /^5\.(28|38)\./;

export class MonitoringImportError extends ValidationError {
  override name = 'MonitoringImportError';
  constructor(public readonly problems: readonly ImportProblem[]) {
    const shown = problems.slice(0, MAX_PROBLEMS).map(describeProblem);
    const more = problems.length - shown.length;
    super(
      { file: shown.join(' ') + (more > 0 ? ` (og ${more} fejl mere)` : '') },
      'Filen kunne ikke indlæses, og intet er gemt. Ret fejlene og prøv igen.',
    );
  }
}

export interface MonitoringImportSummary {
  kind: ImportKind;
  rows: number;
  encoding: string;
  layout: string;
  notes: string[];
}

export interface MonitoringModel {
  result: MonitoringResult;
  efforts: Effort[];
  functions: FunctionRow[];
  notes: NoteRow[];
  priceIndex: Map<number, number>;
}

export function monitoringService(db: Db) {
  const repo = monitoringRepository(db);
  return {
    async importFile(
      viewer: Viewer,
      kind: ImportKind,
      filename: string,
      bytes: Uint8Array,
    ): Promise<MonitoringImportSummary> {
      requireFinance(viewer);
      if (bytes.length === 0)
        throw new MonitoringImportError([{ line: null, message: 'Filen er tom.' }]);
      if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
        throw new MonitoringImportError([
          {
            line: null,
            message:
              'Filen er et regneark. Hent tabellen fra Statistikbanken som CSV (semikolonsepareret).',
          },
        ]);
      }
      const summary = (r: {
        records: unknown[];
        encoding: string;
        layout: string;
        notes: string[];
      }) => ({
        kind,
        rows: r.records.length,
        encoding: r.encoding,
        layout: r.layout,
        notes: r.notes,
      });
      switch (kind) {
        case 'accounts':
        case 'budget': {
          const r = parseExpenditure(bytes, kind === 'accounts' ? 'REGK31' : 'BUDK32');
          if (!r.ok) throw new MonitoringImportError(r.problems);
          const known = new Set((await repo.functions()).map((f) => f.functionCode));
          const kept = r.records.filter(
            (x) => known.has(x.functionCode) || MONITORED_FUNCTION.test(x.functionCode),
          );
          const left = r.records.length - kept.length;
          const notes = [...r.notes];
          if (left > 0)
            notes.push(`${left} tal for funktioner uden for 5.28 og 5.38 er sprunget over.`);
          const fresh = new Map<string, string>();
          for (const x of kept)
            if (!known.has(x.functionCode))
              fresh.set(x.functionCode, x.functionName || x.functionCode);
          if (fresh.size > 0) {
            notes.push(
              `Nye funktioner uden indsatsområde: ${[...fresh.keys()].join(', ')}. Knyt dem til et indsatsområde nedenfor.`,
            );
          }
          await db.transaction(async (tx) => {
            const t = monitoringRepository(tx);
            await t.addUnknownFunctions([...fresh].map(([code, name]) => ({ code, name })));
            await t.upsertAmounts(kind, kept);
            await t.logImport(kind, filename, kept.length, viewer.userId);
          });
          return { ...summary(r), rows: kept.length, notes };
        }
        case 'population': {
          const r = parsePopulation(bytes);
          if (!r.ok) throw new MonitoringImportError(r.problems);
          await db.transaction(async (tx) => {
            const t = monitoringRepository(tx);
            await t.upsertPopulation(r.records);
            await t.logImport(kind, filename, r.records.length, viewer.userId);
          });
          return summary(r);
        }
        case 'price-index': {
          const r = parsePriceIndex(bytes);
          if (!r.ok) throw new MonitoringImportError(r.problems);
          await db.transaction(async (tx) => {
            const t = monitoringRepository(tx);
            await t.upsertPriceIndex(r.records);
            await t.logImport(kind, filename, r.records.length, viewer.userId);
          });
          return summary(r);
        }
        case 'activity': {
          const efforts = (await repo.efforts()).map((e) => e.code);
          const r = parseActivity(bytes, efforts);
          if (!r.ok) throw new MonitoringImportError(r.problems);
          await db.transaction(async (tx) => {
            const t = monitoringRepository(tx);
            await t.upsertActivity(r.records.map((x) => ({ ...x, effortCode: x.effort })));
            await t.logImport(kind, filename, r.records.length, viewer.userId);
          });
          return summary(r);
        }
      }
    },

    /** Everything the pages show: the computed levels, the mapping, the notes. */
    async model(viewer: Viewer): Promise<MonitoringModel> {
      requireFinance(viewer);
      const [amounts, efforts, functions, population, priceIndex, activity, notes] =
        await Promise.all([
          repo.amounts(),
          repo.efforts(),
          repo.functions(),
          repo.population(),
          repo.priceIndex(),
          repo.activity(),
          repo.notes(),
        ]);
      const result = aggregate({
        amounts,
        efforts,
        mapping: new Map(functions.map((f) => [f.functionCode, f.effortCode])),
        population,
        priceIndex,
        activity,
      });
      return { result, efforts, functions, notes, priceIndex };
    },

    async functions(viewer: Viewer): Promise<{ functions: FunctionRow[]; efforts: Effort[] }> {
      requireFinance(viewer);
      return { functions: await repo.functions(), efforts: await repo.efforts() };
    },

    async updateFunction(
      viewer: Viewer,
      code: string,
      version: number,
      f: { name: string; effortCode: string | null; sections: string; note: string },
    ): Promise<void> {
      requireFinance(viewer);
      if (f.effortCode !== null && !(await repo.efforts()).some((e) => e.code === f.effortCode)) {
        throw new ValidationError({ effortCode: 'Vælg et indsatsområde fra listen.' });
      }
      await repo.updateFunction(code, version, f);
    },

    async notes(viewer: Viewer): Promise<NoteRow[]> {
      requireFinance(viewer);
      return repo.notes();
    },

    async saveNote(viewer: Viewer, year: number, version: number, text: string): Promise<void> {
      requireFinance(viewer);
      await repo.saveNote(year, version, text.trim());
    },

    async imports(viewer: Viewer) {
      requireFinance(viewer);
      return repo.imports();
    },
  };
}
