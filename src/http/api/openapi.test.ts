/** The OpenAPI document covers exactly the routes the API registers. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { itemSchema } from '../schemas/meeting.schema.ts';
import { apiRoutes } from './index.ts';
import { buildOpenApi, jsonSchemaOf, openApiPath, ROUTES } from './openapi.ts';
import { expectJson } from './test-fixtures.ts';

type OpenApi = ReturnType<typeof buildOpenApi>;
interface Operation {
  summary: string;
  parameters: { name: string; in: string; required: boolean; schema: unknown }[];
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<string, unknown>;
}
interface ObjectSchema {
  properties: Record<string, { enum?: string[] }>;
  required: string[];
}

const METHODS = new Set(['get', 'post', 'put', 'delete', 'patch']);

function documentedRoutes(doc: OpenApi): Set<string> {
  return new Set(
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => METHODS.has(m))
        .map((m) => `${m} ${path}`),
    ),
  );
}

void describe('OpenAPI description', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.dispose());

  void it('documents every registered route, and only those', () => {
    const registered = new Set(
      apiRoutes.routes
        .filter((r) => r.method !== 'ALL')
        .map((r) => `${r.method.toLowerCase()} ${openApiPath(r.path)}`),
    );
    const documented = documentedRoutes(buildOpenApi());
    assert.ok(registered.size >= 28, `forventede mindst 28 ruter, fandt ${registered.size}`);
    assert.deepEqual(
      [...registered].filter((r) => !documented.has(r)),
      [],
      'ruter uden dokumentation',
    );
    assert.deepEqual(
      [...documented].filter((r) => !registered.has(r)),
      [],
      'dokumenterede ruter, der ikke findes',
    );
    // Middleware for all methods would slip past this check; the API has none.
    assert.deepEqual(
      apiRoutes.routes.filter((r) => r.method === 'ALL'),
      [],
    );
    // The check itself notices a missing entry.
    assert.equal(documentedRoutes(buildOpenApi(ROUTES.slice(1))).size, documented.size - 1);
  });

  void it('serves a 3.1 document whose request bodies come from the form schemas', async () => {
    const doc = await expectJson<OpenApi>(await t.anonymous.request('/api/openapi.json'), 200);
    assert.equal(doc.openapi, '3.1.0');
    assert.deepEqual(doc.servers, [{ url: '/api' }]);
    const paths = doc.paths as Record<string, Record<string, Operation>>;
    const post = paths['/meetings/{id}/items']?.post;
    assert.ok(post);
    assert.match(post.summary, /Tilføj et punkt/);
    assert.deepEqual(post.parameters[0], {
      name: 'id',
      in: 'path',
      required: true,
      schema: { type: 'integer', minimum: 1 },
    });
    assert.equal(
      post.requestBody?.content['application/json']?.schema.$ref,
      '#/components/schemas/ItemInput',
    );
    const item = doc.components.schemas.ItemInput as unknown as ObjectSchema;
    assert.deepEqual(item.properties.access?.enum, ['open', 'closed', 'personal']);
    // What the schema fills in when missing is not required; the title is.
    assert.ok(item.required.includes('title'));
    assert.ok(!item.required.includes('summary'));
    assert.ok(!item.required.includes('publicTitle'));
    const uploadOp = paths['/items/{id}/attachments']?.post;
    assert.ok(uploadOp?.requestBody?.content['multipart/form-data']);
    assert.ok(uploadOp.responses['413']);
    for (const [path, ops] of Object.entries(paths)) {
      for (const op of Object.values(ops)) {
        assert.ok(op.summary.length > 5, `${path} har et resumé`);
        for (const [, param] of path.matchAll(/\{(\w+)\}/g)) {
          assert.ok(
            op.parameters.some((p) => p.in === 'path' && p.name === param),
            `${path}: ${param}`,
          );
        }
      }
    }
    // Every $ref points at a schema that exists.
    for (const [, name] of JSON.stringify(doc).matchAll(/"#\/components\/schemas\/(\w+)"/g)) {
      assert.ok(name !== undefined && name in doc.components.schemas, `komponenten ${name} findes`);
    }
  });

  void it('derives JSON Schema from a zod schema without the draft marker', () => {
    const schema = jsonSchemaOf(itemSchema);
    assert.equal(schema.$schema, undefined);
    assert.equal(schema.type, 'object');
  });
});
