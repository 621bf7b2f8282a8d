/**
 * GET /api/audit: the audit trail, for the secretariat only (the before and after of closed items
 * are in it). Filters as on the Logbog page: `table`, `actor` (a user id, or kommandolinje /
 * ikke logget ind / system), `from` and `to` (days, Danish time, both included), `object` (the
 * row's key) and `limit` (1-200, default 50) / `offset`. Newest first.
 */
import { Hono } from 'hono';
import { AUDITED_TABLE_NAMES, NON_USER_ACTORS } from '../../domain/audit/index.ts';
import { ValidationError } from '../../domain/errors.ts';
import { auditService } from '../../services/audit.service.ts';
import type { AppEnv } from '../context.ts';
import { parseAuditQuery } from '../schemas/audit.schema.ts';
import type { RouteDoc } from './openapi.ts';
import { intParam } from './search.ts';

export const auditApi = new Hono<AppEnv>();

auditApi.get('/audit', async (c) => {
  const service = auditService(c.get('services').db);
  const viewer = c.get('viewer');
  // Refuse first, so a member or visitor learns nothing from the validation either.
  service.requireAccess(viewer);
  const query = parseAuditQuery(c.req.query());
  const errors = { ...query.errors };
  const limit = intParam(c.req.query('limit'), 50, 1, 200);
  const offset = intParam(c.req.query('offset'), 0, 0, 10_000_000);
  if (limit === null) errors.limit = 'limit skal være et helt tal fra 1 til 200.';
  if (offset === null) errors.offset = 'offset skal være et helt tal fra 0.';
  if (Object.keys(errors).length > 0 || limit === null || offset === null)
    throw new ValidationError(errors, 'Logbogen kunne ikke vises. Ret parametrene.');
  const result = await service.list(viewer, query.filter, { limit, offset });
  return c.json({
    total: result.total,
    limit,
    offset,
    events: result.events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      actor: { userId: e.actorUserId, label: e.actorLabel },
      table: e.table,
      rowKey: e.rowKey,
      operation: e.operation,
      changedColumns: e.changedColumns,
      before: e.before,
      after: e.after,
    })),
  });
});

export const AUDIT_ROUTES: RouteDoc[] = [
  {
    method: 'get',
    path: '/audit',
    tag: 'Logbog',
    summary:
      'Logbogen: hvem ændrede hvad og hvornår, med før og efter (kun sekretariatet), nyeste først',
    query: [
      {
        name: 'table',
        description: 'Kun ændringer af denne type (tabellens navn)',
        schema: { enum: AUDITED_TABLE_NAMES },
      },
      {
        name: 'actor',
        description: `Kun ændringer foretaget af denne bruger (id) eller af ${NON_USER_ACTORS.join(', ')}`,
        schema: { type: 'string' },
      },
      { name: 'from', description: 'Fra og med dagen (dansk tid)', schema: { type: 'string' } },
      { name: 'to', description: 'Til og med dagen (dansk tid)', schema: { type: 'string' } },
      {
        name: 'object',
        description: 'Kun ændringer af posten med denne nøgle (id, fx 12, eller 3/17)',
        schema: { type: 'string' },
      },
      {
        name: 'limit',
        description: 'Højst så mange hændelser (1-200)',
        schema: { type: 'integer' },
      },
      {
        name: 'offset',
        description: 'Spring så mange hændelser over',
        schema: { type: 'integer' },
      },
    ],
    ok: {
      status: 200,
      description: 'Hændelserne og det samlede antal',
      content: 'json',
      schema: 'AuditPage',
    },
    errors: [403],
  },
];
