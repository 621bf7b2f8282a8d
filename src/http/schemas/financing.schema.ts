/**
 * Input for financing models and occupancy: one zod schema for the JSON API, and the form
 * readers that turn the page's Danish text ("1.260.562", "0,25", "2017-2019") into the same
 * shape before it goes through that schema. The deficit model's own rules (shares 0–1, weights
 * summing to 1, population above 0 …) are the domain's (`parseDeficitCoverModel`), checked by
 * the service with its Danish messages per field.
 */
import { z } from 'zod';
import type { FieldErrors } from '../../domain/errors.ts';
import { parseDanishNumber } from '../../domain/occupancy/index.ts';
import { fieldErrors, optionalId, text, version } from './fields.ts';

const PERIOD = /^[0-9]{4}(K[1-4])?$/;

const numberField = (label: string) =>
  z.number({ error: `${label} skal være et tal.` }).finite(`${label} skal være et tal.`);

const kroner = (label: string) =>
  numberField(label)
    .int(`${label} skal være et helt antal kroner.`)
    .min(0, `${label} må ikke være negativt.`)
    .max(Number.MAX_SAFE_INTEGER, `${label} er for stort.`);

export const deficitModelSchema = z.object({
  name: text(200, 'Giv modellen et navn, fx "Underskudsdækning Kvisten 2021".'),
  operator: text(200, 'Vælg driftsherren.'),
  threshold: numberField('Grænsen'),
  operatorShareAboveThreshold: numberField('Driftsherrens andel over grænsen'),
  weights: z.object(
    {
      population: numberField('Vægten for befolkning'),
      usage: numberField('Vægten for forbrug'),
    },
    { error: 'Vægte (weights) skal være et objekt med population og usage.' },
  ),
  populationPeriod: z
    .string({ error: 'Vælg perioden for befolkningstal, fx 2020K1.' })
    .regex(PERIOD, 'Skriv perioden for befolkningstal som fx 2020K1 eller 2020.'),
  usageYears: z
    .array(
      numberField('Forbrugsåret').int('Et forbrugsår skal være et årstal.').min(1990).max(2100),
      {
        error: 'Forbrugsår (usageYears) skal være en liste af årstal.',
      },
    )
    .min(1, 'Angiv mindst ét forbrugsår, fx 2017-2019.')
    .max(20, 'Højst 20 forbrugsår.')
    .refine((ys) => new Set(ys).size === ys.length, 'Et forbrugsår står to gange.'),
  municipalities: z
    .array(
      z.object({
        name: text(200, 'Skriv kommunens navn.'),
        population: numberField('Befolkningstallet'),
        usage: z.array(numberField('Forbruget'), {
          error: 'Forbrug (usage) skal være en liste med ét beløb pr. forbrugsår.',
        }),
      }),
      { error: 'Kommuner (municipalities) skal være en liste.' },
    )
    .max(200, 'Højst 200 kommuner.'),
  exampleDeficit: kroner('Underskuddet i eksemplet'),
  itemId: optionalId,
  offerId: optionalId,
});
export type DeficitModelInput = z.output<typeof deficitModelSchema>;

export const deficitModelUpdateSchema = deficitModelSchema.and(z.object({ version }));

/** Creating from the page: only a name; the rest starts from the defaults. */
export const newDeficitModelSchema = z.object({
  name: text(200, 'Giv modellen et navn, fx "Underskudsdækning Kvisten 2021".'),
});

/** "2017-2019" → [2017, 2018, 2019]; "2017, 2018, 2019" and "2017 2019" as listed. */
export function parseYears(value: string): number[] | null {
  const s = value.trim();
  const range = /^(\d{4})\s*[-–]\s*(\d{4})$/.exec(s);
  if (range) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    if (to < from || to - from >= 20) return null;
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  }
  const parts = s.split(/[\s,;]+/).filter((p) => p !== '');
  if (parts.length === 0 || parts.some((p) => !/^\d{4}$/.test(p))) return null;
  return parts.map(Number);
}

export const formatYears = (years: readonly number[]) => {
  const consecutive = years.every((y, i) => i === 0 || y === (years[i - 1] ?? 0) + 1);
  return consecutive && years.length > 2
    ? `${years[0]}-${years[years.length - 1]}`
    : years.join(', ');
};

const NUMBER_HINT = 'Skriv et tal, fx 1.260.562 eller 0,25.';

/**
 * Reads the deficit model page's form into the API shape. Usage cells are named by index and
 * belong to the years in the hidden `shownYears`. When the user changes the usage years, the
 * figures follow their year (a new year starts at 0) — unless the new years are as many as the
 * old and none in common, which renames the columns (typing 2017-2019 over 2022-2024 keeps the
 * figures just typed in the three columns).
 */

/** Rows of kommuner a model form may carry; the form's hidden count is clamped to it. */
export const MAX_MUNICIPALITIES = 200;

/**
 * The number of kommune rows a posted form says it has, as a whole number 0-200: the hidden field
 * comes back from the browser, and a huge or broken count must not make a page loop for ever.
 */
export function municipalityCount(values: Record<string, string | undefined>): number {
  const n = Math.trunc(Number(values.municipalityCount ?? '0'));
  return Number.isFinite(n) ? Math.min(MAX_MUNICIPALITIES, Math.max(0, n)) : 0;
}

export function readDeficitModelForm(
  values: Record<string, string>,
): { ok: true; value: DeficitModelInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const num = (name: string, emptyAs: number | null = null): number => {
    const raw = values[name] ?? '';
    if (raw.trim() === '' && emptyAs !== null) return emptyAs;
    const n = parseDanishNumber(raw);
    if (n === null) {
      errors[name] ??= raw.trim() === '' ? `Udfyld feltet. ${NUMBER_HINT}` : NUMBER_HINT;
      return NaN;
    }
    return n;
  };
  const usageYears = parseYears(values.usageYears ?? '');
  if (usageYears === null) {
    errors.usageYears = 'Skriv forbrugsårene som fx 2017-2019 eller 2017, 2018, 2019.';
  }
  const shownYears = parseYears(values.shownYears ?? '') ?? usageYears ?? [];
  const years = usageYears ?? shownYears;
  // Same number of years and none in common (2022-2024 → 2017-2019): the columns are renamed.
  const relabel = years.length === shownYears.length && !years.some((y) => shownYears.includes(y));
  const count = municipalityCount(values);
  const municipalities = Array.from({ length: count }, (_, i) => {
    const p = `municipalities.${i}`;
    const shown = shownYears.map((_, j) => num(`${p}.usage.${j}`, 0));
    const byYear = new Map(shownYears.map((y, j) => [y, shown[j] ?? 0]));
    return {
      name: values[`${p}.name`] ?? '',
      population: num(`${p}.population`),
      usage: relabel ? shown : years.map((y) => byYear.get(y) ?? 0),
    };
  });
  const input = {
    name: values.name ?? '',
    operator: values.operator ?? '',
    threshold: num('threshold'),
    operatorShareAboveThreshold: num('operatorShareAboveThreshold'),
    weights: { population: num('weights.population'), usage: num('weights.usage') },
    populationPeriod: values.populationPeriod ?? '',
    usageYears: years,
    municipalities,
    exampleDeficit: num('exampleDeficit'),
    itemId: values.itemId ?? '',
    offerId: values.offerId ?? '',
  };
  const parsed = deficitModelSchema.safeParse(input);
  if (!parsed.success) {
    for (const [k, v] of Object.entries(fieldErrors(parsed.error))) errors[k] ??= v;
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}

/** The fixed-share page's GET form: an amount in kroner and a population period. */
export function readFixedShareQuery(
  amount: string | undefined,
  period: string | undefined,
): { amount: number | null; period: string | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  let a: number | null = null;
  if (amount !== undefined && amount.trim() !== '') {
    a = parseDanishNumber(amount);
    if (a === null || !Number.isSafeInteger(a) || a < 0) {
      errors.amount = 'Skriv beløbet i hele kroner, fx 136.072.';
      a = null;
    }
  }
  let p: string | null = null;
  if (period !== undefined && period !== '') {
    if (PERIOD.test(period)) p = period;
    else errors.period = 'Vælg en periode for befolkningstal.';
  }
  return { amount: a, period: p, errors };
}

/** Budgeted occupancy typed as a percentage ("95" or "95,5"); empty removes it. */
export const budgetSchema = z.object({
  version,
  budgeted: z.string().transform((s, ctx) => {
    if (s.trim() === '') return null;
    const n = parseDanishNumber(s.replace(/%\s*$/, ''));
    if (n === null || n <= 0 || n > 200) {
      ctx.addIssue({
        code: 'custom',
        message: 'Skriv den budgetterede belægning i procent, fx 95 eller 92,5.',
      });
      return z.NEVER;
    }
    return n / 100;
  }),
});

/** The JSON API's budget body: a fraction (0.95) or null. */
export const budgetApiSchema = z.object({
  version,
  budgetedOccupancy: z.union([
    z.null(),
    z
      .number({ error: 'Budgetteret belægning skal være en brøk, fx 0.95, eller null.' })
      .gt(0, 'Budgetteret belægning skal være over 0.')
      .max(2, 'Budgetteret belægning må højst være 2 (200 %).'),
  ]),
});
