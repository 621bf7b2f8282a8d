import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { extractText, getDocumentProxy } from 'unpdf';
import type { DocumentItem, MeetingDocument } from '../../domain/meetings/document.ts';
import { renderMeetingPdf } from './meeting-pdf.ts';
import { buildSampleMeetingDocument } from './sample-document.ts';

// ---------------------------------------------------------------------------------------------
// Fixtures

function makeItem(number: number, overrides: Partial<DocumentItem> = {}): DocumentItem {
  return {
    id: 100 + number,
    number,
    section: 'for-decision',
    access: 'open',
    hidden: false,
    title: `Sag nummer ${number}`,
    summary: `Resumé af sag ${number}.`,
    recommendations: [`DAS godkender sag ${number}.`],
    caseDescription: `## Baggrund\nBaggrunden for sag ${number}.`,
    presenter: 'Sekretariatet',
    decision: `Beslutningstekst ${number}.`,
    outcome: 'approved',
    postMeetingNote: '',
    attachments: [],
    guests: [],
    corrections: [],
    ...overrides,
  };
}

function makeDocument(overrides: Partial<MeetingDocument> = {}): MeetingDocument {
  return {
    committee: { id: 1, shortName: 'DAS', name: 'Den Administrative Styregruppe' },
    meeting: {
      id: 7,
      committeeId: 1,
      date: '2021-01-20',
      startTime: '13:00:00',
      endTime: '16:00:00',
      place: 'Aalborg Rådhus',
      status: 'planned',
      cancelReason: null,
      stage: 'agenda-published',
      version: 1,
    },
    participants: [
      { name: 'Søren Østergaard', organisation: 'Aalborg Kommune' },
      { name: 'Birthe Kjærgaard', organisation: 'Hjørring Kommune' },
    ],
    apologies: [{ name: 'Åse Bøgh', organisation: 'Læsø Kommune' }],
    guests: [{ name: 'Mads Ørum', organisation: 'Aalborg Universitet' }],
    items: [
      makeItem(1, {
        section: 'welcome',
        title: 'Godkendelse af dagsorden',
        caseDescription: '',
      }),
      makeItem(2, {
        title: 'Ændring af takster på Østerå og Æblehaven',
        caseDescription: [
          '## Sagsfremstilling',
          'Taksterne for 2022 fremgår af tabellen.',
          '| Tilbud | 2021 | 2022 |',
          '|---|---|---|',
          '| Østerå | 1.200 | 1.250 |',
          '| Æblehaven | 980 | 1.010 |',
        ].join('\n'),
        attachments: [
          {
            id: 9,
            label: 'Bilag 1',
            title: 'Takstoversigt',
            filename: 'takster.pdf',
            size: 1000,
            access: 'open',
          },
        ],
        outcome: 'approved-with-changes',
        postMeetingNote: 'Tallene er opdateret efter mødet.',
        corrections: [{ reason: 'Forkert takst for Østerå', createdAt: '2021-02-03T10:00:00Z' }],
      }),
      makeItem(3, { section: 'for-information', title: 'Orientering om årshjulet' }),
    ],
    publicEdition: false,
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------
// Reading the PDF back

interface ReadPdf {
  pages: string[];
  /** the page texts with all white space collapsed to single spaces */
  flat: string[];
  all: string;
  info: Record<string, unknown>;
}

async function read(bytes: Uint8Array): Promise<ReadPdf> {
  // pdf.js may take over the buffer it is given; hand it a copy.
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  const meta = await pdf.getMetadata();
  const flat = text.map((t) => t.replace(/\s+/g, ' '));
  return { pages: text, flat, all: flat.join(' '), info: meta.info as Record<string, unknown> };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The 1-based pages on which the heading "Punkt N. …" starts a line. */
function headingPages(pdf: ReadPdf, n: number): number[] {
  const heading = new RegExp(`(?:^|\\n)Punkt ${n}\\. `);
  return pdf.pages.flatMap((p, i) => (heading.test(p) ? [i + 1] : []));
}

/** The TOC entries "Punkt N <title> side X", read from the pages before the first item. */
function tocEntries(pdf: ReadPdf): Map<number, { title: string; page: number }> {
  const firstItemPage = pdf.pages.findIndex((p) => /(?:^|\n)Punkt \d+\. /.test(p));
  const tocText = pdf.flat.slice(1, firstItemPage).join(' ');
  const entries = new Map<number, { title: string; page: number }>();
  for (const m of tocText.matchAll(/Punkt (\d+) (.*?) side (\d+)/g)) {
    entries.set(Number(m[1]), { title: m[2] ?? '', page: Number(m[3]) });
  }
  return entries;
}

// ---------------------------------------------------------------------------------------------

void describe('renderMeetingPdf', () => {
  let agenda: ReadPdf;
  let minutes: ReadPdf;
  let agendaBytes: Uint8Array;

  before(async () => {
    const doc = makeDocument();
    agendaBytes = await renderMeetingPdf(doc, 'agenda');
    agenda = await read(agendaBytes);
    minutes = await read(await renderMeetingPdf(doc, 'minutes'));
  });

  void it('produces a PDF with document information', () => {
    assert.equal(new TextDecoder().decode(agendaBytes.slice(0, 5)), '%PDF-');
    assert.equal(agenda.info.Subject, 'Dagsorden');
    assert.equal(minutes.info.Subject, 'Referat');
    assert.equal(agenda.info.Creator, 'Socialaftale');
    assert.match(String(agenda.info.Title), /Dagsorden.*20\. januar 2021/);
  });

  void it('has the meeting facts on the front page', () => {
    const front = agenda.flat[0] ?? '';
    assert.match(front, /Den Administrative Styregruppe/);
    assert.match(front, /Dagsorden/);
    assert.match(front, /Onsdag den 20\. januar 2021/);
    assert.match(front, /kl\. 13\.00-16\.00/);
    assert.match(front, /Aalborg Rådhus/);
    assert.match(front, /Deltagere Søren Østergaard, Aalborg Kommune/);
    assert.match(front, /Birthe Kjærgaard, Hjørring Kommune/);
    assert.match(front, /Afbud Åse Bøgh, Læsø Kommune/);
    assert.match(front, /Gæster Mads Ørum, Aalborg Universitet/);
    assert.doesNotMatch(front, /Offentlig udgave/);
    assert.match(minutes.flat[0] ?? '', /Referat/);
  });

  void it('puts "Side X af Y" on every page and the running header on all but the first', () => {
    const total = agenda.pages.length;
    assert.ok(total >= 3);
    agenda.flat.forEach((page, i) => {
      assert.match(page, new RegExp(`Side ${i + 1} af ${total}`));
      if (i === 0) assert.doesNotMatch(page, /Møde den/);
      else {
        assert.match(page, /DAS · Dagsorden/);
        assert.match(page, /Møde den 20\.01\.2021/);
      }
    });
  });

  void it('lists every item in the TOC, grouped under section headings', () => {
    const toc = tocEntries(agenda);
    assert.deepEqual([...toc.keys()], [1, 2, 3]);
    assert.equal(toc.get(2)?.title, 'Ændring af takster på Østerå og Æblehaven');
    const tocPage = agenda.flat[1] ?? '';
    const order = [
      'Velkomst',
      'Punkt 1',
      'Sager til behandling',
      'Punkt 2',
      'Sager til orientering',
    ];
    const positions = order.map((s) => tocPage.indexOf(s));
    assert.ok(
      positions.every((p) => p >= 0),
      `missing in TOC: ${tocPage}`,
    );
    assert.deepEqual(
      positions,
      [...positions].sort((a, b) => a - b),
    );
  });

  void it('renders recommendations, case description with table, presenter and attachments', () => {
    const all = agenda.all;
    assert.match(all, /Resumé Resumé af sag 2\./);
    assert.match(all, /Indstilling Det indstilles, at DAS godkender sag 2\./);
    assert.match(all, /Sagsbeskrivelse Sagsfremstilling Taksterne for 2022/);
    assert.match(all, /Tilbud 2021 2022 Østerå 1\.200 1\.250 Æblehaven 980 1\.010/);
    assert.match(all, /Oplægsholder: Sekretariatet/);
    assert.match(all, /Bilag Bilag 1: Takstoversigt/);
  });

  void it('shows decisions in the minutes and not in the agenda', () => {
    assert.match(minutes.all, /Beslutning Godkendt med ændringer Beslutningstekst 2\./);
    assert.match(minutes.all, /Bemærkning efter mødet Tallene er opdateret efter mødet\./);
    assert.match(
      minutes.all,
      /Rettet efter godkendelse: Forkert takst for Østerå \(3\. februar 2021\)/,
    );
    for (const n of [1, 2, 3]) assert.match(minutes.all, new RegExp(`Beslutningstekst ${n}\\.`));
    assert.doesNotMatch(agenda.all, /Beslutning/);
    assert.doesNotMatch(agenda.all, /Beslutningstekst/);
    assert.doesNotMatch(agenda.all, /Bemærkning efter mødet|Rettet efter godkendelse/);
  });

  void it('leaves decisions out of the minutes when they are not visible (decision: null)', async () => {
    const doc = makeDocument({
      items: [makeItem(1, { decision: null, outcome: null, postMeetingNote: 'Skjult note' })],
    });
    const pdf = await read(await renderMeetingPdf(doc, 'minutes'));
    assert.doesNotMatch(pdf.all, /Beslutning|Skjult note/);
    assert.match(pdf.all, /Punkt 1\. Sag nummer 1/);
  });

  void it('keeps Danish letters through the round trip', () => {
    for (const word of ['Ændring', 'Østerå', 'Æblehaven', 'æ', 'ø', 'å', 'Æ', 'Ø', 'Å']) {
      assert.ok(agenda.all.includes(word), word);
    }
    assert.match(agenda.all, /Punkt 2\. Ændring af takster på Østerå og Æblehaven/);
  });
});

void describe('closed items', () => {
  const secret = {
    title: 'Fortrolig fyringssag Hemmeligholm',
    summary: 'Resumé om Hemmeligholm',
    decision: 'Beslutning om Hemmeligholm',
  };
  const withClosed = (hidden: boolean, publicEdition: boolean) =>
    makeDocument({
      publicEdition,
      items: [
        makeItem(1, { section: 'welcome' }),
        makeItem(2, {
          access: 'closed',
          hidden,
          title: secret.title,
          summary: secret.summary,
          recommendations: ['Hemmeligholm indstilling'],
          caseDescription: 'Hemmeligholm sagsbeskrivelse',
          presenter: 'Hemmeligholm oplægsholder',
          decision: secret.decision,
          postMeetingNote: 'Hemmeligholm note',
          guests: ['Hemmeligholm gæst'],
          attachments: [
            {
              id: 3,
              label: 'Bilag 3',
              title: 'Hemmeligholm bilag',
              filename: 'x.pdf',
              size: 1,
              access: 'closed',
            },
          ],
        }),
        makeItem(3),
      ],
    });

  void it('shows a hidden item only as its number and "Lukket punkt", in agenda and minutes', async () => {
    for (const kind of ['agenda', 'minutes'] as const) {
      const pdf = await read(await renderMeetingPdf(withClosed(true, true), kind));
      assert.doesNotMatch(pdf.all, /Hemmeligholm/, kind);
      assert.match(pdf.all, /Punkt 2\. Lukket punkt/);
      assert.equal(tocEntries(pdf).get(2)?.title, 'Lukket punkt');
      assert.match(pdf.flat[0] ?? '', /Offentlig udgave: lukkede punkter er udeladt\./);
      // The open items around it are still complete.
      assert.match(pdf.all, /Punkt 3\. Sag nummer 3/);
    }
  });

  void it('shows a closed item with a "Lukket punkt" marker to a viewer who may see it', async () => {
    const pdf = await read(await renderMeetingPdf(withClosed(false, false), 'minutes'));
    assert.match(pdf.all, /Punkt 2\. Fortrolig fyringssag Hemmeligholm Lukket punkt/);
    assert.match(pdf.all, /Beslutning om Hemmeligholm/);
    assert.match(pdf.all, /Bilag 3: Hemmeligholm bilag \(lukket\)/);
    assert.doesNotMatch(pdf.flat[0] ?? '', /Offentlig udgave/);
  });
});

void describe('a meeting without a date', () => {
  void it('renders with "uden dato" instead of failing', async () => {
    const base = makeDocument();
    const pdf = await read(
      await renderMeetingPdf(makeDocument({ meeting: { ...base.meeting, date: null } }), 'agenda'),
    );
    assert.match(pdf.flat[0] ?? '', /Uden dato/);
    assert.match(pdf.flat[1] ?? '', /Møde uden dato/);
  });
});

void describe('cancelled meeting', () => {
  void it('says so on the front page, with the reason', async () => {
    const base = makeDocument();
    const doc = makeDocument({
      meeting: { ...base.meeting, status: 'cancelled', cancelReason: 'Der er for få punkter.' },
    });
    const pdf = await read(await renderMeetingPdf(doc, 'agenda'));
    assert.match(pdf.flat[0] ?? '', /Mødet er aflyst Der er for få punkter\./);
  });
});

void describe('a 40-item meeting', () => {
  void it('has a TOC whose page numbers are the pages where the items start', async () => {
    const doc = buildSampleMeetingDocument(40);
    // Also a title long enough to wrap in the TOC.
    const long = doc.items[10];
    assert.ok(long);
    long.title =
      'Meget lang titel om koordination af de højt specialiserede tilbud på tværs af kommunerne ' +
      'i Nordjylland og Region Nordjylland';

    const started = performance.now();
    const bytes = await renderMeetingPdf(doc, 'minutes');
    const coldMs = performance.now() - started;
    const again = performance.now();
    await renderMeetingPdf(doc, 'agenda');
    const warmMs = performance.now() - again;

    const pdf = await read(bytes);
    console.log(
      `40 punkter, ${pdf.pages.length} sider: referat ${coldMs.toFixed(0)} ms (første), ` +
        `dagsorden ${warmMs.toFixed(0)} ms (anden)`,
    );

    const toc = tocEntries(pdf);
    assert.deepEqual(
      [...toc.keys()],
      doc.items.map((i) => i.number),
    );
    for (const [n, entry] of toc) {
      assert.deepEqual(headingPages(pdf, n), [entry.page], `Punkt ${n}`);
    }
    assert.match(toc.get(11)?.title ?? '', new RegExp(escape('Meget lang titel')));
    pdf.flat.forEach((page, i) => {
      assert.match(page, new RegExp(`Side ${i + 1} af ${pdf.pages.length}`));
    });
  });
});
