/**
 * The monitoring aggregation (issue 5): 98 kommuner × 60 functions × 15 years of accounts and
 * budgets (176,400 synthetic rows, seeded), with population for every kommune and year, in a
 * database of its own. Measured end to end from the database: the service's `model()` loads the
 * amounts, mapping, population, price index and notes and computes levels 1-3 for every kommune
 * and region. Target: under 2 s on PGlite. Baselines in the same rounds: reading the same amount
 * rows as ordinary rows (a plain select, no aggregation; the repository fetches them as one
 * compact text value instead) and a plain JS sum over the rows once read.
 * --quick: 3 measured rounds instead of `runs`, same data size.
 */
import { AREAS } from '../../src/domain/monitoring/index.ts';
import { monitoringRepository } from '../../src/db/repositories/monitoring.repository.ts';
import { monitoringService } from '../../src/services/monitoring.service.ts';
import { Rand } from '../archive-generator.ts';
import { openBenchDb } from '../db.ts';
import { SECRETARIAT } from '../fixture.ts';
import { metric, type BenchContext, type ResultTable, type Scenario } from '../scenario.ts';
import { timeInterleaved } from '../stats.ts';

const TARGET_MS = 2000;
const FUNCTIONS = 60;
const YEARS = 15;
const FIRST_YEAR = 2010;

async function run(ctx: BenchContext): Promise<ResultTable[]> {
  const { options } = ctx;
  const log = (message: string) => ctx.log(message);
  const bench = await openBenchDb(options.db);
  try {
    const db = bench.db;
    const repo = monitoringRepository(db);
    const rand = new Rand(5);
    const kommuner = AREAS.filter((a) => a.level === 'municipality');
    const efforts = (await repo.efforts()).map((e) => e.code);
    // 60 functions: 30 under 5.38 and 30 under 5.28, mapped round-robin to the areas of effort.
    const fns = Array.from({ length: FUNCTIONS }, (_, i) => {
      const code = `5.${i < 30 ? '38' : '28'}.${String(10 + (i % 30) * 3).padStart(2, '0')}`;
      return { code, effort: efforts[i % efforts.length] ?? null };
    });
    await db.query(
      `insert into monitoring_function (function_code, name, effort_code)
       select x.c, 'Syntetisk ' || x.c, x.e from jsonb_to_recordset($1::jsonb) as x (c text, e text)
       on conflict (function_code) do update set effort_code = excluded.effort_code`,
      [fns.map((f) => ({ c: f.code, e: f.effort }))],
    );
    const t0 = performance.now();
    for (const kind of ['accounts', 'budget'] as const) {
      const rows = kommuner.flatMap((k) =>
        fns.flatMap((f) =>
          Array.from({ length: YEARS }, (_, y) => ({
            areaCode: k.code,
            year: FIRST_YEAR + y,
            functionCode: f.code,
            amount: Math.round(rand.float() * 50_000_000),
          })),
        ),
      );
      await repo.upsertAmounts(kind, rows);
    }
    await repo.upsertPopulation(
      kommuner.flatMap((k) =>
        Array.from({ length: YEARS }, (_, y) =>
          (['0-17', '18-64'] as const).map((group) => ({
            areaCode: k.code,
            period: `${FIRST_YEAR + y}K1`,
            group,
            count: 1000 + Math.round(rand.float() * 100_000),
          })),
        ).flat(),
      ),
    );
    await repo.upsertPriceIndex(
      Array.from({ length: YEARS }, (_, y) => ({ year: FIRST_YEAR + y, index: 100 + y * 2.1 })),
    );
    if (db.kind === 'postgres') await db.exec('vacuum analyze monitoring_amount');
    const loadMs = performance.now() - t0;
    const rowCount = kommuner.length * FUNCTIONS * YEARS * 2;
    log(`monitoring: ${rowCount} rows stored in ${(loadMs / 1000).toFixed(1)} s`);

    const service = monitoringService(db);
    const rows = await repo.amounts();
    const timings = await timeInterleaved(
      {
        model: async () => (await service.model(SECRETARIAT)).result.municipalities.length,
        read: async () =>
          (
            await db.query(
              'select kind, area_code, year, function_code, amount from monitoring_amount',
            )
          ).length,
        sum: () => {
          let s = 0;
          for (const r of rows) s += r.amount;
          return Promise.resolve(s > 0 ? rows.length : 0);
        },
      },
      { warmup: 1, runs: options.quick ? 3 : Math.max(5, options.runs) },
    );
    const pure = await (async () => {
      const m = await service.model(SECRETARIAT);
      return m.result.municipalities.length;
    })();
    return [
      {
        id: 'monitoring.aggregate',
        title: `Monitoring: levels 1-3 for ${kommuner.length} kommuner × ${FUNCTIONS} functions × ${YEARS} years (${rowCount} rows, ${bench.kind})`,
        baseline:
          'a plain select of the same amount rows, one row each (no aggregation), same rounds',
        metrics: [
          metric('model(): load + aggregate (median)', timings.model.median, 'ms', {
            baseline: timings.read.median,
            target: { op: '<', value: TARGET_MS },
          }),
          metric('read amount rows (median)', timings.read.median, 'ms'),
          metric('plain JS sum over the rows (median)', timings.sum.median, 'ms'),
          metric('kommuner computed', pure, 'count', { target: { op: '=', value: 98 } }),
          metric('storing the rows (set-up, once)', loadMs, 'ms'),
        ],
        notes: [
          'model() = select of amounts, mapping, population, price index, activity and notes, then aggregate() for every kommune and region.',
        ],
        details: { samples: { model: timings.model.samples, read: timings.read.samples } },
      },
    ];
  } finally {
    await bench.dispose();
  }
}

export const monitoring: Scenario = {
  name: 'monitoring',
  description: 'expenditure monitoring: load + aggregate 98 × 60 × 15 from the database',
  run,
};
