// PDF input for real: small PDFs made with pdfmake, read back through unpdf and parsed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import pdfmake from 'pdfmake';
import { extractPdfPages } from './pdf-text.ts';
import { readArchiveDocument } from './read-document.ts';
import { parseMeetingDocument } from './parse-meeting.ts';
import { ArchiveInputError } from './errors.ts';

type TDocumentDefinitions = Parameters<typeof pdfmake.createPdf>[0];

const fonts = fileURLToPath(
  new URL('../../node_modules/pdfmake/build/fonts/Roboto/', import.meta.url),
);
// Fonts are the only local files pdfmake may read; it fetches nothing.
pdfmake.setLocalAccessPolicy((path) => path.startsWith(fonts));
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setFonts({
  Roboto: {
    normal: `${fonts}Roboto-Regular.ttf`,
    bold: `${fonts}Roboto-Medium.ttf`,
    italics: `${fonts}Roboto-Italic.ttf`,
    bolditalics: `${fonts}Roboto-MediumItalic.ttf`,
  },
});

async function makePdf(definition: TDocumentDefinitions): Promise<Uint8Array> {
  return new Uint8Array(await pdfmake.createPdf(definition).getBuffer());
}

const agenda: TDocumentDefinitions = {
  header: { text: 'DAS Social Møde den 20.01.2021', margin: [40, 20, 40, 0] },
  footer: (current: number, total: number) => ({
    text: `Side ${current} af ${total}`,
    margin: [40, 0],
  }),
  content: [
    { text: 'Punkt 1.', bold: true },
    { text: 'Godkendelse af dagsorden', margin: [0, 10, 0, 10] },
    { text: 'Indstilling:' },
    { text: 'Det indstilles, at' },
    { text: 'Den Administrative Styregruppe godkender dagsordenen' },
    { text: 'Punkt 2.', bold: true, pageBreak: 'before' },
    { text: 'Orientering om budget for Børnehus Nord 2021', margin: [0, 10, 0, 10] },
    { text: 'Resumé' },
    { text: 'Taksten falder fra 13.491 kr. til 12.995 kr. i Aalborg Kommune.' },
    { text: 'Indstilling' },
    { text: 'Det indstilles, at' },
    { text: 'Den Administrative Styregruppe tager orienteringen til efterretning' },
    { text: 'Bilag' },
    { text: 'Bilag 1: Budget for Børnehus Nord 2021' },
  ],
};

void test('an agenda PDF in the "Punkt N." layout parses with page ranges and without headers', async () => {
  const pages = await extractPdfPages(await makePdf(agenda));
  assert.equal(pages.length, 2);
  const parsed = parseMeetingDocument({ pages });
  assert.equal(parsed.committee, 'DAS');
  assert.equal(parsed.date, '2021-01-20');
  assert.equal(parsed.kind, 'agenda');
  assert.deepEqual(
    parsed.items.map((item) => [item.number, item.title]),
    [
      [1, 'Godkendelse af dagsorden'],
      [2, 'Orientering om budget for Børnehus Nord 2021'],
    ],
  );
  const [one, two] = parsed.items;
  assert.deepEqual(one?.recommendations, ['Den Administrative Styregruppe godkender dagsordenen']);
  assert.equal(one?.source.fromPage, 1);
  assert.equal(two?.source.fromPage, 2);
  assert.equal(two?.summary, 'Taksten falder fra 13.491 kr. til 12.995 kr. i Aalborg Kommune.');
  assert.deepEqual(two?.attachments, [
    { label: 'Bilag 1', title: 'Budget for Børnehus Nord 2021' },
  ]);
  assert.deepEqual(two?.mentions.amounts, [13491, 12995]);
  for (const item of parsed.items) assert.doesNotMatch(item.text, /Side \d af \d|Møde den/);
});

void test('a PDF with no text layer asks for OCR', async () => {
  const drawing = await makePdf({
    content: [{ canvas: [{ type: 'rect', x: 0, y: 0, w: 200, h: 100, color: '#336699' }] }],
  });
  await assert.rejects(readArchiveDocument(drawing), (error: unknown) => {
    assert.ok(error instanceof ArchiveInputError);
    assert.equal(error.problem, 'pdf-without-text');
    assert.equal(error.message, "PDF'en indeholder ingen tekst; den skal OCR-behandles først");
    return true;
  });
});

void test('a broken PDF and an encrypted PDF are refused in Danish', async () => {
  await assert.rejects(
    readArchiveDocument(new TextEncoder().encode('%PDF-1.4\nikke en rigtig pdf')),
    (error: unknown) => {
      assert.ok(error instanceof ArchiveInputError);
      assert.equal(error.problem, 'broken-pdf');
      assert.match(error.message, /beskadiget/);
      return true;
    },
  );
  const locked = await makePdf({
    content: ['Hemmeligt'],
    userPassword: 'hemmelig',
    ownerPassword: 'ejer',
  });
  await assert.rejects(readArchiveDocument(locked), (error: unknown) => {
    assert.ok(error instanceof ArchiveInputError);
    assert.equal(error.problem, 'encrypted-pdf');
    assert.match(error.message, /krypteret/);
    return true;
  });
});
