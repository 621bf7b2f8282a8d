/**
 * The monitoring pages: upload through the form, the four levels, benchmarks and charts, notes,
 * the workbook download, the mapping page.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestApp, PASSWORD, type TestApp } from '../../../test/support/app.ts';
import { createApp } from '../app.ts';

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
  form.set('_csrf', client.csrf);
  form.set('file', new File([bytes], name, { type: 'text/csv' }));
  return client.request(`/finance/monitoring/import/${kind}`, { method: 'POST', body: form });
}

interface Client {
  csrf: string;
  request(path: string, init?: RequestInit): Promise<Response>;
  form(path: string, fields: Record<string, string>): Promise<Response>;
}

async function pagesClient(
  t: TestApp,
  app: ReturnType<typeof createApp>,
  role: 'secretariat' | 'member',
) {
  const email = `monitoring-${role}@test.dk`;
  await t.services.auth.createUser({ email, name: role, password: PASSWORD, role });
  const session = await t.services.auth.login(email, PASSWORD);
  if (!session) throw new Error('Login mislykkedes');
  const request = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', `sa_session=${session.token}`);
    return await app.request(path, { ...init, headers, redirect: 'manual' });
  };
  const c: Client = {
    csrf: session.csrfToken,
    request,
    form: (path, fields) =>
      request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: session.csrfToken, ...fields }).toString(),
      }),
  };
  return c;
}

void describe('monitoring pages', () => {
  let t: TestApp;
  let secretariat: Client;
  let member: Client;
  before(async () => {
    t = await createTestApp();
    const app = createApp({ services: t.services, config: t.config });
    secretariat = await pagesClient(t, app, 'secretariat');
    member = await pagesClient(t, app, 'member');
  });
  after(() => t.dispose());

  void it('shows an empty page with the upload forms', async () => {
    const res = await secretariat.request('/finance/monitoring');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /id="no-data"/);
    assert.match(html, /action="\/finance\/monitoring\/import\/accounts"/);
    assert.equal((await secretariat.request('/finance/monitoring/monitoring.css')).status, 200);
  });

  void it('imports the tables and shows the levels, benchmarks and charts', async () => {
    const imports = [
      ['accounts', 'regk31-wide-text-latin1.csv'],
      ['budget', 'budk32-long-text.csv'],
      ['price-index', 'price-index.csv'],
    ] as const;
    for (const [kind, file] of imports) {
      const res = await upload(secretariat, kind, file, fixture(file));
      assert.equal(res.status, 200, file);
      assert.match(await res.text(), /tal indlæst/);
    }
    const pop =
      'OMRÅDE;ALDER;TID;INDHOLD\nAalborg;30 år;2023K1;100000\nAalborg;5 år;2023K1;50000\nLæsø;30 år;2023K1;1000\nLæsø;10 år;2023K1;200\n';
    assert.equal((await upload(secretariat, 'population', 'folk1a.csv', pop)).status, 200);
    const res = await secretariat.request(
      '/finance/monitoring?kommune=851&year=2023&prices=current',
    );
    const html = await res.text();
    assert.equal(res.status, 200);
    assert.match(html, /id="level1-table"/);
    // Aalborg 2023: 310.500 + 125.000,5 thousand kr.
    assert.match(html, /435\.501/);
    assert.match(html, /id="budget-table"/);
    assert.match(html, /id="level2-table"/);
    assert.match(html, /id="benchmark-adults"/);
    // 435.500.500 / 100.000 = 4.355 kr. per 18-64-year-old
    assert.match(html, /4\.355/);
    assert.match(html, /<svg/);
    assert.doesNotMatch(html, /style="/);
  });

  void it('refuses a bad file with row numbers', async () => {
    const res = await upload(secretariat, 'population', 'bad.csv', fixture('folk1a-bad-age.csv'));
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /Række 2: Aldersgruppen/);
  });

  void it('saves a note per year', async () => {
    const res = await secretariat.form('/finance/monitoring/notes', {
      year: '2023',
      version: '0',
      text: 'Flere borgere i botilbud.',
    });
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /Notatet for 2023 er gemt/);
    assert.match(html, /Flere borgere i botilbud\./);
    const stale = await secretariat.form('/finance/monitoring/notes', {
      year: '2023',
      version: '0',
      text: 'x',
    });
    assert.equal(stale.status, 409);
  });

  void it('downloads the kommune workbook', async () => {
    const res = await secretariat.request('/finance/monitoring/workbook/851.xlsx');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-disposition') ?? '', /monitorering-851/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    assert.equal(wb.worksheets.length, 6);
  });

  void it('edits the mapping', async () => {
    const page = await (await secretariat.request('/finance/monitoring/functions')).text();
    assert.match(page, /5\.38\.50/);
    const res = await secretariat.form('/finance/monitoring/functions/5.38.52', {
      version: '1',
      name: 'Botilbud til midlertidigt ophold',
      effortCode: '',
      sections: '§ 107',
      note: '',
    });
    assert.equal(res.status, 200);
    const html = await (await secretariat.request('/finance/monitoring')).text();
    assert.match(html, /uden indsatsområde \(tæller ikke med\):\s*5\.38\.52/);
  });

  void it('is for the secretariat only', async () => {
    assert.equal((await member.request('/finance/monitoring')).status, 403);
  });
});
