import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDb, type TestDb } from '../../../test/support/db.ts';
import { UsageError } from '../io.ts';
import { authService } from '../../services/auth.service.ts';
import { systemClock } from '../../services/clock.ts';
import { makeUserCommand } from './user.ts';
import { fakeIo } from '../../../test/support/cli-io.ts';

function io(stdin: string) {
  const fake = fakeIo(stdin);
  // The command's messages in the order written, whichever stream.
  const out: string[] = [];
  fake.stdout = fake.stderr = (s) => void out.push(s);
  return { fake, out };
}

void describe('user add', () => {
  let t: TestDb;
  before(async () => {
    t = await createTestDb();
  });
  after(() => t.dispose());
  // The command closes the database it opens; hand it one that ignores close.
  const command = () =>
    makeUserCommand(() => Promise.resolve({ ...t.db, close: () => Promise.resolve() }));

  void it('creates the first administrator with the password from stdin', async () => {
    const { fake, out } = io('en lang adgangskode\n');
    const code = await command()(
      ['add', '--admin', '--email', 'anne@aalborg.dk', '--name', 'Anne'],
      fake,
    );
    assert.equal(code, 0);
    assert.match(out.join(''), /oprettet/);
    const [row] = await t.db.query<{ role: string; email: string }>(
      'select role, email from app_user',
    );
    assert.deepEqual(row, { role: 'administrator', email: 'anne@aalborg.dk' });
    // The audit trail has it as made on the command line, without the password hash.
    const [event] = await t.db.query<{ label: string; after: Record<string, unknown> }>(
      `select actor_label as label, after from audit_event where table_name = 'app_user'`,
    );
    assert.equal(event?.label, 'kommandolinje');
    assert.equal(event?.after.email, 'anne@aalborg.dk');
    assert.equal('password_hash' in (event?.after ?? {}), false);
  });

  void it('binds an operator to its organisation and refuses one without', async () => {
    await assert.rejects(
      () =>
        command()(
          ['add', '--role', 'operator', '--email', 'drift@hjoerring.dk', '--name', 'Drift'],
          io('en lang adgangskode').fake,
        ),
      (e: unknown) => e instanceof UsageError && /--organisation/.test(e.message),
    );
    await assert.rejects(
      () =>
        command()(
          [
            'add',
            '--role',
            'operator',
            '--email',
            'drift@hjoerring.dk',
            '--name',
            'Drift',
            '--organisation',
            'Atlantis',
          ],
          io('en lang adgangskode').fake,
        ),
      /findes ikke/,
    );
    assert.equal(
      await command()(
        [
          'add',
          '--role',
          'operator',
          '--email',
          'drift@hjoerring.dk',
          '--name',
          'Drift',
          '--organisation',
          'Hjørring',
        ],
        io('en lang adgangskode').fake,
      ),
      0,
    );
    const [row] = await t.db.query<{ name: string }>(
      `select o.short_name as name from app_user u join organisation o on o.id = u.organisation_id where u.email = 'drift@hjoerring.dk'`,
    );
    assert.equal(row?.name, 'Hjørring');
  });

  void it('gives a Danish reason for a weak password (exit 2)', async () => {
    const add = (email: string, password: string) =>
      command()(['add', '--admin', '--email', email, '--name', 'B'], io(password).fake);
    await assert.rejects(() => add('b@b.dk', 'kort'), /mindst 12 tegn/);
    await assert.rejects(
      () => add('b@b.dk', 'Password1234\n'),
      (e: unknown) => e instanceof UsageError && /for almindelig/.test(e.message),
    );
    await assert.rejects(() => add('bente.b@b.dk', 'bente.b og 12 tegn'), /e-mailadresse/);
    const [row] = await t.db.query<{ n: number }>(
      `select count(*)::int as n from app_user where email like '%b.dk'`,
    );
    assert.equal(row?.n, 0);
  });

  void it('sets a password from stdin under the same policy, and lifts a lockout', async () => {
    const password = (pw: string) =>
      command()(['password', '--email', 'anne@aalborg.dk'], io(pw).fake);
    await assert.rejects(() => password('qwertyuiop123'), /almindelig/);
    const { fake, out } = io('en anden lang adgangskode\n');
    assert.equal(await command()(['password', '--email', 'anne@aalborg.dk'], fake), 0);
    assert.match(out.join(''), /skiftet/);
    await assert.rejects(
      () => command()(['password', '--email', 'ingen@aalborg.dk'], io('en anden lang kode').fake),
      (e: unknown) => e instanceof UsageError && /ingen bruger/.test(e.message),
    );

    const auth = authService(t.db, systemClock, 1);
    for (let i = 0; i < 5; i++) await auth.login('anne@aalborg.dk', 'forkert').catch(() => null);
    await assert.rejects(() => auth.login('anne@aalborg.dk', 'en anden lang adgangskode'));
    const unlocked = io('');
    assert.equal(await command()(['unlock', '--email', 'anne@aalborg.dk'], unlocked.fake), 0);
    assert.match(unlocked.out.join(''), /ophævet/);
    assert.ok(await auth.login('anne@aalborg.dk', 'en anden lang adgangskode'));
    await assert.rejects(() => command()(['unlock'], io('').fake), UsageError);
  });
});
