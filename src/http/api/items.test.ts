/** Bad input, unknown ids and version conflicts on meetings and items. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type Client, type TestApp } from '../../../test/support/app.ts';
import {
  addItem,
  committeeIdOf,
  createMeeting,
  expectError,
  expectJson,
  getItem,
  getMeeting,
  itemBody,
  type DocumentJson,
  type ItemJson,
  type MeetingJson,
} from './test-fixtures.ts';

void describe('items API: bad input, unknown ids and conflicts', () => {
  let t: TestApp;
  let sec: Client;
  let das = 0;
  let meeting: DocumentJson;

  before(async () => {
    t = await createTestApp();
    sec = await t.login('secretariat');
    das = await committeeIdOf(sec, 'DAS');
    meeting = await createMeeting(sec, das, '2021-01-20');
  });
  after(() => t.dispose());

  void it('refuses an item without a title with a Danish field error', async () => {
    const body: Record<string, unknown> = itemBody();
    delete body.title;
    const res = await expectError(
      await sec.json(`/api/meetings/${meeting.meeting.id}/items`, 'POST', body),
      400,
    );
    assert.equal(
      res.error,
      'Nogle felter er ikke udfyldt rigtigt. Ret de markerede felter og prøv igen.',
    );
    assert.deepEqual(res.fields, { title: 'Skriv punktets titel.' });
    const blankBody = itemBody({ title: '   ', access: 'secret' });
    const blank = await expectError(
      await sec.json(`/api/meetings/${meeting.meeting.id}/items`, 'POST', blankBody),
      400,
    );
    assert.equal(blank.fields.title, 'Skriv punktets titel.');
    assert.equal(
      blank.fields.access,
      'Vælg en af: Åben, Lukket, Personoplysninger (kun navngivne).',
    );
  });

  void it('refuses an impossible date and a meeting that ends before it starts', async () => {
    const res = await expectError(
      await sec.json('/api/meetings', 'POST', { committeeId: das, date: '31.02.2021' }),
      400,
    );
    assert.equal(res.fields.date, 'Skriv datoen som dd.mm.åååå, fx 20.01.2021.');
    const late = { committeeId: das, date: '2021-02-01', startTime: '15.00', endTime: '13.00' };
    const times = await expectError(await sec.json('/api/meetings', 'POST', late), 400);
    assert.equal(times.fields.endTime, 'Sluttidspunktet skal ligge efter starttidspunktet.');
    const committee = await expectError(
      await sec.json('/api/meetings', 'POST', { committeeId: 999999, date: '2021-02-01' }),
      400,
    );
    assert.match(committee.fields.committeeId ?? '', /Udvalget findes ikke/);
    const list = await expectError(
      await sec.request('/api/meetings?from=31.02.2021&committee=abc'),
      400,
    );
    assert.equal(list.fields.from, 'Skriv datoen som dd.mm.åååå, fx 20.01.2021.');
    assert.ok(list.fields.committee);
  });

  void it('answers malformed JSON with a Danish sentence', async () => {
    const res = await sec.request('/api/meetings', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"committeeId": 1, "date": ',
    });
    assert.equal((await expectError(res, 400)).error, 'Forespørgslen er ikke gyldig JSON.');
    const array = await expectError(await sec.json('/api/meetings', 'POST', [1, 2]), 400);
    assert.match(array.error, /JSON-objekt/);
  });

  void it('answers unknown ids and paths with 404 JSON', async () => {
    const paths = [
      '/api/meetings/999999',
      '/api/items/999999',
      '/api/items/abc',
      '/api/items/99999999999',
      '/api/attachments/424242',
      '/api/committees/9999',
      '/api/nothing-here',
    ];
    for (const path of paths) await expectError(await sec.request(path), 404);
    const actions = `/api/meetings/${meeting.meeting.id}/actions/approve-everything`;
    await expectError(await sec.json(actions, 'POST', { version: 1 }), 404);
    await expectError(await sec.json('/api/items/999999', 'PUT', itemBody({ version: 1 })), 404);
    await expectError(
      await sec.json('/api/meetings/999999', 'PUT', { date: '2021-01-01', version: 1 }),
      404,
    );
    await expectError(
      await sec.json('/api/follow-ups/999999/status', 'PUT', { version: 1, status: 'done' }),
      404,
    );
    await expectError(
      await sec.json(`/api/meetings/${meeting.meeting.id}/attendance/999999`, 'DELETE', null),
      404,
    );
  });

  void it('refuses the second of two saves with the same version and keeps the first', async () => {
    const item = await addItem(sec, meeting.meeting.id, { title: 'Oprindelig titel' });
    const first = itemBody({
      title: 'Første redaktørs titel',
      summary: 'Første resumé',
      version: item.version,
    });
    const second = itemBody({
      title: 'Anden redaktørs titel',
      summary: 'Andet resumé',
      version: item.version,
    });
    const saved = await expectJson<ItemJson>(
      await sec.json(`/api/items/${item.id}`, 'PUT', first),
      200,
    );
    assert.equal(saved.version, item.version + 1);
    const conflict = await expectError(await sec.json(`/api/items/${item.id}`, 'PUT', second), 409);
    assert.match(conflict.error, /En anden har gemt ændringer/);
    const stored = await getItem(sec, item.id);
    assert.equal(stored.title, 'Første redaktørs titel');
    assert.equal(stored.summary, 'Første resumé');
    assert.equal(stored.version, item.version + 1);

    // Meetings too.
    const m = meeting.meeting;
    const put = (body: Record<string, unknown>) => sec.json(`/api/meetings/${m.id}`, 'PUT', body);
    await expectJson<MeetingJson>(
      await put({ date: '21.01.2021', place: 'Hjørring', version: m.version }),
      200,
    );
    await expectError(await put({ date: '22.01.2021', place: 'Thisted', version: m.version }), 409);
    const after = await getMeeting(sec, m.id);
    assert.equal(after.meeting.date, '2021-01-21');
    assert.equal(after.meeting.place, 'Hjørring');
    const moved = await expectError(
      await put({
        committeeId: m.committee.id + 1,
        date: '22.01.2021',
        version: after.meeting.version,
      }),
      400,
    );
    assert.match(moved.fields.committeeId ?? '', /andet udvalg/);
  });

  void it('moves and deletes items, keeping the numbers in sequence', async () => {
    const id = meeting.meeting.id;
    const a = await addItem(sec, id, { title: 'Punkt A' });
    const b = await addItem(sec, id, { title: 'Punkt B' });
    const moved = await expectJson<ItemJson>(
      await sec.json(`/api/items/${b.id}/move`, 'POST', { direction: 'up' }),
      200,
    );
    assert.equal(moved.number, a.number);
    const bad = await expectError(
      await sec.json(`/api/items/${b.id}/move`, 'POST', { direction: 'sideways' }),
      400,
    );
    assert.match(bad.fields.direction ?? '', /up/);

    const current = await getItem(sec, a.id);
    await expectError(
      await sec.json(`/api/items/${a.id}?version=${current.version + 5}`, 'DELETE', null),
      409,
    );
    const missing = await expectError(await sec.json(`/api/items/${a.id}`, 'DELETE', null), 400);
    assert.ok(missing.fields.version);
    const res = await sec.json(`/api/items/${a.id}?version=${current.version}`, 'DELETE', null);
    assert.equal(res.status, 204);
    await expectError(await sec.request(`/api/items/${a.id}`), 404);
    const doc = await getMeeting(sec, id);
    assert.deepEqual(
      doc.items.map((i) => i.number),
      doc.items.map((_, n) => n + 1),
    );
  });
});
