/**
 * The meeting cycle through the API: standard items, a closed item that only those with access
 * see, decisions, minutes approval through the next meeting, and corrections after the lock.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractText, getDocumentProxy } from 'unpdf';
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
  upload,
  type AttachmentJson,
  type DocumentJson,
  type ItemJson,
  type MeetingJson,
} from './test-fixtures.ts';

const CLOSED = {
  title: 'Fortrolig sag om Bostedet Kildehuset',
  summary: 'Resumé med FORTROLIGT-RESUME-7731',
  caseDescription: 'Sagsbeskrivelse med FORTROLIG-BAGGRUND-5512',
  recommendations: ['FORTROLIG-INDSTILLING-9043'],
  decision: 'FORTROLIG-BESLUTNING-2287',
  attachmentTitle: 'FORTROLIGT-BILAG-4410',
};
const SECRETS = [
  CLOSED.title,
  'Kildehuset',
  'FORTROLIGT-RESUME-7731',
  'FORTROLIG-BAGGRUND-5512',
  'FORTROLIG-INDSTILLING-9043',
  'FORTROLIG-BESLUTNING-2287',
  'FORTROLIGT-BILAG-4410',
  'kildehuset.pdf',
];
const HIDDEN_3 = { number: 3, access: 'closed', hidden: true, title: 'Lukket punkt' };

function assertNoSecrets(found: unknown, who: string) {
  const text = typeof found === 'string' ? found : JSON.stringify(found);
  for (const secret of SECRETS) assert.ok(!text.includes(secret), `${who} må ikke se "${secret}"`);
}

async function pdfText(res: Response): Promise<string> {
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/pdf');
  const { text } = await extractText(
    await getDocumentProxy(new Uint8Array(await res.arrayBuffer())),
    { mergePages: true },
  );
  return text;
}

void describe('meetings API: the meeting cycle and closed items', () => {
  let t: TestApp;
  let sec: Client;
  let dasMember: Client;
  let fuMember: Client;
  let operator: Client;
  let das = 0;
  let first: DocumentJson;
  let second: DocumentJson;
  let openItem: ItemJson;
  let closedItem: ItemJson;
  let closedAttachmentId = 0;

  before(async () => {
    t = await createTestApp();
    sec = await t.login('secretariat');
    dasMember = await t.login('member', { committees: ['DAS'] });
    fuMember = await t.login('member', { committees: ['FU'] });
    operator = await t.login('operator');
    das = await committeeIdOf(sec, 'DAS');
  });
  after(() => t.dispose());

  void it('creates a meeting with the standard items, linking the minutes approval to the previous meeting', async () => {
    first = await createMeeting(sec, das, '20.01.2021');
    assert.equal(first.meeting.date, '2021-01-20');
    assert.equal(first.meeting.startTime, '13:00');
    assert.equal(first.meeting.stage, 'agenda-draft');
    // The committee's first meeting has no earlier minutes to approve.
    assert.deepEqual(
      first.items.map((i) => [i.number, i.title]),
      [
        [1, 'Godkendelse af dagsorden'],
        [2, 'Eventuelt'],
        [3, 'Næste møde'],
      ],
    );

    second = await createMeeting(sec, das, '2021-03-10');
    assert.deepEqual(
      second.items.map((i) => i.number),
      [1, 2, 3, 4],
    );
    assert.equal(shownItem(second, 1).title, 'Godkendelse af dagsorden');
    assert.match(
      shownItem(second, 2).title,
      /^Godkendelse af referat fra mødet den 20\. januar 2021/,
    );
    assert.equal(shownItem(second, 3).title, 'Eventuelt');
    assert.equal(shownItem(second, 4).title, 'Næste møde');
    const approval = await getItem(sec, shownItem(second, 2).id);
    assert.equal(approval.standardKind, 'approve-minutes');
    assert.equal(approval.approvesMeetingId, first.meeting.id);

    // The first meeting's "Næste møde" now points at the second.
    const next = await getItem(sec, shownItem(first, 3).id);
    assert.equal(next.nextMeetingId, second.meeting.id);
  });

  void it('adds items in their section and numbers the agenda in sequence', async () => {
    openItem = await addItem(sec, first.meeting.id, {
      title: 'Takster for 2022',
      summary: 'Åbent resumé',
    });
    closedItem = await addItem(sec, first.meeting.id, { ...CLOSED, access: 'closed' });
    assert.equal(openItem.number, 2);
    assert.equal(closedItem.number, 3);
    assert.equal(closedItem.access, 'closed');
    assert.equal(closedItem.version, 1);
    const bytes = new TextEncoder().encode('fortroligt indhold');
    const res = await upload(sec, closedItem.id, bytes, {
      filename: 'kildehuset.pdf',
      title: CLOSED.attachmentTitle,
    });
    closedAttachmentId = (await expectJson<AttachmentJson>(res, 201)).id;
    const doc = await getMeeting(sec, first.meeting.id);
    assert.deepEqual(
      doc.items.map((i) => `${i.number} ${i.title}`),
      [
        '1 Godkendelse af dagsorden',
        '2 Takster for 2022',
        `3 ${CLOSED.title}`,
        '4 Eventuelt',
        '5 Næste møde',
      ],
    );
  });

  void it('keeps a draft agenda from everyone but the secretariat', async () => {
    await expectError(await t.anonymous.request(`/api/meetings/${first.meeting.id}`), 404);
    await expectError(await dasMember.request(`/api/meetings/${first.meeting.id}`), 404);
    const list = await expectJson<{ meetings: MeetingJson[] }>(
      await t.anonymous.request(`/api/meetings?committee=${das}`),
      200,
    );
    assert.equal(list.meetings.length, 0);
  });

  void it('publishes the agenda', async () => {
    const meeting = await act(sec, first.meeting.id, 'publish-agenda');
    assert.equal(meeting.stage, 'agenda-published');
    assert.ok(meeting.agendaPublishedAt);
  });

  void it('shows a visitor the closed item only as its number and "Lukket punkt"', async () => {
    const doc = await getMeeting(t.anonymous, first.meeting.id);
    assert.equal(doc.publicEdition, true);
    assert.deepEqual(
      doc.items.find((i) => i.number === 3),
      HIDDEN_3,
    );
    assertNoSecrets(doc, 'en besøgende');
    assert.equal('attendance' in doc, false);
    assert.equal(shownItem(doc, 2).title, 'Takster for 2022');
    assert.equal(shownItem(doc, 2).summary, 'Åbent resumé');

    await expectError(await t.anonymous.request(`/api/items/${closedItem.id}`), 404);
    const download = await t.anonymous.request(`/api/attachments/${closedAttachmentId}`);
    assert.equal(download.status, 404);
    assertNoSecrets(await download.text(), 'en besøgende');

    const list = await expectJson<{ meetings: MeetingJson[] }>(
      await t.anonymous.request(`/api/meetings?committee=${das}&from=01.01.2021&to=2021-12-31`),
      200,
    );
    assert.deepEqual(
      list.meetings.map((m) => m.id),
      [first.meeting.id],
    );
  });

  void it('leaves the closed item out of the public agenda PDF', async () => {
    const res = await t.anonymous.request(`/api/meetings/${first.meeting.id}/agenda.pdf`);
    assert.match(
      res.headers.get('content-disposition') ?? '',
      /^attachment; filename="DAS-dagsorden-2021-01-20\.pdf"/,
    );
    const text = await pdfText(res);
    assert.match(text, /Takster for 2022/);
    assertNoSecrets(text, 'den offentlige PDF');
    await expectError(
      await t.anonymous.request(`/api/meetings/${first.meeting.id}/minutes.pdf`),
      404,
    );
  });

  void it('shows the closed item to a member of DAS, but not to a member of FU only or an operator', async () => {
    const member = await getMeeting(dasMember, first.meeting.id);
    const seen = shownItem(member, 3);
    assert.equal(seen.title, CLOSED.title);
    assert.equal(seen.summary, CLOSED.summary);
    assert.equal(seen.attachments[0]?.title, CLOSED.attachmentTitle);
    assert.equal((await getItem(dasMember, closedItem.id)).title, CLOSED.title);
    const download = await dasMember.request(`/api/attachments/${closedAttachmentId}`);
    assert.equal(download.status, 200);
    assert.equal(await download.text(), 'fortroligt indhold');

    for (const [who, client] of [
      ['et FU-medlem', fuMember],
      ['en driftsherre', operator],
    ] as const) {
      const doc = await getMeeting(client, first.meeting.id);
      assert.deepEqual(
        doc.items.find((i) => i.number === 3),
        HIDDEN_3,
      );
      assertNoSecrets(doc, who);
      await expectError(await client.request(`/api/items/${closedItem.id}`), 404);
      assert.equal((await client.request(`/api/attachments/${closedAttachmentId}`)).status, 404);
    }
  });

  void it('refuses decisions before the minutes are started', async () => {
    const body = { version: openItem.version, decision: 'For tidligt', outcome: 'approved' };
    const refused = await expectError(
      await sec.json(`/api/items/${openItem.id}/decision`, 'PUT', body),
      409,
    );
    assert.match(refused.error, /Start referat/);
  });

  void it('records decisions once the minutes are started and publishes them', async () => {
    await act(sec, first.meeting.id, 'start-minutes');
    const open = await getItem(sec, openItem.id);
    const decision = {
      version: open.version,
      decision: 'Taksterne blev godkendt.',
      outcome: 'approved',
      postMeetingNote: '',
    };
    const decided = await expectJson<ItemJson>(
      await sec.json(`/api/items/${open.id}/decision`, 'PUT', decision),
      200,
    );
    assert.equal(decided.decision, 'Taksterne blev godkendt.');
    assert.equal(decided.outcome, 'approved');
    const closed = await getItem(sec, closedItem.id);
    const closedDecision = { version: closed.version, decision: CLOSED.decision, outcome: 'noted' };
    await expectJson<ItemJson>(
      await sec.json(`/api/items/${closed.id}/decision`, 'PUT', closedDecision),
      200,
    );

    // Decisions stay internal until the minutes are published.
    assert.equal((await getItem(dasMember, open.id)).decision, null);

    const meeting = await act(sec, first.meeting.id, 'publish-minutes');
    assert.equal(meeting.stage, 'minutes-published');
    const doc = await getMeeting(t.anonymous, first.meeting.id);
    assert.equal(shownItem(doc, 2).decision, 'Taksterne blev godkendt.');
    assertNoSecrets(doc, 'en besøgende');
    assert.equal(
      shownItem(await getMeeting(dasMember, first.meeting.id), 3).decision,
      CLOSED.decision,
    );

    const text = await pdfText(
      await t.anonymous.request(`/api/meetings/${first.meeting.id}/minutes.pdf`),
    );
    assert.match(text, /Taksterne blev godkendt/);
    assertNoSecrets(text, 'referatets offentlige PDF');
  });

  void it('locks the minutes when the next meeting approves them, then takes only corrections with a reason', async () => {
    const secondId = second.meeting.id;
    await act(sec, secondId, 'publish-agenda');
    await act(sec, secondId, 'start-minutes');
    const approval = await getItem(sec, shownItem(second, 2).id);
    const approve = {
      version: approval.version,
      decision: 'Referatet blev godkendt.',
      outcome: 'approved',
    };
    await expectJson<ItemJson>(
      await sec.json(`/api/items/${approval.id}/decision`, 'PUT', approve),
      200,
    );
    const locked = await getMeeting(sec, first.meeting.id);
    assert.equal(locked.meeting.stage, 'minutes-approved');
    assert.ok(locked.meeting.minutesApprovedAt);

    const item = await getItem(sec, openItem.id);
    const change = {
      version: item.version,
      decision: 'Taksterne blev godkendt med en rettelse.',
      outcome: 'approved-with-changes',
    };
    const refused = await expectError(
      await sec.json(`/api/items/${item.id}/decision`, 'PUT', change),
      400,
    );
    assert.equal(
      refused.fields.reason,
      'Skriv en begrundelse for rettelsen; den vises i referatet.',
    );
    assert.equal((await getItem(sec, item.id)).decision, 'Taksterne blev godkendt.');

    const reason = 'Fejl i referatet påpeget af formanden.';
    const corrected = await expectJson<ItemJson>(
      await sec.json(`/api/items/${item.id}/decision`, 'PUT', { ...change, reason }),
      200,
    );
    assert.equal(corrected.decision, 'Taksterne blev godkendt med en rettelse.');
    assert.deepEqual(
      corrected.corrections.map((c) => c.reason),
      [reason],
    );
    const pub = await getMeeting(t.anonymous, first.meeting.id);
    assert.deepEqual(
      shownItem(pub, 2).corrections.map((c) => c.reason),
      [reason],
    );

    // The content of a locked meeting cannot be edited.
    const edit = await sec.json(`/api/items/${item.id}`, 'PUT', {
      ...item,
      version: corrected.version,
      title: 'Ny titel',
    });
    await expectError(edit, 409);
  });

  void it('answers anonymous writes with 403 JSON', async () => {
    const create = await expectError(
      await t.anonymous.json('/api/meetings', 'POST', { committeeId: das, date: '2021-05-01' }),
      403,
    );
    assert.match(create.error, /sekretariatet/);
    await expectError(
      await t.anonymous.json(`/api/items/${openItem.id}`, 'PUT', { title: 'x' }),
      403,
    );
    // A write to a closed item: 403 as for any item, revealing nothing.
    await expectError(
      await t.anonymous.json(`/api/items/${closedItem.id}/decision`, 'PUT', { version: 1 }),
      403,
    );
    await expectError(
      await t.anonymous.json(`/api/attachments/${closedAttachmentId}`, 'DELETE', null),
      403,
    );
    const memberWrite = await dasMember.json(
      `/api/meetings/${first.meeting.id}/actions/publish-minutes`,
      'POST',
      { version: 1 },
    );
    await expectError(memberWrite, 403);
  });
});
