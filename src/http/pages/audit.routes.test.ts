/**
 * The Logbog over the whole app: changes made through the API are attributed to the logged-in
 * user who made them, also when two users write at the same time; GET /api/audit and the page
 * filter; and neither reaches a member or a visitor (closed items' contents are in the log).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type Client, type TestApp } from '../../../test/support/app.ts';
import {
  addItem,
  committeeIdOf,
  createMeeting,
  expectError,
  expectJson,
  getMeeting,
} from '../api/test-fixtures.ts';

interface AuditJson {
  total: number;
  limit: number;
  offset: number;
  events: {
    id: number;
    at: string;
    actor: { userId: number | null; label: string };
    table: string;
    rowKey: string;
    operation: string;
    changedColumns: string[];
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  }[];
}

const SECRET_TITLE = 'FORTROLIG-SAG-8812 om Bostedet Lærken';

void describe('Logbog (audit trail) page and API', () => {
  let t: TestApp;
  let anne: Client;
  let bent: Client;
  let member: Client;
  let meetingId: number;
  let closedItemId: number;

  const audit = async (client: Client, query: string) =>
    expectJson<AuditJson>(await client.request(`/api/audit${query}`), 200);

  before(async () => {
    t = await createTestApp();
    anne = await t.login('secretariat');
    bent = await t.login('secretariat');
    member = await t.login('member', { committees: ['DAS'] });
    const das = await committeeIdOf(anne, 'DAS');
    meetingId = (await createMeeting(anne, das, '2021-02-15')).meeting.id;
    closedItemId = (await addItem(anne, meetingId, { title: SECRET_TITLE, access: 'closed' })).id;
  });
  after(() => t.dispose());

  void it('attributes each of two users’ concurrent writes to the user who made it', async () => {
    const rounds = 8;
    const post = (client: Client, who: string, n: number) =>
      client
        .json(`/api/items/${closedItemId}/follow-ups`, 'POST', {
          what: `${who} opfølgning ${n}`,
          ownerPerson: who,
          dueDate: '01.03.2021',
        })
        .then((res) => assert.equal(res.status, 201));
    await Promise.all(
      Array.from({ length: rounds }, (_, n) => [
        post(anne, 'Anne', n),
        post(bent, 'Bent', n),
      ]).flat(),
    );
    const body = await audit(anne, '?table=follow_up&limit=200');
    assert.equal(body.total, rounds * 2);
    for (const event of body.events) {
      const who = String(event.after?.what).split(' ')[0];
      assert.equal(event.operation, 'insert');
      assert.equal(event.actor.userId, who === 'Anne' ? anne.userId : bent.userId, String(who));
    }
    const byBent = await audit(anne, `?table=follow_up&actor=${bent.userId}`);
    assert.equal(byBent.total, rounds);
    assert.ok(byBent.events.every((e) => String(e.after?.what).startsWith('Bent')));
  });

  void it('shows a meeting’s change with before and after, filtered by type and key', async () => {
    const current = await getMeeting(anne, meetingId);
    const res = await bent.json(`/api/meetings/${meetingId}`, 'PUT', {
      version: current.meeting.version,
      date: '2021-02-15',
      startTime: '13.00',
      endTime: '15.00',
      place: 'Hjørring Rådhus',
    });
    assert.equal(res.status, 200);

    const body = await audit(anne, `?table=meeting&object=${meetingId}`);
    assert.deepEqual(
      body.events.map((e) => e.operation),
      ['update', 'insert'],
    );
    const [update] = body.events;
    assert.deepEqual(update?.changedColumns, ['place']);
    assert.equal(update?.before?.place, 'Aalborg');
    assert.equal(update?.after?.place, 'Hjørring Rådhus');
    assert.equal(update?.actor.userId, bent.userId);
    assert.equal(update?.rowKey, String(meetingId));

    const html = await (
      await anne.request(`/admin/audit?table=meeting&object=${meetingId}`)
    ).text();
    assert.match(html, /<h1>Logbog<\/h1>/);
    assert.match(html, /2 ændringer/);
    assert.match(html, /<th scope="col">Før<\/th>/);
    assert.match(html, /Aalborg<\/td>\s*<td class="audit-value">Hjørring Rådhus<\/td>/);
    assert.match(html, /Ændret:<\/strong> <a href="\/meetings\/\d+">Møde \d+<\/a>/);
    assert.match(html, /<option value="meeting" selected="">Møde<\/option>/);
    // The main menu leads the secretariat here.
    assert.match(html, /href="\/admin\/audit" class="nav-link"/);
  });

  void it('filters by day and pages, and explains bad filters in Danish', async () => {
    const all = await audit(anne, '?limit=200');
    const days = [...new Set(all.events.map((e) => e.at.slice(0, 10)))];
    assert.ok(days.length >= 1);
    const old = await audit(anne, '?to=31.12.2000');
    assert.equal(old.total, 0);
    const paged = await audit(anne, '?limit=3&offset=2');
    assert.deepEqual(
      paged.events.map((e) => e.id),
      all.events.slice(2, 5).map((e) => e.id),
    );
    assert.equal(paged.total, all.total);

    const bad = await expectError(
      await anne.request('/api/audit?table=secrets&from=i%20går&limit=0'),
      400,
    );
    assert.equal(bad.fields.table, 'Vælg en type fra listen.');
    assert.equal(bad.fields.from, 'Skriv datoen som dd.mm.åååå, fx 20.01.2021.');
    assert.match(bad.fields.limit ?? '', /1 til 200/);
    const reversed = await expectError(
      await anne.request('/api/audit?from=2021-02-01&to=2021-01-01'),
      400,
    );
    assert.match(reversed.fields.to ?? '', /senere end fra-datoen/);

    const page = await anne.request('/admin/audit?from=i%20går');
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Filtrene kunne ikke bruges/);
    assert.match(html, /Skriv datoen som dd\.mm\.åååå/);
  });

  void it('never reaches a member or a visitor', async () => {
    const memberApi = await member.request('/api/audit');
    assert.equal(memberApi.status, 403);
    assert.ok(!(await memberApi.text()).includes('FORTROLIG'));
    // Refused before the filters are read: a bad filter tells an outsider nothing either.
    assert.equal((await member.request('/api/audit?table=secrets')).status, 403);
    const memberPage = await member.request('/admin/audit');
    assert.equal(memberPage.status, 403);
    assert.ok(!(await memberPage.text()).includes('FORTROLIG'));
    assert.doesNotMatch(await (await member.request('/')).text(), /\/admin\/audit/);

    assert.equal((await t.anonymous.request('/api/audit')).status, 403);
    const visitorPage = await t.anonymous.request('/admin/audit');
    assert.equal(visitorPage.status, 303);
    assert.match(visitorPage.headers.get('location') ?? '', /^\/login/);

    // The secretariat does read the closed item's title in the log.
    const items = await audit(anne, `?table=item&object=${closedItemId}`);
    assert.equal(items.events[0]?.after?.title, SECRET_TITLE);
  });
});
