import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDb, type TestDb } from '../../test/support/db.ts';
import { ConflictError, ForbiddenError, NotFoundError, StateError } from '../domain/errors.ts';
import { ANONYMOUS, type Viewer } from '../domain/meetings/index.ts';
import { committeeRepository } from '../db/repositories/committee.repository.ts';
import { followUpService } from './follow-up.service.ts';
import { meetingService, type MeetingService } from './meeting.service.ts';

const secretariat: Viewer = { userId: 1, role: 'secretariat', committeeIds: [] };
const clock = { now: () => new Date('2021-01-10T10:00:00Z') };
const content = (title: string, extra: Partial<Parameters<MeetingService['addItem']>[2]> = {}) => ({
  section: 'for-decision' as const,
  title,
  publicTitle: null,
  access: 'open' as const,
  summary: '',
  recommendations: [],
  caseDescription: '',
  presenter: '',
  ...extra,
});

void describe('meeting service', () => {
  let t: TestDb;
  let svc: MeetingService;
  let das: number;
  let fu: number;

  before(async () => {
    t = await createTestDb();
    svc = meetingService(t.db, clock);
    const repo = committeeRepository(t.db);
    das = (await repo.byShortName('DAS'))!.id;
    fu = (await repo.byShortName('FU'))!.id;
  });
  after(() => t.dispose());

  const meeting = (date: string, committeeId = das) =>
    svc.createMeeting(secretariat, {
      committeeId,
      date,
      startTime: '13:00',
      endTime: '16:00',
      place: 'Aalborg',
    });

  void it('creates a meeting with standard items linked to the previous and next meetings', async () => {
    const october = await meeting('2020-10-19');
    const january = await meeting('2021-01-20');
    const doc = await svc.document(secretariat, january.id);
    assert.deepEqual(
      doc.items.map((i) => [i.number, i.title]),
      [
        [1, 'Godkendelse af dagsorden'],
        [2, 'Godkendelse af referat fra mødet den 19. oktober 2020'],
        [3, 'Eventuelt'],
        [4, 'Næste møde'],
      ],
    );
    const approve = await svc.item(secretariat, doc.items[1]!.id);
    assert.equal(approve.item.approvesMeetingId, october.id);
    // October's "Næste møde" now points at January.
    const octDoc = await svc.document(secretariat, october.id);
    const next = octDoc.items.find((i) => i.title === 'Næste møde')!;
    assert.match(next.caseDescription, /onsdag den 20\. januar 2021, kl\. 13\.00-16\.00, Aalborg/);
  });

  void it('keeps item numbers in sequence through add, move and delete', async () => {
    const m = await meeting('2021-03-10');
    const a = await svc.addItem(secretariat, m.id, content('Takster 2022'));
    const b = await svc.addItem(
      secretariat,
      m.id,
      content('Orientering om Kvisten', { section: 'for-information' }),
    );
    const c = await svc.addItem(
      secretariat,
      m.id,
      content('Oplæg om monitorering', { section: 'presentation' }),
    );
    const titles = async () =>
      (await svc.document(secretariat, m.id)).items.map((i) => `${i.number} ${i.title}`);
    assert.deepEqual(await titles(), [
      '1 Godkendelse af dagsorden',
      '2 Godkendelse af referat fra mødet den 20. januar 2021',
      '3 Oplæg om monitorering',
      '4 Takster 2022',
      '5 Orientering om Kvisten',
      '6 Eventuelt',
      '7 Næste møde',
    ]);
    // The first step up crosses into "Sager til behandling" (same place, new section); the second swaps.
    await svc.moveItem(secretariat, b.id, 'up');
    assert.equal((await svc.item(secretariat, b.id)).item.section, 'for-decision');
    await svc.moveItem(secretariat, b.id, 'up');
    assert.deepEqual((await titles()).slice(2, 5), [
      '3 Oplæg om monitorering',
      '4 Orientering om Kvisten',
      '5 Takster 2022',
    ]);
    const cItem = await svc.item(secretariat, c.id);
    await svc.deleteItem(secretariat, c.id, cItem.item.version);
    assert.deepEqual(
      (await titles()).map((x) => Number(x.split(' ')[0])),
      [1, 2, 3, 4, 5, 6],
    );
    void a;
  });

  void it('refuses a stale save and keeps the first', async () => {
    const m = await meeting('2021-04-14');
    const item = await svc.addItem(secretariat, m.id, content('Første titel'));
    await svc.updateItem(secretariat, item.id, item.version, content('Anden titel'));
    await assert.rejects(
      () => svc.updateItem(secretariat, item.id, item.version, content('Tredje titel')),
      ConflictError,
    );
    assert.equal((await svc.item(secretariat, item.id)).item.title, 'Anden titel');
  });

  void it('shows closed items and drafts only to those with the right', async () => {
    const m = await meeting('2021-05-19');
    const closed = await svc.addItem(
      secretariat,
      m.id,
      content('Borgersag Hemmelig', { access: 'closed', summary: 'Fortroligt resumé' }),
    );
    await assert.rejects(() => svc.document(ANONYMOUS, m.id), NotFoundError); // agenda still a draft
    await svc.advance(
      secretariat,
      m.id,
      (await svc.meetingRow(secretariat, m.id)).version,
      'publish-agenda',
    );
    const pub = await svc.document(ANONYMOUS, m.id);
    const hidden = pub.items.find((i) => i.id === closed.id)!;
    assert.equal(hidden.title, 'Lukket punkt');
    assert.equal(hidden.hidden, true);
    assert.doesNotMatch(JSON.stringify(pub), /Hemmelig|Fortroligt/);
    await assert.rejects(() => svc.item(ANONYMOUS, closed.id), NotFoundError);
    const dasMember: Viewer = { userId: 5, role: 'member', committeeIds: [das] };
    const fuMember: Viewer = { userId: 6, role: 'member', committeeIds: [fu] };
    assert.equal(
      (await svc.document(dasMember, m.id)).items.find((i) => i.id === closed.id)?.title,
      'Borgersag Hemmelig',
    );
    assert.doesNotMatch(JSON.stringify(await svc.document(fuMember, m.id)), /Hemmelig/);
  });

  void it('guards attachments by the stricter of item and attachment access, storing each file once', async () => {
    const m = await meeting('2021-06-16');
    const open = await svc.addItem(secretariat, m.id, content('Åbent punkt'));
    const bytes = new TextEncoder().encode('%PDF-1.4 bilag med æøå');
    const a1 = await svc.addAttachment(secretariat, open.id, {
      title: 'Notat',
      filename: 'notat.pdf',
      mediaType: 'application/pdf',
      access: 'open',
      bytes,
    });
    const a2 = await svc.addAttachment(secretariat, open.id, {
      title: 'Lukket notat',
      filename: 'lukket.pdf',
      mediaType: 'application/pdf',
      access: 'closed',
      bytes,
    });
    const [blobs] = await t.db.query<{ n: number }>('select count(*) as n from file_blob');
    assert.equal(blobs?.n, 1);
    await svc.advance(
      secretariat,
      m.id,
      (await svc.meetingRow(secretariat, m.id)).version,
      'publish-agenda',
    );
    const got = await svc.download(ANONYMOUS, a1.id);
    assert.deepEqual(Buffer.from(got.bytes), Buffer.from(bytes));
    await assert.rejects(() => svc.download(ANONYMOUS, a2.id), NotFoundError);
    const doc = await svc.document(ANONYMOUS, m.id);
    assert.deepEqual(
      doc.items.find((i) => i.id === open.id)?.attachments.map((a) => a.label),
      ['Bilag 1'],
    );
  });

  void it('records decisions, approves earlier minutes through the next meeting, and corrects visibly', async () => {
    const first = await meeting('2021-08-18');
    const item = await svc.addItem(secretariat, first.id, content('Styringsaftale'));
    const v = async (id: number) => (await svc.meetingRow(secretariat, id)).version;
    await assert.rejects(
      () =>
        svc.recordDecision(secretariat, item.id, item.version, {
          decision: 'Godkendt',
          outcome: 'approved',
          postMeetingNote: '',
        }),
      StateError,
    );
    await svc.advance(secretariat, first.id, await v(first.id), 'publish-agenda');
    await svc.advance(secretariat, first.id, await v(first.id), 'start-minutes');
    await svc.recordDecision(secretariat, item.id, item.version, {
      decision: 'Indstillingen godkendes.',
      outcome: 'approved',
      postMeetingNote: '',
    });
    assert.equal(
      (await svc.document(ANONYMOUS, first.id)).items.find((i) => i.id === item.id)?.decision,
      null,
    ); // not yet public
    await svc.advance(secretariat, first.id, await v(first.id), 'publish-minutes');
    assert.equal(
      (await svc.document(ANONYMOUS, first.id)).items.find((i) => i.id === item.id)?.decision,
      'Indstillingen godkendes.',
    );

    const second = await meeting('2021-10-20');
    const approve = (await svc.document(secretariat, second.id)).items.find((i) =>
      i.title.startsWith('Godkendelse af referat'),
    )!;
    await svc.advance(secretariat, second.id, await v(second.id), 'publish-agenda');
    await svc.advance(secretariat, second.id, await v(second.id), 'start-minutes');
    const approveItem = (await svc.item(secretariat, approve.id)).item;
    await svc.recordDecision(secretariat, approve.id, approveItem.version, {
      decision: 'Godkendt',
      outcome: 'approved',
      postMeetingNote: '',
    });
    assert.equal((await svc.meetingRow(secretariat, first.id)).stage, 'minutes-approved');

    const locked = (await svc.item(secretariat, item.id)).item;
    await assert.rejects(
      () =>
        svc.recordDecision(secretariat, item.id, locked.version, {
          decision: 'Ændret',
          outcome: 'approved',
          postMeetingNote: '',
        }),
      /låst/,
    );
    await assert.rejects(
      () => svc.updateItem(secretariat, item.id, locked.version, content('Ny titel')),
      StateError,
    );
    await svc.correctDecision(
      secretariat,
      item.id,
      locked.version,
      {
        decision: 'Indstillingen godkendes med rettelse.',
        outcome: 'approved',
        postMeetingNote: '',
      },
      'Stavefejl i beslutningen',
      null,
    );
    const shown = (await svc.document(ANONYMOUS, first.id)).items.find((i) => i.id === item.id)!;
    assert.equal(shown.decision, 'Indstillingen godkendes med rettelse.');
    assert.deepEqual(
      shown.corrections.map((c) => c.reason),
      ['Stavefejl i beslutningen'],
    );
  });

  void it('lets a cancelled meeting send an information letter and decide by written procedure', async () => {
    const m = await meeting('2022-01-19');
    const info = await svc.addItem(
      secretariat,
      m.id,
      content('Orientering om status', { section: 'for-information' }),
    );
    const decide = await svc.addItem(secretariat, m.id, content('Godkendelse af kommissorium'));
    await svc.advance(
      secretariat,
      m.id,
      (await svc.meetingRow(secretariat, m.id)).version,
      'publish-agenda',
    );
    await svc.cancelMeeting(
      secretariat,
      m.id,
      (await svc.meetingRow(secretariat, m.id)).version,
      'For få punkter',
    );
    await svc.sendInformationLetter(secretariat, m.id, [info.id]);
    await assert.rejects(
      () =>
        svc.recordDecision(secretariat, decide.id, decide.version, {
          decision: 'Godkendt',
          outcome: 'approved',
          postMeetingNote: '',
        }),
      /skriftlig høring/,
    );
    await svc.startWrittenProcedure(secretariat, decide.id, '2022-01-26');
    await svc.addWrittenResponse(secretariat, decide.id, {
      respondent: 'Socialdirektør, Hjørring',
      organisationId: null,
      answer: 'agree',
      comment: '',
      answeredOn: '2022-01-24',
    });
    await svc.recordDecision(secretariat, decide.id, decide.version, {
      decision: 'Godkendt ved skriftlig høring.',
      outcome: 'approved',
      postMeetingNote: '',
    });
    const responses = await svc.writtenResponses(m.id);
    assert.deepEqual(
      responses.map((r) => [r.respondent, r.answer]),
      [['Socialdirektør, Hjørring', 'agree']],
    );
    const [row] = await t.db.query<{ in_information_letter: boolean }>(
      'select in_information_letter from item where id = $1',
      [info.id],
    );
    assert.equal(row?.in_information_letter, true);
  });

  void it('offers follow-ups due at a meeting while its agenda is drafted', async () => {
    const fus = followUpService(t.db);
    const decided = await meeting('2022-03-09', fu);
    const item = await svc.addItem(secretariat, decided.id, content('Analyse af Kvisten'));
    const later = await meeting('2022-05-11', fu);
    await fus.create(secretariat, item.id, {
      what: 'Sekretariatet udarbejder en plan',
      ownerOrganisationId: null,
      ownerPerson: 'Sekretariatet',
      dueDate: '2022-05-01',
      dueMeetingId: null,
    });
    await fus.create(secretariat, item.id, {
      what: 'Senere opgave',
      ownerOrganisationId: null,
      ownerPerson: 'Sekretariatet',
      dueDate: '2022-12-01',
      dueMeetingId: null,
    });
    assert.deepEqual(
      (await fus.dueAt(secretariat, later.id)).map((f) => f.what),
      ['Sekretariatet udarbejder en plan'],
    );
    assert.deepEqual(await fus.dueAt(ANONYMOUS, later.id), []);
  });

  void it('refuses changes from anyone but the secretariat', async () => {
    const member: Viewer = { userId: 9, role: 'member', committeeIds: [das] };
    await assert.rejects(
      () =>
        svc.createMeeting(member, {
          committeeId: das,
          date: '2023-01-01',
          startTime: null,
          endTime: null,
          place: '',
        }),
      ForbiddenError,
    );
  });
});
