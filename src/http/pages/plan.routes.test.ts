import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, fixedClock, type Client, type TestApp } from '../../../test/support/app.ts';

const body = (res: Response) => res.text();
const location = (res: Response) => res.headers.get('location') ?? '';

void describe('the agreement plan pages and API', () => {
  let t: TestApp;
  let sec: Client;
  let agreementId: number;
  let closedItem: number;

  before(async () => {
    t = await createTestApp(fixedClock('2022-03-15T09:00:00Z'));
    sec = await t.login('secretariat');
    const [das] = await t.db.query<{ id: number }>(
      `select id from committee where short_name = 'DAS'`,
    );
    const [m] = await t.db.query<{ id: number }>(
      `insert into meeting (committee_id, date, stage) values ($1, '2021-09-01', 'minutes-approved') returning id`,
      [das?.id ?? null],
    );
    const [i] = await t.db.query<{ id: number }>(
      `insert into item (meeting_id, number, section, title, access)
       values ($1, 5, 'for-decision', 'Fortroligt om Borger Q', 'closed') returning id`,
      [m?.id ?? null],
    );
    closedItem = i?.id ?? 0;
  });
  after(() => t.dispose());

  void it('lets the secretariat build a plan through the forms, refusing bad input in Danish', async () => {
    const bad = await sec.form('/plan', {
      name: '',
      periodStart: '2022',
      periodEnd: '2021',
      vision: '',
    });
    assert.equal(bad.status, 400);
    const badHtml = await body(bad);
    assert.match(badHtml, /Skriv aftalens navn/);
    assert.match(
      badHtml,
      /Slutåret skal være samme år som startåret eller senere|Skriv aftalens navn/,
    );

    const created = await sec.form('/plan', {
      name: 'Rammeaftale 2021-2022',
      periodStart: '2021',
      periodEnd: '2022',
      vision: 'Det rette tilbud til borgeren',
    });
    assert.equal(created.status, 303);
    agreementId = Number(/\/plan\/(\d+)\/manage/.exec(location(created))?.[1]);
    assert.ok(agreementId > 0);

    assert.equal(
      (
        await sec.form(`/plan/${agreementId}/focus-areas`, {
          number: '1',
          title: 'Styring og økonomi',
          description: '',
        })
      ).status,
      303,
    );
    const [fa] = await t.db.query<{ id: number }>(
      `select id from focus_area where agreement_id = $1`,
      [agreementId],
    );
    const wrongCode = await sec.form(`/plan/focus-areas/${fa?.id}/initiatives`, {
      code: '2A',
      title: 'Takster',
      description: '',
      committeeId: '',
    });
    assert.equal(wrongCode.status, 400);
    assert.match(await body(wrongCode), /begynde med fokusområdets nummer 1/);
    assert.equal(
      (
        await sec.form(`/plan/focus-areas/${fa?.id}/initiatives`, {
          code: '1a',
          title: 'Ny takststruktur',
          description: '',
          committeeId: '',
        })
      ).status,
      303,
    );
    const [ini] = await t.db.query<{ id: number }>(
      `select id from initiative where focus_area_id = $1`,
      [fa?.id ?? null],
    );

    const form = await body(await sec.request(`/plan/initiatives/${ini?.id}/activities/new`));
    assert.match(form, /Fortroligt om Borger Q \(lukket\)/, 'the picker lists the period’s items');
    const outside = await sec.form(`/plan/initiatives/${ini?.id}/activities`, {
      title: 'For sent',
      year: '2024',
      period: 'h1',
      status: 'planned',
      committeeId: '',
      itemId: '',
      note: '',
    });
    assert.equal(outside.status, 400);
    assert.match(await body(outside), /aftalens periode 2021-2022/);
    for (const [title, year, period, status, itemId] of [
      ['Analyse af takster', '2021', 'h1', 'done', ''],
      ['Beslutning i DAS', '2021', 'h2', 'in-progress', String(closedItem)],
      ['Evaluering', '2022', 'h1', 'planned', ''],
    ] as const)
      assert.equal(
        (
          await sec.form(`/plan/initiatives/${ini?.id}/activities`, {
            title,
            year,
            period,
            status,
            committeeId: '',
            itemId,
            note: '',
          })
        ).status,
        303,
      );
  });

  void it('shows the status and the timeline, with overdue work first', async () => {
    const status = await body(await sec.request(`/plan/${agreementId}`));
    assert.match(status, /Kræver opmærksomhed/);
    // "Beslutning i DAS" belonged to 2. halvår 2021 and is still running in March 2022
    const attention = status.slice(status.indexOf('Kræver opmærksomhed'), status.indexOf('Nu ('));
    assert.match(attention, /Beslutning i DAS/);
    assert.doesNotMatch(attention, /Analyse af takster/);
    assert.match(status, /1A Ny takststruktur/);
    assert.match(status, /33 %/); // one of three done

    const timeline = await body(await sec.request(`/plan/${agreementId}/timeline`));
    const cell =
      /data-slot="2022-h1"[^>]*>(.*?)<\/td>/s.exec(
        timeline.slice(timeline.indexOf('data-initiative="1A"')),
      )?.[1] ?? '';
    assert.match(cell, /Evaluering/);
    assert.match(timeline, /class="plan-now"[^>]*>1\. halvår/);
  });

  void it('keeps the plan from the public and operators, and closed titles from other committees', async () => {
    const anon = await t.anonymous.request(`/plan/${agreementId}`);
    assert.ok([302, 303, 403].includes(anon.status), `anonymous got ${anon.status}`);
    assert.doesNotMatch(await body(anon), /Ny takststruktur/);
    const operator = await t.login('operator', { organisation: 'Hjørring' });
    assert.equal((await operator.request(`/api/agreements/${agreementId}`)).status, 403);
    assert.equal((await t.anonymous.request('/api/agreements')).status, 403);

    const outsider = await t.login('member', { committees: ['FU'] });
    const page = await body(await outsider.request(`/plan/${agreementId}`));
    assert.match(page, /punkt 5 \(lukket punkt\)/);
    assert.doesNotMatch(page, /Borger Q/);
    const json = await body(await outsider.request(`/api/agreements/${agreementId}`));
    assert.doesNotMatch(json, /Borger Q/);
    const insider = await t.login('member', { committees: ['DAS'] });
    assert.match(await body(await insider.request(`/plan/${agreementId}/timeline`)), /Borger Q/);
    assert.equal(
      (
        await outsider.form(`/plan/${agreementId}/focus-areas`, {
          number: '2',
          title: 'X',
          description: '',
        })
      ).status,
      403,
    );
  });

  void it('edits through the API with versions: a stale write is 409 and changes nothing', async () => {
    const plan = (await (await sec.request(`/api/agreements/${agreementId}`)).json()) as {
      status: { counts: { total: number } };
      focusAreas: {
        initiatives: {
          activities: { id: number; title: string; version: number; status: string }[];
        }[];
      }[];
    };
    assert.equal(plan.status.counts.total, 3);
    const evaluation = plan.focusAreas[0]?.initiatives[0]?.activities.find(
      (a) => a.title === 'Evaluering',
    );
    assert.ok(evaluation);
    const fields = {
      title: 'Evaluering',
      year: 2022,
      period: 'h1',
      committeeId: null,
      itemId: null,
      note: '',
    };
    const ok = await sec.json(`/api/activities/${evaluation.id}`, 'PUT', {
      ...fields,
      status: 'delayed',
      version: evaluation.version,
    });
    assert.equal(ok.status, 200);
    const stale = await sec.json(`/api/activities/${evaluation.id}`, 'PUT', {
      ...fields,
      status: 'done',
      version: evaluation.version,
    });
    assert.equal(stale.status, 409);
    const [row] = await t.db.query<{ status: string }>(
      `select status from plan_activity where id = $1`,
      [evaluation.id],
    );
    assert.equal(row?.status, 'delayed');
    const bad = await sec.json(`/api/activities/${evaluation.id}`, 'PUT', {
      ...fields,
      period: 'q3',
      status: 'done',
      version: 2,
    });
    assert.equal(bad.status, 400);
    const err = (await bad.json()) as { fields: Record<string, string> };
    assert.match(err.fields.period ?? '', /Primo/);
    assert.equal(
      (await sec.json(`/api/activities/${evaluation.id}`, 'DELETE', { version: 2 })).status,
      204,
    );
    assert.equal(
      (
        await sec.json(`/api/activities/${evaluation.id}`, 'PUT', {
          ...fields,
          status: 'done',
          version: 3,
        })
      ).status,
      404,
    );
  });
  void it('deletes from the edit page only at the version shown, and says so when it is stale', async () => {
    const [a] = await t.db.query<{ id: number; version: number }>(
      `select id, version from plan_activity where title = 'Analyse af takster'`,
    );
    assert.ok(a);
    const edit = await body(await sec.request(`/plan/activities/${a.id}/edit`));
    assert.match(edit, /Slet aktiviteten/);
    const stale = await sec.form(`/plan/activities/${a.id}/delete`, {
      version: String(a.version + 1),
    });
    assert.equal(stale.status, 303);
    assert.match(decodeURIComponent(location(stale)), /error=En anden har gemt ændringer/);
    assert.equal((await t.db.query(`select 1 from plan_activity where id = $1`, [a.id])).length, 1);
    const done = await sec.form(`/plan/activities/${a.id}/delete`, { version: String(a.version) });
    assert.match(decodeURIComponent(location(done)), /saved=Aktiviteten er slettet/);
    assert.equal((await t.db.query(`select 1 from plan_activity where id = $1`, [a.id])).length, 0);
  });
});
