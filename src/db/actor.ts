/**
 * Who is making a change, for the audit trail (migration 0012). The database triggers read the
 * actor from two transaction-local settings; `withActor` returns a `Db` that sets them at the
 * start of every transaction it runs, and runs every lone write in a transaction of its own for
 * that. Transaction-local (`set_config(…, true)`) and never session-level: on a PostgreSQL pool a
 * connection serves one request after another, and a session setting would follow the connection
 * into the next request; a local one ends with its transaction.
 */
import { ACTOR_LABELS } from '../domain/audit/index.ts';
import type { Db, Param } from './client.ts';

export interface AuditActor {
  /** the app_user id; null for the command line or the system */
  userId: number | null;
  /** who that is, as the log shows it */
  label: string;
}

/** Changes made by `socialaftale import`, `user add` and the other commands. */
export const CLI_ACTOR: AuditActor = { userId: null, label: ACTOR_LABELS.cli };

// A statement that may change rows. A false positive (a word in a string literal, `for update`)
// only costs a transaction; a read is never wrapped, so pages pay nothing.
const MAY_WRITE = /\b(insert|update|delete|merge|truncate|copy)\b/i;

const SET_ACTOR = `select set_config('socialaftale.actor', $1, true), set_config('socialaftale.actor_label', $2, true)`;

const unbound = new WeakMap<Db, Db>();

/** The database `db` writes through, without any actor bound to it. */
export function withoutActor(db: Db): Db {
  return unbound.get(db) ?? db;
}

/** `db` with every change attributed to `actor` in the audit trail. */
export function withActor(db: Db, actor: AuditActor): Db {
  const base = withoutActor(db);
  const params: Param[] = [actor.userId === null ? '' : String(actor.userId), actor.label];
  const inTransaction = <T>(fn: (tx: Db) => Promise<T>) =>
    base.transaction(async (tx) => {
      await tx.query(SET_ACTOR, params);
      return fn(tx);
    });
  const bound: Db = {
    kind: base.kind,
    query<T>(sql: string, queryParams?: readonly Param[]) {
      return MAY_WRITE.test(sql)
        ? inTransaction((tx) => tx.query<T>(sql, queryParams))
        : base.query<T>(sql, queryParams);
    },
    exec: (sql) => inTransaction((tx) => tx.exec(sql)),
    transaction: inTransaction,
    ping: () => base.ping(),
    close: () => base.close(),
  };
  unbound.set(bound, base);
  return bound;
}
