/**
 * The monitoring model's four levels, computed in one pass over the stored rows (pure, fast):
 *
 * 1. net operating expenditure per kommune and region over the years, in current and fixed
 *    prices (fixed = current × index(base year) / index(year));
 * 2. the same per area of effort (the functions mapped to it);
 * 3. per inhabitant of the relevant age group — adults 18-64 for the 5.38 areas, children 0-17
 *   for the 5.28 areas (population on 1 January: quarter 1 of the year, else the year's first
 *   quarter in the data) — and per citizen where activity counts are imported;
 * 4. the secretariat's notes (stored beside, not computed);
 * and budget (BUDK32) against accounts (REGK31) with the deviation.
 *
 * A region's figures are the sum of its kommuner in the data; a region row from the file is used
 * only for a year and kind where none of its kommuner has figures. Population likewise: the
 * region's own FOLK1A figure when present, else the sum of its kommuner — never both.
 * Functions with no area of effort are outside the specialised social area and are only listed.
 */
import { areaByCode, type Area } from './areas.ts';

export type TargetGroup = 'adults' | 'children';
export type AmountKind = 'accounts' | 'budget';

export interface Effort {
  readonly code: string;
  readonly name: string;
  readonly targetGroup: TargetGroup;
}

export interface AmountRow {
  readonly kind: AmountKind;
  readonly areaCode: string;
  readonly year: number;
  readonly functionCode: string;
  readonly amount: number;
}

export interface PopulationRow {
  readonly areaCode: string;
  readonly period: string;
  readonly group: 'total' | '0-17' | '18-64' | '65+';
  readonly count: number;
}

export interface ActivityRow {
  readonly areaCode: string;
  readonly effortCode: string;
  readonly year: number;
  readonly citizens: number;
}

export interface MonitoringInput {
  readonly amounts: readonly AmountRow[];
  /** function code → area of effort code (null: not part of the monitoring) */
  readonly mapping: ReadonlyMap<string, string | null>;
  readonly efforts: readonly Effort[];
  readonly population: readonly PopulationRow[];
  /** year → price index (any base) */
  readonly priceIndex: ReadonlyMap<number, number>;
  readonly activity?: readonly ActivityRow[];
  /** The year fixed prices are expressed in; default the newest year with an index. */
  readonly baseYear?: number | null;
}

/** One figure per year of `years`; null where there is no figure. */
export type YearValues = (number | null)[];

export interface Figures {
  readonly accounts: YearValues;
  readonly budget: YearValues;
}

export interface AreaResult {
  readonly area: Area;
  /** Level 1, current prices. */
  readonly total: Figures;
  /** Level 2, current prices, by area of effort code. */
  readonly byEffort: Readonly<Record<string, Figures>>;
  /** Level 1 split by target group, current prices. */
  readonly byGroup: Readonly<Record<TargetGroup, Figures>>;
  /** Inhabitants of the group on 1 January of each year. */
  readonly population: Readonly<Record<TargetGroup, YearValues>>;
  /** Level 3: accounts per inhabitant of the target group, current prices. */
  readonly perInhabitant: Readonly<Record<TargetGroup, YearValues>>;
  /** Level 3 by area of effort: accounts per inhabitant of the effort's group. */
  readonly perInhabitantByEffort: Readonly<Record<string, YearValues>>;
  /** Level 3 where activity counts exist: accounts per citizen served. */
  readonly perCitizen: Readonly<Record<string, YearValues>>;
}

export interface MonitoringResult {
  readonly years: readonly number[];
  readonly efforts: readonly Effort[];
  /** Fixed-price factor per year (index(base) / index(year)); null without an index. */
  readonly priceFactor: YearValues;
  readonly baseYear: number | null;
  readonly municipalities: readonly AreaResult[];
  readonly regions: readonly AreaResult[];
  /** Functions in the data without an area of effort, with their accounts in the newest year. */
  readonly unmapped: readonly { functionCode: string; rows: number }[];
}

export const TARGET_GROUPS: readonly TargetGroup[] = ['adults', 'children'];
const POP_GROUP: Record<TargetGroup, '18-64' | '0-17'> = { adults: '18-64', children: '0-17' };

/** Current prices → fixed prices of the result's base year (null when the year has no index). */
export function toFixed(values: YearValues, factor: YearValues): YearValues {
  return values.map((v, i) => {
    const f = factor[i];
    return v === null || f === null || f === undefined ? null : v * f;
  });
}

/** accounts − budget per year (positive: more spent than budgeted). */
export function deviation(f: Figures): YearValues {
  return f.accounts.map((a, i) => {
    const b = f.budget[i];
    return a === null || b === null || b === undefined ? null : a - b;
  });
}

/** (accounts − budget) / |budget| per year. */
export function deviationShare(f: Figures): YearValues {
  return f.accounts.map((a, i) => {
    const b = f.budget[i];
    return a === null || b === null || b === undefined || b === 0 ? null : (a - b) / Math.abs(b);
  });
}

const ratio = (a: YearValues, b: YearValues): YearValues =>
  a.map((x, i) => {
    const y = b[i];
    return x === null || y === null || y === undefined || y === 0 ? null : x / y;
  });

export function aggregate(input: MonitoringInput): MonitoringResult {
  const efforts = input.efforts;
  const effortIndex = new Map(efforts.map((e, i) => [e.code, i]));
  const E = efforts.length;
  const groupOfEffort = efforts.map((e) => TARGET_GROUPS.indexOf(e.targetGroup));

  // Function → effort index (−1: not mapped).
  const fnEffort = new Map<string, number>();
  for (const [fn, effort] of input.mapping) {
    fnEffort.set(fn, effort === null ? -1 : (effortIndex.get(effort) ?? -1));
  }

  // Years and areas in the data.
  let minYear = Infinity;
  let maxYear = -Infinity;
  for (const r of input.amounts) {
    if (r.year < minYear) minYear = r.year;
    if (r.year > maxYear) maxYear = r.year;
  }
  const years: number[] = [];
  for (let y = minYear; y <= maxYear; y++) years.push(y);
  const Y = years.length;

  const areaIndex = new Map<string, number>();
  const areas: Area[] = [];
  const indexOfArea = (code: string): number => {
    let i = areaIndex.get(code);
    if (i === undefined) {
      const area = areaByCode(code);
      if (area === undefined) return -1;
      i = areas.length;
      areas.push(area);
      areaIndex.set(code, i);
    }
    return i;
  };
  // Every region with a kommune in the data is reported, even without a region row.
  for (const r of input.amounts) {
    const i = indexOfArea(r.areaCode);
    const region = i < 0 ? null : areas[i]?.region;
    if (region) indexOfArea(region);
  }
  const A = areas.length;

  // sums[kind][area][effort][year]; NaN = no figure.
  const cell = (k: number, a: number, e: number, y: number) => ((k * A + a) * E + e) * Y + y;
  const sums = new Float64Array(2 * A * E * Y).fill(NaN);
  const unmapped = new Map<string, number>();
  for (const r of input.amounts) {
    const e = fnEffort.get(r.functionCode) ?? -1;
    if (e < 0) {
      unmapped.set(r.functionCode, (unmapped.get(r.functionCode) ?? 0) + 1);
      continue;
    }
    const a = areaIndex.get(r.areaCode);
    if (a === undefined) continue;
    const i = cell(r.kind === 'accounts' ? 0 : 1, a, e, r.year - minYear);
    const v = sums[i] as number;
    sums[i] = (v === v ? v : 0) + r.amount;
  }

  // Regions: the sum of their kommuner where any kommune has figures for that kind and year.
  const kommunerOf = new Map<number, number[]>();
  areas.forEach((area, i) => {
    if (area.level !== 'municipality' || area.region === null) return;
    const r = areaIndex.get(area.region);
    if (r === undefined) return;
    kommunerOf.set(r, [...(kommunerOf.get(r) ?? []), i]);
  });
  for (const [r, ks] of kommunerOf) {
    for (let k = 0; k < 2; k++) {
      for (let y = 0; y < Y; y++) {
        let any = false;
        const acc = new Float64Array(E).fill(NaN);
        for (const m of ks) {
          for (let e = 0; e < E; e++) {
            const v = sums[cell(k, m, e, y)] as number;
            if (v === v) {
              any = true;
              const s = acc[e] as number;
              acc[e] = (s === s ? s : 0) + v;
            }
          }
        }
        if (any) for (let e = 0; e < E; e++) sums[cell(k, r, e, y)] = acc[e] as number;
      }
    }
  }

  // Population per area, group and year: quarter 1, else the year's first quarter.
  const popPeriod = new Map<string, string>();
  const pop = new Map<string, number>();
  for (const p of input.population) {
    if (p.group !== '18-64' && p.group !== '0-17') continue;
    const key = `${p.areaCode}|${p.group}|${p.period.slice(0, 4)}`;
    const seen = popPeriod.get(key);
    if (seen === undefined || p.period < seen) {
      popPeriod.set(key, p.period);
      pop.set(key, p.count);
    }
  }
  const populationOf = (area: Area, group: TargetGroup): YearValues =>
    years.map((year) => {
      const own = pop.get(`${area.code}|${POP_GROUP[group]}|${year}`);
      if (own !== undefined || area.level !== 'region') return own ?? null;
      let sum = 0;
      let any = false;
      for (const m of kommunerOf.get(areaIndex.get(area.code) ?? -1) ?? []) {
        const v = pop.get(`${areas[m]?.code}|${POP_GROUP[group]}|${year}`);
        if (v !== undefined) {
          sum += v;
          any = true;
        }
      }
      return any ? sum : null;
    });

  const activity = new Map<string, number>();
  for (const r of input.activity ?? []) {
    activity.set(`${r.areaCode}|${r.effortCode}|${r.year}`, r.citizens);
  }

  const read = (k: number, a: number, e: number): YearValues => {
    const out: YearValues = new Array<number | null>(Y);
    for (let y = 0; y < Y; y++) {
      const v = sums[cell(k, a, e, y)] as number;
      out[y] = v === v ? v : null;
    }
    return out;
  };
  const sumValues = (list: YearValues[]): YearValues =>
    years.map((_, y) => {
      let s = 0;
      let any = false;
      for (const l of list) {
        const v = l[y];
        if (v !== null && v !== undefined) {
          s += v;
          any = true;
        }
      }
      return any ? s : null;
    });

  const results: AreaResult[] = areas.map((area, a) => {
    const acc = efforts.map((_, e) => read(0, a, e));
    const bud = efforts.map((_, e) => read(1, a, e));
    const byEffort: Record<string, Figures> = {};
    efforts.forEach(
      (ef, e) => (byEffort[ef.code] = { accounts: acc[e] ?? [], budget: bud[e] ?? [] }),
    );
    const groupFigures = (g: number): Figures => ({
      accounts: sumValues(acc.filter((_, e) => groupOfEffort[e] === g)),
      budget: sumValues(bud.filter((_, e) => groupOfEffort[e] === g)),
    });
    const byGroup = { adults: groupFigures(0), children: groupFigures(1) };
    const population = {
      adults: populationOf(area, 'adults'),
      children: populationOf(area, 'children'),
    };
    const perInhabitantByEffort: Record<string, YearValues> = {};
    const perCitizen: Record<string, YearValues> = {};
    efforts.forEach((ef, e) => {
      perInhabitantByEffort[ef.code] = ratio(acc[e] ?? [], population[ef.targetGroup]);
      const citizens = years.map((y) => activity.get(`${area.code}|${ef.code}|${y}`) ?? null);
      if (citizens.some((c) => c !== null)) perCitizen[ef.code] = ratio(acc[e] ?? [], citizens);
    });
    return {
      area,
      total: { accounts: sumValues(acc), budget: sumValues(bud) },
      byEffort,
      byGroup,
      population,
      perInhabitant: {
        adults: ratio(byGroup.adults.accounts, population.adults),
        children: ratio(byGroup.children.accounts, population.children),
      },
      perInhabitantByEffort,
      perCitizen,
    };
  });

  const indexYears = [...input.priceIndex.keys()].sort((x, y) => x - y);
  const baseYear = input.baseYear ?? indexYears.at(-1) ?? null;
  const baseIndex = baseYear === null ? undefined : input.priceIndex.get(baseYear);
  const priceFactor = years.map((y) => {
    const i = input.priceIndex.get(y);
    return i === undefined || baseIndex === undefined ? null : baseIndex / i;
  });

  const byCode = (x: AreaResult, y: AreaResult) => x.area.name.localeCompare(y.area.name, 'da');
  return {
    years,
    efforts,
    priceFactor,
    baseYear: baseIndex === undefined ? null : baseYear,
    municipalities: results.filter((r) => r.area.level === 'municipality').sort(byCode),
    regions: results.filter((r) => r.area.level === 'region').sort(byCode),
    unmapped: [...unmapped]
      .map(([functionCode, rows]) => ({ functionCode, rows }))
      .sort((x, y) => x.functionCode.localeCompare(y.functionCode)),
  };
}

export interface BenchmarkRow {
  readonly area: Area;
  /** Accounts per inhabitant of the group in the year, current prices. */
  readonly value: number | null;
  /** value / the region's value × 100 (the region = 100). */
  readonly index: number | null;
  /** 1 = highest unit cost among the kommuner with a figure. */
  readonly rank: number | null;
  /** Change in per-inhabitant cost from the first year with a figure, in fixed prices. */
  readonly growth: number | null;
}

export interface Benchmark {
  readonly year: number;
  readonly group: TargetGroup;
  readonly effort: string | null;
  readonly region: {
    readonly area: Area;
    readonly value: number | null;
    readonly growth: number | null;
  } | null;
  readonly rows: readonly BenchmarkRow[];
}

/**
 * Each kommune of `regionCode` against the others and the region (the region's value is its
 * total expenditure per inhabitant, i.e. the population-weighted average of its kommuner).
 */
export function benchmark(
  result: MonitoringResult,
  regionCode: string,
  year: number,
  group: TargetGroup,
  effort: string | null = null,
): Benchmark {
  const y = result.years.indexOf(year);
  const valuesOf = (r: AreaResult) =>
    effort === null ? (r.perInhabitant[group] ?? []) : (r.perInhabitantByEffort[effort] ?? []);
  const growthOf = (values: YearValues): number | null => {
    if (y < 0) return null;
    const fixed = result.baseYear === null ? values : toFixed(values, result.priceFactor);
    const first = fixed.findIndex((v) => v !== null && v !== 0);
    const last = fixed[y];
    const start = fixed[first];
    if (
      first < 0 ||
      first >= y ||
      last === null ||
      last === undefined ||
      start === null ||
      start === undefined
    )
      return null;
    return last / start - 1;
  };
  const regionResult = result.regions.find((r) => r.area.code === regionCode) ?? null;
  const regionValue = regionResult === null || y < 0 ? null : (valuesOf(regionResult)[y] ?? null);
  const rows = result.municipalities
    .filter((m) => m.area.region === regionCode)
    .map((m) => {
      const values = valuesOf(m);
      const value = y < 0 ? null : (values[y] ?? null);
      return {
        area: m.area,
        value,
        index:
          value === null || regionValue === null || regionValue === 0
            ? null
            : (value / regionValue) * 100,
        rank: null as number | null,
        growth: growthOf(values),
      };
    });
  const ranked = rows
    .filter((r) => r.value !== null)
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  ranked.forEach((r, i) => (r.rank = i + 1));
  return {
    year,
    group,
    effort,
    region:
      regionResult === null
        ? null
        : { area: regionResult.area, value: regionValue, growth: growthOf(valuesOf(regionResult)) },
    rows,
  };
}
