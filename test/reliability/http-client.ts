/**
 * Small HTTP helpers for the process tests: a login form's cookie and token, and a POST whose
 * body is held back until the test says so (`Expect: 100-continue` tells us the server has the
 * request in hand before the body is sent), so a request can be in flight at a chosen moment.
 */
import http from 'node:http';
import { loadConfig } from '../../src/config.ts';
import { systemClock } from '../../src/services/clock.ts';
import { createServices } from '../../src/services/index.ts';
import type { Role } from '../../src/domain/meetings/index.ts';
import { clientOver, PASSWORD, type Client } from '../support/app.ts';
import type { ProcessDb } from '../support/processes.ts';

/** Creates a user directly in the database (before any child holds a PGlite folder). */
export async function addUser(pdb: ProcessDb, email: string, role: Role): Promise<number> {
  const db = await pdb.open();
  try {
    const services = createServices(db, systemClock, loadConfig({}, {}));
    return await services.auth.createUser({
      email,
      name: email,
      password: PASSWORD,
      role,
      personId: null,
      organisationId: null,
    });
  } finally {
    await db.close();
  }
}

/** The cookie pairs of a response's Set-Cookie headers, as one Cookie header. */
export function cookiesOf(res: Response | http.IncomingMessage): string {
  const set =
    res instanceof Response ? res.headers.getSetCookie() : (res.headers['set-cookie'] ?? []);
  return set.map((c) => c.split(';')[0] ?? '').join('; ');
}

/** GET /login: the double-submit cookie and the form's token. */
export async function loginForm(url: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/login`);
  const html = await res.text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (csrf === undefined) throw new Error('no CSRF token on /login');
  return { cookie: cookiesOf(res), csrf };
}

/** Logs in through the form and returns the session cookie. */
export async function login(url: string, email: string): Promise<string> {
  const form = await loginForm(url);
  const res = await fetch(`${url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie },
    body: new URLSearchParams({ _csrf: form.csrf, email, password: PASSWORD }).toString(),
  });
  if (res.status !== 303) throw new Error(`login answered ${res.status}`);
  return cookiesOf(res);
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface HeldRequest {
  /** Resolves when the server has read the headers and asked for the body (100 Continue). */
  accepted: Promise<void>;
  /** Sends the body; resolves with the whole answer. */
  send(): Promise<Answer>;
  /** Settles when the connection ends without an answer (rejects with the socket error). */
  answer: Promise<Answer>;
}

export function heldRequest(
  url: string,
  path: string,
  headers: Record<string, string>,
  body: string | Buffer,
  method = 'POST',
): HeldRequest {
  const target = new URL(path, url);
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const req = http.request({
    host: target.hostname,
    port: target.port,
    path: target.pathname + target.search,
    method,
    agent: false,
    headers: { ...headers, 'content-length': String(bytes.length), expect: '100-continue' },
  });
  const accepted = new Promise<void>((resolve, reject) => {
    req.once('continue', () => resolve());
    req.once('error', reject);
  });
  const answer = new Promise<Answer>((resolve, reject) => {
    req.once('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.once('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.once('error', reject);
    });
    req.once('error', reject);
  });
  req.flushHeaders();
  return {
    accepted,
    answer,
    send() {
      req.end(bytes);
      return answer;
    },
  };
}

/**
 * The tests' `Client` (test/support/app.ts) over real HTTP to a running process, with a fixed
 * Cookie header: the same session cookie can be sent to several processes.
 */
export function httpClient(origin: string, cookie: string, csrf = ''): Client {
  const request = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (cookie !== '') headers.set('cookie', cookie);
    return fetch(`${origin}${path}`, { ...init, headers, redirect: 'manual' });
  };
  return clientOver(request, null, csrf);
}
