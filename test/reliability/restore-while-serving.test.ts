/**
 * `restore --force` while `serve` runs on the same database. On PostgreSQL the restore is one
 * transaction holding exclusive locks: requests wait for it (or get a 503), never a 500, a 404 or
 * half the data, and afterwards the server shows the restored data, its cache of public meeting
 * pages included (the restored content stamps start from the backup's values again, so a page
 * cached before the restore must not match them). On PGlite the folder is held by `serve`, and
 * the restore refuses in Danish and changes nothing.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { withActor } from '../../src/db/actor.ts';
import { backupDatabase } from '../../src/db/backup/index.ts';
import type { Db } from '../../src/db/client.ts';
import { testDbKind } from '../support/db.ts';
import { processSuite } from './fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'socialaftale-restore-serve-'));
const file = join(dir, 'before.backup');
after(() => rmSync(dir, { recursive: true, force: true }));

const ids: number[] = [];
const cli = { label: 'kommandolinje', userId: null };

/** Two meetings with a published agenda of one open item each, "Punkt A1" and "Punkt A2". */
async function seed(db: Db): Promise<void> {
  await withActor(db, cli).transaction(async (tx) => {
    const [c] = await tx.query<{ id: number }>(`select id from committee where short_name = 'DAS'`);
    for (const n of [1, 2]) {
      const [m] = await tx.query<{ id: number }>(
        `insert into meeting (committee_id, date, start_time, place, stage, agenda_published_at)
         values ($1, $2, '09:30', 'Aalborg', 'agenda-published', now()) returning id`,
        [c?.id ?? 0, `2026-0${n}-20`],
      );
      await tx.query(
        `insert into item (meeting_id, number, section, title, access)
         values ($1, 1, 'for-decision', $2, 'open')`,
        [m?.id ?? 0, `Punkt A${n}`],
      );
      ids.push(m?.id ?? 0);
    }
    // Attachment bytes, so the restore takes long enough to be asked during it.
    for (let i = 0; i < 6; i += 1) {
      const bytes = randomBytes(8 * 1024 * 1024);
      await tx.query(`insert into file_blob (sha256, bytes, size) values ($1, $2, $3)`, [
        `blob-${i}`,
        bytes,
        bytes.length,
      ]);
    }
  });
}

const retitle = (db: Db, n: number, title: string) =>
  withActor(db, cli).query(`update item set title = $1 where meeting_id = $2`, [
    title,
    ids[n - 1] ?? 0,
  ]);

const suite = processSuite(async (pdb) => {
  const db = await pdb.open();
  try {
    await seed(db);
    await backupDatabase(db, file);
    await retitle(db, 1, 'Punkt B1');
    await retitle(db, 2, 'Punkt B2');
  } finally {
    await db.close();
  }
});

async function page(base: string, n: number): Promise<{ status: number; text: string }> {
  const res = await fetch(`${base}/meetings/${ids[n - 1] ?? 0}`);
  return { status: res.status, text: await res.text() };
}

void describe(`restore while serve runs (${testDbKind})`, () => {
  void it(
    'PGlite: refuses in Danish while serve holds the folder, and changes nothing',
    {
      skip:
        testDbKind !== 'pglite' &&
        'runs in the PGlite pass: only a PGlite folder is held by one process',
    },
    async () => {
      const server = await suite.serve();
      const restore = suite.cli(['restore', file, '--force']);
      const { code } = await restore.exited;
      assert.equal(code, 1, restore.output());
      assert.match(restore.output(), /er i brug af en anden proces.*stop den anden proces/s);
      const after = await page(server.url, 2);
      assert.equal(after.status, 200);
      assert.match(after.text, /Punkt B2/);
    },
  );

  void it(
    'PostgreSQL: the server keeps answering, never half restored, then serves the restored data',
    {
      skip:
        testDbKind !== 'postgres' &&
        'needs TEST_DATABASE_URL: a PGlite folder cannot be served and restored at once',
    },
    async () => {
      const server = await suite.serve();
      // Both pages cached with their B titles, and the public search page that lists them.
      for (const n of [1, 2])
        assert.match((await page(server.url, n)).text, new RegExp(`Punkt B${n}`));
      const searchPage = async () => (await fetch(`${server.url}/search?q=punkt`)).text();
      assert.match(await searchPage(), /Punkt B1[\s\S]*Punkt B2|Punkt B2[\s\S]*Punkt B1/);

      const restore = suite.cli(['restore', file, '--force']);
      let done = false;
      void restore.exited.then(() => (done = true));
      const seen: string[] = [];
      while (!done) {
        const [meeting, health] = await Promise.all([
          page(server.url, 2),
          fetch(`${server.url}/health`).then((r) => r.status),
        ]);
        const title = /Punkt [AB]2/.exec(meeting.text)?.[0] ?? null;
        seen.push(`${meeting.status} ${title ?? '-'} health ${health}`);
        assert.ok(
          [200, 503].includes(meeting.status) && (meeting.status !== 200 || title !== null),
          `a request during the restore: ${meeting.status}\n${meeting.text.slice(0, 400)}`,
        );
        assert.ok([200, 503].includes(health), `/health answered ${health}`);
      }
      assert.equal((await restore.exited).code, 0, restore.output());
      assert.ok(seen.length > 0);

      // The restored data; meeting 1 changed once more, which gives it back the stamp its
      // B page was cached under: the new title is shown, not the cached one.
      const db = await suite.db().open();
      try {
        await retitle(db, 1, 'Punkt C1');
        // Meeting 2 touched once with its own title: the meetings' stamps now add up to what
        // they were when the search page was cached.
        await retitle(db, 2, 'Punkt A2');
      } finally {
        await db.close();
      }
      const one = await page(server.url, 1);
      assert.equal(one.status, 200);
      assert.match(one.text, /Punkt C1/, 'not the page cached before the restore');
      const two = await page(server.url, 2);
      assert.equal(two.status, 200);
      assert.match(two.text, /Punkt A2/);
      assert.doesNotMatch(two.text, /Punkt B2/);
      const found = await searchPage();
      assert.match(found, /Punkt C1/, 'not the search page cached before the restore');
      assert.match(found, /Punkt A2/);
      assert.doesNotMatch(found, /Punkt B[12]/);
    },
  );
});
