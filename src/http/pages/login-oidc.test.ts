/**
 * Login with the municipality's OpenID Connect provider, against a real provider on a loopback
 * port (test/support/oidc-provider.ts) that issues RS256-signed ID tokens. The browser's part
 * (following the redirects) is done by hand with the test client's cookie jar.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  createTestApp,
  fixedClock,
  PASSWORD,
  type Client,
  type TestApp,
} from '../../../test/support/app.ts';
import { startOidcProvider, type TestOidcProvider } from '../../../test/support/oidc-provider.ts';

const CALLBACK = 'http://localhost:3102/login/oidc/callback';

/** The browser's way: to the provider, which sends it straight back with a code. */
async function throughProvider(c: Client, next = '/') {
  const start = await c.request(`/login/oidc?next=${encodeURIComponent(next)}`);
  assert.equal(start.status, 302);
  const authorize = new URL(start.headers.get('location') ?? '');
  const atProvider = await fetch(authorize, { redirect: 'manual' });
  assert.equal(atProvider.status, 302);
  const back = new URL(atProvider.headers.get('location') ?? '');
  assert.equal(`${back.origin}${back.pathname}`, CALLBACK);
  return { authorize, callback: `${back.pathname}${back.search}` };
}

const sessionCookie = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((line) => /^sa_session=([^;]*)/.exec(line)?.[1])
    .find((v) => v !== undefined && v !== '');

void describe('login with the municipality’s OpenID Connect provider', () => {
  const clock = fixedClock();
  let provider: TestOidcProvider;
  let t: TestApp;
  let userId: number;

  before(async () => {
    provider = await startOidcProvider({ now: () => clock.now() });
    t = await createTestApp(clock, {
      oidc: {
        issuer: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        redirectUrl: CALLBACK,
      },
    });
    const member = await t.login('member', { email: 'Mette.Medlem@Kommune.dk' });
    userId = member.userId ?? 0;
  });
  after(async () => {
    await t.dispose();
    await provider.close();
  });
  beforeEach(() => {
    provider.user = { sub: 'k-123', email: 'mette.medlem@kommune.dk', email_verified: true };
    provider.tamper = {};
  });

  void it('shows the button on the login page', async () => {
    const html = await (await t.anonymous.request('/login?next=/committees')).text();
    assert.match(
      html,
      /href="\/login\/oidc\?next=%2Fcommittees"[^>]*>\s*Log ind med kommunens login/,
    );
  });

  void it('logs in the user with the e-mail the provider vouches for', async () => {
    const c = await t.visitor();
    const { authorize, callback } = await throughProvider(c, '/committees');
    // The authorization request: code flow with PKCE S256, state and nonce, our redirect URL.
    const q = authorize.searchParams;
    assert.equal(q.get('response_type'), 'code');
    assert.equal(q.get('code_challenge_method'), 'S256');
    assert.equal(q.get('redirect_uri'), CALLBACK);
    assert.ok((q.get('state') ?? '').length >= 40 && (q.get('nonce') ?? '').length >= 40);
    const res = await c.request(callback);
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/committees');
    const token = sessionCookie(res);
    assert.ok(token);
    assert.equal((await t.services.auth.session(token))?.user.id, userId);
    // The state cookie is spent; the token request carried the verifier for the challenge.
    assert.ok(res.headers.getSetCookie().some((l) => /^sa_oidc=;.*Max-Age=0/i.test(l)));
    const sent = provider.tokenRequests.at(-1);
    assert.equal(sent?.get('redirect_uri'), CALLBACK);
    assert.ok((sent?.get('code_verifier') ?? '').length >= 43);
    const [audit] = await t.services.auth.latestAttempts(1);
    assert.deepEqual([audit?.method, audit?.outcome, audit?.userId], ['oidc', 'success', userId]);
    // A replayed callback (same state, same code) gets nothing.
    const replay = await c.request(callback);
    assert.equal(replay.status, 400);
    assert.match(await replay.text(), /kunne ikke genkendes/);
  });

  const refusals: [string, () => void, RegExp][] = [
    [
      'another nonce',
      () => (provider.tamper = { nonce: 'en-anden' }),
      /hører ikke til dette loginforsøg/,
    ],
    ['an expired token', () => (provider.tamper = { expiresIn: -120 }), /er udløbet/],
    [
      'a signature by another key',
      () => (provider.tamper = { foreignKey: true }),
      /signaturen er ikke gyldig/,
    ],
    [
      'another issuer',
      () => (provider.tamper = { issuer: 'https://falsk.example' }),
      /udstedt af en anden/,
    ],
    [
      'another audience',
      () => (provider.tamper = { audience: 'en-anden-tjeneste' }),
      /udstedt til en anden tjeneste/,
    ],
    [
      'an unknown e-mail',
      () => (provider.user = { sub: 'k-9', email: 'ukendt@kommune.dk' }),
      /logget ind hos kommunen som ukendt@kommune\.dk, men der er ingen bruger/,
    ],
    [
      'an unverified e-mail',
      () =>
        (provider.user = { sub: 'k-1', email: 'mette.medlem@kommune.dk', email_verified: false }),
      /ikke bekræftet/,
    ],
    ['no e-mail', () => (provider.user = { sub: 'k-1' }), /ingen e-mailadresse/],
  ];
  for (const [what, spoil, message] of refusals) {
    void it(`refuses ${what}`, async () => {
      spoil();
      const c = await t.visitor();
      const { callback } = await throughProvider(c);
      const res = await c.request(callback);
      assert.equal(res.status, 400);
      assert.match(await res.text(), message);
      assert.equal(sessionCookie(res), undefined);
    });
  }

  void it('refuses a callback with another state, or in a browser that did not start it', async () => {
    const c = await t.visitor();
    const { callback } = await throughProvider(c);
    const forged = callback.replace(/state=[^&]+/, 'state=forfalsket');
    const res = await c.request(forged);
    assert.equal(res.status, 400);
    assert.match(await res.text(), /kunne ikke genkendes/);

    // An attacker's own callback URL, opened in the victim's browser (login CSRF): no state cookie.
    const attacker = await t.visitor();
    const { callback: attackers } = await throughProvider(attacker);
    const victim = await t.visitor();
    const planted = await victim.request(attackers);
    assert.equal(planted.status, 400);
    assert.equal(sessionCookie(planted), undefined);
    // … nor when the victim has a login of their own under way (a state cookie, but another).
    const { callback: attackers2 } = await throughProvider(attacker);
    const busy = await t.visitor();
    await busy.request('/login/oidc');
    const planted2 = await busy.request(attackers2);
    assert.equal(planted2.status, 400);
    assert.equal(sessionCookie(planted2), undefined);
  });

  void it('refuses when the user cancels at the provider', async () => {
    const c = await t.visitor();
    await c.request('/login/oidc');
    const res = await c.request('/login/oidc/callback?error=access_denied&state=x');
    assert.equal(res.status, 400);
    assert.match(await res.text(), /blev afbrudt/);
  });

  void it('lets a user whose password login is locked in, and that resets the lock', async () => {
    const c = await t.visitor();
    for (let i = 0; i < 5; i++)
      await t.services.auth.login('mette.medlem@kommune.dk', 'forkert').catch(() => null);
    await assert.rejects(() => t.services.auth.login('mette.medlem@kommune.dk', PASSWORD));
    const { callback } = await throughProvider(c);
    assert.equal((await c.request(callback)).status, 303);
    assert.ok(await t.services.auth.login('mette.medlem@kommune.dk', PASSWORD));
  });
});

void describe('OpenID Connect not configured, or its provider down', () => {
  void it('shows no button and has no OIDC routes without OIDC_*', async () => {
    const t = await createTestApp();
    try {
      const html = await (await t.anonymous.request('/login')).text();
      assert.doesNotMatch(html, /kommunens login/);
      assert.equal((await t.anonymous.request('/login/oidc')).status, 404);
      assert.equal((await t.anonymous.request('/login/oidc/callback?code=x&state=y')).status, 404);
    } finally {
      await t.dispose();
    }
  });

  void it('says so in Danish when the provider does not answer', async () => {
    const gone = await startOidcProvider();
    await gone.close();
    const t = await createTestApp(undefined, {
      oidc: { issuer: gone.issuer, clientId: 'x', clientSecret: null, redirectUrl: CALLBACK },
    });
    try {
      const res = await t.anonymous.request('/login/oidc');
      assert.equal(res.status, 400);
      assert.match(await res.text(), /Kommunens login svarer ikke/);
    } finally {
      await t.dispose();
    }
  });
});
