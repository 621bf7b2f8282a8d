import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createTestDb, type TestDb } from '../../test/support/db.ts';
import { ArchiveInputError } from '../archive/errors.ts';
import type { Db } from '../db/client.ts';
import { ValidationError } from '../domain/errors.ts';
import {
  documentHash,
  importDocument,
  inferOutcome,
  mentionRows,
  sectionOf,
} from './archive-import.service.ts';
import { createPdfBytes } from './pdf/fonts.ts';

const seedsDir = new URL('../../../shared/seeds/', import.meta.url);
const seed = (name: string) => readFileSync(new URL(name, seedsDir));
const clock = { now: () => new Date('2024-05-01T10:00:00Z') };
const text = (s: string) => new TextEncoder().encode(s);

const TABLES = [
  'archive_source',
  'file_blob',
  'meeting',
  'item',
  'item_mention',
  'archive_attachment_ref',
  'attendance',
];

/** Row counts and a fingerprint of every row's version, to prove "nothing changed". */
async function snapshot(db: Db): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  for (const table of TABLES) {
    const [row] = await db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
    out[table] = row?.n ?? -1;
  }
  const [versions] = await db.query<{ v: string }>(
    `select coalesce(string_agg(id || ':' || version || ':' || updated_at::text, ',' order by id), '') as v
     from (select id, version, updated_at from meeting union all select id, version, updated_at from item) x`,
  );
  out.versions = versions?.v ?? '';
  return out;
}

async function itemsOf(db: Db, meetingId: number) {
  return db.query<{
    id: number;
    number: number;
    title: string;
    section: string;
    decision: string;
    outcome: string | null;
    standardKind: string | null;
    inLetter: boolean;
    body: string;
    fromPage: number;
    fromLine: number;
    toLine: number;
  }>(
    `select id, number, title, section, decision, outcome, standard_kind as "standardKind",
       in_information_letter as "inLetter", body, source_from_page as "fromPage",
       source_from_line as "fromLine", source_to_line as "toLine"
     from item where meeting_id = $1 order by number`,
    [meetingId],
  );
}

async function meetingOf(db: Db, id: number) {
  const [row] = await db.query<{
    date: string | null;
    stage: string;
    status: string;
    committee: string;
    letterSentAt: Date | null;
    sourceId: number;
  }>(
    `select m.date, m.stage, m.status, c.short_name as committee,
       m.information_letter_sent_at as "letterSentAt", m.source_id as "sourceId"
     from meeting m join committee c on c.id = m.committee_id where m.id = $1`,
    [id],
  );
  assert.ok(row);
  return row;
}

// Recommendations address "Udvalget", so only the first line can name the committee.
const smallAgenda = (committeeLine: string, title5: string) =>
  `${committeeLine}\n\n Punkt 1.\n\nGodkendelse af dagsorden\n\nIndstilling\n\nDet indstilles, at\n\nUdvalget godkender dagsordenen\n\n` +
  ` Punkt 2.\n\n${title5}\n\nResume\n\nKvisten i Aalborg Kommune får nye takster.\n\nIndstilling\n\nDet indstilles, at\n\nUdvalget godkender taksterne\n`;

void describe('importing the seed documents', () => {
  let t: TestDb;
  before(async () => {
    t = await createTestDb();
  });
  after(() => t.dispose());

  void it('stores each document as one meeting with its items, sections and sources', async () => {
    const agenda = await importDocument(
      t.db,
      { filename: 'a.txt', bytes: seed('das-2021-01-20-dagsorden.txt') },
      clock,
    );
    assert.equal(agenda.status, 'new');
    assert.equal(agenda.committee, 'DAS');
    assert.equal(agenda.date, '2021-01-20');
    assert.equal(agenda.kind, 'agenda');
    assert.equal(agenda.itemCount, 15);
    const meeting = await meetingOf(t.db, agenda.meetingId);
    assert.equal(meeting.stage, 'agenda-published');
    assert.equal(meeting.status, 'held');
    assert.equal(meeting.sourceId, agenda.sourceId);
    const items = await itemsOf(t.db, agenda.meetingId);
    assert.deepEqual(
      items.map((i) => i.number),
      Array.from({ length: 15 }, (_, n) => n + 1),
    );
    assert.equal(items[2]?.title, 'Monitorering af udgifter på det specialiserede socialområde');
    assert.equal(items[0]?.section, 'welcome');
    assert.equal(items[0]?.standardKind, 'approve-agenda');
    assert.equal(items[1]?.standardKind, 'approve-minutes');
    assert.equal(items[6]?.section, 'for-information'); // "Orientering om budget ..."
    assert.equal(items[2]?.section, 'for-decision');
    assert.equal(items[14]?.section, 'closing');
    assert.equal(items[14]?.standardKind, 'next-meeting');
    // An agenda has no decisions.
    assert.ok(items.every((i) => i.decision === '' && i.outcome === null));
    // Every item knows its place in the source, in order.
    for (let n = 1; n < items.length; n++) {
      assert.ok((items[n]?.fromLine ?? 0) > (items[n - 1]?.fromLine ?? 0));
      assert.ok((items[n]?.toLine ?? 0) >= (items[n]?.fromLine ?? 0));
    }
    assert.match(items[6]?.body ?? '', /Børnehus Nord/);

    const [mentions] = await t.db.query<{ offers: string[]; amounts: string[] }>(
      `select array_agg(value order by id) filter (where kind = 'offer') as offers,
         array_agg(value order by id) filter (where kind = 'amount') as amounts
       from item_mention where item_id = $1`,
      [items[6]?.id],
    );
    assert.deepEqual(mentions?.offers, ['Børnehus Nord']);
    assert.ok(mentions?.amounts.includes('136072'));
    const refs = await t.db.query<{ label: string | null; title: string }>(
      `select label, title from archive_attachment_ref where item_id = $1 order by position`,
      [items[2]?.id],
    );
    assert.equal(refs.length, 3);
    assert.ok(refs.every((r) => r.label?.startsWith('Bilag ')));
  });

  void it('stores minutes with decisions and conservatively inferred outcomes', async () => {
    const minutes = await importDocument(
      t.db,
      { filename: 'm.txt', bytes: seed('das-2012-referat.txt') },
      clock,
    );
    assert.equal(minutes.date, null);
    assert.equal(minutes.kind, 'minutes');
    const meeting = await meetingOf(t.db, minutes.meetingId);
    assert.equal(meeting.stage, 'minutes-approved');
    assert.equal(meeting.status, 'held');
    assert.equal(meeting.date, null);
    const items = await itemsOf(t.db, minutes.meetingId);
    const byNumber = new Map(items.map((i) => [i.number, i]));
    assert.equal(byNumber.get(1)?.outcome, 'approved');
    assert.equal(byNumber.get(10)?.decision, 'Punktet udsat til møde i august.');
    assert.equal(byNumber.get(10)?.outcome, 'postponed');
    assert.equal(byNumber.get(11)?.outcome, 'approved-with-changes');
    // A long decision that needs reading gets no outcome.
    assert.equal(byNumber.get(3)?.outcome, null);
    assert.equal(byNumber.get(12)?.standardKind, 'any-other-business');
  });

  void it('stores an information letter as a cancelled meeting with letter items', async () => {
    const letter = await importDocument(
      t.db,
      { filename: 'l.txt', bytes: seed('das-2019-01-22-orientering-og-bilag.txt') },
      clock,
    );
    assert.equal(letter.kind, 'information-letter');
    const meeting = await meetingOf(t.db, letter.meetingId);
    assert.equal(meeting.status, 'cancelled');
    assert.equal(meeting.stage, 'agenda-published');
    assert.equal(meeting.letterSentAt?.toISOString().slice(0, 10), '2019-01-22');
    const items = await itemsOf(t.db, letter.meetingId);
    assert.equal(items.length, 5);
    assert.ok(items.every((i) => i.inLetter && i.section === 'for-information'));
  });

  void it('importing the same documents again changes nothing', async () => {
    const minutes2017 = await importDocument(
      t.db,
      { filename: 'b.txt', bytes: seed('das-2017-03-02-referat.txt') },
      clock,
    );
    assert.equal(minutes2017.status, 'new');
    const [attendance] = await t.db.query<{ n: number }>(
      `select count(*)::int as n from attendance where meeting_id = $1 and kind = 'participant'`,
      [minutes2017.meetingId],
    );
    assert.ok((attendance?.n ?? 0) > 5, 'participants from the front block');

    const before = await snapshot(t.db);
    for (const name of [
      'das-2012-referat.txt',
      'das-2017-03-02-referat.txt',
      'das-2019-01-22-orientering-og-bilag.txt',
      'das-2021-01-20-dagsorden.txt',
    ]) {
      const again = await importDocument(
        t.db,
        { filename: `kopi-${name}`, bytes: seed(name) },
        clock,
      );
      assert.equal(again.status, 'unchanged', name);
    }
    // Windows line ends and trailing blanks are the same document.
    const crlf = text(
      new TextDecoder().decode(seed('das-2017-03-02-referat.txt')).replace(/\n/g, ' \r\n'),
    );
    assert.equal(
      (await importDocument(t.db, { filename: 'crlf.txt', bytes: crlf }, clock)).status,
      'unchanged',
    );
    assert.deepEqual(await snapshot(t.db), before);
  });

  void it('a corrected version updates the meeting in place and keeps item ids by number', async () => {
    const original = new TextDecoder().decode(seed('das-2021-01-20-dagsorden.txt'));
    const [meeting] = await t.db.query<{ id: number }>(
      `select id from meeting where date = '2021-01-20'`,
    );
    assert.ok(meeting);
    const before = await itemsOf(t.db, meeting.id);
    const corrected = original.replaceAll(
      'Pædagogdimensionering for studieåret 2021-2022',
      'Pædagogdimensionering for studieåret 2021-2022 (rettet)',
    );
    assert.notEqual(corrected, original);
    const result = await importDocument(
      t.db,
      { filename: 'rettet.txt', bytes: text(corrected) },
      clock,
    );
    assert.equal(result.status, 'updated');
    assert.equal(result.meetingId, meeting.id);
    const after = await itemsOf(t.db, meeting.id);
    assert.deepEqual(
      after.map((i) => [i.number, i.id]),
      before.map((i) => [i.number, i.id]),
    );
    assert.equal(after[5]?.title, 'Pædagogdimensionering for studieåret 2021-2022 (rettet)');
    const [count] = await t.db.query<{ n: number }>(
      `select count(*)::int as n from meeting where date = '2021-01-20'`,
    );
    assert.equal(count?.n, 1);
    const sources = await t.db.query<{ id: number }>(
      `select id from archive_source where meeting_id = $1 order by id`,
      [meeting.id],
    );
    assert.equal(sources.length, 2, 'the earlier version stays as a source');
    assert.equal((await meetingOf(t.db, meeting.id)).sourceId, result.sourceId);
  });

  void it('a corrected undated document finds its meeting by its item titles', async () => {
    const original = new TextDecoder().decode(seed('das-2012-referat.txt'));
    const corrected = original.replace('Punktet udsat til møde i august.', 'Punktet udsat.');
    assert.notEqual(corrected, original);
    const [before] = await t.db.query<{ n: number }>(`select count(*)::int as n from meeting`);
    const result = await importDocument(
      t.db,
      { filename: '2012-rettet.txt', bytes: text(corrected) },
      clock,
    );
    assert.equal(result.status, 'updated');
    const [afterCount] = await t.db.query<{ n: number }>(`select count(*)::int as n from meeting`);
    assert.equal(afterCount?.n, before?.n);
    const items = await itemsOf(t.db, result.meetingId);
    assert.equal(items.find((i) => i.number === 10)?.decision, 'Punktet udsat.');
  });
});

void describe('import rules on small documents', () => {
  let t: TestDb;
  before(async () => {
    t = await createTestDb();
  });
  after(() => t.dispose());

  void it('refuses a document without a committee until one is stated, storing nothing', async () => {
    const doc = text(smallAgenda('Dagsorden', 'Takster for Kvisten 2022'));
    const before = await snapshot(t.db);
    await assert.rejects(
      importDocument(t.db, { filename: 'uden.txt', bytes: doc }, clock),
      (error: unknown) =>
        error instanceof ValidationError && /angiver ikke, hvilket udvalg/.test(error.message),
    );
    assert.deepEqual(await snapshot(t.db), before);
    await assert.rejects(
      importDocument(t.db, { filename: 'uden.txt', bytes: doc }, clock, {
        fallbackCommittee: 'XYZ',
      }),
      (error: unknown) =>
        error instanceof ValidationError && /"XYZ" findes ikke/.test(error.message),
    );
    const stored = await importDocument(t.db, { filename: 'uden.txt', bytes: doc }, clock, {
      fallbackCommittee: 'FU',
    });
    assert.equal(stored.committee, 'FU');
    assert.equal(stored.status, 'new');
  });

  void it('keeps minutes when the agenda of the same meeting comes later, and upgrades an agenda', async () => {
    const header = 'Møde Den Administrative Styregruppe\nTid 3. marts 2022 kl. 13.00-16.00\n';
    const agenda = smallAgenda(header, 'Takster for Kvisten 2022');
    const minutes = `${agenda}\nBeslutning\n\nIndstillingen godkendes\n`;
    const first = await importDocument(t.db, { filename: 'd.txt', bytes: text(agenda) }, clock);
    assert.equal(first.status, 'new');
    assert.equal(first.kind, 'agenda');
    assert.equal(first.date, '2022-03-03');
    const second = await importDocument(t.db, { filename: 'r.txt', bytes: text(minutes) }, clock);
    assert.equal(second.kind, 'minutes');
    assert.equal(second.status, 'updated');
    assert.equal(second.meetingId, first.meetingId);
    assert.equal((await meetingOf(t.db, first.meetingId)).stage, 'minutes-approved');
    const decided = await itemsOf(t.db, first.meetingId);
    assert.equal(decided[1]?.decision, 'Indstillingen godkendes');
    assert.equal(decided[1]?.outcome, 'approved');

    const lateAgenda = text(`${agenda}\n(udsendt igen)\n`);
    const third = await importDocument(t.db, { filename: 'd2.txt', bytes: lateAgenda }, clock);
    assert.equal(third.status, 'unchanged');
    assert.match(third.note ?? '', /referat er allerede importeret/);
    assert.equal((await meetingOf(t.db, first.meetingId)).stage, 'minutes-approved');
    assert.equal((await itemsOf(t.db, first.meetingId))[1]?.decision, 'Indstillingen godkendes');
  });

  void it('never overwrites a meeting made in the product', async () => {
    const [das] = await t.db.query<{ id: number }>(
      `select id from committee where short_name = 'DAS'`,
    );
    await t.db.query(`insert into meeting (committee_id, date) values ($1, '2023-06-01')`, [
      das?.id ?? null,
    ]);
    const header = 'Møde Den Administrative Styregruppe\nTid 1. juni 2023 kl. 13.00-16.00\n';
    const before = await snapshot(t.db);
    await assert.rejects(
      importDocument(
        t.db,
        { filename: 'x.txt', bytes: text(smallAgenda(header, 'Noget nyt')) },
        clock,
      ),
      (error: unknown) =>
        error instanceof ValidationError && /oprettet i programmet/.test(error.message),
    );
    assert.deepEqual(await snapshot(t.db), before);
  });

  void it('reads Latin-1 text and treats it as the same document as its UTF-8 twin', async () => {
    const header = 'Møde Den Administrative Styregruppe\nTid 9. maj 2022 kl. 13.00-16.00\n';
    const doc = smallAgenda(header, 'Ændring af takster på Læsø');
    const latin1 = new Uint8Array(Buffer.from(doc, 'latin1'));
    const first = await importDocument(t.db, { filename: 'l1.txt', bytes: latin1 }, clock);
    assert.equal(first.status, 'new');
    const items = await itemsOf(t.db, first.meetingId);
    assert.equal(items[1]?.title, 'Ændring af takster på Læsø');
    const twin = await importDocument(t.db, { filename: 'u8.txt', bytes: text(doc) }, clock);
    assert.equal(twin.status, 'unchanged');
  });

  void it('imports a PDF and records the page of each item', async () => {
    const pdf = await createPdfBytes({
      header: { text: 'DAS Social Møde den 14.09.2022', margin: [40, 20, 40, 0] },
      content: [
        { text: 'Punkt 1.' },
        { text: 'Godkendelse af dagsorden', margin: [0, 10, 0, 10] },
        { text: 'Punkt 2.', pageBreak: 'before' },
        { text: 'Orientering om Kvistens belægning', margin: [0, 10, 0, 10] },
        { text: 'Resumé' },
        { text: 'Belægningen på Kvisten var 87 procent i 2021.' },
      ],
    });
    const result = await importDocument(t.db, { filename: 'p.pdf', bytes: pdf }, clock);
    assert.equal(result.date, '2022-09-14');
    const items = await itemsOf(t.db, result.meetingId);
    assert.deepEqual(
      items.map((i) => [i.number, i.fromPage]),
      [
        [1, 1],
        [2, 2],
      ],
    );
    const [source] = await t.db.query<{ mediaType: string; size: number }>(
      `select s.media_type as "mediaType", b.size from archive_source s
       join file_blob b on b.sha256 = s.file_sha256 where s.id = $1`,
      [result.sourceId],
    );
    assert.equal(source?.mediaType, 'application/pdf');
    assert.equal(source?.size, pdf.byteLength);
  });

  void it('refuses bad input with a Danish message and stores nothing', async () => {
    const before = await snapshot(t.db);
    const noText = await createPdfBytes({
      content: [{ canvas: [{ type: 'rect', x: 0, y: 0, w: 200, h: 100, color: '#336699' }] }],
    });
    const locked = await createPdfBytes({
      content: ['Hemmeligt'],
      userPassword: 'hemmelig',
      ownerPassword: 'ejer',
    });
    const cases: [string, Uint8Array, RegExp, number?][] = [
      ['tom.txt', new Uint8Array(0), /Filen er tom/],
      ['blank.txt', text('   \n\n  '), /ingen tekst/],
      [
        'billede.bin',
        Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256),
        /hverken en PDF/,
      ],
      ['brudt.pdf', text('%PDF-1.4\nikke en rigtig pdf'), /beskadiget/],
      ['scannet.pdf', noText, /OCR-behandles/],
      ['låst.pdf', locked, /krypteret/],
      ['stor.txt', text(smallAgenda('DAS', 'For stor')), /for stor/, 100],
    ];
    for (const [filename, bytes, message, maxBytes] of cases) {
      await assert.rejects(
        importDocument(
          t.db,
          { filename, bytes },
          clock,
          maxBytes === undefined ? {} : { maxBytes },
        ),
        (error: unknown) => error instanceof ArchiveInputError && message.test(error.message),
        filename,
      );
    }
    assert.deepEqual(await snapshot(t.db), before);
  });
});

void describe('import rules (pure)', () => {
  void it('infers only standard decision wordings', () => {
    assert.equal(inferOutcome('Indstillingen godkendes'), 'approved');
    assert.equal(inferOutcome('Godkendt.'), 'approved');
    assert.equal(inferOutcome('Programmet blev drøftet og godkendt.\nAlle bedes ...'), 'approved');
    assert.equal(inferOutcome('Godkendt med forbehold for ændringer'), 'approved-with-changes');
    assert.equal(inferOutcome('Orienteringen tages til efterretning.'), 'noted');
    assert.equal(inferOutcome('Status blev taget til efterretning'), 'noted');
    assert.equal(inferOutcome('Punktet udsat til møde i august.'), 'postponed');
    assert.equal(inferOutcome('DAS drøftede sagen og besluttede at vente.'), null);
    assert.equal(inferOutcome('Ikke godkendt'), null);
    assert.equal(inferOutcome(null), null);
    assert.equal(inferOutcome('  '), null);
  });

  void it('maps printed sections and infers the rest from the title', () => {
    const item = (title: string, section: null | 'Oplæg' | 'Sager til orientering' = null) => ({
      title,
      section,
    });
    assert.equal(sectionOf(item('Hvad som helst', 'Oplæg'), 'agenda'), 'presentation');
    assert.equal(sectionOf(item('X', 'Sager til orientering'), 'minutes'), 'for-information');
    assert.equal(
      sectionOf(item('Godkendelse af referat fra mødet den 1. marts'), 'minutes'),
      'welcome',
    );
    assert.equal(sectionOf(item('Evt.'), 'minutes'), 'closing');
    assert.equal(sectionOf(item('Næste møde'), 'agenda'), 'closing');
    assert.equal(sectionOf(item('Orientering om budget'), 'agenda'), 'for-information');
    assert.equal(sectionOf(item('Takster 2022'), 'information-letter'), 'for-information');
    assert.equal(sectionOf(item('Takster 2022'), 'agenda'), 'for-decision');
  });

  void it('turns mentions into rows once each', () => {
    const rows = mentionRows({
      municipalities: ['Aalborg', 'Aalborg'],
      region: true,
      offers: ['Kvisten'],
      sections: ['§108'],
      amounts: [500000],
      meetingReferences: [
        { date: '2020-10-19', committee: 'DAS', raw: 'mødet den 19. oktober 2020' },
        { date: '2020-10-19', committee: 'DAS', raw: 'mødet den 19. oktober 2020' },
      ],
      itemReferences: [9],
    });
    assert.deepEqual(
      rows.map((r) => [r.kind, r.value, r.refDate]),
      [
        ['municipality', 'Aalborg', null],
        ['region', 'Region Nordjylland', null],
        ['offer', 'Kvisten', null],
        ['section', '§108', null],
        ['amount', '500000', null],
        ['meeting-reference', 'mødet den 19. oktober 2020', '2020-10-19'],
        ['item-reference', '9', null],
      ],
    );
  });

  void it('hashes the normalised text, not its encoding details', () => {
    assert.equal(documentHash(['a\r\nb  \n']), documentHash(['a\nb']));
    assert.equal(documentHash(['å']), documentHash(['a\u030a']));
    assert.notEqual(documentHash(['a', 'b']), documentHash(['a b']));
    assert.notEqual(documentHash(['Godkendt']), documentHash(['Godkendt.']));
  });
});
