/**
 * The bench's database: an in-memory PGlite by default, or a fresh temporary database on a
 * PostgreSQL server that is dropped afterwards. Either way migrated, and either way gone when
 * `dispose` has run.
 *
 * PGlite's initdb plus the migrations take many seconds (20 s on a busy 2-core machine), so, as
 * the test support does, a migrated data folder is dumped once per Node version and migration set
 * to the temp folder and loaded from there on later runs. In memory rather than a folder: the
 * bench reads under load and writes nothing then, and a folder would only add set-up time.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPglite, openPgliteFromDump, openPostgres, type Db } from '../src/db/client.ts';
import { migrate, readMigrations } from '../src/db/migrate.ts';

export const DEFAULT_PG_URL = 'postgres://socialaftale:socialaftale@127.0.0.1:5432/socialaftale';

export interface BenchDb {
  db: Db;
  kind: Db['kind'];
  /** Where the data lives, for the report (never includes a password). */
  label: string;
  /** Milliseconds to create and migrate the database. */
  setupMs: number;
  dispose(): Promise<void>;
}

export type DbChoice = { kind: 'pglite' } | { kind: 'postgres'; url: string };

function withoutPassword(url: URL): string {
  const copy = new URL(url.toString());
  copy.password = '';
  return copy.toString();
}

export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function openBenchDb(choice: DbChoice): Promise<BenchDb> {
  const t0 = performance.now();
  if (choice.kind === 'postgres') {
    const name = `sa_bench_${randomBytes(5).toString('hex')}`;
    await adminQuery(choice.url, `create database ${name}`);
    const url = new URL(choice.url);
    url.pathname = `/${name}`;
    // The same pool size the app uses (openDatabase → openPostgres default).
    const db = openPostgres(url.toString());
    let disposed = false;
    const dispose = async () => {
      if (disposed) return;
      disposed = true;
      await db.close().catch(() => undefined);
      await adminQuery(choice.url, `drop database if exists ${name} with (force)`);
    };
    try {
      await migrate(db);
    } catch (error) {
      await dispose();
      throw error;
    }
    return {
      db,
      kind: 'postgres',
      label: `PostgreSQL ${withoutPassword(url)}`,
      setupMs: performance.now() - t0,
      dispose,
    };
  }
  const { path, cached } = await pgliteTemplate();
  const db = await openPgliteFromDump(new Blob([readFileSync(path)]));
  const dispose = () => db.close().catch(() => undefined);
  try {
    await migrate(db); // a no-op on the template; proves its history matches the code
  } catch (error) {
    await dispose();
    throw error;
  }
  return {
    db,
    kind: 'pglite',
    label: `PGlite in memory (${cached ? 'from the cached template' : 'template built now'})`,
    setupMs: performance.now() - t0,
    dispose,
  };
}

/** The migrated PGlite template in the temp folder, built if missing. */
async function pgliteTemplate(): Promise<{ path: string; cached: boolean }> {
  const migrations = readMigrations();
  const hash = createHash('sha256')
    .update(process.version)
    .update(JSON.stringify(migrations))
    .digest('hex')
    .slice(0, 16);
  const path = join(tmpdir(), `socialaftale-bench-template-${hash}.tar`);
  if (existsSync(path)) return { path, cached: true };
  const db = await openPglite(null);
  try {
    await migrate(db, migrations);
    const dump = await db.raw.dumpDataDir('none');
    // Write then rename, so a parallel run never reads a half-written template.
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, path);
  } finally {
    await db.close();
  }
  return { path, cached: false };
}
