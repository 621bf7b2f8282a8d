import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDb, type TestDb } from '../../../test/support/db.ts';
import { repositories } from './index.ts';

void describe('the meeting content stamp (public page cache key)', () => {
  let t: TestDb;
  before(async () => {
    t = await createTestDb();
  });
  after(() => t.dispose());

  void it('moves on every change shown on the meeting page, and only then', async () => {
    const r = repositories(t.db);
    const das = (await r.committees.byShortName('DAS'))!.id;
    const m = await r.meetings.create({
      committeeId: das,
      date: '2021-01-20',
      startTime: null,
      endTime: null,
      place: '',
    });
    const stamps: string[] = [];
    const snap = async () => {
      const s = await r.meetings.contentStamp(m.id);
      assert.ok(s !== null);
      stamps.push(s);
    };
    await snap();
    const item = await r.items.create({
      meetingId: m.id,
      number: 1,
      section: 'for-decision',
      title: 'Takster',
      publicTitle: null,
      access: 'open',
      summary: '',
      recommendations: [],
      caseDescription: '',
      presenter: '',
      standardKind: null,
      approvesMeetingId: null,
      nextMeetingId: null,
    });
    await snap();
    await r.items.updateDecision(item.id, item.version, {
      decision: 'Godkendt',
      outcome: 'approved',
      postMeetingNote: '',
    });
    await snap();
    const attachment = await r.attachments.create({
      itemId: item.id,
      title: 'Bilag',
      filename: 'b.txt',
      mediaType: 'text/plain',
      access: 'open',
      bytes: new Uint8Array([65]),
    });
    await snap();
    await r.attachments.setAccess(attachment.id, 'closed');
    await snap();
    await r.attendance.add({
      meetingId: m.id,
      kind: 'participant',
      personId: null,
      name: 'Anne',
      organisation: '',
      itemId: null,
    });
    await snap();
    await r.decisions.addCorrection({
      itemId: item.id,
      beforeDecision: 'Godkendt',
      afterDecision: 'Godkendt.',
      beforeOutcome: null,
      afterOutcome: null,
      reason: 'Punktum',
      userId: null,
    });
    await snap();
    await r.meetings.setStage(m.id, m.version, 'agenda-published', new Date());
    await snap();
    assert.equal(
      new Set(stamps).size,
      stamps.length,
      `every change moves the stamp: ${stamps.join(', ')}`,
    );
    // A read changes nothing.
    await r.items.listByMeeting(m.id);
    assert.equal(await r.meetings.contentStamp(m.id), stamps.at(-1));
    // Another meeting's change leaves this one alone.
    const other = await r.meetings.create({
      committeeId: das,
      date: '2021-03-10',
      startTime: null,
      endTime: null,
      place: '',
    });
    await r.attendance.add({
      meetingId: other.id,
      kind: 'apology',
      personId: null,
      name: 'Bo',
      organisation: '',
      itemId: null,
    });
    assert.equal(await r.meetings.contentStamp(m.id), stamps.at(-1));
  });
});
