import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  add,
  compare,
  div,
  floor,
  fraction,
  fromNumber,
  mul,
  ONE,
  sub,
  toNumber,
  toRoundedNumber,
} from './fraction.ts';

void describe('fraction', () => {
  void it('normalises sign and common factors', () => {
    assert.deepEqual(fraction(6n, -4n), { num: -3n, den: 2n });
    assert.deepEqual(fraction(0n, 7n), { num: 0n, den: 1n });
    assert.throws(() => fraction(1n, 0n), RangeError);
  });

  void it('reads a number as the decimal it was written as, not the binary double', () => {
    assert.deepEqual(fromNumber(0.1), fraction(1n, 10n));
    assert.deepEqual(fromNumber(0.25), fraction(1n, 4n));
    assert.deepEqual(fromNumber(1e-7), fraction(1n, 10_000_000n));
    assert.deepEqual(fromNumber(1.5e21), fraction(1_500_000_000_000_000_000_000n));
    assert.deepEqual(fromNumber(-12.5), fraction(-25n, 2n));
    assert.deepEqual(add(fromNumber(0.3), fromNumber(0.7)), ONE);
    assert.throws(() => fromNumber(Number.NaN), RangeError);
  });

  void it('converts huge exact fractions to a finite double', () => {
    assert.equal(toNumber(fraction(10n ** 400n, 4n * 10n ** 400n + 1n)), 0.25);
    assert.equal(toNumber(fraction(-3n, 4n)), -0.75);
  });

  void it('floors towards minus infinity', () => {
    assert.equal(floor(fraction(7n, 2n)), 3n);
    assert.equal(floor(fraction(-7n, 2n)), -4n);
    assert.equal(floor(fraction(-4n, 2n)), -2n);
  });

  void it('rounds for display half up at the last decimal', () => {
    assert.equal(toRoundedNumber(fraction(38465n, 1_000_000n), 5), 0.03847);
    assert.equal(toRoundedNumber(fraction(38464n, 1_000_000n), 5), 0.03846);
    assert.equal(toRoundedNumber(fraction(1n, 3n), 5), 0.33333);
    assert.equal(toRoundedNumber(fraction(1n, 4n), 5), 0.25);
  });

  void it('keeps field arithmetic exact (property)', () => {
    const nonZero = fc.bigInt({ min: -1000n, max: 1000n }).filter((n) => n !== 0n);
    const frac = fc
      .tuple(fc.bigInt({ min: -1000n, max: 1000n }), nonZero)
      .map(([n, d]) => fraction(n, d));
    fc.assert(
      fc.property(frac, frac, (a, b) => {
        assert.deepEqual(sub(add(a, b), b), a);
        if (b.num !== 0n) assert.deepEqual(div(mul(a, b), b), a);
        assert.equal(compare(a, b) + compare(b, a), 0);
      }),
    );
  });
});
