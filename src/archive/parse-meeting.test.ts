import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMeetingDocument } from './parse-meeting.ts';

const AGENDA = [
  'FU SocialFU SocialFU Social\nFU Social Møde den 03.05.2018\n Punkt 1.\n\nGodkendelse af dagsorden\n\nIndstilling:\n\nDet indstilles, at\n\nForretningsudvalget godkender dagsordenen\n Punkt 2.\n\nTakster for Bo-\nstedet Ager\n\nResumé\n\nTaksten stiger fra 1.000 kr. til 1.200 kr. for tilbud efter § 108 i Aalborg Kommune.\n\nIndstilling\n\nDet indstilles, at\n\n\uf0b7 Forretningsudvalget godkender taksten\n\uf0b7 Forretningsudvalget drøfter, jf. punkt 1, om\nsagen skal videre\nSide 1 af 2',
  'FU Social Møde den 03.05.2018\nSagsbeskrivelse\nTeksten fortsætter på side to.\nBilag\n Bilag 1: Takstoversigt\n Punkt 3.\n\nPersonsag\n\nLukket punkt\n\nTekst om en borger.\nSide 2 af 2',
];

void test('an agenda across pages: metadata from the running header, items with fields and source ranges', () => {
  const parsed = parseMeetingDocument({ pages: AGENDA });
  assert.equal(parsed.committee, 'FU');
  assert.equal(parsed.date, '2018-05-03');
  assert.equal(parsed.kind, 'agenda');
  assert.deepEqual(
    parsed.items.map((item) => [item.number, item.title, item.access]),
    [
      [1, 'Godkendelse af dagsorden', 'open'],
      [2, 'Takster for Bostedet Ager', 'open'],
      [3, 'Personsag', 'closed'],
    ],
  );
  const two = parsed.items[1];
  assert.ok(two);
  assert.equal(
    two.summary,
    'Taksten stiger fra 1.000 kr. til 1.200 kr. for tilbud efter § 108 i Aalborg Kommune.',
  );
  assert.deepEqual(two.recommendations, [
    'Forretningsudvalget godkender taksten',
    'Forretningsudvalget drøfter, jf. punkt 1, om sagen skal videre',
  ]);
  assert.deepEqual(two.attachments, [{ label: 'Bilag 1', title: 'Takstoversigt' }]);
  assert.deepEqual(two.source, { fromPage: 1, toPage: 2, fromLine: 12, toLine: 5 });
  assert.deepEqual(two.mentions.amounts, [1000, 1200]);
  assert.deepEqual(two.mentions.sections, ['§108']);
  assert.deepEqual(two.mentions.municipalities, ['Aalborg']);
  assert.deepEqual(two.mentions.itemReferences, [1]);
  assert.ok(two.mentions.offers.includes('Bostedet Ager'));
  assert.match(two.text, /Teksten fortsætter på side to\./);
  assert.doesNotMatch(two.text, /Side \d af \d|FU Social/);
  assert.equal(parsed.items[2]?.text, 'Tekst om en borger.');
});

void test('minutes: a "Beslutning" makes the document minutes, with a post-meeting note', () => {
  const parsed = parseMeetingDocument({
    pages: [
      'Punkt 1.\n\nGodkendelse\n\nBeslutning:\n\nGodkendt.\n\nBemærkning efter mødet:\nBilag rettet.\nPunkt 2.\n\nEvt.\n\nIntet.',
    ],
  });
  assert.equal(parsed.kind, 'minutes');
  assert.equal(parsed.items[0]?.decision, 'Godkendt.');
  assert.equal(parsed.items[0]?.postMeetingNote, 'Bilag rettet.');
  assert.equal(parsed.committee, null);
  assert.equal(parsed.date, null);
});

void test('an empty or itemless document parses to no items without throwing', () => {
  assert.deepEqual(parseMeetingDocument({ pages: [] }).items, []);
  assert.deepEqual(parseMeetingDocument({ pages: [''] }).items, []);
  assert.equal(parseMeetingDocument({ pages: ['bare tekst'] }).kind, 'agenda');
});
