/**
 * GET /health: the version and a database check with a time limit; 503 with a Danish message when
 * the database does not answer (a server that accepts connections and never replies) or cannot be
 * reached (nothing listens), and while the process shuts down.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { createTestDb, testDatabaseUrl, testDbKind, type TestDb } from '../../test/support/db.ts';
import { silentServer } from '../../test/support/silent-server.ts';
import { openPostgres, type Db } from '../db/client.ts';
import { healthRoute, VERSION, type Lifecycle } from './health.ts';

interface Report {
  status: string;
  version: string;
  database?: { status: string; ms: number };
  message?: string;
}

/** How many backends of `database` run pg_sleep, asked from outside its pool. */
async function sleeping(database: string): Promise<number> {
  const client = new pg.Client({ connectionString: testDatabaseUrl ?? '' });
  await client.connect();
  try {
    const res = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity
        where query like 'select pg_sleep%' and state = 'active' and datname = $1`,
      [database],
    );
    return res.rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

async function get(db: Db, opts: { timeoutMs?: number; lifecycle?: Lifecycle } = {}) {
  const res = await healthRoute({ db, ...opts }).request('/health');
  return { status: res.status, report: (await res.json()) as Report };
}

void describe('GET /health', () => {
  let t: TestDb;
  before(async () => {
    t = await createTestDb();
  });
  after(() => t.dispose());

  void it('reports ok, the version from package.json and the database', async () => {
    const { status, report } = await get(t.db);
    assert.equal(status, 200);
    assert.equal(report.status, 'ok');
    assert.match(report.version, /^\d+\.\d+\.\d+/);
    assert.equal(report.version, VERSION);
    assert.equal(report.database?.status, 'ok');
  });

  void it('answers 503 in Danish when the database does not answer within the limit', async () => {
    const silent = await silentServer();
    const db = openPostgres(`postgres://x:y@127.0.0.1:${silent.port}/x`, 1);
    try {
      const { status, report } = await get(db, { timeoutMs: 150 });
      assert.equal(status, 503);
      assert.equal(report.status, 'error');
      assert.equal(report.database?.status, 'timeout');
      assert.match(report.message ?? '', /^Databasen svarer ikke \(intet svar inden for 150 ms\)/);
    } finally {
      await silent.close(); // ends the pending connection attempt, so the pool can close
      await db.close();
    }
  });

  void it('answers 503 in Danish when the database cannot be reached', async () => {
    const silent = await silentServer();
    const port = silent.port;
    await silent.close(); // nothing listens on the port now
    const db = openPostgres(`postgres://x:y@127.0.0.1:${port}/x`, 1);
    try {
      const { status, report } = await get(db, { timeoutMs: 5000 });
      assert.equal(status, 503);
      assert.equal(report.database?.status, 'error');
      assert.match(report.message ?? '', /Databasen kan ikke nås/);
    } finally {
      await db.close();
    }
  });

  void it('answers 503 while the process shuts down, without asking the database', async () => {
    const { status, report } = await get(t.db, { lifecycle: { stopping: true } });
    assert.equal(status, 503);
    assert.equal(report.status, 'stopping');
    assert.match(report.message ?? '', /lukker ned/);
  });

  // PGlite has one connection for everything: a slow query there holds /health too.
  void it(
    'answers 200 within its limit while every pooled connection is busy with a slow query',
    {
      skip:
        testDbKind === 'pglite' &&
        'needs TEST_DATABASE_URL: PGlite has one connection, so there is no pool to fill',
    },
    async () => {
      const [self] = await t.db.query<{ name: string }>('select current_database() as name');
      const busy = Array.from({ length: 5 }, () => t.db.query('select pg_sleep(4)'));
      // Every connection of the pool (5 in tests) is taken once five sleeps are running.
      while ((await sleeping(self?.name ?? '')) < 5)
        await new Promise((resolve) => setTimeout(resolve, 50));
      const started = performance.now();
      const { status, report } = await get(t.db, { timeoutMs: 2000 });
      assert.equal(status, 200, JSON.stringify(report));
      assert.equal(report.database?.status, 'ok');
      assert.ok(performance.now() - started < 2000, 'answered within the limit');
      await Promise.all(busy);
    },
  );
});
