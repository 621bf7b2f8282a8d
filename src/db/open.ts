/** Opens the configured database (PostgreSQL server or the PGlite folder) and migrates it. */
import { mkdirSync } from 'node:fs';
import type { Config } from '../config.ts';
import { openPglite, openPostgres, type Db } from './client.ts';
import { FolderInUseError, lockFolder } from './folder-lock.ts';
import { classifyDbError, DatabaseUnavailableError, DB_DISK_FULL } from './errors.ts';
import { migrate } from './migrate.ts';

/** "host:port/database" of a connection string, without the user and the password. */
function serverOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/**
 * A PGlite folder that cannot be opened: missing rights, a file in the way, a damaged folder, or
 * one another process holds (folder-lock.ts).
 */
async function openPgliteFolder(dataDir: string): Promise<Db> {
  let release: () => void = () => undefined;
  try {
    mkdirSync(dataDir, { recursive: true });
    release = lockFolder(dataDir);
    const db = await openPglite(dataDir);
    return {
      ...db,
      async close() {
        try {
          await db.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    if (error instanceof FolderInUseError)
      throw new DatabaseUnavailableError(
        `Databasen i mappen ${dataDir} er i brug af en anden proces${Number.isNaN(error.pid) ? '' : ` (proces ${error.pid})`}, fx socialaftale serve. ` +
          'En PGlite-database kan kun åbnes af én proces ad gangen: stop den anden proces, og prøv igen.',
        { cause: error },
      );
    const full = classifyDbError(error)?.kind === 'disk-full';
    throw new DatabaseUnavailableError(
      full
        ? `Databasen i mappen ${dataDir} kan ikke åbnes: ${DB_DISK_FULL}`
        : `Databasen i mappen ${dataDir} kan ikke åbnes. Tjek at mappen findes, at programmet må skrive i den, og at den kun indeholder en Socialaftale-database (eller angiv en anden med --data).`,
      { cause: error },
    );
  }
}

export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Db> {
  const db =
    config.databaseUrl !== null
      ? openPostgres(config.databaseUrl)
      : await openPgliteFolder(config.dataDir);
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    // The server down or unreachable at start: say which server, never the password.
    if (config.databaseUrl !== null && classifyDbError(error)?.kind === 'unavailable')
      throw new DatabaseUnavailableError(
        `Databasen svarer ikke (${serverOf(config.databaseUrl)}). Tjek at PostgreSQL kører, og at DATABASE_URL er rigtig.`,
        { cause: error },
      );
    throw error;
  }
  return db;
}
