/** The audit trail's filters, shared by the Logbog page and GET /api/audit. */
import { z } from 'zod';
import { AUDITED_TABLE_NAMES, NON_USER_ACTORS } from '../../domain/audit/index.ts';
import type { AuditFilter } from '../../services/audit.service.ts';
import { date, fieldErrors } from './fields.ts';

const blankToUndefined = (v: unknown) =>
  typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v;

// Not `optionalDate`: its union would answer a bad date with zod's "Invalid input".
const day = z.preprocess(blankToUndefined, date('Skriv en dato.').optional());

const ACTOR_MESSAGE = `Vælg en bruger fra listen (brugerens id) eller en af: ${NON_USER_ACTORS.join(', ')}.`;

export const auditQuerySchema = z
  .object({
    table: z.preprocess(
      blankToUndefined,
      z.enum(AUDITED_TABLE_NAMES, { error: 'Vælg en type fra listen.' }).optional(),
    ),
    actor: z.preprocess(
      blankToUndefined,
      z
        .union(
          [
            z
              .string()
              .regex(/^\d{1,9}$/)
              .transform(Number),
            z.enum(NON_USER_ACTORS as [string, ...string[]]),
          ],
          { error: ACTOR_MESSAGE },
        )
        .optional(),
    ),
    from: day,
    to: day,
    object: z.preprocess(blankToUndefined, z.string().max(100, 'Højst 100 tegn.').optional()),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.to >= q.from, {
    path: ['to'],
    message: 'Til-datoen skal være den samme som eller senere end fra-datoen.',
  });

export const AUDIT_QUERY_FIELDS = ['table', 'actor', 'from', 'to', 'object'] as const;

export interface AuditQuery {
  filter: AuditFilter;
  /** the values as given, for re-showing the form */
  values: Record<(typeof AUDIT_QUERY_FIELDS)[number], string>;
  errors: Record<string, string>;
}

/** Reads the filters from a query string; bad ones are named in `errors` and left out. */
export function parseAuditQuery(query: Record<string, string | undefined>): AuditQuery {
  const values = Object.fromEntries(
    AUDIT_QUERY_FIELDS.map((name) => [name, (query[name] ?? '').trim().slice(0, 200)]),
  ) as AuditQuery['values'];
  const parsed = auditQuerySchema.safeParse(values);
  if (!parsed.success) return { filter: {}, values, errors: fieldErrors(parsed.error) };
  const q = parsed.data;
  const filter: AuditFilter = {};
  if (q.table !== undefined) filter.table = q.table;
  if (q.actor !== undefined) filter.actor = q.actor;
  if (q.from !== undefined) filter.from = q.from;
  if (q.to !== undefined) filter.to = q.to;
  if (q.object !== undefined) filter.rowKey = q.object;
  return { filter, values, errors: {} };
}
