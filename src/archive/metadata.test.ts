import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanDocument } from './lines.ts';
import { isLetter, readMetadata, splitPeople } from './metadata.ts';

const linesOf = (text: string) => cleanDocument([text]).lines;

void test('committee, date and people from a front block', () => {
  const front = linesOf(
    'Referat\n\nMøde Den Administrative Styregruppe\n\nTid 2. marts 2017, kl. 13.00-16.00\n\nSted Regionshuset\n\nDeltagere Anne And (Aalborg Kommune), Bo Bi (Thi-\n\nsted Kommune), Cai Cé og Dan Do (begge sekretariatet).\n\nAfbud\n\nEva Ek (Læsø Kommune)\n\nGæster\n\nFie Fa (KL)\n\nVelkomst\n\n1. Godkendelse (side 2)',
  );
  assert.deepEqual(readMetadata(front, [], []), {
    committee: 'DAS',
    date: '2017-03-02',
    participants: [
      'Anne And (Aalborg Kommune)',
      'Bo Bi (Thisted Kommune)',
      'Cai Cé',
      'Dan Do (begge sekretariatet)',
    ],
    apologies: ['Eva Ek (Læsø Kommune)'],
    guests: ['Fie Fa (KL)'],
  });
});

void test('a running header gives committee and date when there is no front block', () => {
  const metadata = readMetadata([], [{ words: 'FU Social', date: '2020-10-19' }], []);
  assert.equal(metadata.committee, 'FU');
  assert.equal(metadata.date, '2020-10-19');
});

void test("a letter's subject line gives committee and date", () => {
  const front = linesOf(
    ' Bilag 2. Orienteringsmail til DAS d. 22. januar 2019 \n\nKære alle\n\nDAS mødet d. 17. januar blev aflyst.',
  );
  assert.ok(isLetter(front));
  const metadata = readMetadata(front, [], []);
  assert.equal(metadata.committee, 'DAS');
  assert.equal(metadata.date, '2019-01-22');
});

void test('nothing stated means null: no guessing from a date in the text', () => {
  const metadata = readMetadata(
    linesOf('Godkendelse af referat for mødet d. 1. marts 2012'),
    [],
    ['at godkende'],
  );
  assert.equal(metadata.committee, null);
  assert.equal(metadata.date, null);
});

void test('the committee the recommendations address, as a last resort', () => {
  const addressees = [
    'Den Administrative Styregruppe bedes',
    'Den Administrative Styregruppe bedes:',
    'at godkende',
  ];
  assert.equal(readMetadata([], [], addressees).committee, 'DAS');
  assert.equal(
    readMetadata([], [], addressees.slice(0, 1)).committee,
    null,
    'one mention is not enough',
  );
});

void test('a cover letter of an agenda package is not an information letter', () => {
  assert.equal(isLetter(linesOf('Kære DAS\n\nHermed dagsordenen til mødet.')), false);
});

void test('splitPeople splits on commas outside parentheses and on "og" between two names', () => {
  assert.deepEqual(
    splitPeople('Henrik Aarup-Kristensen (formand, Brønderslev Kommune), Hans Chr. Mariegaard'),
    ['Henrik Aarup-Kristensen (formand, Brønderslev Kommune)', 'Hans Chr. Mariegaard'],
  );
  assert.deepEqual(splitPeople('Else Lund og Henrik Frost deltager under punkt 3'), [
    'Else Lund og Henrik Frost deltager under punkt 3',
  ]);
});
