/**
 * Graceful shutdown of a real `socialaftale serve` process: SIGTERM while a request is in flight
 * stops new connections, lets that request finish, closes the database and exits 0; a request that
 * does not finish within SHUTDOWN_SECONDS is cut off and the process still exits 0. /health
 * reports the version and the database.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VERSION } from '../../src/http/health.ts';
import { processSuite } from './fixture.ts';
import { PASSWORD } from '../support/app.ts';
import { addUser, heldRequest, loginForm } from './http-client.ts';

void describe('serve: graceful shutdown', () => {
  const suite = processSuite((pdb) => addUser(pdb, 'admin@test.dk', 'administrator'));

  void it('finishes the request in flight on SIGTERM, refuses new connections, exits 0', async () => {
    const server = await suite.serve();
    const health = await fetch(`${server.url}/health`);
    assert.equal(health.status, 200);
    const report = (await health.json()) as { status: string; version: string; database: object };
    assert.equal(report.status, 'ok');
    assert.equal(report.version, VERSION);
    assert.equal((report.database as { status: string }).status, 'ok');

    const form = await loginForm(server.url);
    const slow = heldRequest(
      server.url,
      '/login',
      { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie },
      new URLSearchParams({
        _csrf: form.csrf,
        email: 'admin@test.dk',
        password: PASSWORD,
      }).toString(),
    );
    await slow.accepted; // the server is handling it and waits for the body
    server.proc.kill('SIGTERM');
    await server.waitFor(/Lukker ned: tager ikke imod nye forbindelser og venter på 1 /);

    await assert.rejects(fetch(`${server.url}/health`), 'a new connection is refused');

    const answer = await slow.send();
    assert.equal(answer.status, 303, answer.body);
    assert.match(String(answer.headers['set-cookie']), /sa_session=/);
    assert.equal(answer.headers.connection, 'close');

    const exit = await server.exited;
    assert.deepEqual(exit, { code: 0, signal: null }, server.output());
    assert.match(server.output(), /Lukket\./);

    // The database was closed cleanly: it opens again and holds the session just made.
    const db = await suite.db().open();
    try {
      const [row] = await db.query<{ n: number }>('select count(*)::int as n from login_session');
      assert.equal(row?.n, 1);
    } finally {
      await db.close();
    }
  });

  void it('cuts a request still unfinished after SHUTDOWN_SECONDS and exits 0', async () => {
    const server = await suite.serve({ SHUTDOWN_SECONDS: '1' });
    const stuck = heldRequest(
      server.url,
      '/login',
      { 'content-type': 'application/x-www-form-urlencoded' },
      'email=x',
    );
    await stuck.accepted;
    server.proc.kill('SIGTERM');
    // The body never comes: the connection is closed under it.
    await assert.rejects(stuck.answer);
    const exit = await server.exited;
    assert.deepEqual(exit, { code: 0, signal: null }, server.output());
    assert.match(server.output(), /Afbryder 1 forespørgsel/);
  });
});
