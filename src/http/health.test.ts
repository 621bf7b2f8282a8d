/**
 * GET /health: the version and a database check with a time limit; 503 with a Danish message when
 * the database does not answer (a server that accepts connections and never replies) or cannot be
 * reached (nothing listens), and while the process shuts down.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDb, type TestDb } from '../../test/support/db.ts';
import { silentServer } from '../../test/support/silent-server.ts';
import { openPostgres, type Db } from '../db/client.ts';
import { healthRoute, VERSION, type Lifecycle } from './health.ts';

interface Report {
  status: string;
  version: string;
  database?: { status: string };
  message?: string;
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
});
