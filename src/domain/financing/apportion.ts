import { compare, floor, fraction, mul, sum, ZERO, type Fraction } from './fraction.ts';

/**
 * The rounding rule for every split of money into whole kroner, in one Danish sentence for the
 * UI. Keep it in step with `apportionByDivisor`.
 */
export const ROUNDING_RULE_DA =
  'Beløbene afrundes til hele kroner efter divisormetoden (Sainte-Laguë/Webster): hver parts nøgle ' +
  'deles med en fælles divisor og afrundes til nærmeste hele krone (halve op), divisoren vælges så ' +
  'beløbene tilsammen giver præcis det samlede beløb, og står flere parter lige om en krone, får ' +
  'den første i listen den.';

export interface Apportionment {
  /** Whole units (kroner) per party, in the order of the weights; they sum to the total. */
  readonly amounts: readonly number[];
  /**
   * A common divisor d with |amount_i − weight_i / d| ≤ ½ for every party: the witness that the
   * amounts are "weight / divisor, rounded to nearest". Null when the total is 0.
   */
  readonly divisor: Fraction | null;
}

/** Priority of party i's next krone when it has `seats`: weight / (seats + ½) = 2w / (2s + 1). */
function nextPriority(weight: Fraction, seats: bigint): Fraction {
  return mul(weight, fraction(2n, 2n * seats + 1n));
}

/**
 * Splits `total` whole kroner among parties in proportion to non-negative exact `weights`, by
 * the Sainte-Laguë/Webster divisor method.
 *
 * Rule: think of every party's kroner as a queue of claims with priorities w/½, w/1½, w/2½, …;
 * the `total` highest claims win, and equal claims go to the party earliest in the list. That is
 * the same as rounding w/d half up for a common divisor d chosen so the amounts sum to `total`,
 * with exact ties decided by list order. Because a larger total only adds claims, no party ever
 * gets less when the total grows (house monotonicity, no Alabama paradox) — which largest
 * remainder cannot promise. It does not promise that each amount lies within 1 of its exact
 * quota; each lies within ½ of weight/divisor.
 *
 * Runs in O(n²) bigint steps: it starts from the rounding at the divisor W/total, which is off by
 * at most n/2 in sum, then moves one krone at a time.
 *
 * @param weights non-negative exact weights, one per party (need not sum to 1)
 * @param total whole kroner to split, a non-negative safe integer
 * @returns amounts in whole kroner summing to `total`, and the divisor that produced them
 */
export function apportionByDivisor(weights: readonly Fraction[], total: number): Apportionment {
  if (!Number.isSafeInteger(total) || total < 0) {
    throw new RangeError(`Beløbet skal være et ikke-negativt helt antal kroner (fik ${total}).`);
  }
  if (weights.some((w) => w.num < 0n)) throw new RangeError('En fordelingsnøgle er negativ.');
  if (total === 0) return { amounts: weights.map(() => 0), divisor: null };
  const weightSum = sum(weights);
  if (weightSum.num === 0n) throw new RangeError('Fordelingsnøglerne summer til nul.');

  const house = BigInt(total);
  // Round half up at the divisor W/total: the set of claims ≥ that divisor, a prefix of the
  // claim order, so stepping one claim at a time from here reaches exactly the top `total`.
  const seats = weights.map((w) =>
    floor(
      fraction(
        2n * house * w.num * weightSum.den + w.den * weightSum.num,
        2n * w.den * weightSum.num,
      ),
    ),
  );
  let assigned = seats.reduce((a, b) => a + b, 0n);

  while (assigned > house) {
    // Drop the weakest claim held; among equals the latest party gives it up.
    const worst = weakestHeldClaim(weights, seats);
    seats[worst.party] = (seats[worst.party] ?? 0n) - 1n;
    assigned -= 1n;
  }
  while (assigned < house) {
    // Add the strongest claim not held; among equals the earliest party gets it.
    let best = 0;
    let bestPriority = nextPriority(weights[0] ?? ZERO, seats[0] ?? 0n);
    for (let i = 1; i < seats.length; i++) {
      const priority = nextPriority(weights[i] ?? ZERO, seats[i] ?? 0n);
      if (compare(priority, bestPriority) > 0) [best, bestPriority] = [i, priority];
    }
    seats[best] = (seats[best] ?? 0n) + 1n;
    assigned += 1n;
  }

  return { amounts: seats.map(Number), divisor: weakestHeldClaim(weights, seats).priority };
}

/**
 * The held claim with the lowest priority (the latest party among equals). Its priority is a
 * divisor at which every amount is weight/divisor rounded to nearest, since every claim not held
 * ranks at or below it.
 */
function weakestHeldClaim(
  weights: readonly Fraction[],
  seats: readonly bigint[],
): { party: number; priority: Fraction } {
  let weakest: { party: number; priority: Fraction } | null = null;
  for (let i = 0; i < seats.length; i++) {
    const s = seats[i] ?? 0n;
    if (s === 0n) continue;
    const priority = nextPriority(weights[i] ?? ZERO, s - 1n);
    if (weakest === null || compare(priority, weakest.priority) <= 0)
      weakest = { party: i, priority };
  }
  if (weakest === null) throw new Error('Intern fejl: ingen kroner at tage fra.');
  return weakest;
}
