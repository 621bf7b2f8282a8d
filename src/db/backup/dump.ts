/**
 * Writes a backup of the whole database: every table (file bytes included), the audit log,
 * the migration history and the sequences, read in one REPEATABLE READ transaction so the copy
 * is one consistent moment even while the application keeps writing.
 */
import { rename, rm, stat } from 'node:fs/promises';
import type { Db } from '../client.ts';
import { listSequences, listTables, quoteIdent } from './catalog.ts';
import { TableChecksum, readTableRows, useCanonicalSettings } from './checksum.ts';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  BackupWriter,
  type SequenceValue,
} from './format.ts';

export interface BackupSummary {
  tables: number;
  rows: number;
  migrations: string[];
}

/**
 * Writes the backup to `path` (through a temporary file renamed at the end, so a failure leaves
 * no half-written backup). An existing file is replaced only with `overwrite`.
 */
export async function backupDatabase(
  db: Db,
  path: string,
  options: { overwrite?: boolean; now?: Date } = {},
): Promise<BackupSummary> {
  if (options.overwrite !== true && (await exists(path)))
    throw new BackupError(
      `Filen ${path} findes allerede. Vælg et andet navn, eller tilføj --force for at erstatte den.`,
    );
  const partial = `${path}.${process.pid}.partial`;
  let writer: BackupWriter;
  try {
    writer = new BackupWriter(partial);
  } catch (error) {
    throw new BackupError(
      `Filen ${path} kan ikke skrives (${(error as Error).message}). Vælg en anden mappe.`,
    );
  }
  try {
    const summary = await db.transaction(async (tx) => {
      await tx.exec('set transaction isolation level repeatable read, read only');
      await useCanonicalSettings(tx);
      return writeAll(tx, writer, options.now ?? new Date());
    });
    await writer.finish();
    await rename(partial, path);
    return summary;
  } catch (error) {
    await writer.abort();
    await rm(partial, { force: true });
    throw error;
  }
}

function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function writeAll(tx: Db, writer: BackupWriter, now: Date): Promise<BackupSummary> {
  const migrations = (
    await tx.query<{ id: string }>('select id from schema_migration order by id collate "C"')
  ).map((r) => r.id);
  await writer.write({
    kind: 'header',
    format: BACKUP_FORMAT,
    version: BACKUP_FORMAT_VERSION,
    createdAt: now.toISOString(),
    source: tx.kind,
    migrations,
  });
  const tables = await listTables(tx);
  let total = 0;
  for (const table of tables) {
    await writer.write({
      kind: 'table',
      name: table.name,
      columns: table.columns.map((c) => ({ name: c.name, type: c.type })),
    });
    const sum = new TableChecksum(table.columns);
    for await (const part of readTableRows(tx, table)) {
      sum.add(part);
      await writer.write(part);
    }
    total += sum.rows;
    await writer.write({
      kind: 'table-end',
      name: table.name,
      rows: sum.rows,
      sha256: sum.digest(),
    });
  }
  const values: SequenceValue[] = [];
  for (const name of await listSequences(tx)) {
    const [row] = await tx.query<{ last_value: string; is_called: boolean }>(
      `select last_value::text as last_value, is_called from ${quoteIdent(name)}`,
    );
    if (row !== undefined)
      values.push({ name, lastValue: row.last_value, isCalled: row.is_called });
  }
  await writer.write({ kind: 'sequences', values });
  await writer.write({ kind: 'end', tables: tables.length, rows: total, sha256: writer.digest() });
  return { tables: tables.length, rows: total, migrations };
}
