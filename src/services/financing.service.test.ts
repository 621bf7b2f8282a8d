/** Saved deficit models and the XLSX export, on PGlite or (with TEST_DATABASE_URL) PostgreSQL. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { ConflictError, ForbiddenError, ValidationError } from '../domain/errors.ts';
import { createTestDb, type TestDb } from '../../test/support/db.ts';
import { computeDeficit, financingService } from './financing.service.ts';
import { deficitModelWorkbook, SHEET_AMOUNTS, SHEET_KEY } from './xlsx/deficit-model.ts';
import { renderDeficitModelPdf } from './pdf/deficit-model-pdf.ts';

const SECRETARIAT = { userId: 1, role: 'secretariat' as const, committeeIds: [] };
const MEMBER = { userId: 2, role: 'member' as const, committeeIds: [] };

void describe('financing service', () => {
  let t: TestDb;
  before(async () => {
    t = await createTestDb();
  });
  after(() => t.dispose());

  void it('starts a model from the platform population and refuses it until usage is entered', async () => {
    const s = financingService(t.db);
    const f = await s.defaults('Kvisten 2021', 2021);
    assert.equal(f.populationPeriod, '2020K1');
    assert.equal(f.municipalities.length, 11);
    assert.equal(f.municipalities.find((m) => m.name === 'Aalborg')?.population, 217075);
    assert.deepEqual(f.usageYears, [2017, 2018, 2019]);
    const computed = computeDeficit(f);
    assert.equal(computed.ok, false);
    if (!computed.ok)
      assert.match(computed.errors.municipalities ?? '', /Ingen kommune har forbrug/);
    await assert.rejects(s.create(SECRETARIAT, f), ValidationError);
    await assert.rejects(s.list(MEMBER), ForbiddenError);
  });

  void it('saves, computes to the krone, updates with the version and deletes', async () => {
    const s = financingService(t.db);
    const base = await s.defaults('Kvisten 2021', 2021);
    const f = {
      ...base,
      municipalities: base.municipalities.map((m, i) => ({ ...m, usage: [i * 1000, 2000, 0] })),
    };
    const created = await s.create(SECRETARIAT, f);
    assert.equal(created.version, 1);
    assert.deepEqual(created.usageYears, [2017, 2018, 2019]);
    assert.equal(created.operatorShare, 0.25);
    const computed = computeDeficit(created, 1_500_000);
    assert.ok(computed.ok);
    const r = computed.result;
    assert.equal(r.operator.amount, 500_000 + 250_000);
    const sum = r.operator.amount + r.municipalities.reduce((a, m) => a + m.amount, 0);
    assert.equal(sum, 1_500_000);

    const bad = { ...f, operatorShare: 1.5 };
    await assert.rejects(s.update(SECRETARIAT, created.id, 1, bad), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.match(e.fields.operatorShareAboveThreshold ?? '', /mellem 0 og 1/);
      return true;
    });
    const saved = await s.update(SECRETARIAT, created.id, 1, { ...f, threshold: 400_000 });
    assert.equal(saved.version, 2);
    assert.equal(saved.threshold, 400_000);
    await assert.rejects(s.update(SECRETARIAT, created.id, 1, f), ConflictError);
    await assert.rejects(
      s.update(SECRETARIAT, created.id, 2, { ...f, itemId: 999999 }),
      ValidationError,
    );
    await s.remove(SECRETARIAT, created.id, 2);
    assert.equal((await s.list(SECRETARIAT)).length, 0);
  });

  void it('splits a fixed share by population to the krone', async () => {
    const s = financingService(t.db);
    const r = await s.fixedShare(SECRETARIAT, 136_072, '2020K1');
    assert.equal(r.allocations.length, 11);
    assert.equal(
      r.allocations.reduce((a, x) => a + x.amount, 0),
      136_072,
    );
    await assert.rejects(s.fixedShare(SECRETARIAT, 100, '1999K1'), ValidationError);
  });

  void it('exports an XLSX whose amounts add up to the deficit, and a PDF', async () => {
    const s = financingService(t.db);
    const base = await s.defaults('Kvisten 2021', 2021);
    const f = {
      ...base,
      municipalities: base.municipalities.map((m, i) => ({ ...m, usage: [i * 1234, 777, 0] })),
    };
    const computed = computeDeficit(f, 1_234_567);
    assert.ok(computed.ok);
    const bytes = await deficitModelWorkbook(f, computed.result);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    const sheet = wb.getWorksheet(SHEET_AMOUNTS);
    assert.ok(sheet);
    let sum = 0;
    const parties: string[] = [];
    for (let r = 2; r <= 13; r++) {
      const row = sheet.getRow(r);
      parties.push(row.getCell(1).text);
      const total = row.getCell(4).value as { result: number };
      assert.equal(total.result, Number(row.getCell(2).value) + Number(row.getCell(3).value));
      sum += total.result;
    }
    assert.equal(parties[0], 'Region Nordjylland (driftsherre)');
    assert.equal(sum, 1_234_567);
    const totalRow = sheet.getRow(14);
    assert.equal(totalRow.getCell(1).value, 'I alt');
    assert.equal((totalRow.getCell(4).value as { result: number }).result, 1_234_567);
    assert.equal(sheet.getRow(2).getCell(2).numFmt, '#,##0');
    const key = wb.getWorksheet(SHEET_KEY);
    assert.ok(key);
    assert.equal(key.getRow(2).getCell(1).value, 'Aalborg');
    assert.equal(typeof key.getRow(2).getCell(3).value, 'number');

    const pdf = await renderDeficitModelPdf(f, computed.result, null);
    assert.equal(new TextDecoder().decode(pdf.slice(0, 5)), '%PDF-');
  });
});
