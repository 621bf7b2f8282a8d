/**
 * The publishing guard on the meeting cycle over a real database (PGlite, or PostgreSQL with
 * TEST_DATABASE_URL): what is scanned, the refusal, the confirmation and its record in the
 * audit trail.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDb, type TestDb } from '../../test/support/db.ts';
import { withActor } from '../db/actor.ts';
import { committeeRepository } from '../db/repositories/committee.repository.ts';
import { publishingConfirmationRepository } from '../db/repositories/publishing-confirmation.repository.ts';
import { PublishingFindingsError, type Finding } from '../domain/privacy/index.ts';
import type { Viewer } from '../domain/meetings/index.ts';
import { docxBytes, para, table, xlsxBytes } from '../../test/support/office.ts';
import { meetingService, type MeetingService } from './meeting.service.ts';

const clock = { now: () => new Date('2021-01-10T10:00:00Z') };
const text = (s: string) => new TextEncoder().encode(s);
const describeFindings = (findings: readonly Finding[]) =>
  findings.map((f) => `${f.where.item?.number} ${f.where.source} ${f.where.line}: ${f.text}`);

void describe('publishing guard on meetings', () => {
  let t: TestDb;
  let svc: MeetingService;
  let secretariat: Viewer;
  let das: number;

  before(async () => {
    t = await createTestDb();
    const [user] = await t.db.query<{ id: number }>(
      `insert into app_user (email, name, password_hash, role)
       values ('sek@test.dk', 'Sekretær', 'x', 'secretariat') returning id`,
    );
    secretariat = { userId: user?.id ?? 0, role: 'secretariat', committeeIds: [] };
    svc = meetingService(withActor(t.db, { userId: secretariat.userId, label: 'Sekretær' }), clock);
    das = (await committeeRepository(t.db).byShortName('DAS'))?.id ?? 0;
  });
  after(() => t.dispose());

  const content = (title: string, extra: Partial<Parameters<MeetingService['addItem']>[2]>) => ({
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

  void it('refuses an agenda with findings until confirmed, then records who and how many', async () => {
    const meeting = await svc.createMeeting(secretariat, {
      committeeId: das,
      date: '2021-01-20',
      startTime: '13:00',
      endTime: '16:00',
      place: 'Aalborg',
    });
    const open = await svc.addItem(
      secretariat,
      meeting.id,
      content('Visitation', { caseDescription: 'Baggrund\nBorgeren 150385-0008 er flyttet.' }),
    );
    const closed = await svc.addItem(
      secretariat,
      meeting.id,
      content('Anna Hansen, 010165-0000', {
        access: 'closed',
        publicTitle: 'Sag om anbringelse',
        caseDescription: '150385-0008',
      }),
    );
    const file = (title: string, filename: string, body: string, access: 'open' | 'closed') => ({
      title,
      filename,
      mediaType: 'text/csv',
      access,
      bytes: text(body),
    });
    await svc.addAttachment(
      secretariat,
      open.id,
      file(
        'Liste',
        'liste.csv',
        'Navn;Født;Kommune\nAnna Hansen;01.02.1990;Aalborg\nBo Jensen;03.04.2001;Hjørring\n',
        'open',
      ),
    );
    await svc.addAttachment(
      secretariat,
      open.id,
      file('Fortroligt', 'f.csv', '150385-0008', 'closed'),
    );
    await svc.addAttachment(
      secretariat,
      closed.id,
      file('Til lukket', 'l.csv', '0101650000', 'open'),
    );
    await svc.addAttachment(
      secretariat,
      open.id,
      file(
        'Økonomi',
        'oekonomi.csv',
        'Kommune;Borgere;Udgift\nAalborg;120;1500000\nHjørring;45;400000\n',
        'open',
      ),
    );

    const row = await svc.meetingRow(secretariat, meeting.id);
    const refused = await svc.advance(secretariat, meeting.id, row.version, 'publish-agenda').then(
      () => null,
      (e: unknown) => e,
    );
    assert.ok(refused instanceof PublishingFindingsError, String(refused));
    assert.deepEqual(describeFindings(refused.findings), [
      '2 Sagsfremstilling 2: 150385-XXXX',
      '2 Bilag 1: Liste (liste.csv) 1: 2 rækker med personer; kolonner: Navn, Født, Kommune',
    ]);
    // Nothing closed was scanned: not the closed item's title, text or attachment.
    assert.ok(!JSON.stringify(refused.findings).includes('010165'));
    assert.equal((await svc.meetingRow(secretariat, meeting.id)).stage, 'agenda-draft');
    assert.deepEqual(
      await publishingConfirmationRepository(t.db).list({ meetingId: meeting.id }),
      [],
    );

    const findings = await svc.advance(secretariat, meeting.id, row.version, 'publish-agenda', {
      confirmFindings: true,
    });
    assert.equal(findings.length, 2);
    assert.equal((await svc.meetingRow(secretariat, meeting.id)).stage, 'agenda-published');
    const [confirmation] = await publishingConfirmationRepository(t.db).list({
      meetingId: meeting.id,
    });
    assert.deepEqual(
      [
        confirmation?.what,
        confirmation?.userId,
        confirmation?.findingCount,
        confirmation?.cprCount,
        confirmation?.citizenTableCount,
      ],
      ['agenda', secretariat.userId, 2, 1, 1],
    );
    assert.equal(confirmation?.confirmedAt.toISOString(), '2021-01-10T10:00:00.000Z');
    const audit = await t.db.query<{ actor: string; op: string }>(
      `select actor_label as actor, operation as op from audit_event where table_name = 'publishing_confirmation'`,
    );
    assert.deepEqual(audit, [{ actor: 'Sekretær', op: 'insert' }]);

    // The minutes: decisions are public now; a clean agenda item needs no confirmation.
    let m = await svc.meetingRow(secretariat, meeting.id);
    await svc.advance(secretariat, meeting.id, m.version, 'start-minutes');
    const item = await svc.item(secretariat, open.id);
    await svc.recordDecision(secretariat, open.id, item.item.version, {
      decision: 'Godkendt for 0101650000.',
      outcome: 'approved',
      postMeetingNote: '',
    });
    m = await svc.meetingRow(secretariat, meeting.id);
    await assert.rejects(
      svc.advance(secretariat, meeting.id, m.version, 'publish-minutes'),
      (e: unknown) =>
        e instanceof PublishingFindingsError &&
        describeFindings(e.findings).includes('2 Beslutning 1: 010165-XXXX'),
    );
  });

  void it('publishes a clean agenda at once and records nothing', async () => {
    const meeting = await svc.createMeeting(secretariat, {
      committeeId: das,
      date: '2021-03-20',
      startTime: null,
      endTime: null,
      place: '',
    });
    await svc.addItem(
      secretariat,
      meeting.id,
      content('Takster 2022', { caseDescription: 'Tlf. 1503850008, i alt 2.500.000 kr.' }),
    );
    const row = await svc.meetingRow(secretariat, meeting.id);
    assert.deepEqual(await svc.advance(secretariat, meeting.id, row.version, 'publish-agenda'), []);
    assert.deepEqual(
      await publishingConfirmationRepository(t.db).list({ meetingId: meeting.id }),
      [],
    );
  });

  void it('reads XLSX and DOCX attachments: a CPR number in a cell, tables per citizen', async () => {
    const meeting = await svc.createMeeting(secretariat, {
      committeeId: das,
      date: '2021-05-20',
      startTime: null,
      endTime: null,
      place: '',
    });
    const item = await svc.addItem(secretariat, meeting.id, content('Belægning', {}));
    const birth = (y: number, m: number, d: number) => ({
      value: new Date(Date.UTC(y, m - 1, d)),
      numFmt: 'dd.mm.yyyy',
    });
    const workbook = await xlsxBytes({
      Oversigt: [
        ['Tilbud', 'Pladser'],
        ['Kvisten', 12],
        ['Note', { value: 1503850008, numFmt: '0000000000' }],
      ],
      Ophold: [
        ['Navn', 'Født', 'Tilbud', 'Bemærkning'],
        ['Anna Hansen', birth(1990, 2, 1), 'Kvisten', ''],
        ['Bo Jensen', birth(2001, 4, 3), 'Skovbrynet', 'flyttet'],
      ],
    });
    const document = await docxBytes(
      para('Notat om ophold') +
        table([
          ['Tilbud', 'Kontakt'],
          ['Kvisten', 'se 150385-0008'],
        ]) +
        para('') +
        table([
          ['Initialer', 'Alder', 'Kommune'],
          ['AH', '31 år', 'Aalborg'],
          ['BJ', '20 år', ''],
        ]),
    );
    const upload = (filename: string, bytes: Uint8Array) =>
      svc.addAttachment(secretariat, item.id, {
        title: filename,
        filename,
        mediaType: 'application/octet-stream',
        access: 'open',
        bytes,
      });
    await upload('ophold.xlsx', workbook);
    await upload('notat.docx', document);
    const row = await svc.meetingRow(secretariat, meeting.id);
    await assert.rejects(
      svc.advance(secretariat, meeting.id, row.version, 'publish-agenda'),
      (e: unknown) => {
        assert.ok(e instanceof PublishingFindingsError);
        assert.deepEqual(describeFindings(e.findings), [
          '3 Bilag 1: ophold.xlsx (ophold.xlsx) 4: 150385-XXXX',
          '3 Bilag 1: ophold.xlsx (ophold.xlsx) 6: 2 rækker med personer; kolonner: Navn, Født, Tilbud, Bemærkning',
          '3 Bilag 2: notat.docx (notat.docx) 3: 150385-XXXX',
          '3 Bilag 2: notat.docx (notat.docx) 5: 2 rækker med personer; kolonner: Initialer, Alder, Kommune',
        ]);
        return true;
      },
    );
  });
});
