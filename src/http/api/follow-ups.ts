/** Follow-ups: list (per committee, per status), create from an item's decision, set status. */
import { Hono } from 'hono';
import { NotFoundError } from '../../domain/errors.ts';
import { FOLLOW_UP_STATUS_LABEL, FOLLOW_UP_STATUSES } from '../../domain/meetings/index.ts';
import { requireEditor } from '../../services/meeting.service.ts';
import type { AppEnv } from '../context.ts';
import { id, oneOf } from '../schemas/fields.ts';
import { followUpSchema, followUpStatusSchema } from '../schemas/meeting.schema.ts';
import { idParam, QueryReader, readBody, withReferences } from './input.ts';
import { presentFollowUp } from './presenters.ts';

export const followUpApi = new Hono<AppEnv>();

followUpApi.get('/follow-ups', async (c) => {
  const services = c.get('services');
  const viewer = c.get('viewer');
  const q = new QueryReader(c);
  const filter = {
    committeeId: q.optional('committee', id('Angiv udvalget som et id (et positivt heltal).')),
    status: q.optional('status', oneOf(FOLLOW_UP_STATUSES, FOLLOW_UP_STATUS_LABEL)),
  };
  q.done();
  // The service leaves out what the viewer may not see (see followUpService.list).
  const rows = await services.followUps.list(viewer, filter);
  return c.json({ followUps: rows.map(presentFollowUp) });
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
