/**
 * What a backup covers, read from the catalog so that a table added by a later migration is
 * included without anyone remembering to: every table of the application's schema with its
 * stored columns (generated ones, the search vectors, are recomputed on insert), its sequences,
 * its user triggers and its foreign keys.
 */
import type { Db } from '../client.ts';

export interface TableColumn {
  name: string;
  /** the type as SQL spells it, for the cast on restore */
  type: string;
  isBytea: boolean;
  /** a text-like type: ordered with COLLATE "C" so both stores sort alike */
  collatable: boolean;
}

export interface TableInfo {
  name: string;
  columns: TableColumn[];
  /** the primary key's columns; all columns for a table without one */
  orderBy: TableColumn[];
  hasIdentity: boolean;
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

// The application's tables are in the first schema of the search path (public on PGlite).
const SCHEMA = `c.relnamespace = current_schema()::regnamespace`;

export async function listTables(db: Db): Promise<TableInfo[]> {
  const rows = await db.query<{
    table: string;
    name: string;
    type: string;
    is_bytea: boolean;
    collatable: boolean;
    is_identity: boolean;
    pk_position: number | null;
  }>(
    `select c.relname as table, a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
            a.atttypid = 'bytea'::regtype as is_bytea, t.typcollation <> 0 as collatable,
            a.attidentity <> '' as is_identity,
            array_position(i.indkey::int2[], a.attnum) as pk_position
       from pg_class c
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
       join pg_type t on t.oid = a.atttypid
       left join pg_index i on i.indrelid = c.oid and i.indisprimary
      where ${SCHEMA} and c.relkind = 'r' and a.attgenerated = ''
      order by c.relname collate "C", a.attnum`,
  );
  const tables = new Map<string, TableInfo & { keys: [number, TableColumn][] }>();
  for (const row of rows) {
    let table = tables.get(row.table);
    if (table === undefined) {
      table = { name: row.table, columns: [], orderBy: [], hasIdentity: false, keys: [] };
      tables.set(row.table, table);
    }
    const column = {
      name: row.name,
      type: row.type,
      isBytea: row.is_bytea,
      collatable: row.collatable,
    };
    table.columns.push(column);
    if (row.is_identity) table.hasIdentity = true;
    if (row.pk_position !== null) table.keys.push([row.pk_position, column]);
  }
  return [...tables.values()].map(({ keys, ...table }) => ({
    ...table,
    orderBy: keys.length > 0 ? keys.sort((a, b) => a[0] - b[0]).map(([, c]) => c) : table.columns,
  }));
}

export async function listSequences(db: Db): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    `select c.relname as name from pg_class c where ${SCHEMA} and c.relkind = 'S'
      order by c.relname collate "C"`,
  );
  return rows.map((r) => r.name);
}

/** A trigger or constraint of a table, by name. */
export interface TableObjectRef {
  table: string;
  name: string;
}

const OBJECTS = {
  // The enabled user triggers (audit, append-only guard, content stamps), not the internal ones.
  'user-trigger': `select c.relname as table, t.tgname as name
       from pg_trigger t join pg_class c on c.oid = t.tgrelid
      where ${SCHEMA} and not t.tgisinternal and t.tgenabled <> 'D'`,
  // Foreign keys checked at once; a restore defers them, as the rows of a cycle need each other.
  'immediate-foreign-key': `select c.relname as table, k.conname as name
       from pg_constraint k join pg_class c on c.oid = k.conrelid
      where ${SCHEMA} and k.contype = 'f' and not k.condeferrable`,
};

export function listTableObjects(db: Db, kind: keyof typeof OBJECTS): Promise<TableObjectRef[]> {
  return db.query<TableObjectRef>(`${OBJECTS[kind]} order by 1, 2`);
}
