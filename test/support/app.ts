/**
 * The whole application over a fresh test database, driven with `app.request()` (no server):
 * users of every role, and a logged-in cookie jar per user.
 */
import { createApp } from '../../src/http/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Db } from '../../src/db/client.ts';
import type { Role } from '../../src/domain/meetings/index.ts';
import { committeeRepository } from '../../src/db/repositories/committee.repository.ts';
import type { Clock } from '../../src/services/clock.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import { createTestDb, type TestDb } from './db.ts';

export const PASSWORD = 'en-lang-test-adgangskode';

export interface TestApp {
  t: TestDb;
  db: Db;
  services: Services;
  config: Config;
  app: ReturnType<typeof createApp>;
  /** Logs in as a new user with `role` and returns a client that sends its cookies. */
  login(
    role: Role,
    opts?: { committees?: string[]; email?: string; organisation?: string },
  ): Promise<Client>;
  anonymous: Client;
  /** A new anonymous client with a cookie jar of its own (it has opened /login). */
  visitor(): Promise<Client>;
  dispose(): Promise<void>;
}

export interface Client {
  userId: number | null;
  csrf: string;
  request(path: string, init?: RequestInit): Promise<Response>;
  /** POSTs a form with the CSRF token added. */
  form(path: string, fields: Record<string, string>): Promise<Response>;
  json(path: string, method: string, body: unknown): Promise<Response>;
}

/**
 * A `Client` over any way of sending a request (the app in-process, or a real server over HTTP):
 * forms get the CSRF token, JSON its content type.
 */
export function clientOver(
  send: (path: string, init?: RequestInit) => Promise<Response>,
  userId: number | null,
  csrf: string,
): Client {
  const c: Client = {
    userId,
    csrf,
    request: send,
    form: (path, fields) =>
      send(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: c.csrf, ...fields }).toString(),
      }),
    json: (path, method, body) =>
      send(path, {
        method,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
  };
  return c;
}

export const fixedClock = (iso = '2021-01-10T09:00:00Z'): Clock => ({ now: () => new Date(iso) });

let counter = 0;

/** `overrides` change the configuration, e.g. `{ secureCookies: true }` or an `oidc` provider. */
export async function createTestApp(
  clock: Clock = fixedClock(),
  overrides: Partial<Config> = {},
): Promise<TestApp> {
  const t = await createTestDb();
  const config = { ...loadConfig({}, {}), maxUploadBytes: 1024 * 1024, ...overrides };
  const services = createServices(t.db, clock, config);
  const app = createApp({ services, config });

  function client(cookie: string, userId: number | null, csrf: string): Client {
    const jar = new Map<string, string>(cookie ? [[cookie.split('=')[0] ?? '', cookie]] : []);
    const send = async (path: string, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      if (jar.size > 0) headers.set('cookie', [...jar.values()].join('; '));
      const res = await app.request(path, { ...init, headers, redirect: 'manual' });
      for (const set of res.headers.getSetCookie()) {
        const pair = set.split(';')[0] ?? '';
        jar.set(pair.split('=')[0] ?? '', pair);
      }
      return res;
    };
    return clientOver(send, userId, csrf);
  }

  async function anonymousClient(): Promise<Client> {
    const c = client('', null, '');
    const res = await c.request('/login');
    const html = await res.text();
    c.csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    return c;
  }

  return {
    t,
    db: t.db,
    services,
    config,
    app,
    anonymous: await anonymousClient(),
    visitor: anonymousClient,
    async login(role, opts = {}) {
      const n = ++counter;
      const email = opts.email ?? `${role}${n}@test.dk`;
      const repo = committeeRepository(t.db);
      let personId: number | null = null;
      if (opts.committees && opts.committees.length > 0) {
        personId = await repo.createPerson({
          name: `Person ${n}`,
          email,
          title: null,
          organisationId: null,
        });
        for (const shortName of opts.committees) {
          const committee = await repo.byShortName(shortName);
          if (!committee) throw new Error(`Ukendt udvalg ${shortName}`);
          await repo.addMembership({
            committeeId: committee.id,
            personId,
            organisationId: null,
            role: 'member',
            validFrom: '2000-01-01',
            validTo: null,
          });
        }
      }
      // An operator's user reports for an organisation, named by its short name (or name).
      let organisationId: number | null = null;
      if (opts.organisation !== undefined) {
        const [org] = await t.db.query<{ id: number }>(
          `select id from organisation where short_name = $1 or name = $1 order by id limit 1`,
          [opts.organisation],
        );
        if (!org) throw new Error(`Ukendt organisation ${opts.organisation}`);
        organisationId = org.id;
      }
      const userId = await services.auth.createUser({
        email,
        name: `Bruger ${n}`,
        password: PASSWORD,
        role,
        personId,
        organisationId,
      });
      const session = await services.auth.login(email, PASSWORD);
      if (!session) throw new Error('Login mislykkedes');
      const cookie = config.secureCookies ? '__Host-sa_session' : 'sa_session';
      return client(`${cookie}=${session.token}`, userId, session.csrfToken);
    },
    dispose: () => t.dispose(),
  };
}
