import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanDocument } from './lines.ts';

const texts = (pages: string[]): string[] =>
  cleanDocument(pages)
    .lines.map((line) => line.text)
    .filter((text) => text !== '');

void test('running headers, footers and page numbers are removed; meeting headers are kept as metadata', () => {
  const { lines, meetingHeaders } = cleanDocument([
    'Tekst før\nDAS SocialDAS SocialDAS SocialDAS Social\n\nBilag:\n\nDAS Social Møde den 20.01.2021\nkl. 13.00 Side 5 af 5Side 12 af 39\nTekst efter\n  2/12 \nPunkt 7-9\n',
  ]);
  assert.deepEqual(
    lines.map((line) => line.text).filter((text) => text !== ''),
    ['Tekst før', 'Tekst efter'],
  );
  assert.deepEqual(meetingHeaders, [{ words: 'DAS Social', date: '2021-01-20' }]);
});

void test('hyphenated words are joined across blank lines and page breaks, with source positions', () => {
  const { lines } = cleanDocument([
    'Lone Becker (Thi-\n\nsted Kommune)\nslut på be-',
    'slutning her',
  ]);
  const nonBlank = lines.filter((line) => line.text !== '');
  assert.deepEqual(
    nonBlank.map((line) => line.text),
    ['Lone Becker (Thisted Kommune)', 'slut på beslutning her'],
  );
  assert.deepEqual(
    nonBlank.map((line) => [line.page, line.line, line.endPage, line.endLine]),
    [
      [1, 1, 1, 3],
      [1, 4, 2, 1],
    ],
  );
});

void test('form feeds split pages and bare numbers at page edges are page numbers', () => {
  const { lines } = cleanDocument(['Første side\nmed tekst\n2\f3\nAnden side\n']);
  assert.deepEqual(
    lines.filter((line) => line.text !== '').map((line) => [line.page, line.text]),
    [
      [1, 'Første side'],
      [1, 'med tekst'],
      [2, 'Anden side'],
    ],
  );
});

void test('a bare number inside a single text page is kept (it may be a table cell)', () => {
  assert.deepEqual(texts(['Antal\n42\npladser']), ['Antal', '42', 'pladser']);
});

void test('an indented line is marked (a bullet the extraction lost)', () => {
  const { lines } = cleanDocument([' Den Administrative Styregruppe godkender\nfortsat']);
  assert.deepEqual(
    lines.map((line) => line.indented),
    [true, false],
  );
});
