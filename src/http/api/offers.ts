/**
 * The offer register over JSON: list and read (the public sees covered offers), create and
 * change offers, places, entry/withdrawal and the reinforced cooperation.
 * Also the helpers the offer and tariff routes share: the actor and the services.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { REINFORCED_STATUSES } from '../../domain/offers/index.ts';
import type { Services } from '../../services/index.ts';
import { offerService, type Actor } from '../../services/offer.service.ts';
import { tariffService } from '../../services/tariff.service.ts';
import type { AppEnv } from '../context.ts';
import {
  eventSchema,
  offerCreateSchema,
  offerUpdateSchema,
  placesSchema,
  reinforcedSchema,
} from '../schemas/offer.schema.ts';
import { idParam, QueryReader, readBody, withReferences, type ApiContext } from './input.ts';
import type { RouteDoc } from './openapi.ts';

const cache = new WeakMap<
  Services,
  { offers: ReturnType<typeof offerService>; tariffs: ReturnType<typeof tariffService> }
>();

/** The offer and tariff services over the request's database and clock. */
export function offerServices(c: ApiContext) {
  const services = c.get('services');
  let s = cache.get(services);
  if (s === undefined) {
    s = {
      offers: offerService(services.db, services.clock),
      tariffs: tariffService(services.db, services.clock),
    };
    cache.set(services, s);
  }
  return s;
}

/** The viewer and, for an operator, the organisation its user reports for. */
export function actorOf(c: ApiContext): Actor {
  return { viewer: c.get('viewer'), organisationId: c.get('user')?.organisationId ?? null };
}

export const offerApi = new Hono<AppEnv>();

const boolParam = z
  .enum(['true', 'false'], { error: 'Skriv true eller false.' })
  .transform((v) => v === 'true');

offerApi.get('/offers', async (c) => {
  const q = new QueryReader(c);
  const filter = {
    q: q.optional('q', z.string()),
    operatorId: q.optional('operator', z.coerce.number().int().positive({ error: 'Ugyldigt id.' })),
    section: q.optional('section', z.string()),
    category: q.optional(
      'category',
      z
        .enum(['1', '2', '3'], { error: 'Vælg kategori 1, 2 eller 3.' })
        .transform((v) => Number(v) as 1 | 2 | 3),
    ),
    covered: q.optional('covered', boolParam),
    reinforced: q.optional(
      'reinforced',
      z.enum([...REINFORCED_STATUSES, 'none'], { error: 'Ugyldig status.' }),
    ),
    year: q.optional('year', z.coerce.number().int().min(2000).max(2100)),
  };
  q.done();
  const offers = await offerServices(c).offers.list(actorOf(c), filter);
  return c.json({ offers });
});

offerApi.get('/offers/:id', async (c) =>
  c.json(await offerServices(c).offers.get(actorOf(c), idParam(c, 'id', 'Tilbuddet'))),
);

offerApi.post('/offers', async (c) => {
  const data = await readBody(c, offerCreateSchema);
  const { offers } = offerServices(c);
  const id = await withReferences(
    offers.create(actorOf(c), {
      ...data,
      sections: [{ section: data.section, subsection: data.subsection, places: data.places }],
    }),
  );
  return c.json(await offers.get(actorOf(c), id), 201);
});

offerApi.put('/offers/:id', async (c) => {
  const id = idParam(c, 'id', 'Tilbuddet');
  const { offers } = offerServices(c);
  await offers.get(actorOf(c), id);
  const data = await readBody(c, offerUpdateSchema);
  await offers.update(actorOf(c), id, data.version, data);
  return c.json(await offers.get(actorOf(c), id));
});

offerApi.post('/offers/:id/places', async (c) => {
  const id = idParam(c, 'id', 'Tilbuddet');
  const { offers } = offerServices(c);
  await offers.get(actorOf(c), id);
  const data = await readBody(c, placesSchema);
  await offers.changePlaces(actorOf(c), id, data.version, data);
  return c.json(await offers.get(actorOf(c), id));
});

offerApi.post('/offers/:id/events', async (c) => {
  const id = idParam(c, 'id', 'Tilbuddet');
  const { offers } = offerServices(c);
  await offers.get(actorOf(c), id);
  const data = await readBody(c, eventSchema);
  await offers.addEvent(actorOf(c), id, data.version, data);
  return c.json(await offers.get(actorOf(c), id), 201);
});

offerApi.post('/offers/:id/reinforced', async (c) => {
  const id = idParam(c, 'id', 'Tilbuddet');
  const { offers } = offerServices(c);
  await offers.get(actorOf(c), id);
  const data = await readBody(c, reinforcedSchema);
  await offers.setReinforced(actorOf(c), id, data.version, data);
  return c.json(await offers.get(actorOf(c), id), 201);
});

const ID_PARAM = { type: 'integer', minimum: 1 };
const STRING = { type: 'string' };

/** This router's entries in the OpenAPI route table (openapi.ts spreads them in). */
export const OFFER_ROUTES: RouteDoc[] = [
  {
    method: 'get',
    path: '/offers',
    tag: 'Tilbud',
    summary: 'Tilbudsviften: tilbud brugeren må se (offentligt: tilbud omfattet af aftalen)',
    query: [
      { name: 'q', description: 'Fritekst i navn, målgruppe og adresse', schema: STRING },
      { name: 'operator', description: 'Driftsherrens id (også dens enheder)', schema: ID_PARAM },
      { name: 'section', description: 'SEL-paragraf, fx 108', schema: STRING },
      { name: 'category', description: 'Kategori 1, 2 eller 3', schema: { enum: ['1', '2', '3'] } },
      {
        name: 'covered',
        description: 'Omfattet af aftalen i året',
        schema: { enum: ['true', 'false'] },
      },
      {
        name: 'reinforced',
        description: 'Status i det forstærkede samarbejde',
        schema: { enum: [...REINFORCED_STATUSES, 'none'] },
      },
      {
        name: 'year',
        description: 'Året, dækningen vurderes i (standard: i år)',
        schema: { type: 'integer' },
      },
    ],
    ok: { status: 200, description: 'Tilbuddene', content: 'json' },
  },
  {
    method: 'post',
    path: '/offers',
    tag: 'Tilbud',
    summary: 'Opret et tilbud med én paragraf og dens pladser',
    body: { name: 'OfferCreate', schema: offerCreateSchema },
    ok: { status: 201, description: 'Tilbuddet med historik', content: 'json' },
    errors: [403],
  },
  {
    method: 'get',
    path: '/offers/:id',
    tag: 'Tilbud',
    summary: 'Et tilbud med ind- og udmeldinger, det forstærkede samarbejde og dækning pr. år',
    ok: { status: 200, description: 'Tilbuddet med historik', content: 'json' },
  },
  {
    method: 'put',
    path: '/offers/:id',
    tag: 'Tilbud',
    summary: 'Ret et tilbud (driftsherren kan ikke ændre kategorien)',
    body: { name: 'OfferUpdate', schema: offerUpdateSchema },
    ok: { status: 200, description: 'Tilbuddet', content: 'json' },
    errors: [403, 409],
  },
  {
    method: 'post',
    path: '/offers/:id/places',
    tag: 'Tilbud',
    summary: 'Ændr pladserne for en paragraf fra en dato (historikken bevares)',
    body: { name: 'PlacesInput', schema: placesSchema },
    ok: { status: 200, description: 'Tilbuddet', content: 'json' },
    errors: [403, 409],
  },
  {
    method: 'post',
    path: '/offers/:id/events',
    tag: 'Tilbud',
    summary: 'Registrér ind- eller udmelding med beslutningens mødepunkt (sekretariatet)',
    body: { name: 'OfferEventInput', schema: eventSchema },
    ok: { status: 201, description: 'Tilbuddet', content: 'json' },
    errors: [403, 409],
  },
  {
    method: 'post',
    path: '/offers/:id/reinforced',
    tag: 'Tilbud',
    summary: 'Ændr status i det forstærkede samarbejde (nødspor giver en årlig opfølgning)',
    body: { name: 'ReinforcedInput', schema: reinforcedSchema },
    ok: { status: 201, description: 'Tilbuddet', content: 'json' },
    errors: [403, 409],
  },
];
