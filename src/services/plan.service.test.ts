import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDb, type TestDb } from '../../test/support/db.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../domain/errors.ts';
import { ANONYMOUS, type Viewer } from '../domain/meetings/index.ts';
import { planService } from './plan.service.ts';

const SECRETARIAT: Viewer = { userId: 1, role: 'secretariat', committeeIds: [] };
const clock = { now: () => new Date('2022-03-15T10:00:00Z') };

async function rejects(p: Promise<unknown>, kind: new (...a: never[]) => Error, field?: string) {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof kind, `expected ${kind.name}, got ${String(e)}`);
    if (field !== undefined) assert.ok(e instanceof ValidationError && e.fields[field], field);
    return true;
  });
}

void describe('the agreement plan service', () => {
  let t: TestDb;
  let das: number;
  let fu: number;
  let closedItem: number;
  let draftItem: number;
  let openItem: number;

  before(async () => {
    t = await createTestDb();
    const ids = await t.db.query<{ id: number; short_name: string }>(
      `select id, short_name from committee where short_name in ('DAS', 'FU')`,
    );
    das = ids.find((r) => r.short_name === 'DAS')?.id ?? 0;
    fu = ids.find((r) => r.short_name === 'FU')?.id ?? 0;
    const meeting = async (committee: number, date: string, stage: string) =>
      (
        await t.db.query<{ id: number }>(
          `insert into meeting (committee_id, date, stage) values ($1, $2, $3) returning id`,
          [committee, date, stage],
        )
      )[0]?.id ?? 0;
    const item = async (meetingId: number, n: number, title: string, access: string) =>
      (
        await t.db.query<{ id: number }>(
          `insert into item (meeting_id, number, section, title, access)
           values ($1, $2, 'for-decision', $3, $4) returning id`,
          [meetingId, n, title, access],
        )
      )[0]?.id ?? 0;
    const published = await meeting(das, '2021-06-10', 'minutes-approved');
    openItem = await item(published, 3, 'Status på fokusområde 1', 'open');
    closedItem = await item(published, 4, 'Lukket sag om Borger K', 'closed');
    draftItem = await item(
      await meeting(das, '2022-05-01', 'agenda-draft'),
      2,
      'Kladde om plan',
      'open',
    );
  });
  after(() => t.dispose());

  const svc = () => planService(t.db, clock);

  void it('keeps an agreement with focus areas, initiatives and activities in plan order', async () => {
    const s = svc();
    const id = await s.createAgreement(SECRETARIAT, {
      name: 'Rammeaftale 2021-2022',
      periodStart: 2021,
      periodEnd: 2022,
      vision: 'Borgeren i centrum',
    });
    const fa2 = await s.addFocusArea(SECRETARIAT, id, {
      number: 2,
      title: 'Kapacitet',
      description: '',
    });
    const fa1 = await s.addFocusArea(SECRETARIAT, id, {
      number: 1,
      title: 'Styring',
      description: '',
    });
    const b = await s.addInitiative(SECRETARIAT, fa1, {
      code: '1 b',
      title: 'Monitorering',
      description: '',
      committeeId: fu,
    });
    const a = await s.addInitiative(SECRETARIAT, fa1, {
      code: '1a',
      title: 'Takststruktur',
      description: '',
      committeeId: null,
    });
    await s.addInitiative(SECRETARIAT, fa2, {
      code: '2A',
      title: 'Pladser',
      description: '',
      committeeId: null,
    });
    const base = { committeeId: null, itemId: null, note: '' };
    await s.addActivity(SECRETARIAT, a, {
      ...base,
      year: 2022,
      period: 'h2',
      title: 'Evaluering',
      status: 'planned',
    });
    await s.addActivity(SECRETARIAT, a, {
      ...base,
      year: 2021,
      period: 'early',
      title: 'Kortlægning',
      status: 'done',
    });
    await s.addActivity(SECRETARIAT, b, {
      ...base,
      year: 2021,
      period: 'h2',
      title: 'Rapport til DAS',
      status: 'in-progress',
      itemId: openItem,
    });

    const view = await s.view(SECRETARIAT, id);
    assert.deepEqual(
      view.plan.focusAreas.map((f) => f.number),
      [1, 2],
    );
    assert.deepEqual(
      view.plan.focusAreas[0]?.initiatives.map((i) => i.code),
      ['1A', '1B'],
    );
    assert.deepEqual(
      view.plan.focusAreas[0]?.initiatives[0]?.activities.map((x) => x.title),
      ['Kortlægning', 'Evaluering'],
    );
    assert.equal(view.today, '2022-03-15');
    // "Rapport til DAS" was due by 31.12.2021 and is still running
    assert.deepEqual(
      view.status.needsAttention.map((x) => x.title),
      ['Rapport til DAS'],
    );
    assert.equal(view.status.focusAreas[0]?.health, 'attention');
    assert.equal(view.committees.get(fu), 'FU');
    assert.equal(view.items.get(openItem)?.title, 'Status på fokusområde 1');
  });

  void it('refuses codes, numbers and years that do not fit, with the field named', async () => {
    const s = svc();
    const [agreement] = await s.list(SECRETARIAT);
    assert.ok(agreement);
    const view = await s.view(SECRETARIAT, agreement.id);
    const fa1 = view.plan.focusAreas[0];
    const ini = fa1?.initiatives[0];
    assert.ok(fa1 && ini);
    await rejects(
      s.addInitiative(SECRETARIAT, fa1.id, {
        code: '2C',
        title: 'X',
        description: '',
        committeeId: null,
      }),
      ValidationError,
      'code',
    );
    await rejects(
      s.addInitiative(SECRETARIAT, fa1.id, {
        code: '1a',
        title: 'X',
        description: '',
        committeeId: null,
      }),
      ValidationError,
      'code',
    );
    await rejects(
      s.addFocusArea(SECRETARIAT, agreement.id, { number: 2, title: 'Igen', description: '' }),
      ValidationError,
      'number',
    );
    const base = {
      committeeId: null,
      itemId: null,
      note: '',
      period: 'h1' as const,
      status: 'planned' as const,
      title: 'X',
    };
    await rejects(
      s.addActivity(SECRETARIAT, ini.id, { ...base, year: 2023 }),
      ValidationError,
      'year',
    );
    await rejects(
      s.addActivity(SECRETARIAT, ini.id, { ...base, year: 2021, committeeId: 999999 }),
      ValidationError,
      'committeeId',
    );
    await rejects(
      s.addActivity(SECRETARIAT, ini.id, { ...base, year: 2021, itemId: 999999 }),
      ValidationError,
      'itemId',
    );
    // shrinking the period to 2021 would strand "Evaluering" in 2022
    await rejects(
      s.updateAgreement(SECRETARIAT, agreement.id, agreement.version, {
        ...agreement,
        periodEnd: 2021,
      }),
      ValidationError,
      'periodEnd',
    );
    assert.equal((await s.agreement(agreement.id)).periodEnd, 2022);
  });

  void it('detects a concurrent edit and renumbers codes with their focus area', async () => {
    const s = svc();
    const [agreement] = await s.list(SECRETARIAT);
    assert.ok(agreement);
    const fa1 = (await s.view(SECRETARIAT, agreement.id)).plan.focusAreas[0];
    assert.ok(fa1);
    await s.updateFocusArea(SECRETARIAT, fa1.id, fa1.version, {
      number: 3,
      title: 'Styring',
      description: 'Ny',
    });
    await rejects(
      s.updateFocusArea(SECRETARIAT, fa1.id, fa1.version, {
        number: 1,
        title: 'Gammel',
        description: '',
      }),
      ConflictError,
    );
    const after = (await s.view(SECRETARIAT, agreement.id)).plan.focusAreas;
    assert.deepEqual(
      after.map((f) => f.number),
      [2, 3],
    );
    assert.deepEqual(
      after[1]?.initiatives.map((i) => i.code),
      ['3A', '3B'],
    );
    assert.equal(after[1]?.description, 'Ny');
  });

  void it('shows linked items only as far as the reader may see them', async () => {
    const s = svc();
    const [agreement] = await s.list(SECRETARIAT);
    assert.ok(agreement);
    const ini = (await s.view(SECRETARIAT, agreement.id)).plan.focusAreas[0]?.initiatives[0];
    assert.ok(ini);
    const base = { committeeId: das, note: '', period: 'h1' as const, status: 'planned' as const };
    await s.addActivity(SECRETARIAT, ini.id, {
      ...base,
      year: 2021,
      title: 'Lukket opfølgning',
      itemId: closedItem,
    });
    await s.addActivity(SECRETARIAT, ini.id, {
      ...base,
      year: 2022,
      title: 'Næste møde',
      itemId: draftItem,
    });

    const outsider: Viewer = { userId: 7, role: 'member', committeeIds: [fu] };
    const insider: Viewer = { userId: 8, role: 'member', committeeIds: [das] };
    const forOutsider = (await s.view(outsider, agreement.id)).items;
    assert.equal(forOutsider.get(closedItem)?.title, null);
    assert.equal(forOutsider.get(closedItem)?.number, 4);
    assert.equal(forOutsider.has(draftItem), false, 'a draft agenda is the secretariat’s');
    assert.equal(
      (await s.view(insider, agreement.id)).items.get(closedItem)?.title,
      'Lukket sag om Borger K',
    );
    assert.equal(
      (await s.view(SECRETARIAT, agreement.id)).items.get(draftItem)?.title,
      'Kladde om plan',
    );

    await rejects(s.view(ANONYMOUS, agreement.id), ForbiddenError);
    await rejects(s.list({ userId: 9, role: 'operator', committeeIds: [] }), ForbiddenError);
    await rejects(
      s.addFocusArea(insider, agreement.id, { number: 9, title: 'X', description: '' }),
      ForbiddenError,
    );
  });

  void it('deletes an initiative with its activities, refusing a stale version', async () => {
    const s = svc();
    const [agreement] = await s.list(SECRETARIAT);
    assert.ok(agreement);
    const ini = (await s.view(SECRETARIAT, agreement.id)).plan.focusAreas[1]?.initiatives[1];
    assert.ok(ini && ini.activities.length > 0);
    await rejects(s.remove(SECRETARIAT, 'initiative', ini.id, ini.version + 1), ConflictError);
    await s.remove(SECRETARIAT, 'initiative', ini.id, ini.version);
    const left = await t.db.query(`select 1 from plan_activity where initiative_id = $1`, [ini.id]);
    assert.equal(left.length, 0);
  });
});
