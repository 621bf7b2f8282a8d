/**
 * The meeting page under load: 50 anonymous readers (closed loop, keep-alive, loopback) on
 * GET /meetings/:id of the 40-item meeting, against the same load on GET /health as the baseline
 * (same server, same middleware, one `select 1`). Also memory before/after the load run, and, to
 * show where a request's time goes, single requests timed in-process without the network.
 */
import { ANONYMOUS } from '../../src/domain/meetings/index.ts';
import { runLoadInWorker, type LoadOptions, type LoadResult } from '../load.ts';
import { samplePeaks, snapshotAfterGc, snapshot } from '../memory.ts';
import { metric, type BenchContext, type ResultTable, type Scenario } from '../scenario.ts';
import { startServer } from '../server.ts';
import { timeRuns } from '../stats.ts';

const P99_TARGET_MS = 100;

/** Text of the closed items that must never reach an anonymous reader. */
const CLOSED_MARKER = 'Økonomisk tilpasning af et regionalt drevet tilbud';

async function checkPage(url: string): Promise<string[]> {
  const problems: string[] = [];
  const res = await fetch(url);
  const html = await res.text();
  if (res.status !== 200) problems.push(`GET ${url} answered ${res.status}`);
  if (!html.includes('Lukket punkt')) problems.push('the page shows no "Lukket punkt"');
  if (html.includes(CLOSED_MARKER)) problems.push('the public page contains a closed item title');
  if (!html.includes('Næste møde')) problems.push('the page lacks the last item ("Næste møde")');
  return problems;
}

/** The figures of a load run against its baseline run (also used by the `load` scenario). */
export function loadMetrics(target: LoadResult, base: LoadResult, p99TargetMs = P99_TARGET_MS) {
  return [
    metric('requests/s', target.requestsPerSecond, 'req/s', { baseline: base.requestsPerSecond }),
    metric('p50', target.latency.p50, 'ms', { baseline: base.latency.p50 }),
    metric('p95', target.latency.p95, 'ms', { baseline: base.latency.p95 }),
    metric('p99', target.latency.p99, 'ms', {
      baseline: base.latency.p99,
      target: { op: '<', value: p99TargetMs },
    }),
    metric('max', target.latency.max, 'ms', { baseline: base.latency.max }),
    metric('errors', target.errors, 'count', {
      baseline: base.errors,
      target: { op: '=', value: 0 },
    }),
    metric('requests', target.requests, 'count', { baseline: base.requests }),
    metric('response size', target.meanBytes, 'bytes'),
  ];
}

async function run(ctx: BenchContext): Promise<ResultTable[]> {
  const { options } = ctx;
  const meeting = await ctx.meeting();
  const server = await startServer(ctx.services, ctx.config);
  try {
    const pageUrl = `${server.origin}/meetings/${meeting.meetingId}`;
    const healthUrl = `${server.origin}/health`;
    const problems = await checkPage(pageUrl);

    const load = (url: string, durationS: number, warmupS: number): Promise<LoadResult> => {
      const o: LoadOptions = {
        url,
        concurrency: options.concurrency,
        durationMs: durationS * 1000,
        warmupMs: warmupS * 1000,
        timeoutMs: 10_000,
      };
      return runLoadInWorker(o);
    };

    // Warm both routes (JIT, connection pool, PGlite caches), then the baseline, then the page.
    ctx.log(`  warm-up ${options.warmupS} s on each route`);
    await load(healthUrl, options.warmupS, 0);
    await load(pageUrl, options.warmupS, 0);
    ctx.log(`  baseline: GET /health, ${options.concurrency} readers, ${options.durationS} s`);
    const base = await load(healthUrl, options.durationS, 0.5);

    const before = snapshotAfterGc();
    const peaks = samplePeaks();
    ctx.log(
      `  GET /meetings/${meeting.meetingId}, ${options.concurrency} readers, ${options.durationS} s`,
    );
    const page = await load(pageUrl, options.durationS, 0.5);
    const peak = peaks.stop();
    const afterRaw = snapshot();
    const after = snapshotAfterGc();

    // Where the time goes: one request at a time, in-process (no socket, no client).
    ctx.log('  breakdown: single requests in-process');
    const iterations = options.quick ? 15 : 40;
    const opts = { warmup: 5, runs: iterations };
    const docTime = await timeRuns(
      () => ctx.services.meetings.document(ANONYMOUS, meeting.meetingId),
      opts,
    );
    const pageTime = await timeRuns(async () => {
      const res = await server.app.request(`/meetings/${meeting.meetingId}`);
      return res.text();
    }, opts);
    const healthTime = await timeRuns(async () => {
      const res = await server.app.request('/health');
      return res.text();
    }, opts);
    const renderMs = Math.max(0, pageTime.median - docTime.median);

    const notes = [
      `${options.concurrency} concurrent closed-loop readers (no think time), keep-alive, loopback, anonymous (no session cookie); client in a worker thread of the same process.`,
      `Meeting ${meeting.meetingId}: ${meeting.items} items, ${meeting.closedItems} closed, ${meeting.attachments} attachments, minutes published.`,
    ];
    if (page.errors > 0) notes.push(`Errors: ${JSON.stringify(page.errorKinds)}`);
    for (const p of problems) notes.push(`PAGE CHECK FAILED: ${p}`);

    const MBnote = 'retained after a full GC';
    return [
      {
        id: 'meeting-page.load',
        title: `Meeting page under load (GET /meetings/:id, ${options.concurrency} readers, ${options.durationS} s)`,
        baseline: 'GET /health on the same server and middleware, same load, measured just before',
        metrics: loadMetrics(page, base),
        notes,
        details: { page, baseline: base, pageCheckProblems: problems },
      },
      {
        id: 'meeting-page.memory',
        title: 'Memory of the process (server + client thread) around the meeting-page load run',
        baseline: 'the same figure before the load run (after warm-up and the baseline run)',
        metrics: [
          metric('RSS', after.rssMb, 'MB', { baseline: before.rssMb, note: MBnote }),
          metric('RSS peak during load', peak.peakRssMb, 'MB', { baseline: before.rssMb }),
          metric('RSS growth', after.rssMb - before.rssMb, 'MB'),
          metric('heap used', after.heapUsedMb, 'MB', {
            baseline: before.heapUsedMb,
            note: MBnote,
          }),
          metric('heap used, no GC', afterRaw.heapUsedMb, 'MB', { baseline: before.heapUsedMb }),
          metric('heap growth', after.heapUsedMb - before.heapUsedMb, 'MB', { note: MBnote }),
          metric('external (Buffers, wasm)', after.externalMb, 'MB', {
            baseline: before.externalMb,
          }),
        ],
        notes: after.collected ? [] : ['Could not force a GC; heap figures include garbage.'],
        details: { before, afterNoGc: afterRaw, afterGc: after, peak },
      },
      {
        id: 'meeting-page.breakdown',
        title: `Where a meeting-page request's time goes (one at a time, in-process, median of ${iterations})`,
        baseline: 'GET /health through app.request, same way',
        metrics: [
          metric('whole page (app.request)', pageTime.median, 'ms', {
            baseline: healthTime.median,
          }),
          metric('services.meetings.document (5 queries)', docTime.median, 'ms', {
            baseline: healthTime.median,
          }),
          metric('rest: middleware + HTML rendering', renderMs, 'ms', {
            baseline: healthTime.median,
          }),
        ],
        details: {
          pageMs: pageTime.samples,
          documentMs: docTime.samples,
          healthMs: healthTime.samples,
        },
      },
    ];
  } finally {
    await server.close();
  }
}

export const meetingPage: Scenario = {
  name: 'meeting-page',
  description: 'GET /meetings/:id of a 40-item meeting under concurrent anonymous readers',
  run,
};
