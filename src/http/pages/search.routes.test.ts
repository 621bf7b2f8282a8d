import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type Client, type TestApp } from '../../../test/support/app.ts';
import { importDocument } from '../../services/archive-import.service.ts';
import { publicSearchStamp } from '../../services/search.service.ts';
import { splitHighlights } from '../api/search.ts';

const SEEDS = new URL('../../../../shared/seeds/', import.meta.url);

/** The test app: app.ts mounts the archive, search and thread routes. */
const archiveTestApp = (): Promise<TestApp> => createTestApp();

interface ApiHit {
  title: string;
  snippet: string;
  highlights: [number, number][];
  itemId: number;
  meetingId: number;
  committee: string;
  number: number;
  date: string | null;
}

void describe('search page and /api/search', () => {
  let t: TestApp;
  let sec: Client;
  before(async () => {
    t = await archiveTestApp();
    sec = await t.login('secretariat');
    for (const name of ['das-2021-01-20-dagsorden.txt', 'das-2012-referat.txt']) {
      const bytes = new Uint8Array(await readFile(new URL(name, SEEDS)));
      await importDocument(t.db, { filename: name, bytes }, t.services.clock, {
        fallbackCommittee: 'DAS',
      });
    }
    // A meeting made in the product: a closed item and an open one with markup in its text.
    const das = (await t.services.committees.list()).find((c) => c.shortName === 'DAS')!.id;
    const made = await sec.form('/meetings', {
      committeeId: String(das),
      date: '17.03.2021',
      startTime: '13.00',
      endTime: '16.00',
      place: 'Aalborg',
    });
    const meetingId = Number(/\/meetings\/(\d+)/.exec(made.headers.get('location') ?? '')?.[1]);
    for (const [title, access, summary] of [
      ['Borgersag om Zebrafinke', 'closed', 'Zebrafinke fortroligt resumé'],
      ['Åbent punkt om Kolibri <script>alert(1)</script>', 'open', 'Kolibri & <b>fed</b> tekst'],
    ] as const) {
      const res = await sec.form(`/meetings/${meetingId}/items`, {
        title,
        section: 'for-decision',
        access,
        summary,
        recommendations: '',
      });
      assert.equal(res.status, 303);
    }
    const [m] = await t.db.query<{ version: number }>('select version from meeting where id = $1', [
      meetingId,
    ]);
    const published = await sec.form(`/meetings/${meetingId}/actions/publish-agenda`, {
      version: String(m!.version),
    });
    assert.equal(published.status, 303);
  });
  after(() => t.dispose());

  void it('explains how to search when the query is empty', async () => {
    const res = await t.anonymous.request('/search');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /Sådan søger du/);
    assert.match(html, /name="q"/);
    assert.match(html, /<li class="active current"><a href="\/search"/);
  });

  void it('finds "takst" for the public, grouped by meeting, with hits in <mark>', async () => {
    const html = await (await t.anonymous.request('/search?q=takst')).text();
    assert.match(html, /punkter? fundet/);
    assert.match(html, /<mark>takst\w*<\/mark>/i);
    assert.match(html, /href="\/meetings\/\d+">DAS, møde 20\. januar 2021/);
    assert.match(
      html,
      /href="\/items\/\d+"[^>]*>Punkt 7\. Orientering om budget for Børnehus Nord 2021/,
    );
    assert.doesNotMatch(html, /\uE000|\uE001/);
  });

  void it('never shows a closed item to the public, but does to the secretariat', async () => {
    const anon = await (await t.anonymous.request('/search?q=zebrafinke')).text();
    assert.match(anon, /Ingen resultater/);
    assert.doesNotMatch(anon, /Borgersag|fortroligt/);
    const staff = await (await sec.request('/search?q=zebrafinke')).text();
    assert.match(staff, /Borgersag om Zebrafinke/);
    assert.match(staff, /<mark>Zebrafinke<\/mark>/);

    const anonJson = (await (await t.anonymous.request('/api/search?q=zebrafinke')).json()) as {
      total: number;
    };
    assert.equal(anonJson.total, 0);
    const staffJson = (await (await sec.request('/api/search?q=zebrafinke')).json()) as {
      total: number;
      hits: ApiHit[];
    };
    assert.ok(staffJson.total >= 1);
  });

  void it('escapes the text around the highlights', async () => {
    const html = await (await t.anonymous.request('/search?q=kolibri')).text();
    assert.match(html, /Kolibri &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(html, /<script>alert/);
    assert.doesNotMatch(html, /<b>fed<\/b>/);
    assert.match(html, /<mark>Kolibri<\/mark> &amp; &lt;b&gt;fed&lt;\/b&gt;/);
  });

  void it('filters, and shows a Danish message for a bad year', async () => {
    const fu = await (await t.anonymous.request('/search?q=takst&committee=FU')).text();
    assert.match(fu, /Ingen resultater/);
    const old = await (await t.anonymous.request('/search?q=takst&from=2010&to=2013')).text();
    assert.doesNotMatch(old, /20\. januar 2021/);
    const bad = await t.anonymous.request('/search?q=takst&from=tyve');
    assert.equal(bad.status, 200);
    const html = await bad.text();
    assert.match(html, /Skriv et årstal med fire cifre/);
    assert.match(html, /<details class="details search-filters" open/);
  });

  void it('serves the public the same page again, but never after a change', async () => {
    const search = async () => (await t.anonymous.request('/search?q=kolibri')).text();
    const first = await search();
    assert.match(first, /<mark>Kolibri<\/mark>/);
    assert.equal(await search(), first, 'the same page while nothing changed');
    const stampBefore = await publicSearchStamp(t.db);

    // Closing the item must reach the next anonymous search at once: the page is cached per
    // stamp, and the stamp moves with the item.
    await t.db.query(
      `update item set access = 'closed' where title like 'Åbent punkt om Kolibri%'`,
    );
    const closed = await search();
    assert.match(closed, /Ingen resultater/);
    assert.doesNotMatch(closed, /Kolibri/);
    assert.notEqual(await publicSearchStamp(t.db), stampBefore);

    // A new mention (the kommune filter reads them) and a renamed committee move the stamp too.
    const stampClosed = await publicSearchStamp(t.db);
    await t.db.query(
      `insert into item_mention (item_id, kind, value)
       select id, 'municipality', 'Hjørring' from item where title like 'Åbent punkt om Kolibri%'`,
    );
    const stampMention = await publicSearchStamp(t.db);
    assert.notEqual(stampMention, stampClosed);
    await t.db.query(`update committee set name = name || ' (ny)' where short_name = 'FU'`);
    assert.notEqual(await publicSearchStamp(t.db), stampMention);

    await t.db.query(`update item set access = 'open' where title like 'Åbent punkt om Kolibri%'`);
    assert.match(await search(), /<mark>Kolibri<\/mark>/);
    // The secretariat's page is never the public one from the cache.
    await t.db.query(
      `update item set access = 'closed' where title like 'Åbent punkt om Kolibri%'`,
    );
    assert.match(await (await sec.request('/search?q=kolibri')).text(), /<mark>Kolibri<\/mark>/);
    assert.match(await search(), /Ingen resultater/);
    await t.db.query(`update item set access = 'open' where title like 'Åbent punkt om Kolibri%'`);
    await t.db.query(
      `update committee set name = replace(name, ' (ny)', '') where short_name = 'FU'`,
    );
  });

  void it('answers /api/search with plain snippets and highlight offsets', async () => {
    const res = await t.anonymous.request('/api/search?q=takst&limit=5');
    assert.equal(res.status, 200);
    const body = (await res.json()) as {
      total: number;
      totalExact: boolean;
      hits: ApiHit[];
      limit: number;
    };
    assert.ok(body.total >= 1);
    assert.equal(body.totalExact, true, 'a small archive is counted exactly');
    assert.equal(body.limit, 5);
    const hit = body.hits[0]!;
    assert.deepEqual(Object.keys(hit).sort(), [
      'committee',
      'date',
      'highlights',
      'itemId',
      'meetingId',
      'number',
      'section',
      'snippet',
      'title',
      'url',
    ]);
    assert.doesNotMatch(hit.snippet, /\uE000|\uE001/);
    assert.ok(hit.highlights.length >= 1);
    for (const [start, end] of hit.highlights)
      assert.match(hit.snippet.slice(start, end).toLowerCase(), /^takst/);
    const missing = await t.anonymous.request('/api/search');
    assert.equal(missing.status, 400);
    assert.match(((await missing.json()) as { error: string }).error, /Søgningen kunne ikke/);
    assert.equal((await t.anonymous.request('/api/search?q=takst&limit=0')).status, 400);
  });

  void it('splits marked snippets into text and offsets', () => {
    assert.deepEqual(splitHighlights('a \uE000bc\uE001 d \uE000e\uE001'), {
      text: 'a bc d e',
      highlights: [
        [2, 4],
        [7, 8],
      ],
    });
  });
});
