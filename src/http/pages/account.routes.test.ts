import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, PASSWORD, type TestApp } from '../../../test/support/app.ts';

void describe('account pages', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.dispose());

  void it('lets a logged-in user change the password under the policy', async () => {
    const anonymous = await t.anonymous.request('/account/password');
    assert.equal(anonymous.status, 303);
    assert.equal(anonymous.headers.get('location'), '/login?next=%2Faccount%2Fpassword');

    const me = await t.login('member', { email: 'skift@test.dk' });
    const other = await t.services.auth.login('skift@test.dk', PASSWORD);
    assert.ok(other);
    const weak = await me.form('/account/password', {
      current: PASSWORD,
      next: 'Velkommen2025!',
      repeat: 'Velkommen2025!',
    });
    assert.equal(weak.status, 400);
    assert.match(await weak.text(), /Adgangskoden er for almindelig/);
    const wrong = await me.form('/account/password', {
      current: 'forkert',
      next: 'min nye lange kode 42',
      repeat: 'min nye lange kode 42',
    });
    assert.match(await wrong.text(), /Den nuværende adgangskode er forkert/);
    const ok = await me.form('/account/password', {
      current: PASSWORD,
      next: 'min nye lange kode 42',
      repeat: 'min nye lange kode 42',
    });
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.get('location'), '/account/password?done=1');
    assert.match(await (await me.request('/account/password?done=1')).text(), /er skiftet/);
    assert.equal(await t.services.auth.session(other.token), null);
    assert.ok(await t.services.auth.login('skift@test.dk', 'min nye lange kode 42'));
  });

  void it('shows the secretariat who is locked out, and lets it lift the lockout', async () => {
    const member = await t.login('member');
    assert.equal((await member.request('/admin/logins')).status, 403);
    assert.equal((await member.form('/admin/logins/unlock', { email: 'x@test.dk' })).status, 403);

    await t.login('member', { email: 'glemsom@test.dk' });
    for (let i = 0; i < 5; i++)
      await t.services.auth.login('glemsom@test.dk', 'forkert').catch(() => null);
    const staff = await t.login('secretariat');
    const page = await (await staff.request('/admin/logins')).text();
    assert.match(page, /<td>glemsom@test\.dk<\/td><td>5<\/td><td>10\.01\.2021, 10\.01<\/td>/);
    assert.match(
      page,
      /<td>glemsom@test.dk<\/td><td><\/td><td>Mislykket<\/td><td>Adgangskode<\/td>/,
    );
    const res = await staff.form('/admin/logins/unlock', { email: 'glemsom@test.dk' });
    assert.equal(res.status, 303);
    const after = await (await staff.request('/admin/logins')).text();
    assert.match(after, /Ingen e-mailadresser er spærret lige nu/);
    assert.match(after, /Spærring ophævet/);
    assert.ok(await t.services.auth.login('glemsom@test.dk', PASSWORD));
  });
});
