/** Follow-ups: list (per committee, per status), create from an item's decision, set status. */
import { Hono } from 'hono';
import { NotFoundError } from '../../domain/errors.ts';
import {
  FOLLOW_UP_STATUS_LABEL,
  FOLLOW_UP_STATUSES,
  isSecretariat,
  type Viewer,
} from '../../domain/meetings/index.ts';
import type { FollowUpRow } from '../../db/repositories/follow-up.repository.ts';
import { requireEditor } from '../../services/meeting.service.ts';
import type { Services } from '../../services/index.ts';
import type { AppEnv } from '../context.ts';
import { id, oneOf } from '../schemas/fields.ts';
import { followUpSchema, followUpStatusSchema } from '../schemas/meeting.schema.ts';
import { idParam, QueryReader, readBody, withReferences } from './input.ts';
import { presentFollowUp } from './presenters.ts';

export const followUpApi = new Hono<AppEnv>();

/**
 * Drops follow-ups whose item the viewer may not see (a closed item of a committee the member
 * is not in): their text and the item's title would reveal the closed item.
 */
async function visibleTo(
  services: Services,
  viewer: Viewer,
  rows: FollowUpRow[],
): Promise<FollowUpRow[]> {
  if (isSecretariat(viewer)) return rows;
  const seen = new Map<number, boolean>();
  const out: FollowUpRow[] = [];
  for (const row of rows) {
    if (row.itemId !== null && !seen.has(row.itemId)) {
      const visible = await services.meetings.item(viewer, row.itemId).then(
        () => true,
        (error: unknown) => {
          if (error instanceof NotFoundError) return false;
          throw error;
        },
      );
      seen.set(row.itemId, visible);
    }
    if (row.itemId === null || seen.get(row.itemId) === true) out.push(row);
  }
  return out;
}

followUpApi.get('/follow-ups', async (c) => {
  const services = c.get('services');
  const viewer = c.get('viewer');
  const q = new QueryReader(c);
  const filter = {
    committeeId: q.optional('committee', id('Angiv udvalget som et id (et positivt heltal).')),
    status: q.optional('status', oneOf(FOLLOW_UP_STATUSES, FOLLOW_UP_STATUS_LABEL)),
  };
  q.done();
  const rows = await services.followUps.list(viewer, filter);
  return c.json({ followUps: (await visibleTo(services, viewer, rows)).map(presentFollowUp) });
});

followUpApi.post('/items/:id/follow-ups', async (c) => {
  const { meetings, followUps } = c.get('services');
  const viewer = c.get('viewer');
  requireEditor(viewer);
  const itemId = idParam(c, 'id', 'Punktet');
  await meetings.item(viewer, itemId);
  const data = await readBody(c, followUpSchema);
  const created = await withReferences(followUps.create(viewer, itemId, data));
  return c.json(presentFollowUp(created), 201);
});

followUpApi.put('/follow-ups/:id/status', async (c) => {
  const { followUps } = c.get('services');
  const viewer = c.get('viewer');
  requireEditor(viewer);
  const followUpId = idParam(c, 'id', 'Opfølgningen');
  // The service has no single read; without this an unknown id would look like a conflict.
  const find = async () => (await followUps.list(viewer, {})).find((f) => f.id === followUpId);
  if ((await find()) === undefined) throw new NotFoundError('Opfølgningen findes ikke.');
  const data = await readBody(c, followUpStatusSchema);
  await followUps.setStatus(viewer, followUpId, data.version, data.status);
  const updated = await find();
  if (updated === undefined) throw new NotFoundError('Opfølgningen findes ikke.');
  return c.json(presentFollowUp(updated));
});
