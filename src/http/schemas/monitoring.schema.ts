/**
 * Input for the monitoring model: a year's note (level 4) and a function's mapping to an area of
 * effort, for forms and the JSON API alike.
 */
import { z } from 'zod';
import { optionalText, text } from './fields.ts';

/** Version 0 creates the year's note. */
const noteVersion = z.coerce
  .number({ error: 'Versionsnummeret mangler; genindlæs siden.' })
  .int('Versionsnummeret mangler; genindlæs siden.')
  .min(0, 'Versionsnummeret mangler; genindlæs siden.');

export const monitoringYear = z.coerce
  .number({ error: 'Angiv året som fx 2024.' })
  .int('Angiv året som fx 2024.')
  .min(1900, 'Angiv året som fx 2024.')
  .max(2200, 'Angiv året som fx 2024.');

export const monitoringNoteSchema = z.object({
  year: monitoringYear,
  version: noteVersion,
  text: optionalText(20000),
});

export const monitoringFunctionSchema = z.object({
  version: z.coerce
    .number({ error: 'Versionsnummeret mangler; genindlæs siden.' })
    .int()
    .positive('Versionsnummeret mangler; genindlæs siden.'),
  name: text(300, 'Skriv funktionens navn.'),
  effortCode: z.preprocess(
    (v) => (v === undefined || v === '' ? null : v),
    z.union([z.null(), z.string({ error: 'Vælg et indsatsområde fra listen.' })]),
  ),
  sections: optionalText(300),
  note: optionalText(2000),
});
