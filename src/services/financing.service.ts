/**
 * Financing models: saved deficit-cover models (underskudsdækning) with their parameters, the
 * allocation computed by the domain, the population filled from the platform's series, the link
 * to the meeting item that adopted a model, and the fixed-share split by population. Only the
 * secretariat reads and writes them.
 */
import {
  ForbiddenError,
  NotFoundError,
  ValidationError,
  type FieldErrors,
} from '../domain/errors.ts';
import {
  allocateDeficit,
  parseDeficitCoverModel,
  splitFixedShare,
  type DeficitCoverModel,
  type DeficitCoverResult,
  type FixedShareResult,
} from '../domain/financing/index.ts';
import { canEdit, type Viewer } from '../domain/meetings/index.ts';
import type { Db } from '../db/client.ts';
import {
  financingRepository,
  type DeficitModelFields,
  type DeficitModelRow,
  type ItemChoice,
} from '../db/repositories/financing.repository.ts';

/** Finance is the secretariat's work area: reads and writes alike. */
export function requireFinance(viewer: Viewer): void {
  if (!canEdit(viewer)) {
    throw new ForbiddenError(
      'Kun sekretariatet har adgang til økonomimodellerne. Log ind som sekretariatet.',
    );
  }
}

/** The CONTRACT model behind saved fields, with `deficit` as the example (or given) deficit. */
export function toDeficitCoverInput(
  f: Pick<
    DeficitModelFields,
    | 'operator'
    | 'threshold'
    | 'operatorShare'
    | 'populationWeight'
    | 'usageWeight'
    | 'municipalities'
    | 'exampleDeficit'
  >,
  deficit: number = f.exampleDeficit,
): DeficitCoverModel {
  return {
    deficit,
    threshold: f.threshold,
    operator: f.operator,
    operatorShareAboveThreshold: f.operatorShare,
    weights: { population: f.populationWeight, usage: f.usageWeight },
    municipalities: f.municipalities.map((m) => ({
      name: m.name,
      population: m.population,
      usage: m.usage,
    })),
  };
}

/** Maps a CONTRACT path ("deficit", "weights.usage") to the saved model's field name. */
export function modelFieldPath(path: string): string {
  if (path === 'deficit') return 'exampleDeficit';
  return path === '' ? '_' : path;
}

export type Computation =
  | { ok: true; model: DeficitCoverModel; result: DeficitCoverResult }
  | { ok: false; errors: FieldErrors };

/** Validates the model with the domain's Danish messages and allocates the deficit. */
export function computeDeficit(
  f: Parameters<typeof toDeficitCoverInput>[0],
  deficit?: number,
): Computation {
  const parsed = parseDeficitCoverModel(toDeficitCoverInput(f, deficit));
  if (!parsed.ok) {
    const errors: FieldErrors = {};
    for (const e of parsed.errors) errors[modelFieldPath(e.path)] ??= e.message;
    return { ok: false, errors };
  }
  return { ok: true, model: parsed.value, result: allocateDeficit(parsed.value) };
}

export interface DeficitModelView {
  model: DeficitModelRow;
  item: ItemChoice | null;
}

export function financingService(db: Db) {
  const repo = financingRepository(db);

  async function checkItem(itemId: number | null): Promise<void> {
    if (itemId !== null && (await repo.item(itemId)) === null) {
      throw new ValidationError({ itemId: `Punkt nr. ${itemId} findes ikke.` });
    }
  }

  /** Refuses a model whose parameters the domain refuses, with its messages per field. */
  function checkModel(f: DeficitModelFields): void {
    const computed = computeDeficit(f);
    if (!computed.ok) throw new ValidationError(computed.errors);
    if (f.municipalities.some((m) => m.usage.length !== f.usageYears.length)) {
      throw new ValidationError({
        usageYears: 'Hver kommune skal have ét forbrugstal pr. forbrugsår.',
      });
    }
  }

  return {
    async list(viewer: Viewer) {
      requireFinance(viewer);
      return repo.list();
    },
    async get(viewer: Viewer, id: number): Promise<DeficitModelView> {
      requireFinance(viewer);
      const model = await repo.find(id);
      if (model === null) throw new NotFoundError('Modellen findes ikke.');
      return { model, item: model.itemId === null ? null : await repo.item(model.itemId) };
    },
    /**
     * A new model's starting point, as the Kvisten 2021 model: the region as operator, 500.000 kr.
     * threshold, 25 % above it, weights 50/50, the newest population period for the 11 kommuner,
     * the three years before `year` as usage years with usage still to be entered.
     */
    async defaults(name: string, year: number): Promise<DeficitModelFields> {
      const period = (await repo.populationPeriods())[0] ?? `${year - 1}K1`;
      const kommuner = await repo.municipalitiesWithPopulation(period);
      const usageYears = [year - 4, year - 3, year - 2];
      return {
        name,
        operator: 'Region Nordjylland',
        threshold: 500_000,
        operatorShare: 0.25,
        populationWeight: 0.5,
        usageWeight: 0.5,
        populationPeriod: period,
        usageYears,
        municipalities: kommuner.map((k) => ({
          name: k.shortName,
          population: k.population ?? 0,
          usage: usageYears.map(() => 0),
        })),
        exampleDeficit: 1_500_000,
        itemId: null,
        offerId: null,
      };
    },
    /** Creates a model as given; with `validate` it must pass the domain's checks first. */
    async create(viewer: Viewer, f: DeficitModelFields, validate = true): Promise<DeficitModelRow> {
      requireFinance(viewer);
      if (validate) checkModel(f);
      await checkItem(f.itemId);
      return repo.create(f);
    },
    async update(
      viewer: Viewer,
      id: number,
      version: number,
      f: DeficitModelFields,
    ): Promise<DeficitModelRow> {
      requireFinance(viewer);
      checkModel(f);
      return db.transaction(async (tx) => {
        const r = financingRepository(tx);
        if ((await r.find(id)) === null) throw new NotFoundError('Modellen findes ikke.');
        if (f.itemId !== null && (await r.item(f.itemId)) === null) {
          throw new ValidationError({ itemId: `Punkt nr. ${f.itemId} findes ikke.` });
        }
        return r.update(id, version, f);
      });
    },
    async remove(viewer: Viewer, id: number, version: number): Promise<void> {
      requireFinance(viewer);
      await db.transaction(async (tx) => {
        const r = financingRepository(tx);
        if ((await r.find(id)) === null) throw new NotFoundError('Modellen findes ikke.');
        await r.remove(id, version);
      });
    },
    /** Population per kommune name (short and full name) in `period`. */
    async populationIn(period: string): Promise<Map<string, number>> {
      const rows = await repo.municipalitiesWithPopulation(period);
      const out = new Map<string, number>();
      for (const r of rows) {
        if (r.population === null) continue;
        out.set(r.shortName.toLowerCase(), r.population);
        out.set(r.name.toLowerCase(), r.population);
      }
      return out;
    },
    periods: () => repo.populationPeriods(),
    operators: () => repo.operators(),
    recentItems: (viewer: Viewer) => {
      requireFinance(viewer);
      return repo.recentItems();
    },
    /**
     * Splits `amount` kroner among the kommuner by their population in `period`
     * (objektiv finansiering), in whole kroner that add up exactly.
     */
    async fixedShare(viewer: Viewer, amount: number, period: string): Promise<FixedShareResult> {
      requireFinance(viewer);
      const rows = await repo.municipalitiesWithPopulation(period);
      const missing = rows.filter((r) => r.population === null || r.population <= 0);
      if (rows.length === 0 || missing.length > 0) {
        throw new ValidationError({
          period: `Befolkningstallet for ${period} mangler for ${missing.map((m) => m.shortName).join(', ') || 'kommunerne'}.`,
        });
      }
      const year = Number(period.slice(0, 4));
      try {
        return splitFixedShare(
          amount,
          year,
          rows.map((r) => ({ name: r.shortName, populationByYear: { [year]: r.population ?? 0 } })),
        );
      } catch (error) {
        if (error instanceof RangeError) throw new ValidationError({ amount: error.message });
        throw error;
      }
    },
  };
}
export type FinancingService = ReturnType<typeof financingService>;
