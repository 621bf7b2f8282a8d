import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDb, type TestDb } from '../../test/support/db.ts';
import { ValidationError } from '../domain/errors.ts';
import { committeeRepository } from '../db/repositories/committee.repository.ts';
import { authService, hashPassword, passwordProblem, verifyPassword } from './auth.service.ts';

void describe('passwords', () => {
  void it('hashes with a salt and verifies only the right password', async () => {
    const a = await hashPassword('korrekt hest batteri');
    const b = await hashPassword('korrekt hest batteri');
    assert.notEqual(a, b);
    assert.match(a, /^scrypt\$32768\$8\$1\$/);
    assert.equal(await verifyPassword('korrekt hest batteri', a), true);
    assert.equal(await verifyPassword('korrekt hest batterI', a), false);
    assert.equal(await verifyPassword('x', 'not-a-hash'), false);
  });
  void it('states the policy in Danish', () => {
    assert.match(passwordProblem('kort') ?? '', /mindst 12 tegn/);
    assert.match(passwordProblem('739284615092') ?? '', /lutter/);
    assert.equal(passwordProblem('lang nok og 2 ord'), null);
  });
});

void describe('sessions', () => {
  let t: TestDb;
  let now = new Date('2021-01-10T10:00:00Z');
  const clock = { now: () => now };
  before(async () => {
    t = await createTestDb();
  });
  after(() => t.dispose());

  void it('logs in, knows the member’s committees, expires and logs out', async () => {
    const auth = authService(t.db, clock, 2);
    const repo = committeeRepository(t.db);
    const personId = await repo.createPerson({
      name: 'Direktør',
      email: null,
      title: null,
      organisationId: null,
    });
    const das = (await repo.byShortName('DAS'))!.id;
    await repo.addMembership({
      committeeId: das,
      personId,
      organisationId: null,
      role: 'member',
      validFrom: '2020-01-01',
      validTo: null,
    });
    await auth.createUser({
      email: 'Direktoer@Kommune.dk',
      name: 'Direktør',
      password: 'lang nok og 2 ord',
      role: 'member',
      personId,
    });
    assert.equal(await auth.login('direktoer@kommune.dk', 'forkert adgangskode'), null);
    assert.equal(await auth.login('ukendt@kommune.dk', 'lang nok og 2 ord'), null);
    const session = await auth.login('direktoer@kommune.dk', 'lang nok og 2 ord');
    assert.ok(session);
    const info = await auth.session(session.token);
    assert.deepEqual(info?.viewer.committeeIds, [das]);
    assert.equal(info?.csrfToken, session.csrfToken);
    const [stored] = await t.db.query<{ id: string }>('select id from login_session');
    assert.notEqual(stored?.id, session.token); // only the hash is stored
    now = new Date('2021-01-10T13:00:01Z');
    assert.equal(await auth.session(session.token), null);
    now = new Date('2021-01-10T10:00:00Z');
    await auth.logout(session.token);
    assert.equal(await auth.session(session.token), null);
  });

  void it('refuses bad users with Danish field errors', async () => {
    const auth = authService(t.db, clock, 2);
    await assert.rejects(
      () =>
        auth.createUser({ email: 'ikke-en-mail', name: '', password: 'kort', role: 'secretariat' }),
      (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        assert.deepEqual(Object.keys(e.fields).sort(), ['email', 'name', 'password']);
        return true;
      },
    );
    await assert.rejects(
      () =>
        auth.createUser({
          email: 'DIREKTOER@kommune.dk',
          name: 'X',
          password: 'lang nok og 2 ord',
          role: 'member',
        }),
      (e: unknown) => e instanceof ValidationError && /findes allerede/.test(e.fields.email ?? ''),
    );
  });
});

void describe('session expiry and password changes', () => {
  let t: TestDb;
  let now = new Date('2021-01-10T08:00:00Z');
  const clock = { now: () => now };
  const later = (minutes: number) => {
    now = new Date(now.getTime() + minutes * 60_000);
  };
  const auth = () => authService(t.db, clock, { sessionHours: 8, sessionIdleMinutes: 60 });
  const PASSWORD = 'lang nok og 2 ord';
  before(async () => {
    t = await createTestDb();
    await auth().createUser({
      email: 'sekr@socialaftale.dk',
      name: 'Sekretær',
      password: PASSWORD,
      role: 'secretariat',
    });
  });
  after(() => t.dispose());

  void it('ends a session after the idle timeout, and a busy one at the absolute expiry', async () => {
    const idle = await auth().login('sekr@socialaftale.dk', PASSWORD);
    const busy = await auth().login('sekr@socialaftale.dk', PASSWORD);
    assert.ok(idle && busy);
    assert.notEqual(idle.token, busy.token);
    // The busy session is used every 50 minutes for 7 h 30 min; the idle one never.
    for (let i = 0; i < 9; i++) {
      later(50);
      assert.ok(await auth().session(busy.token), `busy at ${now.toISOString()}`);
    }
    assert.equal(await auth().session(idle.token), null);
    // 8 hours after login the busy session ends too, though used 20 minutes ago.
    later(20);
    assert.ok(await auth().session(busy.token));
    later(10);
    assert.equal(await auth().session(busy.token), null);
  });

  void it('renews the idle timeout without a write on every request', async () => {
    const s = await auth().login('sekr@socialaftale.dk', PASSWORD);
    assert.ok(s);
    const idleEnd = async () =>
      (
        await t.db.query<{ at: Date }>(
          `select idle_expires_at as at from login_session order by created_at desc, id limit 1`,
        )
      )[0]?.at.getTime();
    const first = await idleEnd();
    later(1);
    await auth().session(s.token);
    assert.equal(await idleEnd(), first); // 1 minute: not yet worth a write
    later(10);
    await auth().session(s.token);
    assert.equal(await idleEnd(), now.getTime() + 60 * 60_000);
  });

  void it('changes a password under the policy and ends the other sessions', async () => {
    const here = await auth().login('sekr@socialaftale.dk', PASSWORD);
    const elsewhere = await auth().login('sekr@socialaftale.dk', PASSWORD);
    assert.ok(here && elsewhere);
    const user = await auth().userByEmail('sekr@socialaftale.dk');
    const change = (current: string, next: string, repeat = next) =>
      auth().changePassword({
        userId: user!.id,
        current,
        next,
        repeat,
        keepToken: here.token,
        clientAddress: null,
      });
    const fieldsOf = async (p: Promise<unknown>) => {
      try {
        await p;
        return {};
      } catch (error) {
        assert.ok(error instanceof ValidationError);
        return error.fields;
      }
    };
    assert.deepEqual(Object.keys(await fieldsOf(change('forkert', 'en ny og lang kode 7'))), [
      'current',
    ]);
    assert.match((await fieldsOf(change(PASSWORD, 'Sommer2024!!'))).next ?? '', /almindelig/);
    assert.match(
      (await fieldsOf(change(PASSWORD, 'sekr@socialaftale.dk 2021'))).next ?? '',
      /e-mail/,
    );
    assert.match(
      (await fieldsOf(change(PASSWORD, 'en ny og lang kode 7', 'x'))).repeat ?? '',
      /ens/,
    );
    // Nothing of it was saved: the old password still works.
    assert.ok(await auth().session(elsewhere.token));
    await change(PASSWORD, 'en ny og lang kode 7');
    assert.ok(await auth().session(here.token));
    assert.equal(await auth().session(elsewhere.token), null);
    assert.equal(await auth().login('sekr@socialaftale.dk', PASSWORD), null);
    assert.ok(await auth().login('sekr@socialaftale.dk', 'en ny og lang kode 7'));
  });

  void it('lets the administrator set a password, which ends every session', async () => {
    const s = await auth().login('sekr@socialaftale.dk', 'en ny og lang kode 7');
    assert.ok(s);
    await assert.rejects(() => auth().setPassword('sekr@socialaftale.dk', 'kort'), ValidationError);
    await assert.rejects(
      () => auth().setPassword('ingen@socialaftale.dk', 'en helt tredje kode 9'),
      (e: unknown) => e instanceof ValidationError && /ingen bruger/.test(e.fields.email ?? ''),
    );
    await auth().setPassword('SEKR@socialaftale.dk', 'en helt tredje kode 9');
    assert.equal(await auth().session(s.token), null);
    assert.ok(await auth().login('sekr@socialaftale.dk', 'en helt tredje kode 9'));
  });
});
