import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type Client, type TestApp } from '../../../test/support/app.ts';

/** The id in a 303 Location such as /meetings/12?saved=… */
const locationId = (res: Response) =>
  Number(/\/(\d+)/.exec(res.headers.get('location') ?? '')?.[1]);

void describe('pages', () => {
  let t: TestApp;
  let sec: Client;
  let das: number;
  before(async () => {
    t = await createTestApp();
    sec = await t.login('secretariat');
    das = (await t.services.committees.list()).find((c) => c.shortName === 'DAS')!.id;
  });
  after(() => t.dispose());

  const newMeeting = async (date: string) => {
    const res = await sec.form('/meetings', {
      committeeId: String(das),
      date,
      startTime: '13.00',
      endTime: '16.00',
      place: 'Aalborg',
    });
    assert.equal(res.status, 303);
    return locationId(res);
  };

  void it('opens a fresh install on a start page that explains the first step', async () => {
    const html = await (await t.anonymous.request('/')).text();
    assert.match(html, /Nordjysk Socialaftale/);
    assert.match(html, /<!DOCTYPE html>/);
  });

  void it('refuses a form without its CSRF token', async () => {
    const res = await sec.request('/meetings', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ committeeId: String(das), date: '20.01.2021' }).toString(),
    });
    assert.equal(res.status, 403);
  });

  void it('shows Danish field errors beside the fields and keeps what was typed', async () => {
    const res = await sec.form('/meetings', {
      committeeId: String(das),
      date: '31.02.2021',
      startTime: '16.00',
      endTime: '13.00',
      place: 'Hjørring Rådhus',
    });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /Skriv datoen som dd\.mm\.åååå/);
    assert.match(html, /Sluttidspunktet skal ligge efter starttidspunktet/);
    assert.match(html, /value="Hjørring Rådhus"/);
    assert.match(html, /value="31\.02\.2021"/);
  });

  void it('sends anonymous visitors to login for secretariat actions, and never half-saves', async () => {
    const before = await t.db.query<{ n: number }>('select count(*) as n from meeting');
    const res = await t.anonymous.form('/meetings', {
      committeeId: String(das),
      date: '20.01.2021',
    });
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location') ?? '', /^\/login/);
    assert.deepEqual(await t.db.query('select count(*) as n from meeting'), before);
  });

  void it('detects a concurrent edit and keeps the first save and the second typing', async () => {
    const meetingId = await newMeeting('20.01.2021');
    const add = await sec.form(`/meetings/${meetingId}/items`, {
      title: 'Takster 2022',
      section: 'for-decision',
      access: 'open',
      recommendations: '',
    });
    assert.equal(add.status, 303);
    const [item] = await t.db.query<{ id: number; version: number }>(
      `select id, version from item where meeting_id = $1 and title = 'Takster 2022'`,
      [meetingId],
    );
    const fields = { section: 'for-decision', access: 'open', version: String(item!.version) };
    assert.equal(
      (await sec.form(`/items/${item!.id}`, { ...fields, title: 'Første ændring' })).status,
      303,
    );
    const second = await sec.form(`/items/${item!.id}`, { ...fields, title: 'Anden ændring' });
    assert.equal(second.status, 409);
    const html = await second.text();
    assert.match(html, /En anden har gemt ændringer/);
    assert.match(html, /value="Anden ændring"/);
    const [stored] = await t.db.query<{ title: string }>('select title from item where id = $1', [
      item!.id,
    ]);
    assert.equal(stored?.title, 'Første ændring');
  });

  void it('keeps closed items out of the public page, and refuses oversized uploads with the limit', async () => {
    const meetingId = await newMeeting('17.03.2021');
    await sec.form(`/meetings/${meetingId}/items`, {
      title: 'Borger Xylofon sag',
      section: 'for-decision',
      access: 'closed',
      summary: 'Xylofon resumé',
      recommendations: 'Xylofon indstilling',
    });
    const [closed] = await t.db.query<{ id: number }>(
      `select id from item where meeting_id = $1 and access = 'closed'`,
      [meetingId],
    );
    const big = new FormData();
    big.set('_csrf', sec.csrf);
    big.set('file', new File([new Uint8Array(t.config.maxUploadBytes + 1)], 'stor.pdf'));
    const tooBig = await sec.request(`/items/${closed!.id}/attachments`, {
      method: 'POST',
      body: big,
    });
    assert.equal(tooBig.status, 413);
    assert.match(await tooBig.text(), /højst fylde 1,0 MB/);
    const [m] = await t.db.query<{ version: number }>('select version from meeting where id = $1', [
      meetingId,
    ]);
    assert.equal(
      (
        await sec.form(`/meetings/${meetingId}/actions/publish-agenda`, {
          version: String(m!.version),
        })
      ).status,
      303,
    );
    const pub = await (await t.anonymous.request(`/meetings/${meetingId}`)).text();
    assert.match(pub, /Lukket punkt/);
    assert.doesNotMatch(pub, /Xylofon/);
    assert.equal((await t.anonymous.request(`/items/${closed!.id}`)).status, 404);
    // The public page is cached, but a change shows at once.
    await sec.form(`/meetings/${meetingId}/items`, {
      title: 'Nyt åbent punkt Kvisten',
      section: 'for-information',
      access: 'open',
      recommendations: '',
    });
    assert.match(
      await (await t.anonymous.request(`/meetings/${meetingId}`)).text(),
      /Nyt åbent punkt Kvisten/,
    );
    const pdf = await t.anonymous.request(`/meetings/${meetingId}/agenda.pdf`);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  });

  void it('lets the secretariat add and end committee members, with history kept', async () => {
    const add = await sec.form(`/committees/${das}/members`, {
      name: 'Socialdirektør Hansen',
      role: 'chair',
      validFrom: '01.01.2021',
      organisationId: '',
    });
    assert.equal(add.status, 303);
    let html = await (await sec.request(`/committees/${das}`)).text();
    assert.match(html, /Socialdirektør Hansen/);
    assert.match(html, /Formand/);
    const [row] = await t.db.query<{ id: number }>(
      'select id from committee_membership order by id desc limit 1',
    );
    assert.equal(
      (await sec.form(`/committees/${das}/members/${row!.id}/end`, { validTo: '2021-01-05' }))
        .status,
      303,
    );
    html = await (await sec.request(`/committees/${das}`)).text();
    assert.doesNotMatch(html, /Socialdirektør Hansen/);
    html = await (await sec.request(`/committees/${das}?members=all`)).text();
    assert.match(html, /Socialdirektør Hansen/);
    const bad = await sec.form(`/committees/${das}/members`, {
      name: '',
      role: 'boss',
      validFrom: 'i går',
    });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /Skriv personens navn/);
  });

  void it('creates a follow-up from a decision, owned by a kommune and due at a later meeting', async () => {
    const first = await newMeeting('09.06.2021');
    const later = await newMeeting('18.08.2021');
    await sec.form(`/meetings/${first}/items`, {
      title: 'Plan for Kvisten',
      section: 'for-decision',
      access: 'open',
      recommendations: '',
    });
    const [item] = await t.db.query<{ id: number }>(
      `select id from item where meeting_id = $1 and title = 'Plan for Kvisten'`,
      [first],
    );
    const rebild = (await t.services.committees.organisations()).find(
      (o) => o.shortName === 'Rebild',
    )!;
    const bad = await sec.form(`/items/${item!.id}/follow-ups`, {
      what: '',
      ownerPerson: '',
      dueDate: '',
    });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /Skriv hvad der skal følges op på/);
    const ok = await sec.form(`/items/${item!.id}/follow-ups`, {
      what: 'Rebild udarbejder et bud på nye takster',
      ownerOrganisationId: String(rebild.id),
      ownerPerson: '',
      dueDate: '',
      dueMeetingId: String(later),
    });
    assert.equal(ok.status, 303);
    const laterPage = await (await sec.request(`/meetings/${later}`)).text();
    assert.match(laterPage, /Opfølgninger med frist til dette møde/);
    assert.match(laterPage, /Rebild udarbejder et bud på nye takster \(Rebild/);
    assert.match(
      await (await sec.request(`/committees/${das}`)).text(),
      /Rebild udarbejder et bud/,
    );
    assert.doesNotMatch(
      await (await t.anonymous.request(`/committees/${das}`)).text(),
      /Rebild udarbejder/,
    );
  });
});
