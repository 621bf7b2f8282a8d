import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDb, type TestDb } from '../../test/support/db.ts';
import { ANONYMOUS, type Viewer } from '../domain/meetings/index.ts';
import { committeeRepository } from '../db/repositories/committee.repository.ts';
import { meetingService } from './meeting.service.ts';
import { createPdfBytes } from './pdf/fonts.ts';
import { search } from './search.service.ts';

const secretariat: Viewer = { userId: null, role: 'secretariat', committeeIds: [] };

void describe('search in the text of uploaded attachments', () => {
  let t: TestDb;
  before(async () => {
    t = await createTestDb();
  });
  after(() => t.dispose());

  void it('finds an open PDF attachment by its text, and never a closed one for the public', async () => {
    const svc = meetingService(t.db, { now: () => new Date('2021-01-10T10:00:00Z') });
    const das = (await committeeRepository(t.db).byShortName('DAS'))!.id;
    const m = await svc.createMeeting(secretariat, {
      committeeId: das,
      date: '2021-01-20',
      startTime: null,
      endTime: null,
      place: '',
    });
    const item = await svc.addItem(secretariat, m.id, {
      section: 'for-decision',
      title: 'Budget 2021',
      publicTitle: null,
      access: 'open',
      summary: '',
      recommendations: [],
      caseDescription: '',
      presenter: '',
    });
    const pdf = (text: string) => createPdfBytes({ content: [text] });
    await svc.addAttachment(secretariat, item.id, {
      title: 'Notat',
      filename: 'notat.pdf',
      mediaType: 'application/pdf',
      access: 'open',
      bytes: await pdf('Belægningsprocenten på Skovbrynet steg'),
    });
    await svc.addAttachment(secretariat, item.id, {
      title: 'Bilag',
      filename: 'fortrolig.pdf',
      mediaType: 'application/pdf',
      access: 'closed',
      bytes: await pdf('Fortrolig Zebrafinke oversigt'),
    });
    await svc.advance(
      secretariat,
      m.id,
      (await svc.meetingRow(secretariat, m.id)).version,
      'publish-agenda',
    );

    const open = await search(t.db, ANONYMOUS, 'skovbrynet');
    assert.deepEqual(
      open.hits.map((h) => h.title),
      ['Budget 2021'],
    );
    assert.equal((await search(t.db, ANONYMOUS, 'zebrafinke')).total, 0);
    assert.equal((await search(t.db, secretariat, 'zebrafinke')).hits.length, 1);
  });
});
