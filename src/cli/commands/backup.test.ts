import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { withActor } from '../../db/actor.ts';
import { checksumTables, listTables } from '../../db/backup/index.ts';
import type { Db } from '../../db/client.ts';
import { openDatabase } from '../../db/open.ts';

const dir = mkdtempSync(join(tmpdir(), 'socialaftale-backup-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// The real program on PGlite folders (the laptop's side of a move); the service tests cover
// PostgreSQL and the way between them.
function cli(...args: string[]) {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    encoding: 'utf8',
    env,
  });
}

async function withDb<T>(data: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDatabase({ databaseUrl: null, dataDir: data });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

const sums = (db: Db) => db.transaction(async (tx) => checksumTables(tx, await listTables(tx)));

void it('backup and restore through the command line: identical, and a used database refused', async () => {
  const laptop = join(dir, 'laptop');
  const server = join(dir, 'server');
  const file = join(dir, 'kopi.backup');
  const expected = await withDb(laptop, async (db) => {
    await withActor(db, { userId: null, label: 'kommandolinje' }).query(
      `insert into person (name, email) values ('Anne Hansen', 'anne@aalborg.dk')`,
    );
    return sums(db);
  });

  const backup = cli('backup', file, '--data', laptop);
  assert.equal(backup.status, 0, backup.stderr);
  assert.match(backup.stdout, /Sikkerhedskopi gemt/);
  assert.ok(existsSync(file));

  const restore = cli('restore', file, '--data', server);
  assert.equal(restore.status, 0, restore.stderr);
  assert.match(restore.stdout, /kontrolsummer ens/);

  const again = cli('restore', file, '--data', server);
  assert.equal(again.status, 2);
  assert.match(again.stderr, /ikke tom.*--force/s);

  assert.deepEqual(await withDb(server, sums), expected);
});
