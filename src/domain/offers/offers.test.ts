import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  categoryCovers,
  coveredInYear,
  formatOre,
  formatPercent,
  operatorReaches,
  parseKroner,
  parsePercent,
  parseWholeKroner,
  placesOn,
  reinforcedStatusOn,
  sectionLabel,
} from './index.ts';

void describe('money', () => {
  void it('reads Danish amounts exactly into øre', () => {
    assert.equal(parseKroner('12.995,50'), 1_299_550);
    assert.equal(parseKroner('13.491'), 1_349_100);
    assert.equal(parseKroner('13491'), 1_349_100);
    assert.equal(parseKroner('0,5'), 50);
    assert.equal(parseKroner(' 1.234.567,89 kr.'), 123_456_789);
    assert.equal(parseKroner('-5'), -500);
    for (const bad of ['', 'abc', '12,995.50', '1.23', '12,345', '1.2345']) {
      assert.equal(parseKroner(bad), null, bad);
    }
    assert.equal(parseWholeKroner('136.072'), 136_072);
    assert.equal(parseWholeKroner('136.072,50'), null);
  });
  void it('writes øre back the Danish way', () => {
    assert.equal(formatOre(1_299_550), '12.995,50');
    assert.equal(formatOre(1_349_100), '13.491');
    assert.equal(formatOre(1_349_100, true), '13.491,00');
    for (const s of ['12.995,50', '13.491', '1.000.000,05']) {
      assert.equal(formatOre(parseKroner(s) ?? -1), s);
    }
  });
  void it('reads percentages in hundredths', () => {
    assert.equal(parsePercent('95'), 9500);
    assert.equal(parsePercent('95,5 %'), 9550);
    assert.equal(parsePercent('x'), null);
    assert.equal(formatPercent(9550), '95,5');
    assert.equal(formatPercent(-368), '-3,68');
  });
});

void describe('the steering agreement categories', () => {
  void it('covers category 3 always, 2 unless an equivalent agreement, 1 never', () => {
    assert.equal(categoryCovers(1, false), false);
    assert.equal(categoryCovers(2, false), true);
    assert.equal(categoryCovers(2, true), false);
    assert.equal(categoryCovers(3, true), true);
  });
});

void describe('coverage per year from entry and withdrawal', () => {
  const events = [
    { id: 1, kind: 'entry' as const, effectiveYear: 2018, date: '2017-08-20' },
    { id: 2, kind: 'change' as const, effectiveYear: 2020, date: '2019-08-20' },
    { id: 3, kind: 'withdrawal' as const, effectiveYear: 2022, date: '2021-08-19' },
  ];
  void it('follows the latest entry or withdrawal', () => {
    assert.equal(coveredInYear(events, 2017), false);
    assert.equal(coveredInYear(events, 2018), true);
    assert.equal(coveredInYear(events, 2021), true);
    assert.equal(coveredInYear(events, 2022), false);
    assert.equal(coveredInYear([], 2022), false);
  });
});

void describe('places and sections', () => {
  void it('counts the places valid on the date (Aktivitetshuset Hobro 31 → 43)', () => {
    const sections = [
      {
        section: '104',
        subsection: '',
        places: 31,
        validFrom: '2015-01-01',
        validTo: '2020-12-31',
      },
      { section: '104', subsection: '', places: 43, validFrom: '2021-01-01', validTo: null },
      { section: '103', subsection: 'stk. 1', places: 5, validFrom: '2019-01-01', validTo: null },
    ];
    assert.equal(placesOn(sections, '2020-06-01'), 36);
    assert.equal(placesOn(sections, '2021-06-01'), 48);
    assert.equal(sectionLabel({ section: '103', subsection: 'stk. 1' }), '§ 103, stk. 1');
  });
  void it('gives the reinforced status in force', () => {
    const h = [
      { status: 'covered' as const, validFrom: '2018-01-01' },
      { status: 'emergency-track' as const, validFrom: '2021-01-01' },
    ];
    assert.equal(reinforcedStatusOn(h, '2017-12-31'), null);
    assert.equal(reinforcedStatusOn(h, '2020-12-31'), 'covered');
    assert.equal(reinforcedStatusOn(h, '2021-01-01'), 'emergency-track');
  });
  void it('lets an operator reach its own offers and its units’ offers, nothing else', () => {
    assert.equal(operatorReaches(1, { id: 1, parentId: null }), true);
    assert.equal(operatorReaches(1, { id: 13, parentId: 1 }), true);
    assert.equal(operatorReaches(13, { id: 1, parentId: null }), false);
    assert.equal(operatorReaches(2, { id: 13, parentId: 1 }), false);
  });
});
