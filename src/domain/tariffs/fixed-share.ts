/**
 * Fixed-share financing (objektiv finansiering) of an offer: its yearly amount split among the
 * kommuner by population of a chosen period, with the financing domain's divisor rounding.
 */
import { splitFixedShare, type FixedShareResult } from '../financing/index.ts';

export const POPULATION_PERIOD = /^([0-9]{4})(K[1-4])?$/;

/**
 * @param amount whole kroner
 * @param period e.g. "2020K1"; the figures given are that period's
 */
export function splitByPopulation(
  amount: number,
  period: string,
  populations: readonly { name: string; count: number }[],
): FixedShareResult {
  const m = POPULATION_PERIOD.exec(period);
  if (!m) throw new RangeError(`Ukendt befolkningsperiode: ${period}`);
  const year = Number(m[1]);
  return splitFixedShare(
    amount,
    year,
    populations.map((p) => ({ name: p.name, populationByYear: { [year]: p.count } })),
  );
}
