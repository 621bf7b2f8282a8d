import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isTimeSpanLine, parseSectionLine } from './sections.ts';

void test('section lines are recognised and canonicalised', () => {
  assert.equal(parseSectionLine('Velkomst'), 'Velkomst');
  assert.equal(parseSectionLine('Oplæg til drøftelse'), 'Oplæg');
  assert.equal(parseSectionLine('Sager til behandling'), 'Sager til behandling');
  assert.equal(parseSectionLine('Sager til orientering (15.30-15.50)'), 'Sager til orientering');
  assert.equal(parseSectionLine('Afslutning'), 'Afrunding');
  assert.equal(parseSectionLine('Sager til behandling i KKR er mange'), null);
});

void test('time spans on their own line', () => {
  assert.ok(isTimeSpanLine('(13.00-13.05)'));
  assert.ok(isTimeSpanLine('kl. 12.00 – 15.00'));
  assert.equal(isTimeSpanLine('13.00 møde'), false);
});
