// The financing rules (DOMAIN "Money"): deficit cover and fixed-share financing, in whole kroner.
export { apportionByDivisor, ROUNDING_RULE_DA, type Apportionment } from './apportion.ts';
export {
  allocateDeficit,
  KEY_DECIMALS,
  NO_USAGE_MESSAGE_DA,
  toDeficitCoverJson,
  type DeficitCoverJson,
  type DeficitCoverModel,
  type DeficitCoverResult,
  type MunicipalityAllocation,
  type MunicipalityInput,
  type OperatorAllocation,
} from './deficit-cover.ts';
export {
  deficitCoverModelSchema,
  parseDeficitCoverModel,
  toFieldErrors,
  WEIGHT_SUM_TOLERANCE,
  type FieldError,
  type ParseResult,
} from './deficit-cover.schema.ts';
export {
  splitFixedShare,
  type FixedShareAllocation,
  type FixedShareResult,
  type MunicipalityPopulation,
} from './fixed-share.ts';
export { toNumber, toRoundedNumber, type Fraction } from './fraction.ts';
