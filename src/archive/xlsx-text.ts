/**
 * The text of a workbook (XLSX) for search and the publishing guard: every sheet, hidden ones
 * too (they are published with the file), its name as a line and then one line per row with the
 * cells as the cells show them, separated by tabs, so a table of persons in a spreadsheet is read
 * as a table (see domain/privacy/citizen-table.ts).
 */
import ExcelJS from 'exceljs';
import { formatDate, formatNumber } from './cell-format.ts';
import { openOfficeZip, withinBudget } from './office-zip.ts';

type CellValue = ExcelJS.CellValue;

/** What the cell shows: formulas by their result, rich text by its runs, errors by their code. */
export function cellText(value: CellValue | undefined, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value, numFmt);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'SAND' : 'FALSK';
  if (value instanceof Date) return formatDate(value, numFmt);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    return cellText(value.result, numFmt);
  }
  if ('error' in value) return value.error;
  if ('text' in value) return cellText(value.text, numFmt);
  return '';
}

/**
 * One line per row. Rows of two or more cells that follow each other are padded to the same
 * width and every cell ends with a tab: the guard drops a trailing tab as the line's end, so a
 * row whose last cell is empty keeps the width of its table instead of splitting it.
 */
function sheetLines(sheet: ExcelJS.Worksheet): string[] {
  const rows: { number: number; cells: string[] }[] = [];
  let firstColumn = Infinity;
  sheet.eachRow((row, number) => {
    const cells: string[] = [];
    row.eachCell((cell, col) => {
      // A merged range shows its text once, in its first cell.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const text = cellText(cell.value, cell.numFmt).replace(/\s+/g, ' ').trim();
      if (text === '') return;
      cells[col - 1] = text;
      firstColumn = Math.min(firstColumn, col - 1);
    });
    if (cells.length > 0) rows.push({ number, cells });
  });
  const lines: string[] = [];
  let run: string[][] = [];
  const flush = () => {
    const width = Math.max(0, ...run.map((r) => r.length));
    for (const r of run)
      lines.push(Array.from({ length: width }, (_, i) => `${r[i] ?? ''}\t`).join(''));
    run = [];
  };
  let previous = 0;
  for (const { number, cells } of rows) {
    const shown = Array.from(cells.slice(firstColumn), (c) => c ?? '');
    if (number !== previous + 1 || shown.length < 2) flush();
    // An empty row between tables stays a break between them.
    if (number > previous + 1 && previous > 0) lines.push('');
    if (shown.length < 2) lines.push(shown.join(''));
    else run.push(shown);
    previous = number;
  }
  flush();
  return lines;
}

/** The workbook's text, or null when it cannot be read (broken, encrypted, too large). */
export async function xlsxText(bytes: Uint8Array, maxChars: number): Promise<string | null> {
  const zip = await openOfficeZip(bytes);
  if (zip === null || !zip.names.includes('xl/workbook.xml')) return null;
  if (!(await withinBudget(zip))) return null;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never,
    );
  } catch {
    return null;
  }
  const lines: string[] = [];
  let chars = 0;
  for (const sheet of workbook.worksheets) {
    for (const line of [sheet.name, ...sheetLines(sheet)]) {
      lines.push(line);
      chars += line.length + 1;
      if (chars > maxChars) return lines.join('\n');
    }
  }
  return lines.join('\n');
}
