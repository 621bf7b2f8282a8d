/** The monitoring API over a real database: imports of each table, levels, benchmark, workbook. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestApp, type Client, type TestApp } from '../../../test/support/app.ts';
import { MONITORING_SHEETS } from '../../services/xlsx/monitoring-workbook.ts';

const fixture = (name: string) =>
  new Uint8Array(
    readFileSync(new URL(`../../domain/monitoring/fixtures/${name}`, import.meta.url)),
  );

async function upload(
  client: Client,
  kind: string,
  name: string,
  bytes: Uint8Array<ArrayBuffer> | string,
) {
  const form = new FormData();
  form.set('file', new File([bytes], name, { type: 'text/csv' }));
  return client.request(`/api/finance/monitoring/imports/${kind}`, {
    method: 'POST',
    headers: { 'x-csrf-token': client.csrf },
    body: form,
  });
}

interface Model {
  years: number[];
  baseYear: number | null;
  region: { accounts: (number | null)[]; perInhabitant: { adults: (number | null)[] } } | null;
  municipalities: {
    code: string;
    accounts: (number | null)[];
    budget: (number | null)[];
    deviation: (number | null)[];
    accountsFixed: (number | null)[];
    perInhabitant: { adults: (number | null)[]; children: (number | null)[] };
  }[];
  unmapped: { functionCode: string }[];
  notes: { year: number; text: string; version: number }[];
}

void describe('monitoring API', () => {
  let t: TestApp;
  let secretariat: Client;
  let member: Client;
  before(async () => {
    t = await createTestApp();
    secretariat = await t.login('secretariat');
    member = await t.login('member');
  });
  after(() => t.dispose());

  void it('imports REGK31, BUDK32, FOLK1A and a price index, and computes the levels', async () => {
    for (const [kind, file] of [
      ['accounts', 'regk31-long-text-bom.csv'],
      ['accounts', 'regk31-wide-text-latin1.csv'],
      ['budget', 'budk32-long-text.csv'],
      ['population', 'folk1a-long-text-bom.csv'],
      ['price-index', 'price-index.csv'],
    ] as const) {
      const res = await upload(secretariat, kind, file, fixture(file));
      assert.equal(res.status, 201, `${file}: ${await res.clone().text()}`);
    }
    const res = await secretariat.request('/api/finance/monitoring');
    assert.equal(res.status, 200);
    const m = (await res.json()) as Model;
    assert.deepEqual(m.years, [2021, 2022, 2023]);
    assert.equal(m.baseYear, 2023);
    const aalborg = m.municipalities.find((x) => x.code === '851');
    // 5.38.50 + 5.38.52 in 1.000 kr.; the wide file replaced 2022 with the same figures.
    assert.deepEqual(aalborg?.accounts, [290_000_000, 421_234_000, 435_500_500]);
    assert.deepEqual(aalborg?.budget, [null, 295_000_000, null]);
    assert.deepEqual(aalborg?.deviation, [null, 421_234_000 - 295_000_000, null]);
    assert.equal(aalborg?.accountsFixed[0], 290_000_000 * 1.085);
    // Aalborg's population is only for 2024 in the fixture: no per-inhabitant figures.
    assert.deepEqual(aalborg?.perInhabitant.adults, [null, null, null]);
    assert.equal(m.region?.accounts[1], 421_234_000 - 12_000);
  });

  void it('refuses a bad file with row numbers and stores nothing', async () => {
    const res = await upload(
      secretariat,
      'population',
      'folk1a-bad-age.csv',
      fixture('folk1a-bad-age.csv'),
    );
    assert.equal(res.status, 400);
    const body = (await res.json()) as { error: string; fields: { file: string } };
    assert.match(body.fields.file, /Række 2: Aldersgruppen "15-19 år"/);
    assert.match(body.fields.file, /Række 4: Området "Narnia" kendes ikke/);
    const xlsx = await upload(
      secretariat,
      'accounts',
      'x.xlsx',
      new Uint8Array([0x50, 0x4b, 3, 4]),
    );
    assert.equal(xlsx.status, 400);
    const unknown = await upload(secretariat, 'nonsense', 'x.csv', 'a;b');
    assert.equal(unknown.status, 404);
  });

  void it('computes per inhabitant and benchmarks when population matches the years', async () => {
    const pop =
      'OMRÅDE;ALDER;TID;INDHOLD\nAalborg;30 år;2023K1;100000\nLæsø;30 år;2023K1;1000\nLæsø;10 år;2023K1;200\n';
    assert.equal((await upload(secretariat, 'population', 'p.csv', pop)).status, 201);
    const res = await secretariat.request(
      '/api/finance/monitoring/benchmark?year=2023&group=adults',
    );
    assert.equal(res.status, 200);
    const b = (await res.json()) as {
      region: { value: number };
      municipalities: {
        code: string;
        value: number | null;
        rank: number | null;
        index: number | null;
      }[];
    };
    const aal = b.municipalities.find((x) => x.code === '851');
    assert.equal(aal?.value, 435_500_500 / 100_000);
    assert.equal(aal?.rank, 1);
    assert.equal(b.region.value, (435_500_500 + 0) / 101_000);
    const bad = await secretariat.request('/api/finance/monitoring/benchmark?group=elves');
    assert.equal(bad.status, 400);
  });

  void it('edits the mapping and stores notes with versions', async () => {
    const fns = (await (await secretariat.request('/api/finance/monitoring/functions')).json()) as {
      functions: { functionCode: string; version: number; effortCode: string | null }[];
    };
    const f = fns.functions.find((x) => x.functionCode === '5.38.52');
    assert.equal(f?.effortCode, 'botilbud');
    const put = await secretariat.json('/api/finance/monitoring/functions/5.38.52', 'PUT', {
      version: f?.version,
      name: 'Botilbud til midlertidigt ophold',
      effortCode: null,
      sections: '§ 107',
      note: '',
    });
    assert.equal(put.status, 204);
    const m = (await (await secretariat.request('/api/finance/monitoring')).json()) as Model;
    assert.deepEqual(
      m.unmapped.map((u) => u.functionCode),
      ['5.38.52'],
    );
    const stale = await secretariat.json('/api/finance/monitoring/functions/5.38.52', 'PUT', {
      version: f?.version,
      name: 'X',
      effortCode: null,
    });
    assert.equal(stale.status, 409);
    const note = await secretariat.json('/api/finance/monitoring/notes/2023', 'PUT', {
      version: 0,
      text: 'Flere i § 108.',
    });
    assert.equal(note.status, 204);
    const again = await secretariat.json('/api/finance/monitoring/notes/2023', 'PUT', {
      version: 0,
      text: 'x',
    });
    assert.equal(again.status, 409);
    const upd = await secretariat.json('/api/finance/monitoring/notes/2023', 'PUT', {
      version: 1,
      text: 'Flere borgere i § 108-tilbud.',
    });
    assert.equal(upd.status, 204);
  });

  void it('downloads a kommune workbook with one sheet per level', async () => {
    const res = await secretariat.request('/api/finance/monitoring/workbook/851');
    assert.equal(res.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    assert.deepEqual(
      wb.worksheets.map((s) => s.name),
      Object.values(MONITORING_SHEETS),
    );
    const l1 = wb.getWorksheet(MONITORING_SHEETS.level1);
    assert.equal(l1?.getRow(3).getCell(1).value, 'Regnskab, løbende priser');
    // 5.38.52 was unmapped above: only 5.38.50 counts now.
    assert.equal(l1?.getRow(3).getCell(4).value, 310_500_000);
    const l4 = wb.getWorksheet(MONITORING_SHEETS.level4);
    assert.equal(l4?.getRow(2).getCell(2).value, 'Flere borgere i § 108-tilbud.');
    assert.equal((await secretariat.request('/api/finance/monitoring/workbook/101')).status, 404);
  });

  void it('is for the secretariat only', async () => {
    assert.equal((await member.request('/api/finance/monitoring')).status, 403);
    assert.equal(
      (await upload(member, 'accounts', 'a.csv', fixture('budk32-long-text.csv'))).status,
      403,
    );
  });
});
