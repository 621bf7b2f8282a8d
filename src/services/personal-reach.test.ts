/**
 * A personal item reaches the users named on it everywhere the secretariat sees it, with its real
 * title: the case thread (list, thread page, the item pages' timeline), the agreement's plan, the
 * follow-ups and the original archive document. A member of the same committee who is not named,
 * and the public, get nothing of it (no canary word of it in any answer). Runs on both stores.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type Client, type TestApp } from '../../test/support/app.ts';
import { importSeed, insertPlan, insertThread } from '../../test/support/sql-fixtures.ts';
import type { Viewer } from '../domain/meetings/index.ts';
import { followUpService } from './follow-up.service.ts';

/** Every text of the personal item carries this word; nobody but its readers may see it. */
const CANARY = 'kanariereach';
const TITLE = `Borgersag ${CANARY}titel`;

async function one<T>(t: TestApp, sql: string, params: unknown[] = []): Promise<T> {
  const [row] = await t.db.query<T>(sql, params as never[]);
  assert.ok(row, sql);
  return row;
}

async function body(client: Client, path: string): Promise<{ status: number; text: string }> {
  const res = await client.request(path);
  return { status: res.status, text: await res.text() };
}

void describe('a personal item reaches its named users, and only them', () => {
  let t: TestApp;
  let named: Client;
  let member: Client;
  let ids: { personal: number; open: number; thread: number; agreement: number; meeting: number };
  let viewerOf: (c: Client, committees: number[]) => Viewer;

  before(async () => {
    t = await createTestApp({ now: () => new Date('2021-07-01T08:00:00Z') });
    const sec = await t.login('secretariat');
    const secViewer: Viewer = { userId: sec.userId, role: 'secretariat', committeeIds: [] };
    // Named on the item, but a member of another committee: the name alone gives access.
    named = await t.login('member', { committees: ['FU'], email: 'navngiven@kommune.dk' });
    member = await t.login('member', { committees: ['DAS'] });
    viewerOf = (c, committees) => ({ userId: c.userId, role: 'member', committeeIds: committees });
    const das = (await one<{ id: number }>(t, `select id from committee where short_name = 'DAS'`))
      .id;
    const m = t.services.meetings;
    const meeting = await m.createMeeting(secViewer, {
      committeeId: das,
      date: '2021-05-20',
      startTime: null,
      endTime: null,
      place: 'Aalborg',
    });
    const add = (title: string, personal: boolean) =>
      m.addItem(secViewer, meeting.id, {
        section: 'for-decision',
        title,
        publicTitle: personal ? 'Borgersag' : null,
        access: personal ? 'personal' : 'open',
        summary: personal ? `${CANARY}resume` : 'Resumé.',
        recommendations: ['Udvalget godkender.'],
        caseDescription: 'Sagsfremstilling.',
        presenter: 'Sekretariatet',
        viewers: personal ? ['navngiven@kommune.dk'] : [],
      });
    const open = await add('Åbent punkt om botilbud', false);
    const open2 = await add('Opfølgning om botilbud', false);
    const personal = await add(TITLE, true);
    const version = async () => (await m.meetingRow(secViewer, meeting.id)).version;
    await m.advance(secViewer, meeting.id, await version(), 'publish-agenda');
    await m.advance(secViewer, meeting.id, await version(), 'start-minutes');
    const { item } = await m.item(secViewer, personal.id);
    await m.recordDecision(secViewer, personal.id, item.version, {
      decision: `${CANARY}beslutning`,
      outcome: 'approved',
      postMeetingNote: '',
    });
    await m.advance(secViewer, meeting.id, await version(), 'publish-minutes');
    await t.services.followUps.create(secViewer, personal.id, {
      what: `${CANARY}opfoelgning`,
      ownerOrganisationId: null,
      ownerPerson: 'Sekretariatet',
      dueDate: '2021-12-01',
      dueMeetingId: null,
    });
    // A thread of two open items and the personal one; everyone sees it, each with their items.
    const thread = await insertThread(t.db, `Sagsforløb ${CANARY}forloeb`, [
      open.id,
      open2.id,
      personal.id,
    ]);
    // The plan: one activity on the personal item.
    const { agreement } = await insertPlan(t.db, das, [
      { title: 'Aktivitet om borgersagen', itemId: personal.id, period: 'h1' },
    ]);
    ids = { personal: personal.id, open: open.id, thread, agreement, meeting: meeting.id };
  });
  after(() => t.dispose());

  /** What the named user, the member of the same committee and the public get at `path`. */
  async function three(path: string) {
    return {
      named: await body(named, path),
      member: await body(member, path),
      anonymous: await body(t.anonymous, path),
    };
  }

  const noCanary = (r: { status: number; text: string }, who: string, path: string) =>
    assert.ok(!r.text.includes(CANARY), `${who} ${path} viser det personlige punkt`);

  void it('shows the named user the item in the case thread; the others the thread without it', async () => {
    for (const path of [`/threads/${ids.thread}`, `/api/threads/${ids.thread}`]) {
      const r = await three(path);
      assert.equal(r.named.status, 200, path);
      assert.ok(r.named.text.includes(TITLE), `named ${path}`);
      // a thread the named user sees whole is named by its own title
      assert.ok(r.named.text.includes(`Sagsforløb ${CANARY}forloeb`), `named ${path}`);
      for (const who of ['member', 'anonymous'] as const) {
        assert.equal(r[who].status, 200, `${who} ${path}`);
        assert.ok(r[who].text.includes('Åbent punkt om botilbud'), `${who} ${path}`);
        noCanary(r[who], who, path);
      }
    }
    // the list names the thread by its own title only for those who see it whole
    const list = await three('/threads');
    assert.ok(list.named.text.includes(`Sagsforløb ${CANARY}forloeb`));
    assert.ok(list.member.text.includes(`/threads/${ids.thread}`));
    noCanary(list.member, 'member', '/threads');
    noCanary(list.anonymous, 'anonymous', '/threads');
    const api = await three('/api/threads');
    const items = (text: string) =>
      (JSON.parse(text) as { id: string; items: { itemId: number }[] }[])
        .find((th) => th.id === String(ids.thread))
        ?.items.map((i) => i.itemId);
    assert.ok(items(api.named.text)?.includes(ids.personal));
    assert.equal(items(api.member.text)?.length, 2);
    assert.equal(items(api.anonymous.text)?.length, 2);
  });

  void it("shows the item in the timeline of the thread's other item pages to the named user only", async () => {
    const r = await three(`/items/${ids.open}`);
    assert.ok(r.named.text.includes(TITLE));
    noCanary(r.member, 'member', 'item page');
    noCanary(r.anonymous, 'anonymous', 'item page');
    const own = await three(`/items/${ids.personal}`);
    assert.equal(own.named.status, 200);
    assert.equal(own.member.status, 404);
    assert.equal(own.anonymous.status, 404);
    noCanary(own.member, 'member', 'personal item page');
  });

  void it('shows the item linked from the plan to the named user; the member gets no title', async () => {
    for (const path of [`/plan/${ids.agreement}`, `/api/agreements/${ids.agreement}`]) {
      const r = await three(path);
      assert.equal(r.named.status, 200, path);
      assert.ok(r.named.text.includes(TITLE), `named ${path}`);
      assert.equal(r.member.status, 200, path);
      assert.ok(r.member.text.includes('Aktivitet om borgersagen'), `member ${path}`);
      noCanary(r.member, 'member', path);
      assert.notEqual(r.anonymous.status, 200, path);
      noCanary(r.anonymous, 'anonymous', path);
    }
  });

  void it('lists the follow-up on the item for the named user only', async () => {
    for (const path of ['/follow-ups', '/api/follow-ups']) {
      const r = await three(path);
      assert.equal(r.named.status, 200, path);
      assert.ok(r.named.text.includes(`${CANARY}opfoelgning`), `named ${path}`);
      noCanary(r.member, 'member', path);
      noCanary(r.anonymous, 'anonymous', path);
    }
    // and the service itself, which pages and API share, in one query for the list
    const service = followUpService(t.db);
    const das = (await one<{ id: number }>(t, `select id from committee where short_name = 'DAS'`))
      .id;
    assert.equal((await service.list(viewerOf(named, [das + 1000]), {})).length, 1);
    assert.equal((await service.list(viewerOf(member, [das]), {})).length, 0);
  });

  void it('gives the original document only to those who may read every item in it', async () => {
    const source = await importSeed(t.db, t.services.clock, 'das-2021-01-20-dagsorden.txt');
    const path = `/archive/sources/${source.id}`;
    assert.equal((await member.request(path)).status, 200, 'a member reads the closed items');
    // One item of the document becomes personal, naming a member of the committee.
    const namedMember = await t.login('member', { committees: ['DAS'] });
    const item = await one<{ id: number }>(
      t,
      `select id from item where meeting_id = $1 order by number limit 1`,
      [source.meetingId],
    );
    await t.db.query(`update item set access = 'personal' where id = $1`, [item.id]);
    await t.db.query(`insert into item_viewer (item_id, user_id) values ($1, $2)`, [
      item.id,
      namedMember.userId,
    ]);
    assert.equal((await namedMember.request(path)).status, 200);
    const refused = await member.request(path);
    assert.equal(refused.status, 403, 'the member not named on the personal item');
    assert.match(await refused.text(), /personoplysninger/);
    // named, but not in the committee: the document's closed items are not theirs
    assert.equal((await named.request(path)).status, 403);
    assert.notEqual((await t.anonymous.request(path)).status, 200);
    // the meeting page offers the download to the named member only
    const page = async (c: Client) => (await c.request(`/meetings/${source.meetingId}`)).text();
    assert.match(await page(namedMember), new RegExp(`href="${path}"`));
    assert.doesNotMatch(await page(member), new RegExp(`href="${path}"`));
  });
});
