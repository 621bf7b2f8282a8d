/**
 * Two `socialaftale serve` processes on one PostgreSQL database, as behind a load balancer: a
 * session made on A works on B and ends on both at logout; what is edited on A is seen on B in
 * pages and the API at once, and B's cache of public meeting pages never serves the old page.
 * PostgreSQL only: a PGlite folder is held by one process.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import {
  act,
  addItem,
  committeeIdOf,
  createMeeting,
  expectJson,
  getMeeting,
  type ItemJson,
} from '../../src/http/api/test-fixtures.ts';
import { testDbKind } from '../support/db.ts';
import type { ServeChild } from '../support/processes.ts';
import { processSuite } from './fixture.ts';
import { addUser, httpClient, login } from './http-client.ts';

const onPglite = testDbKind === 'pglite';

async function html(res: Response): Promise<string> {
  assert.equal(res.status, 200);
  return res.text();
}

void describe(
  'two app processes on one PostgreSQL',
  {
    skip: onPglite
      ? 'needs PostgreSQL (TEST_DATABASE_URL): a PGlite folder is opened by one process only'
      : false,
  },
  () => {
    const suite = processSuite((pdb) => addUser(pdb, 'sekretariat@test.dk', 'secretariat'));
    let a: ServeChild | undefined;
    let b: ServeChild | undefined;
    before(async () => {
      [a, b] = await Promise.all([suite.serve(), suite.serve()]);
    });

    void it('share sessions, edits and the public page cache', async () => {
      assert.ok(a && b);
      const cookie = await login(a.url, 'sekretariat@test.dk');
      const onA = httpClient(a.url, cookie);
      const onB = httpClient(b.url, cookie);
      const anonymousB = httpClient(b.url, '');

      // The session made on A is known on B.
      const adminPage = await onB.request('/admin/logins');
      assert.equal(adminPage.status, 200, 'B knows the session made on A');

      const das = await committeeIdOf(onB, 'DAS');
      const doc = await createMeeting(onA, das, '2026-12-10');
      const id = doc.meeting.id;
      const item = await addItem(onA, id, { title: 'Takster første udgave' });
      await act(onA, id, 'publish-agenda');

      // B renders the public page and keeps it; a second visit is served from its cache.
      const first = await html(await anonymousB.request(`/meetings/${id}`));
      assert.match(first, /Takster første udgave/);
      assert.equal(await html(await anonymousB.request(`/meetings/${id}`)), first);

      // Edited on A ...
      const current = await expectJson<ItemJson>(await onA.request(`/api/items/${item.id}`), 200);
      const put = await onA.json(`/api/items/${item.id}`, 'PUT', {
        version: current.version,
        section: 'for-decision',
        title: 'Takster anden udgave',
        access: 'open',
        summary: 'Resumé af sagen.',
        recommendations: ['DAS godkender taksterne.'],
        caseDescription: 'Baggrunden for sagen.',
        presenter: 'Sekretariatet',
      });
      assert.equal(put.status, 200, await put.clone().text());

      // ... seen on B at once: the public page (not the cached one), the API and the staff page.
      const second = await html(await anonymousB.request(`/meetings/${id}`));
      assert.match(second, /Takster anden udgave/);
      assert.doesNotMatch(second, /Takster første udgave/);
      const viaApi = await getMeeting(onB, id);
      assert.ok(viaApi.items.some((i) => !i.hidden && i.title === 'Takster anden udgave'));
      assert.match(await html(await onB.request(`/meetings/${id}`)), /Takster anden udgave/);

      // A stale version sent to B is refused like on A: the versions live in the database.
      const stale = await onB.json(`/api/items/${item.id}`, 'PUT', {
        version: current.version,
        section: 'for-decision',
        title: 'Takster forældet udgave',
        access: 'open',
        summary: 'Resumé af sagen.',
        recommendations: ['DAS godkender taksterne.'],
        caseDescription: 'Baggrunden for sagen.',
        presenter: 'Sekretariatet',
      });
      assert.equal(stale.status, 409);

      // Logging out on B ends the session on A too.
      const page = await html(await onB.request('/admin/logins'));
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
      const out = await httpClient(b.url, cookie, csrf).form('/logout', {});
      assert.equal(out.status, 303);
      const afterLogout = await onA.request('/admin/logins');
      assert.equal(afterLogout.status, 303, 'A no longer accepts the session');
      assert.match(afterLogout.headers.get('location') ?? '', /^\/login/);
    });
  },
);
