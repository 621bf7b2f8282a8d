/**
 * A kommune's monitoring workbook, like the spreadsheets the kommuner receive: one sheet per
 * level, the kommune beside the other kommuner of its region and the region, plus budget against
 * accounts and a sheet on the figures' sources and rules. Amounts in whole kroner as numbers
 * (Danish Excel shows 1.260.562); the kommune's own row is bold.
 */
import ExcelJS from 'exceljs';
import {
  deviation,
  deviationShare,
  toFixed,
  type AreaResult,
  type MonitoringResult,
  type TargetGroup,
  type YearValues,
} from '../../domain/monitoring/index.ts';

export const MONITORING_SHEETS = {
  level1: 'Niveau 1 Udgifter',
  level2: 'Niveau 2 Indsatsområder',
  level3: 'Niveau 3 Pr. indbygger',
  level4: 'Niveau 4 Tendenser',
  budget: 'Budget og regnskab',
  about: 'Om tallene',
} as const;

const KRONER = '#,##0';
const PERCENT = '0.0%';
const GROUP_LABEL: Record<TargetGroup, string> = {
  adults: 'Voksne (pr. 18-64-årig)',
  children: 'Børn og unge (pr. 0-17-årig)',
};

function header(row: ExcelJS.Row) {
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: 'top' };
  row.border = { bottom: { style: 'thin' } };
}

const round = (v: number | null | undefined) =>
  v === null || v === undefined ? null : Math.round(v);

export interface WorkbookInput {
  result: MonitoringResult;
  areaCode: string;
  notes: readonly { year: number; text: string }[];
}

export async function monitoringWorkbook({
  result,
  areaCode,
  notes,
}: WorkbookInput): Promise<Uint8Array> {
  const own = result.municipalities.find((m) => m.area.code === areaCode);
  if (own === undefined) throw new Error(`Kommunen ${areaCode} har ingen tal.`);
  const regionCode = own.area.region;
  const region = result.regions.find((r) => r.area.code === regionCode) ?? null;
  const others = result.municipalities.filter((m) => m.area.region === regionCode);
  const years = result.years;
  const fixed = (v: YearValues) => (result.baseYear === null ? v : toFixed(v, result.priceFactor));
  const priceLabel = result.baseYear === null ? 'løbende priser' : `${result.baseYear}-priser`;

  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sekretariatet for Nordjysk Socialaftale';
  wb.title = `Monitorering ${own.area.name}`;

  /** A table: one row per area (the kommune bold, the region last), one column per year. */
  function areaTable(
    sheet: ExcelJS.Worksheet,
    title: string,
    values: (r: AreaResult) => YearValues,
    numFmt: string,
  ) {
    sheet.addRow([]);
    const t = sheet.addRow([title]);
    t.font = { bold: true, size: 12 };
    header(sheet.addRow(['Område', ...years.map(String)]));
    for (const m of [...others, ...(region ? [region] : [])]) {
      const row = sheet.addRow([
        m.area.name,
        ...values(m).map((v) => (numFmt === KRONER ? round(v) : v)),
      ]);
      row.eachCell((c, col) => col > 1 && (c.numFmt = numFmt));
      if (m.area.code === areaCode || m.area.level === 'region') row.font = { bold: true };
    }
  }

  // Level 1
  const l1 = wb.addWorksheet(MONITORING_SHEETS.level1);
  l1.columns = [{ width: 34 }, ...years.map(() => ({ width: 14 }))];
  l1.addRow([
    `${own.area.name}: nettodriftsudgifter på det specialiserede socialområde (kr.)`,
  ]).font = {
    bold: true,
    size: 14,
  };
  header(l1.addRow(['', ...years.map(String)]));
  const line = (label: string, v: YearValues, fmt = KRONER) => {
    const row = l1.addRow([label, ...v.map((x) => (fmt === KRONER ? round(x) : x))]);
    row.eachCell((c, col) => col > 1 && (c.numFmt = fmt));
  };
  line('Regnskab, løbende priser', own.total.accounts);
  line(`Regnskab, ${priceLabel}`, fixed(own.total.accounts));
  line('Budget, løbende priser', own.total.budget);
  line('Afvigelse (regnskab − budget)', deviation(own.total));
  line('Afvigelse i % af budget', deviationShare(own.total), PERCENT);
  areaTable(
    l1,
    `Regnskab, ${priceLabel}: kommunerne i regionen`,
    (r) => fixed(r.total.accounts),
    KRONER,
  );
  l1.views = [{ state: 'frozen', xSplit: 1 }];

  // Level 2
  const l2 = wb.addWorksheet(MONITORING_SHEETS.level2);
  l2.columns = [{ width: 52 }, ...years.map(() => ({ width: 14 }))];
  l2.addRow([`${own.area.name}: regnskab pr. indsatsområde, ${priceLabel} (kr.)`]).font = {
    bold: true,
    size: 14,
  };
  header(l2.addRow(['Indsatsområde', ...years.map(String)]));
  for (const e of result.efforts) {
    const row = l2.addRow([e.name, ...fixed(own.byEffort[e.code]?.accounts ?? []).map(round)]);
    row.eachCell((c, col) => col > 1 && (c.numFmt = KRONER));
  }
  for (const e of result.efforts) {
    areaTable(
      l2,
      `${e.name}, ${priceLabel}`,
      (r) => fixed(r.byEffort[e.code]?.accounts ?? []),
      KRONER,
    );
  }

  // Level 3
  const l3 = wb.addWorksheet(MONITORING_SHEETS.level3);
  l3.columns = [{ width: 52 }, ...years.map(() => ({ width: 14 }))];
  l3.addRow([`Udgift pr. indbygger i målgruppen, ${priceLabel} (kr.)`]).font = {
    bold: true,
    size: 14,
  };
  for (const g of ['adults', 'children'] as const) {
    areaTable(l3, GROUP_LABEL[g], (r) => fixed(r.perInhabitant[g]), KRONER);
  }
  for (const e of result.efforts) {
    areaTable(
      l3,
      `${e.name} (${e.targetGroup === 'adults' ? 'pr. 18-64-årig' : 'pr. 0-17-årig'})`,
      (r) => fixed(r.perInhabitantByEffort[e.code] ?? []),
      KRONER,
    );
  }
  const withCitizens = result.efforts.filter((e) => own.perCitizen[e.code] !== undefined);
  for (const e of withCitizens) {
    areaTable(
      l3,
      `${e.name}: pr. borger i tilbud (enhedsudgift)`,
      (r) => fixed(r.perCitizen[e.code] ?? []),
      KRONER,
    );
  }

  // Level 4
  const l4 = wb.addWorksheet(MONITORING_SHEETS.level4);
  l4.columns = [{ width: 10 }, { width: 100 }];
  header(l4.addRow(['År', 'Sekretariatets bemærkninger om tendenser']));
  for (const n of notes) {
    const row = l4.addRow([n.year, n.text]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }

  // Budget against accounts, per area of effort, each year
  const b = wb.addWorksheet(MONITORING_SHEETS.budget);
  b.columns = [
    { width: 52 },
    { width: 8 },
    { width: 16 },
    { width: 16 },
    { width: 16 },
    { width: 12 },
  ];
  header(
    b.addRow([
      'Indsatsområde',
      'År',
      'Budget (kr.)',
      'Regnskab (kr.)',
      'Afvigelse (kr.)',
      'Afvigelse (%)',
    ]),
  );
  for (const e of [
    ...result.efforts.map((x) => ({ name: x.name, f: own.byEffort[x.code] })),
    { name: 'I alt', f: own.total },
  ]) {
    if (e.f === undefined) continue;
    const dev = deviation(e.f);
    const share = deviationShare(e.f);
    years.forEach((y, i) => {
      if (e.f?.budget[i] === null && e.f.accounts[i] === null) return;
      const row = b.addRow([
        e.name,
        y,
        round(e.f?.budget[i]),
        round(e.f?.accounts[i]),
        round(dev[i]),
        share[i] ?? null,
      ]);
      [3, 4, 5].forEach((col) => (row.getCell(col).numFmt = KRONER));
      row.getCell(6).numFmt = PERCENT;
      if (e.name === 'I alt') row.font = { bold: true };
    });
  }

  // About
  const about = wb.addWorksheet(MONITORING_SHEETS.about);
  about.columns = [{ width: 110 }];
  for (const text of [
    'Kilder: Danmarks Statistik, REGK31 (regnskaber), BUDK32 (budgetter) og FOLK1A (befolkning).',
    'Udgifter er nettodriftsudgifter (dranst 1) på de funktioner under 5.28 og 5.38, der er knyttet til et indsatsområde.',
    result.baseYear === null
      ? 'Der er ikke indlæst et prisindeks; alle beløb er i løbende priser.'
      : `Faste priser: løbende priser × indeks ${result.baseYear} / indeks for året.`,
    'Pr. indbygger: voksenområdet pr. 18-64-årig, børneområdet pr. 0-17-årig, befolkningen 1. januar (1. kvartal).',
    'Regionen er summen af kommunerne i regionen; regionens udgift pr. indbygger er et vægtet gennemsnit.',
  ]) {
    about.addRow([text]).alignment = { wrapText: true };
  }

  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
