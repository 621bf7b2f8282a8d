import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCommittee, leadingCommittee } from './committees.ts';

void test('committee names map to short names, the first mentioned wins', () => {
  assert.equal(findCommittee('Møde Den Administrative Styregruppe'), 'DAS');
  assert.equal(findCommittee('Orienteringsmail til DAS d. 22. januar 2019'), 'DAS');
  assert.equal(findCommittee('FU Social og DAS'), 'FU');
  assert.equal(findCommittee('Kommunaldirektørkredsen'), 'KDK');
  assert.equal(findCommittee('KKR Nordjylland'), 'KKR');
  assert.equal(findCommittee('FUSION'), null);
  assert.equal(leadingCommittee('Den Administrative Styregruppe bedes'), 'DAS');
  assert.equal(leadingCommittee('at tage DAS orienteringen'), null);
});
