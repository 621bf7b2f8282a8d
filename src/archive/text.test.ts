import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanDocument } from './lines.ts';
import { joinLines } from './text.ts';

void test('wrapped lines are joined, new sentences and bullets start new lines', () => {
  const { lines } = cleanDocument([
    'Første linje der\nfortsætter her.\nNy sætning\n\nsom fortsætter\no Punkt et\n• Punkt to',
  ]);
  assert.equal(
    joinLines(lines),
    'Første linje der fortsætter her.\nNy sætning som fortsætter\no Punkt et\n• Punkt to',
  );
});
