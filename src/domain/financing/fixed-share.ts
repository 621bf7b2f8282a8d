import { apportionByDivisor } from './apportion.ts';
import { fraction, type Fraction } from './fraction.ts';

/** A kommune with its population as a series by year (DOMAIN: keep population per year). */
export interface MunicipalityPopulation {
  readonly name: string;
  /** Inhabitants by year, e.g. { 2020: 217075 }; positive integers. */
  readonly populationByYear: Readonly<Record<number, number>>;
}

export interface FixedShareAllocation {
  readonly name: string;
  /** Its inhabitants in the chosen year. */
  readonly population: number;
  /** Its exact population share: population / total population that year. */
  readonly share: Fraction;
  /** Kroner, whole. */
  readonly amount: number;
}

export interface FixedShareResult {
  /** The amount split, whole kroner; equals the sum of the amounts. */
  readonly total: number;
  readonly year: number;
  readonly allocations: readonly FixedShareAllocation[];
  /** The divisor of the rounding (see ROUNDING_RULE_DA); null when the amount is 0. */
  readonly divisor: Fraction | null;
}

/**
 * Splits a yearly fixed amount (objektiv finansiering) among the kommuner by their population
 * in `year`, in whole kroner that sum exactly to `amount`.
 *
 * Rule: kommune k's exact share is pop_k / Σpop for that year; the kroner are rounded by
 * `apportionByDivisor` (Sainte-Laguë/Webster, ties to the earliest kommune in the list), so a
 * smaller amount never makes any kommune pay more.
 *
 * @param amount whole kroner ≥ 0 to split
 * @param year the population year to use (e.g. 2020 for the 2020K1 figures)
 * @param municipalities in the order used for ties; names must differ
 * @throws RangeError with a Danish message when a kommune lacks a positive whole population
 *   for `year`, when the list is empty, or when the amount is not whole kroner ≥ 0
 */
export function splitFixedShare(
  amount: number,
  year: number,
  municipalities: readonly MunicipalityPopulation[],
): FixedShareResult {
  if (municipalities.length === 0) throw new RangeError('Der er ingen kommuner at fordele på.');
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new RangeError(
      `Beløbet skal være et helt antal kroner, 0 eller derover (fik ${amount}).`,
    );
  }
  const populations = municipalities.map((m) => {
    const population = m.populationByYear[year];
    if (population === undefined || !Number.isSafeInteger(population) || population <= 0) {
      throw new RangeError(`${m.name} mangler et befolkningstal over 0 for ${year}.`);
    }
    return population;
  });
  const total = populations.reduce((a, p) => a + BigInt(p), 0n);
  const shares = populations.map((p) => fraction(BigInt(p), total));
  const { amounts, divisor } = apportionByDivisor(shares, amount);
  return {
    total: amount,
    year,
    allocations: municipalities.map((m, i) => ({
      name: m.name,
      population: populations[i] ?? 0,
      share: shares[i] ?? fraction(0n),
      amount: amounts[i] ?? 0,
    })),
    divisor,
  };
}
