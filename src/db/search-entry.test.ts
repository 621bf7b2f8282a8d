/**
 * search_entry and search_rank (migration 0016) are copies kept by triggers; search reads only
 * them. Whatever happens to items and meetings, the copies must equal what their views compute
 * from the items themselves, or search shows a closed item, a draft or a stale date.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb, type TestDb } from '../../test/support/db.ts';
import { withoutPhrases } from './repositories/search.repository.ts';

let t: TestDb;
before(async () => {
  t = await createTestDb();
});
after(async () => {
  await t.dispose();
});

/** Rows that differ between the copy and its view, either way; [] when they agree. */
async function differences(table: 'search_entry' | 'search_rank'): Promise<unknown[]> {
  return t.db.query(
    `(select 'stale' as side, * from ${table} except select 'stale', * from ${table}_source)
     union all
     (select 'missing', * from ${table}_source except select 'missing', * from ${table})`,
  );
}

async function assertInSync(when: string): Promise<void> {
  assert.deepEqual(await differences('search_entry'), [], `search_entry after ${when}`);
  assert.deepEqual(await differences('search_rank'), [], `search_rank after ${when}`);
}

async function committee(shortName: string): Promise<number> {
  const [row] = await t.db.query<{ id: number }>(`select id from committee where short_name = $1`, [
    shortName,
  ]);
  assert.ok(row, shortName);
  return row.id;
}

void describe('search_entry and search_rank follow items and meetings', () => {
  void it('stay equal to their views through inserts, edits, moves and deletes', async () => {
    const das = await committee('DAS');
    const fu = await committee('FU');
    const [m1, m2] = await t.db.query<{ id: number }>(
      `insert into meeting (committee_id, date, stage) values ($1, '2020-03-02', 'agenda-draft'),
         ($1, '2021-05-04', 'minutes-approved') returning id`,
      [das],
    );
    assert.ok(m1 && m2);
    // Several items in one statement, as an import adds them (the statement trigger).
    const items = await t.db.query<{ id: number }>(
      `insert into item (meeting_id, number, section, title, summary, body, decision)
       select $1, n, 'for-decision', 'Takster for ' || n, 'Resumé om kapacitet ' || n,
              'Sagen om Kvisten ' || n, case when n = 1 then 'Godkendt' else '' end
         from generate_series(1, 5) n returning id`,
      [m1.id],
    );
    await assertInSync('a bulk insert');
    const [count] = await t.db.query<{ n: number }>(`select count(*)::int as n from search_entry`);
    assert.equal(count?.n, 5);
    const first = items[0]?.id;
    const second = items[1]?.id;
    assert.ok(first !== undefined && second !== undefined);

    await t.db.query(`update item set title = 'Nyt navn', access = 'closed' where id = $1`, [
      first,
    ]);
    await assertInSync('an edit of title and access');
    await t.db.query(
      `update item set decision = 'Udsat', section = 'for-information' where id = $1`,
      [second],
    );
    await assertInSync('a decision and section edit');
    await t.db.query(`update item set meeting_id = $1 where id = $2`, [m2.id, second]);
    await assertInSync('a move to another meeting');
    await t.db.query(
      `update meeting set stage = 'agenda-published', date = '2020-03-09', committee_id = $1
        where id = $2`,
      [fu, m1.id],
    );
    await assertInSync('a meeting published, moved and given to another committee');
    const [moved] = await t.db.query<{ stage: string; committee_id: number; meeting_date: string }>(
      `select stage, committee_id, meeting_date from search_entry where item_id = $1`,
      [first],
    );
    assert.deepEqual(moved, {
      stage: 'agenda-published',
      committee_id: fu,
      meeting_date: '2020-03-09',
    });
    await t.db.query(`delete from item where id = $1`, [first]);
    await assertInSync('an item deleted');
    await t.db.query(`delete from meeting where id = $1`, [m1.id]);
    await assertInSync('a meeting deleted');
    const [left] = await t.db.query<{ n: number }>(`select count(*)::int as n from search_entry`);
    assert.equal(left?.n, 1, 'only the item moved to the other meeting is left');
  });
});

void describe('search_entry stays narrow', () => {
  void it("keeps long items' text vectors out of the row, in a few bytes per item", async () => {
    const das = await committee('DAS');
    const [meeting] = await t.db.query<{ id: number }>(
      `insert into meeting (committee_id, date, stage) values ($1, '2022-01-10', 'minutes-approved')
       returning id`,
      [das],
    );
    assert.ok(meeting);
    // 200 items of 150 different words each (a vector of several kilobytes), in one statement.
    await t.db.query(
      `insert into item (meeting_id, number, section, title, body)
       select $1, n, 'for-decision', 'Punkt ' || n,
              (select string_agg(md5(n::text || '-' || w::text), ' ') from generate_series(1, 150) w)
         from generate_series(1, 200) n`,
      [meeting.id],
    );
    const [size] = await t.db.query<{ perRow: number; vector: number }>(
      `select pg_relation_size('search_entry') / count(*) as "perRow",
              avg(pg_column_size(text_vector))::int as vector
         from search_entry where meeting_id = $1`,
      [meeting.id],
    );
    assert.ok(size);
    assert.ok(size.vector > 4000, `the vectors are large (${size.vector} bytes)`);
    // A row is its scalars and an 18-byte pointer; with the vectors in the row it would be > 4 kB.
    assert.ok(size.perRow < 400, `${size.perRow} bytes per item in search_entry's main table`);
  });
});

void describe('withoutPhrases', () => {
  void it('makes phrase operators AND and leaves other queries alone', () => {
    assert.equal(
      withoutPhrases(`'kompleks' <-> 'behov' & 'takst':*`),
      `'kompleks' & 'behov' & 'takst':*`,
    );
    assert.equal(withoutPhrases(`'a' <2> 'b'`), `'a' & 'b'`);
    assert.equal(withoutPhrases(`'takst':* | 'kvist'`), null);
    // A quoted lexeme keeps its characters, even ones that look like an operator.
    assert.equal(withoutPhrases(`'x<->y' & 'z'`), null);
  });
});
