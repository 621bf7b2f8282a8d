/**
 * The audit trail's triggers (migration 0012) and the actor binding (actor.ts): who, when, before
 * and after of a change made through a service; nothing for an update that changes nothing; an
 * append-only log; no password hash; and no actor carried from one transaction into another on a
 * pooled connection.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTestDb, type TestDb } from '../../test/support/db.ts';
import { AUDITED_TABLE_NAMES } from '../domain/audit/index.ts';
import type { Viewer } from '../domain/meetings/index.ts';
import { authService } from '../services/auth.service.ts';
import { meetingService } from '../services/meeting.service.ts';
import { CLI_ACTOR, withActor, withoutActor, type AuditActor } from './actor.ts';
import type { Db } from './client.ts';
import { auditRepository } from './repositories/audit.repository.ts';
import { userRepository } from './repositories/user.repository.ts';

const clock = { now: () => new Date('2021-01-10T10:00:00Z') };

interface EventRow {
  id: number;
  at: Date;
  actor_user_id: number | null;
  actor_label: string;
  table_name: string;
  row_key: string;
  operation: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  changed_columns: string[];
}

const events = (db: Db, table: string, rowKey?: string) =>
  db.query<EventRow>(
    `select * from audit_event where table_name = $1 and ($2::text is null or row_key = $2) order by id`,
    [table, rowKey ?? null],
  );

void describe('audit trail', () => {
  let t: TestDb;
  let anne: AuditActor;
  let bent: AuditActor;
  let viewerAnne: Viewer;
  let das: number;

  before(async () => {
    t = await createTestDb();
    const auth = authService(withActor(t.db, CLI_ACTOR), clock, 12);
    const create = async (name: string) => ({
      userId: await auth.createUser({
        email: `${name.toLowerCase()}@test.dk`,
        name,
        password: 'en-lang-adgangskode',
        role: 'secretariat',
      }),
      label: name,
    });
    anne = await create('Anne');
    bent = await create('Bent');
    viewerAnne = { userId: anne.userId, role: 'secretariat', committeeIds: [] };
    const [row] = await t.db.query<{ id: number }>(
      `select id from committee where short_name = 'DAS'`,
    );
    das = row!.id;
  });
  after(() => t.dispose());

  const meetingAs = (actor: AuditActor) => meetingService(withActor(t.db, actor), clock);
  const fields = () => ({ committeeId: das, startTime: '13:00', endTime: '16:00' });

  void it('records who changed a meeting through the service, when, and the fields before and after', async () => {
    const svc = meetingAs(anne);
    const created = await svc.createMeeting(viewerAnne, {
      ...fields(),
      date: '2021-03-01',
      place: 'Aalborg',
    });
    const [startedAt] = await t.db.query<{ now: Date }>('select now() as now');
    await svc.updateMeeting(viewerAnne, created.id, created.version, {
      date: '2021-03-01',
      startTime: '13:00',
      endTime: '16:00',
      place: 'Hjørring Rådhus',
    });

    const log = await events(t.db, 'meeting', String(created.id));
    assert.deepEqual(
      log.map((e) => e.operation),
      ['insert', 'update'],
    );
    const [insert, update] = log;
    assert.equal(insert?.after?.place, 'Aalborg');
    assert.equal(insert?.before, null);
    assert.equal(update?.actor_user_id, anne.userId);
    assert.equal(update?.actor_label, 'Anne');
    assert.equal(update?.before?.place, 'Aalborg');
    assert.equal(update?.after?.place, 'Hjørring Rådhus');
    assert.deepEqual(update?.changed_columns, ['place']);
    assert.ok(update.at.getTime() >= startedAt!.now.getTime(), 'tidspunktet er ændringens');
    // The standard items were created in the same transaction, by the same user.
    const items = await t.db.query<{ actor_user_id: number; n: number }>(
      `select actor_user_id, count(*) as n from audit_event
        where table_name = 'item' and after ->> 'meeting_id' = $1 group by actor_user_id`,
      [String(created.id)],
    );
    const [count] = await t.db.query<{ n: number }>(
      'select count(*) as n from item where meeting_id = $1',
      [created.id],
    );
    assert.ok(count!.n >= 3);
    assert.deepEqual(items, [{ actor_user_id: anne.userId, n: count!.n }]);
  });

  void it('records nothing for an update that changes nothing (only the version moves)', async () => {
    const svc = meetingAs(anne);
    const m = await svc.createMeeting(viewerAnne, {
      ...fields(),
      date: '2021-04-01',
      place: 'Aars',
    });
    const before = await events(t.db, 'meeting', String(m.id));
    await svc.updateMeeting(viewerAnne, m.id, m.version, {
      date: '2021-04-01',
      startTime: '13:00',
      endTime: '16:00',
      place: 'Aars',
    });
    const [row] = await t.db.query<{ version: number }>(
      `select version from meeting where id = $1`,
      [m.id],
    );
    assert.equal(row?.version, m.version + 1, 'gemningen skete');
    assert.equal((await events(t.db, 'meeting', String(m.id))).length, before.length);
  });

  void it('refuses to update, delete or truncate the log', async () => {
    const [first] = await t.db.query<{ id: number }>('select min(id) as id from audit_event');
    assert.ok(first?.id !== undefined);
    const refused = /kan kun tilføjes til/;
    await assert.rejects(
      t.db.query(`update audit_event set actor_label = 'en anden' where id = $1`, [first.id]),
      refused,
    );
    await assert.rejects(t.db.query(`delete from audit_event where id = $1`, [first.id]), refused);
    await assert.rejects(t.db.query('truncate audit_event'), refused);
    const [row] = await t.db.query<{ actor_label: string }>(
      'select actor_label from audit_event where id = $1',
      [first.id],
    );
    assert.notEqual(row?.actor_label, 'en anden');
  });

  void it('never stores a password hash, but names a password change', async () => {
    const users = userRepository(withActor(t.db, bent));
    const hash = 'scrypt$32768$8$1$c2FsdA==$SEMMELIG-HASH-123';
    await users.setPassword(anne.userId!, hash);
    const [stored] = await t.db.query<{ password_hash: string }>(
      'select password_hash from app_user where id = $1',
      [anne.userId],
    );
    assert.equal(stored?.password_hash, hash);
    const log = await events(t.db, 'app_user', String(anne.userId));
    const change = log.at(-1);
    assert.equal(change?.operation, 'update');
    assert.deepEqual(change?.changed_columns, ['password_hash']);
    assert.equal(change?.actor_label, 'Bent');
    const [leaks] = await t.db.query<{ n: number }>(
      `select count(*) as n from audit_event
        where before::text like '%scrypt$%' or after::text like '%scrypt$%'
           or before ? 'password_hash' or after ? 'password_hash'`,
    );
    assert.equal(leaks?.n, 0);
    // The users created in before() are in the log, made on the command line, without their hash.
    const created = log.find((e) => e.operation === 'insert');
    assert.equal(created?.actor_label, 'kommandolinje');
    assert.equal(created?.actor_user_id, null);
    assert.equal(created?.after?.email, 'anne@test.dk');
  });

  void it('stores an attachment’s text as its hash and length, and never the file', async () => {
    const svc = meetingAs(anne);
    const m = await svc.createMeeting(viewerAnne, {
      ...fields(),
      date: '2021-05-01',
      place: 'Aars',
    });
    const item = await svc.addItem(viewerAnne, m.id, {
      section: 'for-decision',
      title: 'Bilagssag',
      publicTitle: null,
      access: 'open',
      summary: '',
      recommendations: [],
      caseDescription: '',
      presenter: '',
    });
    const text = 'Bilagets tekst om takster i 2022';
    const attachment = await svc.addAttachment(viewerAnne, item.id, {
      title: 'Takstoversigt',
      filename: 'takster.txt',
      mediaType: 'text/plain',
      access: 'open',
      bytes: new TextEncoder().encode(text),
    });
    const [event] = await events(t.db, 'attachment', String(attachment.id));
    assert.equal(event?.after?.title, 'Takstoversigt');
    assert.deepEqual(event?.after?.text, {
      sha256: createHash('sha256').update(text).digest('hex'),
      length: text.length,
    });
    assert.equal('search_vector' in (event?.after ?? {}), false);
    const [blobs] = await t.db.query<{ n: number }>(
      `select count(*) as n from audit_event where table_name = 'file_blob'`,
    );
    assert.equal(blobs?.n, 0);
  });

  void it('records a change made outside the application as "system"', async () => {
    await withoutActor(withActor(t.db, anne)).query(
      `update committee set description = 'Ændret direkte' where short_name = 'FU'`,
    );
    const [event] = (await events(t.db, 'committee')).slice(-1);
    assert.equal(event?.actor_label, 'system');
    assert.equal(event?.actor_user_id, null);
    assert.deepEqual(event?.changed_columns, ['description']);
  });

  void it('keeps actors apart in concurrent transactions, and leaves none behind on the connection', async () => {
    const rounds = 12;
    const write = (db: Db, who: string, n: number) =>
      db.transaction(async (tx) => {
        // Hold the transaction open a moment so the other writers interleave on the pool.
        await tx.query('select pg_sleep(0.005)');
        await tx.query(`insert into person (name, email) values ($1, $2)`, [
          `${who} ${n}`,
          `${who.toLowerCase()}${n}@samtidig.dk`,
        ]);
      });
    const plain = (n: number) =>
      t.db.query(`insert into person (name, email) values ($1, $2)`, [
        `Ingen ${n}`,
        `ingen${n}@samtidig.dk`,
      ]);
    const asAnne = withActor(t.db, anne);
    const asBent = withActor(t.db, bent);
    await Promise.all(
      Array.from({ length: rounds }, (_, n) => [
        write(asAnne, 'Anne', n),
        write(asBent, 'Bent', n),
        plain(n),
        // A lone write (no transaction of its own in the service) gets its actor too.
        asBent.query(`update person set title = 'Konsulent' where email = $1`, [
          `bent${n}@samtidig.dk`,
        ]),
      ]).flat(),
    );
    const rows = await t.db.query<{ who: string; actor_user_id: number | null; label: string }>(
      `select split_part(coalesce(after, before) ->> 'name', ' ', 1) as who,
              actor_user_id, actor_label as label
         from audit_event where table_name = 'person' and coalesce(after, before) ->> 'email' like '%@samtidig.dk'`,
    );
    assert.ok(rows.length >= rounds * 3);
    for (const row of rows) {
      const expected =
        row.who === 'Anne' ? anne : row.who === 'Bent' ? bent : { userId: null, label: 'system' };
      assert.equal(row.actor_user_id, expected.userId, `${row.who}: ${row.label}`);
      assert.equal(row.label, expected.label);
    }
  });

  void it('attaches the trigger to exactly the tables the domain lists, leaving out files, search vectors and secrets', async () => {
    const triggers = await t.db.query<{ table: string; args: string[] }>(
      `select c.relname as table,
              string_to_array(encode(tg.tgargs, 'escape'), E'\\\\000') as args
         from pg_trigger tg join pg_class c on c.oid = tg.tgrelid
        where tg.tgname = 'audit' and not tg.tgisinternal`,
    );
    assert.deepEqual(triggers.map((r) => r.table).sort(), [...AUDITED_TABLE_NAMES].sort());
    // A later migration that adds a file, search or secret column to a logged table must call
    // audit_track again; this fails until it does.
    const sensitive = await t.db.query<{ table: string; column: string }>(
      `select c.relname as table, a.attname as column
         from pg_attribute a join pg_class c on c.oid = a.attrelid
        where c.relname in (select jsonb_array_elements_text($1::jsonb)) and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
          and (a.atttypid in ('bytea'::regtype, 'tsvector'::regtype)
               or a.attname ~ '(password|secret|token)')`,
      [AUDITED_TABLE_NAMES],
    );
    assert.ok(sensitive.some((s) => s.table === 'app_user' && s.column === 'password_hash'));
    for (const { table, column } of sensitive) {
      const args = triggers.find((r) => r.table === table)?.args ?? [];
      const left = [args[1], args[3]].flatMap((a) => (a ?? '').split(','));
      assert.ok(left.includes(column), `${table}.${column} skal holdes ude af logbogen`);
    }
  });

  void it('lists events newest first, filtered by table, actor, day and key', async () => {
    const repo = auditRepository(t.db);
    const page = { limit: 500, offset: 0 };
    const anneOnly = await repo.list({ actor: anne.userId! }, page);
    assert.ok(anneOnly.total > 0);
    assert.ok(anneOnly.events.every((e) => e.actorUserId === anne.userId));
    const ids = anneOnly.events.map((e) => e.id);
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => b - a),
    );
    const cli = await repo.list({ actor: 'kommandolinje', table: 'app_user' }, page);
    assert.equal(cli.total, 2);
    const [today] = await t.db.query<{ d: string }>(
      `select to_char(now() at time zone 'Europe/Copenhagen', 'YYYY-MM-DD') as d`,
    );
    const all = await repo.list({}, page);
    assert.equal((await repo.list({ from: today!.d, to: today!.d }, page)).total, all.total);
    assert.equal((await repo.list({ to: '2000-01-01' }, page)).total, 0);
    const one = await repo.list({ table: 'app_user', rowKey: String(anne.userId) }, page);
    assert.ok(one.events.every((e) => e.table === 'app_user' && e.rowKey === String(anne.userId)));
    assert.equal(one.total, 2);
    const paged = await repo.list({}, { limit: 2, offset: 1 });
    assert.deepEqual(
      paged.events.map((e) => e.id),
      all.events.slice(1, 3).map((e) => e.id),
    );
  });
});
