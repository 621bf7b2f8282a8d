/**
 * Reads a tariff appendix file (XLSX or CSV) into rows of text cells for the appendix import:
 * row i of the result is row i+1 of the file (so messages name the file's rows). XLSX: the sheet
 * "Takstbilag", else the first sheet with the appendix header; numbers are written back the
 * Danish way (2600.5 → "2.600,50") and the product's total rows ("I alt …") are left empty. CSV:
 * semicolon (or tab) separated, UTF-8 with or without BOM, or Windows-1252.
 */
import ExcelJS from 'exceljs';
import { decodeText, parseCsv } from '../../domain/occupancy/csv.ts';
import { formatOre } from '../../domain/offers/money.ts';
import { AppendixImportError, findAppendixHeader } from '../../domain/tariffs/appendix-import.ts';
import { APPENDIX_SHEET } from './tariff-appendix.ts';

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** A number as Danish text: whole numbers plain, amounts with two decimals, else a comma. */
function danishNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const ore = Math.round(n * 100);
  if (Math.abs(n * 100 - ore) < 1e-6 && Number.isSafeInteger(ore)) return formatOre(ore, true);
  return String(n).replace('.', ',');
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return danishNumber(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result);
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
  }
  return '';
}

function sheetTable(sheet: ExcelJS.Worksheet): string[][] {
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    while (table.length < line - 1) table.push([]);
    table[line - 1] = Array.from(cells, (c) => c ?? '');
  });
  return table;
}

/** Empties the product's total rows ("I alt …" with only the places filled in). */
function withoutTotals(table: string[][]): string[][] {
  return table.map((row) =>
    /^i alt\b/i.test((row[0] ?? '').trim()) && row.slice(1, 5).every((c) => c.trim() === '')
      ? []
      : row,
  );
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  } catch {
    throw new AppendixImportError([
      {
        line: null,
        message: 'Regnearket kan ikke læses. Gem det som .xlsx (Excel-projektmappe) og prøv igen.',
      },
    ]);
  }
  const named = workbook.getWorksheet(APPENDIX_SHEET);
  if (named !== undefined) return withoutTotals(sheetTable(named));
  for (const sheet of workbook.worksheets) {
    const table = sheetTable(sheet);
    if (findAppendixHeader(table) >= 0) return withoutTotals(table);
  }
  throw new AppendixImportError([
    {
      line: null,
      message: `Regnearket har intet ark "${APPENDIX_SHEET}" og intet ark med takstbilagets kolonner (Driftsherre, Tilbud, Ydelse, Takst).`,
    },
  ]);
}

function readCsv(bytes: Uint8Array): string[][] {
  const table: string[][] = [];
  for (const row of parseCsv(decodeText(bytes).text)) {
    while (table.length < row.line - 1) table.push([]);
    table[row.line - 1] = [...row.cells];
  }
  return withoutTotals(table);
}

/** The file's rows as text; an unreadable file throws AppendixImportError. */
export async function readAppendixTable(filename: string, bytes: Uint8Array): Promise<string[][]> {
  if (bytes.length === 0) throw new AppendixImportError([{ line: null, message: 'Filen er tom.' }]);
  const isXlsx = XLSX_MAGIC.every((b, i) => bytes[i] === b);
  if (isXlsx) return readXlsx(bytes);
  if (/\.xlsx?$/i.test(filename))
    throw new AppendixImportError([
      { line: null, message: 'Filen er ikke et .xlsx-regneark. Gem den som .xlsx eller CSV.' },
    ]);
  return readCsv(bytes);
}
