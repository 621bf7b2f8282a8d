/**
 * A deficit-cover model as an XLSX workbook (exceljs): "Fordelingsnøgle" (population share,
 * usage share, combined key per kommune, the operator's share), "Beløb" (threshold part, part
 * above, total per party) and "Parametre" (the model and the rounding rule). Numbers are numbers
 * with number formats (Danish Excel shows 1.260.562 and 25,00 %); totals are SUM formulas with
 * their computed result stored, and they add up to the deficit to the krone.
 */
import ExcelJS from 'exceljs';
import {
  ROUNDING_RULE_DA,
  toNumber,
  type DeficitCoverResult,
} from '../../domain/financing/index.ts';
import type { DeficitModelFields } from '../../db/repositories/financing.repository.ts';

export const SHEET_KEY = 'Fordelingsnøgle';
export const SHEET_AMOUNTS = 'Beløb';
export const SHEET_PARAMETERS = 'Parametre';

const KRONER = '#,##0';
const SHARE = '0.000%';

function header(row: ExcelJS.Row) {
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: 'top' };
  row.border = { bottom: { style: 'thin' } };
}

function totalRow(row: ExcelJS.Row) {
  row.font = { bold: true };
  row.border = { top: { style: 'thin' } };
}

/** A SUM formula over a column's rows, with the exact result stored. */
const sumOf = (col: string, from: number, to: number, result: number) => ({
  formula: `SUM(${col}${from}:${col}${to})`,
  result,
});

export async function deficitModelWorkbook(
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
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sekretariatet for Nordjysk Socialaftale';
  wb.title = model.name;
  const years = model.usageYears.join(', ');

  // Sheet 1: the allocation key.
  const key = wb.addWorksheet(SHEET_KEY);
  key.columns = [
    { header: 'Part', key: 'party', width: 24 },
    {
      header: `Befolkning ${model.populationPeriod}`,
      key: 'population',
      width: 16,
      style: { numFmt: KRONER },
    },
    { header: 'Befolkningsandel', key: 'populationShare', width: 14, style: { numFmt: SHARE } },
    { header: `Forbrug ${years} (kr.)`, key: 'usage', width: 18, style: { numFmt: KRONER } },
    { header: 'Forbrugsandel', key: 'usageShare', width: 14, style: { numFmt: SHARE } },
    {
      header: 'Samlet nøgle (kommunernes del)',
      key: 'municipalShare',
      width: 18,
      style: { numFmt: SHARE },
    },
    { header: 'Andel af beløbet over grænsen', key: 'key', width: 18, style: { numFmt: SHARE } },
  ];
  header(key.getRow(1));
  for (const m of result.municipalities) {
    key.addRow({
      party: m.name,
      population: m.population,
      populationShare: toNumber(m.populationShare),
      usage: toNumber(m.usage),
      usageShare: toNumber(m.usageShare),
      municipalShare: toNumber(m.municipalShare),
      key: toNumber(m.key),
    });
  }
  key.addRow({
    party: `${result.operator.name} (driftsherre)`,
    key: toNumber(result.operator.key),
  });
  const last = key.rowCount;
  const n = result.municipalities.length;
  const total = key.addRow({
    party: 'I alt',
    population: sumOf(
      'B',
      2,
      n + 1,
      result.municipalities.reduce((a, m) => a + m.population, 0),
    ),
    populationShare: sumOf('C', 2, n + 1, 1),
    usage: sumOf(
      'D',
      2,
      n + 1,
      result.municipalities.reduce((a, m) => a + toNumber(m.usage), 0),
    ),
    usageShare: sumOf(
      'E',
      2,
      n + 1,
      result.municipalities.reduce((a, m) => a + toNumber(m.usageShare), 0),
    ),
    municipalShare: sumOf('F', 2, n + 1, 1),
    key: sumOf('G', 2, last, 1),
  });
  totalRow(total);
  key.views = [{ state: 'frozen', ySplit: 1 }];

  // Sheet 2: the amounts.
  const amounts = wb.addWorksheet(SHEET_AMOUNTS);
  amounts.columns = [
    { header: 'Part', key: 'party', width: 24 },
    { header: 'Op til grænsen (kr.)', key: 'thresholdPart', width: 18, style: { numFmt: KRONER } },
    { header: 'Over grænsen (kr.)', key: 'partAbove', width: 18, style: { numFmt: KRONER } },
    { header: 'I alt (kr.)', key: 'amount', width: 18, style: { numFmt: KRONER } },
  ];
  header(amounts.getRow(1));
  const parties = [
    { ...result.operator, name: `${result.operator.name} (driftsherre)` },
    ...result.municipalities,
  ];
  parties.forEach((p, i) => {
    const r = i + 2;
    amounts.addRow({
      party: p.name,
      thresholdPart: p.thresholdPart,
      partAbove: p.partAbove,
      amount: { formula: `B${r}+C${r}`, result: p.amount },
    });
  });
  const end = parties.length + 1;
  totalRow(
    amounts.addRow({
      party: 'I alt',
      thresholdPart: sumOf('B', 2, end, result.thresholdPart),
      partAbove: sumOf('C', 2, end, result.partAbove),
      amount: sumOf('D', 2, end, result.total),
    }),
  );
  amounts.views = [{ state: 'frozen', ySplit: 1 }];

  // Sheet 3: the parameters and the rounding rule.
  const p = wb.addWorksheet(SHEET_PARAMETERS);
  p.columns = [
    { header: 'Parameter', key: 'k', width: 40 },
    { header: 'Værdi', key: 'v', width: 60 },
  ];
  header(p.getRow(1));
  const rows: [string, string | number, string?][] = [
    ['Model', model.name],
    ['Driftsherre', model.operator],
    ['Underskud (eksempel)', result.total, KRONER],
    ['Grænse: driftsherren betaler alene op til', model.threshold, KRONER],
    ['Driftsherrens andel over grænsen', model.operatorShare, SHARE],
    ['Vægt for befolkning', model.populationWeight, SHARE],
    ['Vægt for forbrug', model.usageWeight, SHARE],
    ['Befolkningstal fra', model.populationPeriod],
    ['Forbrugsår', years],
    ['Afrunding', ROUNDING_RULE_DA],
  ];
  for (const [k, v, fmt] of rows) {
    const row = p.addRow({ k, v });
    if (fmt !== undefined) row.getCell(2).numFmt = fmt;
    row.getCell(2).alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
  }

  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
