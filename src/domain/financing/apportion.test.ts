import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { apportionByDivisor } from './apportion.ts';
import { compare, fraction, toNumber, type Fraction } from './fraction.ts';

const ints = (values: number[]): Fraction[] => values.map((v) => fraction(BigInt(v)));

/** The textbook sequential Sainte-Laguë: one krone at a time to the highest w/(s+½), first wins ties. */
function sequentialWebster(weights: Fraction[], total: number): number[] {
  const seats = weights.map(() => 0);
  for (let k = 0; k < total; k++) {
    let best = 0;
    for (let i = 1; i < weights.length; i++) {
      const pi = fraction(
        (weights[i] as Fraction).num * 2n,
        (weights[i] as Fraction).den * BigInt(2 * (seats[i] as number) + 1),
      );
      const pb = fraction(
        (weights[best] as Fraction).num * 2n,
        (weights[best] as Fraction).den * BigInt(2 * (seats[best] as number) + 1),
      );
      if (compare(pi, pb) > 0) best = i;
    }
    seats[best] = (seats[best] as number) + 1;
  }
  return seats;
}

const weightsArb = fc
  .array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 12 })
  .filter((ws) => ws.some((w) => w > 0))
  .map(ints);

void describe('apportionByDivisor', () => {
  void it('moves the divisor until the rounded amounts sum to the total', () => {
    // Quotas 4.4, 3.3, 2.3 round to 9 kroner; at divisor 9.5 they are 4.63, 3.47, 2.42 → 5, 3, 2.
    assert.deepEqual(apportionByDivisor(ints([44, 33, 23]), 10).amounts, [5, 3, 2]);
    // Quotas 2.6, 2.6, 4.8 round to 11; the weakest claims are the tied third kroner of the first
    // two (26/2.5 = 10.4 each, below 48/4.5), and the later of the two gives its krone up.
    assert.deepEqual(apportionByDivisor(ints([26, 26, 48]), 10).amounts, [3, 2, 5]);
  });

  void it('gives a tied krone to the earliest party', () => {
    assert.deepEqual(apportionByDivisor(ints([1, 1]), 1).amounts, [1, 0]);
    assert.deepEqual(apportionByDivisor(ints([1, 1, 1]), 2).amounts, [1, 1, 0]);
    assert.deepEqual(apportionByDivisor(ints([1, 1, 1]), 4).amounts, [2, 1, 1]);
  });

  void it('gives nothing to a zero weight and nothing at all of a zero total', () => {
    assert.deepEqual(apportionByDivisor(ints([0, 3, 1]), 7).amounts, [0, 5, 2]);
    assert.deepEqual(apportionByDivisor(ints([0, 3, 1]), 0), { amounts: [0, 0, 0], divisor: null });
  });

  void it('may leave quota: a known case where the biggest party gets 10 of quota 8.79', () => {
    // At divisor 45: 445/45 = 9.89 → 10, 66/45 = 1.47 → 1, the rest are below ½ → 0.
    const weights = ints([14, 4, 445, 66, 10, 18]);
    assert.deepEqual(apportionByDivisor(weights, 11).amounts, [0, 0, 10, 1, 0, 0]);
  });

  void it('rejects a negative or fractional total and all-zero weights', () => {
    assert.throws(() => apportionByDivisor(ints([1]), -1), RangeError);
    assert.throws(() => apportionByDivisor(ints([1]), 1.5), RangeError);
    assert.throws(() => apportionByDivisor(ints([0, 0]), 3), RangeError);
  });

  void it('handles millions of kroner without stepping krone by krone', () => {
    const { amounts } = apportionByDivisor(ints([1, 2, 3, 4, 5, 6, 7]), 9_000_000_000_000);
    assert.equal(
      amounts.reduce((a, b) => a + b, 0),
      9_000_000_000_000,
    );
  });

  void it('sums exactly to the total, never negative (property)', () => {
    fc.assert(
      fc.property(weightsArb, fc.integer({ min: 0, max: 50_000_000 }), (weights, total) => {
        const { amounts } = apportionByDivisor(weights, total);
        assert.equal(
          amounts.reduce((a, b) => a + b, 0),
          total,
        );
        assert.ok(amounts.every((a) => Number.isInteger(a) && a >= 0));
      }),
    );
  });

  void it('equals the sequential one-krone-at-a-time method (property)', () => {
    fc.assert(
      fc.property(weightsArb, fc.integer({ min: 0, max: 200 }), (weights, total) => {
        assert.deepEqual(
          apportionByDivisor(weights, total).amounts,
          sequentialWebster(weights, total),
        );
      }),
    );
  });

  void it('never gives a party less when the total grows (property: no Alabama paradox)', () => {
    fc.assert(
      fc.property(
        weightsArb,
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1000 }),
        (weights, total, more) => {
          const small = apportionByDivisor(weights, total).amounts;
          const large = apportionByDivisor(weights, total + more).amounts;
          small.forEach((a, i) =>
            assert.ok(a <= (large[i] as number), `part ${i}: ${a} > ${large[i]}`),
          );
        },
      ),
    );
  });

  void it('has a divisor at which every amount is within ½ of weight/divisor (property)', () => {
    fc.assert(
      fc.property(weightsArb, fc.integer({ min: 1, max: 10_000_000 }), (weights, total) => {
        const { amounts, divisor } = apportionByDivisor(weights, total);
        assert.ok(divisor !== null);
        amounts.forEach((a, i) => {
          const q = fraction(
            (weights[i] as Fraction).num * divisor.den,
            (weights[i] as Fraction).den * divisor.num,
          );
          // |a − q| ≤ ½ ⇔ 2a − 1 ≤ 2q ≤ 2a + 1, checked exactly.
          assert.ok(compare(fraction(2n * BigInt(a) - 1n), fraction(2n * q.num, q.den)) <= 0);
          assert.ok(compare(fraction(2n * q.num, q.den), fraction(2n * BigInt(a) + 1n)) <= 0);
        });
      }),
    );
  });

  void it('stays within ½ + share × n/2 of the exact quota (property; what Webster promises)', () => {
    fc.assert(
      fc.property(weightsArb, fc.integer({ min: 0, max: 10_000_000 }), (weights, total) => {
        const { amounts } = apportionByDivisor(weights, total);
        const weightSum = weights.reduce((a, w) => a + toNumber(w), 0);
        amounts.forEach((a, i) => {
          const share = toNumber(weights[i] as Fraction) / weightSum;
          const bound = 0.5 + (share * weights.length) / 2 + 1e-6;
          assert.ok(
            Math.abs(a - share * total) <= bound,
            `part ${i}: ${a} vs quota ${share * total}`,
          );
        });
      }),
    );
  });

  void it('depends only on the proportions of the weights (property)', () => {
    fc.assert(
      fc.property(
        weightsArb,
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 100_000 }),
        (weights, scale, total) => {
          const scaled = weights.map((w) => fraction(w.num, w.den * BigInt(scale)));
          assert.deepEqual(
            apportionByDivisor(scaled, total).amounts,
            apportionByDivisor(weights, total).amounts,
          );
        },
      ),
    );
  });
});
