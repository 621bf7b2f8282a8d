/**
 * The meeting cycle in Chromium against the real app on a loopback port (issue 2, "Done means"):
 * the secretariat logs in, creates a DAS meeting, adds three items (one closed) through the
 * forms, uploads attachments, records attendance, publishes the agenda, records decisions in
 * minutes mode, publishes the minutes and finds the decisions in the minutes PDF. Logged out, an
 * anonymous visitor finds no trace of the closed item's content in the page, the item and
 * attachment URLs or the public PDFs. Last, bad input in the browser: a missing title and a stale
 * edit. Screenshots go to /tmp/e2e-*.png.
 *
 * The tests in this file run in order and share one meeting; each builds on the one before.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { loadConfig } from '../../src/config.ts';
import { formatDanishDate } from '../../src/domain/meetings/index.ts';
import { createApp } from '../../src/http/app.ts';
import { systemClock, today } from '../../src/services/clock.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import { launchBrowser } from '../support/browser.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const EMAIL = 'sekretaer@socialaftale.test';
const PASSWORD = 'en-lang-e2e-adgangskode-42';
const USER_NAME = 'Sanne Sekretær';

// Words that exist only in the closed item (and in the closed attachment on an open item). None
// of them may reach an anonymous visitor, in any casing, anywhere.
const SECRETS = [
  'Hemmeligborger',
  'Zyxwv',
  'Fortroligsag',
  'Qjvkp',
  'Lukketbeslutning',
  'Wmbzt',
  'Skjultbilag',
  'Pxnrd',
  'Internnotat',
  'Tqzlm',
];

const OPEN_A = {
  title: 'Fælles takstmodel for specialiserede tilbud 2027',
  section: 'for-decision',
  presenter: 'Sekretariatschef Anne Holm',
  summary: 'Sekretariatet foreslår en fælles takstmodel for de specialiserede tilbud.',
  recommendations:
    'DAS godkender den fælles takstmodel.\nDAS sender modellen til orientering i KKR Nordjylland.',
  caseDescription: [
    '## Baggrund',
    'Kommunerne har ønsket ens principper for takster. Teksten <b>ikke fed</b> står som skrevet.',
    '',
    '- Aalborg Kommune har indsendt tal',
    '- Region Nordjylland har indsendt tal',
    '',
    '| Kommune | Takst pr. døgn |',
    '| --- | --- |',
    '| Aalborg | 4.250 kr. |',
    '| Hjørring | 3.980 kr. |',
  ].join('\n'),
  decision: 'DAS godkendte takstmodellen med virkning fra 1. januar 2027.',
  outcome: 'approved',
  outcomeLabel: 'Godkendt',
};

const OPEN_B = {
  title: 'Status på rammeaftalens udviklingsspor',
  section: 'for-information',
  summary: 'Kort status på de tre udviklingsspor.',
  decision: 'DAS tog status på udviklingssporene til efterretning.',
  outcome: 'noted',
  outcomeLabel: 'Taget til efterretning',
};

const CLOSED = {
  title: 'Personsag om Hemmeligborger Zyxwv',
  section: 'for-decision',
  presenter: 'Konsulent Qjvkp',
  summary: 'Fortroligsag Qjvkp om Hemmeligborger og dennes anbringelse.',
  recommendations: 'DAS drøfter sagen om Hemmeligborger Zyxwv.',
  caseDescription:
    '## Fortroligsag Qjvkp\nBorgeren Hemmeligborger Zyxwv har særlige behov.\n\n- Fortroligsag i punktform',
  decision: 'Lukketbeslutning Wmbzt: DAS drøftede sagen om Hemmeligborger.',
  outcome: 'discussed',
  outcomeLabel: 'Drøftet',
};

const OPEN_ATTACHMENT = {
  title: 'Takstoversigt 2027',
  file: 'takstoversigt-2027.txt',
  content: 'Takster for 2027: Aalborg 4.250 kr.\n',
};
const CLOSED_ON_OPEN = {
  title: 'Internnotat Tqzlm',
  file: 'internnotat-tqzlm.txt',
  content: 'Internnotat Tqzlm: kun til sekretariatet.\n',
};
const CLOSED_ATTACHMENT = {
  title: 'Skjultbilag Pxnrd',
  file: 'skjultbilag-pxnrd.txt',
  content: 'Skjultbilag Pxnrd om Hemmeligborger Zyxwv.\n',
};

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** '2027-03-04' → '04.03.2027', as a secretary types it. */
const typed = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** Whitespace-normalised text, so words broken over lines in a PDF still match. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

function secretsIn(text: string): string[] {
  const lower = text.toLowerCase();
  return SECRETS.filter((s) => lower.includes(s.toLowerCase()));
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), {
    mergePages: true,
  });
  return flat(text);
}

/**
 * Clicks a submit button (or link) and waits until the next page has loaded; returns the HTTP
 * status of the page that was finally shown (after any 303 redirect).
 */
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

/** Clicks a link that answers with a file and returns the file's bytes and suggested name. */
async function download(page: Page, link: Locator): Promise<{ bytes: Uint8Array; name: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = await file.path();
  return { bytes: new Uint8Array(readFileSync(path)), name: file.suggestedFilename() };
}

async function notice(page: Page): Promise<string> {
  return (await page.locator('.alert-success').first().innerText()).trim();
}

void describe('meeting cycle in Chromium', () => {
  let t: TestDb;
  let services: Services;
  let server: RunningServer;
  let browser: Browser;
  let secretariat: BrowserContext;
  let page: Page;
  let dir: string;

  const meetingDate = addDays(today(systemClock), 30);
  const previousDate = addDays(today(systemClock), -30);
  const nextDate = addDays(today(systemClock), 60);
  let dasId = 0;
  let meetingId = 0;
  const itemId = { a: 0, b: 0, closed: 0 };
  const attachmentId = { open: 0, closedOnOpen: 0, closed: 0 };
  let closedNumber = 0;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'socialaftale-e2e-'));
    for (const f of [OPEN_ATTACHMENT, CLOSED_ON_OPEN, CLOSED_ATTACHMENT])
      writeFileSync(join(dir, f.file), f.content);
    t = await createTestDb();
    const config = { ...loadConfig({}, {}), maxUploadBytes: 1024 * 1024 };
    services = createServices(t.db, systemClock, config);
    const userId = await services.auth.createUser({
      email: EMAIL,
      name: USER_NAME,
      password: PASSWORD,
      role: 'secretariat',
    });
    const das = (await services.meetings.listCommittees()).find((c) => c.shortName === 'DAS');
    assert.ok(das, 'DAS findes i referencedata');
    dasId = das.id;
    // A previous and a next DAS meeting, so the new meeting gets all four standard items.
    const viewer = { userId, role: 'secretariat' as const, committeeIds: [] };
    await services.meetings.createMeeting(viewer, {
      committeeId: dasId,
      date: previousDate,
      startTime: '13:00',
      endTime: '16:00',
      place: 'Aalborg',
    });
    await services.meetings.createMeeting(viewer, {
      committeeId: dasId,
      date: nextDate,
      startTime: '09:00',
      endTime: '12:00',
      place: 'Hjørring Rådhus',
    });
    server = await startServer(createApp({ services, config }));
    browser = await launchBrowser();
    secretariat = await browser.newContext({
      baseURL: server.url,
      locale: 'da-DK',
      viewport: { width: 1280, height: 900 },
    });
    page = await secretariat.newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await t?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  void it('logs in and creates a DAS meeting with the four standard items', async () => {
    await page.goto('/login');
    await page.fill('#email', EMAIL);
    await page.fill('#password', PASSWORD);
    await submit(page, page.getByRole('button', { name: 'Log ind' }));
    assert.equal(new URL(page.url()).pathname, '/');
    assert.match(
      await page.locator('.portal-user').innerText(),
      new RegExp(`${USER_NAME}, Sekretariatet`),
    );

    await submit(page, page.getByRole('link', { name: 'Opret møde' }));
    assert.equal(new URL(page.url()).pathname, '/meetings/new');
    await page.selectOption('#committeeId', String(dasId));
    await page.fill('#date', typed(meetingDate));
    await page.fill('#startTime', '13.00');
    await page.fill('#endTime', '15.30');
    await page.fill('#place', 'Aalborg Rådhus, mødelokale 1');
    assert.equal(await submit(page, page.getByRole('button', { name: 'Opret mødet' })), 200);
    const m = /\/meetings\/(\d+)$/.exec(new URL(page.url()).pathname);
    assert.ok(m, `efter oprettelse står vi på mødet, ikke ${page.url()}`);
    meetingId = Number(m[1]);

    assert.equal(
      (await page.locator('h1').innerText()).trim(),
      `DAS · møde ${formatDanishDate(meetingDate)}`,
    );
    const facts = flat(await page.locator('.meeting-facts').innerText());
    assert.ok(facts.includes(`${formatDanishDate(meetingDate, true)}, kl. 13.00-15.30`), facts);
    assert.ok(facts.includes('Aalborg Rådhus, mødelokale 1'), facts);
    assert.ok(facts.includes('Dagsorden under udarbejdelse'), facts);

    const headings = (await page.locator('.agenda-item h3').allInnerTexts()).map((h) =>
      flat(h).trim(),
    );
    assert.deepEqual(headings, [
      'Punkt 1. Godkendelse af dagsorden',
      `Punkt 2. Godkendelse af referat fra mødet den ${formatDanishDate(previousDate)}`,
      'Punkt 3. Eventuelt',
      'Punkt 4. Næste møde',
    ]);
    assert.ok(
      flat(await page.locator('#punkt-1').innerText()).includes(
        'Den Administrative Styregruppe godkender dagsordenen.',
      ),
    );
    assert.ok(
      flat(await page.locator('#punkt-4').innerText()).includes(
        `Næste møde afholdes ${formatDanishDate(nextDate, true)}, kl. 09.00-12.00, Hjørring Rådhus.`,
      ),
      await page.locator('#punkt-4').innerText(),
    );

    // A draft agenda is not public yet.
    const anonymous = await fetch(`${server.url}/meetings/${meetingId}`);
    assert.equal(anonymous.status, 404);
  });

  /** Adds an item through the form and returns its id and number. */
  async function addItem(fields: {
    title: string;
    section: string;
    access?: 'open' | 'closed';
    presenter?: string;
    summary?: string;
    recommendations?: string;
    caseDescription?: string;
  }): Promise<{ id: number; number: number }> {
    await page.goto(`/meetings/${meetingId}`);
    await submit(page, page.getByRole('link', { name: 'Tilføj punkt' }));
    assert.equal(new URL(page.url()).pathname, `/meetings/${meetingId}/items/new`);
    await page.fill('#title', fields.title);
    await page.selectOption('#section', fields.section);
    await page.selectOption('#access', fields.access ?? 'open');
    if (fields.presenter) await page.fill('#presenter', fields.presenter);
    if (fields.summary) await page.fill('#summary', fields.summary);
    if (fields.recommendations) await page.fill('#recommendations', fields.recommendations);
    if (fields.caseDescription) await page.fill('#caseDescription', fields.caseDescription);
    assert.equal(await submit(page, page.getByRole('button', { name: 'Tilføj punktet' })), 200);
    assert.equal(new URL(page.url()).pathname, `/meetings/${meetingId}`);
    const n = /^Punkt (\d+) er tilføjet\.$/.exec(await notice(page));
    assert.ok(n, `besked efter tilføjelse: ${await notice(page)}`);
    const number = Number(n[1]);
    const href = await page.locator(`#punkt-${number} h3 a`).getAttribute('href');
    const id = /^\/items\/(\d+)$/.exec(href ?? '');
    assert.ok(id, `punktets link: ${href}`);
    assert.equal((await page.locator(`#punkt-${number} h3 a`).innerText()).trim(), fields.title);
    return { id: Number(id[1]), number };
  }

  /** Uploads a file on the item's page and returns the attachment's id. */
  async function upload(
    item: number,
    file: { title: string; file: string; content: string },
    access: 'open' | 'closed',
  ) {
    await page.goto(`/items/${item}`);
    await page.setInputFiles('#file', join(dir, file.file));
    await page.fill('#att-title', file.title);
    await page.selectOption('#att-access', access);
    assert.equal(await submit(page, page.getByRole('button', { name: 'Upload bilag' })), 200);
    assert.equal(new URL(page.url()).pathname, `/items/${item}`);
    assert.equal(await notice(page), `Bilaget "${file.title}" er tilføjet.`);
    const link = page.locator('.attachment-list a', { hasText: file.title });
    const id = /^\/attachments\/(\d+)$/.exec((await link.getAttribute('href')) ?? '');
    assert.ok(id);
    assert.ok(
      (await page.locator('.attachment-list li', { hasText: file.title }).innerText()).includes(
        file.file,
      ),
    );
    return Number(id[1]);
  }

  void it('adds three items (one closed) through the form and renders the case description', async () => {
    itemId.a = (await addItem(OPEN_A)).id;
    itemId.b = (await addItem(OPEN_B)).id;
    itemId.closed = (await addItem({ ...CLOSED, access: 'closed' })).id;

    await page.goto(`/meetings/${meetingId}`);
    const numbers = new Map<number, number>();
    for (const article of await page.locator('.agenda-item').all()) {
      const href = await article.locator('h3 a').getAttribute('href');
      const id = Number(/\/items\/(\d+)/.exec(href ?? '')?.[1]);
      const number = Number(/^punkt-(\d+)$/.exec((await article.getAttribute('id')) ?? '')?.[1]);
      numbers.set(id, number);
    }
    // Sections order the agenda: welcome (1, 2), for decision (A, closed), for information (B), closing.
    assert.deepEqual(
      [numbers.get(itemId.a), numbers.get(itemId.closed), numbers.get(itemId.b)],
      [3, 4, 5],
    );
    closedNumber = numbers.get(itemId.closed) ?? 0;
    const toc = flat(await page.locator('.agenda-toc').innerText());
    assert.ok(toc.includes('Sager til behandling') && toc.includes('Sager til orientering'), toc);
    assert.ok(toc.includes(`${CLOSED.title} (lukket)`), toc);
    assert.ok(
      (await page.locator(`#punkt-${closedNumber} h3`).innerText()).includes('Lukket punkt'),
    );

    const a = page.locator('#punkt-3');
    assert.ok((await a.innerText()).includes(`Oplæg ved: ${OPEN_A.presenter}`));
    assert.deepEqual(await a.locator(':scope > h4 + p + ul > li').allInnerTexts(), [
      'DAS godkender den fælles takstmodel.',
      'DAS sender modellen til orientering i KKR Nordjylland.',
    ]);
    const cd = a.locator('.case-description');
    assert.deepEqual(await cd.locator('h4').allInnerTexts(), ['Baggrund']);
    assert.deepEqual(await cd.locator('ul > li').allInnerTexts(), [
      'Aalborg Kommune har indsendt tal',
      'Region Nordjylland har indsendt tal',
    ]);
    assert.deepEqual(await cd.locator('table thead th').allInnerTexts(), [
      'Kommune',
      'Takst pr. døgn',
    ]);
    assert.deepEqual(await cd.locator('table tbody tr').allInnerTexts(), [
      'Aalborg\t4.250 kr.',
      'Hjørring\t3.980 kr.',
    ]);
    // Markup typed by the secretary is shown as text, never as HTML.
    assert.equal(await cd.locator('b').count(), 0);
    assert.ok(
      (await cd.locator('p').innerText()).includes('Teksten <b>ikke fed</b> står som skrevet.'),
    );
  });

  void it('uploads attachments and records a participant and an apology', async () => {
    attachmentId.open = await upload(itemId.a, OPEN_ATTACHMENT, 'open');
    attachmentId.closedOnOpen = await upload(itemId.a, CLOSED_ON_OPEN, 'closed');
    attachmentId.closed = await upload(itemId.closed, CLOSED_ATTACHMENT, 'open');

    await page.goto(`/meetings/${meetingId}`);
    // "Bilag N" runs across the meeting in agenda order.
    const bilag = (await page.locator('.attachment-list a').allInnerTexts()).map((s) => s.trim());
    assert.deepEqual(bilag, [
      `Bilag 1: ${OPEN_ATTACHMENT.title}`,
      `Bilag 2: ${CLOSED_ON_OPEN.title}`,
      `Bilag 3: ${CLOSED_ATTACHMENT.title}`,
    ]);

    // The secretariat downloads the original file, as a download.
    const res = await page.request.get(`/attachments/${attachmentId.closed}`);
    assert.equal(res.status(), 200);
    assert.equal(await res.text(), CLOSED_ATTACHMENT.content);
    assert.match(res.headers()['content-disposition'] ?? '', /^attachment;/);

    for (const [kind, name, org] of [
      ['participant', 'Mette Sørensen', 'Aalborg Kommune'],
      ['apology', 'Lars Nielsen', 'Hjørring Kommune'],
    ] as const) {
      await page.goto(`/meetings/${meetingId}`);
      await page.getByText('Registrér fremmøde, afbud eller gæst').click();
      await page.selectOption('#att-kind', kind);
      await page.fill('#att-name', name);
      await page.fill('#att-org', org);
      assert.equal(
        await submit(page, page.getByRole('button', { name: 'Tilføj', exact: true })),
        200,
      );
      assert.equal(await notice(page), `${name} er registreret.`);
    }
    const attendance = flat(await page.locator('.attendance').innerText());
    assert.ok(attendance.includes('Deltagere: Mette Sørensen (Aalborg Kommune)'), attendance);
    assert.ok(attendance.includes('Afbud: Lars Nielsen (Hjørring Kommune)'), attendance);
    await page.screenshot({ path: '/tmp/e2e-meeting-secretariat.png', fullPage: true });
  });

  void it('publishes the agenda, records decisions in minutes mode and publishes the minutes', async () => {
    await page.goto(`/meetings/${meetingId}`);
    await submit(page, page.getByRole('button', { name: 'Udsend dagsorden' }));
    assert.match(await notice(page), /^Dagsordenen er udsendt/);
    assert.ok((await page.locator('.meeting-facts').innerText()).includes('Dagsorden udsendt'));

    // The published agenda is public; its closed item is not.
    const publicPage = await (await fetch(`${server.url}/meetings/${meetingId}`)).text();
    assert.ok(publicPage.includes(OPEN_A.title));
    assert.deepEqual(secretsIn(publicPage), []);

    await submit(page, page.getByRole('button', { name: 'Start referat' }));
    assert.match(await notice(page), /^Referatet er påbegyndt/);
    await submit(page, page.getByRole('link', { name: 'Skriv referat' }));
    assert.equal(new URL(page.url()).pathname, `/meetings/${meetingId}/minutes`);
    // The recommendation is in view beside the decision form.
    assert.ok(
      (await page.locator('#punkt-3').innerText()).includes('DAS godkender den fælles takstmodel.'),
    );

    for (const [id, item] of [
      [itemId.a, OPEN_A],
      [itemId.closed, CLOSED],
      [itemId.b, OPEN_B],
    ] as const) {
      const form = page.locator(`form[action="/items/${id}/decision"]`);
      await page.selectOption(`#outcome-${id}`, item.outcome);
      await page.fill(`#decision-${id}`, item.decision);
      assert.equal(await submit(page, form.getByRole('button', { name: 'Gem beslutning' })), 200);
      assert.match(await notice(page), /^Beslutningen for punkt \d+ er gemt\.$/);
      assert.equal(await page.inputValue(`#decision-${id}`), item.decision);
      assert.equal(await page.inputValue(`#outcome-${id}`), item.outcome);
    }

    // Draft decisions stay inside the secretariat until the minutes are published.
    const draft = await (await fetch(`${server.url}/meetings/${meetingId}`)).text();
    assert.ok(
      !draft.includes(OPEN_A.decision),
      'kladde-beslutning vises offentligt før referatet er udsendt',
    );
    const draftItem = await (await fetch(`${server.url}/items/${itemId.a}`)).text();
    assert.ok(
      !draftItem.includes(OPEN_A.decision),
      'kladde-beslutning vises på punktets side før referatet er udsendt',
    );

    await page.screenshot({ path: '/tmp/e2e-minutes-mode.png', fullPage: true });

    await page.goto(`/meetings/${meetingId}`);
    await submit(page, page.getByRole('button', { name: 'Udsend referat' }));
    assert.equal(await notice(page), 'Referatet er udsendt.');
    assert.ok((await page.locator('.meeting-facts').innerText()).includes('Referat udsendt'));
    const decisions = flat(
      await page
        .locator('.decision')
        .allInnerTexts()
        .then((x) => x.join(' | ')),
    );
    for (const item of [OPEN_A, CLOSED, OPEN_B]) {
      assert.ok(decisions.includes(`Beslutning: ${item.outcomeLabel}`), decisions);
      assert.ok(decisions.includes(item.decision), decisions);
    }

    // The secretariat sees every secret word: the probe used on the public pages works.
    assert.deepEqual(secretsIn(await page.content()), SECRETS);

    const pdf = await download(page, page.getByRole('link', { name: 'Referat som PDF' }));
    assert.equal(pdf.name, `DAS-referat-${meetingDate}.pdf`);
    const text = await pdfText(pdf.bytes);
    for (const item of [OPEN_A, OPEN_B, CLOSED]) {
      assert.ok(
        text.includes(item.decision),
        `referatets PDF mangler "${item.decision}":\n${text}`,
      );
      assert.ok(text.includes(item.outcomeLabel), item.outcomeLabel);
    }
    assert.ok(text.includes(CLOSED.title), 'sekretariatets referat viser det lukkede punkts titel');
    assert.ok(text.includes('Mette Sørensen'), 'deltagerne står i referatet');
    assert.match(text, /Side 1 af \d+/);
  });

  void it('logs out; an anonymous visitor finds no trace of the closed item', async () => {
    await submit(page, page.getByRole('button', { name: 'Log af' }));
    assert.equal(new URL(page.url()).pathname, '/');
    assert.equal(await page.getByRole('button', { name: 'Log af' }).count(), 0);
    assert.equal(
      await page.locator('.portal-user').getByRole('link', { name: 'Log ind' }).count(),
      1,
    );
    assert.ok(
      !(await secretariat.cookies()).some((c) => c.name === 'sa_session'),
      'sessionscookien er slettet',
    );

    await page.goto(`/meetings/${meetingId}`);
    const html = await page.content();
    assert.deepEqual(secretsIn(html), [], 'hemmelige ord i den offentlige mødeside');
    const closed = page.locator(`#punkt-${closedNumber}`);
    assert.equal(
      flat(await closed.locator('h3').innerText()).trim(),
      `Punkt ${closedNumber}. Lukket punkt`,
    );
    assert.equal(await closed.locator('a').count(), 0, 'et lukket punkt linker ikke til noget');
    assert.equal(await page.locator(`a[href="/items/${itemId.closed}"]`).count(), 0);
    assert.equal(await page.locator(`a[href="/attachments/${attachmentId.closed}"]`).count(), 0);
    assert.equal(
      await page.locator(`a[href="/attachments/${attachmentId.closedOnOpen}"]`).count(),
      0,
    );
    assert.equal(await page.locator('.secretariat-panel').count(), 0);
    // The open items and their published decisions are there.
    for (const item of [OPEN_A, OPEN_B]) {
      assert.ok(html.includes(item.title), item.title);
      assert.ok(html.includes(item.decision), item.decision);
    }
    assert.equal(await page.locator(`a[href="/attachments/${attachmentId.open}"]`).count(), 1);
    await page.screenshot({ path: '/tmp/e2e-meeting-public.png', fullPage: true });

    const itemPage = await page.goto(`/items/${itemId.closed}`);
    assert.equal(itemPage?.status(), 404);
    assert.deepEqual(secretsIn(await page.content()), []);
    const openItem = await page.goto(`/items/${itemId.a}`);
    assert.equal(openItem?.status(), 200);
    assert.deepEqual(secretsIn(await page.content()), []);
    assert.ok((await page.content()).includes(OPEN_A.decision));

    for (const id of [attachmentId.closed, attachmentId.closedOnOpen]) {
      const res = await page.request.get(`/attachments/${id}`);
      assert.equal(res.status(), 404, `lukket bilag ${id}`);
      assert.deepEqual(secretsIn(await res.text()), []);
    }
    const open = await page.request.get(`/attachments/${attachmentId.open}`);
    assert.equal(open.status(), 200);
    assert.equal(await open.text(), OPEN_ATTACHMENT.content);

    const minutesMode = await page.request.get(`/meetings/${meetingId}/minutes`, {
      maxRedirects: 0,
    });
    assert.notEqual(minutesMode.status(), 200, 'referat-tilstanden er ikke for anonyme');
    assert.deepEqual(secretsIn(await minutesMode.text()), []);

    await page.goto(`/meetings/${meetingId}`);
    for (const [label, name] of [
      ['Dagsorden som PDF', `DAS-dagsorden-${meetingDate}.pdf`],
      ['Referat som PDF', `DAS-referat-${meetingDate}.pdf`],
    ] as const) {
      const pdf = await download(page, page.getByRole('link', { name: label }));
      assert.equal(pdf.name, name);
      const text = await pdfText(pdf.bytes);
      assert.deepEqual(secretsIn(text), [], `hemmelige ord i den offentlige ${label}`);
      assert.ok(
        text.includes(`Punkt ${closedNumber}. Lukket punkt`),
        `${label}: "Punkt ${closedNumber}. Lukket punkt" mangler:\n${text}`,
      );
      assert.ok(text.includes(OPEN_A.title) && text.includes(OPEN_B.title), label);
      if (label === 'Referat som PDF') {
        assert.ok(text.includes(OPEN_A.decision), OPEN_A.decision);
        assert.ok(text.includes(OPEN_B.decision), OPEN_B.decision);
      }
    }
  });

  void it('shows Danish field errors, keeps what was typed and refuses a stale edit', async () => {
    const ctx = await browser.newContext({
      baseURL: server.url,
      locale: 'da-DK',
      viewport: { width: 1280, height: 900 },
    });
    try {
      const one = await ctx.newPage();
      await one.goto('/login');
      await one.fill('#email', EMAIL);
      await one.fill('#password', PASSWORD);
      await submit(one, one.getByRole('button', { name: 'Log ind' }));
      assert.equal(new URL(one.url()).pathname, '/');

      // A missing title: the error beside the field, everything else kept.
      await one.goto(`/meetings/${meetingId}/items/new`);
      await one.selectOption('#section', 'for-information');
      await one.selectOption('#access', 'closed');
      await one.fill('#presenter', 'Konsulent Per Bach');
      await one.fill('#summary', 'Et resumé der skal overleve en fejl.');
      await one.fill('#recommendations', 'DAS tager sagen til efterretning.');
      await one.fill('#caseDescription', '## Overskrift\n- punkt æøå');
      assert.equal(await submit(one, one.getByRole('button', { name: 'Tilføj punktet' })), 400);
      const group = one.locator('.form-group', { has: one.locator('#title') });
      assert.match((await group.getAttribute('class')) ?? '', /\bform-error\b/);
      assert.equal(
        (await group.locator('.form-error-message').innerText()).replace('Fejl:', '').trim(),
        'Skriv punktets titel.',
      );
      assert.equal(await one.getAttribute('#title', 'aria-invalid'), 'true');
      assert.ok((await one.locator('.alert-error').innerText()).includes('Skriv punktets titel.'));
      assert.equal(await one.inputValue('#section'), 'for-information');
      assert.equal(await one.inputValue('#access'), 'closed');
      assert.equal(await one.inputValue('#presenter'), 'Konsulent Per Bach');
      assert.equal(await one.inputValue('#summary'), 'Et resumé der skal overleve en fejl.');
      assert.equal(await one.inputValue('#recommendations'), 'DAS tager sagen til efterretning.');
      assert.equal(await one.inputValue('#caseDescription'), '## Overskrift\n- punkt æøå');
      await one.screenshot({ path: '/tmp/e2e-item-form-error.png', fullPage: true });

      // Two pages open the same edit form; the second save is refused and changes nothing.
      const two = await ctx.newPage();
      await one.goto(`/items/${itemId.b}/edit`);
      await two.goto(`/items/${itemId.b}/edit`);
      await one.fill('#title', 'Status på udviklingssporene (rettet af første)');
      assert.equal(await submit(one, one.getByRole('button', { name: 'Gem punktet' })), 200);
      assert.equal(await notice(one), 'Punktet er gemt.');
      await two.fill('#summary', 'Anden redaktørs resumé, som ikke må gemmes.');
      assert.equal(await submit(two, two.getByRole('button', { name: 'Gem punktet' })), 409);
      const conflict = await two.locator('.alert-error').innerText();
      assert.ok(conflict.includes('En anden har gemt ændringer, efter du åbnede siden.'), conflict);
      // What the second editor typed is still in the form, to copy from.
      assert.equal(await two.inputValue('#summary'), 'Anden redaktørs resumé, som ikke må gemmes.');
      await two.screenshot({ path: '/tmp/e2e-item-conflict.png', fullPage: true });

      await one.goto(`/items/${itemId.b}`);
      assert.equal(
        (await one.locator('h1').innerText()).trim().replace(/\s+/g, ' '),
        'Punkt 5. Status på udviklingssporene (rettet af første)',
      );
      const body = await one.locator('main').innerText();
      assert.ok(body.includes(OPEN_B.summary), 'det første gem står stadig');
      assert.ok(!body.includes('Anden redaktørs resumé'), 'det andet gem overskrev');
    } finally {
      await ctx.close();
    }
  });
});
