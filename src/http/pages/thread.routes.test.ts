import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type Client, type TestApp } from '../../../test/support/app.ts';
import { importDocument } from '../../services/archive-import.service.ts';
import { rebuildThreads } from '../../services/thread.service.ts';
import { itemIdFrom } from './thread.routes.tsx';

const SEEDS = new URL('../../../../shared/seeds/', import.meta.url);

/** The test app: app.ts mounts the archive, search and thread routes. */
const archiveTestApp = (): Promise<TestApp> => createTestApp();

interface ThreadJson {
  id: string;
  title: string;
  items: {
    date: string | null;
    committee: string;
    number: number;
    title: string;
    itemId: number;
  }[];
}

const THREAD = 'Socialfagligt fokus på beskæftigelse';

void describe('case thread pages and /api/threads', () => {
  let t: TestApp;
  let sec: Client;
  let threadId: number;
  let items: ThreadJson['items'];
  before(async () => {
    t = await archiveTestApp();
    sec = await t.login('secretariat');
    for (const name of [
      'das-2019-01-22-orientering-og-bilag.txt',
      'das-2021-01-20-dagsorden.txt',
    ]) {
      const bytes = new Uint8Array(await readFile(new URL(name, SEEDS)));
      await importDocument(t.db, { filename: name, bytes }, t.services.clock, {
        fallbackCommittee: 'DAS',
      });
    }
    const threads = (await (await t.anonymous.request('/api/threads')).json()) as ThreadJson[];
    const thread = threads.find((x) => x.title === THREAD);
    assert.ok(thread, 'the seeded thread exists');
    threadId = Number(thread.id);
    items = thread.items;
  });
  after(() => t.dispose());

  void it('lists the seeded thread for everyone and shows its timeline', async () => {
    const list = await (await t.anonymous.request('/threads')).text();
    assert.match(list, new RegExp(`href="/threads/${threadId}">${THREAD}`));
    assert.match(list, /22\. januar 2019 – 20\. januar 2021/);
    const html = await (await t.anonymous.request(`/threads/${threadId}`)).text();
    for (const i of items) assert.match(html, new RegExp(`href="/items/${i.itemId}"`));
    assert.match(html, /Punkt 2\. Igangsættelse af fokusområde 1/);
    assert.doesNotMatch(html, /Ret sagsforløbet/);
    assert.equal(items[0]?.date, '2019-01-22');
    assert.equal(items[1]?.date, '2021-01-20');
  });

  void it('shows the timeline on the item page', async () => {
    const html = await (await t.anonymous.request(`/items/${items[1]!.itemId}`)).text();
    assert.match(html, new RegExp(`Sagsforløb: ${THREAD}`));
    assert.match(html, new RegExp(`href="/items/${items[0]!.itemId}"`));
    assert.match(html, /aria-current="true"/);
  });

  void it('answers /api/threads/:id in the CONTRACT shape, 404 for an unknown id', async () => {
    const res = await t.anonymous.request(`/api/threads/${threadId}`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as ThreadJson;
    assert.equal(body.id, String(threadId));
    assert.equal(body.title, THREAD);
    assert.deepEqual(
      body.items.map((i) => [i.date, i.committee, i.number]),
      [
        ['2019-01-22', 'DAS', 2],
        ['2021-01-20', 'DAS', 9],
      ],
    );
    assert.equal((await t.anonymous.request('/api/threads/99999')).status, 404);
  });

  void it('refuses thread actions to anonymous visitors and members', async () => {
    const res = await t.anonymous.form(`/threads/${threadId}/rename`, { title: 'Kapret' });
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location') ?? '', /^\/login/);
    const member = await t.login('member', { committees: ['DAS'] });
    assert.equal(
      (await member.form(`/threads/${threadId}/unlink`, { itemId: String(items[0]!.itemId) }))
        .status,
      403,
    );
    const [row] = await t.db.query<{ n: number }>('select count(*)::int as n from thread_decision');
    assert.equal(row?.n, 0);
    assert.doesNotMatch(await (await t.anonymous.request('/threads')).text(), /Kapret/);
  });

  void it('lets the secretariat rename a thread, and the name survives a rebuild', async () => {
    const page = await (await sec.request(`/threads/${threadId}`)).text();
    assert.match(page, /Ret sagsforløbet/);
    const bad = await sec.form(`/threads/${threadId}/rename`, { title: '   ' });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /Sagsforløbet skal have en titel/);
    const res = await sec.form(`/threads/${threadId}/rename`, {
      title: 'Beskæftigelse: fokusområde 1',
    });
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location') ?? '', new RegExp(`^/threads/${threadId}\\?saved=`));
    await rebuildThreads(t.db);
    const html = await (await t.anonymous.request('/threads')).text();
    assert.match(html, /Beskæftigelse: fokusområde 1/);
    assert.doesNotMatch(html, new RegExp(`>${THREAD}<`));
  });

  void it('links an item by its address, unlinks it, confirms and splits', async () => {
    const [other] = await t.db.query<{ id: number }>(
      `select i.id from item i join meeting m on m.id = i.meeting_id
       where m.date = '2021-01-20' and i.number = 4`,
    );
    const linked = await sec.form(`/threads/${threadId}/link`, {
      item: `http://localhost:3000/items/${other!.id}#top`,
    });
    assert.equal(linked.status, 303);
    let thread = (await (await sec.request(`/api/threads/${threadId}`)).json()) as ThreadJson;
    assert.equal(thread.items.length, 3);
    const badLink = await sec.form(`/threads/${threadId}/link`, { item: 'punkt fire' });
    assert.equal(badLink.status, 400);
    assert.match(await badLink.text(), /Skriv punktets nummer/);

    assert.equal(
      (await sec.form(`/threads/${threadId}/unlink`, { itemId: String(other!.id) })).status,
      303,
    );
    thread = (await (await sec.request(`/api/threads/${threadId}`)).json()) as ThreadJson;
    assert.equal(thread.items.length, 2);

    assert.equal((await sec.form(`/threads/${threadId}/confirm`, {})).status, 303);
    assert.match(
      await (await sec.request(`/threads/${threadId}`)).text(),
      /bekræftet af sekretariatet/,
    );

    const split = await sec.form(`/threads/${threadId}/split`, {
      itemId: String(items[1]!.itemId),
    });
    assert.equal(split.status, 303);
    assert.match(split.headers.get('location') ?? '', /^\/threads\?saved=/);
    assert.equal((await t.anonymous.request(`/threads/${threadId}`)).status, 404);
  });

  void it('reads item ids from numbers and addresses', () => {
    assert.equal(itemIdFrom('123'), 123);
    assert.equal(itemIdFrom(' /items/45 '), 45);
    assert.equal(itemIdFrom('https://x.dk/items/7/edit'), 7);
    assert.equal(itemIdFrom('https://x.dk/items/7x'), null);
    assert.equal(itemIdFrom('/meetings/7'), null);
    assert.equal(itemIdFrom(''), null);
  });
});
