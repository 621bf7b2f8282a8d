/**
 * Groups in Chromium (issue 6, "Done means"): the secretariat creates a working group with terms
 * of reference, adds members, sees in the representation matrix that Læsø has nobody in the
 * group, adds a member from Læsø and sees the gap close. Screenshots go to /tmp/e2e-groups-*.png.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../src/config.ts';
import { createApp } from '../../src/http/app.ts';
import { systemClock } from '../../src/services/clock.ts';
import { createServices } from '../../src/services/index.ts';
import { launchBrowser } from '../support/browser.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const EMAIL = 'sekretaer@socialaftale.test';
const PASSWORD = 'en-lang-e2e-adgangskode-42';
const SHORT = 'AG-Nødspor';

void describe('groups in the browser', () => {
  let t: TestDb;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    t = await createTestDb();
    const config = loadConfig({}, {});
    const services = createServices(t.db, systemClock, config);
    await services.auth.createUser({
      email: EMAIL,
      name: 'Sanne Sekretær',
      password: PASSWORD,
      role: 'secretariat',
    });
    const app = createApp({ services, config });
    server = await startServer(app);
    browser = await launchBrowser();
    const context = await browser.newContext({ baseURL: server.url, locale: 'da-DK' });
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await t?.dispose();
  });

  const gapsOfGroup = async () => {
    await page.goto('/groups/matrix');
    return (await page.locator(`td.matrix-gaps[data-group="${SHORT}"]`).innerText()).trim();
  };

  const addMember = async (name: string, organisation: string) => {
    await page.locator('summary', { hasText: 'Tilføj medlem' }).click();
    await page.fill('#name', name);
    await page.selectOption('#organisationId', { label: organisation });
    await page.selectOption('#function', { label: 'Myndighed' });
    await page.selectOption('#targetGroup', { label: 'Børn og unge' });
    await page.selectOption('#level', { label: 'Leder' });
    await page.click('form[action$="/members"] button[type=submit]');
    await page.waitForURL(/saved=/);
    assert.ok((await page.locator('.group-members').innerText()).includes(name));
  };

  void it('logs in and creates a working group with terms of reference', async () => {
    await page.goto('/login');
    await page.fill('#email', EMAIL);
    await page.fill('#password', PASSWORD);
    await page.click('main button[type=submit]');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));

    await page.goto('/groups/new');
    // first without a name: the form comes back with a Danish error and keeps what was typed
    await page.fill('#shortName', SHORT);
    await page.fill('#purpose', 'At vurdere tilbuddets fremtid i nødsporet.');
    await page.click('main form.app-form button[type=submit]');
    assert.ok((await page.locator('.alert-error').innerText()).includes('Skriv gruppens navn.'));
    assert.equal(await page.inputValue('#shortName'), SHORT);

    await page.fill('#name', 'Arbejdsgruppe om nødspor');
    await page.selectOption('#groupType', { label: 'Arbejdsgruppe' });
    await page.fill('#background', 'Efterspørgslen efter pladser i tilbuddet er faldet.');
    await page.fill('#tasks', 'Analysere belægningen\nForeslå en finansieringsmodel');
    await page.fill('#deliverables', 'Notat til DAS');
    await page.fill('#milestones', '19.10.2021 Status til DAS');
    await page.fill('#chair', 'Socialchef, Aalborg');
    await page.fill('#evaluationDate', '30.06.2022');
    await page.click('main form.app-form button[type=submit]');
    await page.waitForURL(/\/groups\/\d+\?saved=/);
    const charter = await page.locator('.charter').innerText();
    for (const text of [
      'Analysere belægningen',
      'Notat til DAS',
      '19. oktober 2021: Status til DAS',
      'Socialchef, Aalborg',
    ])
      assert.ok(charter.includes(text), text);
    assert.ok((await page.locator('.font-lead').innerText()).includes('Arbejdsgruppe under DAS'));
  });

  void it('adds members and sees Læsø without a representative in the matrix', async () => {
    const groupUrl = page.url().split('?')[0] ?? '';
    await addMember('Anne Holm', 'Aalborg ÆH');
    await addMember('Carl Ravn', 'Hjørring');
    const gaps = await gapsOfGroup();
    assert.ok(gaps.includes('Læsø'), gaps);
    assert.ok(!gaps.includes('Aalborg'), gaps); // represented through its unit
    assert.ok(!gaps.includes('Hjørring'), gaps);
    const aalborgRow = await page
      .locator('tr', { has: page.locator('th', { hasText: 'Aalborg Kommune' }) })
      .innerText();
    assert.ok(aalborgRow.includes('Anne Holm'));
    await page.screenshot({ path: '/tmp/e2e-groups-gap.png', fullPage: true });

    await page.goto(groupUrl);
    await addMember('Lise Læsø', 'Læsø');
    const after = await gapsOfGroup();
    assert.ok(!after.includes('Læsø'), after);
    const laesoRow = await page
      .locator('tr', { has: page.locator('th', { hasText: 'Læsø Kommune' }) })
      .innerText();
    assert.ok(laesoRow.includes('Lise Læsø'));
    await page.screenshot({ path: '/tmp/e2e-groups-closed.png', fullPage: true });
  });
});
