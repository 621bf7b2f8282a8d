/**
 * `socialaftale backup FILE [--force]` and `socialaftale restore FILE [--force]`: a whole-database
 * copy (rows, file bytes, audit log, migration history, sequences) and its restore, on PGlite or
 * PostgreSQL and across them. `--force` replaces an existing file (backup) or the contents of a
 * database that is not empty (restore). A damaged file, one from another schema version, or a
 * used database without --force is bad input (exit 2); nothing is changed then.
 */
import type { Db } from '../../db/client.ts';
import { BackupError, backupDatabase, restoreDatabase } from '../../db/backup/index.ts';
import { UsageError, type Command } from '../io.ts';
import { withoutDataFlag } from './import.ts';

const USAGE = {
  backup: 'Brug: socialaftale backup FIL [--force]  (--force erstatter en eksisterende fil)',
  restore:
    'Brug: socialaftale restore FIL [--force]  (--force erstatter indholdet af en database, der ikke er tom)',
};

function parseArgs(name: keyof typeof USAGE, rawArgs: string[]): { file: string; force: boolean } {
  const args = withoutDataFlag(rawArgs);
  const force = args.includes('--force');
  const rest = args.filter((a) => a !== '--force');
  const unknown = rest.filter((a) => a.startsWith('--'));
  if (unknown.length > 0)
    throw new UsageError(`Ukendt argument: ${unknown.join(' ')}.\n${USAGE[name]}`);
  const [file, ...extra] = rest;
  if (file === undefined) throw new UsageError(`Angiv filen.\n${USAGE[name]}`);
  if (extra.length > 0) throw new UsageError(`Angiv kun én fil.\n${USAGE[name]}`);
  return { file, force };
}

// A BackupError is something the user can act on: bad input, exit 2.
async function asUsage<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackupError) throw new UsageError(error.message);
    throw error;
  }
}

export function makeBackupCommand(openDb: () => Promise<Db>): Command {
  return async (rawArgs, io) => {
    const { file, force } = parseArgs('backup', rawArgs);
    const db = await openDb();
    try {
      const s = await asUsage(() => backupDatabase(db, file, { overwrite: force }));
      io.stdout(
        `Sikkerhedskopi gemt i ${file}: ${s.tables} tabeller, ${s.rows} rækker (databaseversion ${s.migrations.at(-1) ?? 'ingen'}).\n`,
      );
      return 0;
    } finally {
      await db.close();
    }
  };
}

export function makeRestoreCommand(openDb: () => Promise<Db>): Command {
  return async (rawArgs, io) => {
    const { file, force } = parseArgs('restore', rawArgs);
    const db = await openDb();
    try {
      const s = await asUsage(() => restoreDatabase(db, file, { force }));
      io.stdout(
        `Gendannet fra ${file} (taget ${s.createdAt} fra ${s.source === 'pglite' ? 'PGlite' : 'PostgreSQL'}): ${s.tables} tabeller, ${s.rows} rækker, kontrolsummer ens.\n`,
      );
      return 0;
    } finally {
      await db.close();
    }
  };
}
