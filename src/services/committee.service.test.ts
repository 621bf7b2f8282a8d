import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDb, type TestDb } from '../../test/support/db.ts';
import { ValidationError } from '../domain/errors.ts';
import type { Viewer } from '../domain/meetings/index.ts';
import { authService } from './auth.service.ts';
import { committeeService } from './committee.service.ts';

const secretariat: Viewer = { userId: null, role: 'secretariat', committeeIds: [] };
const clock = { now: () => new Date('2021-06-01T10:00:00Z') };

void describe('committee members', () => {
  let t: TestDb;
  before(async () => {
    t = await createTestDb();
  });
  after(() => t.dispose());

  void it('keeps members over time and answers who sat on a date', async () => {
    const svc = committeeService(t.db, clock);
    const fu = (await svc.list()).find((c) => c.shortName === 'FU')!.id;
    const hjorring = (await svc.organisations()).find((o) => o.shortName === 'Hjørring')!.id;
    await svc.addMember(secretariat, fu, {
      name: 'Tidligere formand',
      email: null,
      organisationId: hjorring,
      role: 'chair',
      validFrom: '2018-01-01',
      validTo: '2020-12-31',
    });
    await svc.addMember(secretariat, fu, {
      name: 'Ny formand',
      email: null,
      organisationId: hjorring,
      role: 'chair',
      validFrom: '2021-01-01',
      validTo: null,
    });
    assert.deepEqual(
      (await svc.members(fu)).map((m) => [m.personName, m.organisation, m.role]),
      [['Ny formand', 'Hjørring', 'chair']],
    );
    assert.deepEqual(
      (await svc.members(fu, '2019-05-01')).map((m) => m.personName),
      ['Tidligere formand'],
    );
    assert.equal((await svc.members(fu, null)).length, 2);
    await assert.rejects(
      () =>
        svc.addMember(secretariat, fu, {
          name: 'X',
          email: null,
          organisationId: null,
          role: 'member',
          validFrom: '2021-01-01',
          validTo: '2020-01-01',
        }),
      ValidationError,
    );
  });

  void it('ties a member user to the registered person by e-mail, in either order', async () => {
    const svc = committeeService(t.db, clock);
    const auth = authService(t.db, clock, 8);
    const das = (await svc.list()).find((c) => c.shortName === 'DAS')!.id;
    // Person first, user afterwards.
    await svc.addMember(secretariat, das, {
      name: 'Direktør A',
      email: 'a@kommune.dk',
      organisationId: null,
      role: 'member',
      validFrom: '2021-01-01',
      validTo: null,
    });
    await auth.createUser({
      email: 'A@kommune.dk',
      name: 'Direktør A',
      password: 'lang nok og 2 ord',
      role: 'member',
    });
    const a = await auth.login('a@kommune.dk', 'lang nok og 2 ord');
    assert.deepEqual((await auth.session(a!.token))?.viewer.committeeIds, [das]);
    // User first, membership afterwards.
    await auth.createUser({
      email: 'b@kommune.dk',
      name: 'Direktør B',
      password: 'lang nok og 2 ord',
      role: 'member',
    });
    const b = await auth.login('b@kommune.dk', 'lang nok og 2 ord');
    assert.deepEqual((await auth.session(b!.token))?.viewer.committeeIds, []);
    await svc.addMember(secretariat, das, {
      name: 'Direktør B',
      email: 'b@kommune.dk',
      organisationId: null,
      role: 'member',
      validFrom: '2021-01-01',
      validTo: null,
    });
    assert.deepEqual((await auth.session(b!.token))?.viewer.committeeIds, [das]);
  });
});
