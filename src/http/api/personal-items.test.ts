/**
 * The personal access level through the API and the item form: only the users named on the item
 * and the secretariat read it (members of the committee do not); an unknown e-mail is a Danish
 * field error and nothing is saved; the public sees "Lukket punkt" and the neutral title.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { extractText, getDocumentProxy } from 'unpdf';
import { createTestApp, type Client, type TestApp } from '../../../test/support/app.ts';
import {
  act,
  addItem,
  committeeIdOf,
  createMeeting,
  expectError,
  expectJson,
  getMeeting,
  itemBody,
  type ItemJson,
} from './test-fixtures.ts';

void describe('personal items', () => {
  let t: TestApp;
  let sec: Client;
  let member: Client;
  let named: Client;
  let meetingId = 0;
  const namedEmail = 'sagsbehandler@kommune.dk';

  before(async () => {
    t = await createTestApp();
    sec = await t.login('secretariat');
    member = await t.login('member', { committees: ['DAS'] });
    named = await t.login('member', { committees: ['FU'], email: namedEmail });
    meetingId = (await createMeeting(sec, await committeeIdOf(sec, 'DAS'), '2021-01-20')).meeting
      .id;
    // Published, so that anyone but the secretariat sees the meeting at all.
    await act(sec, meetingId, 'publish-agenda');
  });
  after(() => t.dispose());

  void it('refuses an unknown e-mail with a Danish field error and saves nothing', async () => {
    const before = (await getMeeting(sec, meetingId)).items.length;
    const res = await expectError(
      await sec.json(
        `/api/meetings/${meetingId}/items`,
        'POST',
        itemBody({ access: 'personal', viewers: ['ukendt@kommune.dk'] }),
      ),
      400,
    );
    assert.match(res.fields.viewers ?? '', /ingen bruger med e-mailadressen ukendt@kommune\.dk/);
    assert.equal((await getMeeting(sec, meetingId)).items.length, before);
  });

  void it('shows a personal item to the named user and the secretariat only', async () => {
    const item = await addItem(sec, meetingId, {
      title: 'Borgersag om Hansen',
      publicTitle: 'Borgersag',
      access: 'personal',
      viewers: [namedEmail.toUpperCase()],
    });
    assert.deepEqual(item.viewers, [namedEmail]);
    const seen = await expectJson<ItemJson>(await named.request(`/api/items/${item.id}`), 200);
    assert.equal(seen.title, 'Borgersag om Hansen');
    assert.equal(seen.viewers, undefined, 'only the secretariat sees who is named');
    await expectError(await member.request(`/api/items/${item.id}`), 404);
    const publicDoc = await getMeeting(t.anonymous, meetingId);
    const hidden = publicDoc.items.find((i) => i.number === item.number);
    assert.equal(hidden?.hidden, true);
    assert.equal(hidden?.title, 'Lukket punkt: Borgersag');
    assert.doesNotMatch(JSON.stringify(publicDoc), /Hansen/);
    // the secretariat's meeting page marks the item as personal data
    const page = await (await sec.request(`/meetings/${meetingId}`)).text();
    assert.match(
      page,
      /Borgersag om Hansen<\/a>\s*<span class="badge badge-warning ml-3">Personoplysninger/,
    );
    // and so does the agenda PDF the named user downloads, in the contents and at the item
    const pdf = await named.request(`/meetings/${meetingId}/agenda.pdf`);
    assert.equal(pdf.status, 200);
    const { text } = await extractText(
      await getDocumentProxy(new Uint8Array(await pdf.arrayBuffer())),
      { mergePages: true },
    );
    assert.match(text, /Borgersag om Hansen\s+\(personoplysninger\)/);
    assert.match(text, /Borgersag om Hansen\s+Personoplysninger/);
  });

  void it('sets the level and the named users on the item form', async () => {
    const item = await addItem(sec, meetingId, { title: 'Personalesag', access: 'closed' });
    const form = await (await sec.request(`/items/${item.id}/edit`)).text();
    assert.match(form, /Personoplysninger \(kun navngivne\)/);
    assert.match(form, /name="viewers"/);
    const saved = await sec.form(`/items/${item.id}`, {
      version: String(item.version),
      title: 'Personalesag',
      section: 'for-decision',
      access: 'personal',
      viewers: namedEmail,
      publicTitle: '',
      presenter: '',
      summary: '',
      recommendations: '',
      caseDescription: '',
    });
    assert.equal(saved.status, 303);
    assert.equal((await named.request(`/items/${item.id}`)).status, 200);
    assert.equal((await member.request(`/items/${item.id}`)).status, 404);
    assert.match(
      await (await sec.request(`/items/${item.id}/edit`)).text(),
      new RegExp(namedEmail),
    );
  });
});
