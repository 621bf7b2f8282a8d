/**
 * Exact rationals on bigint, so keys and shares stay exact until the final rounding to whole
 * kroner (ARCHITECTURE: percentages as exact fractions until the final rounding).
 * Always normalised: den > 0 and gcd(num, den) = 1, so equal values have equal fields.
 */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Builds num/den in lowest terms; throws on a zero denominator. */
export function fraction(num: bigint, den: bigint = 1n): Fraction {
  if (den === 0n) throw new RangeError('Division med nul i brøk.');
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num, den);
  const divisor = g === 0n ? 1n : g;
  return { num: (sign * num) / divisor, den: (sign * den) / divisor };
}

export const ZERO: Fraction = fraction(0n);
export const ONE: Fraction = fraction(1n);

/**
 * The exact value a JS number was written as in decimal (0.1 → 1/10, not the binary double),
 * so shares typed as 0.25 or 0.3 + 0.7 stay exact. Throws on NaN and infinities.
 */
export function fromNumber(value: number): Fraction {
  if (!Number.isFinite(value)) throw new RangeError(`Ikke et endeligt tal: ${value}`);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(value));
  if (!match) throw new RangeError(`Kan ikke læse tallet ${value}`);
  const [, sign = '', whole = '0', decimals = '', exponentText = '0'] = match;
  const exponent = Number(exponentText) - decimals.length;
  const digits = BigInt(sign + whole + decimals);
  return exponent >= 0
    ? fraction(digits * 10n ** BigInt(exponent))
    : fraction(digits, 10n ** BigInt(-exponent));
}

export function add(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function sub(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.den - b.num * a.den, a.den * b.den);
}

export function mul(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.num, a.den * b.den);
}

export function div(a: Fraction, b: Fraction): Fraction {
  if (b.num === 0n) throw new RangeError('Division med nul i brøk.');
  return fraction(a.num * b.den, a.den * b.num);
}

export function sum(values: readonly Fraction[]): Fraction {
  return values.reduce(add, ZERO);
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compare(a: Fraction, b: Fraction): number {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Largest integer ≤ the value (rounds towards −∞, unlike bigint division). */
export function floor(a: Fraction): bigint {
  const q = a.num / a.den;
  return a.num < 0n && q * a.den !== a.num ? q - 1n : q;
}

/** The value rounded to `decimals` places, halves away from zero, as a JS number for display. */
export function toRoundedNumber(a: Fraction, decimals: number): number {
  const scale = 10n ** BigInt(decimals);
  const magnitude = floor(fraction((a.num < 0n ? -a.num : a.num) * scale * 2n + a.den, a.den * 2n));
  return (a.num < 0n ? -1 : 1) * (Number(magnitude) / Number(scale));
}

/** A close double, for display and for comparisons in tests only; never feed it back into money. */
export function toNumber(a: Fraction): number {
  // Both parts may pass 2^1024 (then Number() is Infinity): drop low bits of both first.
  const magnitude = a.num < 0n ? -a.num : a.num;
  const bits = (magnitude > a.den ? magnitude : a.den).toString(2).length;
  const shift = BigInt(Math.max(0, bits - 1000));
  return Number(a.num >> shift) / Number(a.den >> shift);
}
