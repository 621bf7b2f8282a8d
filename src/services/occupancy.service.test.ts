/** Occupancy import (CSV variants and XLSX), the yearly table and budgets, on PGlite or PostgreSQL. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestDb, type TestDb } from '../../test/support/db.ts';
import { OccupancyImportError, occupancyService } from './occupancy.service.ts';

const SECRETARIAT = { userId: 1, role: 'secretariat' as const, committeeIds: [] };

const CSV =
  'Institution;Måned;Pladser;Belagte dage\nKvisten;2024-01;10;279\nKvisten;februar 2024;10;290\nBørnehus Nord;2024-02;7,5;217,5\n';
const latin1 = (s: string) => Uint8Array.from([...s].map((ch) => ch.charCodeAt(0)));

void describe('occupancy service', () => {
  let t: TestDb;
  before(async () => {
    t = await createTestDb();
  });
  after(() => t.dispose());

  void it('imports a Latin-1 CSV and computes months and the year', async () => {
    const s = occupancyService(t.db);
    const summary = await s.importFile(SECRETARIAT, 'belaegning.csv', latin1(CSV));
    assert.deepEqual(summary, {
      institutions: 2,
      months: 3,
      format: 'csv',
      encoding: 'windows-1252',
      years: [2024],
    });
    const table = await s.table(SECRETARIAT, 2024);
    const names = table.map((r) => r.row.name);
    assert.deepEqual(names, ['Børnehus Nord', 'Kvisten']);
    const kvisten = table.find((r) => r.row.name === 'Kvisten')?.row;
    assert.equal(kvisten?.months[0]?.occupancy, 0.9);
    assert.equal(kvisten?.months[1]?.occupancy, 1); // 290 / (10 × 29): leap February
    assert.equal(kvisten?.year.occupancy, (279 + 290) / (310 + 290));
    const nord = table.find((r) => r.row.name === 'Børnehus Nord')?.row;
    assert.equal(nord?.months[1]?.occupancy, 1);
  });

  void it('replaces a month on re-import, from a UTF-8 file with BOM', async () => {
    const s = occupancyService(t.db);
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode(
        'Institution;Måned;Pladser;Belagte dage\nkvisten;jan. 2024;10;310\n',
      ),
    ]);
    const summary = await s.importFile(SECRETARIAT, 'b.csv', bytes);
    assert.equal(summary.encoding, 'utf-8-bom');
    const kvisten = (await s.table(SECRETARIAT, 2024)).find((r) => r.row.name === 'Kvisten')?.row;
    assert.equal(kvisten?.months[0]?.occupancy, 1);
    assert.equal((await s.institutions(SECRETARIAT)).length, 2);
  });

  void it('stores nothing from a file with a bad row, and names the row', async () => {
    const s = occupancyService(t.db);
    const before = await s.table(SECRETARIAT, 2025);
    await assert.rejects(
      s.importFile(
        SECRETARIAT,
        'bad.csv',
        new TextEncoder().encode(
          'Institution;Måned;Pladser;Belagte dage\nNyt Hus;2025-01;5;100\nNyt Hus;2025-02;fem;100\n',
        ),
      ),
      (e: unknown) => {
        assert.ok(e instanceof OccupancyImportError);
        assert.match(e.fields.file ?? '', /^Række 3: Pladser skal være et tal/);
        return true;
      },
    );
    assert.deepEqual(await s.table(SECRETARIAT, 2025), before);
    assert.ok(!(await s.institutions(SECRETARIAT)).some((i) => i.name === 'Nyt Hus'));
    await assert.rejects(
      s.importFile(SECRETARIAT, 'x.xlsx', new TextEncoder().encode('not a workbook')),
      OccupancyImportError,
    );
  });

  void it('imports an XLSX with dates and numbers, and keeps budgets', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Belægning');
    ws.addRow(['Institution', 'Måned', 'Pladser', 'Indskrevne pr. dag']);
    ws.addRow(['Specialbørnehjemmet', new Date(Date.UTC(2023, 1, 1)), 24, 22]);
    ws.addRow(['Specialbørnehjemmet', 'marts 2023', 24, '23,5']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const s = occupancyService(t.db);
    const summary = await s.importFile(SECRETARIAT, 'b.xlsx', bytes);
    assert.equal(summary.format, 'xlsx');
    const row = (await s.table(SECRETARIAT, 2023))[0]?.row;
    assert.equal(row?.months[1]?.figures.occupiedDays, 22 * 28);
    assert.equal(row?.months[1]?.occupancy, 22 / 24);
    const inst = (await s.institutions(SECRETARIAT)).find((i) => i.name === 'Specialbørnehjemmet');
    assert.ok(inst);
    await s.setBudget(SECRETARIAT, inst.id, inst.version, 0.95);
    const again = (await s.table(SECRETARIAT, 2023))[0]?.row;
    assert.equal(again?.budgeted, 0.95);
    assert.equal(again?.months[1]?.mark, 'under-budget');
  });
});
