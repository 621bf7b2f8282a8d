/**
 * The offer and tariff API: field errors with Danish messages (400), another operator refused
 * (404/403), version conflicts (409), the public sees only covered offers and published files.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, fixedClock, PASSWORD, type TestApp } from '../../../test/support/app.ts';

interface Session {
  request(path: string, method?: string, body?: unknown): Promise<Response>;
}

void describe('offer and tariff API', () => {
  let t: TestApp;
  let secretariat: Session;
  let region: Session;
  let aalborg: Session;
  let anonymous: Session;
  const org: Record<string, number> = {};

  async function session(
    role: 'secretariat' | 'operator',
    email: string,
    organisationId: number | null = null,
  ): Promise<Session> {
    await t.services.auth.createUser({
      email,
      name: email,
      password: PASSWORD,
      role,
      organisationId,
    });
    const s = await t.services.auth.login(email, PASSWORD);
    assert.ok(s);
    return sessionWith(`sa_session=${s.token}`);
  }
  const sessionWith = (cookie: string): Session => ({
    request: async (path, method = 'GET', body) =>
      t.app.request(path, {
        method,
        headers: { cookie, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
  });

  before(async () => {
    t = await createTestApp(fixedClock('2021-07-01T08:00:00Z'));
    for (const o of await t.db.query<{ id: number; short: string }>(
      `select id, short_name as short from organisation`,
    ))
      org[o.short] = o.id;
    secretariat = await session('secretariat', 'sek@test.dk');
    region = await session('operator', 'region@test.dk', org.Regionen);
    aalborg = await session('operator', 'aalborg@test.dk', org.Aalborg);
    anonymous = sessionWith('');
  });
  after(() => t.dispose());

  let offerId = 0;
  let uncovered = 0;

  void it('creates offers with Danish field errors for bad input', async () => {
    const bad = await secretariat.request('/api/offers', 'POST', {
      name: '',
      category: '7',
      places: '-1',
    });
    assert.equal(bad.status, 400);
    const body = (await bad.json()) as { fields: Record<string, string> };
    assert.equal(body.fields.name, 'Skriv tilbuddets navn.');
    assert.match(body.fields.category ?? '', /Vælg en af/);
    assert.equal(body.fields.places, 'Antal pladser kan ikke være negativt.');
    assert.equal(body.fields.operatorId, 'Vælg en driftsherre.');
    const make = async (name: string) => {
      const res = await secretariat.request('/api/offers', 'POST', {
        name,
        operatorId: org.Regionen,
        category: 3,
        targetGroups: ['Børn'],
        section: '§ 50',
        places: 4,
        activeFrom: '01.01.2021',
      });
      assert.equal(res.status, 201);
      return ((await res.json()) as { offer: { id: number; version: number } }).offer;
    };
    const o = await make('Børnehus Nord');
    offerId = o.id;
    uncovered = (await make('Ikke indmeldt')).id;
    const entry = await secretariat.request(`/api/offers/${offerId}/events`, 'POST', {
      version: o.version,
      kind: 'entry',
      date: '20.05.2021',
      effectiveYear: 2021,
      note: 'Indmeldt',
    });
    assert.equal(entry.status, 201);
    const stale = await secretariat.request(`/api/offers/${offerId}/events`, 'POST', {
      version: o.version,
      kind: 'withdrawal',
      date: '20.05.2021',
      effectiveYear: 2022,
    });
    assert.equal(stale.status, 409);
  });

  void it('shows the public and other operators only covered offers', async () => {
    const pub = (await (await anonymous.request('/api/offers')).json()) as {
      offers: { name: string }[];
    };
    assert.deepEqual(
      pub.offers.map((o) => o.name),
      ['Børnehus Nord'],
    );
    assert.equal((await anonymous.request(`/api/offers/${uncovered}`)).status, 404);
    assert.equal((await aalborg.request(`/api/offers/${uncovered}`)).status, 404);
    assert.equal((await region.request(`/api/offers/${uncovered}`)).status, 200);
    const { offer } = (await (await region.request(`/api/offers/${offerId}`)).json()) as {
      offer: Record<string, unknown>;
    };
    const put = await aalborg.request(`/api/offers/${offerId}`, 'PUT', { ...offer, address: 'x' });
    assert.equal(put.status, 403);
  });

  void it('reports tariffs with Danish amounts; another operator never sees them', async () => {
    const created = await secretariat.request('/api/tariff-rounds', 'POST', {
      year: 2022,
      opensAt: '11.06.2021 08:00',
      deadline: '06.08.2021 10:00',
      changeLimit: '10',
    });
    assert.equal(created.status, 201);
    const round = (await created.json()) as { version: number };
    assert.equal(
      (
        await aalborg.request('/api/tariff-rounds', 'POST', {
          year: 2023,
          opensAt: '',
          deadline: '',
        })
      ).status,
      403,
    );
    await secretariat.request('/api/tariff-rounds/2022/status', 'POST', {
      version: round.version,
      status: 'open',
    });
    const line = { offerId, kind: 'main', service: 'Undersøgelse', unit: 'day', occupancy: '95,5' };
    const bad = await region.request('/api/tariff-rounds/2022/report', 'PUT', {
      version: 1,
      lines: [{ ...line, amount: '12,995.50' }],
    });
    assert.equal(bad.status, 400);
    assert.match(
      ((await bad.json()) as { fields: Record<string, string> }).fields['lines.0.amount'] ?? '',
      /12\.995,50/,
    );
    const ok = await region.request('/api/tariff-rounds/2022/report', 'PUT', {
      version: 1,
      lines: [{ ...line, amount: '12.995,50' }],
    });
    assert.equal(ok.status, 200, await ok.clone().text());
    const mine = (await ok.json()) as {
      lines: { amount: number; occupancy: number }[];
      report: { version: number };
    };
    assert.deepEqual([mine.lines[0]?.amount, mine.lines[0]?.occupancy], [1_299_550, 9550]);
    const conflict = await region.request('/api/tariff-rounds/2022/report', 'PUT', {
      version: 1,
      lines: [{ ...line, amount: '13.491' }],
    });
    assert.equal(conflict.status, 409);
    const theirs = (await (await aalborg.request('/api/tariff-rounds/2022/report')).json()) as {
      report: unknown;
      lines: unknown[];
    };
    assert.equal(theirs.report, null);
    assert.deepEqual(theirs.lines, []);
    assert.equal((await aalborg.request('/api/tariff-rounds/2022')).status, 403);
    assert.equal((await anonymous.request('/api/tariff-rounds/2022/appendix.xlsx')).status, 404);
    const submit = await region.request('/api/tariff-rounds/2022/report/submit', 'POST', {
      version: mine.report.version,
    });
    assert.equal(submit.status, 200);
    const overview = (await (await secretariat.request('/api/tariff-rounds/2022')).json()) as {
      rows: { organisation: string; status: string }[];
    };
    assert.deepEqual(
      overview.rows.map((r) => [r.organisation, r.status]),
      [['Region Nordjylland', 'submitted']],
    );
  });

  void it('splits fixed-share financing exactly', async () => {
    const res = await secretariat.request('/api/tariff-rounds/2022/fixed-shares', 'PUT', {
      offerId,
      amount: '136.072',
    });
    assert.equal(res.status, 200);
    const body = (await res.json()) as { allocations: { amount: number }[] };
    assert.equal(
      body.allocations.reduce((s, a) => s + a.amount, 0),
      136_072,
    );
  });
});
