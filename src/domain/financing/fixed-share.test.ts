import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { splitFixedShare, type MunicipalityPopulation } from './fixed-share.ts';
import { fraction, toNumber } from './fraction.ts';
import { POPULATION_2020K1 } from './population-2020.fixture.ts';

const kommuner: MunicipalityPopulation[] = POPULATION_2020K1.map(([name, population]) => ({
  name,
  populationByYear: { 2019: population - 100, 2020: population },
}));

void describe('splitFixedShare', () => {
  void it('splits Børnehus Nord 2021: 136,072 kr. by population 2020', () => {
    const result = splitFixedShare(136_072, 2020, kommuner);
    assert.equal(
      result.allocations.reduce((a, m) => a + m.amount, 0),
      136_072,
    );
    const aalborg = result.allocations[0];
    assert.deepEqual(aalborg?.share, fraction(217_075n, 589_936n));
    // Rounding each quota to nearest gives 136,073 kr., one too many. The divisor method takes it
    // from Aalborg (quota 50,069.55): its 50,070th krone has the weakest claim, 217,075/50,069.5
    // per krone. Largest remainder would have kept it there (.55 is among the five largest).
    assert.equal(aalborg?.amount, 50_069);
    assert.equal(result.allocations.find((m) => m.name === 'Læsø')?.amount, 412); // quota 411.95
  });

  void it('uses the chosen year of the series', () => {
    const byYear2019 = splitFixedShare(136_072, 2019, kommuner);
    assert.equal(byYear2019.allocations[5]?.population, 1_686);
    assert.deepEqual(byYear2019.allocations[5]?.share, fraction(1_686n, 589_936n - 1_100n));
  });

  void it('refuses a missing or zero population, a bad amount and an empty list, in Danish', () => {
    assert.throws(
      () => splitFixedShare(100, 2018, kommuner),
      /Aalborg mangler et befolkningstal over 0 for 2018/,
    );
    const zero = [{ name: 'Læsø', populationByYear: { 2020: 0 } }];
    assert.throws(() => splitFixedShare(100, 2020, zero), /Læsø mangler/);
    assert.throws(() => splitFixedShare(-1, 2020, kommuner), /helt antal kroner/);
    assert.throws(() => splitFixedShare(100, 2020, []), /ingen kommuner/);
  });

  const listArb = fc
    .array(fc.integer({ min: 1, max: 300_000 }), { minLength: 1, maxLength: 12 })
    .map((ps) => ps.map((p, i) => ({ name: `K${i}`, populationByYear: { 2020: p } })));

  void it('sums exactly, never negative, within the divisor bound of the quota (property)', () => {
    fc.assert(
      fc.property(listArb, fc.integer({ min: 0, max: 100_000_000 }), (list, amount) => {
        const { allocations } = splitFixedShare(amount, 2020, list);
        assert.equal(
          allocations.reduce((a, m) => a + m.amount, 0),
          amount,
        );
        for (const m of allocations) {
          assert.ok(Number.isSafeInteger(m.amount) && m.amount >= 0);
          const quota = toNumber(m.share) * amount;
          assert.ok(
            Math.abs(m.amount - quota) <= 0.5 + (toNumber(m.share) * list.length) / 2 + 1e-6,
          );
        }
      }),
    );
  });

  void it('never makes a kommune pay more when the amount falls (property)', () => {
    fc.assert(
      fc.property(
        listArb,
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (list, a, b) => {
          const smaller = splitFixedShare(Math.min(a, b), 2020, list).allocations;
          const larger = splitFixedShare(Math.max(a, b), 2020, list).allocations;
          smaller.forEach((m, i) => assert.ok(m.amount <= (larger[i]?.amount ?? -1), m.name));
        },
      ),
    );
  });
});
