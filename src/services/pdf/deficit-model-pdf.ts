/** A deficit-cover model as PDF (pdfmake): parameters, the allocation key, the amounts, the rule. */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import {
  ROUNDING_RULE_DA,
  toNumber,
  type DeficitCoverResult,
  type Fraction,
} from '../../domain/financing/index.ts';
import { formatKroner } from '../../domain/occupancy/index.ts';
import type { DeficitModelFields } from '../../db/repositories/financing.repository.ts';
import { createPdfBytes } from './fonts.ts';

const pct = (f: Fraction | number, decimals = 3) =>
  `${new Intl.NumberFormat('da-DK', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format((typeof f === 'number' ? f : toNumber(f)) * 100)} %`;

const num = (text: string, bold = false) => ({ text, alignment: 'right' as const, bold });
const head = (text: string, right = false) => ({
  text,
  bold: true,
  alignment: right ? ('right' as const) : ('left' as const),
});

export function buildDeficitModelPdfDefinition(
  model: Pick<
    DeficitModelFields,
    | 'name'
    | 'operator'
    | 'threshold'
    | 'operatorShare'
    | 'populationWeight'
    | 'usageWeight'
    | 'populationPeriod'
    | 'usageYears'
  >,
  result: DeficitCoverResult,
  adoptedBy: string | null,
): TDocumentDefinitions {
  const years = model.usageYears.join(', ');
  const keyBody = [
    [
      head('Part'),
      head(`Befolkning ${model.populationPeriod}`, true),
      head('Befolknings-andel', true),
      head(`Forbrug ${years} (kr.)`, true),
      head('Forbrugs-andel', true),
      head('Samlet nøgle', true),
      head('Andel over grænsen', true),
    ],
    ...result.municipalities.map((m) => [
      m.name,
      num(formatKroner(m.population)),
      num(pct(m.populationShare)),
      num(formatKroner(Math.round(toNumber(m.usage)))),
      num(pct(m.usageShare)),
      num(pct(m.municipalShare)),
      num(pct(m.key)),
    ]),
    [`${result.operator.name} (driftsherre)`, '', '', '', '', '', num(pct(result.operator.key))],
    [
      { text: 'I alt', bold: true },
      num(formatKroner(result.municipalities.reduce((a, m) => a + m.population, 0)), true),
      num(pct(1), true),
      num(
        formatKroner(Math.round(result.municipalities.reduce((a, m) => a + toNumber(m.usage), 0))),
        true,
      ),
      num(pct(result.municipalities.some((m) => m.usageShare.num > 0n) ? 1 : 0), true),
      num(pct(1), true),
      num(pct(1), true),
    ],
  ];
  const amountBody = [
    [head('Part'), head('Op til grænsen', true), head('Over grænsen', true), head('I alt', true)],
    ...[
      { ...result.operator, name: `${result.operator.name} (driftsherre)` },
      ...result.municipalities,
    ].map((p) => [
      p.name,
      num(formatKroner(p.thresholdPart)),
      num(formatKroner(p.partAbove)),
      num(formatKroner(p.amount)),
    ]),
    [
      { text: 'I alt', bold: true },
      num(formatKroner(result.thresholdPart), true),
      num(formatKroner(result.partAbove), true),
      num(formatKroner(result.total), true),
    ],
  ];
  const content: Content[] = [
    { text: model.name, style: 'title' },
    { text: 'Model for underskudsdækning', style: 'subtitle' },
    {
      ul: [
        `Underskud i eksemplet: ${formatKroner(result.total)} kr.`,
        `${model.operator} betaler alene op til ${formatKroner(model.threshold)} kr.`,
        `Af beløbet over grænsen betaler ${model.operator} ${pct(model.operatorShare, 1)}, kommunerne resten.`,
        `Kommunernes nøgle: ${pct(model.populationWeight, 1)} befolkningsandel (${model.populationPeriod}) og ${pct(model.usageWeight, 1)} forbrugsandel (${years}).`,
        ...(adoptedBy === null ? [] : [`Vedtaget: ${adoptedBy}`]),
      ],
      margin: [0, 0, 0, 12],
    },
    { text: 'Fordelingsnøgle', style: 'h2' },
    {
      table: {
        headerRows: 1,
        widths: ['*', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto'],
        body: keyBody,
      },
      layout: 'lightHorizontalLines',
      fontSize: 8,
    },
    { text: 'Beløb i hele kroner', style: 'h2' },
    {
      table: { headerRows: 1, widths: ['*', 'auto', 'auto', 'auto'], body: amountBody },
      layout: 'lightHorizontalLines',
      fontSize: 9,
    },
    { text: 'Afrunding', style: 'h2' },
    { text: ROUNDING_RULE_DA, fontSize: 9 },
  ];
  return {
    info: { title: model.name, creator: 'Sekretariatet for Nordjysk Socialaftale' },
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [40, 40, 40, 40],
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    styles: {
      title: { fontSize: 16, bold: true },
      subtitle: { fontSize: 11, color: '#555555', margin: [0, 2, 0, 10] },
      h2: { fontSize: 12, bold: true, margin: [0, 14, 0, 6] },
    },
    content,
  };
}

export function renderDeficitModelPdf(
  model: Parameters<typeof buildDeficitModelPdfDefinition>[0],
  result: DeficitCoverResult,
  adoptedBy: string | null,
): Promise<Uint8Array> {
  return createPdfBytes(buildDeficitModelPdfDefinition(model, result, adoptedBy));
}
