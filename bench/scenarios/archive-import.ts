/**
 * Archive import throughput (issue 3): a synthetic archive written by bench/archive-generator.ts
 * from the layouts of the 2012-2021 family (1,000 meetings; 100 with --quick), parsed and then
 * imported into a database of its own (PGlite, or PostgreSQL with --pg).
 *
 * Baseline: reading and normalising the same bytes, i.e. readArchiveDocument (validation,
 * UTF-8 / Windows-1252 decoding, page split) followed by the archive's own cleaning step
 * (cleanDocument: NFC and character normalisation, running headers and footers, hyphen joins,
 * letter-spacing repair, whitespace) without segmentation. It is the part of the work any
 * importer must do to have the text at all, so "parse ÷ baseline" says what recognising the
 * structure costs on top, and "import ÷ baseline" what storing it adds.
 *
 * The import runs with `rebuildThreads: false` per document and rebuilds the case threads once at
 * the end, as a batch import should; the cost of one import that rebuilds the threads itself, at
 * the archive's final size, is measured too (that is what per-document rebuilding would cost).
 */
import { cleanDocument } from '../../src/archive/lines.ts';
import { parseMeetingDocument } from '../../src/archive/parse-meeting.ts';
import { readArchiveDocument } from '../../src/archive/read-document.ts';
import type { ParsedMeeting } from '../../src/archive/types.ts';
import { importDocument } from '../../src/services/archive-import.service.ts';
import type { Clock } from '../../src/services/clock.ts';
import { rebuildThreads } from '../../src/services/thread.service.ts';
import {
  generateArchive,
  type ArchiveFamily,
  type GeneratedDocument,
} from '../archive-generator.ts';
import { openBenchDb } from '../db.ts';
import { metric, type BenchContext, type ResultTable, type Scenario } from '../scenario.ts';
import { summarize, timeInterleaved } from '../stats.ts';

const TARGET_MEETINGS = 1000;
const TARGET_S = 60;
const EXTRA_WITH_REBUILD = 3;
/** Imports before the measured batch (JIT, database caches); not counted. */
const WARMUP_IMPORTS = 5;
/** A fixed "now" after every generated meeting, so agendas are imported as held meetings. */
const clock: Clock = { now: () => new Date('2024-05-01T10:00:00Z') };

function agrees(parsed: ParsedMeeting, doc: GeneratedDocument): boolean {
  const e = doc.expected;
  return (
    parsed.committee === e.committee &&
    parsed.date === e.date &&
    parsed.kind === e.kind &&
    parsed.items.length === e.titles.length &&
    parsed.items.every((item, i) => item.number === i + 1 && item.title === e.titles[i])
  );
}

async function run(ctx: BenchContext): Promise<ResultTable[]> {
  const { options } = ctx;
  const count = options.quick ? 100 : TARGET_MEETINGS;
  const runs = options.quick ? 1 : 3;

  const spare = WARMUP_IMPORTS + EXTRA_WITH_REBUILD;
  ctx.log(`  generating ${count} + ${spare} archive documents from the layouts`);
  const t0 = performance.now();
  const all = generateArchive(count + spare);
  const generateMs = performance.now() - t0;
  const docs = all.slice(0, count);
  const warmup = all.slice(count, count + WARMUP_IMPORTS);
  const extra = all.slice(count + WARMUP_IMPORTS);
  const totalBytes = docs.reduce((n, d) => n + d.bytes.byteLength, 0);
  const totalPages = docs.reduce((n, d) => n + d.pages, 0);

  // One pass to warm up and to check the parser against what the generator wrote.
  ctx.log('  parsing once: warm-up and agreement with the generated structure');
  const perDocMs: number[] = [];
  const byFamily = new Map<ArchiveFamily, { docs: number; agree: number }>();
  const disagreements: string[] = [];
  let items = 0;
  for (const doc of docs) {
    const s = performance.now();
    const parsed = parseMeetingDocument(await readArchiveDocument(doc.bytes));
    perDocMs.push(performance.now() - s);
    items += parsed.items.length;
    const family = byFamily.get(doc.family) ?? { docs: 0, agree: 0 };
    family.docs++;
    if (agrees(parsed, doc)) family.agree++;
    else if (disagreements.length < 5) disagreements.push(doc.filename);
    byFamily.set(doc.family, family);
  }
  const perDoc = summarize(perDocMs);

  ctx.log(`  timing read + clean (baseline) and read + parse, ${runs} interleaved round(s)`);
  const timed = await timeInterleaved(
    {
      baseline: async () => {
        for (const doc of docs) cleanDocument((await readArchiveDocument(doc.bytes)).pages);
      },
      parse: async () => {
        for (const doc of docs) parseMeetingDocument(await readArchiveDocument(doc.bytes));
      },
    },
    { warmup: 0, runs },
  );
  const baselineMs = timed.baseline.median;
  const parseMs = timed.parse.median;

  ctx.log(`  importing ${count} meetings into a fresh ${options.db.kind} database`);
  const bench = await openBenchDb(options.db);
  let importMs = 0;
  let rebuildMs = 0;
  let rebuildThreadsCount = 0;
  let withRebuildMs = 0;
  let withoutRebuildPerDocMs = 0;
  const statuses = new Map<string, number>();
  const failures: string[] = [];
  try {
    for (const doc of warmup) {
      await importDocument(bench.db, { filename: doc.filename, bytes: doc.bytes }, clock, {
        rebuildThreads: false,
      });
    }
    const started = performance.now();
    for (const doc of docs) {
      try {
        const summary = await importDocument(
          bench.db,
          { filename: doc.filename, bytes: doc.bytes },
          clock,
          { rebuildThreads: false },
        );
        statuses.set(summary.status, (statuses.get(summary.status) ?? 0) + 1);
      } catch (error) {
        failures.push(`${doc.filename}: ${(error as Error).message}`);
      }
    }
    importMs = performance.now() - started;
    withoutRebuildPerDocMs = importMs / count;

    const r0 = performance.now();
    rebuildThreadsCount = (await rebuildThreads(bench.db, clock)).threads;
    rebuildMs = performance.now() - r0;

    ctx.log(`  ${EXTRA_WITH_REBUILD} more imports that each rebuild the threads themselves`);
    const e0 = performance.now();
    for (const doc of extra) {
      await importDocument(bench.db, { filename: doc.filename, bytes: doc.bytes }, clock);
    }
    withRebuildMs = (performance.now() - e0) / extra.length;
  } finally {
    await bench.dispose();
  }

  const totalS = (importMs + rebuildMs) / 1000;
  const perSecond = count / totalS;
  const scaledS = (totalS * TARGET_MEETINGS) / count;
  const quickNote =
    count === TARGET_MEETINGS
      ? undefined
      : `scaled linearly from ${count} meetings (--quick; warm-up weighs more, so it overestimates)`;
  const agreeTotal = [...byFamily.values()].reduce((n, f) => n + f.agree, 0);

  const notes = [
    `${count} documents (${[...byFamily].map(([f, s]) => `${s.docs} ${f}`).join(', ')}), ${totalPages} pages, ${(totalBytes / 1024 / 1024).toFixed(1)} MB, ${items} items; generated in ${(generateMs / 1000).toFixed(1)} s (not measured).`,
    `Parse agreement with the generated structure (committee, date, kind, every number and title): ${agreeTotal}/${count} (${[
      ...byFamily,
    ]
      .map(([f, s]) => `${f} ${s.agree}/${s.docs}`)
      .join(', ')}).`,
    `Import statuses: ${[...statuses].map(([s, n]) => `${n} ${s}`).join(', ') || 'none'} (after ${WARMUP_IMPORTS} unmeasured warm-up imports); ${rebuildThreadsCount} threads after the rebuild.`,
    `Per-document thread rebuilding would add about ${((withRebuildMs - withoutRebuildPerDocMs) / 1000).toFixed(2)} s per import at this archive size, i.e. roughly ${(((withRebuildMs - withoutRebuildPerDocMs) * count) / 2 / 1000).toFixed(0)} s over the batch (the rebuild grows with the archive); the batch rebuilds once instead.`,
  ];
  if (disagreements.length > 0)
    notes.push(`First documents the parser reads differently: ${disagreements.join(', ')}.`);
  for (const f of failures.slice(0, 5)) notes.push(`IMPORT FAILED: ${f}`);

  return [
    {
      id: 'archive-import.throughput',
      title: `Archive parse and import throughput (${count} synthetic meetings, ${bench.kind})`,
      baseline:
        'read + normalise the same bytes: readArchiveDocument + cleanDocument (NFC, headers, hyphens, letter-spacing), no segmentation',
      metrics: [
        metric('read + clean (baseline)', baselineMs / 1000, 's'),
        metric('read + parse', parseMs / 1000, 's', { baseline: baselineMs / 1000 }),
        metric('read + parse + store (no thread rebuild)', importMs / 1000, 's', {
          baseline: baselineMs / 1000,
        }),
        metric('thread rebuild, once at the end', rebuildMs / 1000, 's'),
        metric('import total (store + one rebuild)', totalS, 's', {
          baseline: baselineMs / 1000,
        }),
        metric('meetings per second (import total)', perSecond, 'count'),
        metric(`import of ${TARGET_MEETINGS.toLocaleString('en-US')} meetings`, scaledS, 's', {
          target: { op: '<', value: TARGET_S },
          ...(quickNote === undefined ? {} : { note: quickNote }),
        }),
        metric('one import incl. its own thread rebuild', withRebuildMs, 'ms', {
          baseline: withoutRebuildPerDocMs,
          note: `at ${count} meetings; baseline: mean import without rebuild`,
        }),
        metric('parse per document, p50', perDoc.p50, 'ms'),
        metric('parse per document, p95', perDoc.p95, 'ms'),
        metric('parse per document, max', perDoc.max, 'ms'),
        metric('documents parsed as generated', agreeTotal, 'count', { note: `of ${count}` }),
      ],
      notes,
      details: {
        count,
        totalBytes,
        totalPages,
        items,
        generateMs,
        baselineMs: timed.baseline.samples,
        parseMs: timed.parse.samples,
        importMs,
        rebuildMs,
        withRebuildMs,
        perDocumentParse: perDoc,
        agreement: Object.fromEntries(byFamily),
        disagreements,
        failures,
      },
    },
  ];
}

export const archiveImport: Scenario = {
  name: 'archive-import',
  description: 'parse and import throughput on a synthetic archive written from the layouts',
  run,
};
