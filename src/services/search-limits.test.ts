/**
 * Search over a large archive: compound tails from search_word, and the cut-off at the newest
 * hits (injected small here rather than filling 1,000 rows), with the access rules intact.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb, type TestDb } from '../../test/support/db.ts';
import type { Db } from '../db/client.ts';
import { ANONYMOUS, type Stage, type Viewer } from '../domain/meetings/index.ts';
import { HIT_END, HIT_START } from '../domain/search/index.ts';
import { search } from './search.service.ts';

const SECRETARIAT: Viewer = { userId: 1, role: 'secretariat', committeeIds: [] };

interface ItemSpec {
  title: string;
  access?: 'open' | 'closed';
  body?: string;
  decision?: string;
}

/** A meeting of DAS with its items (in one insert, as an import does); returns the item ids. */
async function addMeeting(
  db: Db,
  date: string,
  stage: Stage,
  items: ItemSpec[],
): Promise<number[]> {
  const [meeting] = await db.query<{ id: number }>(
    `insert into meeting (committee_id, date, stage)
     values ((select id from committee where short_name = 'DAS'), $1, $2) returning id`,
    [date, stage],
  );
  assert.ok(meeting);
  const rows = await db.query<{ id: number }>(
    `insert into item (meeting_id, number, section, title, access, body, decision)
     select $1, n, 'for-decision', title, access, body, decision
       from jsonb_to_recordset($2::jsonb)
         as i(n int, title text, access text, body text, decision text)
     order by n
     returning id`,
    [
      meeting.id,
      items.map((item, k) => ({
        n: k + 1,
        title: item.title,
        access: item.access ?? 'open',
        body: item.body ?? '',
        decision: item.decision ?? '',
      })),
    ],
  );
  return rows.map((r) => r.id);
}

const ids = (hits: { itemId: number }[]) => hits.map((h) => h.itemId).sort((a, b) => a - b);

void describe('search limits', () => {
  let t: TestDb;
  let reporting: number;
  let closedReporting: number;
  let aalborg: number;
  /** Open "kapacitet" items of published meetings, oldest first. */
  const capacity: number[] = [];
  let capacityClosed: number;
  let capacityDraft: number;
  let capacityDecisionDraft: number;

  before(async () => {
    t = await createTestDb();
    [reporting, closedReporting, aalborg] = (await addMeeting(
      t.db,
      '2020-02-01',
      'minutes-approved',
      [
        { title: 'Takstindberetning 2022', body: 'Vinduet for takstindberetningen åbner i juni.' },
        { title: 'Lukket sag', access: 'closed', body: 'Tilsynsindberetningen om en borger.' },
        { title: 'Samarbejde med Aalborg', body: 'Aalborg Kommune deltager.' },
      ],
    )) as [number, number, number];
    for (const [k, date] of ['2021-01-10', '2021-02-10', '2021-03-10', '2021-04-10'].entries())
      capacity.push(
        ...(await addMeeting(t.db, date, 'minutes-approved', [
          { title: `Kapacitet på området ${k + 1}`, body: 'Kapaciteten drøftes.' },
        ])),
      );
    // Newer than every open hit: matches the public must neither see nor have counted.
    [capacityClosed] = (await addMeeting(t.db, '2022-01-10', 'minutes-approved', [
      { title: 'Kapacitet i lukket punkt', access: 'closed' },
    ])) as [number];
    [capacityDraft] = (await addMeeting(t.db, '2022-02-10', 'agenda-draft', [
      { title: 'Kapacitet på kladde' },
    ])) as [number];
    [capacityDecisionDraft] = (await addMeeting(t.db, '2022-03-10', 'minutes-draft', [
      { title: 'Budget', decision: 'Kapaciteten udvides.' },
    ])) as [number];
  });
  after(() => t.dispose());

  void it('finds the compounds a word of five letters or more ends', async () => {
    const result = await search(t.db, ANONYMOUS, 'indberetning');
    assert.deepEqual(ids(result.hits), [reporting]);
    assert.match(
      result.hits[0]?.snippet ?? '',
      new RegExp(`${HIT_START}takstindberetningen${HIT_END}`),
    );
    assert.equal(result.hits[0]?.title, 'Takstindberetning 2022');
    // the closed item's compound is found only by those who may read it
    assert.deepEqual(ids((await search(t.db, SECRETARIAT, 'indberetning')).hits), [
      reporting,
      closedReporting,
    ]);
  });

  void it('leaves short stems and phrases alone', async () => {
    // "borger" stems to "borg", which "Aalborg" ends with: no compound of it
    assert.deepEqual(ids((await search(t.db, SECRETARIAT, 'borger')).hits), [closedReporting]);
    assert.ok(!ids((await search(t.db, ANONYMOUS, 'borger')).hits).includes(aalborg));
    assert.deepEqual(ids((await search(t.db, ANONYMOUS, '"indberetning 2022"')).hits), []);
  });

  void it('excludes a word together with the compounds it ends', async () => {
    const result = await search(t.db, SECRETARIAT, 'vinduet -indberetning');
    assert.deepEqual(ids(result.hits), []);
  });

  void it('learns the words of changed text', async () => {
    const [created] = await addMeeting(t.db, '2019-05-01', 'minutes-approved', [
      { title: 'Ændret punkt' },
    ]);
    assert.ok(created);
    assert.deepEqual(ids((await search(t.db, ANONYMOUS, 'opgørelse')).hits), []);
    await t.db.query(`update item set body = 'Den nye belægningsopgørelse.' where id = $1`, [
      created,
    ]);
    assert.deepEqual(ids((await search(t.db, ANONYMOUS, 'opgørelse')).hits), [created]);
    // an attachment's text, added when the file is read after the upload
    await t.db.query(`insert into file_blob (sha256, bytes, size) values ('x', $1, 1)`, [
      new Uint8Array([1]),
    ]);
    await t.db.query(
      `insert into attachment (item_id, title, filename, media_type, sha256, size, access, position)
       values ($1, 'Bilag', 'b.pdf', 'application/pdf', 'x', 1, 'open', 1)`,
      [created],
    );
    assert.deepEqual(ids((await search(t.db, ANONYMOUS, 'handleplan')).hits), []);
    await t.db.query(
      `update attachment set text = 'Skabelon til borgerhandleplan' where item_id = $1`,
      [created],
    );
    assert.deepEqual(ids((await search(t.db, ANONYMOUS, 'handleplan')).hits), [created]);
  });

  void it('ranks and counts only the newest hits the viewer may see, and says when there are more', async () => {
    const exact = await search(t.db, ANONYMOUS, 'kapacitet', {}, { maxHits: 4 });
    assert.equal(exact.total, 4);
    assert.equal(exact.totalExact, true, 'the closed, draft and undecided hits do not count');
    assert.deepEqual(ids(exact.hits), capacity);

    const cut = await search(t.db, ANONYMOUS, 'kapacitet', {}, { maxHits: 3 });
    assert.equal(cut.total, 3);
    assert.equal(cut.totalExact, false);
    assert.deepEqual(ids(cut.hits), capacity.slice(1), 'the newest three');

    const secretariat = await search(t.db, SECRETARIAT, 'kapacitet', {}, { maxHits: 3 });
    assert.equal(secretariat.totalExact, false);
    assert.deepEqual(
      ids(secretariat.hits),
      [capacityClosed, capacityDraft, capacityDecisionDraft].sort((a, b) => a - b),
      'the secretariat sees the newer closed, draft and decision hits',
    );
    const all = await search(t.db, SECRETARIAT, 'kapacitet', {}, { maxHits: 7 });
    assert.deepEqual(all.total, 7);
    assert.equal(all.totalExact, true);
  });

  void it('keeps the count on a page past the hits', async () => {
    const page = await search(t.db, ANONYMOUS, 'kapacitet', {}, { maxHits: 3, offset: 5 });
    assert.deepEqual(page.hits, []);
    assert.equal(page.total, 3);
    assert.equal(page.totalExact, false);
    const hits = await search(t.db, ANONYMOUS, 'kapacitet', {}, { limit: 2, maxHits: 3 });
    assert.equal(hits.hits.length, 2);
    assert.ok(hits.hits.every((h) => h.snippet.includes(HIT_START) && h.snippet.includes(HIT_END)));
  });
});
