import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDb, type TestDb } from '../../test/support/db.ts';
import { ANONYMOUS, type Viewer } from '../domain/meetings/index.ts';
import { committeeRepository } from '../db/repositories/committee.repository.ts';
import { docxBytes, para, table, xlsxBytes } from '../../test/support/office.ts';
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

  /** A DAS meeting ten days before `date` is now, with one open item. */
  async function meetingWithItem(date: string, title: string) {
    const now = new Date(`${date}T10:00:00Z`);
    now.setUTCDate(now.getUTCDate() - 10);
    const svc = meetingService(t.db, { now: () => now });
    const das = (await committeeRepository(t.db).byShortName('DAS'))!.id;
    const m = await svc.createMeeting(secretariat, {
      committeeId: das,
      date,
      startTime: null,
      endTime: null,
      place: '',
    });
    const item = await svc.addItem(secretariat, m.id, {
      section: 'for-decision',
      title,
      publicTitle: null,
      access: 'open',
      summary: '',
      recommendations: [],
      caseDescription: '',
      presenter: '',
    });
    return { svc, m, item };
  }

  void it('finds an open PDF attachment by its text, and never a closed one for the public', async () => {
    const { svc, m, item } = await meetingWithItem('2021-01-20', 'Budget 2021');
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

  void it('finds words in XLSX and DOCX attachments; a broken one is stored all the same', async () => {
    const { svc, item } = await meetingWithItem('2021-02-20', 'Takstoversigt');
    const upload = (filename: string, bytes: Uint8Array) =>
      svc.addAttachment(secretariat, item.id, {
        title: 'Bilag',
        filename,
        mediaType: 'application/octet-stream',
        access: 'open',
        bytes,
      });
    await upload(
      'takster.xlsx',
      await xlsxBytes({
        Ark1: [
          ['Tilbud', 'Takst'],
          ['Odderholmen', 1250],
        ],
      }),
    );
    await upload(
      'notat.docx',
      await docxBytes(para('Om ') + table([['Ydelse'], ['Snedkerværksted']])),
    );
    const broken = (await docxBytes(para('Solsikkemark'))).slice(0, 120);
    const stored = await upload('broken.docx', broken);
    const [row] = await t.db.query<{ text: string | null }>(
      `select text from attachment where id = $1`,
      [stored.id],
    );
    assert.deepEqual(row, { text: null });
    assert.equal(stored.size, broken.length);

    for (const word of ['odderholmen', 'snedkerværksted']) {
      assert.deepEqual(
        (await search(t.db, secretariat, word)).hits.map((h) => h.title),
        ['Takstoversigt'],
        word,
      );
    }
    assert.equal((await search(t.db, secretariat, 'solsikkemark')).total, 0);
  });
});
