/**
 * More matches than are ranked (MAX_HITS = 1,000): the page, the API and the command line say so
 * in words, not with a count that looks exact. 1,001 items are inserted in one statement, as an
 * import does.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { fakeIo } from '../../../test/support/cli-io.ts';
import { makeSearchCommand } from '../../cli/commands/search.ts';
import { MAX_HITS } from '../../services/search.service.ts';

void describe('a search with more than 1,000 matches', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    const [meeting] = await t.db.query<{ id: number }>(
      `insert into meeting (committee_id, date, stage, status)
       values ((select id from committee where short_name = 'DAS'), '2019-06-12',
               'minutes-approved', 'held') returning id`,
    );
    assert.ok(meeting);
    await t.db.query(
      `insert into item (meeting_id, number, section, title, body)
       select $1, n, 'for-information', 'Kapacitetsplan del ' || n, 'Om kapacitetsplanen.'
         from generate_series(1, $2::int + 1) n`,
      [meeting.id, MAX_HITS],
    );
  });
  after(() => t.dispose());

  void it('says "Over 1.000" on the page, in the API and on the command line', async () => {
    const html = await (await t.anonymous.request('/search?q=kapacitetsplan')).text();
    assert.match(html, /Over 1\.000 punkter fundet; de nyeste 1\.000 er sorteret efter relevans/);
    assert.match(html, /viser 1–20/);

    const api = (await (await t.anonymous.request('/api/search?q=kapacitetsplan')).json()) as {
      total: number;
      totalExact: boolean;
    };
    assert.deepEqual(
      { total: api.total, totalExact: api.totalExact },
      {
        total: MAX_HITS,
        totalExact: false,
      },
    );

    const io = fakeIo();
    const command = makeSearchCommand(() =>
      Promise.resolve({ ...t.db, close: () => Promise.resolve() }),
    );
    assert.equal(await command(['kapacitetsplan'], io), 0);
    assert.match(io.out.join(''), /^Over 1\.000 resultater; de 20 bedste blandt de 1\.000 nyeste:/);
  });

  void it('counts exactly when one match fewer', async () => {
    await t.db.query(`delete from item where title = 'Kapacitetsplan del 1'`);
    const html = await (await t.anonymous.request('/search?q=kapacitetsplan')).text();
    assert.match(html, /1\.000 punkter fundet/);
    assert.doesNotMatch(html, /Over 1\.000/);
  });
});
