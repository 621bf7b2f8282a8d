/**
 * Fuzzes the forms: crawls the pages as the secretariat, collects every POST form, and submits
 * it with its own values broken (the same hostile strings as the API fuzz), urlencoded and as
 * multipart. The property: never a 5xx; a refusal shows its messages in Danish; and unless the
 * form succeeded (a redirect), the database holds exactly what it held before.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { createTestApp, type Client, type TestApp } from '../support/app.ts';
import {
  assertDanish,
  assertProperty,
  changedTables,
  FUZZ_RUNS,
  fingerprinter,
  hostileStrings,
} from './fuzz-support.ts';
import { buildWorld } from './world.ts';

interface Field {
  name: string;
  value: string;
  /** The choices of a select or radio group (a plausible value besides the hostile ones). */
  options: string[];
}
interface Form {
  page: string;
  action: string;
  multipart: boolean;
  fields: Field[];
}

/** How many pages the crawl opens at most (the world is small; this bounds a runaway). */
const MAX_PAGES = 80;
/** Pages whose paths differ only in ids or codes are one kind of page: two of each suffice. */
const PER_KIND = 2;
const kindOf = (path: string) => path.replace(/\?.*$/, '').replace(/[0-9][0-9.]*/g, 'N');
/** Forms that end the session or log in: not what this test is about. */
const SKIP_ACTIONS = /^\/(logout|login)/;
/** Links to files and feeds (not pages with forms). */
const SKIP_LINKS = /\.(pdf|xlsx|csv|ics|json|css|js|png|svg)(\?|$)|\/attachments\/|^\/api\//;

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const attr = (tag: string, name: string): string | null => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decode(m[1] ?? '') : null;
};

/** The POST forms of a page (server-rendered markup: quoted attributes, no nested forms). */
export function formsOf(page: string, html: string): Form[] {
  const forms: Form[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const open = m[1] ?? '';
    const inner = m[2] ?? '';
    if ((attr(open, 'method') ?? 'get').toLowerCase() !== 'post') continue;
    const action = attr(open, 'action') ?? page;
    const fields = new Map<string, Field>();
    const add = (name: string | null, value: string, option?: string) => {
      if (name === null || name === '') return;
      const field = fields.get(name) ?? { name, value, options: [] };
      if (option !== undefined) field.options.push(option);
      fields.set(name, field);
    };
    for (const [tag] of inner.matchAll(/<input\b[^>]*>/g)) {
      const type = (attr(tag, 'type') ?? 'text').toLowerCase();
      if (type === 'file' || type === 'submit') continue;
      const value = attr(tag, 'value') ?? (type === 'checkbox' ? 'on' : '');
      if (type === 'radio' || type === 'checkbox') {
        add(attr(tag, 'name'), / checked/.test(tag) ? value : '', value);
      } else add(attr(tag, 'name'), value);
    }
    for (const t of inner.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g))
      add(attr(t[1] ?? '', 'name'), decode(t[2] ?? ''));
    for (const s of inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      const name = attr(s[1] ?? '', 'name');
      const options = [...(s[2] ?? '').matchAll(/<option\b([^>]*)>/g)].map((o) => o[1] ?? '');
      const chosen = options.find((o) => / selected/.test(o)) ?? options[0] ?? '';
      add(name, attr(chosen, 'value') ?? '');
      for (const o of options) add(name, '', attr(o, 'value') ?? '');
    }
    for (const [tag] of inner.matchAll(/<button\b[^>]*>/g)) {
      const name = attr(tag, 'name');
      if (name !== null) add(name, attr(tag, 'value') ?? '');
    }
    forms.push({
      page,
      action,
      multipart: /multipart\/form-data/.test(open) || /type="file"/.test(inner),
      fields: [...fields.values()],
    });
  }
  return forms;
}

/** Breadth-first over the app's own links from the front page. */
async function crawl(client: Client, start: string[]): Promise<{ pages: number; forms: Form[] }> {
  const seen = new Set<string>(start);
  const queue = [...start];
  const forms = new Map<string, Form>();
  const kinds = new Map<string, number>();
  let pages = 0;
  while (queue.length > 0 && pages < MAX_PAGES) {
    const path = queue.shift() ?? '/';
    const res = await client.request(path);
    pages += 1;
    assert.ok(res.status < 500, `GET ${path} → ${res.status}`);
    if (!(res.headers.get('content-type') ?? '').includes('text/html')) {
      await res.body?.cancel();
      continue;
    }
    const html = await res.text();
    for (const form of formsOf(path, html)) {
      if (SKIP_ACTIONS.test(form.action)) continue;
      // One form per action and set of fields: the same delete button on every row is one form.
      forms.set(`${kindOf(form.action)} ${form.fields.map((f) => f.name).join(',')}`, form);
    }
    for (const [, href] of html.matchAll(/href="(\/[^"#]*)"/g)) {
      const link = decode(href ?? '');
      if (SKIP_LINKS.test(link) || seen.has(link)) continue;
      seen.add(link);
      const kind = kinds.get(kindOf(link)) ?? 0;
      if (kind >= PER_KIND) continue;
      kinds.set(kindOf(link), kind + 1);
      queue.push(link);
    }
  }
  return { pages, forms: [...forms.values()] };
}

/** The form's own values with one to three of them broken, dropped, or set to another choice. */
function submissions(form: Form): fc.Arbitrary<{ values: [string, string][]; multipart: boolean }> {
  const names = form.fields.filter((f) => f.name !== '_csrf').map((f) => f.name);
  const change = fc.tuple(
    fc.constantFrom(...names, 'extra'),
    fc.oneof(
      { weight: 4, arbitrary: hostileStrings },
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constant('choice') },
    ),
  );
  return fc
    .record({
      changes: fc.array(change, { minLength: names.length === 0 ? 0 : 1, maxLength: 3 }),
      multipart: fc.boolean(),
    })
    .map(({ changes, multipart }) => {
      const values = new Map(form.fields.map((f) => [f.name, f.value]));
      for (const [name, value] of changes) {
        const field = form.fields.find((f) => f.name === name);
        if (value === null) values.delete(name);
        else if (value === 'choice') values.set(name, field?.options.at(-1) ?? '');
        else values.set(name, value);
      }
      return { values: [...values], multipart: multipart || form.multipart };
    });
}

function send(
  client: Client,
  action: string,
  s: { values: [string, string][]; multipart: boolean },
) {
  const values: [string, string][] = [
    ['_csrf', client.csrf],
    ...s.values.filter(([n]) => n !== '_csrf'),
  ];
  if (!s.multipart) {
    return client.request(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(values).toString(),
    });
  }
  const body = new FormData();
  for (const [name, value] of values) body.append(name, value);
  return client.request(action, { method: 'POST', body });
}

/** The messages a refused form shows: the alert and the messages under the fields. */
function messagesOf(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(
    /class="(?:form-error-message|alert alert-(?:error|warning))"[^>]*>([\s\S]*?)<\/(?:span|div|p)>/g,
  ))
    out.push(decode((m[1] ?? '').replace(/<[^>]*>/g, ' ')).trim());
  return out.filter((m) => m !== '');
}

void describe('form fuzz: every POST form of the pages with broken values', () => {
  let t: TestApp;
  let secretariat: Client;
  let fingerprint: () => Promise<string>;
  let found: { pages: number; forms: Form[] };
  let deficitModel = 0;
  const statuses = new Map<number, number>();

  before(async () => {
    t = await createTestApp();
    secretariat = await t.login('secretariat');
    const world = await buildWorld(t, secretariat);
    deficitModel = world.deficitModel;
    found = await crawl(secretariat, [
      '/',
      `/meetings/${world.meeting}`,
      `/items/${world.item}`,
      `/offers/${world.offer}`,
      `/plan/${world.agreement}`,
    ]);
    fingerprint = await fingerprinter(t.db);
  });
  after(async () => {
    await t.dispose();
    console.log(
      `sider: ${found.pages}, formularer: ${found.forms.length}, svar: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`,
    );
  });

  void it('finds the forms of the main areas', () => {
    const actions = found.forms.map((f) => f.action).join(' ');
    for (const part of ['/meetings', '/items', '/offers', '/plan', '/finance', '/tariffs'])
      assert.ok(actions.includes(part), `en formular under ${part} (fandt ${actions})`);
    assert.ok(found.forms.length >= 20, `${found.forms.length} formularer`);
  });

  void it('clamps the row count a deficit model form sends back (a huge one answered 500)', async () => {
    for (const count of ['99999999999999999999', '1e400', '-5', '2.5', 'NaN']) {
      for (const action of ['save', 'fill-population']) {
        const res = await secretariat.form(`/finance/deficit/${deficitModel}`, {
          name: 'Model',
          municipalityCount: count,
          action,
        });
        assert.ok(res.status < 500, `${count} ${action}: ${res.status}`);
        await res.body?.cancel();
      }
    }
  });

  void it('answers every broken submission without a 5xx, in Danish, nothing half-saved', async () => {
    for (const form of found.forms) {
      await assertProperty(
        fc.asyncProperty(submissions(form), async (s) => {
          const before = await fingerprint();
          const res = await send(secretariat, form.action, s);
          const html = await res.text();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const where = `POST ${form.action} (fra ${form.page}) ${JSON.stringify(s.values).slice(0, 300)}`;
          assert.ok(res.status < 500, `${where} → ${res.status}: ${messagesOf(html).join(' | ')}`);
          if (res.status >= 300 && res.status < 400) return; // saved, or sent on to log in
          const messages = messagesOf(html);
          assertDanish(messages, where);
          // A page answered 200 without a message is a save shown on the page (no redirect).
          if (res.status < 400 && messages.length === 0) return;
          if (res.status >= 400)
            assert.ok(messages.length > 0 || html.length < 400, `${where}: ingen besked`);
          const after = await fingerprint();
          assert.deepEqual(
            changedTables(before, after),
            [],
            `${where}: afvist, men noget blev gemt`,
          );
        }),
        FUZZ_RUNS,
      );
    }
  });
});
