/**
 * The tariff appendix as XLSX (exceljs): a front page, then one sheet with the columns
 * Driftsherre | Tilbud | Ydelse | Målgruppe | Lovgrundlag | Pladser | Takst forrige år | Takst |
 * Ændring %, grouped by operator with a total of places per operator and overall. Amounts are
 * written as numbers in kroner with two decimals (from øre, exactly: øre/100 has ≤ 2 decimals).
 */
import ExcelJS from 'exceljs';
import { APPENDIX_COLUMNS, type Appendix } from '../../domain/tariffs/index.ts';

export interface AppendixMeta {
  approvedBy: string | null;
  publishedAt: Date | null;
}

export const APPENDIX_SHEET = 'Takstbilag';

export async function tariffAppendixXlsx(
  appendix: Appendix,
  meta: AppendixMeta,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sekretariatet for Nordjysk Socialaftale';
  const front = wb.addWorksheet('Forside');
  front.getColumn(1).width = 100;
  front.addRow([`Takstbilag ${appendix.year}`]).font = { size: 20, bold: true };
  front.addRow(['Nordjysk Socialaftale – takster for tilbud omfattet af styringsaftalen']);
  front.addRow([]);
  front.addRow([`Tilbud: ${appendix.offerCount}`]);
  front.addRow([`Ydelser: ${appendix.rowCount}`]);
  front.addRow([`Pladser i alt: ${appendix.totalPlaces}`]);
  front.addRow([`Driftsherrer: ${appendix.groups.length}`]);
  front.addRow([meta.approvedBy === null ? 'Ikke godkendt endnu' : `Godkendt: ${meta.approvedBy}`]);

  const ws = wb.addWorksheet(APPENDIX_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = APPENDIX_COLUMNS.map((header, i) => ({
    header,
    width: [26, 32, 30, 28, 18, 9, 16, 14, 11][i] ?? 14,
  }));
  ws.getRow(1).font = { bold: true };
  const money = '#,##0.00';
  for (const group of appendix.groups) {
    for (const r of group.rows) {
      const row = ws.addRow([
        r.operator,
        r.offer,
        r.service,
        r.targetGroup,
        r.lawSection,
        r.places,
        r.previous === null ? null : r.previous / 100,
        r.amount / 100,
        r.change === null ? null : r.change / 100,
      ]);
      row.getCell(7).numFmt = money;
      row.getCell(8).numFmt = money;
      row.getCell(9).numFmt = '0.00';
    }
    const total = ws.addRow([`I alt ${group.operator}`, null, null, null, null, group.totalPlaces]);
    total.font = { bold: true };
  }
  const all = ws.addRow(['I alt', null, null, null, null, appendix.totalPlaces]);
  all.font = { bold: true };
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
