/** Input for the agreement and its plan: shared by the forms and the API. */
import { z } from 'zod';
import {
  ACTIVITY_STATUS_LABEL,
  ACTIVITY_STATUSES,
  PLAN_PERIOD_LABEL,
  PLAN_PERIODS,
} from '../../domain/plan/index.ts';
import { oneOf, optionalId, optionalText, text, version } from './fields.ts';

/** A whole number within bounds, from a form string or a JSON number. */
const wholeNumber = (min: number, max: number, message: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : v),
    z.number({ error: message }).int(message).min(min, message).max(max, message),
  );

const year = (message: string) => wholeNumber(2000, 2100, message);

export const agreementSchema = z.object({
  name: text(200, 'Skriv aftalens navn, fx Rammeaftale 2021-2022.'),
  periodStart: year('Skriv startåret med fire cifre, fx 2021.'),
  periodEnd: year('Skriv slutåret med fire cifre, fx 2022.'),
  vision: optionalText(8000),
});
export const agreementUpdateSchema = agreementSchema.extend({ version });

export const focusAreaSchema = z.object({
  number: wholeNumber(1, 99, 'Skriv fokusområdets nummer, fx 1.'),
  title: text(300, 'Skriv fokusområdets titel.'),
  description: optionalText(8000),
});
export const focusAreaUpdateSchema = focusAreaSchema.extend({ version });

export const initiativeSchema = z.object({
  code: text(10, 'Skriv initiativets kode, fx 1A.'),
  title: text(300, 'Skriv initiativets titel.'),
  description: optionalText(8000),
  committeeId: optionalId,
});
export const initiativeUpdateSchema = initiativeSchema.extend({ version });

export const activitySchema = z.object({
  year: year('Skriv året med fire cifre, fx 2021.'),
  period: oneOf(PLAN_PERIODS, PLAN_PERIOD_LABEL),
  title: text(300, 'Skriv hvad der skal ske.'),
  status: z.preprocess(
    (v) => (v === undefined || v === '' ? 'planned' : v),
    oneOf(ACTIVITY_STATUSES, ACTIVITY_STATUS_LABEL),
  ),
  committeeId: optionalId,
  itemId: optionalId,
  note: optionalText(4000),
});
export const activityUpdateSchema = activitySchema.extend({ version });

export const deleteSchema = z.object({ version });
