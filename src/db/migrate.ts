/**
 * Applies the plain-SQL migrations in src/db/migrations in id order, each in its own transaction,
 * recording applied ids. It refuses a history that is out of order (an applied id that no longer
 * exists, or a new file older than the newest applied one), as files must only ever be appended.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './client.ts';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  id: string;
  sql: string;
}

export function readMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ id: f.replace(/\.sql$/, ''), sql: readFileSync(dir + f, 'utf8') }));
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Brings the database up to date; returns the ids applied now. */
export async function migrate(db: Db, migrations = readMigrations()): Promise<string[]> {
  await db.exec(
    `create table if not exists schema_migration (
       id text primary key,
       applied_at timestamptz not null default now()
     )`,
  );
  const applied = (
    await db.query<{ id: string }>('select id from schema_migration order by id')
  ).map((r) => r.id);
  const known = new Set(migrations.map((m) => m.id));
  const missing = applied.filter((id) => !known.has(id));
  if (missing.length > 0) {
    throw new MigrationError(
      `Databasen har migreringer, som programmet ikke kender (${missing.join(', ')}). Brug en nyere version af programmet.`,
    );
  }
  const newest = applied.at(-1);
  const pending = migrations.filter((m) => !applied.includes(m.id));
  const older = pending.filter((m) => newest !== undefined && m.id < newest);
  if (older.length > 0) {
    throw new MigrationError(
      `Migreringen ${older.map((m) => m.id).join(', ')} er ældre end den nyeste anvendte (${newest}); migreringer må kun tilføjes i rækkefølge.`,
    );
  }
  for (const m of pending) {
    await db.transaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.query('insert into schema_migration (id) values ($1)', [m.id]);
    });
  }
  return pending.map((m) => m.id);
}
