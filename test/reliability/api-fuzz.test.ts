/**
 * Fuzzes every write route of the JSON API (the OpenAPI table's ROUTES), as the role that may
 * write it, with bodies derived from the route's schema and then broken: wrong types, missing and
 * extra fields, huge strings, NUL bytes, lone surrogates, Infinity, huge and negative numbers,
 * stale versions, malformed JSON and the wrong content type.
 *
 * The property: never a 5xx; a 400 carries { error, fields } in Danish; and whenever the request
 * is refused, the database holds exactly what it held before (nothing half-saved).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { buildOpenApi, ROUTES, type RouteDoc } from '../../src/http/api/openapi.ts';
import { createTestApp, type Client, type TestApp } from '../support/app.ts';
import {
  assertDanish,
  assertProperty,
  changedTables,
  FUZZ_RUNS,
  fingerprinter,
  hostileStrings,
  hostileValues,
  malformedBodies,
  toJsonText,
} from './fuzz-support.ts';
import { arbitraryFor, fieldNamesOf } from './schema-arbitrary.ts';
import { buildWorld, type World } from './world.ts';

type Schema = Record<string, unknown>;

/** Routes an operator writes (its own tariff report); the secretariat writes the rest. */
const OPERATOR_ROUTES = new Set([
  'put /tariff-rounds/:year/report',
  'post /tariff-rounds/:year/report/submit',
]);

const WRITES = ROUTES.filter((r) => r.method !== 'get');
const key = (r: RouteDoc) => `${r.method} ${r.path}`;

/** The path with its parameters filled from the world (or, sometimes, something that is not). */
function pathFor(route: RouteDoc, w: World, wild: boolean): string {
  const idFor: Record<string, number> = {
    meetings: w.meeting,
    items: w.item,
    attachments: w.attachment,
    'follow-ups': w.followUp,
    'deficit-models': w.deficitModel,
    offers: w.offer,
    agreements: w.agreement,
    'focus-areas': w.focusArea,
    initiatives: w.initiative,
    activities: w.activity,
    'tariff-reports': w.tariffReport,
    institutions: 1,
  };
  const segments = route.path.split('/');
  return (
    '/api' +
    segments
      .map((segment, i) => {
        if (!segment.startsWith(':')) return segment;
        if (wild)
          return encodeURIComponent(
            ['0', '-1', '1e3', '99999999999', 'NaN', '%00', 'æ'][i % 7] ?? 'x',
          );
        const name = segment.slice(1);
        const before = segments[i - 1] ?? '';
        if (name === 'action') return 'publish-agenda';
        if (name === 'attendanceId') return String(w.attendance);
        if (name === 'decision') return 'approve';
        if (name === 'kind') return 'price-index';
        if (name === 'code') return '5.38.50';
        if (name === 'year') return before === 'notes' ? '2021' : '2022';
        return String(idFor[before] ?? 1);
      })
      .join('/')
  );
}

/** The JSON Schema of the route's body, with the component references resolved. */
function bodySchemaOf(route: RouteDoc, doc: ReturnType<typeof buildOpenApi>): Schema | null {
  const components = doc.components.schemas as Record<string, Schema>;
  const resolve = (s: unknown, depth = 0): unknown => {
    if (depth > 20 || s === null || typeof s !== 'object') return s;
    if (Array.isArray(s)) return s.map((x) => resolve(x, depth + 1));
    const ref = (s as { $ref?: unknown }).$ref;
    if (typeof ref === 'string') {
      const name = ref.replace('#/components/schemas/', '');
      return resolve(components[name] ?? {}, depth + 1);
    }
    return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, resolve(v, depth + 1)]));
  };
  const path = doc.paths[route.path.replace(/:(\w+)/g, '{$1}')] as Record<string, unknown>;
  const op = path[route.method] as {
    requestBody?: { content: Record<string, { schema: unknown }> };
  };
  const json = op.requestBody?.content['application/json']?.schema;
  return json === undefined ? null : (resolve(json) as Schema);
}

/** One request: how the body is broken, and the body itself. */
type Attempt =
  | { kind: 'json'; body: Record<string, unknown> }
  | { kind: 'raw'; text: string; contentType: string }
  | { kind: 'query'; version: string }
  | { kind: 'multipart'; fields: Record<string, string>; file: Uint8Array | null; name: string };

function attempts(route: RouteDoc, schema: Schema | null, w: World): fc.Arbitrary<Attempt> {
  if (route.body === 'multipart') {
    return fc.record({
      kind: fc.constant('multipart' as const),
      fields: fc.record({
        title: hostileStrings,
        access: fc.oneof(fc.constantFrom('open', 'closed'), hostileStrings),
      }),
      file: fc.option(fc.uint8Array({ maxLength: 2_000 }), { nil: null }),
      name: fc.oneof(fc.constantFrom('bilag.pdf', 'takster.csv', 'a'), hostileStrings),
    });
  }
  if (schema === null) {
    // A delete: the version travels in the query (or in a body the route may read).
    return fc.oneof(
      fc.record({
        kind: fc.constant('query' as const),
        version: fc.oneof(fc.constantFrom('1', '2'), hostileStrings),
      }),
      fc.record({
        kind: fc.constant('json' as const),
        body: fc.record({ version: hostileValues }),
      }),
    );
  }
  const plausible = arbitraryFor(schema, { ids: w.ids }) as fc.Arbitrary<Record<string, unknown>>;
  const names = [...fieldNamesOf(schema), 'extra', '__proto__', 'id'];
  const broken = fc
    .tuple(
      plausible,
      fc.array(
        fc.tuple(fc.constantFrom(...names), fc.oneof(hostileValues, fc.constant(undefined))),
        {
          minLength: 1,
          maxLength: 3,
        },
      ),
    )
    .map(([body, changes]) => {
      const out: Record<string, unknown> = { ...body };
      for (const [name, value] of changes) {
        if (value === undefined) delete out[name];
        else
          Object.defineProperty(out, name, {
            value,
            enumerable: true,
            writable: true,
            configurable: true,
          });
      }
      return out;
    });
  return fc.oneof(
    { weight: 2, arbitrary: plausible.map((body) => ({ kind: 'json' as const, body })) },
    { weight: 5, arbitrary: broken.map((body) => ({ kind: 'json' as const, body })) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('raw' as const),
        text: fc.constantFrom(...malformedBodies),
        contentType: fc.constantFrom(
          'application/json',
          'application/json; charset=latin1',
          'text/plain',
        ),
      }),
    },
  );
}

/** Percent-encoding; half a surrogate pair goes as the bytes a broken client would send. */
function encodeQuery(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

async function send(client: Client, route: RouteDoc, path: string, a: Attempt): Promise<Response> {
  const method = route.method.toUpperCase();
  const csrf = { 'x-csrf-token': client.csrf };
  switch (a.kind) {
    case 'json':
      return client.request(path, {
        method,
        headers: { 'content-type': 'application/json' },
        body: toJsonText(a.body),
      });
    case 'raw':
      return client.request(path, {
        method,
        headers: { 'content-type': a.contentType, ...csrf },
        body: a.text,
      });
    case 'query':
      return client.request(`${path}?version=${encodeQuery(a.version)}`, {
        method,
        headers: csrf,
      });
    case 'multipart': {
      const form = new FormData();
      for (const [name, value] of Object.entries(a.fields)) form.set(name, value);
      if (a.file !== null)
        form.set(
          'file',
          new File([a.file as Uint8Array<ArrayBuffer>], a.name, {
            type: 'application/octet-stream',
          }),
        );
      return client.request(path, { method, body: form, headers: csrf });
    }
  }
}

void describe('API fuzz: every write route with broken input', () => {
  let t: TestApp;
  let secretariat: Client;
  let operator: Client;
  let world: World;
  let fingerprint: () => Promise<string>;
  const doc = buildOpenApi();
  const statuses = new Map<number, number>();

  before(async () => {
    t = await createTestApp();
    secretariat = await t.login('secretariat');
    operator = await t.login('operator', { organisation: 'Regionen' });
    world = await buildWorld(t, secretariat);
    fingerprint = await fingerprinter(t.db);
  });
  after(async () => {
    await t.dispose();
    console.log(`svar: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
  });

  void it('covers every write route of the route table', () => {
    assert.ok(WRITES.length >= 40, `${WRITES.length} skrivende ruter`);
    for (const route of WRITES)
      assert.ok(
        route.body === undefined || route.body === 'multipart' || bodySchemaOf(route, doc) !== null,
        key(route),
      );
  });

  for (const route of WRITES) {
    void it(`${key(route)}: never a 5xx, Danish 400s, nothing written on refusal`, async () => {
      const client = OPERATOR_ROUTES.has(key(route)) ? operator : secretariat;
      const schema = bodySchemaOf(route, doc);
      await assertProperty(
        fc.asyncProperty(attempts(route, schema, world), fc.nat({ max: 9 }), async (a, n) => {
          const path = pathFor(route, world, n === 0);
          const before = await fingerprint();
          const res = await send(client, route, path, a);
          const text = await res.text();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const where = `${route.method.toUpperCase()} ${path} ${JSON.stringify(a).slice(0, 300)}`;
          assert.ok(res.status < 500, `${where} → ${res.status}: ${text.slice(0, 300)}`);
          if (res.status >= 400) {
            const body = JSON.parse(text) as { error?: unknown; fields?: Record<string, unknown> };
            assertDanish([body.error], where);
            if (res.status === 400) {
              assert.equal(typeof body.fields, 'object', `${where}: fields`);
              assertDanish(Object.values(body.fields ?? {}), where);
            }
            const after = await fingerprint();
            assert.deepEqual(
              changedTables(before, after),
              [],
              `${where}: afvist, men noget blev gemt`,
            );
          }
        }),
        FUZZ_RUNS * 3,
      );
    });
  }
});
