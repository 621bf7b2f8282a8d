import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type Client, type TestApp } from '../../../test/support/app.ts';

const SEEDS = new URL('../../../../shared/seeds/', import.meta.url);
const seed = async (name: string) => new Uint8Array(await readFile(new URL(name, SEEDS)));

/** The test app: app.ts mounts the archive, search and thread routes. */
const archiveTestApp = (): Promise<TestApp> => createTestApp();

const decode = (s: string) =>
  s
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
const attr = (tag: string, name: string) =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;

/** The fields a browser would send for the form posting to `action` (inputs, selects). */
function formFields(html: string, action: string): Record<string, string> {
  const start = html.indexOf(`action="${action}"`);
  assert.notEqual(start, -1, `no form posting to ${action}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const fields: Record<string, string> = {};
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const name = attr(tag, 'name');
    if (name === null) continue;
    if (attr(tag, 'type') === 'checkbox') {
      if (/\schecked(="[^"]*")?/.test(tag)) fields[name] = 'on';
      continue;
    }
    fields[name] = decode(attr(tag, 'value') ?? '');
  }
  for (const [, open, body] of form.matchAll(/(<select\b[^>]*>)([\s\S]*?)<\/select>/g)) {
    const name = attr(open ?? '', 'name');
    if (name === null) continue;
    const options = [...(body ?? '').matchAll(/<option\b[^>]*>/g)].map((m) => m[0]);
    const chosen = options.find((o) => /\sselected(="[^"]*")?/.test(o)) ?? options[0] ?? '';
    fields[name] = decode(attr(chosen, 'value') ?? '');
  }
  return fields;
}

function upload(client: Client, files: { name: string; bytes: Uint8Array<ArrayBuffer> }[]) {
  const body = new FormData();
  body.set('_csrf', client.csrf);
  for (const f of files) body.append('files', new File([f.bytes], f.name));
  return client.request('/archive/import', { method: 'POST', body });
}

async function counts(t: TestApp) {
  const [row] = await t.db.query<{ sources: number; meetings: number; blobs: number }>(
    `select (select count(*)::int from archive_source) as sources,
       (select count(*)::int from meeting) as meetings,
       (select count(*)::int from file_blob) as blobs`,
  );
  return row;
}

void describe('archive pages', () => {
  let t: TestApp;
  let sec: Client;
  before(async () => {
    t = await archiveTestApp();
    sec = await t.login('secretariat');
  });
  after(() => t.dispose());

  void it('sends anonymous visitors to login, and keeps members out of the import', async () => {
    for (const path of ['/archive', '/archive/import']) {
      const res = await t.anonymous.request(path);
      assert.equal(res.status, 303);
      assert.match(res.headers.get('location') ?? '', /^\/login/);
    }
    const post = await t.anonymous.form('/archive/import/save', { files: '0' });
    assert.equal(post.status, 303);
    assert.match(post.headers.get('location') ?? '', /^\/login/);
    const member = await t.login('member', { committees: ['DAS'] });
    assert.equal((await member.request('/archive/import')).status, 403);
    const html = await (await member.request('/')).text();
    assert.match(html, /href="\/search"/);
    assert.doesNotMatch(html, /href="\/archive"/);
    assert.match(await (await sec.request('/')).text(), /href="\/archive"/);
  });

  void it('imports a seed through review and save; the same file again is unchanged', async () => {
    const before = await counts(t);
    const bytes = await seed('das-2021-01-20-dagsorden.txt');
    const review = await upload(sec, [{ name: 'das-2021-01-20-dagsorden.txt', bytes }]);
    assert.equal(review.status, 200);
    const html = await review.text();
    assert.match(html, /Gennemse importen/);
    assert.match(html, /value="Monitorering af udgifter på det specialiserede socialområde"/);
    assert.match(html, /value="Udmøntningsplan for Nordjysk Socialaftale 2021-2022"/);
    assert.match(html, /value="20\.01\.2021"/);
    // the review stores nothing but the staged file
    const mid = await counts(t);
    assert.equal(mid?.sources, before?.sources);
    assert.equal(mid?.meetings, before?.meetings);

    const fields = formFields(html, '/archive/import/save');
    assert.equal(fields.f0_committee, 'DAS');
    assert.equal(fields.f0_include, 'on');
    const saved = await sec.form('/archive/import/save', fields);
    assert.equal(saved.status, 200);
    const result = await saved.text();
    assert.match(result, /Importen er gemt/);
    assert.match(result, />ny</);
    const meetingId = Number(/href="\/meetings\/(\d+)"/.exec(result)?.[1]);
    const items = await t.db.query<{ number: number; title: string }>(
      'select number, title from item where meeting_id = $1 order by number',
      [meetingId],
    );
    assert.equal(items.length, 15);
    assert.equal(items[2]?.title, 'Monitorering af udgifter på det specialiserede socialområde');

    // the list, the meeting and the original file
    const list = await (await sec.request('/archive')).text();
    assert.match(list, /das-2021-01-20-dagsorden\.txt/);
    assert.match(list, new RegExp(`/meetings/${meetingId}`));
    const sourceId = Number(/\/archive\/sources\/(\d+)/.exec(list)?.[1]);
    const file = await sec.request(`/archive/sources/${sourceId}`);
    assert.equal(file.status, 200);
    assert.match(file.headers.get('content-disposition') ?? '', /^attachment/);
    assert.deepEqual(new Uint8Array(await file.arrayBuffer()), bytes);
    assert.equal((await t.anonymous.request(`/archive/sources/${sourceId}`)).status, 303);
    const [item] = await t.db.query<{ id: number }>(
      'select id from item where meeting_id = $1 and number = 3',
      [meetingId],
    );
    const itemPage = await (await t.anonymous.request(`/items/${item!.id}`)).text();
    assert.match(itemPage, /Kilde: linje \d+–\d+ i das-2021-01-20-dagsorden\.txt/);
    assert.doesNotMatch(itemPage, /\/archive\/sources\//);

    // the same document again
    const again = await upload(sec, [{ name: 'kopi.txt', bytes }]);
    const againHtml = await again.text();
    assert.match(againHtml, /allerede importeret/);
    const second = await sec.form(
      '/archive/import/save',
      formFields(againHtml, '/archive/import/save'),
    );
    assert.equal(second.status, 200);
    assert.match(await second.text(), />uændret</);
    assert.equal((await counts(t))?.meetings, (mid?.meetings ?? 0) + 1);
  });

  void it('applies the corrections: date, title, merge into the previous item, removal', async () => {
    const html = await (
      await upload(sec, [{ name: 'das-2012.txt', bytes: await seed('das-2012-referat.txt') }])
    ).text();
    const fields = formFields(html, '/archive/import/save');
    assert.equal(fields.f0_date, '', 'the 2012 minutes carry no date');
    const count = Number(fields.f0_count);
    assert.equal(count, 12);
    // a bad date and a missing committee are refused with Danish messages, nothing stored
    const before = await counts(t);
    const bad = await sec.form('/archive/import/save', {
      ...fields,
      f0_date: '31.02.2012',
      f0_committee: '',
    });
    assert.equal(bad.status, 400);
    const badHtml = await bad.text();
    assert.match(badHtml, /Skriv datoen som dd\.mm\.åååå/);
    assert.match(badHtml, /Vælg det udvalg, mødet hører til/);
    assert.match(badHtml, /value="31\.02\.2012"/);
    assert.equal((await counts(t))?.sources, before?.sources);

    const res = await sec.form('/archive/import/save', {
      ...fields,
      f0_date: '19.04.2012',
      f0_i2_title: 'Styringsaftalen for 2013 (rettet)',
      f0_i3_action: 'merge',
      f0_i11_action: 'remove',
    });
    assert.equal(res.status, 200);
    const meetingId = Number(/href="\/meetings\/(\d+)"/.exec(await res.text())?.[1]);
    const [meeting] = await t.db.query<{ date: string }>('select date from meeting where id = $1', [
      meetingId,
    ]);
    assert.equal(meeting?.date, '2012-04-19');
    const items = await t.db.query<{ number: number; title: string; body: string }>(
      'select number, title, body from item where meeting_id = $1 order by number',
      [meetingId],
    );
    assert.equal(items.length, count - 2);
    assert.equal(items[2]?.title, 'Styringsaftalen for 2013 (rettet)');
    assert.match(items[2]?.body ?? '', /4\. Status vedrørende netværksgruppen/);
    assert.ok(!items.some((i) => i.title === 'Evt.'));
    assert.ok(!items.some((i) => i.number === 4));
  });

  void it('refuses duplicate numbers and a merge of the first item', async () => {
    const html = await (
      await upload(sec, [{ name: 'das-2017.txt', bytes: await seed('das-2017-03-02-referat.txt') }])
    ).text();
    const fields = formFields(html, '/archive/import/save');
    const res = await sec.form('/archive/import/save', {
      ...fields,
      f0_i0_action: 'merge',
      f0_i2_number: '2',
    });
    assert.equal(res.status, 400);
    const text = await res.text();
    assert.match(text, /intet punkt før det/);
    assert.match(text, /Punktnummer 2 bruges flere gange/);
  });

  void it('refuses an empty file and an oversized one with a Danish message, storing nothing', async () => {
    const before = await counts(t);
    const empty = await upload(sec, [{ name: 'tom.txt', bytes: new Uint8Array() }]);
    assert.equal(empty.status, 400);
    assert.match(await empty.text(), /tom\.txt<\/strong>: Filen er tom\./);
    const big = await upload(sec, [
      { name: 'stor.pdf', bytes: new Uint8Array(t.config.maxUploadBytes + 1) },
    ]);
    assert.equal(big.status, 413);
    assert.match(await big.text(), /højst fylde 1,0 MB/);
    assert.deepEqual(await counts(t), before);
    // a bad file next to a good one: the good one is reviewed, the bad one named
    const mixed = await upload(sec, [
      { name: 'tom.txt', bytes: new Uint8Array() },
      { name: 'das-2019.txt', bytes: await seed('das-2019-01-22-orientering-og-bilag.txt') },
    ]);
    assert.equal(mixed.status, 200);
    const html = await mixed.text();
    assert.match(html, /Filen er tom\./);
    assert.match(html, /value="Nye tilbud til det forstærkede samarbejde"/);
  });
});
