/**
 * What a bench scenario is: a named async step that gets the shared context (database, services,
 * the built meeting, the options) and returns one or more result tables. Every figure that can be
 * compared across machines is a ratio to a baseline measured in the same run; absolute figures and
 * the targets are shown beside it, for information only (they never fail the run).
 *
 * Later scenarios (archive parse/import throughput, search latency) are new modules in
 * bench/scenarios/ added to the list in bench/scenarios/index.ts.
 */
import type { Config } from '../src/config.ts';
import type { Services } from '../src/services/index.ts';
import type { BenchDb, DbChoice } from './db.ts';
import type { BenchMeeting } from './fixture.ts';

export interface BenchOptions {
  /** Measured seconds per load run. */
  durationS: number;
  /** Warm-up seconds before each load run (not measured). */
  warmupS: number;
  concurrency: number;
  /** Measured runs for single-shot timings such as the PDF (after one warm-up run). */
  runs: number;
  quick: boolean;
  db: DbChoice;
  /** Scenario names to run; empty runs all. */
  only: string[];
}

export interface BenchContext {
  options: BenchOptions;
  bench: BenchDb;
  services: Services;
  config: Config;
  /** The 40-item meeting, built on first use and shared by the scenarios. */
  meeting(): Promise<BenchMeeting>;
  log(message: string): void;
}

export type Unit = 'ms' | 'req/s' | 'MB' | 'MB/s' | 'count' | 'bytes' | 'pages' | 's';

export interface Target {
  op: '<' | '<=' | '>' | '>=' | '=';
  value: number;
}

export interface Metric {
  name: string;
  value: number;
  unit: Unit;
  /** The same quantity measured on the baseline in the same run. */
  baseline?: number;
  /** value / baseline. */
  ratio?: number;
  target?: Target;
  /** Whether the absolute value meets the target (informational). */
  met?: boolean;
  note?: string;
}

export interface ResultTable {
  /** Stable id for results.json, e.g. "meeting-page.load". */
  id: string;
  title: string;
  /** What the ratios are relative to, in one line. */
  baseline?: string;
  metrics: Metric[];
  notes?: string[];
  /** Raw data for results.json (load results, samples ...). */
  details?: Record<string, unknown>;
}

export interface Scenario {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<ResultTable[]>;
}

export function meets(value: number, target: Target): boolean {
  switch (target.op) {
    case '<':
      return value < target.value;
    case '<=':
      return value <= target.value;
    case '>':
      return value > target.value;
    case '>=':
      return value >= target.value;
    case '=':
      return value === target.value;
  }
}

/** A metric with its ratio to `baseline` and its target status filled in. */
export function metric(
  name: string,
  value: number,
  unit: Unit,
  extra: { baseline?: number; target?: Target; note?: string } = {},
): Metric {
  const m: Metric = { name, value, unit };
  if (extra.baseline !== undefined) {
    m.baseline = extra.baseline;
    m.ratio =
      extra.baseline > 0 && Number.isFinite(extra.baseline) ? value / extra.baseline : Number.NaN;
  }
  if (extra.target !== undefined) {
    m.target = extra.target;
    m.met = meets(value, extra.target);
  }
  if (extra.note !== undefined) m.note = extra.note;
  return m;
}
