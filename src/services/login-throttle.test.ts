import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createTestDb, type TestDb } from '../../test/support/db.ts';
import { ThrottledError } from '../domain/errors.ts';
import { authService } from './auth.service.ts';

const PASSWORD = 'lang nok og 2 ord';
const START = new Date('2021-01-10T10:00:00Z');

void describe('login throttling', () => {
  let t: TestDb;
  let now = START;
  const clock = { now: () => now };
  const minutes = (n: number) => {
    now = new Date(now.getTime() + n * 60_000);
  };
  const auth = () => authService(t.db, clock, { sessionHours: 12, sessionIdleMinutes: 120 });

  /** The login's result: 'ok', 'wrong', or the wait's end as ISO time. */
  async function attempt(email: string, password: string, address: string | null = null) {
    try {
      return (await auth().login(email, password, address)) === null ? 'wrong' : 'ok';
    } catch (error) {
      if (error instanceof ThrottledError) return `wait ${error.retryAt.toISOString()}`;
      throw error;
    }
  }
  const outcomes = async () =>
    (await t.db.query<{ outcome: string }>('select outcome from login_attempt order by id')).map(
      (r) => r.outcome,
    );

  before(async () => {
    t = await createTestDb();
    for (const email of ['anne@aalborg.dk', 'bo@hjoerring.dk'])
      await auth().createUser({ email, name: email, password: PASSWORD, role: 'secretariat' });
  });
  after(() => t.dispose());
  beforeEach(async () => {
    now = START;
    await t.db.query('delete from login_attempt');
  });

  void it('locks an account after 5 failures, doubles the wait, and a success resets it', async () => {
    const four = [];
    for (let i = 0; i < 4; i++) four.push(await attempt('anne@aalborg.dk', 'forkert'));
    assert.deepEqual(four, ['wrong', 'wrong', 'wrong', 'wrong']);
    // The fifth failure starts the wait, and says so at once.
    assert.equal(await attempt('anne@aalborg.dk', 'forkert'), 'wait 2021-01-10T10:01:00.000Z');
    // The right password does not help while waiting: it is not even checked.
    minutes(0.5);
    assert.equal(await attempt('Anne@Aalborg.dk ', PASSWORD), 'wait 2021-01-10T10:01:00.000Z');
    // Another account is not affected.
    assert.equal(await attempt('bo@hjoerring.dk', PASSWORD), 'ok');
    // After the wait one more failure waits twice as long, from that failure.
    minutes(1);
    assert.equal(await attempt('anne@aalborg.dk', 'forkert'), 'wait 2021-01-10T10:03:30.000Z');
    minutes(2);
    assert.equal(await attempt('anne@aalborg.dk', PASSWORD), 'ok');
    // The success started the count again: four more failures pass without a wait.
    for (let i = 0; i < 4; i++) assert.equal(await attempt('anne@aalborg.dk', 'forkert'), 'wrong');
    assert.deepEqual((await outcomes()).slice(0, 8), [
      'failure',
      'failure',
      'failure',
      'failure',
      'failure',
      'refused',
      'success',
      'failure',
    ]);
  });

  void it('throttles an unknown e-mail exactly like a known one', async () => {
    const known = [];
    const unknown = [];
    for (let i = 0; i < 6; i++) known.push(await attempt('anne@aalborg.dk', 'forkert'));
    for (let i = 0; i < 6; i++) unknown.push(await attempt('ingen@aalborg.dk', 'forkert'));
    assert.deepEqual(unknown, known);
    assert.equal(known[5], 'wait 2021-01-10T10:01:00.000Z');
  });

  void it('caps the wait at an hour and forgets failures after a day', async () => {
    for (let i = 0; i < 12; i++) {
      await attempt('anne@aalborg.dk', 'forkert');
      minutes(61);
    }
    minutes(-61);
    // 12 failures 61 minutes apart (the last at 21.11): it waits the longest wait, an hour.
    const [row] = await t.db.query<{ n: number }>(
      `select count(*)::int as n from login_attempt where outcome = 'failure'`,
    );
    assert.equal(row?.n, 12);
    assert.match(await attempt('anne@aalborg.dk', PASSWORD), /^wait 2021-01-10T22:11:00/);
    // A day later the old failures no longer count.
    minutes(24 * 60);
    assert.equal(await attempt('anne@aalborg.dk', PASSWORD), 'ok');
  });

  void it('locks a client address after 30 failures on any accounts; only an unlock resets it', async () => {
    for (let i = 0; i < 29; i++)
      assert.equal(await attempt(`gaet${i}@aalborg.dk`, 'forkert', '203.0.113.7'), 'wrong');
    assert.equal(await attempt('bo@hjoerring.dk', PASSWORD, '203.0.113.7'), 'ok');
    assert.match(await attempt('gaet99@aalborg.dk', 'forkert', '203.0.113.7'), /^wait /);
    // Everybody at that address waits, the right password too; other addresses do not.
    assert.match(await attempt('anne@aalborg.dk', PASSWORD, '203.0.113.7'), /^wait /);
    assert.equal(await attempt('anne@aalborg.dk', PASSWORD, '198.51.100.1'), 'ok');
    const { accounts, addresses } = await auth().lockouts();
    assert.deepEqual(accounts, []);
    assert.deepEqual(
      addresses.map((a) => [a.key, a.failures]),
      [['203.0.113.7', 30]],
    );
    await auth().unlock({ address: '203.0.113.7' }, null);
    assert.equal(await attempt('anne@aalborg.dk', PASSWORD, '203.0.113.7'), 'ok');
    assert.deepEqual((await auth().lockouts()).addresses, []);
  });

  void it('lets the secretariat see and lift an account lockout, recorded with who did it', async () => {
    for (let i = 0; i < 5; i++) await attempt('anne@aalborg.dk', 'forkert');
    const { accounts } = await auth().lockouts();
    assert.deepEqual(accounts, [
      { key: 'anne@aalborg.dk', failures: 5, until: new Date('2021-01-10T10:01:00Z') },
    ]);
    const bo = await auth().userByEmail('bo@hjoerring.dk');
    await auth().unlock({ email: 'ANNE@aalborg.dk' }, bo!.id);
    assert.deepEqual((await auth().lockouts()).accounts, []);
    assert.equal(await attempt('anne@aalborg.dk', PASSWORD), 'ok');
    const [latest, unlock] = await auth().latestAttempts(2);
    assert.equal(latest?.outcome, 'success');
    assert.deepEqual(
      [unlock?.outcome, unlock?.method, unlock?.email, unlock?.userName],
      ['unlocked', 'unlock', 'anne@aalborg.dk', 'bo@hjoerring.dk'],
    );
  });

  void it('checks at most the free attempts when many arrive at once', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => attempt('anne@aalborg.dk', 'forkert')),
    );
    const checked = (await outcomes()).filter((o) => o === 'failure').length;
    // Each attempt is recorded before its check, so parallel guesses see each other. (Without
    // that, all ten would read "no failures yet" and all ten passwords would be tried.)
    assert.ok(checked >= 5 && checked <= 6, `checked ${checked}`);
    assert.equal(results.filter((r) => r.startsWith('wait')).length, 10 - checked + 1);
  });

  void it('keeps attempts for the audit for 90 days', async () => {
    await attempt('anne@aalborg.dk', 'forkert');
    minutes(89 * 24 * 60);
    await attempt('anne@aalborg.dk', PASSWORD);
    assert.equal((await outcomes()).length, 2);
    minutes(2 * 24 * 60);
    await attempt('anne@aalborg.dk', PASSWORD);
    assert.deepEqual(await outcomes(), ['success', 'success']);
  });
});
