/**
 * GET /groups, /groups/matrix, /groups/:id and /calendar/:year: the groups with their terms of
 * reference, who sits where, and the year's events — read-only, as the public pages show them
 * (the calendar service leaves internal events to the secretariat).
 */
import { Hono, type Context } from 'hono';
import { ValidationError } from '../../domain/errors.ts';
import { calendarService } from '../../services/calendar.service.ts';
import { groupService } from '../../services/group.service.ts';
import type { AppEnv } from '../context.ts';
import { idParam } from './input.ts';
import type { RouteDoc } from './openapi.ts';

export const groupApi = new Hono<AppEnv>();

const groups = (c: Context<AppEnv, string>) =>
  groupService(c.get('services').db, c.get('services').clock);

groupApi.get('/groups', async (c) => c.json({ groups: await groups(c).list() }));

groupApi.get('/groups/matrix', async (c) => c.json(await groups(c).matrix()));

groupApi.get('/groups/:id', async (c) => {
  const svc = groups(c);
  const id = idParam(c, 'id', 'Gruppen');
  const [group, coverage, approvals] = await Promise.all([
    svc.get(id),
    svc.coverage(id),
    svc.approvals(id),
  ]);
  return c.json({ ...group, coverage, approvals });
});

groupApi.get('/calendar/:year', async (c) => {
  const year = Number(c.req.param('year'));
  if (!Number.isInteger(year) || year < 1990 || year > 2100) {
    throw new ValidationError({ year: 'Skriv et årstal mellem 1990 og 2100, fx 2021.' });
  }
  const { db, clock } = c.get('services');
  return c.json({ year, events: await calendarService(db, clock).events(year, c.get('viewer')) });
});

export const GROUP_ROUTES: RouteDoc[] = [
  {
    method: 'get',
    path: '/groups',
    tag: 'Grupper',
    summary: 'Følgegrupper, arbejdsgrupper og paneler med kommissorium',
    ok: { status: 200, description: 'Grupperne', content: 'json' },
  },
  {
    method: 'get',
    path: '/groups/matrix',
    tag: 'Grupper',
    summary: 'Repræsentationsmatricen: kommuner og regionen × grupper, med kommuner uden nogen',
    ok: { status: 200, description: 'Matricen', content: 'json' },
  },
  {
    method: 'get',
    path: '/groups/:id',
    tag: 'Grupper',
    summary: 'Én gruppe med kommissorium, godkendelser og dækning af de ønskede profiler',
    ok: { status: 200, description: 'Gruppen', content: 'json' },
  },
  {
    method: 'get',
    path: '/calendar/:year',
    tag: 'Årshjul',
    summary:
      'Årets begivenheder: møder, egne begivenheder og frister (interne kun for sekretariatet)',
    ok: { status: 200, description: 'Begivenhederne i datoorden', content: 'json' },
  },
];
