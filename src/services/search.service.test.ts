import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createTestDb, type TestDb } from '../../test/support/db.ts';
import type { Db } from '../db/client.ts';
import { ANONYMOUS, type Stage, type Viewer } from '../domain/meetings/index.ts';
import { HIT_END, HIT_START, stripHighlights } from '../domain/search/index.ts';
import { importDocument } from './archive-import.service.ts';
import { search } from './search.service.ts';

const SECRETARIAT: Viewer = { userId: 1, role: 'secretariat', committeeIds: [] };

interface ItemSpec {
  title: string;
  access?: 'open' | 'closed';
  summary?: string;
  body?: string;
  decision?: string;
  section?: string;
}

async function committeeId(db: Db, shortName: string): Promise<number> {
  const [row] = await db.query<{ id: number }>(`select id from committee where short_name = $1`, [
    shortName,
  ]);
  assert.ok(row);
  return row.id;
}

async function addMeeting(
  db: Db,
  committee: string,
  date: string,
  stage: Stage,
  items: ItemSpec[],
): Promise<number[]> {
  const [meeting] = await db.query<{ id: number }>(
    `insert into meeting (committee_id, date, stage) values ($1, $2, $3) returning id`,
    [await committeeId(db, committee), date, stage],
  );
  assert.ok(meeting);
  const ids: number[] = [];
  for (const [n, item] of items.entries()) {
    const [row] = await db.query<{ id: number }>(
      `insert into item (meeting_id, number, section, title, access, summary, body, decision)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
      [
        meeting.id,
        n + 1,
        item.section ?? 'for-decision',
        item.title,
        item.access ?? 'open',
        item.summary ?? '',
        item.body ?? '',
        item.decision ?? '',
      ],
    );
    assert.ok(row);
    ids.push(row.id);
  }
  return ids;
}

async function addAttachment(
  db: Db,
  itemId: number,
  title: string,
  text: string,
  access: 'open' | 'closed',
) {
  const sha = `${itemId}-${title}`;
  await db.query(`insert into file_blob (sha256, bytes, size) values ($1, $2, 1)`, [
    sha,
    new Uint8Array([1]),
  ]);
  await db.query(
    `insert into attachment (item_id, title, filename, media_type, sha256, size, access, position, text)
     values ($1, $2, 'b.pdf', 'application/pdf', $3, 1, $4, 1, $5)`,
    [itemId, title, sha, access, text],
  );
}

async function mention(db: Db, itemId: number, kind: string, value: string) {
  await db.query(`insert into item_mention (item_id, kind, value) values ($1, $2, $3)`, [
    itemId,
    kind,
    value,
  ]);
}

const ids = (hits: { itemId: number }[]) => hits.map((h) => h.itemId);

void describe('search', () => {
  let t: TestDb;
  let titleHit: number;
  let closedItem: number;
  let bodyHit: number;
  let kvistens: number;
  let draftItem: number;
  let undecidedPublic: number;
  let fuItem: number;
  let attachmentItem: number;
  let decisionOnly: number;
  let bodyOnly: number;

  before(async () => {
    t = await createTestDb();
    [titleHit, closedItem, bodyHit, kvistens, decisionOnly, bodyOnly] = (await addMeeting(
      t.db,
      'DAS',
      '2021-03-01',
      'minutes-approved',
      [
        { title: 'Takstindberetning 2022', body: 'Vinduet åbner 11. juni.', decision: 'Godkendt' },
        {
          title: 'Lukket sag om fortrolighedsord',
          access: 'closed',
          summary: 'Borger A hemmelighedsord takst',
          body: 'Tavshedsord om takstindberetning og Kvistens økonomi',
          decision: 'Lukketbeslutningsord',
        },
        {
          title: 'Orientering om økonomi',
          section: 'for-information',
          body: 'Ny takststruktur. Takststruktur igen. Takststruktur en tredje gang. Taksterne stiger.',
        },
        { title: 'Belægning', body: 'Kvistens belægning var lav i 2020.' },
        { title: 'Temadrøftelse', decision: 'Forankringsmodel vedtaget' },
        { title: 'Oplæg fra KL', body: 'Forankringsmodel blev nævnt.' },
      ],
    )) as [number, number, number, number, number, number];
    [draftItem] = (await addMeeting(t.db, 'DAS', '2021-06-01', 'agenda-draft', [
      { title: 'Kladdeord om takster', body: 'Kladdetekst' },
    ])) as [number];
    [undecidedPublic] = (await addMeeting(t.db, 'DAS', '2021-09-01', 'minutes-draft', [
      { title: 'Budget for Kvisten', decision: 'Udkastbeslutningsord' },
    ])) as [number];
    [fuItem, attachmentItem] = (await addMeeting(t.db, 'FU', '2019-05-01', 'minutes-approved', [
      { title: 'Takster for Kvisten i Aalborg', decision: 'Godkendt', section: 'for-decision' },
      { title: 'Bilagssag', body: 'Se bilag.' },
    ])) as [number, number];
    await mention(t.db, fuItem, 'municipality', 'Aalborg');
    await mention(t.db, fuItem, 'offer', 'Kvisten');
    await mention(t.db, kvistens, 'offer', 'Specialbørnehaven Birken');
    await addAttachment(t.db, attachmentItem, 'Åbent bilag', 'Bilagsåbentord om drift', 'open');
    await addAttachment(t.db, attachmentItem, 'Lukket bilag', 'Bilagslukketord cpr', 'closed');
  });
  after(() => t.dispose());

  void it('matches prefixes and compounds: takst finds takstindberetning and takststruktur', async () => {
    const result = await search(t.db, ANONYMOUS, 'takst');
    assert.ok(ids(result.hits).includes(titleHit), 'Takstindberetning');
    assert.ok(ids(result.hits).includes(bodyHit), 'takststruktur');
    assert.ok(ids(result.hits).includes(fuItem), 'Takster');
    assert.equal(result.total, result.hits.length);
  });

  void it('matches inflections: kvisten finds Kvistens', async () => {
    const result = await search(t.db, ANONYMOUS, 'kvisten');
    assert.ok(ids(result.hits).includes(kvistens));
    const hit = result.hits.find((h) => h.itemId === kvistens);
    assert.match(hit?.snippet ?? '', new RegExp(`${HIT_START}Kvistens${HIT_END}`));
  });

  void it('ranks title hits above body hits, and decisions above body text', async () => {
    const result = await search(t.db, ANONYMOUS, 'takststruktur takst');
    assert.deepEqual(ids(result.hits), [bodyHit]);
    const takst = ids((await search(t.db, ANONYMOUS, 'takst')).hits);
    assert.ok(
      takst.indexOf(titleHit) < takst.indexOf(bodyHit),
      'title before a body with three hits',
    );
    const model = ids((await search(t.db, ANONYMOUS, 'forankringsmodel')).hits);
    assert.deepEqual(model, [decisionOnly, bodyOnly]);
  });

  void it('never shows closed items to the public, not even their titles', async () => {
    const secrets = [
      'fortrolighedsord',
      'hemmelighedsord',
      'tavshedsord',
      'lukketbeslutningsord',
      'lukket',
      'borger',
    ];
    for (const word of secrets) {
      const result = await search(t.db, ANONYMOUS, word);
      assert.equal(result.total, 0, word);
    }
    for (const word of ['takst', 'kvisten', 'økonomi', 'takstindberetning']) {
      const result = await search(t.db, ANONYMOUS, word);
      assert.ok(!ids(result.hits).includes(closedItem), word);
      for (const hit of result.hits) {
        const shown = `${hit.title} ${hit.snippet}`.toLowerCase();
        for (const secret of secrets.slice(0, 4)) assert.ok(!shown.includes(secret), secret);
      }
    }
  });

  void it('shows closed items to the secretariat and to members of the committee only', async () => {
    assert.deepEqual(ids((await search(t.db, SECRETARIAT, 'tavshedsord')).hits), [closedItem]);
    const das = await committeeId(t.db, 'DAS');
    const fu = await committeeId(t.db, 'FU');
    const dasMember: Viewer = { userId: 2, role: 'member', committeeIds: [das] };
    const fuMember: Viewer = { userId: 3, role: 'member', committeeIds: [fu] };
    const operator: Viewer = { userId: 4, role: 'operator', committeeIds: [das] };
    assert.deepEqual(ids((await search(t.db, dasMember, 'tavshedsord')).hits), [closedItem]);
    assert.deepEqual(ids((await search(t.db, fuMember, 'tavshedsord')).hits), []);
    assert.deepEqual(ids((await search(t.db, operator, 'tavshedsord')).hits), []);
  });

  void it('hides draft agendas and unpublished decisions from the public', async () => {
    assert.deepEqual(ids((await search(t.db, ANONYMOUS, 'kladdeord')).hits), []);
    assert.deepEqual(ids((await search(t.db, SECRETARIAT, 'kladdeord')).hits), [draftItem]);
    // The minutes are a draft: the item is public, its decision is not.
    assert.deepEqual(ids((await search(t.db, ANONYMOUS, 'udkastbeslutningsord')).hits), []);
    assert.deepEqual(ids((await search(t.db, SECRETARIAT, 'udkastbeslutningsord')).hits), [
      undecidedPublic,
    ]);
    const budget = await search(t.db, ANONYMOUS, 'budget kvisten');
    assert.deepEqual(ids(budget.hits), [undecidedPublic]);
    assert.ok(!budget.hits[0]?.snippet.toLowerCase().includes('udkastbeslutningsord'));
    const decided = await search(t.db, ANONYMOUS, 'budget', { decided: true });
    assert.deepEqual(ids(decided.hits), [], 'an unpublished decision does not count as decided');
  });

  void it('searches attachment text the viewer may read', async () => {
    assert.deepEqual(ids((await search(t.db, ANONYMOUS, 'bilagsåbentord')).hits), [attachmentItem]);
    assert.deepEqual(ids((await search(t.db, ANONYMOUS, 'bilagslukketord')).hits), []);
    assert.deepEqual(ids((await search(t.db, SECRETARIAT, 'bilagslukketord')).hits), [
      attachmentItem,
    ]);
    const open = await search(t.db, ANONYMOUS, 'bilagsåbentord');
    assert.match(open.hits[0]?.snippet ?? '', /Bilagsåbentord/);
    assert.doesNotMatch(open.hits[0]?.snippet ?? '', /Bilagslukketord/);
  });

  void it('filters by committee, years, section, decided, kommune and offer', async () => {
    const q = 'takst';
    const byCommittee = ids((await search(t.db, ANONYMOUS, q, { committee: 'fu' })).hits);
    assert.deepEqual(byCommittee, [fuItem]);
    const byYears = ids((await search(t.db, ANONYMOUS, q, { yearFrom: 2020, yearTo: 2021 })).hits);
    assert.ok(!byYears.includes(fuItem) && byYears.includes(titleHit));
    assert.deepEqual(ids((await search(t.db, ANONYMOUS, q, { yearTo: 2019 })).hits), [fuItem]);
    const info = ids((await search(t.db, ANONYMOUS, q, { section: 'for-information' })).hits);
    assert.deepEqual(info, [bodyHit]);
    const decided = ids((await search(t.db, ANONYMOUS, q, { decided: true })).hits);
    assert.deepEqual(decided.sort(), [titleHit, fuItem].sort());
    const undecided = ids((await search(t.db, ANONYMOUS, q, { decided: false })).hits);
    assert.deepEqual(undecided, [bodyHit]);
    assert.deepEqual(ids((await search(t.db, ANONYMOUS, q, { municipality: 'aalborg' })).hits), [
      fuItem,
    ]);
    assert.deepEqual(ids((await search(t.db, ANONYMOUS, 'kvisten', { offer: 'Kvist' })).hits), [
      fuItem,
    ]);
    assert.deepEqual(ids((await search(t.db, ANONYMOUS, 'belægning', { offer: 'birken' })).hits), [
      kvistens,
    ]);
    assert.deepEqual(ids((await search(t.db, ANONYMOUS, q, { offer: '%' })).hits), []);
  });

  void it('returns the contract fields and pages', async () => {
    const result = await search(t.db, ANONYMOUS, 'takst', {}, { limit: 1 });
    assert.equal(result.hits.length, 1);
    assert.ok(result.total >= 3);
    const hit = result.hits[0];
    assert.ok(hit);
    assert.equal(hit.committee, 'DAS');
    assert.equal(hit.date, '2021-03-01');
    assert.equal(hit.number, 1);
    assert.equal(hit.title, 'Takstindberetning 2022');
    const next = await search(t.db, ANONYMOUS, 'takst', {}, { limit: 1, offset: 1 });
    assert.notEqual(next.hits[0]?.itemId, hit.itemId);
  });

  void it('survives odd input and finds nothing for nothing', async () => {
    assert.equal((await search(t.db, ANONYMOUS, '')).total, 0);
    assert.equal((await search(t.db, ANONYMOUS, '   !&|:*()')).total, 0);
    assert.equal((await search(t.db, ANONYMOUS, 'og i på')).total, 0);
    const odd = await search(t.db, ANONYMOUS, "takst' & !)(:* -- ; drop table item");
    assert.equal(odd.total, 0);
    const excluded = ids((await search(t.db, ANONYMOUS, 'takst -kvisten')).hits);
    assert.ok(!excluded.includes(fuItem) && excluded.includes(titleHit));
  });
});

void describe('search over the imported seed documents', () => {
  let t: TestDb;
  before(async () => {
    t = await createTestDb();
    const clock = { now: () => new Date('2024-05-01T10:00:00Z') };
    for (const name of [
      'das-2012-referat.txt',
      'das-2017-03-02-referat.txt',
      'das-2019-01-22-orientering-og-bilag.txt',
      'das-2021-01-20-dagsorden.txt',
    ]) {
      const bytes = readFileSync(new URL(`../../../shared/seeds/${name}`, import.meta.url));
      await importDocument(t.db, { filename: name, bytes }, clock);
    }
  });
  after(() => t.dispose());

  void it('takst finds the tariff reporting process and the new tariff structure', async () => {
    const result = await search(t.db, ANONYMOUS, 'takst');
    const titles = result.hits.map((h) => h.title);
    assert.ok(titles.includes('Proces vedrørende takstindberetning'));
    assert.ok(
      titles.includes('Orientering om ny ydelses- og takststruktur på Specialbørnehjemmene'),
    );
    for (const hit of result.hits) {
      assert.ok(hit.snippet.includes(HIT_START), `${hit.title} has a highlighted snippet`);
      assert.doesNotMatch(hit.snippet, /\n/);
    }
    const first = result.hits[0];
    assert.match(first?.title ?? '', /takst/i, 'a title hit ranks first');
  });

  void it('kvisten finds the agenda item about the follow-groups that names Kvisten', async () => {
    const result = await search(t.db, ANONYMOUS, 'kvisten');
    assert.ok(result.hits.some((h) => h.date === '2021-01-20' && h.number === 12));
    const hit = result.hits.find((h) => h.number === 12);
    assert.match(stripHighlights(hit?.snippet ?? ''), /Kvisten/);
  });
});
