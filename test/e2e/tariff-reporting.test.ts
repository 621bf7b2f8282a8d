/**
 * Tariff reporting in Chromium against the real app on a loopback port (issue 4, "Done means"):
 * the secretariat opens a round, an operator reports two offers (one with a large change and its
 * reason), submits, the secretariat approves, builds the appendix (records the approving DAS
 * item and publishes it), and the test downloads the XLSX, reads it back and checks the rows.
 * Screenshots go to /tmp/e2e-tariff-*.png.
 *
 * The tests in this file run in order and share one round; each builds on the one before.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../src/config.ts';
import { committeeRepository } from '../../src/db/repositories/committee.repository.ts';
import { itemRepository } from '../../src/db/repositories/item.repository.ts';
import { createApp } from '../../src/http/app.ts';
import { systemClock } from '../../src/services/clock.ts';
import { createServices } from '../../src/services/index.ts';
import { offerService, type Actor } from '../../src/services/offer.service.ts';
import { tariffService } from '../../src/services/tariff.service.ts';
import { APPENDIX_SHEET } from '../../src/services/xlsx/tariff-appendix.ts';
import { launchBrowser } from '../support/browser.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const PASSWORD = 'en-lang-e2e-adgangskode-42';
const SECRETARY = 'sekretaer@socialaftale.test';
const REPORTER = 'indberetter@aalborg.test';
const SECRETARIAT: Actor = {
  viewer: { userId: 1, role: 'secretariat', committeeIds: [] },
  organisationId: null,
};

const YEAR = new Date().getFullYear() + 1;
const two = (n: number) => String(n).padStart(2, '0');
/** dd.mm.åååå tt:mm, the form's format, `days` from now (Danish wall time is close enough). */
function danish(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${two(d.getDate())}.${two(d.getMonth() + 1)}.${d.getFullYear()} 12:00`;
}

void describe('tariff reporting in the browser', () => {
  let t: TestDb;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const ids: Record<string, number> = {};
  let dasItem = 0;

  before(async () => {
    t = await createTestDb();
    const clock = systemClock;
    const services = createServices(t.db, clock, loadConfig({}, {}));
    const offers = offerService(t.db, clock);
    const tariffs = tariffService(t.db, clock);
    const org = new Map((await offers.organisations()).map((o) => [o.shortName ?? o.name, o.id]));
    const das = await committeeRepository(t.db).byShortName('DAS');
    const meeting = await services.meetings.createMeeting(SECRETARIAT.viewer, {
      committeeId: das?.id ?? 0,
      date: `${YEAR - 1}-10-18`,
      startTime: null,
      endTime: null,
      place: '',
    });
    dasItem = (await itemRepository(t.db).listByMeeting(meeting.id))[0]?.id ?? 0;
    const create = async (name: string, operator: string, places: number) => {
      const id = await offers.create(SECRETARIAT, {
        name,
        operatorId: org.get(operator) ?? 0,
        address: 'Kirketoften 1, 9000 Aalborg',
        targetGroups: ['Voksne med udviklingshæmning'],
        category: 3,
        categoryReason: 'Købes af flere kommuner',
        equivalentAgreement: false,
        portalId: null,
        activeFrom: `${YEAR - 3}-01-01`,
        activeTo: null,
        sections: [{ section: '108', subsection: '', places }],
      });
      await offers.addEvent(SECRETARIAT, id, 1, {
        kind: 'entry',
        date: `${YEAR - 3}-10-19`,
        effectiveYear: YEAR - 2,
        note: '',
        itemId: null,
      });
      return id;
    };
    ids.kirketoften = await create('Bostedet Kirketoften', 'Aalborg', 31);
    ids.lunden = await create('Botilbuddet Lunden', 'Aalborg', 12);
    ids.kvisten = await create('Kvisten', 'Regionen', 8);
    await tariffs.importHistory(SECRETARIAT, YEAR - 1, [
      { offerId: ids.kirketoften, service: 'Døgnophold', unit: 'day', amount: 200_000 },
      { offerId: ids.lunden, service: 'Døgnophold', unit: 'day', amount: 1_320_000 },
    ]);
    await services.auth.createUser({
      email: SECRETARY,
      name: 'Sanne Sekretær',
      password: PASSWORD,
      role: 'secretariat',
    });
    await services.auth.createUser({
      email: REPORTER,
      name: 'Ida Indberetter',
      password: PASSWORD,
      role: 'operator',
      organisationId: org.get('Aalborg') ?? null,
    });
    const app = createApp({ services, config: loadConfig({}, {}) });
    server = await startServer(app);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await t?.dispose();
  });

  async function loginAs(email: string) {
    await page?.context().close();
    const context = await browser.newContext({ acceptDownloads: true });
    page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.fill('#email', email);
    await page.fill('#password', PASSWORD);
    await page.click('main button[type=submit]');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }

  const shot = (name: string) =>
    page.screenshot({ path: `/tmp/e2e-tariff-${name}.png`, fullPage: true });

  void it('the secretariat creates and opens the round', async () => {
    await loginAs(SECRETARY);
    await page.goto(`${server.url}/tariffs`);
    await page.click('summary:has-text("Opret takstindberetning")');
    await page.fill('#year', String(YEAR));
    await page.fill('#opensAt', danish(-1));
    await page.fill('#deadline', danish(30));
    await page.fill('#changeLimit', '10');
    await page.click('button:has-text("Opret")');
    await page.waitForURL(`${server.url}/tariffs/${YEAR}?**`);
    await page.click('button:has-text("Åbn indberetningen")');
    await page.waitForSelector('.round-phase:has-text("Åben for indberetning")');
    assert.match(await page.locator('.overview-table').innerText(), /Ikke påbegyndt/);
    await shot('1-opened');
  });

  void it('an operator reports two offers, one with a large change and its reason, and submits', async () => {
    await loginAs(REPORTER);
    await page.goto(`${server.url}/tariffs/${YEAR}/report`);
    const text = await page.locator('main').innerText();
    assert.match(text, /Bostedet Kirketoften/);
    assert.match(text, /Botilbuddet Lunden/);
    assert.doesNotMatch(text, /Kvisten/);
    const rowOf = async (offerId: number) => {
      const name = await page
        .locator(`#offer-${offerId} input[name$=".service"]`)
        .first()
        .getAttribute('name');
      return /^lines\.(\d+)\./.exec(name ?? '')?.[1] ?? '';
    };
    const a = await rowOf(ids.kirketoften ?? 0);
    const b = await rowOf(ids.lunden ?? 0);
    await page.fill(`[name="lines.${a}.service"]`, 'Døgnophold');
    await page.fill(`[name="lines.${a}.amount"]`, '2.600,50');
    await page.fill(`[name="lines.${a}.occupancy"]`, '95,5');
    await page.fill(`[name="lines.${b}.service"]`, 'Døgnophold');
    await page.fill(`[name="lines.${b}.amount"]`, '13.491');
    await page.click('button:has-text("Indsend")');
    // +30 % without a reason: the Danish error beside the field, the amounts kept
    const reasonGroup = page.locator(`.form-group:has([name="lines.${a}.changeReason"])`);
    await reasonGroup.locator('.form-error-message').waitFor();
    assert.match(
      await reasonGroup.innerText(),
      /Taksten ændres mere end 10 % i forhold til sidste år\. Skriv en begrundelse\./,
    );
    assert.equal(await page.inputValue(`[name="lines.${a}.amount"]`), '2.600,50');
    assert.equal(await page.inputValue(`[name="lines.${b}.amount"]`), '13.491');
    await shot('2-reason-missing');
    await page.fill(
      `[name="lines.${a}.changeReason"]`,
      'Ny normering efter tilsyn: to ekstra nattevagter',
    );
    await page.click('button:has-text("Indsend")');
    await page.waitForSelector('.report-locked');
    assert.match(await page.locator('main').innerText(), /2\.600,50 kr\./);
    assert.equal(await page.locator(`[name="lines.${a}.amount"]`).count(), 0);
    await shot('3-submitted');
  });

  void it('the secretariat approves, builds and publishes the appendix', async () => {
    await loginAs(SECRETARY);
    await page.goto(`${server.url}/tariffs/${YEAR}`);
    const row = page.locator('.overview-table tr[data-organisation="Aalborg Kommune"]');
    assert.match(await row.innerText(), /Indsendt/);
    assert.match(
      await page.locator('.attention-table').innerText(),
      /Ny normering efter tilsyn: to ekstra nattevagter/,
    );
    await row.locator('button:has-text("Godkend")').click();
    await page.waitForSelector('.alert-success');
    assert.match(
      await page.locator('.overview-table tr[data-organisation="Aalborg Kommune"]').innerText(),
      /Godkendt/,
    );
    await page.fill('#itemId', String(dasItem));
    await page.click('button:has-text("Registrér godkendelsen")');
    await page.waitForSelector('.appendix-approved');
    await page.click('button:has-text("Offentliggør takstbilaget")');
    await page.waitForSelector('.appendix-published');
    await shot('4-published');
  });

  void it('the public appendix lists the rows and the XLSX reads back', async () => {
    await page.context().close();
    const context = await browser.newContext({ acceptDownloads: true });
    page = await context.newPage();
    await page.goto(`${server.url}/tariffs/appendix/${YEAR}`);
    const table = await page.locator('.appendix-table').innerText();
    assert.match(table, /Aalborg Kommune/);
    assert.match(table, /Bostedet Kirketoften/);
    assert.match(table, /2\.600,50 kr\./);
    assert.match(table, /13\.491,00 kr\./);
    await shot('5-appendix');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('a:has-text("Hent som regneark (XLSX)")'),
    ]);
    assert.equal(download.suggestedFilename(), `takstbilag-${YEAR}.xlsx`);
    const path = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path).buffer);
    const ws = wb.getWorksheet(APPENDIX_SHEET);
    assert.ok(ws, 'the appendix sheet');
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    assert.deepEqual(rows[0], [
      'Driftsherre',
      'Tilbud',
      'Ydelse',
      'Målgruppe',
      'Lovgrundlag',
      'Pladser',
      'Takst forrige år',
      'Takst',
      'Ændring %',
    ]);
    const data = rows.filter(
      (r) => r[1] === 'Bostedet Kirketoften' || r[1] === 'Botilbuddet Lunden',
    );
    assert.equal(data.length, 2);
    const [kirketoften, lunden] = [
      data.find((r) => r[1] === 'Bostedet Kirketoften'),
      data.find((r) => r[1] === 'Botilbuddet Lunden'),
    ];
    assert.deepEqual(kirketoften?.slice(0, 3), [
      'Aalborg Kommune',
      'Bostedet Kirketoften',
      'Døgnophold (døgn)',
    ]);
    assert.equal(kirketoften?.[4], '§ 108');
    assert.equal(kirketoften?.[5], 31);
    assert.equal(kirketoften?.[6], 2000);
    assert.equal(kirketoften?.[7], 2600.5);
    assert.equal(lunden?.[5], 12);
    assert.equal(lunden?.[6], 13200);
    assert.equal(lunden?.[7], 13491);
    assert.ok(
      !rows.some((r) => r[1] === 'Kvisten'),
      'an offer nobody reported is not in the appendix',
    );
  });
});
