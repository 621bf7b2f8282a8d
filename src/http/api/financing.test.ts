/** The financing and occupancy API: CONTRACT compute, model CRUD, access and Danish field errors. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type Client, type TestApp } from '../../../test/support/app.ts';

const CONTRACT_INPUT = {
  deficit: 1500000,
  threshold: 500000,
  operator: 'Region Nordjylland',
  operatorShareAboveThreshold: 0.25,
  weights: { population: 0.5, usage: 0.5 },
  municipalities: [
    { name: 'Brønderslev', population: 36304, usage: [447455, 746001, 1260562] },
    { name: 'Hjørring', population: 64483, usage: [100000, 200000, 300000] },
  ],
};

const model = (overrides: Record<string, unknown> = {}) => ({
  name: 'Kvisten 2021',
  operator: 'Region Nordjylland',
  threshold: 500000,
  operatorShareAboveThreshold: 0.25,
  weights: { population: 0.5, usage: 0.5 },
  populationPeriod: '2020K1',
  usageYears: [2017, 2018, 2019],
  municipalities: CONTRACT_INPUT.municipalities,
  exampleDeficit: 1500000,
  ...overrides,
});

void describe('financing API', () => {
  let t: TestApp;
  let secretariat: Client;
  let member: Client;
  before(async () => {
    t = await createTestApp();
    secretariat = await t.login('secretariat');
    member = await t.login('member');
  });
  after(() => t.dispose());

  void it('computes a deficit in the CONTRACT shape', async () => {
    const res = await secretariat.json('/api/finance/deficit', 'POST', CONTRACT_INPUT);
    assert.equal(res.status, 200);
    const body = (await res.json()) as {
      total: number;
      allocations: { party: string; key: number; amount: number }[];
    };
    assert.equal(body.total, 1500000);
    assert.deepEqual(body.allocations[0], {
      party: 'Region Nordjylland',
      key: 0.25,
      amount: 750000,
    });
    assert.equal(
      body.allocations.reduce((a, x) => a + x.amount, 0),
      1500000,
    );
    const bad = await secretariat.json('/api/finance/deficit', 'POST', {
      ...CONTRACT_INPUT,
      weights: { population: 0.5, usage: 0.6 },
    });
    assert.equal(bad.status, 400);
    const err = (await bad.json()) as { error: string; fields: Record<string, string> };
    assert.match(err.fields.weights ?? '', /skal summe til 1/);
  });

  void it('creates, reads, updates and deletes a model; only the secretariat', async () => {
    assert.equal((await member.request('/api/finance/deficit-models')).status, 403);
    assert.equal((await member.json('/api/finance/deficit-models', 'POST', model())).status, 403);

    const created = await secretariat.json('/api/finance/deficit-models', 'POST', model());
    assert.equal(created.status, 201);
    const m = (await created.json()) as {
      id: number;
      version: number;
      allocation: { total: number } | null;
    };
    assert.equal(m.version, 1);
    assert.equal(m.allocation?.total, 1500000);

    const list = (await (await secretariat.request('/api/finance/deficit-models')).json()) as {
      models: { id: number }[];
    };
    assert.ok(list.models.some((x) => x.id === m.id));

    const bad = await secretariat.json(`/api/finance/deficit-models/${m.id}`, 'PUT', {
      ...model({ operatorShareAboveThreshold: -0.1 }),
      version: 1,
    });
    assert.equal(bad.status, 400);
    const err = (await bad.json()) as { fields: Record<string, string> };
    assert.match(err.fields.operatorShareAboveThreshold ?? '', /mellem 0 og 1/);

    const put = await secretariat.json(`/api/finance/deficit-models/${m.id}`, 'PUT', {
      ...model({ exampleDeficit: 400000 }),
      version: 1,
    });
    assert.equal(put.status, 200);
    const updated = (await put.json()) as {
      version: number;
      allocation: { allocations: { amount: number }[] };
    };
    assert.equal(updated.version, 2);
    assert.equal(updated.allocation.allocations[0]?.amount, 400000);

    const stale = await secretariat.json(`/api/finance/deficit-models/${m.id}`, 'PUT', {
      ...model(),
      version: 1,
    });
    assert.equal(stale.status, 409);

    const del = await secretariat.request(`/api/finance/deficit-models/${m.id}?version=2`, {
      method: 'DELETE',
      headers: { 'x-csrf-token': secretariat.csrf },
    });
    assert.equal(del.status, 204);
    assert.equal((await secretariat.request(`/api/finance/deficit-models/${m.id}`)).status, 404);
  });

  void it('names a missing population in Danish', async () => {
    const res = await secretariat.json(
      '/api/finance/deficit-models',
      'POST',
      model({ municipalities: [{ name: 'Læsø', population: 0, usage: [1, 2, 3] }] }),
    );
    assert.equal(res.status, 400);
    const err = (await res.json()) as { fields: Record<string, string> };
    assert.match(err.fields['municipalities.0.population'] ?? '', /større end 0/);
  });

  void it('serves the occupancy table and sets a budget', async () => {
    const empty = (await (await secretariat.request('/api/finance/occupancy')).json()) as {
      year: number | null;
      institutions: unknown[];
    };
    assert.equal(empty.year, null);
    assert.equal((await member.request('/api/finance/occupancy')).status, 403);
  });
});
