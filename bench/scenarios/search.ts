/**
 * Search latency (issue 3): the search service over at least 50,000 items (5,000 with --quick)
 * on PGlite, or PostgreSQL with --pg, in a database of its own.
 *
 * The corpus: meetings of DAS, FU and KDK from 2012 on (most with approved minutes, some with a
 * published agenda only, a few drafts), about 12 items each, with Danish titles, summaries,
 * recommendations, body text and decisions written from the archive generator's vocabulary, one
 * item in twenty closed, and the kommuner each item mentions. Rows go in with batched
 * `insert … select … from jsonb_to_recordset($1)`, so the database computes the real generated
 * tsvector columns and GIN indexes; then VACUUM ANALYZE.
 *
 * Measured: latency of `search(db, viewer, query, filters)` for a mix of queries (single words,
 * prefixes, two words, phrases, filters, a word with no hit) as the public and as the
 * secretariat, in interleaved rounds after a warm-up round. Baseline: a select of one item by
 * primary key through the same Db in the same rounds (the floor of any query on this database).
 * The slowest query is profiled with EXPLAIN ANALYZE (the plan is in results.json).
 */
import type { Db, Param } from '../../src/db/client.ts';
import { ANONYMOUS, type Viewer } from '../../src/domain/meetings/index.ts';
import { search as searchService, type SearchFilters } from '../../src/services/search.service.ts';
import { MUNICIPALITIES, Rand, generateItemText } from '../archive-generator.ts';
import { openBenchDb } from '../db.ts';
import { SECRETARIAT } from '../fixture.ts';
import { metric, type BenchContext, type ResultTable, type Scenario } from '../scenario.ts';
import { summarize } from '../stats.ts';

const TARGET_P95_MS = { postgres: 50, pglite: 150 } as const;
const ITEMS_PER_MEETING = 12;
const BATCH = 1000;

interface Query {
  label: string;
  q: string;
  filters?: SearchFilters;
}

const QUERIES: Query[] = [
  { label: 'word: kvisten', q: 'kvisten' },
  { label: 'word: beskæftigelse', q: 'beskæftigelse' },
  { label: 'prefix: takst', q: 'takst' },
  { label: 'prefix: kompetence', q: 'kompetence' },
  { label: 'two words: forstærkede samarbejde', q: 'forstærkede samarbejde' },
  { label: 'two words: takster kvisten', q: 'takster kvisten' },
  { label: 'phrase: "komplekse behov"', q: '"komplekse behov"' },
  { label: 'filter: takst, committee DAS', q: 'takst', filters: { committee: 'DAS' } },
  {
    label: 'filter: tilbud, kommune Aalborg, 2018-2020',
    q: 'tilbud',
    filters: { municipality: 'Aalborg', yearFrom: 2018, yearTo: 2020 },
  },
  { label: 'filter: kapacitet, decided', q: 'kapacitet', filters: { decided: true } },
  { label: 'no hit: xylofon', q: 'xylofon' },
];

const VIEWERS: { label: string; viewer: Viewer }[] = [
  { label: 'anonymous', viewer: ANONYMOUS },
  { label: 'secretariat', viewer: SECRETARIAT },
];

interface Recorded {
  sql: string;
  params: readonly Param[];
  /** The planner settings the search set in its transaction before the match. */
  setup: { sql: string; params: readonly Param[] } | null;
}

/** A Db that remembers the last full-text match (@@) it ran, for EXPLAIN ANALYZE. */
function recording(db: Db): { db: Db; last: Recorded | null } {
  const state: { db: Db; last: Recorded | null } = { db, last: null };
  let setup: Recorded['setup'] = null;
  const wrap = (inner: Db): Db => ({
    kind: inner.kind,
    query<T>(sql: string, params: readonly Param[] = []) {
      if (sql.includes('set_config(')) setup = { sql, params };
      else if (sql.includes('@@')) state.last = { sql, params, setup };
      return inner.query<T>(sql, params);
    },
    exec: (sql) => inner.exec(sql),
    transaction: (fn) =>
      inner.transaction((tx) => {
        setup = null;
        return fn(wrap(tx));
      }),
    ping: () => inner.ping(),
    close: () => inner.close(),
  });
  state.db = wrap(db);
  return state;
}

/** Fills `db` with a search corpus of `itemCount` items (see the file comment). */
export async function populateSearchCorpus(db: Db, itemCount: number, log: (m: string) => void) {
  const r = new Rand(4242);
  const committees = await db.query<{ id: number; short: string }>(
    `select id, short_name as short from committee where short_name in ('DAS', 'FU', 'KDK') order by id`,
  );
  const meetingCount = Math.ceil(itemCount / ITEMS_PER_MEETING);
  const meetings: { committee_id: number; date: string; stage: string; status: string }[] = [];
  const start = Date.UTC(2012, 0, 9);
  for (let k = 0; k < meetingCount; k++) {
    const committee = committees[k % committees.length];
    if (committee === undefined) throw new Error('committees missing');
    const date = new Date(start + Math.floor((k * 3650) / meetingCount) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const roll = r.float();
    const stage =
      roll < 0.85 ? 'minutes-approved' : roll < 0.95 ? 'agenda-published' : 'agenda-draft';
    meetings.push({
      committee_id: committee.id,
      date,
      stage,
      status: stage === 'agenda-draft' ? 'planned' : 'held',
    });
  }
  const ids = await db.query<{ id: number; date: string }>(
    `insert into meeting (committee_id, date, stage, status)
     select committee_id, date, stage, status
       from jsonb_to_recordset($1::jsonb) as m(committee_id int, date date, stage text, status text)
     returning id, date::text as date`,
    [meetings],
  );

  const sections = ['for-decision', 'for-decision', 'for-information', 'welcome', 'closing'];
  let inserted = 0;
  let batch: Record<string, unknown>[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await db.query(
      `insert into item (meeting_id, number, section, title, access, summary, recommendations,
         decision, outcome, body)
       select meeting_id, number, section, title, access, summary, recommendations, decision,
         outcome, body
         from jsonb_to_recordset($1::jsonb) as i(meeting_id int, number int, section text,
           title text, access text, summary text, recommendations jsonb, decision text,
           outcome text, body text)`,
      [batch],
    );
    inserted += batch.length;
    batch = [];
  };
  for (const meeting of ids) {
    for (let n = 1; n <= ITEMS_PER_MEETING && inserted + batch.length < itemCount; n++) {
      const text = generateItemText(r, meeting.date);
      batch.push({
        meeting_id: meeting.id,
        number: n,
        section: r.pick(sections),
        title: text.title,
        access: r.chance(0.05) ? 'closed' : 'open',
        summary: text.summary,
        recommendations: text.recommendations,
        decision: text.decision,
        outcome: /godkend/i.test(text.decision) ? 'approved' : null,
        body: text.body,
      });
      if (batch.length >= BATCH) {
        await flush();
        if (inserted % 10_000 === 0) log(`    ${inserted} items`);
      }
    }
  }
  await flush();
  // The kommuner each item mentions, for the municipality filter (as the importer stores them).
  await db.query(
    `insert into item_mention (item_id, kind, value)
     select distinct i.id, 'municipality', m[1]
       from item i, regexp_matches(i.summary || ' ' || i.body, '(${MUNICIPALITIES.join('|')}) Kommune', 'g') m`,
  );
  await db.exec('vacuum analyze');
  const [counts] = await db.query<{ items: number; meetings: number; mentions: number }>(
    `select (select count(*)::int from item) as items, (select count(*)::int from meeting) as meetings,
            (select count(*)::int from item_mention) as mentions`,
  );
  return counts ?? { items: 0, meetings: 0, mentions: 0 };
}

/**
 * Where a plan spends its time: the deepest plan node whose inclusive time is at least half of
 * the whole (above it, nodes only pass rows on), and the nodes directly below it.
 */
function planHotspot(plan: string[]): string[] {
  const nodes = plan
    .map((line) => ({
      line,
      depth: line.length - line.trimStart().length,
      ms: Number(/actual time=[\d.]+\.\.([\d.]+)/.exec(line)?.[1] ?? Number.NaN),
    }))
    .filter((n) => Number.isFinite(n.ms));
  const top = Math.max(0, ...nodes.map((n) => n.ms));
  let hot: (typeof nodes)[number] | undefined;
  for (const n of nodes) if (n.ms >= top / 2 && (hot === undefined || n.depth > hot.depth)) hot = n;
  if (hot === undefined) return [];
  const at = nodes.indexOf(hot);
  const children: typeof nodes = [];
  for (const n of nodes.slice(at + 1)) {
    if (n.depth <= hot.depth) break;
    if (children.length === 0 || n.depth <= (children[0]?.depth ?? 0)) children.push(n);
  }
  const clip = (l: string) => l.trim().replace(/\s+/g, ' ').slice(0, 190);
  return [clip(hot.line), ...children.slice(0, 3).map((c) => `  ${clip(c.line)}`)];
}

async function run(ctx: BenchContext): Promise<ResultTable[]> {
  const { options } = ctx;
  const itemCount = options.quick ? 5_000 : 50_000;
  const rounds = options.quick ? 4 : 10;

  ctx.log(`  populating a fresh ${options.db.kind} database with ${itemCount} items`);
  const bench = await openBenchDb(options.db);
  try {
    const p0 = performance.now();
    const counts = await populateSearchCorpus(bench.db, itemCount, (m) => ctx.log(m));
    const populateMs = performance.now() - p0;
    const rec = recording(bench.db);
    const maxId = counts.items;
    const r = new Rand(7);

    const samples = new Map<string, number[]>();
    const byViewer = new Map<string, number[]>(VIEWERS.map((v) => [v.label, []]));
    const baseline: number[] = [];
    const hits = new Map<string, number>();
    const add = (key: string, ms: number) => {
      const list = samples.get(key) ?? [];
      list.push(ms);
      samples.set(key, list);
    };

    ctx.log(
      `  ${QUERIES.length} queries × ${VIEWERS.length} viewers, ${rounds} rounds after a warm-up round`,
    );
    for (let round = -1; round < rounds; round++) {
      for (const query of QUERIES) {
        for (const { label, viewer } of VIEWERS) {
          const t0 = performance.now();
          const result = await searchService(rec.db, viewer, query.q, query.filters ?? {});
          const ms = performance.now() - t0;
          const b0 = performance.now();
          await bench.db.query(`select id, title from item where id = $1`, [r.int(1, maxId)]);
          const baseMs = performance.now() - b0;
          if (round < 0) {
            hits.set(`${query.label} · ${label}`, result.total);
            continue;
          }
          add(`${query.label} · ${label}`, ms);
          byViewer.get(label)?.push(ms);
          baseline.push(baseMs);
        }
      }
    }

    const all = [...samples.values()].flat();
    const overall = summarize(all);
    const base = summarize(baseline);
    const perQuery = [...samples].map(([key, list]) => ({ key, ...summarize(list) }));
    // The slowest by median (a p95 of a few samples is one outlier).
    perQuery.sort((a, b) => b.p50 - a.p50);
    const slowest = perQuery[0];

    // Profile the slowest query: run it once more through the recorder, then EXPLAIN ANALYZE.
    let plan: string[] = [];
    if (slowest !== undefined) {
      const [queryLabel, viewerLabel] = slowest.key.split(' · ');
      const query = QUERIES.find((q) => q.label === queryLabel);
      const viewer = VIEWERS.find((v) => v.label === viewerLabel)?.viewer;
      if (query !== undefined && viewer !== undefined) {
        rec.last = null;
        await searchService(rec.db, viewer, query.q, query.filters ?? {});
        const last = rec.last as Recorded | null;
        if (last !== null) {
          const rows = await bench.db.transaction(async (tx) => {
            if (last.setup !== null) await tx.query(last.setup.sql, last.setup.params);
            return tx.query<{ 'QUERY PLAN': string }>(
              `explain (analyze, buffers) ${last.sql}`,
              last.params,
            );
          });
          plan = rows.map((row) => row['QUERY PLAN']);
        }
      }
    }

    const target = { op: '<' as const, value: TARGET_P95_MS[bench.kind] };
    const metrics = [
      metric('search p50 (all queries)', overall.p50, 'ms', { baseline: base.p50 }),
      metric('search p95 (all queries)', overall.p95, 'ms', { baseline: base.p95, target }),
      ...VIEWERS.flatMap(({ label }) => {
        const s = summarize(byViewer.get(label) ?? []);
        return [
          metric(`p50 as ${label}`, s.p50, 'ms', { baseline: base.p50 }),
          metric(`p95 as ${label}`, s.p95, 'ms', { baseline: base.p95, target }),
        ];
      }),
      metric('max', overall.max, 'ms', { baseline: base.max }),
      metric('searches measured', overall.count, 'count'),
    ];
    const notes = [
      `${counts.items} items in ${counts.meetings} meetings (${counts.mentions} kommune mentions), populated and analysed in ${(populateMs / 1000).toFixed(1)} s; no attachment rows.`,
      `Per query (p50 / p95 ms, hits as anonymous / secretariat): ${QUERIES.map((q) => {
        const a = perQuery.find((x) => x.key === `${q.label} · anonymous`);
        const s = perQuery.find((x) => x.key === `${q.label} · secretariat`);
        return `${q.label} ${a?.p50.toFixed(1) ?? '?'}/${a?.p95.toFixed(1) ?? '?'} & ${s?.p50.toFixed(1) ?? '?'}/${s?.p95.toFixed(1) ?? '?'} (${hits.get(`${q.label} · anonymous`) ?? '?'} / ${hits.get(`${q.label} · secretariat`) ?? '?'})`;
      }).join('; ')}.`,
    ];
    if (slowest !== undefined) {
      notes.push(
        `Slowest: ${slowest.key} (p50 ${slowest.p50.toFixed(1)} ms, p95 ${slowest.p95.toFixed(1)} ms). EXPLAIN ANALYZE: ${plan.filter((l) => /Execution Time|Planning Time/.test(l)).join(', ')}; the time goes to:`,
        ...planHotspot(plan).map((l) => `  ${l}`),
      );
    }
    return [
      {
        id: 'search.latency',
        title: `Search latency over ${counts.items.toLocaleString('en-US')} items (${bench.kind}, search service, one at a time)`,
        baseline: 'select of one item by primary key through the same Db, in the same rounds',
        metrics,
        notes,
        details: {
          counts,
          populateMs,
          rounds,
          perQuery,
          hits: Object.fromEntries(hits),
          baseline: base,
          slowestPlan: plan,
        },
      },
    ];
  } finally {
    await bench.dispose();
  }
}

export const search: Scenario = {
  name: 'search',
  description: 'search latency p50/p95 over 50,000 items (5,000 with --quick)',
  run,
};
