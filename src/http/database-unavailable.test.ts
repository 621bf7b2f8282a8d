/**
 * The database unreachable while the app runs: pages and the API answer 503 with a Danish
 * sentence (and Retry-After), not a 500 or a hang; a database that accepts connections and never
 * answers is given up on after the pool's connection time limit. Real pg pools against a closed
 * port and a silent TCP server.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { silentServer } from '../../test/support/silent-server.ts';
import { loadConfig } from '../config.ts';
import { openPostgres } from '../db/client.ts';
import { classifyDbError } from '../db/errors.ts';
import { systemClock } from '../services/clock.ts';
import { createServices } from '../services/index.ts';
import { createApp } from './app.ts';

function appOn(port: number) {
  const db = openPostgres(`postgres://x:y@127.0.0.1:${port}/x`, 2, 200);
  const config = loadConfig({}, {});
  return { db, app: createApp({ services: createServices(db, systemClock, config), config }) };
}

async function assertUnavailable(app: ReturnType<typeof appOn>['app']) {
  const page = await app.request('/committees');
  assert.equal(page.status, 503);
  assert.equal(page.headers.get('retry-after'), '30');
  assert.match(await page.text(), /Databasen svarer ikke lige nu/);
  const api = await app.request('/api/committees');
  assert.equal(api.status, 503);
  const body = (await api.json()) as { error: string };
  assert.match(body.error, /^Databasen svarer ikke lige nu/);
}

void describe('database unavailable while running', () => {
  void it('answers 503 in Danish when nothing listens where the database should be', async () => {
    const probe = await silentServer();
    const port = probe.port;
    await probe.close();
    const { db, app } = appOn(port);
    try {
      await assertUnavailable(app);
    } finally {
      await db.close();
    }
  });

  void it('gives up on a database that never answers, and says so', async () => {
    const silent = await silentServer();
    const { db, app } = appOn(silent.port);
    try {
      await assertUnavailable(app);
    } finally {
      await silent.close();
      await db.close();
    }
  });

  void it('tells a database outage from a fault in the code', () => {
    const isDatabaseUnavailable = (error: unknown) => classifyDbError(error)?.status === 503;
    assert.ok(isDatabaseUnavailable({ code: 'ECONNREFUSED' }));
    assert.ok(isDatabaseUnavailable({ code: '57P01', message: 'terminating connection' }));
    assert.ok(isDatabaseUnavailable({ code: '08006' }));
    assert.ok(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect')));
    assert.ok(isDatabaseUnavailable({ errors: [{ code: 'ECONNREFUSED' }] }));
    assert.ok(!isDatabaseUnavailable({ code: '23505' }), 'a unique violation is not an outage');
    assert.ok(!isDatabaseUnavailable(new TypeError('x is undefined')));
    assert.ok(!isDatabaseUnavailable(null));
  });
});
