/**
 * Memory figures of this process: RSS and the V8 heap, optionally after a full garbage collection
 * (so that "growth" means retained memory, not garbage not yet collected), and a sampler for the
 * peak during a load run.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

export interface MemorySnapshot {
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  /** Memory outside the V8 heap owned by JS objects (Buffers, PGlite's WebAssembly memory). */
  externalMb: number;
}

const MB = 1024 * 1024;

let gcFn: (() => void) | null | undefined;

/** `global.gc` without starting node with --expose-gc; null when the runtime refuses. */
function collector(): (() => void) | null {
  if (gcFn !== undefined) return gcFn;
  try {
    v8.setFlagsFromString('--expose-gc');
    gcFn = vm.runInNewContext('gc') as () => void;
  } catch {
    gcFn = null;
  }
  return gcFn;
}

export function snapshot(): MemorySnapshot {
  const m = process.memoryUsage();
  return {
    rssMb: m.rss / MB,
    heapUsedMb: m.heapUsed / MB,
    heapTotalMb: m.heapTotal / MB,
    externalMb: m.external / MB,
  };
}

/** A snapshot after two full collections (to also collect what finalizers released). */
export function snapshotAfterGc(): MemorySnapshot & { collected: boolean } {
  const gc = collector();
  if (gc !== null) {
    gc();
    gc();
  }
  return { ...snapshot(), collected: gc !== null };
}

/** Samples RSS and heap every `everyMs` until stopped; returns the peaks. */
export function samplePeaks(everyMs = 200) {
  const series = sampleSeries(everyMs);
  return {
    stop() {
      const { samples } = series.stop();
      return {
        peakRssMb: Math.max(...samples.map((x) => x.rssMb)),
        peakHeapUsedMb: Math.max(...samples.map((x) => x.heapUsedMb)),
      };
    },
  };
}

export interface MemorySample {
  /** Seconds since sampling started. */
  s: number;
  rssMb: number;
  heapUsedMb: number;
}

/**
 * Samples RSS and the used heap every `everyMs` until stopped (no forced GC: a soak run wants the
 * process as it lives). `stop` returns the series and the mean of its first and last quarter, so
 * growth is a trend over the run rather than one noisy point.
 */
export function sampleSeries(everyMs = 1000) {
  const t0 = performance.now();
  const samples: MemorySample[] = [];
  const take = () => {
    const m = process.memoryUsage();
    samples.push({
      s: (performance.now() - t0) / 1000,
      rssMb: m.rss / MB,
      heapUsedMb: m.heapUsed / MB,
    });
  };
  take();
  const timer = setInterval(take, everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      take();
      const quarter = Math.max(1, Math.floor(samples.length / 4));
      const mean = (part: MemorySample[], key: 'rssMb' | 'heapUsedMb') =>
        part.reduce((sum, x) => sum + x[key], 0) / Math.max(1, part.length);
      const first = samples.slice(0, quarter);
      const last = samples.slice(-quarter);
      return {
        samples,
        first: { rssMb: mean(first, 'rssMb'), heapUsedMb: mean(first, 'heapUsedMb') },
        last: { rssMb: mean(last, 'rssMb'), heapUsedMb: mean(last, 'heapUsedMb') },
      };
    },
  };
}
