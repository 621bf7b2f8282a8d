/** Small helpers for turning rows into domain objects. */
import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import type { Db } from '../client.ts';

export function one<T>(rows: readonly (T | undefined)[], what: string): T {
  const row = rows[0];
  if (row === undefined) throw new NotFoundError(`${what} findes ikke.`);
  return row;
}

/** For optimistic locking: an update that matched no row at the expected version is a conflict. */
export function updated<T>(rows: T[]): T {
  const row = rows[0];
  if (row === undefined) throw new ConflictError();
  return row;
}

/**
 * Like `updated`, but tells an unknown record (404) from a stale version (409).
 * @param table a table name from our own code, never from input
 */
const WHAT: Record<string, string> = {
  meeting: 'Mødet',
  item: 'Punktet',
  follow_up: 'Opfølgningen',
};

export async function updatedIn<T>(
  db: Db,
  table: string,
  id: number,
  rows: T[],
  what = WHAT[table] ?? 'Posten',
): Promise<T> {
  const row = rows[0];
  if (row !== undefined) return row;
  const exists = await db.query(`select 1 from ${table} where id = $1`, [id]);
  if (exists.length === 0) throw new NotFoundError(`${what} findes ikke.`);
  throw new ConflictError();
}
