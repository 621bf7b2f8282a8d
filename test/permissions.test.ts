/**
 * Permissions everywhere, generated from the application's own route table: every route of
 * createApp (pages, API, PDFs, downloads, search, feeds, exports) for every viewer, against the
 * rule for its pattern in test/permissions/rules.ts. A route without a rule fails.
 *
 * Reads: the status each viewer gets (content for the readers, 401/403/404 or a redirect to login
 * for the rest), and the body (HTML, JSON, PDF text, XLSX cells, ICS, downloads) scanned for the
 * canary words the viewer must not see. Writes: a viewer without the right is refused before any
 * validation (no 400 that tells the field rules) and nothing is written (the audit trail, written
 * by triggers on every logged table, does not grow). Runs on PGlite and on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeSearchCommand } from '../src/cli/commands/search.ts';
import { bodyText } from './permissions/scan.ts';
import { targets, type Level } from './permissions/paths.ts';
import { RULES, type Rule } from './permissions/rules.ts';
import {
  buildWorld,
  CANARIES,
  CANARY_READERS,
  OPEN_CANARY,
  VIEWERS,
  type CanaryKind,
  type ViewerName,
  type World,
} from './permissions/world.ts';

const LEVEL_READERS: Record<Level, readonly ViewerName[]> = {
  open: VIEWERS,
  closed: CANARY_READERS.closed,
  personal: CANARY_READERS.personal,
  draft: CANARY_READERS.draft,
};

const KINDS = Object.keys(CANARIES) as CanaryKind[];

/** The canaries in `text` that `viewer` must not see. */
function leaks(text: string, viewer: ViewerName): string[] {
  return KINDS.filter((kind) => !CANARY_READERS[kind].includes(viewer)).flatMap((kind) =>
    CANARIES[kind].filter((word) => text.includes(word)),
  );
}

const refusal = (res: Response, viewer: ViewerName) =>
  res.status === 401 ||
  res.status === 403 ||
  (viewer === 'anonymous' &&
    res.status === 303 &&
    (res.headers.get('location') ?? '').startsWith('/login'));

interface Route {
  method: string;
  path: string;
}

function routesOf(world: World): Route[] {
  const seen = new Set<string>();
  const routes: Route[] = [];
  for (const r of world.t.app.routes) {
    // Middleware (app.use) is registered as ALL; it is not a route of its own.
    if (r.method === 'ALL') continue;
    const key = `${r.method} ${r.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    routes.push({ method: r.method, path: r.path });
  }
  return routes;
}

const ruleOf = (route: Route): Rule | undefined => RULES[`${route.method} ${route.path}`];

void describe('permissions everywhere', () => {
  let world: World;
  let routes: Route[];
  before(async () => {
    world = await buildWorld();
    routes = routesOf(world);
  });
  after(() => world.t.dispose());

  void it('has a rule for every route of the application', () => {
    assert.ok(routes.length > 200, `${routes.length} ruter`);
    const missing = routes
      .filter((r) => ruleOf(r) === undefined)
      .map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(
      missing,
      [],
      `ruter uden regel i test/permissions/rules.ts: ${missing.join(', ')}`,
    );
    const known = new Set(routes.map((r) => `${r.method} ${r.path}`));
    const stale = Object.keys(RULES).filter((k) => !known.has(k));
    assert.deepEqual(stale, [], `regler uden rute: ${stale.join(', ')}`);
  });

  void it('lets each viewer read only what the rules allow, and no body leaks a canary', async () => {
    const failures: string[] = [];
    let scanned = 0;
    for (const route of routes.filter((r) => r.method === 'GET')) {
      const rule = ruleOf(route);
      if (rule === undefined) continue;
      for (const target of targets(route.path, world)) {
        for (const viewer of VIEWERS) {
          const res = await world.clients[viewer].request(target.path);
          const allowed =
            rule.read.includes(viewer) && LEVEL_READERS[target.level].includes(viewer);
          const label = `${viewer} GET ${target.path}`;
          const ok = allowed
            ? res.status === 200 || (rule.missing === true && [400, 404].includes(res.status))
            : refusal(res, viewer) ||
              res.status === 404 ||
              (rule.redirectsOthers === true && res.status === 303);
          if (!ok)
            failures.push(`${label}: ${res.status} (${allowed ? 'må læse' : 'må ikke læse'})`);
          const text = await bodyText(res);
          scanned++;
          const leaked = leaks(text, viewer);
          if (leaked.length > 0) failures.push(`${label}: lækker ${leaked.join(', ')}`);
          if (allowed && res.status === 200 && target.level === 'open') {
            for (const kind of rule.shows ?? []) {
              const readable = kind === 'open' || CANARY_READERS[kind].includes(viewer);
              const words = kind === 'open' ? [OPEN_CANARY] : CANARIES[kind];
              if (readable && !words.some((w) => text.includes(w)))
                failures.push(`${label}: viser ikke ${kind}-indhold, som ${viewer} må se`);
            }
          }
        }
      }
    }
    assert.ok(scanned > 1000, `${scanned} svar scannet`);
    assert.deepEqual(failures, []);
  });

  void it('refuses writes before any validation and writes nothing', async () => {
    const failures: string[] = [];
    const count = async () =>
      Number(
        (await world.t.db.query<{ n: number }>(`select count(*) as n from audit_event`))[0]?.n,
      );
    for (const route of routes.filter((r) => r.method !== 'GET')) {
      const rule = ruleOf(route);
      if (rule === undefined) continue;
      for (const target of targets(route.path, world)) {
        for (const viewer of VIEWERS.filter((v) => !rule.write.includes(v))) {
          const client = world.clients[viewer];
          const before = await count();
          // An empty body: an answer that validated it would be 400 with the field rules.
          const res = target.path.startsWith('/api/')
            ? await client.json(target.path, route.method, {})
            : await client.form(target.path, {});
          const label = `${viewer} ${route.method} ${target.path}`;
          if (!refusal(res, viewer))
            failures.push(`${label}: ${res.status} ${(await res.text()).slice(0, 120)}`);
          const written = (await count()) - before;
          if (written !== 0) failures.push(`${label}: skrev ${written} ændringer`);
        }
      }
    }
    assert.deepEqual(failures, []);
  });

  void it('keeps the command line search to what the public may see', async () => {
    let out = '';
    const db = { ...world.t.db, close: async () => {} };
    const search = makeSearchCommand(() => Promise.resolve(db));
    const code = await search(['kanarie', '--json'], {
      stdout: (s: string) => (out += s),
      stderr: () => {},
    } as never);
    assert.equal(code, 0);
    assert.match(out, new RegExp(OPEN_CANARY));
    assert.deepEqual(leaks(out.toLowerCase(), 'anonymous'), []);
  });

  // Last, as it may change the world: a write the rules allow gets past the guards (its empty
  // body then fails validation, or the action runs), so the rules and the guards agree.
  void it('lets the writers the rules name past the guards', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.method !== 'GET' && r.path !== '/logout')) {
      const rule = ruleOf(route);
      if (rule === undefined) continue;
      const [target] = targets(route.path, world);
      if (target === undefined) continue;
      for (const viewer of rule.write) {
        const client = world.clients[viewer];
        const res = target.path.startsWith('/api/')
          ? await client.json(target.path, route.method, {})
          : await client.form(target.path, {});
        if (refusal(res, viewer) || res.status === 401)
          failures.push(`${viewer} ${route.method} ${target.path}: ${res.status}`);
      }
    }
    assert.deepEqual(failures, []);
  });
});
