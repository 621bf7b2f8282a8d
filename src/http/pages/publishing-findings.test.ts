/**
 * The publishing guard through the pages and the API: a CPR number in an open item stops
 * "Udsend dagsorden" with a page of findings (Danish, masked) and a checkbox; the API answers 409
 * with the findings until `confirmFindings: true`. Members never reach it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type Client, type TestApp } from '../../../test/support/app.ts';
import {
  addItem,
  committeeIdOf,
  createMeeting,
  expectJson,
  getMeeting,
  type MeetingJson,
} from '../api/test-fixtures.ts';

void describe('publishing guard pages and API', () => {
  let app: TestApp;
  let sek: Client;
  let das: number;

  before(async () => {
    app = await createTestApp();
    sek = await app.login('secretariat');
    das = await committeeIdOf(sek, 'DAS');
  });
  after(() => app.dispose());

  const meetingWithCpr = async (date: string) => {
    const m = await createMeeting(sek, das, date);
    await addItem(sek, m.meeting.id, {
      caseDescription: 'Baggrund\nBorgeren med CPR 150385-0008 er flyttet.',
    });
    await addItem(sek, m.meeting.id, {
      title: 'Lukket sag 010165-0000',
      access: 'closed',
      caseDescription: '010165-0000',
    });
    return m.meeting.id;
  };

  void it('shows the findings on a page and publishes only with the box ticked', async () => {
    const id = await meetingWithCpr('2021-02-01');
    const version = String((await getMeeting(sek, id)).meeting.version);
    const path = `/meetings/${id}/actions/publish-agenda`;
    const first = await sek.form(path, { version });
    assert.equal(first.status, 409);
    const html = await first.text();
    assert.match(html, /class="alert alert-warning"/);
    assert.match(html, /Kontrollen fandt 1 muligt CPR-nummer/);
    assert.match(
      html,
      /<td>150385-XXXX<span class="muted"> \(gyldig dato og modulus 11\)<\/span><\/td>/,
    );
    assert.match(html, /<td>Sagsfremstilling<\/td><td>2<\/td>/);
    assert.match(html, /Jeg har gennemgået fundene og vil offentliggøre alligevel/);
    assert.ok(!html.includes('150385-0008'), 'the serial is never shown');
    assert.ok(!html.includes('010165'), 'the closed item is not scanned');
    assert.equal((await getMeeting(sek, id)).meeting.stage, 'agenda-draft');

    const unticked = await sek.form(path, { version, reviewed: '1' });
    assert.equal(unticked.status, 409);
    assert.match(await unticked.text(), /Sæt kryds ved/);
    assert.equal((await getMeeting(sek, id)).meeting.stage, 'agenda-draft');

    const ticked = await sek.form(path, { version, reviewed: '1', confirmFindings: '1' });
    assert.equal(ticked.status, 303);
    assert.equal((await getMeeting(sek, id)).meeting.stage, 'agenda-published');
    const [row] = await app.db.query<{ count: number; user: number }>(
      `select finding_count as count, user_id as user from publishing_confirmation where meeting_id = $1`,
      [id],
    );
    assert.deepEqual(row, { count: 1, user: sek.userId });
  });

  void it('answers 409 with the findings in the API until confirmFindings is true', async () => {
    const id = await meetingWithCpr('2021-03-01');
    const version = (await getMeeting(sek, id)).meeting.version;
    const path = `/api/meetings/${id}/actions/publish-agenda`;
    const refused = await expectJson<{ error: string; findings: unknown[] }>(
      await sek.json(path, 'POST', { version }),
      409,
    );
    assert.deepEqual(refused.findings, [
      {
        kind: 'cpr',
        text: '150385-XXXX',
        rule: 'modulus-11',
        where: {
          item: { number: 3, title: 'Takster for 2022' },
          source: 'Sagsfremstilling',
          line: 2,
        },
      },
    ]);
    const member = await app.login('member', { committees: ['DAS'] });
    assert.equal((await member.json(path, 'POST', { version, confirmFindings: true })).status, 403);
    const bad = await sek.json(path, 'POST', { version, confirmFindings: 'ja' });
    assert.equal(bad.status, 400);
    const published = await expectJson<MeetingJson>(
      await sek.json(path, 'POST', { version, confirmFindings: true }),
      200,
    );
    assert.equal(published.stage, 'agenda-published');
  });

  void it('documents confirmFindings and the 409 with findings in the OpenAPI document', async () => {
    const doc = await expectJson<{
      paths: Record<string, Record<string, { responses: Record<string, { description: string }> }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    }>(await app.anonymous.request('/api/openapi.json'), 200);
    for (const path of [
      '/meetings/{id}/actions/{action}',
      '/tariff-rounds/{year}/appendix/publish',
    ]) {
      assert.match(
        doc.paths[path]?.post?.responses['409']?.description ?? '',
        /confirmFindings: true/,
      );
    }
    assert.ok(doc.components.schemas.PublishInput?.properties?.confirmFindings);
    assert.ok(doc.components.schemas.PublishingFindings?.properties?.findings);
  });
});
