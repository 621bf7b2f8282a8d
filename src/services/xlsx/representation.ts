/**
 * The representation matrix as XLSX: one row per kommune and the region, one column per group,
 * the members (name, unit) in the cells, a bottom row per group naming the kommuner with nobody.
 */
import ExcelJS from 'exceljs';
import type { RepresentationMatrix } from '../../domain/groups/index.ts';
import type { GroupMember } from '../../db/repositories/group.repository.ts';

export const MATRIX_SHEET = 'Repræsentation';

const who = (m: GroupMember) =>
  m.organisation ? `${m.personName} (${m.organisation})` : m.personName;

export async function representationXlsx(
  matrix: RepresentationMatrix<GroupMember>,
  date: string,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sekretariatet for Nordjysk Socialaftale';
  const ws = wb.addWorksheet(MATRIX_SHEET, { views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }] });
  ws.addRow([`Repræsentation i grupper pr. ${date.split('-').reverse().join('.')}`]).font = {
    bold: true,
    size: 14,
  };
  const head = ws.addRow(['Kommune / region', ...matrix.groups.map((g) => g.shortName)]);
  head.font = { bold: true };
  head.border = { bottom: { style: 'thin' } };
  for (const row of matrix.rows) {
    const r = ws.addRow([
      row.organisation.name,
      ...row.cells.map((cell) => cell.map(who).join('\n')),
    ]);
    r.alignment = { wrapText: true, vertical: 'top' };
    row.cells.forEach((cell, i) => {
      if (cell.length === 0 && row.organisation.kind === 'municipality')
        r.getCell(i + 2).fill = {
          type: 'pattern',
          pattern: 'solid',
          fgColor: { argb: 'FFFCE4D6' },
        };
    });
  }
  const other = ws.addRow(['Andre', ...matrix.others.map((cell) => cell.map(who).join('\n'))]);
  other.alignment = { wrapText: true, vertical: 'top' };
  const gaps = ws.addRow([
    'Kommuner uden repræsentant',
    ...matrix.gaps.map((g) =>
      g.length === 0 ? 'Ingen' : g.map((o) => o.name.replace(/ Kommune$/, '')).join(', '),
    ),
  ]);
  gaps.font = { bold: true };
  gaps.alignment = { wrapText: true, vertical: 'top' };
  gaps.border = { top: { style: 'thin' } };
  ws.getColumn(1).width = 28;
  for (let i = 2; i <= matrix.groups.length + 1; i++) ws.getColumn(i).width = 26;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
