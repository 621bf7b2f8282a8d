// The round trip: the agenda and minutes PDFs the product itself makes (renderMeetingPdf) import
// back to the same meeting. Each PDF is read the way an archive import reads it (bytes → pdf.js
// page texts → parser), and the parse must give the committee, date and kind, every item's number,
// title, section and access, and the summaries, recommendations, attachments and (in the minutes)
// decisions the document was made from. The public edition must give the closed item as
// "Lukket punkt" and nothing of its content.
//
// The last tests pin the layout rules of the product's PDFs on plain page text, one rule each.
import { before, describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  HIDDEN_TITLE,
  OUTCOME_LABEL,
  type DocumentItem,
  type MeetingDocument,
  type Section,
} from '../domain/meetings/index.ts';
import { renderMeetingPdf, type MeetingPdfKind } from '../services/pdf/meeting-pdf.ts';
import { buildSampleMeetingDocument } from '../services/pdf/sample-document.ts';
import { parseMeetingDocument } from './parse-meeting.ts';
import { readArchiveDocument } from './read-document.ts';
import type { ParsedItem, ParsedMeeting, SectionName } from './types.ts';

const SECTION_NAME: Record<Section, SectionName> = {
  welcome: 'Velkomst',
  presentation: 'Oplæg',
  'for-decision': 'Sager til behandling',
  'for-information': 'Sager til orientering',
  closing: 'Afrunding',
};

const fold = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The edition an anonymous visitor gets, built as the meeting service builds it. */
function publicEdition(doc: MeetingDocument): MeetingDocument {
  return {
    ...doc,
    publicEdition: true,
    items: doc.items.map((item): DocumentItem =>
      item.access === 'closed'
        ? {
            ...item,
            hidden: true,
            title: HIDDEN_TITLE,
            summary: '',
            recommendations: [],
            caseDescription: '',
            presenter: '',
            decision: null,
            outcome: null,
            postMeetingNote: '',
            attachments: [],
            guests: [],
            corrections: [],
          }
        : item,
    ),
  };
}

async function roundTrip(doc: MeetingDocument, kind: MeetingPdfKind): Promise<ParsedMeeting> {
  const bytes = await renderMeetingPdf(doc, kind);
  return parseMeetingDocument(await readArchiveDocument(bytes));
}

function parsedItem(parsed: ParsedMeeting, number: number): ParsedItem {
  const found = parsed.items.find((item) => item.number === number);
  assert.ok(found, `item ${number} was not found in the parse`);
  return found;
}

/** Everything the parse says about an item, for "nothing of the closed item leaks". */
function allText(item: ParsedItem): string {
  return [
    item.title,
    item.summary ?? '',
    ...item.recommendations,
    item.decision ?? '',
    item.postMeetingNote ?? '',
    ...item.attachments.map((a) => `${a.label ?? ''} ${a.title}`),
    item.text,
  ].join('\n');
}

/** The printed decision box: the outcome label, the decision, then any post-meeting note. */
function printedDecision(item: DocumentItem): string {
  const label = item.outcome === null ? '' : OUTCOME_LABEL[item.outcome];
  return fold(`${label} ${item.decision ?? ''}`);
}

const doc = buildSampleMeetingDocument(12);
const closed = doc.items.filter((item) => item.access === 'closed');
const withRecommendations = doc.items.filter(
  (item) => item.access === 'open' && item.recommendations.length > 0,
);

void test('the fixture covers what the round trip must prove', () => {
  assert.equal(closed.length, 1, 'one closed item');
  assert.deepEqual(
    [...new Set(doc.items.map((item) => item.section))].sort(),
    ['closing', 'for-decision', 'for-information', 'presentation', 'welcome'],
    'items in all five sections',
  );
  assert.ok(withRecommendations.some((item) => item.recommendations.length >= 3));
  assert.ok(doc.items.some((item) => item.postMeetingNote !== ''));
  assert.ok(doc.items.some((item) => item.attachments.length >= 2));
});

for (const kind of ['agenda', 'minutes'] as const) {
  void describe(`the ${kind} PDF the product makes`, () => {
    let parsed: ParsedMeeting;
    before(async () => {
      parsed = await roundTrip(doc, kind);
    });

    void it('gives the same committee, date and kind', () => {
      assert.equal(parsed.committee, doc.committee.shortName);
      assert.equal(parsed.date, doc.meeting.date);
      assert.equal(parsed.kind, kind);
    });

    void it("gives every item's number, title, section and access, in order", () => {
      assert.deepEqual(
        parsed.items.map((item) => [item.number, item.title, item.section, item.access]),
        doc.items.map((item) => [item.number, item.title, SECTION_NAME[item.section], item.access]),
      );
    });

    void it('gives the summaries, every recommendation and the listed attachments', () => {
      for (const source of doc.items) {
        const item = parsedItem(parsed, source.number);
        const label = `item ${source.number}`;
        // Line breaks of the PDF's paragraphs are layout, not content: compared folded.
        assert.equal(
          item.summary === null ? null : fold(item.summary),
          source.summary === '' ? null : fold(source.summary),
          label,
        );
        assert.deepEqual(item.recommendations, source.recommendations.map(fold), label);
        assert.deepEqual(
          item.attachments,
          source.attachments.map((a) => ({ label: a.label, title: a.title })),
          label,
        );
      }
    });

    if (kind === 'agenda') {
      void it('has no decisions', () => {
        for (const item of parsed.items) assert.equal(item.decision, null, `item ${item.number}`);
      });
    } else {
      void it('gives every decision as printed (outcome, text) and the post-meeting note', () => {
        for (const source of doc.items) {
          const item = parsedItem(parsed, source.number);
          const label = `item ${source.number}`;
          assert.ok(item.decision !== null, `${label} has a decision`);
          const decision = fold(item.decision);
          if (source.corrections.length === 0) assert.equal(decision, printedDecision(source));
          else assert.ok(decision.startsWith(printedDecision(source)), label);
          assert.equal(
            item.postMeetingNote,
            source.postMeetingNote === '' ? null : fold(source.postMeetingNote),
            label,
          );
        }
      });
    }

    void it('leaves running headers, page counters and the table of contents out of the items', () => {
      for (const item of parsed.items) {
        const text = allText(item);
        assert.doesNotMatch(text, /Side \d+ af \d+/, `item ${item.number}`);
        assert.doesNotMatch(text, /Møde den \d\d\.\d\d\.\d{4}/, `item ${item.number}`);
        assert.doesNotMatch(text, /Indholdsfortegnelse/, `item ${item.number}`);
      }
    });
  });
}

for (const kind of ['agenda', 'minutes'] as const) {
  void describe(`the public edition of the ${kind}`, () => {
    const edition = publicEdition(doc);
    let parsed: ParsedMeeting;
    before(async () => {
      parsed = await roundTrip(edition, kind);
    });

    void it('gives the same meeting with the closed item as "Lukket punkt" and no content', () => {
      assert.equal(parsed.committee, doc.committee.shortName);
      assert.equal(parsed.date, doc.meeting.date);
      assert.equal(parsed.kind, kind);
      assert.deepEqual(
        parsed.items.map((item) => [item.number, item.title, item.access]),
        edition.items.map((item) => [item.number, item.title, item.access]),
      );
      for (const source of closed) {
        const item = parsedItem(parsed, source.number);
        assert.equal(item.title, HIDDEN_TITLE);
        assert.equal(item.summary, null);
        assert.deepEqual(item.recommendations, []);
        assert.equal(item.decision, null);
        assert.deepEqual(item.attachments, []);
        assert.equal(item.text, '');
      }
      const everything = parsed.items.map(allText).join('\n');
      for (const source of closed) assert.ok(!everything.includes(source.title));
    });

    void it('keeps the open items whole', () => {
      for (const source of edition.items.filter((item) => !item.hidden)) {
        const item = parsedItem(parsed, source.number);
        assert.deepEqual(item.recommendations, source.recommendations.map(fold));
        if (kind === 'minutes')
          assert.ok(fold(item.decision ?? '').startsWith(printedDecision(source)));
      }
    });
  });
}

// The layout rules of the product's PDFs, on page text as pdf.js extracts it.
const page = (...lines: string[]) => lines.join('\n');

void test('the running header "DAS · Referat Møde den 20.01.2021" gives committee and date and goes', () => {
  const parsed = parseMeetingDocument({
    pages: [
      page('Referat', 'Onsdag den 20. januar 2021', 'Side 1 af 2'),
      page(
        'VELKOMST',
        'Punkt 1. Godkendelse af dagsorden',
        'Resumé',
        'Dagsordenen forelægges.',
        'DAS · Referat Møde den 20.01.2021',
        'Side 2 af 2',
      ),
    ],
  });
  assert.equal(parsed.committee, 'DAS');
  assert.equal(parsed.date, '2021-01-20');
  assert.equal(parsed.items[0]?.summary, 'Dagsordenen forelægges.');
});

void test('a heading that wraps after a dangling word takes the next line, even capitalised', () => {
  const parsed = parseMeetingDocument({
    pages: [
      page(
        'Punkt 1. Oplæg: Børn og unge med komplekse behov – erfaringer fra',
        'Nordjylland',
        'Oplægsholder: Sekretariatet',
        'Punkt 2. Takster for',
        'Resumé',
        'Tekst.',
        'Punkt 3. Eventuelt',
        'Nordjylland har intet.',
      ),
    ],
  });
  assert.deepEqual(
    parsed.items.map((item) => item.title),
    [
      'Oplæg: Børn og unge med komplekse behov – erfaringer fra Nordjylland',
      'Takster for',
      'Eventuelt',
    ],
  );
});

void test('recommendations of a drawn-bullet list split at the end of each sentence', () => {
  const parsed = parseMeetingDocument({
    pages: [
      page(
        'Punkt 1. Takster 2022',
        'Indstilling',
        'Det indstilles, at',
        'DAS godkender den foreslåede model for det videre arbejde.',
        'DAS drøfter, hvordan kommunerne inddrages i',
        'implementeringen.',
        'Sekretariatet udarbejder en plan.',
      ),
    ],
  });
  assert.deepEqual(parsed.items[0]?.recommendations, [
    'DAS godkender den foreslåede model for det videre arbejde.',
    'DAS drøfter, hvordan kommunerne inddrages i implementeringen.',
    'Sekretariatet udarbejder en plan.',
  ]);
});

void test('"Lukket punkt" as the whole title (public edition) is a closed item', () => {
  const parsed = parseMeetingDocument({
    pages: [
      page(
        'Punkt 1. Godkendelse af dagsorden',
        'Punkt 2. Lukket punkt',
        'Punkt 3. Lukket punkt: Sag om et tilbud',
        'Punkt 4. Eventuelt',
      ),
    ],
  });
  assert.deepEqual(
    parsed.items.map((item) => [item.title, item.access]),
    [
      ['Godkendelse af dagsorden', 'open'],
      ['Lukket punkt', 'closed'],
      ['Lukket punkt: Sag om et tilbud', 'closed'],
      ['Eventuelt', 'open'],
    ],
  );
});

void test('"Bilag 4 er ..." under "Bemærkning efter mødet" is the note, not an attachment', () => {
  const parsed = parseMeetingDocument({
    pages: [
      page(
        'Punkt 1. Takster 2022',
        'Bilag',
        'Bilag 1: Takstoversigt',
        'Beslutning',
        'Godkendt',
        'Bemærkning efter mødet',
        'Bilag 4 er efter mødet opdateret med de endelige tal.',
      ),
    ],
  });
  const item = parsed.items[0];
  assert.deepEqual(item?.attachments, [{ label: 'Bilag 1', title: 'Takstoversigt' }]);
  assert.equal(item?.postMeetingNote, 'Bilag 4 er efter mødet opdateret med de endelige tal.');
  assert.equal(item?.decision, 'Godkendt');
});
