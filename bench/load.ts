/**
 * A closed-loop HTTP load generator for loopback servers: `concurrency` workers each send one
 * GET, read the whole body, and send the next, until the time (and optionally a request count) is
 * used up. Keep-alive sockets, one per worker. Requests started during the warm-up are sent but
 * not counted. Only loopback addresses are accepted: this is a bench, not a load tool for others'
 * servers.
 *
 * `runLoad` runs in the calling thread; `runLoadInWorker` runs it in a worker thread so the client
 * does not share an event loop (or a V8 heap) with the server it measures.
 */
import http from 'node:http';
import { Worker } from 'node:worker_threads';
import { summarize, type Summary } from './stats.ts';

export interface LoadOptions {
  /** Full URL on a loopback host, e.g. http://127.0.0.1:41234/health. */
  url: string;
  /**
   * A mix of URLs on the same host instead of `url` alone: each request takes the next one in
   * turn, and the result has a latency summary per `label`.
   */
  mix?: { url: string; label: string }[];
  concurrency: number;
  /** Measured time in milliseconds (after the warm-up). */
  durationMs: number;
  /** Time before measuring starts, in milliseconds; those requests are not counted. */
  warmupMs: number;
  /** Stop after this many measured requests, even if time is left. */
  maxRequests?: number;
  /** A request taking longer is aborted and counted as an error. */
  timeoutMs?: number;
  /** The status every answer must have (default 200). */
  expectStatus?: number;
  headers?: Record<string, string>;
}

export interface LoadResult {
  url: string;
  concurrency: number;
  /** Measured requests (answered or failed). */
  requests: number;
  errors: number;
  /** Errors by kind: `status 500`, `timeout`, `ECONNRESET` ... */
  errorKinds: Record<string, number>;
  /** Milliseconds from the end of the warm-up until the last measured request finished. */
  elapsedMs: number;
  requestsPerSecond: number;
  /** Latency in milliseconds of the measured requests, failed ones included. */
  latency: Summary;
  /** Mean response body size in bytes. */
  meanBytes: number;
  /** With `mix`: latency and errors per label. */
  byLabel?: Record<string, { latency: Summary; errors: number }>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

interface Answer {
  status: number;
  bytes: number;
}

function get(agent: http.Agent, url: URL, headers: Record<string, string>, timeoutMs: number) {
  return new Promise<Answer>((resolve, reject) => {
    const req = http.get(
      {
        agent,
        host: url.hostname.replace(/^\[|\]$/g, ''),
        port: url.port,
        path: url.pathname + url.search,
        headers,
      },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

function errorKind(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code ?? error.message;
  }
  return String(error);
}

function loopbackUrl(raw: string): URL {
  const url = new URL(raw);
  if (url.protocol !== 'http:' || !LOOPBACK.has(url.hostname)) {
    throw new Error(`The load generator only targets http on loopback, not ${raw}`);
  }
  return url;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const mix = (options.mix ?? [{ url: options.url, label: '' }]).map((m) => ({
    url: loopbackUrl(m.url),
    label: m.label,
  }));
  const perLabel = new Map<string, { latencies: number[]; errors: number }>();
  for (const m of mix) perLabel.set(m.label, { latencies: [], errors: 0 });
  let turn = 0;
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  const expect = options.expectStatus ?? 200;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const headers = { accept: 'text/html,application/json', ...options.headers };
  const maxRequests = options.maxRequests ?? Number.POSITIVE_INFINITY;
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

  const start = performance.now();
  const measureFrom = start + options.warmupMs;
  const end = measureFrom + options.durationMs;
  const latencies: number[] = [];
  const errorKinds: Record<string, number> = {};
  let errors = 0;
  let bytes = 0;
  let started = 0;
  let lastDone = measureFrom;

  const fail = (kind: string) => {
    errors++;
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
  };

  async function worker() {
    for (;;) {
      const t0 = performance.now();
      if (t0 >= end) return;
      const measured = t0 >= measureFrom;
      if (measured) {
        if (started >= maxRequests) return;
        started++;
      }
      const target = mix[turn++ % mix.length] ?? mix[0];
      if (target === undefined) return;
      let answer: Answer | null = null;
      let failure: string | null = null;
      try {
        answer = await get(agent, target.url, headers, timeoutMs);
        if (answer.status !== expect) failure = `status ${answer.status}`;
      } catch (error) {
        failure = errorKind(error);
      }
      const t1 = performance.now();
      if (!measured) continue;
      latencies.push(t1 - t0);
      const own = perLabel.get(target.label);
      own?.latencies.push(t1 - t0);
      lastDone = Math.max(lastDone, t1);
      if (answer !== null) bytes += answer.bytes;
      if (failure !== null) {
        fail(failure);
        if (own !== undefined) own.errors++;
      }
    }
  }

  try {
    await Promise.all(Array.from({ length: concurrency }, () => worker()));
  } finally {
    agent.destroy();
  }
  const elapsedMs = Math.max(1, lastDone - measureFrom);
  return {
    url: options.url,
    concurrency,
    requests: latencies.length,
    errors,
    errorKinds,
    elapsedMs,
    requestsPerSecond: (latencies.length / elapsedMs) * 1000,
    latency: summarize(latencies),
    meanBytes: latencies.length > 0 ? bytes / latencies.length : 0,
    ...(options.mix === undefined
      ? {}
      : {
          byLabel: Object.fromEntries(
            [...perLabel].map(([label, v]) => [
              label,
              { latency: summarize(v.latencies), errors: v.errors },
            ]),
          ),
        }),
  };
}

/**
 * Node 20 loads a worker's entry file before the `--import tsx` hooks are in place, so the worker
 * starts from a small JavaScript snippet that loads the TypeScript entry through tsx's API.
 */
const TSX_API = import.meta.resolve('tsx/esm/api');
const WORKER_BOOTSTRAP = `import(${JSON.stringify(TSX_API)}).then((api) => api.tsImport(${JSON.stringify(
  new URL('./load-worker.ts', import.meta.url).href,
)}, ${JSON.stringify(import.meta.url)}))`;

/** Runs `runLoad` in a worker thread. */
export function runLoadInWorker(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_BOOTSTRAP, { eval: true, workerData: options });
    let settled = false;
    worker.once('message', (message: { result?: LoadResult; error?: string }) => {
      settled = true;
      if (message.result) resolve(message.result);
      else reject(new Error(`Load worker failed: ${message.error ?? 'unknown error'}`));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`Load worker exited with code ${code} before answering`));
    });
  });
}
