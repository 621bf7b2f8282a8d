/**
 * The tariff appendix (issue 4): building it for 600 offers with 3 services each, as XLSX and PDF
 * together (target under 3 s). The data are generated (operators, offers, services, tariffs with
 * last year's), so the figure depends only on the appendix code, not on a database.
 *
 * Baseline: the same XLSX + PDF for 20 offers with 3 services each: the fixed cost of making the
 * two files (workbook and PDF set-up, fonts, front page) on this machine. The ratio says what the
 * 580 extra offers add. Subjects and baseline are timed in alternating rounds.
 */
import { buildAppendix, type AppendixSourceLine } from '../../src/domain/tariffs/index.ts';
import { tariffAppendixPdf } from '../../src/services/pdf/tariff-appendix-pdf.ts';
import { tariffAppendixXlsx } from '../../src/services/xlsx/tariff-appendix.ts';
import { metric, type BenchContext, type ResultTable, type Scenario } from '../scenario.ts';
import { timeInterleaved } from '../stats.ts';

const TARGET_MS = 3000;
const OPERATORS = [
  'Aalborg Kommune',
  'Brønderslev Kommune',
  'Frederikshavn Kommune',
  'Hjørring Kommune',
  'Jammerbugt Kommune',
  'Læsø Kommune',
  'Mariagerfjord Kommune',
  'Morsø Kommune',
  'Rebild Kommune',
  'Thisted Kommune',
  'Vesthimmerland Kommune',
  'Region Nordjylland',
];
const KINDS = ['Botilbud', 'Aktivitetscenter', 'Bofællesskab', 'Skoletilbud', 'Døgninstitution'];
const SERVICES = ['Døgnophold', 'Aflastning', 'Ydelsespakke niveau 2'];
const SECTIONS = ['SEL § 107', 'SEL § 108', 'SEL § 104', 'SEL § 85', 'SEL § 66'];

/** Deterministic lines for `offers` offers with three services each. */
export function appendixLines(offers: number): AppendixSourceLine[] {
  const lines: AppendixSourceLine[] = [];
  for (let o = 0; o < offers; o++) {
    for (let s = 0; s < SERVICES.length; s++) {
      const amount = 120_000 + ((o * 7919 + s * 104_729) % 2_400_000); // øre
      lines.push({
        operator: OPERATORS[o % OPERATORS.length] ?? 'Aalborg Kommune',
        offerId: o + 1,
        offer: `${KINDS[o % KINDS.length] ?? 'Tilbud'} ${o + 1}`,
        service: SERVICES[s] ?? 'Ydelse',
        unit: s === 2 ? 'month' : 'day',
        targetGroups: ['Voksne med udviklingshæmning'],
        lawSections: [SECTIONS[o % SECTIONS.length] ?? 'SEL § 108'],
        places: 4 + (o % 40),
        previous: o % 9 === 0 ? null : Math.round(amount * 0.97),
        amount,
      });
    }
  }
  return lines;
}

async function run(ctx: BenchContext): Promise<ResultTable[]> {
  const offers = ctx.options.quick ? 150 : 600;
  const meta = { approvedBy: 'DAS 20. januar 2021, punkt 5', publishedAt: null };
  const build = async (n: number) => {
    const appendix = buildAppendix(2022, appendixLines(n));
    const [xlsx, pdf] = [
      await tariffAppendixXlsx(appendix, meta),
      await tariffAppendixPdf(appendix, meta),
    ];
    return { xlsx: xlsx.byteLength, pdf: pdf.byteLength };
  };
  ctx.log(
    `  tariff appendix: ${offers} offers × 3 services against 20 offers (${ctx.options.runs} rounds)`,
  );
  const times = await timeInterleaved(
    { baseline: () => build(20), subject: () => build(offers) },
    { warmup: 1, runs: ctx.options.runs },
  );
  const { baseline, subject } = times;
  return [
    {
      id: 'tariff-appendix',
      title: `Tariff appendix of ${offers} offers × 3 services, XLSX + PDF (median of ${ctx.options.runs})`,
      baseline: `the same for 20 offers: ${baseline.median.toFixed(0)} ms`,
      metrics: [
        metric('XLSX + PDF', subject.median, 'ms', {
          baseline: baseline.median,
          // The quick run builds a quarter of the offers: the target applies to the full run.
          ...(ctx.options.quick ? {} : { target: { op: '<' as const, value: TARGET_MS } }),
          note: `${Math.round(subject.result.xlsx / 1024)} KB XLSX, ${Math.round(subject.result.pdf / 1024)} KB PDF`,
        }),
      ],
      details: { subjectMs: subject.samples, baselineMs: baseline.samples },
    },
  ];
}

export const tariffAppendix: Scenario = {
  name: 'tariff-appendix',
  description: 'Building the tariff appendix for 600 offers with 3 services as XLSX and PDF',
  run,
};
