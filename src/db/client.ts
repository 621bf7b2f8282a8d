/**
 * One small database interface with two adapters: PGlite (embedded, a folder or memory) and a
 * PostgreSQL server through `pg`. Repositories write plain Postgres SQL against `Db` only.
 */
import { statfsSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { DiskFullError } from './errors.ts';

export type Param =
  string | number | boolean | null | Date | Uint8Array | readonly unknown[] | object;

export interface Db {
  /** Runs one statement with $1.. parameters and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly Param[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in one transaction: all of it is stored, or none of it. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /**
   * Runs `select 1` for /health. On PostgreSQL through a connection of its own, outside the
   * pool, so a pool busy with slow queries does not make a database that answers look down.
   */
  ping(): Promise<void>;
  close(): Promise<void>;
  readonly kind: 'pglite' | 'postgres';
}

// Dates stay 'YYYY-MM-DD' strings (no time-zone shift), bigint counts become numbers.
const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const parseDate = (v: string) => v;
const parseInt8 = (v: string) => Number(v);

function normaliseParams(params: readonly Param[]): unknown[] {
  // Arrays and plain objects are stored as JSON (jsonb columns); bytes and dates pass through.
  return params.map((p) =>
    p !== null && typeof p === 'object' && !(p instanceof Date) && !(p instanceof Uint8Array)
      ? JSON.stringify(p)
      : p,
  );
}

type PgliteLike = Pick<PGlite, 'query' | 'exec'>;

/**
 * Free space a PGlite folder must keep before a write starts. PostgreSQL needs room for a new WAL
 * segment (16 MB) at commit; when the write-ahead log cannot be written there, the embedded
 * server stops for good (a PANIC that leaves PGlite's promise pending) instead of refusing the
 * one transaction as a PostgreSQL server does. So writes are refused while less is free; reads
 * go on.
 */
export const PGLITE_SPACE_RESERVE = 40 * 1024 * 1024;

/** Throws DiskFullError when the folder's file system has less than the reserve free. */
function spaceGuard(dataDir: string | null): () => void {
  if (dataDir === null) return () => undefined;
  return () => {
    const { bavail, bsize } = statfsSync(dataDir);
    if (bavail * bsize < PGLITE_SPACE_RESERVE) throw new DiskFullError(dataDir);
  };
}

const READ_ONLY = /^\s*(select|show)\b/i;

function pgliteDb(
  handle: PgliteLike,
  root: PGlite,
  inTx: boolean,
  ensureSpace: () => void,
): Db & { raw: PGlite } {
  return {
    kind: 'pglite',
    raw: root,
    async query<T>(sql: string, params: readonly Param[] = []) {
      if (!inTx && !READ_ONLY.test(sql)) ensureSpace();
      const res = await handle.query<T>(sql, normaliseParams(params));
      return res.rows;
    },
    async exec(sql: string) {
      if (!inTx) ensureSpace();
      await handle.exec(sql);
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>) {
      if (inTx) return fn(this);
      ensureSpace();
      return root.transaction((tx) => fn(pgliteDb(tx, root, true, ensureSpace)));
    },
    async ping() {
      await handle.query('select 1');
    },
    async close() {
      if (!inTx) await root.close();
    },
  };
}

const pgliteParsers = { [DATE_OID]: parseDate, [INT8_OID]: parseInt8, [NUMERIC_OID]: Number };

/** Opens (creating if needed) a PGlite database in `dataDir`, or in memory when null. */
export async function openPglite(dataDir: string | null): Promise<Db & { raw: PGlite }> {
  const options = { parsers: pgliteParsers };
  if (dataDir !== null) spaceGuard(dataDir)(); // a full disk is reported before PGlite starts
  const root =
    dataDir === null ? await PGlite.create(options) : await PGlite.create(dataDir, options);
  return pgliteDb(root, root, false, spaceGuard(dataDir));
}

/** Opens an in-memory PGlite from a data-folder dump (a migrated template in tests, a backup). */
export async function openPgliteFromDump(dump: Blob): Promise<Db & { raw: PGlite }> {
  const root = await PGlite.create({ loadDataDir: dump, parsers: pgliteParsers });
  return pgliteDb(root, root, false, spaceGuard(null));
}

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
    if (oid === DATE_OID) return parseDate;
    if (oid === INT8_OID) return parseInt8;
    if (oid === NUMERIC_OID) return Number;
    return pg.types.getTypeParser(oid, format) as (value: string) => unknown;
  },
};

// pg sends only Buffers as bytea; a plain Uint8Array would otherwise be sent as JSON.
const pgParams = (params: readonly Param[]) =>
  normaliseParams(params).map((p) =>
    p instanceof Uint8Array && !Buffer.isBuffer(p)
      ? Buffer.from(p.buffer, p.byteOffset, p.byteLength)
      : p,
  );

function pgClientDb(client: pg.PoolClient): Db {
  return {
    kind: 'postgres',
    async query<T>(sql: string, params: readonly Param[] = []) {
      const res = await client.query(sql, pgParams(params));
      return res.rows as T[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>) {
      return fn(this);
    },
    async ping() {
      await client.query('select 1');
    },
    async close() {},
  };
}

/**
 * Connects a pool to a PostgreSQL server. A query that cannot get a connection within
 * `connectTimeoutMs` (the server hangs, or every connection is busy that long) fails instead of
 * waiting for ever, so a request ends with a clear answer.
 */
export function openPostgres(url: string, max = 10, connectTimeoutMs = 10_000): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types,
    connectionTimeoutMillis: connectTimeoutMs,
  });
  // An idle connection the server ends (a restart, a terminated backend, or a database dropped
  // right after close() while the goodbye is still in flight) emits 'error' on the pool; without a
  // listener that is an uncaught exception that takes the whole process down. The next query opens
  // a fresh connection, so the error is reported and the pool carries on.
  let closing = false;
  const onError = (error: Error) => {
    if (!closing)
      console.error(`PostgreSQL: en forbindelse blev lukket af serveren (${error.message})`);
  };
  pool.on('error', onError);
  // /health's own connection (a pool of one, which reconnects by itself), opened on first use.
  let probe: pg.Pool | null = null;
  return {
    kind: 'postgres',
    async query<T>(sql: string, params: readonly Param[] = []) {
      const res = await pool.query(sql, pgParams(params));
      return res.rows as T[];
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(pgClientDb(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async ping() {
      if (probe === null) {
        probe = new pg.Pool({
          connectionString: url,
          max: 1,
          types,
          connectionTimeoutMillis: connectTimeoutMs,
        });
        probe.on('error', onError);
      }
      await probe.query('select 1');
    },
    async close() {
      closing = true;
      await Promise.all([pool.end(), probe?.end()]);
    },
  };
}
