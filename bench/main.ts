/**
 * `npm run bench`: speed and memory of the platform as ratios to baselines measured in the same
 * run (machines are noisy), with the absolute figures and the targets beside them. Targets
 * are informational: the exit code is 0 unless something crashed.
 *
 *   npm run bench [-- --duration S] [--concurrency N] [--pg] [--quick] [--only a,b]
 *
 * PGlite in memory by default; PostgreSQL with --pg or DATABASE_URL (a temporary
 * database is created on that server and dropped afterwards). Results also go to
 * bench/out/results.json.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { systemClock } from '../src/services/clock.ts';
import { createServices } from '../src/services/index.ts';
import { DEFAULT_PG_URL, openBenchDb, type BenchDb } from './db.ts';
import { buildBenchMeeting, type BenchMeeting } from './fixture.ts';
import { formatTable, formatTargets, writeResults } from './report.ts';
import type { BenchContext, BenchOptions, ResultTable } from './scenario.ts';
import { SCENARIOS } from './scenarios/index.ts';

const USAGE = `Usage: npm run bench -- [options]
  --duration S      measured seconds per load run (default 15; 3 with --quick)
  --concurrency N   concurrent readers (default 50)
  --runs N          measured runs of single timings such as the PDF (default 7; 3 with --quick)
  --pg              use PostgreSQL (DATABASE_URL, or ${DEFAULT_PG_URL.replace(/:[^:@/]+@/, ':***@')})
  --quick           a short smoke run for CI
  --only a,b        run only these scenarios (${SCENARIOS.map((s) => s.name).join(', ')})`;

class UsageError extends Error {}

function positive(name: string, raw: string | undefined, fallback: number, integer: boolean) {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new UsageError(
      `--${name} must be a positive ${integer ? 'integer' : 'number'}, got "${raw}"`,
    );
  }
  return value;
}

function parseOptions(argv: string[], databaseUrl: string | null): BenchOptions | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: 'string' },
      concurrency: { type: 'string' },
      runs: { type: 'string' },
      pg: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
  });
  if (values.help) return null;
  const quick = values.quick;
  const only = (values.only ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const unknown = only.filter((name) => !SCENARIOS.some((s) => s.name === name));
  if (unknown.length > 0) throw new UsageError(`Unknown scenario: ${unknown.join(', ')}`);
  const usePg = values.pg || databaseUrl !== null;
  return {
    durationS: positive('duration', values.duration, quick ? 3 : 15, false),
    warmupS: quick ? 1 : 2,
    concurrency: positive('concurrency', values.concurrency, 50, true),
    runs: positive('runs', values.runs, quick ? 3 : 7, true),
    quick,
    db: usePg ? { kind: 'postgres', url: databaseUrl ?? DEFAULT_PG_URL } : { kind: 'pglite' },
    only,
  };
}

const log = (message: string) => process.stderr.write(`${message}\n`);

async function main(): Promise<number> {
  const config = loadConfig();
  let options: BenchOptions | null;
  try {
    options = parseOptions(process.argv.slice(2), config.databaseUrl);
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      log(`${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (options === null) {
    log(USAGE);
    return 0;
  }

  const started = performance.now();
  log(
    `Opening ${options.db.kind === 'postgres' ? 'a temporary PostgreSQL database' : 'PGlite in memory'} ...`,
  );
  const bench: BenchDb = await openBenchDb(options.db);
  const onSignal = () => {
    log('Interrupted; removing the temporary database ...');
    void bench.dispose().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const appConfig = {
      ...config,
      databaseUrl: options.db.kind === 'postgres' ? options.db.url : null,
    };
    const services = createServices(bench.db, systemClock, appConfig);
    const built: { meeting: Promise<BenchMeeting> | null } = { meeting: null };
    const ctx: BenchContext = {
      options,
      bench,
      services,
      config: appConfig,
      meeting: () => {
        if (built.meeting === null) {
          log('Building the 40-item DAS meeting through the services ...');
          built.meeting = buildBenchMeeting(services, 40);
        }
        return built.meeting;
      },
      log,
    };

    const tables: ResultTable[] = [];
    const selected = SCENARIOS.filter(
      (s) => options.only.length === 0 || options.only.includes(s.name),
    );
    for (const scenario of selected) {
      log(`Scenario ${scenario.name}: ${scenario.description}`);
      tables.push(...(await scenario.run(ctx)));
    }
    const fixture = built.meeting === null ? null : await built.meeting;
    const totalS = (performance.now() - started) / 1000;

    const cpu = cpus();
    const header = [
      `Socialaftale bench · ${bench.label}`,
      `node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'cpu'}, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
      `database set-up ${(bench.setupMs / 1000).toFixed(1)} s` +
        (fixture ? `, meeting built in ${(fixture.buildMs / 1000).toFixed(1)} s` : '') +
        `, total ${totalS.toFixed(1)} s`,
    ];
    process.stdout.write(`\n${header.join('\n')}\n`);
    for (const table of tables) process.stdout.write(`${formatTable(table)}\n`);
    process.stdout.write(`${formatTargets(tables)}\n`);

    const file = writeResults({
      generatedAt: new Date().toISOString(),
      environment: {
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
        cpus: cpu.length,
        cpuModel: cpu[0]?.model.trim() ?? null,
        totalMemoryMb: Math.round(totalmem() / 1024 / 1024),
        loadAverage: loadavg(),
      },
      options: { ...options, db: options.db.kind },
      database: { kind: bench.kind, setupMs: bench.setupMs },
      fixture,
      totalSeconds: totalS,
      results: tables,
    });
    log(`\nResults written to ${file}`);
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await bench.dispose();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
