import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanDocument } from './lines.ts';
import { findHeadingCandidates, isTocEntry, selectHeadings } from './headings.ts';

function headings(text: string): [number, string][] {
  const { lines } = cleanDocument([text]);
  const chosen = selectHeadings(findHeadingCandidates(lines, lines.length), lines, lines.length);
  return chosen.map((heading) => [heading.number, heading.title]);
}

void test('"Punkt N." on its own line with the title below, wrapping over two lines', () => {
  assert.deepEqual(
    headings(
      ' Punkt 1.\n\nGodkendelse af dagsorden\n\nTekst\n Punkt 2.\n\nOrientering om status vedr. noget meget langt\nog dom\n\nResume\n\nTekst',
    ),
    [
      [1, 'Godkendelse af dagsorden'],
      [2, 'Orientering om status vedr. noget meget langt og dom'],
    ],
  );
});

void test('in the "Punkt N." layout numbered lists inside items are not headings', () => {
  assert.deepEqual(
    headings(
      'Punkt 1.\n\nFørste\n\n1. Et punkt i en liste\n2. Et andet punkt\nPunkt 2.\n\nAndet\n\nTekst',
    ),
    [
      [1, 'Første'],
      [2, 'Andet'],
    ],
  );
});

void test('"N. Title" layout; dates and lowercase lines are not headings; page-header "Punkt N" skipped', () => {
  assert.deepEqual(
    headings(
      '1. Godkendelse af dagsorden\n\nGodkendt\n\nPunkt 2\n\n2. Mødekalender\n\n15. maj 2012 1. møde\n3. halvår\n3. Evt.\n\nIntet',
    ),
    [
      [1, 'Godkendelse af dagsorden'],
      [2, 'Mødekalender'],
      [3, 'Evt.'],
    ],
  );
});

void test('a table of contents without page references loses to the items own headings', () => {
  const text =
    'Dagsorden\n1. Godkendelse\n2. Status\n3. Evt.\n\n1. Godkendelse\n\nGodkendt.\n\n2. Status\n\nTekst om status.\n\n3. Evt.\n\nIntet.';
  const { lines } = cleanDocument([text]);
  const chosen = selectHeadings(findHeadingCandidates(lines, lines.length), lines, lines.length);
  assert.deepEqual(
    chosen.map((heading) => heading.number),
    [1, 2, 3],
  );
  assert.ok(
    chosen.every((heading) => heading.index > 4),
    'the body headings, not the contents',
  );
});

void test('table-of-contents entries with page references are recognised', () => {
  assert.ok(isTocEntry('4. Status og næste skridt for Rammeaftalen 2018 (side 5)'));
  assert.ok(isTocEntry('4. Status ......... 5'));
  assert.equal(isTocEntry('4. Status og næste skridt'), false);
});

void test('a numbered line out of sequence inside an item does not break the chain', () => {
  assert.deepEqual(
    headings(
      '1. Første\n\nTekst\n\n7. Syvende i en liste\n\n2. Andet\n\nTekst\n\n3. Tredje\n\nTekst',
    ).map(([n]) => n),
    [1, 2, 3],
  );
});

void test('a reference broken over a line end is not a heading', () => {
  // "jf. punkt 4. Taksten …" with "punkt 4." starting a line, in the "N. Title" layout.
  assert.deepEqual(
    headings(
      '1. Godkendelse af dagsorden\nGodkendt\n2. Takster for 2022\nDet blev aftalt, jf.\npunkt 4. Taksten hæves.\nSe også DAS mødet jf. punkt\n8. Kredsen drøftede sagen\n3. Eventuelt\nIntet',
    ),
    [
      [1, 'Godkendelse af dagsorden'],
      [2, 'Takster for 2022'],
      [3, 'Eventuelt'],
    ],
  );
});

void test('a title ending in "punkt" does not hide the next heading', () => {
  assert.deepEqual(
    headings('Punkt 4.\n\nOpfølgning på dette punkt\nPunkt 5.\n\nEventuelt\n\nTekst'),
    [
      [4, 'Opfølgning på dette punkt'],
      [5, 'Eventuelt'],
    ],
  );
});
