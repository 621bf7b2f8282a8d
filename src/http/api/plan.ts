/**
 * The agreement and its plan under /api: read by the secretariat and members (the plan with its
 * status, linked items only as far as the reader may see them), written by the secretariat with
 * the same schemas as the forms. Writes name the version they were read at; stale → 409.
 */
import { Hono } from 'hono';
import type { z } from 'zod';
import type { Viewer } from '../../domain/meetings/index.ts';
import { requireEditor } from '../../services/meeting.service.ts';
import { planService, type PlanService, type PlanView } from '../../services/plan.service.ts';
import type { AppEnv } from '../context.ts';
import {
  activitySchema,
  activityUpdateSchema,
  agreementSchema,
  agreementUpdateSchema,
  deleteSchema,
  focusAreaSchema,
  focusAreaUpdateSchema,
  initiativeSchema,
  initiativeUpdateSchema,
} from '../schemas/plan.schema.ts';
import { idParam, readBody, type ApiContext } from './input.ts';
import type { RouteDoc } from './openapi.ts';

export const planApi = new Hono<AppEnv>();

const svc = (c: ApiContext) => planService(c.get('services').db, c.get('services').clock);

function presentPlan(view: PlanView) {
  return {
    ...view.plan.agreement,
    today: view.today,
    status: view.status,
    focusAreas: view.plan.focusAreas.map((fa) => ({
      ...fa,
      initiatives: fa.initiatives.map((ini) => ({
        ...ini,
        committee: ini.committeeId === null ? null : (view.committees.get(ini.committeeId) ?? null),
        activities: ini.activities.map((a) => ({
          ...a,
          // an item the reader may not know of is not named, not even by id
          itemId: a.itemId !== null && view.items.has(a.itemId) ? a.itemId : null,
          item: a.itemId === null ? null : (view.items.get(a.itemId) ?? null),
          committee: a.committeeId === null ? null : (view.committees.get(a.committeeId) ?? null),
        })),
      })),
    })),
  };
}

const planOf = async (c: ApiContext, id: number, status: 200 | 201 = 200) =>
  c.json(presentPlan(await svc(c).view(c.get('viewer'), id)), status);

planApi.get('/agreements', async (c) => c.json({ agreements: await svc(c).list(c.get('viewer')) }));

planApi.get('/agreements/:id', (c) => planOf(c, idParam(c, 'id', 'Aftalen')));

planApi.post('/agreements', async (c) => {
  requireEditor(c.get('viewer'));
  const data = await readBody(c, agreementSchema);
  return planOf(c, await svc(c).createAgreement(c.get('viewer'), data), 201);
});

planApi.put('/agreements/:id', async (c) => {
  const id = idParam(c, 'id', 'Aftalen');
  requireEditor(c.get('viewer'));
  const data = await readBody(c, agreementUpdateSchema);
  await svc(c).updateAgreement(c.get('viewer'), id, data.version, data);
  return planOf(c, id);
});

planApi.post('/agreements/:id/focus-areas', async (c) => {
  const id = idParam(c, 'id', 'Aftalen');
  requireEditor(c.get('viewer'));
  const data = await readBody(c, focusAreaSchema);
  await svc(c).addFocusArea(c.get('viewer'), id, data);
  return planOf(c, id, 201);
});

/**
 * A write under a part of the plan: find the part (404 if unknown), check the role, validate the
 * body, save, and answer with the whole plan.
 */
function partWrite<S extends z.ZodType>(
  method: 'post' | 'put',
  path: string,
  what: string,
  find: (s: PlanService, id: number) => Promise<{ id: number; agreementId: number }>,
  schema: S,
  save: (s: PlanService, viewer: Viewer, id: number, data: z.output<S>) => Promise<unknown>,
) {
  planApi[method](path, async (c) => {
    const s = svc(c);
    const part = await find(s, idParam(c, 'id', what));
    requireEditor(c.get('viewer'));
    await save(s, c.get('viewer'), part.id, await readBody(c, schema));
    return planOf(c, part.agreementId, method === 'post' ? 201 : 200);
  });
}

const focusArea = (s: PlanService, id: number) => s.focusArea(id);
const initiative = (s: PlanService, id: number) => s.initiative(id);
partWrite(
  'put',
  '/focus-areas/:id',
  'Fokusområdet',
  focusArea,
  focusAreaUpdateSchema,
  (s, v, id, d) => s.updateFocusArea(v, id, d.version, d),
);
partWrite(
  'post',
  '/focus-areas/:id/initiatives',
  'Fokusområdet',
  focusArea,
  initiativeSchema,
  (s, v, id, d) => s.addInitiative(v, id, d),
);
partWrite(
  'put',
  '/initiatives/:id',
  'Initiativet',
  initiative,
  initiativeUpdateSchema,
  (s, v, id, d) => s.updateInitiative(v, id, d.version, d),
);
partWrite(
  'post',
  '/initiatives/:id/activities',
  'Initiativet',
  initiative,
  activitySchema,
  (s, v, id, d) => s.addActivity(v, id, d),
);
partWrite(
  'put',
  '/activities/:id',
  'Aktiviteten',
  (s, id) => s.activity(id),
  activityUpdateSchema,
  (s, v, id, d) => s.updateActivity(v, id, d.version, d),
);

const deletes = [
  { path: 'focus-areas', kind: 'focus-area', what: 'Fokusområdet' },
  { path: 'initiatives', kind: 'initiative', what: 'Initiativet' },
  { path: 'activities', kind: 'activity', what: 'Aktiviteten' },
] as const;

for (const d of deletes) {
  planApi.delete(`/${d.path}/:id`, async (c) => {
    const s = svc(c);
    const id = idParam(c, 'id', d.what);
    requireEditor(c.get('viewer'));
    const data = await readBody(c, deleteSchema);
    await s.remove(c.get('viewer'), d.kind, id, data.version);
    return c.body(null, 204);
  });
}

const TAG = 'Aftale og plan';
const write = (
  method: 'post' | 'put',
  path: string,
  summary: string,
  body: RouteDoc['body'],
): RouteDoc => ({
  method,
  path,
  tag: TAG,
  summary,
  body,
  ok: {
    status: method === 'post' ? 201 : 200,
    description: 'Aftalen med planen og status',
    content: 'json',
  },
  errors: method === 'post' ? [403] : [403, 409],
});

export const PLAN_ROUTES: RouteDoc[] = [
  {
    method: 'get',
    path: '/agreements',
    tag: TAG,
    summary: 'Aftalerne (sekretariatet og medlemmer)',
    ok: { status: 200, description: 'Aftalerne, nyeste først', content: 'json' },
    errors: [403],
  },
  {
    method: 'get',
    path: '/agreements/:id',
    tag: TAG,
    summary: 'Én aftale med fokusområder, initiativer, aktiviteter pr. halvår og status',
    ok: { status: 200, description: 'Aftalen med planen og status', content: 'json' },
    errors: [403],
  },
  write('post', '/agreements', 'Opret en aftale', { name: 'Agreement', schema: agreementSchema }),
  write('put', '/agreements/:id', 'Ret aftalens navn, periode og vision', {
    name: 'AgreementUpdate',
    schema: agreementUpdateSchema,
  }),
  write('post', '/agreements/:id/focus-areas', 'Tilføj et fokusområde', {
    name: 'FocusArea',
    schema: focusAreaSchema,
  }),
  write('put', '/focus-areas/:id', 'Ret et fokusområde (initiativernes koder følger nummeret)', {
    name: 'FocusAreaUpdate',
    schema: focusAreaUpdateSchema,
  }),
  write('post', '/focus-areas/:id/initiatives', 'Tilføj et initiativ', {
    name: 'Initiative',
    schema: initiativeSchema,
  }),
  write('put', '/initiatives/:id', 'Ret et initiativ', {
    name: 'InitiativeUpdate',
    schema: initiativeUpdateSchema,
  }),
  write('post', '/initiatives/:id/activities', 'Tilføj en aktivitet', {
    name: 'PlanActivity',
    schema: activitySchema,
  }),
  write('put', '/activities/:id', 'Ret en aktivitet (fx dens status)', {
    name: 'PlanActivityUpdate',
    schema: activityUpdateSchema,
  }),
  ...deletes.map((d): RouteDoc => ({
    method: 'delete',
    path: `/${d.path}/:id`,
    tag: TAG,
    summary: `Slet ${d.what.toLowerCase()} (med alt under det)`,
    body: { name: 'Delete', schema: deleteSchema },
    ok: { status: 204, description: 'Slettet', content: 'none' },
    errors: [403, 409],
  })),
];
