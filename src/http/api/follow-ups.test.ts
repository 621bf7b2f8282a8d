/**
 * Follow-ups, attendance, cancellation with an information letter and written procedure, through
 * the API.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type Client, type TestApp } from '../../../test/support/app.ts';
import {
  act,
  addItem,
  committeeIdOf,
  createMeeting,
  expectError,
  expectJson,
  getItem,
  getMeeting,
  shownItem,
  type AttendanceJson,
  type DocumentJson,
  type FollowUpJson,
  type FollowUpsJson,
  type ItemJson,
  type MeetingJson,
  type WrittenResponsesJson,
} from './test-fixtures.ts';

void describe('follow-ups API', () => {
  let t: TestApp;
  let sec: Client;
  let fuMember: Client;
  let dasMember: Client;
  let das = 0;
  let meeting: DocumentJson;
  let openItem: ItemJson;
  let closedItem: ItemJson;
  const list = async (client: Client, query = '') =>
    (await expectJson<FollowUpsJson>(await client.request(`/api/follow-ups${query}`), 200))
      .followUps;

  before(async () => {
    t = await createTestApp();
    sec = await t.login('secretariat');
    fuMember = await t.login('member', { committees: ['FU'] });
    dasMember = await t.login('member', { committees: ['DAS'] });
    das = await committeeIdOf(sec, 'DAS');
    meeting = await createMeeting(sec, das, '2021-01-20');
    openItem = await addItem(sec, meeting.meeting.id, { title: 'Åben sag' });
    closedItem = await addItem(sec, meeting.meeting.id, {
      title: 'Lukket sag om Bostedet Kildehuset',
      access: 'closed',
    });
    await act(sec, meeting.meeting.id, 'publish-agenda');
    await act(sec, meeting.meeting.id, 'start-minutes');
  });
  after(() => t.dispose());

  void it('creates follow-ups from decisions and validates them in Danish', async () => {
    const post = (client: Client, itemId: number, body: Record<string, unknown>) =>
      client.json(`/api/items/${itemId}/follow-ups`, 'POST', body);
    const bad = await expectError(await post(sec, openItem.id, { ownerPerson: '' }), 400);
    assert.equal(bad.fields.what, 'Skriv hvad der skal følges op på.');
    const body = {
      what: 'Sekretariatet udsender taksterne',
      ownerPerson: 'Sekretariatet',
      dueDate: '01.03.2021',
    };
    const created = await expectJson<FollowUpJson>(await post(sec, openItem.id, body), 201);
    assert.equal(created.dueDate, '2021-03-01');
    assert.equal(created.status, 'open');
    assert.equal(created.itemId, openItem.id);
    assert.equal(created.committeeId, das);
    await expectJson<FollowUpJson>(
      await post(sec, closedItem.id, {
        what: 'Kildehuset skal genbesøges',
        ownerPerson: 'Sekretariatet',
        dueDate: '2021-03-01',
      }),
      201,
    );
    const badOrg = await expectError(
      await post(sec, openItem.id, {
        what: 'X',
        ownerOrganisationId: 987654,
        dueDate: '2021-03-01',
      }),
      400,
    );
    assert.match(badOrg.error, /peger på noget, der ikke findes/);
    await expectError(await post(t.anonymous, openItem.id, { what: 'x' }), 403);
  });

  void it('lists follow-ups by committee and status, hiding those of closed items from outsiders', async () => {
    assert.equal((await list(sec, `?committee=${das}&status=open`)).length, 2);
    assert.equal((await list(dasMember, `?committee=${das}`)).length, 2);
    // A member of another committee reads none of DAS's follow-ups (they are working notes).
    const outsider = await list(fuMember);
    assert.deepEqual(
      outsider.map((f) => f.what),
      [],
    );
    assert.ok(!JSON.stringify(outsider).includes('Kildehuset'));
    assert.equal((await list(t.anonymous)).length, 0);
    const bad = await expectError(await sec.request('/api/follow-ups?status=finished'), 400);
    assert.equal(bad.fields.status, 'Vælg en af: Åben, Udført, Annulleret.');
  });

  void it('changes status with the version and refuses a stale one', async () => {
    const [first] = await list(sec, `?committee=${das}&status=open`);
    assert.ok(first);
    const put = (body: Record<string, unknown>) =>
      sec.json(`/api/follow-ups/${first.id}/status`, 'PUT', body);
    const done = await expectJson<FollowUpJson>(
      await put({ version: first.version, status: 'done' }),
      200,
    );
    assert.equal(done.status, 'done');
    assert.equal(done.version, first.version + 1);
    await expectError(await put({ version: first.version, status: 'cancelled' }), 409);
    assert.equal((await list(sec, `?committee=${das}&status=open`)).length, 1);
  });

  void it('lists a follow-up on an item of a draft meeting for the secretariat only', async () => {
    const draft = await createMeeting(sec, das, '2021-09-01');
    const item = await addItem(sec, draft.meeting.id, { title: 'Åben sag i et udkast' });
    await expectJson<FollowUpJson>(
      await sec.json(`/api/items/${item.id}/follow-ups`, 'POST', {
        what: 'Opfølgning fra udkastet',
        ownerPerson: 'Sekretariatet',
        dueDate: '2021-12-01',
      }),
      201,
    );
    const whats = async (client: Client) => (await list(client)).map((f) => f.what);
    assert.ok((await whats(sec)).includes('Opfølgning fra udkastet'));
    assert.ok(!(await whats(dasMember)).includes('Opfølgning fra udkastet'));
    assert.ok((await whats(dasMember)).includes('Sekretariatet udsender taksterne'));
    // the page, which reads the same service, leaves it out too
    const page = await (await dasMember.request('/follow-ups?status=all')).text();
    assert.ok(page.includes('Sekretariatet udsender taksterne'));
    assert.ok(!page.includes('Opfølgning fra udkastet'));
  });
});

void describe('attendance, cancellation, information letter and written procedure', () => {
  let t: TestApp;
  let sec: Client;
  let meeting: DocumentJson;
  let info: ItemJson;
  let decide: ItemJson;

  before(async () => {
    t = await createTestApp();
    sec = await t.login('secretariat');
    meeting = await createMeeting(sec, await committeeIdOf(sec, 'FU'), '2021-02-02');
    info = await addItem(sec, meeting.meeting.id, {
      section: 'for-information',
      title: 'Orientering om tilbudsviften',
    });
    decide = await addItem(sec, meeting.meeting.id, { title: 'Godkendelse af udmøntningsplan' });
  });
  after(() => t.dispose());

  void it('records and removes attendance', async () => {
    const id = meeting.meeting.id;
    const post = (body: Record<string, unknown>) =>
      sec.json(`/api/meetings/${id}/attendance`, 'POST', body);
    const bad = await expectError(await post({ kind: 'visitor', name: '' }), 400);
    assert.equal(bad.fields.name, 'Skriv personens navn.');
    assert.ok(bad.fields.kind);
    const elsewhere = await expectError(
      await post({ kind: 'guest', name: 'Gæst', itemId: 999999 }),
      400,
    );
    assert.ok(elsewhere.fields.itemId);
    const created = await expectJson<AttendanceJson>(
      await post({ kind: 'participant', name: 'Anne Jensen', organisation: 'Aalborg' }),
      201,
    );
    assert.equal(created.name, 'Anne Jensen');
    await expectJson<AttendanceJson>(
      await post({ kind: 'guest', name: 'Ole Hansen', itemId: info.id }),
      201,
    );
    const doc = await getMeeting(sec, id);
    assert.deepEqual(doc.participants, [{ name: 'Anne Jensen', organisation: 'Aalborg' }]);
    assert.deepEqual(shownItem(doc, (await getItem(sec, info.id)).number).guests, ['Ole Hansen']);
    assert.equal(doc.attendance?.length, 2);
    assert.equal(
      (await sec.json(`/api/meetings/${id}/attendance/${created.id}`, 'DELETE', null)).status,
      204,
    );
    assert.deepEqual((await getMeeting(sec, id)).participants, []);
  });

  void it('cancels a meeting, sends an information letter and decides by written procedure', async () => {
    const id = meeting.meeting.id;
    const current = (await getMeeting(sec, id)).meeting;
    const cancel = (body: Record<string, unknown>) =>
      sec.json(`/api/meetings/${id}/cancel`, 'POST', body);
    const letter = (itemIds: number[]) =>
      sec.json(`/api/meetings/${id}/information-letter`, 'POST', { itemIds });
    const noReason = await expectError(await cancel({ version: current.version }), 400);
    assert.match(noReason.fields.reason ?? '', /Skriv hvorfor mødet aflyses/);
    await expectError(await letter([info.id]), 409);
    const cancelled = await expectJson<MeetingJson>(
      await cancel({ version: current.version, reason: 'Aflyst pga. for få punkter' }),
      200,
    );
    assert.equal(cancelled.status, 'cancelled');
    assert.equal(cancelled.cancelReason, 'Aflyst pga. for få punkter');

    const wrong = await expectError(await letter([999999]), 400);
    assert.match(wrong.fields.itemIds ?? '', /999999/);
    const sent = await expectJson<DocumentJson>(await letter([info.id]), 200);
    assert.ok(sent.meeting.informationLetterSentAt);
    assert.equal((await getItem(sec, info.id)).inInformationLetter, true);
    assert.equal((await getItem(sec, decide.id)).inInformationLetter, false);

    // A decision needs the written procedure first.
    const path = (what: string) => `/api/items/${decide.id}/${what}`;
    const before = await getItem(sec, decide.id);
    await expectError(
      await sec.json(path('decision'), 'PUT', {
        version: before.version,
        decision: 'Godkendt',
        outcome: 'approved',
      }),
      409,
    );
    await expectError(
      await sec.json(path('written-responses'), 'POST', {
        respondent: 'Aalborg',
        answer: 'agree',
        answeredOn: '2021-02-05',
      }),
      409,
    );
    const badDeadline = await expectError(
      await sec.json(path('written-procedure'), 'POST', { deadline: '30.02.2021' }),
      400,
    );
    assert.ok(badDeadline.fields.deadline);
    const started = await expectJson<ItemJson>(
      await sec.json(path('written-procedure'), 'POST', { deadline: '10.02.2021' }),
      200,
    );
    assert.equal(started.writtenProcedureDeadline, '2021-02-10');
    const answer = {
      respondent: 'Aalborg Kommune',
      answer: 'agree',
      comment: 'Enig',
      answeredOn: '05.02.2021',
    };
    const answered = await expectJson<WrittenResponsesJson>(
      await sec.json(path('written-responses'), 'POST', answer),
      201,
    );
    assert.deepEqual(
      answered.responses.map((r) => [r.respondent, r.answer, r.answeredOn]),
      [['Aalborg Kommune', 'agree', '2021-02-05']],
    );
    const maybe = { respondent: 'Hjørring', answer: 'maybe', answeredOn: '2021-02-05' };
    const badAnswer = await expectError(
      await sec.json(path('written-responses'), 'POST', maybe),
      400,
    );
    assert.equal(badAnswer.fields.answer, 'Vælg en af: Enig, Uenig, Undlader.');
    const decision = {
      version: started.version,
      decision: 'Godkendt ved skriftlig høring.',
      outcome: 'approved',
    };
    const decided = await expectJson<ItemJson>(
      await sec.json(path('decision'), 'PUT', decision),
      200,
    );
    assert.equal(decided.decision, 'Godkendt ved skriftlig høring.');
  });
});
