/**
 * Small statistics for the bench: percentiles, medians and ratios. Pure functions, no clock.
 * Percentiles use the nearest-rank method (the value of an actual sample), as latency reports do.
 */

export interface Summary {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The p-th percentile (0..100) of samples already sorted ascending; NaN when empty. */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  const index = Math.min(sorted.length - 1, Math.max(0, rank - 1));
  return sorted[index] ?? Number.NaN;
}

export function sortedCopy(samples: ArrayLike<number>): Float64Array {
  return Float64Array.from(samples).sort();
}

export function percentile(samples: ArrayLike<number>, p: number): number {
  return percentileSorted(sortedCopy(samples), p);
}

export function median(samples: ArrayLike<number>): number {
  return percentile(samples, 50);
}

export function summarize(samples: ArrayLike<number>): Summary {
  const sorted = sortedCopy(samples);
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: sorted.length,
    min: sorted[0] ?? Number.NaN,
    mean: sorted.length > 0 ? sum / sorted.length : Number.NaN,
    p50: percentileSorted(sorted, 50),
    p95: percentileSorted(sorted, 95),
    p99: percentileSorted(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/** value / baseline, or NaN when the baseline is zero or missing. */
export function ratio(value: number, baseline: number): number {
  return baseline > 0 && Number.isFinite(baseline) ? value / baseline : Number.NaN;
}

export interface Timing {
  /** Wall-clock milliseconds of each measured run (warm-up runs excluded). */
  samples: number[];
  median: number;
  min: number;
  max: number;
}

/**
 * Times an async function: `warmup` runs first (JIT, caches, lazy font loading), then `runs`
 * measured runs one after another. `result` of the last run is returned for sanity checks.
 */
export async function timeRuns<T>(
  fn: () => Promise<T>,
  opts: { warmup: number; runs: number },
): Promise<Timing & { result: T }> {
  for (let i = 0; i < opts.warmup; i++) await fn();
  const samples: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < Math.max(1, opts.runs); i++) {
    const t0 = performance.now();
    result = await fn();
    samples.push(performance.now() - t0);
  }
  return {
    samples,
    median: median(samples),
    min: Math.min(...samples),
    max: Math.max(...samples),
    result: result as T,
  };
}

/**
 * Times several async functions in rounds (a, b, c, a, b, c, ...) after one warm-up round, so that
 * a machine that gets busier or quieter during the run affects each of them alike; the right way
 * to time a subject and its baseline on a noisy machine.
 */
export async function timeInterleaved<K extends string, T>(
  subjects: Record<K, () => Promise<T>>,
  opts: { warmup: number; runs: number },
): Promise<Record<K, Timing & { result: T }>> {
  const names = Object.keys(subjects) as K[];
  const samples = new Map<K, number[]>(names.map((n) => [n, []]));
  const results = new Map<K, T>();
  for (let w = 0; w < opts.warmup; w++) for (const n of names) await subjects[n]();
  for (let r = 0; r < Math.max(1, opts.runs); r++) {
    for (const n of names) {
      const t0 = performance.now();
      results.set(n, await subjects[n]());
      samples.get(n)?.push(performance.now() - t0);
    }
  }
  const out = {} as Record<K, Timing & { result: T }>;
  for (const n of names) {
    const s = samples.get(n) ?? [];
    out[n] = {
      samples: s,
      median: median(s),
      min: Math.min(...s),
      max: Math.max(...s),
      result: results.get(n) as T,
    };
  }
  return out;
}
