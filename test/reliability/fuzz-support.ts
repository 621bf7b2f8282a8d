/**
 * Shared by the API and form fuzz tests: hostile values, a fingerprint of what the database
 * holds, and the check that a refusal speaks Danish.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Db } from '../../src/db/client.ts';

/** Runs per route or form; CI keeps it small, FUZZ_RUNS=500 locally for a long hunt. */
export const FUZZ_RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? '') || 4);

/**
 * Raw JSON fragments that JSON.stringify cannot produce: 1e309 parses to Infinity, -0, a number
 * beyond 2^53. They are put into the body text in place of a marker string.
 */
export const RAW_NUMBERS = [
  '1e309',
  '-1e309',
  '-0',
  '9007199254740993',
  '1e-400',
  '123456789012345678901234567890',
];
const RAW_MARK = '\u0001raw:';

/** A value the body will carry as the raw JSON fragment `raw`. */
export const raw = (fragment: string) => `${RAW_MARK}${fragment}`;

/** JSON text of `body`, with the raw fragments put in. */
export function toJsonText(body: unknown): string {
  return JSON.stringify(body).replace(/"\\u0001raw:([^"]*)"/g, '$1');
}

/** Strings that have broken programs before: NUL, half an emoji, huge, markup, SQL, Danish. */
export const hostileStrings: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'a\u0000b',
    '\u0000',
    '\uD800',
    'x\uDC00y',
    '😀'.slice(0, 1),
    'NaN',
    'Infinity',
    '-1',
    '0',
    '1e309',
    '2147483648',
    '-2147483649',
    '99999999999999999999',
    '1,5',
    '1.000,50',
    '31.02.2021',
    '2021-13-45',
    '0000-00-00',
    '24:61',
    "'; drop table meeting; --",
    '<script>alert(1)</script>',
    '../../etc/passwd',
    'æøå ÆØÅ',
    '\u202Eabc',
    '\r\n\r\n',
    'true',
    'null',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.nat({ max: 3 }).map((k) => 'x'.repeat([300, 2_100, 9_000, 70_000][k] ?? 300)),
);

/** Any JSON value of a wrong kind, or a hostile string or number. */
export const hostileValues: fc.Arbitrary<unknown> = fc.oneof(
  hostileStrings,
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    0.5,
    -0.5,
    2_147_483_648,
    -2_147_483_649,
    Number.MAX_SAFE_INTEGER,
    1e308,
    [],
    {},
    [null],
    [''],
    { a: 1 },
    ...RAW_NUMBERS.map(raw),
  ),
  fc.double().map((d) => (Number.isFinite(d) ? d : raw('1e309'))),
  fc.array(hostileStrings, { maxLength: 3 }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Whole bodies that are not an object of fields, or not JSON at all. */
export const malformedBodies: string[] = [
  '{',
  '{"title":',
  '}{',
  'NaN',
  'undefined',
  '[]',
  '[{}]',
  'null',
  '"tekst"',
  '42',
  '{"version": NaN}',
  "{'title': 'x'}",
  '\u0000',
  '\uFEFF{}',
  `{"a":${'['.repeat(5_000)}${']'.repeat(5_000)}}`,
  '{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}',
];

/** Words of zod's, node's and the drivers' English messages, which must never reach a user. */
const ENGLISH =
  /\b(invalid|expected|required|received|unrecognized|too (small|big)|must|should|undefined|unexpected|syntaxerror|error:|violates|constraint|relation|column|duplicate key|stack)\b/i;

/** Every message is a Danish sentence (or at least free of English error words). */
export function assertDanish(messages: unknown[], where: string): void {
  for (const message of messages) {
    assert.equal(typeof message, 'string', `${where}: beskeden er tekst`);
    const text = message as string;
    assert.ok(/\p{L}{2}/u.test(text), `${where}: tom besked ${JSON.stringify(text)}`);
    assert.doesNotMatch(text, ENGLISH, `${where}: engelsk besked ${JSON.stringify(text)}`);
  }
}

/** Tables that change on a read or a login, not on a write by the user. */
const VOLATILE = new Set(['session', 'login_attempt', 'schema_migrations', 'migration']);

/**
 * A cheap fingerprint of everything stored: row count and the sum of versions per table (the
 * audit trail's own row count catches any logged change besides). Equal before and after a
 * refused request means nothing was written, not even half.
 */
export async function fingerprinter(db: Db): Promise<() => Promise<string>> {
  const tables = await db.query<{ table_name: string; versioned: boolean }>(
    `select t.table_name,
            exists (select 1 from information_schema.columns c
                     where c.table_schema = t.table_schema and c.table_name = t.table_name
                       and c.column_name = 'version') as versioned
       from information_schema.tables t
      where t.table_schema = current_schema() and t.table_type = 'BASE TABLE'
      order by t.table_name`,
  );
  const parts = tables
    .filter((t) => !VOLATILE.has(t.table_name))
    .map(
      (t) =>
        `select '${t.table_name}' as t, count(*)::bigint as n, ${
          t.versioned ? 'coalesce(sum(version), 0)::bigint' : '0::bigint'
        } as v from "${t.table_name}"`,
    );
  const sql = parts.join(' union all ');
  return async () => {
    const rows = await db.query<{ t: string; n: number; v: number }>(sql);
    return rows.map((r) => `${r.t}:${r.n}:${r.v}`).join(' ');
  };
}

/** The tables whose fingerprint part differs (for a readable failure). */
export function changedTables(before: string, after: string): string[] {
  const a = new Set(before.split(' '));
  return after.split(' ').filter((part) => !a.has(part));
}

/**
 * fc.assert, but failing with the property's own assertion (the status, the message, the tables
 * that changed) rather than only the counterexample, which is all the test runner would show.
 */
export async function assertProperty<T>(
  property: fc.IAsyncProperty<T>,
  numRuns: number,
): Promise<void> {
  const result = await fc.check(property, { numRuns });
  if (!result.failed) return;
  const cause = result.errorInstance;
  const detail = cause instanceof Error ? cause.message : String(cause);
  throw new Error(
    `${detail}\n(seed ${result.seed}, path "${result.counterexamplePath ?? ''}", efter ${result.numRuns} forsøg)`,
  );
}
