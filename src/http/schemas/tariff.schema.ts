/**
 * Input for tariff reporting. Amounts are Danish kroner text ("12.995,50", "13.491") or, from
 * the API, whole øre as an integer; both become øre. Percentages are Danish text or numbers.
 */
import { z } from 'zod';
import { parseKroner, parsePercent, parseWholeKroner } from '../../domain/offers/index.ts';
import {
  parseDanishDateTime,
  TARIFF_KIND_LABEL,
  TARIFF_KINDS,
  TARIFF_UNIT_LABEL,
  TARIFF_UNITS,
} from '../../domain/tariffs/index.ts';
import { id, oneOf, optionalText, text, version } from './fields.ts';
import { yearField } from './offer.schema.ts';

const AMOUNT_HINT = 'Skriv beløbet i kroner, fx 12.995,50 eller 13.491.';

/** Kroner → øre; `required` gives the message for an empty field, otherwise empty is null. */
function kroner(required?: string) {
  return z
    .union([z.string(), z.number(), z.null(), z.undefined()], { error: AMOUNT_HINT })
    .transform((v, ctx) => {
      if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) {
        if (required === undefined) return null;
        ctx.addIssue({ code: 'custom', message: required });
        return z.NEVER;
      }
      const ore = typeof v === 'number' ? (Number.isSafeInteger(v) ? v : null) : parseKroner(v);
      if (ore === null) {
        ctx.addIssue({ code: 'custom', message: AMOUNT_HINT });
        return z.NEVER;
      }
      if (ore < 0) {
        ctx.addIssue({ code: 'custom', message: 'Beløbet må ikke være negativt.' });
        return z.NEVER;
      }
      return ore;
    });
}

export const amountField = kroner('Skriv taksten.').pipe(z.number());
export const optionalAmount = z.preprocess((v) => v ?? null, kroner());

const percent = (message: string, min: number, max: number) =>
  z.union([z.string(), z.number(), z.null(), z.undefined()]).transform((v, ctx) => {
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return null;
    const h = typeof v === 'number' ? Math.round(v * 100) : parsePercent(v);
    if (h === null || h < min || h > max) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return h;
  });

export const lineSchema = z.object({
  offerId: id('Vælg tilbuddet.'),
  kind: oneOf(TARIFF_KINDS, TARIFF_KIND_LABEL),
  service: text(200, 'Skriv ydelsens navn.'),
  unit: oneOf(TARIFF_UNITS, TARIFF_UNIT_LABEL),
  amount: amountField,
  basisAmount: optionalAmount,
  serviceAmount: optionalAmount,
  occupancy: z.preprocess(
    (v) => v ?? null,
    percent('Belægningsprocenten skal ligge mellem 0 og 100.', 0, 10000),
  ),
  changeReason: optionalText(2000),
});

export const reportSchema = z.object({
  version,
  lines: z.array(lineSchema, { error: 'Send taksterne som en liste.' }),
});

export const submitSchema = z.object({ version });

const dateTime = (required: string) =>
  z.union([z.string(), z.null()]).transform((v, ctx) => {
    if (v === null || v.trim() === '') {
      ctx.addIssue({ code: 'custom', message: required });
      return z.NEVER;
    }
    const at = parseDanishDateTime(v);
    if (at === null) {
      ctx.addIssue({
        code: 'custom',
        message: 'Skriv dato og tid som dd.mm.åååå tt:mm, fx 06.08.2021 10:00.',
      });
      return z.NEVER;
    }
    return at;
  });

const optionalDateTime = z.preprocess(
  (v) => (v === undefined || v === null || v === '' ? null : v),
  z.union([z.null(), dateTime('Skriv dato og tid.')]),
);

export const roundSchema = z.object({
  year: yearField,
  opensAt: dateTime('Skriv hvornår indberetningen åbner.'),
  deadline: dateTime('Skriv fristen (dato og klokkeslæt).'),
  correctionOpensAt: optionalDateTime,
  correctionDeadline: optionalDateTime,
  changeLimit: percent('Skriv grænsen i procent mellem 0 og 100, fx 10.', 0, 10000).transform(
    (v) => v ?? 1000,
  ),
  populationPeriod: z.preprocess(
    (v) => (v === '' || v === undefined ? '2020K1' : v),
    z.string().regex(/^[0-9]{4}(K[1-4])?$/, 'Skriv perioden som fx 2020K1.'),
  ),
});
export const roundUpdateSchema = roundSchema.extend({ version });

export const roundStatusSchema = z.object({
  version,
  status: oneOf(['open', 'closed'], { open: 'åben', closed: 'lukket' }),
});

export const fixedShareSchema = z.object({
  offerId: id('Vælg tilbuddet.'),
  amount: z
    .union([z.string(), z.number()], { error: 'Skriv beløbet i hele kroner.' })
    .transform((v, ctx) => {
      const kr =
        typeof v === 'number'
          ? Number.isSafeInteger(v) && v >= 0
            ? v
            : null
          : parseWholeKroner(v);
      if (kr === null || kr < 0) {
        ctx.addIssue({ code: 'custom', message: 'Skriv beløbet i hele kroner, fx 136.072.' });
        return z.NEVER;
      }
      return kr;
    }),
  note: optionalText(500),
});

export const approveAppendixSchema = z.object({
  version,
  itemId: id('Skriv id på mødepunktet i DAS eller FU, der godkendte takstbilaget.'),
});
