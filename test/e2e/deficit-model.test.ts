/**
 * Issue 5, "Done means": in Chromium the secretariat builds a deficit-cover model, changes the
 * example deficit, downloads the XLSX, and the test reads it back: the amounts add up to the
 * deficit and are the amounts on the page. Screenshots go to /tmp/e2e-deficit-*.png.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { loadConfig } from '../../src/config.ts';
import { createApp } from '../../src/http/app.ts';
import { systemClock } from '../../src/services/clock.ts';
import { createServices } from '../../src/services/index.ts';
import { SHEET_AMOUNTS } from '../../src/services/xlsx/deficit-model.ts';
import { launchBrowser } from '../support/browser.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const EMAIL = 'oekonomi@socialaftale.test';
const PASSWORD = 'en-lang-e2e-adgangskode-77';

const USAGE: Record<string, [string, string, string]> = {
  Aalborg: ['2.104.332', '2.540.120', '2.901.554'],
  Brønderslev: ['447.455', '746.001', '1.260.562'],
  Hjørring: ['1.020.450', '990.120', '1.150.000'],
  Morsø: ['120.000', '95.500', '130.250'],
};

const kroner = (text: string) => Number(text.replace(/\./g, '').trim());

async function submit(page: Page, button: Locator): Promise<number> {
  const response = page.waitForResponse(
    (r) =>
      r.request().isNavigationRequest() &&
      r.frame() === page.mainFrame() &&
      (r.status() < 300 || r.status() >= 400),
  );
  const loaded = page.waitForEvent('load');
  await button.click();
  const [res] = await Promise.all([response, loaded]);
  return res.status();
}

/** Party → amount from the page's amount table (tbody rows). */
async function pageAmounts(page: Page): Promise<Map<string, number>> {
  const rows = await page.locator('#deficit-amounts tbody tr').all();
  const out = new Map<string, number>();
  for (const row of rows) {
    const party = (await row.locator('th').innerText()).trim();
    out.set(party, kroner(await row.locator('td.amount').innerText()));
  }
  return out;
}

void describe('deficit model in Chromium', () => {
  let t: TestDb;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    t = await createTestDb();
    const config = { ...loadConfig({}, {}), maxUploadBytes: 1024 * 1024 };
    const services = createServices(t.db, systemClock, config);
    await services.auth.createUser({
      email: EMAIL,
      name: 'Økonomikonsulent',
      password: PASSWORD,
      role: 'secretariat',
    });
    server = await startServer(createApp({ services, config }));
    browser = await launchBrowser();
    const context = await browser.newContext({
      baseURL: server.url,
      locale: 'da-DK',
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await t?.dispose();
  });

  void it('builds a model, changes the example deficit and reads the XLSX back', async () => {
    await page.goto('/login');
    await page.fill('#email', EMAIL);
    await page.fill('#password', PASSWORD);
    await submit(page, page.getByRole('button', { name: 'Log ind' }));

    await page.goto('/finance');
    await page.fill('#name', 'Underskudsdækning Kvisten 2021');
    assert.equal(await submit(page, page.getByRole('button', { name: 'Ny model' })), 200);
    assert.match(new URL(page.url()).pathname, /^\/finance\/deficit\/\d+$/);
    assert.match(await page.locator('main').innerText(), /Modellen kan ikke beregnes endnu/);

    // A bad share: the Danish message stands beside the field.
    await page.fill('#operatorShareAboveThreshold', '1,5');
    await page.fill('#usageYears', '2017-2019');
    for (const [name, values] of Object.entries(USAGE)) {
      const row = page.locator('.finance-grid tbody tr', {
        has: page.locator(`input[value="${name}"]`),
      });
      const inputs = row.locator('input.input-number');
      for (let j = 0; j < 3; j++) await inputs.nth(j + 1).fill(values[j] ?? '0');
    }
    assert.equal(await submit(page, page.getByRole('button', { name: 'Gem og beregn' })), 400);
    const group = page.locator('.form-group', {
      has: page.locator('#operatorShareAboveThreshold'),
    });
    assert.match(await group.locator('.form-error-message').innerText(), /mellem 0 og 1/);

    await page.fill('#operatorShareAboveThreshold', '0,25');
    const saved = await submit(page, page.getByRole('button', { name: 'Gem og beregn' }));
    assert.equal(saved, 200);
    assert.match(await page.locator('.alert-success').innerText(), /Modellen er gemt/);
    assert.equal(kroner(await page.locator('#deficit-total').innerText()), 1_500_000);

    // Change the example deficit on the page.
    await page.fill('#deficit', '2.345.678');
    assert.equal(
      await submit(page, page.getByRole('button', { name: 'Beregn', exact: true })),
      200,
    );
    assert.equal(kroner(await page.locator('#deficit-total').innerText()), 2_345_678);
    const shown = await pageAmounts(page);
    assert.equal(
      [...shown.values()].reduce((a, b) => a + b, 0),
      2_345_678,
    );
    assert.equal(shown.get('Region Nordjylland (driftsherre)'), 500_000 + 461_420); // 25 % of 1.845.678, rounded
    await page.screenshot({ path: '/tmp/e2e-deficit-model.png', fullPage: true });

    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Hent som Excel (XLSX)' }).click(),
    ]);
    assert.match(file.suggestedFilename(), /\.xlsx$/);
    const bytes = readFileSync(await file.path());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const sheet = wb.getWorksheet(SHEET_AMOUNTS);
    assert.ok(sheet, 'arket Beløb findes');
    const fromXlsx = new Map<string, number>();
    let totalRow = 0;
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const party = row.getCell(1).text;
      const cell = row.getCell(4).value as number | { result: number };
      const amount = typeof cell === 'number' ? cell : cell.result;
      if (party === 'I alt') totalRow = amount;
      else fromXlsx.set(party, amount);
    });
    assert.equal(totalRow, 2_345_678);
    assert.equal(
      [...fromXlsx.values()].reduce((a, b) => a + b, 0),
      2_345_678,
    );
    assert.deepEqual(fromXlsx, shown);
  });
});
