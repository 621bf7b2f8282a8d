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
  let peakRss = 0;
  let peakHeap = 0;
  const take = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss / MB);
    peakHeap = Math.max(peakHeap, m.heapUsed / MB);
  };
  take();
  const timer = setInterval(take, everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      take();
      return { peakRssMb: peakRss, peakHeapUsedMb: peakHeap };
    },
  };
}
