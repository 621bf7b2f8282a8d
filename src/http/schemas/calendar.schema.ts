/** Input for the årshjul's own events. */
import { z } from 'zod';
import { EVENT_KIND_LABEL } from '../../domain/calendar/index.ts';
import {
  date,
  oneOf,
  optionalDate,
  optionalId,
  optionalText,
  optionalTime,
  text,
} from './fields.ts';

const OWN_KINDS = ['event', 'seminar', 'deadline', 'report', 'other'] as const;

const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());

export const annualEventSchema = z
  .object({
    title: text(300, 'Skriv hvad der sker.'),
    kind: oneOf(OWN_KINDS, EVENT_KIND_LABEL),
    date: date('Skriv datoen.'),
    endDate: optionalDate,
    startTime: optionalTime,
    endTime: optionalTime,
    place: optionalText(300),
    description: optionalText(4000),
    committeeId: optionalId,
    internal: checkbox,
    recurringYearly: checkbox,
  })
  .refine(
    (e) => typeof e.endDate !== 'string' || typeof e.date !== 'string' || e.endDate >= e.date,
    {
      path: ['endDate'],
      message: 'Slutdatoen skal ligge efter startdatoen.',
      when: () => true,
    },
  );
