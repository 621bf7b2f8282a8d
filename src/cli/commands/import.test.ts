import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDb, type TestDb } from '../../../test/support/db.ts';
import type { Db } from '../../db/client.ts';
import { UsageError } from '../io.ts';
import { makeImportCommand } from './import.ts';
import { makeSearchCommand } from './search.ts';
import { makeThreadsCommand } from './threads.ts';
import { fakeIo } from '../../../test/support/cli-io.ts';

const seed = (name: string) =>
  fileURLToPath(new URL(`../../../../shared/seeds/${name}`, import.meta.url));

/** The commands close their database; the test keeps it open until the end. */
const keepOpen = (db: Db) => () => Promise.resolve({ ...db, close: () => Promise.resolve() });

async function count(db: Db, table: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return row?.n ?? -1;
}

void describe('socialaftale import / search / threads', () => {
  let t: TestDb;
  let dir: string;
  const clock = { now: () => new Date('2024-05-01T10:00:00Z') };
  before(async () => {
    t = await createTestDb();
    dir = await mkdtemp(join(tmpdir(), 'import-cli-'));
  });
  after(async () => {
    await t.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  void it('refuses bad input with exit 2 semantics and stores nothing, not even the good files', async () => {
    const importCommand = makeImportCommand(keepOpen(t.db), clock);
    const empty = join(dir, 'tom.pdf');
    await writeFile(empty, '');
    const binary = join(dir, 'billede.bin');
    await writeFile(
      binary,
      Uint8Array.from({ length: 2048 }, (_, i) => (i * 31) % 256),
    );
    const cases: [string[], RegExp][] = [
      [[], /Angiv mindst én fil/],
      [[seed('das-2017-03-02-referat.txt'), '--committee'], /--committee mangler/],
      [[seed('das-2017-03-02-referat.txt'), '--force'], /Ukendt tilvalg: --force/],
      [[seed('das-2017-03-02-referat.txt'), join(dir, 'findes-ikke.txt')], /findes ikke/],
      [[seed('das-2017-03-02-referat.txt'), empty], /tom\.pdf: Filen er tom\. Intet er importeret/],
      [[binary], /hverken en PDF eller en tekstfil/],
    ];
    for (const [args, message] of cases) {
      const io = fakeIo();
      await assert.rejects(
        importCommand(args, io),
        (error: unknown) => error instanceof UsageError && message.test(error.message),
        args.join(' '),
      );
      assert.deepEqual(io.out, []);
    }
    assert.equal(await count(t.db, 'archive_source'), 0);
    assert.equal(await count(t.db, 'meeting'), 0);
  });

  void it('refuses a document without a committee unless --committee names one', async () => {
    const file = join(dir, 'uden-udvalg.txt');
    await writeFile(file, ' Punkt 1.\n\nTakster for Kvisten\n\nResume\n\nNye takster.\n');
    const importCommand = makeImportCommand(keepOpen(t.db), clock);
    await assert.rejects(
      importCommand([seed('das-2019-01-22-orientering-og-bilag.txt'), file], fakeIo()),
      (error: unknown) =>
        error instanceof UsageError &&
        /angiver ikke, hvilket udvalg.*--committee DAS.*Intet er importeret/s.test(error.message),
    );
    assert.equal(
      await count(t.db, 'meeting'),
      0,
      'the good file in the batch was not stored either',
    );
  });

  void it('imports files with one Danish line each and reports a second import as unchanged', async () => {
    const importCommand = makeImportCommand(keepOpen(t.db), clock);
    const files = [
      'das-2012-referat.txt',
      'das-2017-03-02-referat.txt',
      'das-2019-01-22-orientering-og-bilag.txt',
      'das-2021-01-20-dagsorden.txt',
    ].map(seed);
    const io = fakeIo();
    assert.equal(await importCommand([...files, '--data', './ignored'], io), 0);
    const lines = io.out.join('').trimEnd().split('\n');
    assert.equal(lines.length, 4);
    assert.match(
      lines[0] ?? '',
      /^ny: .*das-2012-referat\.txt – DAS uden dato, referat, 12 punkter$/,
    );
    assert.match(lines[1] ?? '', /^ny: .* – DAS 2017-03-02, referat, 11 punkter$/);
    assert.match(lines[2] ?? '', /^ny: .* – DAS 2019-01-22, orientering(smail)?, 5 punkter$/);
    assert.match(lines[3] ?? '', /^ny: .* – DAS 2021-01-20, dagsorden, 15 punkter$/);
    const again = fakeIo();
    assert.equal(await importCommand(files, again), 0);
    assert.ok(
      again.out
        .join('')
        .trimEnd()
        .split('\n')
        .every((l) => l.startsWith('uændret: ')),
    );
    assert.equal(await count(t.db, 'meeting'), 4);
  });

  void it('search --json prints the contract array for the public', async () => {
    const searchCommand = makeSearchCommand(keepOpen(t.db));
    const io = fakeIo();
    assert.equal(await searchCommand(['takst', '--json'], io), 0);
    const hits = JSON.parse(io.out.join('')) as Record<string, unknown>[];
    assert.ok(hits.length >= 2);
    for (const hit of hits) {
      assert.deepEqual(Object.keys(hit), ['date', 'committee', 'number', 'title', 'snippet']);
      assert.doesNotMatch(String(hit.snippet), /[\uE000\uE001]/);
    }
    assert.ok(
      hits.some((h) => h.title === 'Proces vedrørende takstindberetning' && h.date === null),
    );
    const human = fakeIo();
    assert.equal(await searchCommand(['takststruktur'], human), 0);
    assert.match(
      human.out.join(''),
      /^1 resultat:\n2017-03-02 DAS, punkt 9: Orientering om ny ydelses- og takststruktur/,
    );
    const none = fakeIo();
    assert.equal(await searchCommand(['zzzyyyxxx'], none), 0);
    assert.match(none.out.join(''), /Ingen resultater/);
    await assert.rejects(searchCommand(['--json'], fakeIo()), UsageError);
    await assert.rejects(searchCommand(['takst', '--from', 'i år'], fakeIo()), /årstal/);
  });

  void it('threads --json prints the contract shape', async () => {
    const threadsCommand = makeThreadsCommand(keepOpen(t.db));
    const io = fakeIo();
    assert.equal(await threadsCommand(['--json'], io), 0);
    const threads = JSON.parse(io.out.join('')) as {
      id: string;
      title: string;
      items: Record<string, unknown>[];
    }[];
    assert.equal(threads.length, 1);
    const [thread] = threads;
    assert.ok(thread);
    assert.deepEqual(Object.keys(thread), ['id', 'title', 'items']);
    assert.equal(typeof thread.id, 'string');
    assert.equal(thread.title, 'Socialfagligt fokus på beskæftigelse');
    assert.deepEqual(thread.items, [
      {
        date: '2019-01-22',
        committee: 'DAS',
        number: 2,
        title: 'Igangsættelse af fokusområde 1: ”Socialfagligt fokus på beskæftigelse”',
      },
      {
        date: '2021-01-20',
        committee: 'DAS',
        number: 9,
        title: 'Orientering om status på Nordjysk Socialaftale 2018-2020',
      },
    ]);
    const human = fakeIo();
    assert.equal(await threadsCommand([], human), 0);
    assert.match(
      human.out.join(''),
      /^Socialfagligt fokus på beskæftigelse \(2 punkter\)\n {2}2019-01-22 DAS, punkt 2: /,
    );
    await assert.rejects(threadsCommand(['--xml'], fakeIo()), UsageError);
  });
});
