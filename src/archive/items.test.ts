import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanDocument } from './lines.ts';
import { segmentItems } from './items.ts';

const segment = (text: string, letter = false) =>
  segmentItems(cleanDocument([text]).lines, { letter });

void test('items with sections, a table of contents and page-header repeats', () => {
  const { front, items } = segment(
    'Dagsorden\nVelkomst\n(13.00-13.05)\n1. Godkendelse (side 2)\nSager til behandling\n2. Takster (side 3)\n3. Evt. (side 4)\n' +
      'Velkomst\nPunkt 1\n1. Godkendelse\nGodkendt.\nSager til behandling\nPunkt 2\n2. Takster\nTekst om takster.\nPunkt 2-3\nSager til behandling\nMere tekst.\n3. Evt.\nIntet.',
  );
  assert.equal(front.filter((line) => line.text !== '').length, 7);
  assert.deepEqual(
    items.map((item) => [item.number, item.title, item.section]),
    [
      [1, 'Godkendelse', 'Velkomst'],
      [2, 'Takster', 'Sager til behandling'],
      [3, 'Evt.', 'Sager til behandling'],
    ],
  );
  assert.deepEqual(
    items[1]?.body.map((line) => line.text),
    ['Tekst om takster.', 'Mere tekst.'],
  );
});

void test('closed items: a marker line under the title or a marker in the title', () => {
  const { items } = segment(
    'Punkt 1.\n\nTakstsag\n\nLukket punkt\n\nTekst\nPunkt 2.\n\nPersonsag (Lukket punkt)\n\nTekst\nPunkt 3.\n\nÅben sag\n\nTekst',
  );
  assert.deepEqual(
    items.map((item) => [item.title, item.access]),
    [
      ['Takstsag', 'closed'],
      ['Personsag', 'closed'],
      ['Åben sag', 'open'],
    ],
  );
  assert.deepEqual(
    items[0]?.body.map((line) => line.text).filter((text) => text !== ''),
    ['Tekst'],
  );
});

void test("a letter's items end at the closing; numbered points in its attachments are not items", () => {
  const { items, appendix } = segment(
    'Kære alle\nMødet er aflyst.\n1. Første punkt\nTekst.\n2. Andet punkt\nTekst.\nMed venlig hilsen\nSekretariatet\nNotat\n1. Manglende data\n2. Manglende tid\n3. Manglende penge',
    true,
  );
  assert.deepEqual(
    items.map((item) => item.title),
    ['Første punkt', 'Andet punkt'],
  );
  assert.equal(appendix[0]?.text, 'Med venlig hilsen');
});

void test('a document without headings has no items', () => {
  assert.deepEqual(segment('Bare noget tekst\nuden punkter').items, []);
});
