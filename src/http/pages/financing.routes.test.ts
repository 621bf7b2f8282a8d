/** The finance pages over the app (with the finance routes mounted): forms, errors, exports. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestApp, PASSWORD, type TestApp } from '../../../test/support/app.ts';
import { financingService } from '../../services/financing.service.ts';
import { SHEET_AMOUNTS } from '../../services/xlsx/deficit-model.ts';
import { createApp } from '../app.ts';

const SECRETARIAT = { userId: 1, role: 'secretariat' as const, committeeIds: [] };

void describe('finance pages', () => {
  let t: TestApp;
  let app: ReturnType<typeof createApp>;
  let cookie = '';
  let csrf = '';
  const get = (path: string) => app.request(path, { headers: { cookie }, redirect: 'manual' });
  const post = (path: string, fields: Record<string, string>) =>
    app.request(path, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
      redirect: 'manual',
    });
  const postFile = (path: string, name: string, bytes: Uint8Array) => {
    const form = new FormData();
    form.set('_csrf', csrf);
    form.set('file', new File([bytes as BlobPart], name));
    return app.request(path, {
      method: 'POST',
      headers: { cookie },
      body: form,
      redirect: 'manual',
    });
  };

  before(async () => {
    t = await createTestApp();
    app = createApp({ services: t.services, config: t.config });
    await t.services.auth.createUser({
      email: 'oekonomi@test.dk',
      name: 'Økonomi',
      password: PASSWORD,
      role: 'secretariat',
    });
    const session = await t.services.auth.login('oekonomi@test.dk', PASSWORD);
    assert.ok(session);
    cookie = `sa_session=${session.token}`;
    csrf = session.csrfToken;
  });
  after(() => t.dispose());

  void it('keeps anonymous visitors out', async () => {
    const res = await app.request('/finance', { redirect: 'manual' });
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location') ?? '', /^\/login/);
  });

  void it('creates a model, shows field errors beside the field, saves and exports', async () => {
    const created = await post('/finance/deficit', { name: 'Kvisten 2021' });
    assert.equal(created.status, 303);
    const path = created.headers.get('location') ?? '';
    assert.match(path, /^\/finance\/deficit\/\d+$/);
    let html = await (await get(path)).text();
    assert.match(html, /Modellen kan ikke beregnes endnu/);
    assert.match(html, /Ingen kommune har forbrug/);
    assert.match(html, /divisormetoden/);

    // Read the form back as the browser would send it, then change fields.
    const fields: Record<string, string> = {};
    for (const m of html.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) {
      fields[m[1] ?? ''] = (m[2] ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    }
    for (const m of html.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
      fields[m[1] ?? ''] = /<option value="([^"]*)" selected/.exec(m[2] ?? '')?.[1] ?? '';
    }
    delete fields._csrf;
    assert.equal(fields['municipalities.1.population'], '36.304');
    const bad = await post(path, {
      ...fields,
      action: 'save',
      operatorShareAboveThreshold: '1,5',
      'municipalities.1.usage.2': '1.260.562',
    });
    assert.equal(bad.status, 400);
    html = await bad.text();
    assert.match(
      html,
      /form-error[\s\S]{0,400}Driftsherrens andel over grænsen \(operatorShareAboveThreshold\) skal ligge mellem 0 og 1/,
    );
    assert.match(html, /value="1\.260\.562"/); // what was typed is shown again
    const notNumber = await post(path, { ...fields, action: 'save', threshold: 'fem' });
    assert.equal(notNumber.status, 400);
    assert.match(await notNumber.text(), /Skriv et tal, fx 1\.260\.562/);

    const ok = await post(path, {
      ...fields,
      action: 'save',
      'municipalities.1.usage.0': '447.455',
      'municipalities.1.usage.1': '746.001',
      'municipalities.1.usage.2': '1.260.562',
      'municipalities.3.usage.2': '300.000',
    });
    assert.equal(ok.status, 303);
    html = await (await get(`${path}?deficit=2.000.000`)).text();
    assert.match(html, /id="deficit-total">2\.000\.000</);
    assert.match(html, /Region Nordjylland \(driftsherre\)/);
    assert.match(html, /Samlet nøgle/);

    const xlsx = await get(`${path}/model.xlsx?deficit=2000000`);
    assert.equal(xlsx.status, 200);
    assert.match(xlsx.headers.get('content-disposition') ?? '', /kvisten-2021-2000000\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    const sheet = wb.getWorksheet(SHEET_AMOUNTS);
    let sum = 0;
    for (let r = 2; r <= 13; r++)
      sum += (sheet?.getRow(r).getCell(4).value as { result: number }).result;
    assert.equal(sum, 2_000_000);

    const pdf = await get(`${path}/model.pdf`);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  });

  void it('fills the population from the series without saving', async () => {
    const s = financingService(t.db);
    const [first] = await s.list(SECRETARIAT);
    assert.ok(first);
    const res = await post(`/finance/deficit/${first.id}`, {
      action: 'fill-population',
      populationPeriod: '2020K1',
      municipalityCount: '1',
      'municipalities.0.name': 'Læsø',
      'municipalities.0.population': '1',
    });
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /Befolkningstallene for 2020K1 er hentet/);
    assert.match(html, /value="1\.786"/);
  });

  void it('splits a fixed share and refuses a bad amount', async () => {
    const res = await get('/finance/fixed-share?amount=136.072&period=2020K1');
    assert.equal(res.status, 200);
    assert.match(await res.text(), /136\.072 kr\. fordelt efter befolkningstal 2020K1/);
    const bad = await get('/finance/fixed-share?amount=abc');
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /Skriv beløbet i hele kroner/);
  });

  void it('imports occupancy, shows the table and chart, and reports bad rows', async () => {
    const csv = new TextEncoder().encode(
      'Institution;Måned;Pladser;Belagte dage\nKvisten;2024-01;10;320\nKvisten;2024-02;10;200\n',
    );
    const res = await postFile('/finance/occupancy/import', 'b.csv', csv);
    assert.equal(res.status, 200);
    let html = await res.text();
    assert.match(html, /Filen er indlæst/);
    assert.match(html, /id="occupancy-table"/);
    assert.match(html, /103,2 %/); // 320 / 310
    assert.match(html, /<svg/);
    const bad = await postFile(
      '/finance/occupancy/import',
      'c.csv',
      new TextEncoder().encode('Institution;Måned;Pladser;Belagte dage\nKvisten;2024-13;10;1\n'),
    );
    assert.equal(bad.status, 400);
    html = await bad.text();
    assert.match(html, /Række 2: Måned &quot;2024-13&quot; kan ikke læses/);

    const page = await (await get('/finance/occupancy')).text();
    const id = /\/finance\/occupancy\/institutions\/(\d+)\/budget/.exec(page)?.[1];
    assert.ok(id);
    const badBudget = await post(`/finance/occupancy/institutions/${id}/budget`, {
      version: '1',
      budgeted: 'høj',
    });
    assert.equal(badBudget.status, 400);
    assert.match(await badBudget.text(), /Skriv den budgetterede belægning i procent/);
    const budget = await post(`/finance/occupancy/institutions/${id}/budget`, {
      version: '1',
      budgeted: '95',
    });
    assert.equal(budget.status, 303);
    assert.match(await (await get('/finance/occupancy')).text(), /under budget/);
  });
});
