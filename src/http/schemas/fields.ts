/**
 * Field helpers shared by forms and the JSON API: forms send strings, the API may send numbers
 * or null; both go through the same schema and get the same Danish messages.
 */
import { z } from 'zod';
// Danish messages for zod's own checks, installed once for every schema.
import '../../domain/validation/danish-zod.ts';
import type { FieldErrors } from '../../domain/errors.ts';

export const UNSTORABLE =
  'Teksten indeholder et tegn, der ikke kan gemmes (et nul-tegn eller et halvt tegn); fjern det og prøv igen.';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * PostgreSQL refuses the NUL character in text, and a lone UTF-16 surrogate (half of an emoji,
 * from a cut-off paste) would be stored as "�": both are refused with a sentence instead.
 */
export const storable = (s: string) => !s.includes('\u0000') && !LONE_SURROGATE.test(s);

/** Trimmed text; empty allowed unless `required` gives the message for a missing value. */
export const text = (max: number, required?: string) =>
  z
    .string({
      // A missing field reads like an empty one: "Skriv punktets titel.", not a type error.
      error: (issue) =>
        issue.input === undefined && required !== undefined ? required : 'Skal være tekst.',
    })
    .refine(storable, UNSTORABLE)
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .pipe(
      required === undefined
        ? z.string().max(max, `Højst ${max} tegn.`)
        : z.string().min(1, required).max(max, `Højst ${max} tegn.`),
    );

export const optionalText = (max: number) =>
  z.preprocess((v) => (v === undefined || v === null ? '' : v), text(max));

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Accepts "2021-01-20" and the Danish "20.01.2021" / "20-01-2021" / "20/1 2021". */
export function toIsoDate(value: string): string | null {
  const s = value.trim();
  if (validDate(s)) return s;
  const m = /^(\d{1,2})[./-](\d{1,2})[./ -](\d{4})$/.exec(s);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]?.padStart(2, '0')}-${m[1]?.padStart(2, '0')}`;
  return validDate(iso) ? iso : null;
}

export const date = (required: string) =>
  z.string({ error: required }).transform((s, ctx) => {
    if (s.trim() === '') {
      ctx.addIssue({ code: 'custom', message: required });
      return z.NEVER;
    }
    const iso = toIsoDate(s);
    if (iso === null) {
      ctx.addIssue({ code: 'custom', message: 'Skriv datoen som dd.mm.åååå, fx 20.01.2021.' });
      return z.NEVER;
    }
    return iso;
  });

export const optionalDate = z.preprocess(
  (v) => (v === undefined || v === null || v === '' ? null : v),
  z.union([z.null(), date('Skriv en dato.')]),
);

/** "13:00", "13.00" or "1300" → "13:00"; empty → null. */
export const optionalTime = z.preprocess(
  (v) => (v === undefined || v === null || v === '' ? null : v),
  z.union([
    z.null(),
    z.string().transform((s, ctx) => {
      const m = /^(\d{1,2})[:.]?(\d{2})$/.exec(s.trim());
      const h = Number(m?.[1]);
      const min = Number(m?.[2]);
      if (!m || h > 23 || min > 59) {
        ctx.addIssue({ code: 'custom', message: 'Skriv tidspunktet som tt.mm, fx 13.00.' });
        return z.NEVER;
      }
      return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
    }),
  ]),
);

/** The largest value of PostgreSQL's integer columns: a larger id or version names nothing. */
export const MAX_INT = 2_147_483_647;

export const id = (message: string) =>
  z.coerce.number({ error: message }).int(message).positive(message).max(MAX_INT, message);

export const optionalId = z.preprocess(
  (v) => (v === undefined || v === null || v === '' ? null : v),
  z.union(
    [
      z.null(),
      z.coerce
        .number({ error: 'Vælg en værdi fra listen.' })
        .int('Vælg en værdi fra listen.')
        .positive('Vælg en værdi fra listen.')
        .max(MAX_INT, 'Vælg en værdi fra listen.'),
    ],
    {
      error: 'Vælg en værdi fra listen.',
    },
  ),
);

export const version = z.coerce
  .number({ error: 'Versionsnummeret mangler; genindlæs siden.' })
  .int('Versionsnummeret mangler; genindlæs siden.')
  .positive('Versionsnummeret mangler; genindlæs siden.')
  .max(MAX_INT, 'Versionsnummeret mangler; genindlæs siden.');

/** One of the codes, with a Danish message naming the choices. */
export const oneOf = <const T extends readonly [string, ...string[]]>(
  values: T,
  labels: Record<T[number], string>,
) =>
  z.enum(values, { error: `Vælg en af: ${values.map((v: T[number]) => labels[v]).join(', ')}.` });

/** Lines of a textarea (or an array from the API) → non-empty trimmed strings. */
export const lines = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(/\r?\n/) : (v ?? [])),
  z
    .array(z.string().max(2000, 'Højst 2000 tegn pr. punkt.').refine(storable, UNSTORABLE))
    .transform((a) =>
      a.map((s) => s.replace(/^\s*(?:[-•*]|\d+[.)])\s*/, '').trim()).filter((s) => s !== ''),
    ),
);

/** Flattens zod issues to { field: message }, first message per field. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    out[key] ??= issue.message;
  }
  return out;
}
