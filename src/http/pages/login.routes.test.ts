import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, PASSWORD, type Client, type TestApp } from '../../../test/support/app.ts';

/** Attributes of one Set-Cookie by cookie name, lower-cased ("httponly", "samesite", …). */
function cookieOf(res: Response, name: string): Record<string, string> | null {
  for (const line of res.headers.getSetCookie()) {
    const [pair = '', ...attrs] = line.split(';').map((s) => s.trim());
    const eq = pair.indexOf('=');
    if (pair.slice(0, eq) !== name) continue;
    const out: Record<string, string> = { value: pair.slice(eq + 1) };
    for (const a of attrs) {
      const [k = '', v = 'true'] = a.split('=');
      out[k.toLowerCase()] = v;
    }
    return out;
  }
  return null;
}

const NOW = new Date('2021-01-10T09:00:00Z');

void describe('login over HTTP', () => {
  let t: TestApp;
  let now = NOW;
  before(async () => {
    t = await createTestApp({ now: () => now });
  });
  after(() => t.dispose());

  /** Posts the login form as a browser would: with the token of the page it just opened. */
  async function loginForm(c: Client, email: string, password: string, next = '/') {
    const html = await (await c.request('/login')).text();
    c.csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    return c.form('/login', { email, password, next });
  }

  void it('sets an HttpOnly, SameSite=Lax session cookie, rotated on every login', async () => {
    const staff = await t.login('secretariat');
    const email = `${(await t.db.query<{ email: string }>('select email from app_user where id = $1', [staff.userId]))[0]?.email}`;
    const c = await t.visitor();
    const first = await loginForm(c, email, PASSWORD, '/committees');
    assert.equal(first.status, 303);
    assert.equal(first.headers.get('location'), '/committees');
    const cookie = cookieOf(first, 'sa_session');
    assert.ok(cookie);
    assert.equal(cookie.httponly, 'true');
    assert.equal(cookie.samesite, 'Lax');
    assert.equal(cookie.path, '/');
    assert.equal(cookie['max-age'], String(12 * 3600));
    assert.equal(cookie.secure, undefined); // plain HTTP in tests
    assert.ok(await t.services.auth.session(cookie.value));

    // Logging in again in the same browser ends the first session in the database.
    const second = await loginForm(c, email, PASSWORD);
    const rotated = cookieOf(second, 'sa_session');
    assert.ok(rotated);
    assert.notEqual(rotated.value, cookie.value);
    assert.equal(await t.services.auth.session(cookie.value), null);
    assert.ok(await t.services.auth.session(rotated.value));

    // Log out: the session is gone server-side, and the browser is told to drop the cookie.
    const home = await (await c.request('/')).text();
    c.csrf = /name="_csrf" value="([^"]+)"/.exec(home)?.[1] ?? '';
    const out = await c.form('/logout', {});
    assert.equal(out.status, 303);
    assert.equal(cookieOf(out, 'sa_session')?.['max-age'], '0');
    assert.equal(await t.services.auth.session(rotated.value), null);
  });

  void it('never redirects to another site after login', async () => {
    const staff = await t.login('secretariat', { email: 'omdirigering@test.dk' });
    assert.ok(staff);
    for (const next of ['//evil.example/x', '/\\evil.example', 'https://evil.example']) {
      const res = await loginForm(await t.visitor(), 'omdirigering@test.dk', PASSWORD, next);
      assert.equal(res.headers.get('location'), '/', next);
    }
  });

  void it('answers 429 with Retry-After and a Danish time after 5 failures, the same for unknown e-mails', async () => {
    await t.login('member', { email: 'laast@test.dk' });
    const c = await t.visitor();
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await loginForm(c, 'laast@test.dk', 'forkert')).status);
    assert.deepEqual(statuses, [401, 401, 401, 401]);
    const locked = await loginForm(c, 'laast@test.dk', 'forkert');
    assert.equal(locked.status, 429);
    assert.equal(locked.headers.get('retry-after'), '60');
    const html = await locked.text();
    assert.match(html, /for mange mislykkede loginforsøg/);
    assert.match(html, /prøve igen kl\. 10\.01 \(om 1 minut\)/);
    // The right password now gets the same answer, and no session.
    const right = await loginForm(c, 'laast@test.dk', PASSWORD);
    assert.equal(right.status, 429);
    assert.equal(cookieOf(right, 'sa_session'), null);

    const u = await t.visitor();
    for (let i = 0; i < 4; i++) await loginForm(u, 'findes-ikke@test.dk', 'forkert');
    const unknown = await loginForm(u, 'findes-ikke@test.dk', 'forkert');
    assert.equal(unknown.status, 429);
    const strip = (s: string) => s.replace(/value="[^"]*"/g, '');
    assert.equal(strip(await unknown.text()), strip(html));

    now = new Date(NOW.getTime() + 61_000);
    assert.equal((await loginForm(c, 'laast@test.dk', PASSWORD)).status, 303);
    now = NOW;
  });

  void it('uses X-Forwarded-For for the client address only when TRUST_PROXY is set', async () => {
    const sent = { 'x-forwarded-for': '198.51.100.9, ::ffff:203.0.113.50' };
    const address = async (app: TestApp) => {
      const c = await app.visitor();
      await c.request('/login', {
        method: 'POST',
        headers: { ...sent, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: c.csrf, email: 'x@test.dk', password: 'forkert' }),
      });
      const [row] = await app.db.query<{ a: string | null }>(
        `select client_address as a from login_attempt order by id desc limit 1`,
      );
      return row?.a;
    };
    assert.equal(await address(t), null); // no socket in app.request, and the header not trusted
    const proxied = await createTestApp({ now: () => now }, { trustProxy: true });
    try {
      assert.equal(await address(proxied), '203.0.113.50'); // the entry our proxy added
    } finally {
      await proxied.dispose();
    }
  });

  void it('forgets an expired session, and the browser is told to drop its cookie', async () => {
    const c = await t.login('secretariat');
    assert.equal((await c.request('/admin/logins')).status, 200);
    now = new Date(NOW.getTime() + 121 * 60_000); // idle timeout: 120 minutes
    const res = await c.request('/admin/logins');
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location') ?? '', /^\/login\?next=/);
    assert.equal(cookieOf(res, 'sa_session')?.['max-age'], '0');
    now = NOW;
  });
});

void describe('secure cookies behind HTTPS', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(undefined, { secureCookies: true });
  });
  after(() => t.dispose());

  void it('names the cookies __Host-, marks them Secure and sends HSTS', async () => {
    await t.login('secretariat', { email: 'https@test.dk' });
    const c = await t.visitor();
    const page = await c.request('/login');
    assert.match(page.headers.get('strict-transport-security') ?? '', /max-age=31536000/);
    const res = await c.form('/login', { email: 'https@test.dk', password: PASSWORD });
    assert.equal(res.status, 303);
    const cookie = cookieOf(res, '__Host-sa_session');
    assert.ok(cookie);
    assert.equal(cookie.secure, 'true');
    assert.equal(cookie.path, '/');
    assert.equal(cookie.domain, undefined); // __Host- forbids a Domain
    assert.equal(cookieOf(res, 'sa_session'), null);
    // The session works under its prefixed name (the client sends back what it was given).
    const home = await c.request('/account/password');
    assert.equal(home.status, 200);
  });
});
