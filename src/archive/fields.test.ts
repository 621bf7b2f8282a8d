import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanDocument } from './lines.ts';
import {
  extractFields,
  findBareDecision,
  isFieldHeading,
  parseAttachmentLine,
  splitRecommendations,
} from './fields.ts';

const linesOf = (text: string) => cleanDocument([text]).lines;

void test('summary, recommendations, attachments and decision of a 2020-21 style item', () => {
  const fields = extractFields(
    linesOf(
      'Resume\n\nEn kort tekst\nder fortsætter.\n\nIndstilling\n\nDet indstilles, at\n\nDAS godkender planen\n\nDAS drøfter, om\nkredsen har bemærkninger\n Sagsbeskrivelse \nBaggrund\nLang tekst.\nBilag\n\n Bilag 2. Rapport om noget\n Bilag 3: Regneark\n Bilag 2. Rapport (den vedhæftede fil)\nForside af bilaget\nBeslutning:\nGodkendt.\n\nBemærkning efter mødet\nRettet i bilag 3.',
    ),
  );
  assert.equal(fields.summary, 'En kort tekst der fortsætter.');
  assert.deepEqual(fields.recommendations, [
    'DAS godkender planen',
    'DAS drøfter, om kredsen har bemærkninger',
  ]);
  assert.deepEqual(fields.attachments, [
    { label: 'Bilag 2', title: 'Rapport om noget' },
    { label: 'Bilag 3', title: 'Regneark' },
  ]);
  assert.equal(fields.decision, 'Godkendt.');
  assert.equal(fields.postMeetingNote, 'Rettet i bilag 3.');
  assert.ok(fields.hasHeadings);
});

void test('recommendations after a "bedes" lead-in are the bullet points; lines above the lead-in go', () => {
  assert.deepEqual(
    splitRecommendations(
      linesOf(
        'Formanden indleder punktet\n\nDen Administrative Styregruppe bedes\n\n\uf0b7 at godkende proces\n\n\uf0b7 at tage status til\nefterretning',
      ),
    ),
    ['at godkende proces', 'at tage status til efterretning'],
  );
});

void test('an inline "Det indstilles, at ..." keeps what follows the lead-in', () => {
  assert.deepEqual(
    splitRecommendations(linesOf('Det indstilles, at udvalget drøfter modellerne.')),
    ['udvalget drøfter modellerne.'],
  );
});

void test('in double-spaced text a wrapped point continues after a blank line', () => {
  assert.deepEqual(
    splitRecommendations(
      linesOf(
        'Det indstilles, at  \n\n DAS drøfter status, og vurderer om der er behov for yder-\n\nligere tiltag\n\n DAS beslutter',
      ),
    ),
    ['DAS drøfter status, og vurderer om der er behov for yderligere tiltag', 'DAS beslutter'],
  );
});

void test('"Referat" and "Referat:" head decisions; an unnumbered attachment list', () => {
  const fields = extractFields(
    linesOf(
      'Tekst.\nIndstilling\n\nDAS bedes\n\n\uf0b7 at godkende\n\nBilag\n\n\uf0b7 Udkast til aftale\n\n\uf0b7 Specifikation\n\nReferat:\n\nGodkendt med forbehold',
    ),
  );
  assert.deepEqual(fields.attachments, [
    { label: null, title: 'Udkast til aftale' },
    { label: null, title: 'Specifikation' },
  ]);
  assert.equal(fields.decision, 'Godkendt med forbehold');
});

void test('a bare decision is found only for short decision wordings', () => {
  assert.equal(findBareDecision(linesOf('\nGodkendt \n\n')), 'Godkendt');
  assert.equal(
    findBareDecision(linesOf('Punktet udsat til møde i august.')),
    'Punktet udsat til møde i august.',
  );
  assert.equal(findBareDecision(linesOf('Næste møde afholdes den 30. maj.')), null);
  assert.equal(findBareDecision(linesOf('Godkendt\nen\nto\nfire')), null);
});

void test('field headings and attachment lines', () => {
  assert.ok(isFieldHeading('Resumé'));
  assert.ok(isFieldHeading('SAGSBESKRIVELSE - NY TAKSTMODEL'));
  assert.ok(isFieldHeading('Beslutning: Godkendt'));
  assert.equal(isFieldHeading('Referatet kan findes her'), false);
  assert.deepEqual(parseAttachmentLine('BILAG 3. TAKSTOVERSIGT'), {
    label: 'Bilag 3',
    title: 'TAKSTOVERSIGT',
  });
  assert.equal(parseAttachmentLine('bilag 3 viser tallene'), null);
});
