import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createTestDb, type TestDb } from '../../test/support/db.ts';
import type { Db } from '../db/client.ts';
import { ANONYMOUS, type Viewer } from '../domain/meetings/index.ts';
import { importDocument } from './archive-import.service.ts';
import { listThreads, rebuildThreads, threadActions, threadOfItem } from './thread.service.ts';

const SECRETARIAT: Viewer = { userId: 1, role: 'secretariat', committeeIds: [] };
const clock = { now: () => new Date('2024-05-01T10:00:00Z') };
const SEEDS = [
  'das-2012-referat.txt',
  'das-2017-03-02-referat.txt',
  'das-2019-01-22-orientering-og-bilag.txt',
  'das-2021-01-20-dagsorden.txt',
];
const seedText = (name: string) =>
  readFileSync(new URL(`../../../shared/seeds/${name}`, import.meta.url), 'utf8');

async function itemId(db: Db, date: string | null, number: number): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `select i.id from item i join meeting m on m.id = i.meeting_id
     where m.date is not distinct from $1::date and i.number = $2`,
    [date, number],
  );
  assert.ok(row, `item ${date} ${number}`);
  return row.id;
}

const key = (i: { date: string | null; number: number }) => `${i.date ?? 'udateret'}#${i.number}`;

void describe('case threads over the seed documents', () => {
  let t: TestDb;
  before(async () => {
    t = await createTestDb();
    for (const name of SEEDS) {
      await importDocument(
        t.db,
        { filename: name, bytes: new TextEncoder().encode(seedText(name)) },
        clock,
      );
    }
  });
  after(() => t.dispose());

  void it('links the 2019 launch of the focus area to the 2021 status that reports on it', async () => {
    // 2019 item 2 starts the work on ”Socialfagligt fokus på beskæftigelse”; the 2021 status on
    // Nordjysk Socialaftale 2018-2020 (item 9) reports on that focus area under its own heading.
    const threads = await listThreads(t.db, ANONYMOUS);
    const thread = threads.find((th) => th.items.some((i) => key(i) === '2019-01-22#2'));
    assert.ok(thread, 'the 2019 item is in a thread');
    assert.equal(thread.title, 'Socialfagligt fokus på beskæftigelse');
    assert.deepEqual(thread.items.map(key), ['2019-01-22#2', '2021-01-20#9']);
    assert.ok(thread.items.every((i) => i.committee === 'DAS'));
  });

  void it('links nothing it cannot justify', async () => {
    const threads = await listThreads(t.db, SECRETARIAT);
    const linked = threads.flatMap((th) => th.items.map(key));
    assert.equal(new Set(linked).size, linked.length, 'an item is in at most one thread');
    // The 2012 dispute about Specialbørnehjemmene and the 2017 tariff structure of the same
    // offer are different cases five years apart.
    assert.ok(!linked.includes('udateret#7'));
    assert.ok(!linked.includes('2017-03-02#9'));
    // Standard and generic items are never linked.
    const [standard] = await t.db.query<{ n: number }>(
      `select count(*)::int as n from thread_item ti join item i on i.id = ti.item_id
       where i.standard_kind is not null or i.title ilike 'Orientering om FU beslutninger'`,
    );
    assert.equal(standard?.n, 0);
    // Items within a thread are in date order.
    for (const th of threads) {
      const dates = th.items.map((i) => i.date ?? '9999');
      assert.deepEqual(dates, [...dates].sort());
    }
  });

  void it('keeps manual choices and thread ids through a re-import of a corrected document', async () => {
    const actions = threadActions(t.db, null);
    const [before] = await listThreads(t.db, SECRETARIAT);
    assert.ok(before);
    await actions.rename(before.id, 'Beskæftigelse: fokusområde 1');
    // link two items by hand that the rules leave apart
    const takst2012 = await itemId(t.db, null, 5);
    const takst2017 = await itemId(t.db, '2017-03-02', 9);
    await actions.link([takst2012, takst2017]);

    const corrected = seedText('das-2021-01-20-dagsorden.txt').replace(
      'Orientering om brev vedr. Prader Willis',
      'Orientering om brev vedr. Prader-Willi',
    );
    const result = await importDocument(
      t.db,
      { filename: 'rettet.txt', bytes: new TextEncoder().encode(corrected) },
      clock,
    );
    assert.equal(result.status, 'updated');

    const after = await listThreads(t.db, SECRETARIAT);
    const renamed = after.find((th) => th.id === before.id);
    assert.equal(renamed?.title, 'Beskæftigelse: fokusområde 1');
    assert.deepEqual(renamed?.items.map(key), ['2019-01-22#2', '2021-01-20#9']);
    const manual = after.find((th) => th.items.some((i) => i.itemId === takst2012));
    assert.deepEqual(
      manual?.items.map((i) => i.itemId),
      [takst2017, takst2012],
    );
  });

  void it('unlinks, splits, merges and confirms, and a rebuild keeps it so', async () => {
    const actions = threadActions(t.db, null);
    const status2021 = await itemId(t.db, '2021-01-20', 9);
    await actions.unlink(status2021);
    let threads = await listThreads(t.db, SECRETARIAT);
    assert.ok(!threads.some((th) => th.items.some((i) => i.itemId === status2021)));
    await rebuildThreads(t.db);
    threads = await listThreads(t.db, SECRETARIAT);
    assert.ok(!threads.some((th) => th.items.some((i) => i.itemId === status2021)));

    const launch = await itemId(t.db, '2019-01-22', 2);
    await actions.link([launch, status2021]);
    const thread = await threadOfItem(t.db, SECRETARIAT, launch);
    assert.deepEqual(thread?.items.map(key), ['2019-01-22#2', '2021-01-20#9']);
    assert.ok(thread);
    await actions.split(thread.id, status2021);
    assert.equal(await threadOfItem(t.db, SECRETARIAT, launch), null, 'a part of one is no thread');

    const letterItem = await itemId(t.db, '2019-01-22', 1);
    await actions.link([launch, letterItem]);
    const kept = await threadOfItem(t.db, SECRETARIAT, launch);
    assert.deepEqual(kept?.items.map(key).sort(), ['2019-01-22#1', '2019-01-22#2']);
    assert.ok(kept);
    await actions.confirm(kept.id);
    await rebuildThreads(t.db);
    const confirmed = await threadOfItem(t.db, SECRETARIAT, letterItem);
    assert.ok(confirmed);
    assert.ok(confirmed.items.every((i) => i.confirmed));
    // the split still holds: the 2021 status does not join the 2019 items
    assert.ok(!confirmed.items.some((i) => i.itemId === status2021));

    const takst = await threadOfItem(t.db, SECRETARIAT, await itemId(t.db, null, 5));
    assert.ok(takst);
    await actions.merge(confirmed.id, takst.id);
    const merged = await threadOfItem(t.db, SECRETARIAT, letterItem);
    assert.equal(merged?.items.length, 4);
    await assert.rejects(
      actions.split(merged?.id ?? 0, merged?.items[0]?.itemId ?? 0),
      /første punkt/,
    );
    await assert.rejects(actions.rename(merged?.id ?? 0, '   '), /titel/);
    await assert.rejects(actions.link([letterItem]), /mindst to/);
  });

  void it('shows the public only what it may see, named by what it sees', async () => {
    const [thread] = await listThreads(t.db, SECRETARIAT);
    assert.ok(thread);
    const hidden = thread.items[0];
    assert.ok(hidden);
    await t.db.query(`update item set access = 'closed' where id = $1`, [hidden.itemId]);
    const publicThreads = await listThreads(t.db, ANONYMOUS);
    for (const th of publicThreads) {
      assert.ok(!th.items.some((i) => i.itemId === hidden.itemId));
      assert.ok(th.items.length >= 2);
    }
    const secretariat = await listThreads(t.db, SECRETARIAT);
    assert.ok(secretariat.some((th) => th.items.some((i) => i.itemId === hidden.itemId)));
    await t.db.query(`update item set access = 'open' where id = $1`, [hidden.itemId]);
  });
});
