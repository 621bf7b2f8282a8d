import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppendixImportError, readAppendixImport } from '../../domain/tariffs/appendix-import.ts';
import { buildAppendix, type AppendixSourceLine } from '../../domain/tariffs/index.ts';
import { readAppendixTable } from './appendix-reader.ts';
import { tariffAppendixXlsx } from './tariff-appendix.ts';

const line = (
  operator: string,
  offerId: number,
  offer: string,
  service: string,
  unit: AppendixSourceLine['unit'],
  amount: number,
): AppendixSourceLine => ({
  operator,
  offerId,
  offer,
  service,
  unit,
  targetGroups: ['Voksne'],
  lawSections: ['§ 108'],
  places: 10,
  previous: 100000,
  amount,
});

const LINES = [
  line('Aalborg Kommune', 1, 'Bostedet Kirketoften', 'Døgnophold', 'day', 260050),
  line('Aalborg Kommune', 1, 'Bostedet Kirketoften', 'Aflastning', 'day', 1299550),
  line('Aalborg Kommune', 3, 'Aktivitetstilbud', 'Dagtilbud', 'month', 1349100),
  line('Region Nordjylland', 2, 'Kvisten', 'Støtte', 'hour', 12345678901),
];
const OFFERS = [
  { id: 1, name: 'Bostedet Kirketoften', operator: 'Aalborg Kommune' },
  { id: 2, name: 'Kvisten', operator: 'Region Nordjylland' },
  { id: 3, name: 'Aktivitetstilbud', operator: 'Aalborg Kommune' },
];
const sorted = <T extends { offerId: number; service: string }>(rows: T[]) =>
  [...rows].sort((a, b) => a.offerId - b.offerId || a.service.localeCompare(b.service));

void describe('appendix reader', () => {
  void it('reads our own XLSX appendix back into the same rows (totals skipped)', async () => {
    const bytes = await tariffAppendixXlsx(buildAppendix(2021, LINES), {
      approvedBy: null,
      publishedAt: null,
    });
    const table = await readAppendixTable('takstbilag-2021.xlsx', bytes);
    assert.ok(table.some((r) => r[7] === '2.600,50'));
    const result = readAppendixImport(table, OFFERS);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(
      sorted(result.rows),
      sorted(
        LINES.map((l) => ({
          offerId: l.offerId,
          service: l.service,
          unit: l.unit,
          amount: l.amount,
        })),
      ),
    );
  });

  void it('reads Latin-1 semicolon CSV with Danish numbers, keeping the file row numbers', async () => {
    const text =
      'Driftsherre;Tilbud;Ydelse;Takst\r\n' +
      'Aalborg Kommune;Bostedet Kirketoften;"Døgnophold (døgn)";"2.600,50"\r\n' +
      '\r\n' +
      'Aalborg Kommune;Bostedet Kirketoften;Aflastning (døgn);12,99,5\r\n';
    const bytes = Uint8Array.from([...text].map((ch) => ch.charCodeAt(0)));
    const table = await readAppendixTable('bilag.csv', bytes);
    const result = readAppendixImport(table, OFFERS);
    assert.deepEqual(result.rows, [
      { offerId: 1, service: 'Døgnophold', unit: 'day', amount: 260050 },
    ]);
    assert.deepEqual(result.problems, [
      { line: 4, message: 'Taksten "12,99,5" er ikke et beløb; skriv fx 12.995,50.' },
    ]);
  });

  void it('refuses an empty file and a fake .xlsx', async () => {
    await assert.rejects(readAppendixTable('a.csv', new Uint8Array()), AppendixImportError);
    await assert.rejects(
      readAppendixTable('a.xlsx', new TextEncoder().encode('a;b')),
      (e: unknown) =>
        e instanceof AppendixImportError && /ikke et .xlsx/.test(e.problems[0]?.message ?? ''),
    );
  });
});
