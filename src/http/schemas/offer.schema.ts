/** Input for the offer register: an offer, places, entry/withdrawal events, reinforced status. */
import { z } from 'zod';
import {
  EVENT_KIND_LABEL,
  EVENT_KINDS,
  REINFORCED_LABEL,
  REINFORCED_STATUSES,
} from '../../domain/offers/index.ts';
import {
  date,
  id,
  lines,
  oneOf,
  optionalDate,
  optionalId,
  optionalText,
  text,
  version,
} from './fields.ts';

const checkbox = z.preprocess(
  (v) => v === true || v === 'on' || v === 'true' || v === '1',
  z.boolean(),
);

export const places = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() : v),
  z.coerce
    .number({ error: 'Skriv antal pladser som et helt tal.' })
    .int('Skriv antal pladser som et helt tal.')
    .min(0, 'Antal pladser kan ikke være negativt.')
    .max(100_000, 'Højst 100.000 pladser.'),
);

const lawSection = text(40, 'Skriv paragraffen, fx 108.').transform((s) =>
  s.replace(/^(SEL\s*)?§\s*/i, ''),
);

export const offerSchema = z.object({
  name: text(200, 'Skriv tilbuddets navn.'),
  operatorId: id('Vælg en driftsherre.'),
  address: optionalText(300),
  targetGroups: lines,
  category: z
    .preprocess(
      (v) => (typeof v === 'number' ? String(v) : v === '' ? undefined : v),
      oneOf(['1', '2', '3'], { 1: 'kategori 1', 2: 'kategori 2', 3: 'kategori 3' }),
    )
    .transform((v) => Number(v) as 1 | 2 | 3),
  categoryReason: optionalText(2000),
  equivalentAgreement: checkbox,
  portalId: z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z.union([z.null(), text(40)]),
  ),
  activeFrom: optionalDate,
  activeTo: optionalDate,
});
export type OfferInput = z.infer<typeof offerSchema>;

export const offerCreateSchema = offerSchema.extend({
  section: lawSection,
  subsection: optionalText(40),
  places,
});
export const offerUpdateSchema = offerSchema.extend({ version });

export const placesSchema = z.object({
  version,
  section: lawSection,
  subsection: optionalText(40),
  places,
  validFrom: date('Skriv fra hvilken dato pladserne gælder.'),
});

const year = z.coerce
  .number({ error: 'Skriv et årstal, fx 2022.' })
  .int('Skriv et årstal, fx 2022.')
  .min(2000, 'Skriv et årstal mellem 2000 og 2100.')
  .max(2100, 'Skriv et årstal mellem 2000 og 2100.');
export { year as yearField };

export const eventSchema = z.object({
  version,
  kind: oneOf(EVENT_KINDS, EVENT_KIND_LABEL),
  date: date('Skriv datoen for beslutningen.'),
  effectiveYear: year,
  note: optionalText(2000),
  itemId: optionalId,
});

export const reinforcedSchema = z.object({
  version,
  status: oneOf(REINFORCED_STATUSES, REINFORCED_LABEL),
  validFrom: date('Skriv fra hvilken dato statussen gælder.'),
  note: optionalText(2000),
  recommendationItemId: optionalId,
  decisionItemId: optionalId,
});
