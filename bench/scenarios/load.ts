/**
 * The platform under load (issue 7, "Done means"): 200 concurrent readers of meeting pages and
 * search for 60 s on loopback against PostgreSQL, reporting requests/s, p99 and errors, with
 * GET /health under the same load as the baseline; then a soak run that samples the process's
 * memory over time and compares the first and last quarter.
 *
 * Always PostgreSQL (the server a municipality runs): the bench's own server when --pg or
 * DATABASE_URL, else the local default; a database of its own with the 40-item meeting and a
 * search corpus, dropped afterwards. With --quick: 3 s load and 6 s soak on a small corpus.
 */
import { ANONYMOUS } from '../../src/domain/meetings/index.ts';
import { systemClock } from '../../src/services/clock.ts';
import { createServices } from '../../src/services/index.ts';
import { search as searchService } from '../../src/services/search.service.ts';
import { DEFAULT_PG_URL, openBenchDb, type BenchDb } from '../db.ts';
import { buildBenchMeeting } from '../fixture.ts';
import { runLoadInWorker, type LoadOptions, type LoadResult } from '../load.ts';
import { sampleSeries } from '../memory.ts';
import { metric, type BenchContext, type ResultTable, type Scenario } from '../scenario.ts';
import { startServer } from '../server.ts';
import { timeRuns } from '../stats.ts';
import { loadMetrics } from './meeting-page.ts';
import { populateSearchCorpus } from './search.ts';

const READERS = 200;
const SOAK_READERS = 50;
const P99_TARGET_MS = 200;
const WORDS = [
  'takst',
  'kvisten',
  'beskæftigelse',
  'forstærkede samarbejde',
  'kapacitet',
  'kompetenceudvikling',
  'autismeområdet',
  'forsorgshjem',
  '"egenmestring og recovery"',
  'Hedebo',
  'Skansen',
  'Aalborg takster',
];
/** Per word, the search alone and with a filter: 60 different searches. */
const FILTERS = [
  '',
  '&committee=DAS',
  '&from=2016&to=2019',
  '&decided=yes',
  '&municipality=Hjørring',
];
const SEARCHES = WORDS.flatMap((w) => FILTERS.map((f) => `q=${encodeURIComponent(w)}${f}`));

type Mix = NonNullable<LoadOptions['mix']>;

/** Three meeting pages for every search, meetings and queries in turn. */
function buildMix(origin: string, meetingIds: number[]): Mix {
  const mix: Mix = [];
  for (let i = 0; i < Math.max(meetingIds.length, SEARCHES.length * 3); i++) {
    mix.push({
      url: `${origin}/meetings/${meetingIds[i % meetingIds.length]}`,
      label: 'meeting page',
    });
    if (i % 3 === 2) {
      const query = SEARCHES[Math.floor(i / 3) % SEARCHES.length] ?? 'q=takst';
      mix.push({ url: `${origin}/search?${query}`, label: 'search' });
    }
  }
  return mix;
}

function skipped(url: string, error: unknown): ResultTable[] {
  return [
    {
      id: 'load.readers',
      title: 'Load run skipped',
      metrics: [],
      notes: [
        `No PostgreSQL at ${url.replace(/:[^:@/]+@/, ':***@')} (${error instanceof Error ? error.message : String(error)}); start one with scripts/start-postgres.sh or set DATABASE_URL.`,
      ],
    },
  ];
}

async function run(ctx: BenchContext): Promise<ResultTable[]> {
  const { options } = ctx;
  const url = options.db.kind === 'postgres' ? options.db.url : DEFAULT_PG_URL;
  const loadS = options.quick ? options.durationS : 60;
  const baseS = Math.min(loadS, 15);
  const soakS = options.quick ? 6 : 120;
  const items = options.quick ? 2_000 : 20_000;
  let bench: BenchDb;
  try {
    bench = await openBenchDb({ kind: 'postgres', url });
  } catch (error) {
    return skipped(url, error);
  }
  try {
    ctx.log(`  populating PostgreSQL with ${items} archive items and the 40-item meeting`);
    const counts = await populateSearchCorpus(bench.db, items, (m) => ctx.log(m));
    const config = { ...ctx.config, databaseUrl: url };
    const services = createServices(bench.db, systemClock, config);
    const meeting = await buildBenchMeeting(services, 40);
    const archive = await bench.db.query<{ id: number }>(
      `select id from meeting where stage = 'minutes-approved' order by id limit 11`,
    );
    const meetingIds = [meeting.meetingId, ...archive.map((m) => m.id)];
    const server = await startServer(services, config);
    try {
      const mix = buildMix(server.origin, meetingIds);
      const health = `${server.origin}/health`;
      const load = (o: Partial<LoadOptions> & { durationS: number; concurrency: number }) =>
        runLoadInWorker({
          url: health,
          warmupMs: 0,
          timeoutMs: 10_000,
          ...o,
          durationMs: o.durationS * 1000,
        });

      // /health first, then meeting pages alone: a run that follows the mixed load would meet
      // searches still queued for the connection pool.
      ctx.log(`  warm-up ${options.warmupS} s`);
      await load({ durationS: options.warmupS, concurrency: READERS });
      ctx.log(`  baseline: GET /health, ${READERS} readers, ${baseS} s`);
      const base = await load({ durationS: baseS, concurrency: READERS, warmupMs: 500 });
      const pages = mix.filter((m) => m.label === 'meeting page');
      await load({ mix: pages, durationS: options.warmupS, concurrency: READERS });
      ctx.log(`  meeting pages alone, ${READERS} readers, ${baseS} s`);
      const pagesOnly = await load({ mix: pages, durationS: baseS, concurrency: READERS });
      ctx.log(`  meeting pages and search, ${READERS} readers, ${loadS} s`);
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const mixed = await load({ mix, durationS: loadS, concurrency: READERS, warmupMs: 1000 });
      const cpu = process.cpuUsage(cpu0);
      const cpuShare = (cpu.user + cpu.system) / 1000 / (performance.now() - t0);
      // The same readers signed in: nothing is served from the public page caches, so this is
      // what every page and search costs when rendered and searched afresh.
      const cookie = await signedInReader(services, config.secureCookies);
      ctx.log(`  the same, signed in (no public cache), ${READERS} readers, ${loadS} s`);
      const signedIn = await load({
        mix,
        durationS: loadS,
        concurrency: READERS,
        warmupMs: 1000,
        headers: { cookie },
      });

      ctx.log(`  soak: ${SOAK_READERS} readers, ${soakS} s, memory sampled every second`);
      const series = sampleSeries(options.quick ? 250 : 1000);
      const soak = await load({ mix, durationS: soakS, concurrency: SOAK_READERS });
      const memory = series.stop();

      // Where the time goes: each kind of request alone, one at a time, in-process.
      const runs = { warmup: 3, runs: options.quick ? 10 : 30 };
      const single = async (path: string, headers: Record<string, string> = {}) =>
        (await timeRuns(async () => (await server.app.request(path, { headers })).text(), runs))
          .median;
      const alone = {
        health: await single('/health'),
        meeting: await single(`/meetings/${meeting.meetingId}`),
        archiveMeeting: await single(`/meetings/${archive[0]?.id ?? meeting.meetingId}`),
        search: await single(`/search?q=takst`),
        searchSignedIn: await single(`/search?q=takst`, { cookie }),
        searchService: (await timeRuns(() => searchService(bench.db, ANONYMOUS, 'takst', {}), runs))
          .median,
      };
      return tables({
        mixed,
        signedIn,
        base,
        pagesOnly,
        soak,
        memory,
        alone,
        cpuShare,
        loadS,
        soakS,
        counts,
      });
    } finally {
      await server.close();
    }
  } finally {
    await bench.dispose();
  }
}

/** A member's session cookie (a member of no committee: the public's rights, signed in). */
async function signedInReader(
  services: ReturnType<typeof createServices>,
  secureCookies: boolean,
): Promise<string> {
  const email = 'laeser@bench.example';
  const password = 'en-lang-adgangskode-til-bench';
  await services.auth.createUser({ email, name: 'Læser', password, role: 'member' });
  const session = await services.auth.login(email, password);
  if (!session) throw new Error('The bench reader could not sign in');
  return `${secureCookies ? '__Host-sa_session' : 'sa_session'}=${session.token}`;
}

interface Measured {
  mixed: LoadResult;
  signedIn: LoadResult;
  base: LoadResult;
  pagesOnly: LoadResult;
  soak: LoadResult;
  memory: ReturnType<ReturnType<typeof sampleSeries>['stop']>;
  alone: Record<string, number>;
  cpuShare: number;
  loadS: number;
  soakS: number;
  counts: { items: number; meetings: number };
}

function tables(m: Measured): ResultTable[] {
  const { mixed, base } = m;
  const byLabel = mixed.byLabel ?? {};
  const perLabel = Object.entries(byLabel).flatMap(([label, s]) => [
    metric(`${label} p50`, s.latency.p50, 'ms', { baseline: base.latency.p50 }),
    metric(`${label} p99`, s.latency.p99, 'ms', {
      baseline: base.latency.p99,
      target: { op: '<', value: P99_TARGET_MS },
    }),
    metric(`${label} requests`, s.latency.count, 'count'),
  ]);
  const notes = [
    `${READERS} closed-loop readers (no think time), anonymous, keep-alive, loopback; 3 meeting pages (the 40-item meeting and 11 archive meetings in turn) for each search, ${SEARCHES.length} different searches in turn (${WORDS.join(', ')}; each alone and with a committee, year, decided or kommune filter). Anonymous pages and searches are served from the public page caches while nothing changes (see load.signed-in for the uncached cost). ${m.counts.items} archive items in ${m.counts.meetings} meetings. Client in a worker thread of the server's process.`,
    `CPU of the process (server and client thread) during the run: ${(m.cpuShare * 100).toFixed(0)} % of one core.`,
    `Alone, one at a time in-process (median ms): /health ${m.alone.health?.toFixed(1)}, 40-item meeting page ${m.alone.meeting?.toFixed(1)}, archive meeting page ${m.alone.archiveMeeting?.toFixed(1)}, /search?q=takst ${m.alone.search?.toFixed(1)} from the public cache, ${m.alone.searchSignedIn?.toFixed(1)} signed in (of which the search service ${m.alone.searchService?.toFixed(1)}).`,
  ];
  if (mixed.errors > 0) notes.push(`Errors: ${JSON.stringify(mixed.errorKinds)}`);
  if (base.errors > 0) notes.push(`Baseline errors: ${JSON.stringify(base.errorKinds)}`);
  const { first, last } = m.memory;
  return [
    {
      id: 'load.readers',
      title: `Meeting pages and search under load (${READERS} readers, ${m.loadS} s, PostgreSQL)`,
      baseline: `GET /health, same server, ${READERS} readers, measured just before`,
      metrics: [...loadMetrics(mixed, base, P99_TARGET_MS), ...perLabel],
      notes,
      details: { mixed, baseline: base, alone: m.alone, cpuShare: m.cpuShare },
    },
    {
      id: 'load.signed-in',
      title: `The same mix signed in: no page served from the public caches (${READERS} readers, ${m.loadS} s)`,
      baseline: `GET /health, same server, ${READERS} readers`,
      metrics: [
        ...loadMetrics(m.signedIn, base, P99_TARGET_MS),
        ...Object.entries(m.signedIn.byLabel ?? {}).flatMap(([label, s]) => [
          metric(`${label} p50`, s.latency.p50, 'ms', { baseline: base.latency.p50 }),
          metric(`${label} p99`, s.latency.p99, 'ms', { baseline: base.latency.p99 }),
        ]),
      ],
      notes: m.signedIn.errors > 0 ? [`Errors: ${JSON.stringify(m.signedIn.errorKinds)}`] : [],
      details: { signedIn: m.signedIn },
    },
    {
      id: 'load.pages',
      title: `Meeting pages alone under load (${READERS} readers, ${Math.round(m.pagesOnly.elapsedMs / 1000)} s, no search)`,
      baseline: `GET /health, same server, ${READERS} readers`,
      metrics: loadMetrics(m.pagesOnly, base, P99_TARGET_MS),
      notes: m.pagesOnly.errors > 0 ? [`Errors: ${JSON.stringify(m.pagesOnly.errorKinds)}`] : [],
      details: { pagesOnly: m.pagesOnly },
    },
    {
      id: 'load.soak',
      title: `Soak: memory over ${m.soakS} s of ${SOAK_READERS} readers (mean of the first vs the last quarter)`,
      baseline: 'the mean of the first quarter of the same run',
      metrics: [
        metric('RSS, last quarter', last.rssMb, 'MB', { baseline: first.rssMb }),
        metric('RSS growth', last.rssMb - first.rssMb, 'MB'),
        metric('heap used, last quarter', last.heapUsedMb, 'MB', { baseline: first.heapUsedMb }),
        metric('heap growth', last.heapUsedMb - first.heapUsedMb, 'MB'),
        metric('requests/s', m.soak.requestsPerSecond, 'req/s'),
        metric('p99', m.soak.latency.p99, 'ms'),
        metric('errors', m.soak.errors, 'count', { target: { op: '=', value: 0 } }),
      ],
      notes: [
        `${m.memory.samples.length} samples without forced GC; a leak shows as growth that does not level off (see details.samples in results.json).`,
      ],
      details: { samples: m.memory.samples, soak: m.soak },
    },
  ];
}

export const load: Scenario = {
  name: 'load',
  description: `${READERS} readers of meeting pages and search on PostgreSQL, and a memory soak`,
  run,
};
