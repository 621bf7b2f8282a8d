/**
 * The agenda PDF of a 40-item meeting: renderMeetingPdf on the document the service gives for the
 * bench meeting (the secretariat's full agenda package; without --quick also the minutes and the
 * public edition), and on the fixed `buildSampleMeetingDocument(40)`, which does not depend on the
 * database and so compares across commits even when the fixture changes.
 *
 * Baseline: the same renderMeetingPdf on a one-item meeting (buildSampleMeetingDocument(1)). It
 * runs the same code with the same fonts, front page, table of contents and running header and
 * footer, so it is the fixed cost of making any meeting PDF on this machine (pdfmake/pdfkit set-up,
 * font parsing and subsetting, writing the file). The ratio therefore says how much the 40 items
 * add on top of that, independent of how fast the machine is. (JSON.stringify of the document
 * would be a poorer baseline: it measures nothing the PDF path does.) The subjects and the
 * baseline are timed in alternating rounds, so a machine that changes speed affects all alike.
 */
import { ANONYMOUS, type MeetingDocument } from '../../src/domain/meetings/index.ts';
import { renderMeetingPdf, type MeetingPdfKind } from '../../src/services/pdf/meeting-pdf.ts';
import { buildSampleMeetingDocument } from '../../src/services/pdf/sample-document.ts';
import { SECRETARIAT } from '../fixture.ts';
import {
  metric,
  type BenchContext,
  type Metric,
  type ResultTable,
  type Scenario,
} from '../scenario.ts';
import { timeInterleaved, timeRuns } from '../stats.ts';

const TARGET_MS = 1000;

function pageCount(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

const describe = (pdf: Uint8Array) =>
  `${pageCount(pdf)} pages, ${Math.round(pdf.byteLength / 1024)} KB`;

async function run(ctx: BenchContext): Promise<ResultTable[]> {
  const { options } = ctx;
  const meeting = await ctx.meeting();
  const timing = { warmup: 1, runs: options.runs };

  ctx.log(`  building the document in the service (median of ${options.runs})`);
  const docTime = await timeRuns(
    () => ctx.services.meetings.document(SECRETARIAT, meeting.meetingId),
    timing,
  );
  const doc = docTime.result;
  const publicDoc = await ctx.services.meetings.document(ANONYMOUS, meeting.meetingId);
  const oneItem = buildSampleMeetingDocument(1);
  const sampleDoc = buildSampleMeetingDocument(40);

  const subjects: { key: string; label: string; doc: MeetingDocument; kind: MeetingPdfKind }[] = [
    { key: 'agenda', label: 'agenda (secretariat)', doc, kind: 'agenda' },
    ...(options.quick
      ? []
      : [
          { key: 'minutes', label: 'minutes (secretariat)', doc, kind: 'minutes' as const },
          {
            key: 'public',
            label: 'agenda (public edition)',
            doc: publicDoc,
            kind: 'agenda' as const,
          },
        ]),
    {
      key: 'sample',
      label: 'agenda of buildSampleMeetingDocument(40)',
      doc: sampleDoc,
      kind: 'agenda',
    },
  ];
  ctx.log(
    `  PDFs: baseline and ${subjects.length} subjects in alternating rounds (${options.runs} rounds)`,
  );
  const fns: Record<string, () => Promise<Uint8Array>> = {
    baseline: () => renderMeetingPdf(oneItem, 'agenda'),
  };
  for (const s of subjects) fns[s.key] = () => renderMeetingPdf(s.doc, s.kind);
  const times = await timeInterleaved(fns, timing);
  const base = times.baseline;
  if (base === undefined) throw new Error('baseline not timed');

  const metrics: Metric[] = [];
  const details: Record<string, unknown> = { baselineMs: base.samples };
  for (const s of subjects) {
    const t = times[s.key];
    if (t === undefined) continue;
    metrics.push(
      metric(s.label, t.median, 'ms', {
        baseline: base.median,
        target: { op: '<', value: TARGET_MS },
        note: describe(t.result),
      }),
    );
    details[`${s.key}Ms`] = t.samples;
    details[`${s.key}Pages`] = pageCount(t.result);
  }
  metrics.push(
    metric('building the document (service)', docTime.median, 'ms', {
      baseline: base.median,
      note: 'the database part of a PDF download',
    }),
  );
  details.documentMs = docTime.samples;
  return [
    {
      id: 'agenda-pdf',
      title: `Agenda PDF of a ${doc.items.length}-item meeting (renderMeetingPdf, median of ${options.runs} after 1 warm-up)`,
      baseline: `renderMeetingPdf of a one-item meeting: ${base.median.toFixed(0)} ms, ${describe(base.result)}`,
      metrics,
      details,
    },
  ];
}

export const agendaPdf: Scenario = {
  name: 'agenda-pdf',
  description: 'Time to render the agenda (and minutes) PDF of a 40-item meeting',
  run,
};
