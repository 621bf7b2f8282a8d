/**
 * Login hardening in Chromium (issue 7): the content security policy is enforced and no page
 * breaks it; the session cookie is HttpOnly and SameSite=Lax; a run of wrong passwords shows the
 * Danish wait message; and the whole OpenID Connect login runs through a provider on another
 * site (localhost vs 127.0.0.1), which a SameSite=Strict cookie would not survive. Screenshots go
 * to /tmp/e2e-login-*.png.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadConfig, type OidcConfig } from '../../src/config.ts';
import { createApp } from '../../src/http/app.ts';
import { systemClock } from '../../src/services/clock.ts';
import { createServices } from '../../src/services/index.ts';
import { allowCspViolations, launchBrowser } from '../support/browser.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const EMAIL = 'sikker@socialaftale.test';
const PASSWORD = 'en-lang-e2e-adgangskode-7';

void describe('login security in the browser', () => {
  let t: TestDb;
  let server: RunningServer;
  let provider: TestOidcProvider;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const violations: string[] = [];

  before(async () => {
    t = await createTestDb();
    provider = await startOidcProvider({ hostname: 'localhost' });
    const oidc: OidcConfig = {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      redirectUrl: '', // set below, once the server has its port
    };
    const config = { ...loadConfig({}, {}), oidc };
    const services = createServices(t.db, systemClock, config);
    await services.auth.createUser({
      email: EMAIL,
      name: 'Sif Sikker',
      password: PASSWORD,
      role: 'secretariat',
    });
    server = await startServer(createApp({ services, config }));
    oidc.redirectUrl = `${server.url}/login/oidc/callback`;
    browser = await launchBrowser();
    context = await browser.newContext({ baseURL: server.url, locale: 'da-DK' });
    context.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await provider?.close();
    await t?.dispose();
  });

  void it('enforces the content security policy: an injected inline script does not run', async () => {
    // A context of its own, marked, since this violation is on purpose.
    const probe = await browser.newContext({ baseURL: server.url });
    allowCspViolations(probe);
    const probePage = await probe.newPage();
    const reported: string[] = [];
    probePage.on('console', (m) => reported.push(m.text()));
    await probePage.goto('/login');
    const outcome = await probePage.evaluate(
      () =>
        new Promise<{ ran: boolean; blocked: string }>((resolve) => {
          const w = window as unknown as { injected?: boolean };
          document.addEventListener('securitypolicyviolation', (e) =>
            resolve({ ran: w.injected === true, blocked: e.violatedDirective }),
          );
          const script = document.createElement('script');
          script.textContent = 'window.injected = true;';
          document.body.append(script);
        }),
    );
    assert.deepEqual(outcome, { ran: false, blocked: 'script-src-elem' });
    assert.ok(
      reported.some((text) => /Content Security Policy/.test(text)),
      'the browser reports the blocked script (what test/support/browser.ts watches for)',
    );
    await probe.close();
  });

  void it('shows the Danish wait message after five wrong passwords', async () => {
    for (let i = 0; i < 5; i++) {
      await page.goto('/login');
      await page.fill('#email', EMAIL);
      await page.fill('#password', `forkert-${i}`);
      await page.click('form[action="/login"] button[type=submit]');
    }
    const alert = await page.locator('.alert-error').innerText();
    assert.match(alert, /for mange mislykkede loginforsøg/);
    assert.match(alert, /kl\. \d\d\.\d\d \(om 1 minut\)/);
    await page.screenshot({ path: '/tmp/e2e-login-locked.png', fullPage: true });
  });

  void it('logs in through the municipality’s login on another site, with a Lax cookie', async () => {
    provider.user = { sub: 'k-1', email: EMAIL.toUpperCase(), email_verified: true };
    await page.goto('/login?next=/committees');
    await page.screenshot({ path: '/tmp/e2e-login-page.png', fullPage: true });
    await page.click('text=Log ind med kommunens login');
    await page.waitForURL((u) => u.pathname === '/committees');
    assert.match(await page.locator('.portal-user .user').innerText(), /Sif Sikker/);
    const [cookie] = (await context.cookies()).filter((c) => c.name === 'sa_session');
    assert.ok(cookie);
    assert.deepEqual([cookie.httpOnly, cookie.sameSite, cookie.path], [true, 'Lax', '/']);
    assert.ok(cookie.expires > Date.now() / 1000 + 11 * 3600, 'lasts SESSION_HOURS');
  });

  void it('renders every main page without a CSP violation and with its stylesheets', async () => {
    const pages = ['/', '/committees', '/groups', '/calendar', '/search?q=takst', '/offers'];
    for (const path of [...pages, '/tariffs', '/finance', '/archive', '/admin/logins']) {
      const res = await page.goto(path);
      assert.equal(res?.status(), 200, path);
      const styled = await page.evaluate(() => document.styleSheets.length);
      assert.ok(styled >= 2, `${path}: DKFDS and app.css load`);
    }
    await page.screenshot({ path: '/tmp/e2e-login-audit.png', fullPage: true });
    assert.deepEqual(violations, []);
  });

  void it('logs out: the session ends and the page shows "Log ind" again', async () => {
    await page.goto('/');
    await page.click('button.log-off');
    await page.waitForURL((u) => u.pathname === '/');
    assert.equal(await page.locator('.portal-user a[href="/login"]').innerText(), 'Log ind');
    const [row] = await t.db.query<{ n: number }>('select count(*)::int as n from login_session');
    assert.equal(row?.n, 0);
  });
});
