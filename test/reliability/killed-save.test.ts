/**
 * A server process killed with SIGKILL during a large save of an agenda item (a case description
 * of 200,000 characters and a new title) leaves the old item or the new one, never a mix: title,
 * text, version, the meeting's content stamp and the audit trail all agree. On PostgreSQL the kill
 * waits until the save's transaction has written (a backend of the database holds a transaction
 * id); on a PGlite folder, whose engine lives in the killed process, it follows the last byte of
 * the request, and the folder must then open again (crash recovery).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addItem,
  committeeIdOf,
  createMeeting,
  itemBody,
  type ItemJson,
} from '../../src/http/api/test-fixtures.ts';
import type { Db } from '../../src/db/client.ts';
import { processSuite } from './fixture.ts';
import { addUser, heldRequest, httpClient, login } from './http-client.ts';

interface State {
  title: string;
  text: string;
  version: number;
  stamp: number;
  audits: number;
}

async function stateOf(db: Db, itemId: number): Promise<State> {
  const [row] = await db.query<State>(
    `select i.title, i.case_description as text, i.version, m.content_stamp::int as stamp,
            (select count(*)::int from audit_event a
              where a.table_name = 'item' and a.row_key = i.id::text and a.operation = 'update') as audits
       from item i join meeting m on m.id = i.meeting_id where i.id = $1`,
    [itemId],
  );
  assert.ok(row, 'the item is still there');
  return row;
}

/** Polls PostgreSQL until a backend of this database has an open transaction that has written. */
async function writingTransaction(db: Db, done: Promise<unknown>): Promise<boolean> {
  let finished = false;
  void done.then(
    () => (finished = true),
    () => (finished = true),
  );
  while (!finished) {
    const [row] = await db.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and backend_xid is not null`,
    );
    if ((row?.n ?? 0) > 0) return true;
  }
  return false;
}

void describe('server killed during a save', () => {
  const suite = processSuite((pdb) => addUser(pdb, 'sekretariat@test.dk', 'secretariat'));

  void it('leaves the old item or the new one, never a mix', async (t) => {
    const server = await suite.serve();
    const pdb = suite.db();
    const cookie = await login(server.url, 'sekretariat@test.dk');
    const client = httpClient(server.url, cookie);
    const das = await committeeIdOf(client, 'DAS');
    const meeting = await createMeeting(client, das, '2026-11-26');
    const item: ItemJson = await addItem(client, meeting.meeting.id, {
      title: 'Gammel titel',
      caseDescription: 'Gammel sagsbeskrivelse.',
    });

    const watcher = pdb.kind === 'postgres' ? await pdb.open() : null;
    const old = watcher === null ? null : await stateOf(watcher, item.id);
    const text = 'Ny sagsbeskrivelse med mange afsnit. '.repeat(5400).slice(0, 199_000);
    const body = JSON.stringify({
      ...itemBody({ title: 'Ny titel', caseDescription: text }),
      version: item.version,
    });
    const save = heldRequest(
      server.url,
      `/api/items/${item.id}`,
      { 'content-type': 'application/json', cookie },
      body,
      'PUT',
    );
    await save.accepted;
    const answered = save.send();
    answered.catch(() => undefined); // the connection dies with the process
    const midway = watcher === null ? null : await writingTransaction(watcher, answered);
    server.proc.kill('SIGKILL');
    assert.equal((await server.exited).signal, 'SIGKILL');
    t.diagnostic(
      midway === null
        ? 'PGlite: killed right after the request was sent'
        : `PostgreSQL: killed ${midway ? 'inside the transaction' : 'after it ended'}`,
    );

    const db = watcher ?? (await pdb.open()); // a PGlite folder recovers on opening
    try {
      const now = await stateOf(db, item.id);
      // Only this save updates the item: one audit entry if it was stored, none if not.
      assert.equal(now.audits, now.version - item.version, 'the audit trail agrees with the item');
      t.diagnostic(`found the ${now.title === 'Gammel titel' ? 'old' : 'new'} item`);
      if (now.title === 'Gammel titel') {
        assert.equal(now.text, 'Gammel sagsbeskrivelse.');
        assert.equal(now.version, item.version);
        if (old !== null) assert.deepEqual(now, old);
      } else {
        assert.equal(now.title, 'Ny titel');
        assert.equal(now.text, text);
        assert.equal(now.version, item.version + 1);
        if (old !== null) {
          assert.equal(now.audits, old.audits + 1);
          assert.ok(now.stamp > old.stamp);
        }
      }
      // The database takes writes again.
      await db.query(`update item set title = 'Efter genstart' where id = $1`, [item.id]);
    } finally {
      await db.close();
    }
  });
});
