/**
 * The publishing guard in the API: publish actions take `confirmFindings`, and a refusal answers
 * 409 with the findings, so a client can show them and send again with `confirmFindings: true`.
 */
import { z } from 'zod';
import { PublishingFindingsError } from '../../domain/privacy/index.ts';
import { version } from '../schemas/fields.ts';
import type { ApiContext } from './input.ts';

export const publishSchema = z.object({
  version,
  // Left out (read as "") means false; anything but a boolean is refused.
  confirmFindings: z
    .preprocess(
      (v) => (v === '' ? false : v),
      z.boolean({ error: 'Angiv confirmFindings som true eller false.' }),
    )
    .describe(
      'true: offentliggør trods fund af CPR-numre eller tabeller med borgere (efter gennemgang)',
    ),
});

/** Runs a publish; a refusal for findings becomes 409 { error, findings }. */
export async function publishing(c: ApiContext, run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof PublishingFindingsError)
      return c.json({ error: e.message, findings: e.findings }, 409);
    throw e;
  }
}

const str = { type: 'string' };
/** OpenAPI schema of the 409 answer (components: PublishingFindings). */
export const PUBLISHING_FINDINGS_SCHEMA = {
  type: 'object',
  required: ['error', 'findings'],
  properties: {
    error: { ...str, description: 'En dansk sætning med antallet af fund' },
    findings: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kind', 'text', 'rule', 'where'],
        properties: {
          kind: { type: 'string', enum: ['cpr', 'citizen-table'] },
          text: {
            ...str,
            description: 'CPR-nummeret maskeret (DDMMÅÅ-XXXX) eller tabellens rækker og kolonner',
          },
          rule: { type: ['string', 'null'], enum: ['modulus-11', 'without-modulus-11', null] },
          where: {
            type: 'object',
            required: ['item', 'source', 'line'],
            properties: {
              item: {
                type: ['object', 'null'],
                properties: { number: { type: 'integer' }, title: str },
              },
              source: { ...str, description: 'Feltet eller bilaget' },
              line: { type: 'integer', minimum: 1 },
            },
          },
        },
      },
    },
  },
};
