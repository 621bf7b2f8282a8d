/**
 * Items: add, read, edit, move, delete, record a decision (or correct it once the minutes are
 * approved), written procedure and its answers. Closed items the viewer may not see are 404.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { NotFoundError } from '../../domain/errors.ts';
import { canEdit, isLocked, type Viewer } from '../../domain/meetings/index.ts';
import { requireEditor } from '../../services/meeting.service.ts';
import type { AppEnv } from '../context.ts';
import { version } from '../schemas/fields.ts';
import {
  correctionSchema,
  decisionSchema,
  itemSchema,
  itemUpdateSchema,
  writtenProcedureSchema,
  writtenResponseSchema,
} from '../schemas/meeting.schema.ts';
import { idParam, readBody, validate, withReferences, type ApiContext } from './input.ts';
import { presentItem, presentWrittenResponse } from './presenters.ts';

export const itemApi = new Hono<AppEnv>();

export const moveSchema = z.object({
  direction: z.enum(['up', 'down'], { error: 'Angiv retningen som "up" (op) eller "down" (ned).' }),
});

/** The item as the viewer may see it: 404 when it does not exist or is closed to the viewer. */
async function itemJson(c: ApiContext, viewer: Viewer, itemId: number) {
  const { meetings } = c.get('services');
  const { item, meeting } = await meetings.item(viewer, itemId);
  const doc = await meetings.document(viewer, meeting.id);
  const shown = doc.items.find((i) => i.id === item.id);
  if (shown === undefined || shown.hidden) throw new NotFoundError('Punktet findes ikke.');
  const viewers = canEdit(viewer) ? await meetings.namedViewers(viewer, item.id) : null;
  return presentItem(shown, item, viewers);
}

itemApi.post('/meetings/:id/items', async (c) => {
  const { meetings } = c.get('services');
  const viewer = c.get('viewer');
  requireEditor(viewer);
  const meetingId = idParam(c, 'id', 'Mødet');
  await meetings.meetingRow(viewer, meetingId);
  const data = await readBody(c, itemSchema);
  const item = await meetings.addItem(viewer, meetingId, data);
  return c.json(await itemJson(c, viewer, item.id), 201);
});

itemApi.get('/items/:id', async (c) =>
  c.json(await itemJson(c, c.get('viewer'), idParam(c, 'id', 'Punktet'))),
);

itemApi.put('/items/:id', async (c) => {
  const { meetings } = c.get('services');
  const viewer = c.get('viewer');
  requireEditor(viewer);
  const itemId = idParam(c, 'id', 'Punktet');
  await meetings.item(viewer, itemId);
  const data = await readBody(c, itemUpdateSchema);
  await meetings.updateItem(viewer, itemId, data.version, data);
  return c.json(await itemJson(c, viewer, itemId));
});

itemApi.post('/items/:id/move', async (c) => {
  const { meetings } = c.get('services');
  const viewer = c.get('viewer');
  requireEditor(viewer);
  const itemId = idParam(c, 'id', 'Punktet');
  await meetings.item(viewer, itemId);
  const data = await readBody(c, moveSchema);
  await meetings.moveItem(viewer, itemId, data.direction);
  return c.json(await itemJson(c, viewer, itemId));
});

itemApi.delete('/items/:id', async (c) => {
  const { meetings } = c.get('services');
  const viewer = c.get('viewer');
  requireEditor(viewer);
  const itemId = idParam(c, 'id', 'Punktet');
  await meetings.item(viewer, itemId);
  const data = validate(z.object({ version }), { version: c.req.query('version') });
  await meetings.deleteItem(viewer, itemId, data.version);
  return c.body(null, 204);
});

/** Before approval the decision is simply recorded; after, it is a correction with a reason. */
itemApi.put('/items/:id/decision', async (c) => {
  const { meetings } = c.get('services');
  const viewer = c.get('viewer');
  requireEditor(viewer);
  const itemId = idParam(c, 'id', 'Punktet');
  const { meeting } = await meetings.item(viewer, itemId);
  if (isLocked(meeting)) {
    const data = await readBody(c, correctionSchema);
    await meetings.correctDecision(viewer, itemId, data.version, data, data.reason, viewer.userId);
  } else {
    const data = await readBody(c, decisionSchema);
    await meetings.recordDecision(viewer, itemId, data.version, data);
  }
  return c.json(await itemJson(c, viewer, itemId));
});

itemApi.post('/items/:id/written-procedure', async (c) => {
  const { meetings } = c.get('services');
  const viewer = c.get('viewer');
  requireEditor(viewer);
  const itemId = idParam(c, 'id', 'Punktet');
  await meetings.item(viewer, itemId);
  const data = await readBody(c, writtenProcedureSchema);
  await meetings.startWrittenProcedure(viewer, itemId, data.deadline);
  return c.json(await itemJson(c, viewer, itemId));
});

itemApi.post('/items/:id/written-responses', async (c) => {
  const { meetings } = c.get('services');
  const viewer = c.get('viewer');
  requireEditor(viewer);
  const itemId = idParam(c, 'id', 'Punktet');
  const { item } = await meetings.item(viewer, itemId);
  const data = await readBody(c, writtenResponseSchema);
  await withReferences(meetings.addWrittenResponse(viewer, itemId, data));
  const responses = (await meetings.writtenResponses(item.meetingId)).filter(
    (r) => r.itemId === itemId,
  );
  return c.json(
    {
      itemId,
      writtenProcedureDeadline: item.writtenProcedureDeadline,
      responses: responses.map(presentWrittenResponse),
    },
    201,
  );
});
