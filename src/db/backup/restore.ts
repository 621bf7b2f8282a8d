/**
 * Restores a backup into a database of the same schema version, in one transaction: all of it
 * or nothing. The file is checked completely first (manifest.ts); then the tables are emptied
 * and refilled, the sequences set, and every table's checksum recomputed and compared before
 * the commit.
 *
 * The user triggers are disabled meanwhile (as the table owner may; session_replication_role
 * would need a superuser): the restored audit log is the original one, and the restore itself
 * is not logged as new changes nor does it move the meetings' content stamps. Foreign keys are
 * made deferrable for the transaction, since rows of a cycle (a meeting and the item that
 * approved its minutes) need each other, and checked at the end.
 */
import { ACTOR_LABELS } from '../../domain/audit/index.ts';
import type { Db } from '../client.ts';
import { readMigrations } from '../migrate.ts';
import { listTableObjects, listTables, quoteIdent, type TableInfo } from './catalog.ts';
import { checksumTables, useCanonicalSettings } from './checksum.ts';
import { BackupError, base64Length, isLargeBytes, readBackupLines, type Row } from './format.ts';
import { readManifest, type Manifest } from './manifest.ts';

export interface RestoreSummary {
  tables: number;
  rows: number;
  createdAt: string;
  source: Db['kind'];
}

export async function restoreDatabase(
  db: Db,
  path: string,
  options: { force?: boolean } = {},
): Promise<RestoreSummary> {
  const manifest = await readManifest(path);
  await db.transaction(async (tx) => {
    await useCanonicalSettings(tx);
    const tables = await checkTarget(tx, manifest);
    // Every table at once, before anything changes: requests of a running app wait for the
    // commit and then see the restored data, never a part of it, and the restore does not take
    // its locks one by one while they take theirs (a deadlock).
    await tx.exec(
      `lock table ${tables.map((t) => quoteIdent(t.name)).join(', ')} in access exclusive mode`,
    );
    if (options.force !== true) await refuseNonEmpty(tx, tables);
    const triggers = await listTableObjects(tx, 'user-trigger');
    const foreignKeys = await listTableObjects(tx, 'immediate-foreign-key');
    for (const t of triggers)
      await tx.exec(`alter table ${quoteIdent(t.table)} disable trigger ${quoteIdent(t.name)}`);
    for (const k of foreignKeys)
      await tx.exec(
        `alter table ${quoteIdent(k.table)} alter constraint ${quoteIdent(k.name)} deferrable`,
      );
    await tx.exec('set constraints all deferred');
    await tx.exec(`truncate ${tables.map((t) => quoteIdent(t.name)).join(', ')}`);

    await insertRows(tx, path, new Map(tables.map((t) => [t.name, t])));
    await tx.exec('set constraints all immediate');
    for (const s of manifest.sequences)
      await tx.query('select setval($1::regclass, $2::bigint, $3)', [
        quoteIdent(s.name),
        s.lastValue,
        s.isCalled,
      ]);

    const now = await checksumTables(tx, tables);
    for (const t of manifest.tables) {
      const found = now.get(t.name);
      if (found?.sha256 !== t.sha256 || found.rows !== t.rows)
        throw new Error(
          `Tabellen ${t.name} blev ikke gendannet identisk (${found?.rows ?? 0} af ${t.rows} rækker); intet er ændret.`,
        );
    }

    for (const k of foreignKeys)
      await tx.exec(
        `alter table ${quoteIdent(k.table)} alter constraint ${quoteIdent(k.name)} not deferrable`,
      );
    for (const t of triggers)
      await tx.exec(`alter table ${quoteIdent(t.table)} enable trigger ${quoteIdent(t.name)}`);
  });
  return {
    tables: manifest.tables.length,
    rows: manifest.rows,
    createdAt: manifest.header.createdAt,
    source: manifest.header.source,
  };
}

/** The target must have the backup's migrations and so its tables and columns. */
async function checkTarget(tx: Db, manifest: Manifest): Promise<TableInfo[]> {
  const applied = (
    await tx.query<{ id: string }>('select id from schema_migration order by id collate "C"')
  ).map((r) => r.id);
  const wanted = manifest.header.migrations;
  if (applied.join(',') !== wanted.join(',')) {
    const newest = (ids: string[]) => ids.at(-1) ?? 'ingen';
    throw new BackupError(
      `Sikkerhedskopien er fra en anden version af databasen (nyeste migrering ${newest(wanted)}; her ${newest(applied)}). ` +
        'Gendan den med den version af programmet, der lavede den.',
    );
  }
  const tables = await listTables(tx);
  const shape = (t: { name: string; columns: { name: string; type: string }[] }) =>
    `${t.name}(${t.columns.map((c) => `${c.name} ${c.type}`).join(',')})`;
  const here = tables.map(shape).join(' ');
  const there = manifest.tables.map(shape).join(' ');
  if (here !== there)
    throw new BackupError(
      'Sikkerhedskopiens tabeller passer ikke med databasens, selv om migreringerne er de samme. Gendan den i en database, der kun er oprettet af programmet.',
    );
  return tables;
}

/** Tables the migrations fill themselves (reference data): rows there do not make a database used. */
function seededTables(): Set<string> {
  const names = new Set<string>();
  for (const m of readMigrations())
    for (const match of m.sql.matchAll(/\binsert\s+into\s+([a-z_][a-z0-9_]*)/gi))
      names.add((match[1] ?? '').toLowerCase());
  return names;
}

/**
 * A restore replaces everything, so without --force it only goes into a database that holds
 * nothing but what the migrations put there. The audit log counts only with changes made by
 * someone (a migration's are the system's).
 */
async function refuseNonEmpty(tx: Db, tables: readonly TableInfo[]): Promise<void> {
  const seeded = seededTables();
  for (const table of tables) {
    if (table.name === 'schema_migration') continue;
    let sql = `select count(*)::int as n from ${quoteIdent(table.name)}`;
    if (table.name === 'audit_event') sql += ` where actor_label <> '${ACTOR_LABELS.system}'`;
    else if (seeded.has(table.name)) continue;
    const [row] = await tx.query<{ n: number }>(sql);
    const n = row?.n ?? 0;
    if (n > 0)
      throw new BackupError(
        `Databasen er ikke tom (${n} ${n === 1 ? 'række' : 'rækker'} i tabellen ${table.name}). ` +
          'En gendannelse erstatter alt indhold; tilføj --force, hvis det er meningen.',
      );
  }
}

// A batch is sent when it holds this many rows or about this many bytes of text.
const BATCH_ROWS = 500;
const BATCH_BYTES = 8 * 1024 * 1024;

/**
 * The second pass: the rows of every table, inserted a batch at a time. The chunks of a large
 * value go into a temporary table as they are read and are put together by the database when
 * their row is inserted, so the program never holds more than a chunk of it.
 */
async function insertRows(tx: Db, path: string, tables: Map<string, TableInfo>): Promise<void> {
  await tx.exec(
    'create temporary table restore_chunk (col int not null, n int not null, data bytea not null) on commit drop',
  );
  let table: TableInfo | undefined;
  let batch: Row[] = [];
  let bytes = 0;
  // The row whose large values' chunks are being read, and how many bytes are still due.
  let large: { row: Row; remaining: number; chunks: number } | null = null;
  const flush = async () => {
    if (table === undefined || batch.length === 0) return;
    await tx.query(insertSql(table), [batch]);
    batch = [];
    bytes = 0;
  };
  const insertLarge = async (row: Row) => {
    if (table === undefined) return;
    await tx.query(insertSql(table), [[row.map((v) => (isLargeBytes(v) ? null : v))]]);
    await tx.exec('truncate restore_chunk');
  };
  for await (const { line } of readBackupLines(path)) {
    if (Array.isArray(line)) {
      const due = line.reduce((sum, v) => sum + (isLargeBytes(v) ? v.bytes : 0), 0);
      if (due > 0) {
        await flush();
        large = { row: line, remaining: due, chunks: 0 };
        continue;
      }
      batch.push(line);
      bytes += line.reduce((sum, v) => sum + (typeof v === 'string' ? v.length : 0), 0);
      if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) await flush();
    } else if (line.kind === 'chunk') {
      if (large === null) continue; // the manifest pass has checked the order
      large.chunks += 1;
      await tx.query(`insert into restore_chunk values ($1, $2, decode($3, 'base64'))`, [
        line.column,
        large.chunks,
        line.data,
      ]);
      large.remaining -= base64Length(line.data);
      if (large.remaining <= 0) {
        await insertLarge(large.row);
        large = null;
      }
    } else if (line.kind === 'table') {
      table = tables.get(line.name);
    } else if (line.kind === 'table-end') {
      await flush();
      table = undefined;
    }
  }
}

// Each value goes in as text and is cast to its column's type (bytea decoded from base64), so
// nothing passes through a JavaScript number or date on the way. A large bytea value, null in
// the row, is the concatenation of its chunks in restore_chunk (none for a real null).
const insertSqlCache = new WeakMap<TableInfo, string>();
function insertSql(table: TableInfo): string {
  let sql = insertSqlCache.get(table);
  if (sql === undefined) {
    const columns = table.columns.map((c) => quoteIdent(c.name)).join(', ');
    const values = table.columns
      .map((c, i) =>
        c.isBytea
          ? `coalesce(decode(r ->> ${i}, 'base64'), (select string_agg(data, ''::bytea order by n) from restore_chunk where col = ${i}))`
          : `(r ->> ${i})::${c.type}`,
      )
      .join(', ');
    sql =
      `insert into ${quoteIdent(table.name)} (${columns})` +
      `${table.hasIdentity ? ' overriding system value' : ''}` +
      ` select ${values} from jsonb_array_elements($1::jsonb) as r`;
    insertSqlCache.set(table, sql);
  }
  return sql;
}
