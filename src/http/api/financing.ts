/**
 * Financing API: saved deficit-cover models (CRUD, secretariat only) and the stateless
 * computation POST /finance/deficit, which answers exactly like `socialaftale finance deficit
 * --json` (CONTRACT): { total, allocations: [{ party, key, amount }] }.
 */
import { Hono } from 'hono';
import { ValidationError } from '../../domain/errors.ts';
import {
  allocateDeficit,
  parseDeficitCoverModel,
  toDeficitCoverJson,
} from '../../domain/financing/index.ts';
import type { DeficitModelRow } from '../../db/repositories/financing.repository.ts';
import {
  computeDeficit,
  financingService,
  requireFinance,
} from '../../services/financing.service.ts';
import type { AppEnv } from '../context.ts';
import {
  deficitModelSchema,
  deficitModelUpdateSchema,
  type DeficitModelInput,
} from '../schemas/financing.schema.ts';
import { idParam, readJson, readObject, validate, type ApiContext } from './input.ts';

export const financingApi = new Hono<AppEnv>();

const service = (c: ApiContext) => financingService(c.get('services').db);

function presentModel(m: DeficitModelRow) {
  const computed = computeDeficit(m);
  return {
    id: m.id,
    name: m.name,
    operator: m.operator,
    threshold: m.threshold,
    operatorShareAboveThreshold: m.operatorShare,
    weights: { population: m.populationWeight, usage: m.usageWeight },
    populationPeriod: m.populationPeriod,
    usageYears: m.usageYears,
    municipalities: m.municipalities,
    exampleDeficit: m.exampleDeficit,
    itemId: m.itemId,
    offerId: m.offerId,
    version: m.version,
    createdAt: new Date(m.createdAt).toISOString(),
    updatedAt: new Date(m.updatedAt).toISOString(),
    allocation: computed.ok ? toDeficitCoverJson(computed.result) : null,
  };
}

const toFields = (input: DeficitModelInput) => ({
  name: input.name,
  operator: input.operator,
  threshold: input.threshold,
  operatorShare: input.operatorShareAboveThreshold,
  populationWeight: input.weights.population,
  usageWeight: input.weights.usage,
  populationPeriod: input.populationPeriod,
  usageYears: input.usageYears,
  municipalities: input.municipalities,
  exampleDeficit: input.exampleDeficit,
  itemId: input.itemId,
  offerId: input.offerId,
});

/** The body with missing optional ids as null (the schema's preprocess does the rest). */
async function modelBody(c: ApiContext) {
  const body = await readObject(c);
  return { itemId: null, offerId: null, ...body };
}

financingApi.post('/finance/deficit', async (c) => {
  const parsed = parseDeficitCoverModel(await readJson(c));
  if (!parsed.ok) {
    const fields: Record<string, string> = {};
    for (const e of parsed.errors) fields[e.path === '' ? '_' : e.path] ??= e.message;
    throw new ValidationError(fields, parsed.errors[0]?.message);
  }
  return c.json(toDeficitCoverJson(allocateDeficit(parsed.value)));
});

financingApi.get('/finance/deficit-models', async (c) => {
  const rows = await service(c).list(c.get('viewer'));
  return c.json({
    models: rows.map((r) => ({ ...r, updatedAt: new Date(r.updatedAt).toISOString() })),
  });
});

financingApi.post('/finance/deficit-models', async (c) => {
  requireFinance(c.get('viewer'));
  const input = validate(deficitModelSchema, await modelBody(c));
  const created = await service(c).create(c.get('viewer'), toFields(input));
  return c.json(presentModel(created), 201);
});

financingApi.get('/finance/deficit-models/:id', async (c) => {
  const view = await service(c).get(c.get('viewer'), idParam(c, 'id', 'Modellen'));
  return c.json(presentModel(view.model));
});

financingApi.put('/finance/deficit-models/:id', async (c) => {
  requireFinance(c.get('viewer'));
  const id = idParam(c, 'id', 'Modellen');
  const input = validate(deficitModelUpdateSchema, await modelBody(c));
  const saved = await service(c).update(c.get('viewer'), id, input.version, toFields(input));
  return c.json(presentModel(saved));
});

financingApi.delete('/finance/deficit-models/:id', async (c) => {
  requireFinance(c.get('viewer'));
  const id = idParam(c, 'id', 'Modellen');
  const version = Number(c.req.query('version'));
  if (!Number.isInteger(version) || version < 1) {
    throw new ValidationError({ version: 'Angiv modellens version som ?version=N.' });
  }
  await service(c).remove(c.get('viewer'), id, version);
  return c.body(null, 204);
});
