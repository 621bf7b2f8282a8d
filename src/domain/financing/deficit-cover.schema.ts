import { z } from 'zod';
// Danish messages for zod's own checks, installed once for every schema.
import '../validation/danish-zod.ts';
import { NO_USAGE_MESSAGE_DA, type DeficitCoverModel } from './deficit-cover.ts';

/** How far the two weights may sum from 1 and still be accepted (then divided by their sum). */
export const WEIGHT_SUM_TOLERANCE = 1e-9;

/** A Danish message naming the field, for a missing value or one of the wrong type. */
function missingOr(label: string, wrongType: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? `${label} mangler.` : `${label} ${wrongType}`;
}

function numberField(label: string) {
  return z.number({ error: missingOr(label, 'skal være et tal.') });
}

function wholeKroner(label: string) {
  return numberField(label)
    .int({ error: `${label} skal være et helt antal kroner.` })
    .min(0, { error: `${label} må ikke være negativt.` });
}

function share(label: string) {
  return numberField(label)
    .min(0, { error: `${label} skal ligge mellem 0 og 1.` })
    .max(1, { error: `${label} skal ligge mellem 0 og 1.` });
}

function text(label: string) {
  return z
    .string({ error: missingOr(label, 'skal være en tekst.') })
    .trim()
    .min(1, { error: `${label} må ikke være tom.` });
}

const municipalitySchema = z.object(
  {
    name: text('Kommunens navn (name)'),
    population: numberField('Befolkningstal (population)')
      .int({ error: 'Befolkningstal (population) skal være et helt tal.' })
      .positive({ error: 'Befolkningstal (population) skal være større end 0.' }),
    usage: z.array(
      numberField('Forbrug (usage)').min(0, { error: 'Forbrug (usage) må ikke være negativt.' }),
      { error: missingOr('Forbrug (usage)', 'skal være en liste med ét beløb i kroner pr. år.') },
    ),
  },
  { error: 'Hver kommune skal være et objekt med name, population og usage.' },
);

/** CONTRACT input of `finance deficit --json`; parses into a `DeficitCoverModel`. */
export const deficitCoverModelSchema = z
  .object(
    {
      deficit: wholeKroner('Underskud (deficit)'),
      threshold: wholeKroner('Grænse (threshold)'),
      operator: text('Driftsherre (operator)'),
      operatorShareAboveThreshold: share(
        'Driftsherrens andel over grænsen (operatorShareAboveThreshold)',
      ),
      weights: z
        .object(
          {
            population: share('Vægt for befolkning (weights.population)'),
            usage: share('Vægt for forbrug (weights.usage)'),
          },
          { error: missingOr('Vægte (weights)', 'skal være et objekt med population og usage.') },
        )
        .superRefine(({ population, usage }, ctx) => {
          if (Math.abs(population + usage - 1) > WEIGHT_SUM_TOLERANCE) {
            ctx.addIssue({
              code: 'custom',
              message: `Vægtene (weights.population + weights.usage) skal summe til 1, men summer til ${population + usage}.`,
            });
          }
        }),
      municipalities: z
        .array(municipalitySchema, {
          error: missingOr('Kommuner (municipalities)', 'skal være en liste.'),
        })
        .min(1, { error: 'Kommuner (municipalities) skal indeholde mindst én kommune.' })
        .superRefine((municipalities, ctx) => {
          const seen = new Map<string, number>();
          municipalities.forEach((m, i) => {
            const first = seen.get(m.name);
            if (first === undefined) seen.set(m.name, i);
            else
              ctx.addIssue({
                code: 'custom',
                path: [i, 'name'],
                message: `Kommunen "${m.name}" (name) står flere gange i listen; første gang som nr. ${first + 1}.`,
              });
          });
        }),
    },
    { error: 'Modellen skal være et JSON-objekt.' },
  )
  .superRefine((model, ctx) => {
    // Only reached when every field is valid on its own: it needs weights and usage together.
    const anyUsage = model.municipalities.some((m) => m.usage.some((u) => u > 0));
    if (model.weights.usage > 0 && !anyUsage) {
      ctx.addIssue({ code: 'custom', path: ['municipalities'], message: NO_USAGE_MESSAGE_DA });
    }
  });

/** One bad field: a dotted path into the input ("municipalities.2.population", "" for the whole). */
export interface FieldError {
  path: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/**
 * Validates untrusted input (parsed JSON) as a deficit-cover model. Returns the model or every
 * bad field with a Danish message, for the CLI and for HTTP 400 bodies alike.
 */
export function parseDeficitCoverModel(input: unknown): ParseResult<DeficitCoverModel> {
  const result = deficitCoverModelSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: toFieldErrors(result.error) };
}

/** Flattens zod issues to {path, message}, in the order zod found them. */
export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}
