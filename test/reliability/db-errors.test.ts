/**
 * Database failures become Danish sentences with the right status, from the real drivers' errors
 * (a refused connection, a NUL byte in text, a too large number), and zod's own checks speak
 * Danish.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import { openPostgres } from '../../src/db/client.ts';
import { classifyDbError, DiskFullError } from '../../src/db/errors.ts';
import { danishIssueMessage } from '../../src/domain/validation/danish-zod.ts';
import { fieldErrors, id, text, UNSTORABLE, version } from '../../src/http/schemas/fields.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { assertDanish } from './fuzz-support.ts';

const failureOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (error) {
    return classifyDbError(error);
  }
  assert.fail('expected the database to refuse');
};

void describe('database errors in Danish', () => {
  let t: TestDb;
  before(async () => {
    t = await createTestDb();
  });
  after(() => t.dispose());

  void it('maps the database’s refusals of bad values to 400 and duplicates to 409', async () => {
    const nul = await failureOf(t.db.query(`select $1::text as s`, ['a\u0000b']));
    assert.equal(nul?.status, 400);
    const big = await failureOf(t.db.query(`select $1::int as n`, ['99999999999']));
    assert.equal(big?.status, 400);
    await t.db.exec(`create temporary table dup (k int primary key)`);
    await t.db.query(`insert into dup values (1)`);
    const dup = await failureOf(t.db.query(`insert into dup values (1)`));
    assert.equal(dup?.status, 409);
    assertDanish([nul?.message, big?.message, dup?.message], 'databasefejl');
    // A bug is not dressed up as a user's error: it stays a 500.
    assert.equal(await failureOf(t.db.query(`select * from no_such_table`)), null);
  });

  void it('maps a refused connection to 503 and a full disk to 507', async () => {
    const db = openPostgres('postgres://x:y@127.0.0.1:1/none', 1);
    try {
      const down = await failureOf(db.query('select 1'));
      assert.equal(down?.kind, 'unavailable');
      assert.equal(down.status, 503);
      assert.match(down.message, /^Databasen svarer ikke/);
    } finally {
      await db.close();
    }
    assert.equal(classifyDbError(new DiskFullError('/data'))?.status, 507);
    assert.equal(
      classifyDbError(Object.assign(new Error('x'), { code: '53100' }))?.kind,
      'disk-full',
    );
  });

  void it('refuses NUL characters and half surrogate pairs in text before the database', () => {
    for (const bad of ['a\u0000b', 'x\uD800', '\uDC00y']) {
      const parsed = text(100, 'Skriv en titel.').safeParse(bad);
      assert.equal(parsed.success, false);
      assert.equal(parsed.error?.issues[0]?.message, UNSTORABLE);
    }
    assert.equal(text(100).parse(' 😀 æøå '), '😀 æøå');
    // Ids and versions beyond PostgreSQL's integer would reach the database as an error.
    assert.equal(
      id('Vælg et udvalg.').safeParse('2147483648').error?.issues[0]?.message,
      'Vælg et udvalg.',
    );
    assert.equal(id('Vælg et udvalg.').parse('2147483647'), 2147483647);
    assert.equal(version.safeParse(99999999999).success, false);
  });

  void it('gives zod’s own checks Danish messages, leaving a schema’s own message alone', () => {
    const schema = z.object({
      n: z.number().int().max(10),
      s: z.string().max(3),
      e: z.enum(['a', 'b']),
      l: z.array(z.string()),
      own: z.string({ error: 'Skriv din egen tekst.' }),
    });
    const parsed = schema.safeParse({ n: 11.5, s: 'abcd', e: 'c', l: 'x', own: 1 });
    assert.equal(parsed.success, false);
    const fields = fieldErrors(parsed.error);
    assert.deepEqual(fields, {
      n: 'Skal være et helt tal.',
      s: 'Højst 3 tegn.',
      e: 'Vælg en af: a, b.',
      l: 'Skal være en liste.',
      own: 'Skriv din egen tekst.',
    });
    assert.equal(
      z.number().safeParse(Number.NaN).error?.issues[0]?.message,
      'Skal være et endeligt tal.',
    );
    assert.equal(
      danishIssueMessage({ code: 'invalid_type', expected: 'string', input: undefined }),
      'Skal udfyldes.',
    );
    assertDanish(Object.values(fields), 'zod');
  });
});
