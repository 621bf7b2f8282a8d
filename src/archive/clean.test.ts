import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  foldWhitespace,
  isItemRangeHeader,
  isoDate,
  isPageNumberLine,
  isStutteredHeader,
  joinHyphenated,
  normalizeCharacters,
  parseMeetingHeader,
  stripPageCounters,
} from './clean.ts';

void test('normalizeCharacters composes letters, turns symbol-font bullets and odd spaces plain', () => {
  assert.equal(normalizeCharacters('Ga\u030ard'), 'Gård');
  assert.equal(normalizeCharacters('\uf0b7 punkt'), '• punkt');
  assert.equal(normalizeCharacters('\uf0a7 punkt'), '• punkt');
  assert.equal(normalizeCharacters('a\u00a0b\u202fc\td'), 'a b c d');
  assert.equal(normalizeCharacters('be\u00adslutning\u200b'), 'beslutning');
  assert.equal(normalizeCharacters('a\r\nb\rc'), 'a\nb\nc');
  assert.equal(normalizeCharacters('side 1\fside 2'), 'side 1\fside 2');
});

void test('foldWhitespace folds runs and trims', () => {
  assert.equal(foldWhitespace('  Godkendelse   af\n dagsorden '), 'Godkendelse af dagsorden');
});

void test('stuttered running headers are recognised, ordinary lines are not', () => {
  assert.ok(isStutteredHeader('DAS SocialDAS SocialDAS SocialDAS Social'));
  assert.ok(isStutteredHeader('FU SocialFU Social'));
  assert.equal(isStutteredHeader('DAS Social'), false);
  assert.equal(isStutteredHeader('Godkendelse af dagsorden'), false);
  assert.equal(isStutteredHeader('1111'), false);
});

void test('page counters and page-number lines', () => {
  assert.equal(
    foldWhitespace(stripPageCounters('kl. 13.00 Side 5 af 5Side 12 af 39')),
    'kl. 13.00',
  );
  assert.ok(isPageNumberLine('2/12'));
  assert.ok(isPageNumberLine(' 13 / 14 '));
  assert.ok(isPageNumberLine('Side 3'));
  assert.equal(isPageNumberLine('14/2'), false, 'not a page of a smaller total');
  assert.equal(isPageNumberLine('2019'), false);
});

void test('meeting headers give words and date; prose with a month name is not one', () => {
  assert.deepEqual(parseMeetingHeader('DAS Social Møde den 20.01.2021'), {
    words: 'DAS Social',
    date: '2021-01-20',
  });
  assert.deepEqual(parseMeetingHeader('Mødet den 19.10.2020 DAS Social'), {
    words: 'DAS Social',
    date: '2020-10-19',
  });
  assert.equal(parseMeetingHeader('DAS drøftede på møde den 19. oktober 2020 retningen'), null);
  assert.equal(parseMeetingHeader('Møde den 31.02.2021 DAS'), null, 'impossible date');
});

void test('item range page headers', () => {
  assert.ok(isItemRangeHeader('Punkt 7-9'));
  assert.ok(isItemRangeHeader('Punkt 1 + 2'));
  assert.equal(isItemRangeHeader('Punkt 3.'), false);
});

void test('isoDate validates the calendar', () => {
  assert.equal(isoDate(2020, 2, 29), '2020-02-29');
  assert.equal(isoDate(2021, 2, 29), null);
  assert.equal(isoDate(2021, 13, 1), null);
});

void test('joinHyphenated joins broken words and keeps real hyphens', () => {
  assert.equal(joinHyphenated('den be-', 'slutning der'), 'den beslutning der');
  assert.equal(joinHyphenated('i børne-', 'og ungeområdet'), 'i børne- og ungeområdet');
  assert.equal(joinHyphenated('KKR-', 'sekretariatet'), 'KKR-sekretariatet');
  assert.equal(joinHyphenated('aftalen 2021-', '2022 er'), 'aftalen 2021-2022 er');
  assert.equal(joinHyphenated('fra dag-til-', 'dag'), 'fra dag-til-dag');
  assert.equal(
    joinHyphenated('Sagsfremstilling -', 'tekst'),
    null,
    'a dash after a space is not a broken word',
  );
  assert.equal(joinHyphenated('Region-', 'Nordjylland'), null, 'a capital starts something new');
});
