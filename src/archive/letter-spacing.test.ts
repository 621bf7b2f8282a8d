import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repairLetterSpacing } from './letter-spacing.ts';

const fold = (text: string): string => text.replace(/\s+/g, ' ').trim();

void test('joins letter-spaced words seen in PDF extractions', () => {
  assert.equal(
    fold(repairLetterSpacing('KLK vi l  på temadrøftelsen')),
    'KLK vil på temadrøftelsen',
  );
  assert.equal(
    fold(repairLetterSpacing('Der gives en mundtl ig t i lbagemelding om indkomne')),
    'Der gives en mundtlig tilbagemelding om indkomne',
  );
  assert.equal(
    fold(repairLetterSpacing('kredsen har  fæl les  bemærkn inger  t i l')),
    'kredsen har fælles bemærkninger til',
  );
  assert.equal(fold(repairLetterSpacing('b e s l u t n i n g')), 'beslutning');
});

void test('leaves real short words and ordinary text alone', () => {
  for (const line of [
    'det er i dag at vi og en af de store i år',
    'det er muligt at nå i mål med de konkrete initiativer',
    'Unge med psykiatriske diagnoser, selvskadende adfærd &/ misbrug',
    'Møde i SOCDIR fra kl. 10 til ca. 12 : hovedemne',
    'o 1A: Fælles kompetenceudvikling indenfor recovery:',
    'jf. § 82 a og b, bl.a. mv.',
  ]) {
    assert.equal(repairLetterSpacing(line), line);
  }
});

// A backtracking blow-up on this line would run for minutes; the timeout only catches that.
void test('repairs a long pathological line without a blow-up', { timeout: 120_000 }, () => {
  const line = 'a b c d e f g h i j k l m n o p q r s t u v w x y z '.repeat(70);
  // repairing may join letters, but never loses or adds one
  const strip = (s: string) => s.replace(/\s/g, '');
  assert.equal(strip(repairLetterSpacing(line)), strip(line));
});
