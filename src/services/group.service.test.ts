import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDb, type TestDb } from '../../test/support/db.ts';
import { ForbiddenError, StateError, ValidationError } from '../domain/errors.ts';
import type { Viewer } from '../domain/meetings/index.ts';
import { authService } from './auth.service.ts';
import { groupService } from './group.service.ts';

const secretariat: Viewer = { userId: null, role: 'secretariat', committeeIds: [] };
const clock = { now: () => new Date('2021-06-01T10:00:00Z') };

const charter = (over: Record<string, unknown> = {}) => ({
  name: 'Arbejdsgruppe om nødspor for Kvisten',
  shortName: 'AG-Kvisten',
  parentId: null as number | null,
  description: '',
  groupType: 'emergency-track' as const,
  background: 'Efterspørgslen efter pladser er faldet.',
  purpose: 'At sikre tilbuddets faglighed i nødsporet.',
  tasks: ['Analysere belægningen', 'Foreslå en finansieringsmodel'],
  deliverables: ['Notat til DAS'],
  milestones: [{ date: '2021-10-19', text: 'Status til DAS' }],
  chair: 'Socialchef, Aalborg',
  secretariat: 'Sekretariatet for Nordjysk Socialaftale',
  evaluationDate: '2022-06-30',
  ...over,
});

void describe('groups', () => {
  let t: TestDb;
  let svc: ReturnType<typeof groupService>;
  let orgs: Awaited<ReturnType<typeof svc.organisations>>;
  const org = (short: string) => orgs.find((o) => o.shortName === short)!.id;
  before(async () => {
    t = await createTestDb();
    svc = groupService(t.db, clock);
    orgs = await svc.organisations();
  });
  after(() => t.dispose());

  void it('creates a group with terms of reference under DAS and lists the seeded follow-groups', async () => {
    const das = (await svc.parents()).find((c) => c.shortName === 'DAS')!.id;
    const id = await svc.create(secretariat, charter({ parentId: das }));
    const g = await svc.get(id);
    assert.equal(g.kind, 'working-group');
    assert.equal(g.groupType, 'emergency-track');
    assert.equal(g.parentShortName, 'DAS');
    assert.deepEqual(g.tasks, ['Analysere belægningen', 'Foreslå en finansieringsmodel']);
    assert.deepEqual(g.milestones, [{ date: '2021-10-19', text: 'Status til DAS' }]);
    assert.equal(g.evaluationDate, '2022-06-30');
    const list = await svc.list();
    assert.ok(
      ['SUG', 'SAG', 'EP', 'BP', 'AG-Kvisten'].every((s) => list.some((x) => x.shortName === s)),
    );
    await assert.rejects(() => svc.create(secretariat, charter()), ValidationError);
    await assert.rejects(
      () => svc.create({ ...secretariat, role: 'member' }, charter({ shortName: 'X' })),
      ForbiddenError,
    );
    await svc.update(secretariat, id, g.version, charter({ parentId: das, purpose: 'Nyt formål' }));
    assert.equal((await svc.get(id)).purpose, 'Nyt formål');
    await assert.rejects(
      () => svc.update(secretariat, id, g.version, charter({ parentId: das })),
      /En anden har gemt/,
    );
  });

  void it('keeps an approval chain with the approving items', async () => {
    const g = (await svc.list()).find((x) => x.shortName === 'AG-Kvisten')!;
    const parents = await svc.parents();
    const fu = parents.find((c) => c.shortName === 'FU')!.id;
    const das = parents.find((c) => c.shortName === 'DAS')!.id;
    await svc.addApproval(secretariat, g.id, {
      approverCommitteeId: fu,
      itemId: null,
      approvedOn: '2021-03-01',
      note: '',
    });
    await svc.addApproval(secretariat, g.id, {
      approverCommitteeId: das,
      itemId: null,
      approvedOn: null,
      note: 'Forelægges i april',
    });
    assert.deepEqual(
      (await svc.approvals(g.id)).map((a) => [a.position, a.approverShortName, a.approvedOn]),
      [
        [1, 'FU', '2021-03-01'],
        [2, 'DAS', null],
      ],
    );
  });

  void it('adds members with profiles, measures coverage and shows the gaps in the matrix', async () => {
    const g = (await svc.list()).find((x) => x.shortName === 'AG-Kvisten')!;
    await svc.addWanted(secretariat, g.id, {
      label: '2-3 myndighed, børn, unge og voksne',
      function: 'authority',
      targetGroup: null,
      level: null,
      minCount: 2,
      maxCount: 3,
    });
    const member = (name: string, organisationId: number, fn: 'authority' | 'operator') => ({
      name,
      email: null,
      organisationId,
      role: 'member' as const,
      validFrom: '2021-01-01',
      validTo: null,
      function: fn,
      targetGroup: 'adults' as const,
      level: 'manager' as const,
    });
    await svc.addMember(secretariat, g.id, member('Anne', org('Aalborg ÆH'), 'authority'));
    await svc.addMember(secretariat, g.id, member('Bo', org('Specialsektoren'), 'operator'));
    const cov = await svc.coverage(g.id);
    assert.deepEqual(
      cov.map((c) => [c.count, c.status]),
      [[1, 'under']],
    );
    const members = await svc.members(g.id);
    assert.deepEqual(
      members.map((m) => [m.personName, m.organisation, m.function, m.level]),
      [
        ['Anne', 'Aalborg ÆH', 'authority', 'manager'],
        ['Bo', 'Specialsektoren', 'operator', 'manager'],
      ],
    );

    let matrix = await svc.matrix();
    let col = matrix.groups.findIndex((x) => x.id === g.id);
    assert.equal(matrix.gaps[col]?.length, 10); // Aalborg is covered through its unit
    assert.ok(!matrix.gaps[col]?.some((o) => o.name === 'Aalborg Kommune'));
    const region = matrix.rows.find((r) => r.organisation.kind === 'region')!;
    assert.deepEqual(
      region.cells[col]?.map((m) => m.personName),
      ['Bo'],
    );

    await svc.addMember(secretariat, g.id, member('Læsø-repræsentant', org('Læsø'), 'authority'));
    matrix = await svc.matrix();
    col = matrix.groups.findIndex((x) => x.id === g.id);
    assert.ok(!matrix.gaps[col]?.some((o) => o.name === 'Læsø Kommune'));
    assert.equal(matrix.gaps[col]?.length, 9);
    assert.deepEqual(
      (await svc.coverage(g.id)).map((c) => c.status),
      ['met'],
    );
  });

  void it('runs a nomination round: open, enter, confirm', async () => {
    const auth = authService(t.db, clock, 8);
    const g = (await svc.list()).find((x) => x.shortName === 'SAG')!;
    const roundId = await svc.openRound(secretariat, g.id, {
      deadline: '2021-06-15',
      note: 'Udpeg en økonomikonsulent',
    });
    await assert.rejects(
      () => svc.openRound(secretariat, g.id, { deadline: null, note: '' }),
      StateError,
    );

    const contactId = await auth.createUser({
      email: 'kontakt@thisted.dk',
      name: 'Kontakt Thisted',
      role: 'member',
      password: 'en-lang-test-adgangskode',
      organisationId: org('Thisted'),
    });
    const contact: Viewer = { userId: contactId, role: 'member', committeeIds: [] };
    const nominee = {
      organisationId: org('Thisted'),
      name: 'Tine Thisted',
      email: 'tine@thisted.dk',
      title: 'Økonomikonsulent',
      function: 'finance' as const,
      targetGroup: 'both' as const,
      level: 'consultant' as const,
    };
    const nid = await svc.nominate(contact, roundId, nominee);
    await assert.rejects(
      () => svc.nominate(contact, roundId, { ...nominee, organisationId: org('Morsø') }),
      ForbiddenError,
    );
    await assert.rejects(() => svc.confirm(contact, nid), ForbiddenError);
    assert.deepEqual(
      (await svc.nominations(roundId)).map((n) => [n.name, n.organisation, n.status]),
      [['Tine Thisted', 'Thisted', 'proposed']],
    );

    await svc.confirm(secretariat, nid);
    assert.equal((await svc.nominations(roundId))[0]?.status, 'confirmed');
    await assert.rejects(() => svc.confirm(secretariat, nid), StateError);
    const m = (await svc.members(g.id)).find((x) => x.personName === 'Tine Thisted');
    assert.deepEqual(
      [m?.organisation, m?.function, m?.targetGroup, m?.level],
      ['Thisted', 'finance', 'both', 'consultant'],
    );

    await svc.closeRound(secretariat, roundId);
    await assert.rejects(() => svc.nominate(secretariat, roundId, nominee), /lukket/);
  });
});
