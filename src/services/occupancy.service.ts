/**
 * Occupancy: import monthly figures per institution from CSV or XLSX (all rows or none), the
 * DAS table per year, and each institution's budgeted occupancy. Secretariat only.
 */
import ExcelJS from 'exceljs';
import { ValidationError } from '../domain/errors.ts';
import {
  decodeText,
  describeProblem,
  institutionYear,
  MAX_PROBLEMS,
  parseCsv,
  readOccupancyRows,
  type Cell,
  type ImportProblem,
  type InstitutionYear,
  type SheetRow,
  type TextEncodingName,
} from '../domain/occupancy/index.ts';
import type { Viewer } from '../domain/meetings/index.ts';
import type { Db } from '../db/client.ts';
import {
  occupancyRepository,
  type InstitutionRow,
} from '../db/repositories/occupancy.repository.ts';
import { requireFinance } from './financing.service.ts';

/** A file that could not be imported: every problem with its row number; nothing was stored. */
export class OccupancyImportError extends ValidationError {
  override name = 'OccupancyImportError';
  constructor(public readonly problems: readonly ImportProblem[]) {
    const shown = problems.slice(0, MAX_PROBLEMS).map(describeProblem);
    const more = problems.length - shown.length;
    super(
      { file: shown.join(' ') + (more > 0 ? ` (og ${more} fejl mere)` : '') },
      'Filen kunne ikke indlæses, og intet er gemt. Ret fejlene og prøv igen.',
    );
  }
}

export interface ImportSummary {
  institutions: number;
  months: number;
  format: 'csv' | 'xlsx';
  encoding: TextEncodingName | null;
  years: number[];
}

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Rows of the first worksheet, cells as text, number or date. */
export async function readXlsxRows(bytes: Uint8Array): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  } catch {
    throw new OccupancyImportError([
      {
        line: null,
        message: 'Regnearket kan ikke læses. Gem det som .xlsx (Excel-projektmappe) og prøv igen.',
      },
    ]);
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) return [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = xlsxCell(cell.value);
    });
    rows.push({ line, cells });
  });
  return rows;
}

function xlsxCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    if ('result' in value) return xlsxCell(value.result);
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
  }
  return null;
}

export function occupancyService(db: Db) {
  const repo = occupancyRepository(db);
  return {
    /**
     * Reads a CSV or XLSX file and stores its months (replacing figures already stored for the
     * same institution and month), all in one transaction. A bad file stores nothing and throws
     * OccupancyImportError with the row numbers.
     */
    async importFile(viewer: Viewer, filename: string, bytes: Uint8Array): Promise<ImportSummary> {
      requireFinance(viewer);
      if (bytes.length === 0) {
        throw new OccupancyImportError([{ line: null, message: 'Filen er tom.' }]);
      }
      const isXlsx = XLSX_MAGIC.every((b, i) => bytes[i] === b);
      if (!isXlsx && /\.xlsx?$/i.test(filename)) {
        throw new OccupancyImportError([
          { line: null, message: 'Filen er ikke et .xlsx-regneark. Gem den som .xlsx eller CSV.' },
        ]);
      }
      let rows: SheetRow[];
      let encoding: TextEncodingName | null = null;
      if (isXlsx) rows = await readXlsxRows(bytes);
      else {
        const decoded = decodeText(bytes);
        encoding = decoded.encoding;
        rows = parseCsv(decoded.text);
      }
      const result = readOccupancyRows(rows);
      if (!result.ok) throw new OccupancyImportError(result.problems);
      await db.transaction(async (tx) => {
        const r = occupancyRepository(tx);
        const ids = new Map<string, number>();
        for (const rec of result.records) {
          const key = rec.institution.toLowerCase();
          let id = ids.get(key);
          if (id === undefined) {
            id = await r.ensureInstitution(rec.institution);
            ids.set(key, id);
          }
          await r.upsertMonth({
            institutionId: id,
            month: rec.month,
            places: rec.places,
            occupiedDays: rec.occupiedDays,
          });
        }
      });
      return {
        institutions: new Set(result.records.map((r) => r.institution.toLowerCase())).size,
        months: result.records.length,
        format: isXlsx ? 'xlsx' : 'csv',
        encoding,
        years: [...new Set(result.records.map((r) => Number(r.month.slice(0, 4))))].sort(),
      };
    },
    /** The years with figures, newest first. */
    async years(viewer: Viewer): Promise<number[]> {
      requireFinance(viewer);
      return repo.years();
    },
    /** The DAS table for `year`: one row per institution with figures that year. */
    async table(
      viewer: Viewer,
      year: number,
    ): Promise<{ institution: InstitutionRow; row: InstitutionYear }[]> {
      requireFinance(viewer);
      const [institutions, months] = await Promise.all([repo.institutions(), repo.months(year)]);
      return institutions
        .map((institution) => ({
          institution,
          row: institutionYear(
            institution.name,
            institution.budgetedOccupancy,
            months.filter((m) => m.institutionId === institution.id),
            year,
          ),
        }))
        .filter((r) => r.row.year.months > 0);
    },
    async institutions(viewer: Viewer): Promise<InstitutionRow[]> {
      requireFinance(viewer);
      return repo.institutions();
    },
    async setBudget(
      viewer: Viewer,
      id: number,
      version: number,
      budgeted: number | null,
    ): Promise<void> {
      requireFinance(viewer);
      await repo.setBudget(id, version, budgeted);
    },
  };
}
export type OccupancyService = ReturnType<typeof occupancyService>;
