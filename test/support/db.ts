/**
 * A fresh, migrated database for one test file. With TEST_DATABASE_URL set (CI's second pass),
 * each call creates its own database on that PostgreSQL server and drops it afterwards; without
 * it, an in-memory PGlite loaded from a migrated template that is built once per migration set
 * and cached in the temp folder (initdb takes seconds; loading the template under one).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPglite, openPgliteFromDump, openPostgres, type Db } from '../../src/db/client.ts';
import { migrate, readMigrations } from '../../src/db/migrate.ts';

export interface TestDb {
  db: Db;
  /** Closes (and on PostgreSQL drops) the database. */
  dispose(): Promise<void>;
}

export const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? null;
export const testDbKind: Db['kind'] = testDatabaseUrl === null ? 'pglite' : 'postgres';

export async function templateFile(): Promise<string> {
  const migrations = readMigrations();
  const hash = createHash('sha256')
    .update(process.version)
    .update(JSON.stringify(migrations))
    .digest('hex')
    .slice(0, 16);
  const path = join(tmpdir(), `socialaftale-template-${hash}.tar`);
  if (existsSync(path)) return path;
  const db = await openPglite(null);
  await migrate(db, migrations);
  const dump = await db.raw.dumpDataDir('none');
  await db.close();
  // Write then rename, so a parallel test file never reads a half-written template.
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, path);
  return path;
}

/** One statement on the server's maintenance connection; the client is closed even on failure. */
export async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: testDatabaseUrl ?? undefined });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/**
 * Drops a test database. `with (force)` must terminate any backend still on it, and PostgreSQL 15
 * refuses that for an autovacuum worker unless the role has pg_signal_backend (start-postgres.sh
 * grants it; a developer's own server may not). So a refusal is retried without force after a
 * pause, and a database that still cannot be dropped is left behind with a warning: a leftover
 * test database is litter on a throwaway server, not a failed test.
 */
export async function dropDatabase(name: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      await adminQuery(`drop database if exists ${name}${attempt === 0 ? ' with (force)' : ''}`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200 * (attempt + 1)));
    }
  }
  process.emitWarning(`test database ${name} could not be dropped; drop it by hand`);
}

export async function createTestDb(): Promise<TestDb> {
  if (testDatabaseUrl !== null) {
    const name = `sa_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(`create database ${name}`);
    const url = new URL(testDatabaseUrl);
    url.pathname = `/${name}`;
    const db = openPostgres(url.toString(), 5);
    await migrate(db);
    return {
      db,
      async dispose() {
        await db.close();
        await dropDatabase(name);
      },
    };
  }
  const template = readFileSync(await templateFile());
  const db = await openPgliteFromDump(new Blob([template]));
  await migrate(db); // a no-op on the template; proves the recorded history matches
  return { db, dispose: () => db.close() };
}
