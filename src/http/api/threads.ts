/**
 * GET /api/threads and GET /api/threads/:id: case threads as the viewer may see them, in the
 * CONTRACT shape `{ id, title, items: [{ date, committee, number, title }] }` (id a string, items
 * in date order), each item also carrying `itemId`, `meetingId` and `decisionExcerpt` (null when
 * the viewer may not see the decision yet).
 */
import { Hono } from 'hono';
import { threadById } from '../../services/archive-ui.service.ts';
import { listThreads, type ThreadView } from '../../services/thread.service.ts';
import type { AppEnv } from '../context.ts';

export function threadJson(t: ThreadView) {
  return {
    id: String(t.id),
    title: t.title,
    items: t.items.map((i) => ({
      date: i.date,
      committee: i.committee,
      number: i.number,
      title: i.title,
      itemId: i.itemId,
      meetingId: i.meetingId,
      decisionExcerpt: i.decisionExcerpt,
    })),
  };
}

export const threadApi = new Hono<AppEnv>();

threadApi.get('/threads', async (c) => {
  const threads = await listThreads(c.get('services').db, c.get('viewer'));
  return c.json(threads.map(threadJson));
});

threadApi.get('/threads/:id', async (c) => {
  const id = Number(c.req.param('id'));
  const thread = await threadById(
    c.get('services').db,
    c.get('viewer'),
    Number.isInteger(id) && id > 0 ? id : -1,
  );
  return c.json(threadJson(thread));
});
