/** Uploads: the original bytes come back as a download; too big, empty and anonymous are refused. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createTestApp, type Client, type TestApp } from '../../../test/support/app.ts';
import { formatMegabytes } from './attachments.ts';
import {
  addItem,
  committeeIdOf,
  createMeeting,
  expectError,
  expectJson,
  getItem,
  upload,
  type AttachmentJson,
  type ItemJson,
} from './test-fixtures.ts';

void describe('attachments API', () => {
  let t: TestApp;
  let sec: Client;
  let item: ItemJson;

  before(async () => {
    t = await createTestApp();
    sec = await t.login('secretariat');
    const meeting = await createMeeting(sec, await committeeIdOf(sec, 'DAS'), '2021-01-20');
    item = await addItem(sec, meeting.meeting.id);
  });
  after(() => t.dispose());

  void it('stores a small file and serves the identical bytes as a download', async () => {
    const bytes = new Uint8Array(randomBytes(50_000));
    const res = await upload(sec, item.id, bytes, {
      filename: 'Økonomi æøå.pdf',
      title: 'Økonomirapport',
    });
    const created = await expectJson<AttachmentJson>(res, 201);
    assert.equal(created.title, 'Økonomirapport');
    assert.equal(created.filename, 'Økonomi æøå.pdf');
    assert.equal(created.size, bytes.length);
    assert.equal(created.access, 'open');

    const download = await sec.request(`/api/attachments/${created.id}`);
    assert.equal(download.status, 200);
    assert.equal(download.headers.get('content-type'), 'application/octet-stream');
    assert.equal(download.headers.get('x-content-type-options'), 'nosniff');
    const disposition = download.headers.get('content-disposition') ?? '';
    assert.match(disposition, /^attachment; filename="/);
    assert.match(disposition, /filename\*=UTF-8''%C3%98konomi%20%C3%A6%C3%B8%C3%A5\.pdf/);
    assert.deepEqual(new Uint8Array(await download.arrayBuffer()), bytes);

    // The meeting is still a draft: not public, so neither is the file.
    await expectError(await t.anonymous.request(`/api/attachments/${created.id}`), 404);
    const listed = await getItem(sec, item.id);
    assert.equal(listed.attachments[0]?.label, 'Bilag 1');
    assert.equal(listed.attachments[0]?.url, `/api/attachments/${created.id}`);
  });

  void it('refuses a file over the limit with 413 and a message stating the limit in MB', async () => {
    const limit = t.config.maxUploadBytes;
    assert.equal(formatMegabytes(limit), '1 MB');
    const over = await expectError(await upload(sec, item.id, new Uint8Array(limit + 1)), 413);
    assert.match(over.error, /højst fylde 1 MB/);
    // Far over the limit: stopped by the body limit before it is read.
    const huge = await expectError(await upload(sec, item.id, new Uint8Array(limit * 3)), 413);
    assert.match(huge.error, /højst fylde 1 MB/);
    await expectJson<AttachmentJson>(
      await upload(sec, item.id, new Uint8Array(limit).fill(7)),
      201,
    );
  });

  void it('refuses an empty file, a missing file and an unknown access level', async () => {
    const empty = await expectError(await upload(sec, item.id, new Uint8Array(0)), 400);
    assert.match(empty.fields.file ?? '', /tom/);
    const form = new FormData();
    form.set('title', 'Uden fil');
    const init = { method: 'POST', body: form, headers: { 'x-csrf-token': sec.csrf } };
    const missing = await expectError(
      await sec.request(`/api/items/${item.id}/attachments`, init),
      400,
    );
    assert.match(missing.fields.file ?? '', /Vælg en fil/);
    const access = await expectError(
      await upload(sec, item.id, new Uint8Array([1]), { access: 'hemmelig' }),
      400,
    );
    assert.equal(
      access.fields.access,
      'Vælg en af: Åben, Lukket, Personoplysninger (kun navngivne).',
    );
  });

  void it('refuses anonymous uploads and removals with 403 JSON and lets the secretariat remove', async () => {
    await expectError(await upload(t.anonymous, item.id, new Uint8Array([1, 2, 3])), 403);
    const created = await expectJson<AttachmentJson>(
      await upload(sec, item.id, new Uint8Array([4, 5, 6]), { access: 'closed' }),
      201,
    );
    assert.equal(created.access, 'closed');
    await expectError(
      await t.anonymous.json(`/api/attachments/${created.id}`, 'DELETE', null),
      403,
    );
    const removed = await sec.json(`/api/attachments/${created.id}`, 'DELETE', null);
    assert.equal(removed.status, 204);
    await expectError(await sec.request(`/api/attachments/${created.id}`), 404);
  });
});
