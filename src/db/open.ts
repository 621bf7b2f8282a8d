/** Opens the configured database (PostgreSQL server or the PGlite folder) and migrates it. */
import { mkdirSync } from 'node:fs';
import type { Config } from '../config.ts';
import { openPglite, openPostgres, type Db } from './client.ts';
import { migrate } from './migrate.ts';

export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Db> {
  let db: Db;
  if (config.databaseUrl !== null) {
    db = openPostgres(config.databaseUrl);
  } else {
    mkdirSync(config.dataDir, { recursive: true });
    db = await openPglite(config.dataDir);
  }
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
