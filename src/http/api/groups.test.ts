import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type Client, type TestApp } from '../../../test/support/app.ts';
import { calendarService } from '../../services/calendar.service.ts';

void describe('groups and calendar API', () => {
  let t: TestApp;
  let sec: Client;
  before(async () => {
    t = await createTestApp();
    sec = await t.login('secretariat');
    const cal = calendarService(t.db, t.services.clock);
    const viewer = { userId: sec.userId, role: 'secretariat' as const, committeeIds: [] };
    const event = {
      endDate: null,
      startTime: null,
      endTime: null,
      place: '',
      description: '',
      committeeId: null,
      recurringYearly: false,
      sourceUid: null,
    };
    await cal.create(viewer, {
      ...event,
      title: 'Frist for takstindberetning',
      kind: 'deadline',
      date: '2021-08-06',
      internal: false,
    });
    await cal.create(viewer, {
      ...event,
      title: 'Intern planlægning Vandmand',
      kind: 'other',
      date: '2021-09-01',
      internal: true,
    });
  });
  after(() => t.dispose());

  void it('lists the groups and their matrix for everyone', async () => {
    const list = (await (await t.anonymous.request('/api/groups')).json()) as {
      groups: { id: number; shortName: string }[];
    };
    assert.ok(list.groups.some((g) => g.shortName === 'SAG'));
    const one = await t.anonymous.request(`/api/groups/${list.groups[0]!.id}`);
    assert.equal(one.status, 200);
    assert.ok('coverage' in ((await one.json()) as object));
    assert.equal((await t.anonymous.request('/api/groups/99999')).status, 404);
    assert.equal((await t.anonymous.request('/api/groups/matrix')).status, 200);
  });

  void it('gives the public the year without internal events, and refuses a bad year', async () => {
    const titles = async (c: Client) =>
      (
        (await (await c.request('/api/calendar/2021')).json()) as { events: { title: string }[] }
      ).events.map((e) => e.title);
    assert.ok((await titles(t.anonymous)).includes('Frist for takstindberetning'));
    assert.ok(!(await titles(t.anonymous)).includes('Intern planlægning Vandmand'));
    assert.ok((await titles(sec)).includes('Intern planlægning Vandmand'));
    const bad = await t.anonymous.request('/api/calendar/tjuetjue');
    assert.equal(bad.status, 400);
    assert.match(JSON.stringify(await bad.json()), /Skriv et årstal/);
  });
});
