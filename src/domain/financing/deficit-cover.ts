import { apportionByDivisor } from './apportion.ts';
import {
  add,
  div,
  fraction,
  fromNumber,
  mul,
  ONE,
  sub,
  sum,
  toRoundedNumber,
  ZERO,
  type Fraction,
} from './fraction.ts';

/** A deficit-cover model (underskudsdækning) as CONTRACT `finance deficit --json` reads it. */
export interface DeficitCoverModel {
  /** The year's deficit, whole kroner ≥ 0. */
  readonly deficit: number;
  /** Kroner the operator carries alone before anything is shared, whole kroner ≥ 0. */
  readonly threshold: number;
  /** The operator's name (driftsherre), e.g. "Region Nordjylland". */
  readonly operator: string;
  /** The operator's share of the part above the threshold, 0–1. */
  readonly operatorShareAboveThreshold: number;
  /** How the kommuner's key mixes population share and usage share; they sum to 1. */
  readonly weights: { readonly population: number; readonly usage: number };
  readonly municipalities: readonly MunicipalityInput[];
}

export interface MunicipalityInput {
  readonly name: string;
  /** Inhabitants, a positive integer. */
  readonly population: number;
  /** Purchases of the offer in kroner, one number per year of the chosen period. */
  readonly usage: readonly number[];
}

/** One kommune's line in the allocation, exact shares for the UI. */
export interface MunicipalityAllocation {
  readonly name: string;
  readonly population: number;
  /** Sum of its usage over the period, kroner, exact. */
  readonly usage: Fraction;
  readonly populationShare: Fraction;
  /** Zero for all when the usage weight is 0 and nobody used the offer. */
  readonly usageShare: Fraction;
  /** w_pop × populationShare + w_use × usageShare: its share of the kommuner's part. */
  readonly municipalShare: Fraction;
  /** (1 − operator share) × municipalShare: its share of the part above the threshold. */
  readonly key: Fraction;
  /** Kroner of the threshold part: always 0 for a kommune, kept for a uniform table. */
  readonly thresholdPart: number;
  /** Kroner of the part above the threshold, after rounding. */
  readonly partAbove: number;
  /** Kroner in all. */
  readonly amount: number;
}

export interface OperatorAllocation {
  readonly name: string;
  /** Its share of the part above the threshold. */
  readonly key: Fraction;
  readonly thresholdPart: number;
  readonly partAbove: number;
  readonly amount: number;
}

export interface DeficitCoverResult {
  /** The deficit, whole kroner; equals the sum of every amount. */
  readonly total: number;
  /** Kroner up to the threshold, all on the operator. */
  readonly thresholdPart: number;
  /** Kroner above the threshold, split by key. */
  readonly partAbove: number;
  readonly operator: OperatorAllocation;
  readonly municipalities: readonly MunicipalityAllocation[];
  /** The divisor of the rounding (see ROUNDING_RULE_DA); null when nothing lies above. */
  readonly divisor: Fraction | null;
}

/**
 * Allocates a deficit (underskudsdækning) between the operator and the kommuner, in whole kroner.
 *
 * Rule (DOMAIN "Money"): up to `threshold` the operator pays alone. Of the part above it the
 * operator's key is `operatorShareAboveThreshold` = s, and kommune k's key is
 * (1 − s) × (w_pop × pop_k / Σpop + w_use × use_k / Σuse), use_k being its summed usage. Keys are
 * exact fractions; the part above is then rounded to whole kroner by `apportionByDivisor`, with
 * the operator first and the kommuner in input order for ties. The amounts sum to `deficit`.
 *
 * Weights are divided by their sum, so 0.3 + 0.7000000001 behaves as intended. If the usage weight
 * is above 0 and no kommune used the offer, the usage share is undefined and this throws (the
 * schema reports it first): the model must then be changed by the people who own it, not guessed.
 *
 * @param model a validated model (see `parseDeficitCoverModel`)
 * @returns amounts in whole kroner per party, with the exact keys behind them
 */
export function allocateDeficit(model: DeficitCoverModel): DeficitCoverResult {
  const thresholdPart = Math.min(model.deficit, model.threshold);
  const partAbove = model.deficit - thresholdPart;
  const operatorKey = fromNumber(model.operatorShareAboveThreshold);
  const shares = computeMunicipalShares(model);
  const keys = shares.map((s) => mul(sub(ONE, operatorKey), s.municipalShare));
  const { amounts, divisor } = apportionByDivisor([operatorKey, ...keys], partAbove);

  const operatorAbove = amounts[0] ?? 0;
  return {
    total: model.deficit,
    thresholdPart,
    partAbove,
    operator: {
      name: model.operator,
      key: operatorKey,
      thresholdPart,
      partAbove: operatorAbove,
      amount: thresholdPart + operatorAbove,
    },
    municipalities: shares.map((share, i) => {
      const above = amounts[i + 1] ?? 0;
      return { ...share, key: keys[i] ?? ZERO, thresholdPart: 0, partAbove: above, amount: above };
    }),
    divisor,
  };
}

type MunicipalShares = Pick<
  MunicipalityAllocation,
  'name' | 'population' | 'usage' | 'populationShare' | 'usageShare' | 'municipalShare'
>;

function computeMunicipalShares(model: DeficitCoverModel): MunicipalShares[] {
  const populationWeight = fromNumber(model.weights.population);
  const usageWeight = fromNumber(model.weights.usage);
  const weightSum = add(populationWeight, usageWeight);
  if (weightSum.num === 0n) throw new RangeError('Vægtene for befolkning og forbrug summer til 0.');

  const usages = model.municipalities.map((m) => sum(m.usage.map(fromNumber)));
  const usageTotal = sum(usages);
  if (usageTotal.num === 0n && usageWeight.num !== 0n) throw new RangeError(NO_USAGE_MESSAGE_DA);
  const populationTotal = model.municipalities.reduce((a, m) => a + BigInt(m.population), 0n);
  if (populationTotal === 0n) throw new RangeError('Kommunernes samlede befolkning er 0.');

  return model.municipalities.map((m, i) => {
    const usage = usages[i] ?? ZERO;
    const populationShare = fraction(BigInt(m.population), populationTotal);
    const usageShare = usageTotal.num === 0n ? ZERO : div(usage, usageTotal);
    const municipalShare = div(
      add(mul(populationWeight, populationShare), mul(usageWeight, usageShare)),
      weightSum,
    );
    return {
      name: m.name,
      population: m.population,
      usage,
      populationShare,
      usageShare,
      municipalShare,
    };
  });
}

/** Why a model with a usage weight but no usage at all is refused. */
export const NO_USAGE_MESSAGE_DA =
  'Ingen kommune har forbrug i perioden, så forbrugsandelen kan ikke beregnes. ' +
  'Angiv forbruget, eller sæt vægten for forbrug til 0 og befolkning til 1.';

/** CONTRACT `finance deficit --json` output. */
export interface DeficitCoverJson {
  total: number;
  allocations: { party: string; key: number; amount: number }[];
}

/** Digits of `key` in the JSON, as in the CONTRACT example (0.03847). */
export const KEY_DECIMALS = 5;

/**
 * The CONTRACT JSON: operator first, then kommuner in input order. `key` is the exact share of
 * the part above the threshold rounded half up to 5 decimals for display only; `amount` is
 * whole kroner and the amounts sum exactly to `total`.
 */
export function toDeficitCoverJson(result: DeficitCoverResult): DeficitCoverJson {
  const parties = [result.operator, ...result.municipalities];
  return {
    total: result.total,
    allocations: parties.map((p) => ({
      party: p.name,
      key: toRoundedNumber(p.key, KEY_DECIMALS),
      amount: p.amount,
    })),
  };
}
