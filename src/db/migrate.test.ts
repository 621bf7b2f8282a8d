import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDb, type TestDb } from '../../test/support/db.ts';
import { migrate, MigrationError, readMigrations } from './migrate.ts';

void describe('migrations', () => {
  let t: TestDb;
  before(async () => {
    t = await createTestDb();
  });
  after(() => t.dispose());

  void it('records every migration file once', async () => {
    const rows = await t.db.query<{ id: string }>('select id from schema_migration order by id');
    assert.deepEqual(
      rows.map((r) => r.id),
      readMigrations().map((m) => m.id),
    );
    assert.deepEqual(await migrate(t.db), []);
  });

  void it('loads the 11 kommuner with their 2020K1 population totalling 589,936', async () => {
    const [row] = await t.db.query<{ n: number; total: number }>(
      `select count(*) as n, sum(p.count)::int8 as total from organisation o
       join population p on p.organisation_id = o.id and p.period = '2020K1'
       where o.kind = 'municipality'`,
    );
    assert.deepEqual(row, { n: 11, total: 589936 });
    const units = await t.db.query<{ short_name: string; parent: string }>(
      `select u.short_name, p.short_name as parent from organisation u
       join organisation p on p.id = u.parent_id order by u.short_name`,
    );
    assert.deepEqual(units, [
      { short_name: 'Aalborg FB', parent: 'Aalborg' },
      { short_name: 'Aalborg ÆH', parent: 'Aalborg' },
      { short_name: 'Specialsektoren', parent: 'Regionen' },
    ]);
  });

  void it('refuses a migration history with an unknown applied id', async () => {
    await t.db.query(`insert into schema_migration (id) values ('9999_from_the_future')`);
    await assert.rejects(() => migrate(t.db), MigrationError);
    await t.db.query(`delete from schema_migration where id = '9999_from_the_future'`);
  });

  void it('refuses a new migration older than the newest applied', async () => {
    const list = [...readMigrations(), { id: '0000_late', sql: 'select 1' }].sort((a, b) =>
      a.id.localeCompare(b.id),
    );
    await assert.rejects(() => migrate(t.db, list), /ældre end den nyeste/);
  });

  void it('keeps dates as plain ISO strings', async () => {
    const [row] = await t.db.query<{ d: string }>(`select date '2021-01-20' as d`);
    assert.equal(row?.d, '2021-01-20');
  });
});
