import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type Client, type TestApp } from '../../test/support/app.ts';

function assertSecurityHeaders(res: Response, what: string) {
  const csp = res.headers.get('content-security-policy') ?? '';
  const directive = (name: string) =>
    csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith(`${name} `));
  assert.equal(directive('script-src'), "script-src 'self'", what);
  assert.equal(directive('style-src'), "style-src 'self'", what);
  assert.equal(directive('frame-ancestors'), "frame-ancestors 'none'", what);
  assert.equal(directive('object-src'), "object-src 'none'", what);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, what);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff', what);
  assert.equal(res.headers.get('x-frame-options'), 'DENY', what);
  assert.equal(res.headers.get('referrer-policy'), 'same-origin', what);
  // Plain HTTP (SECURE_COOKIES unset): no HSTS, which would pin localhost to HTTPS.
  assert.equal(res.headers.get('strict-transport-security'), null, what);
}

void describe('security headers', () => {
  let t: TestApp;
  let staff: Client;
  before(async () => {
    t = await createTestApp();
    staff = await t.login('secretariat');
  });
  after(() => t.dispose());

  void it('come on pages, static files, the API, redirects and errors alike', async () => {
    const requests: [string, Client, RequestInit?][] = [
      ['/', t.anonymous],
      ['/login', t.anonymous],
      ['/static/app.css', t.anonymous],
      ['/static/dkfds/css/dkfds.min.css', t.anonymous],
      ['/static/findes-ikke.css', t.anonymous],
      ['/health', t.anonymous],
      ['/api/committees', t.anonymous],
      ['/api/findes-ikke', t.anonymous],
      ['/siden-findes-ikke', t.anonymous],
      ['/admin/logins', t.anonymous], // a redirect to login
      ['/admin/logins', staff],
      ['/login', t.anonymous, { method: 'POST', body: 'x=1' }], // refused: no CSRF token
    ];
    const statuses = [];
    for (const [path, client, init] of requests) {
      const res = await client.request(path, init);
      statuses.push(res.status);
      assertSecurityHeaders(res, `${init?.method ?? 'GET'} ${path}`);
    }
    assert.deepEqual(statuses, [200, 200, 200, 200, 404, 200, 200, 404, 404, 303, 200, 403]);
  });
});

/**
 * The pages must work under `script-src 'self'; style-src 'self'`: no inline script, no event
 * handler attribute, no inline style, no javascript: URL. (Scripts and styles go in files under
 * src/http/assets.) The browser tests catch what this misses: they fail on any CSP violation.
 */
void describe('pages without inline script or style', () => {
  const pagesDir = fileURLToPath(new URL('./pages/', import.meta.url));
  const FORBIDDEN: [RegExp, string][] = [
    [/<script(?![^>]*\bsrc=)/i, 'an inline <script>'],
    [/\son[a-z]+=\{/i, 'an on*= event handler'],
    [/\sstyle=["{]/, 'an inline style attribute'],
    [/<style[\s>]/i, 'a <style> element'],
    [/javascript:/i, 'a javascript: URL'],
    [/dangerouslySetInnerHTML/, 'raw HTML'],
  ];

  void it('are in no page source', () => {
    const files = readdirSync(pagesDir).filter((f) => /\.tsx$/.test(f) && !f.includes('.test.'));
    assert.ok(files.length > 10);
    const found: string[] = [];
    for (const file of files) {
      const source = readFileSync(join(pagesDir, file), 'utf8');
      for (const [pattern, what] of FORBIDDEN)
        if (pattern.test(source)) found.push(`${file}: ${what}`);
      // raw() is for the doctype only: anything else could smuggle in markup.
      for (const m of source.matchAll(/\braw\(([^)]*)\)/g))
        if (!m[1]?.includes('<!DOCTYPE html>')) found.push(`${file}: raw(${m[1]})`);
    }
    assert.deepEqual(found, []);
  });

  void it('are in no rendered page', async () => {
    const t = await createTestApp();
    try {
      const staff = await t.login('secretariat');
      for (const path of ['/', '/login', '/committees', '/account/password', '/admin/logins']) {
        const html = await (await staff.request(path)).text();
        assert.doesNotMatch(html, /<script|<style|\son[a-z]+="|\sstyle="|javascript:/i, path);
      }
    } finally {
      await t.dispose();
    }
  });
});
