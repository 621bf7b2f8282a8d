/**
 * Reads the audit trail (written only by the triggers of migration 0012; there is no write here):
 * newest first, filtered by table, actor, a period of Danish calendar days and the row's key.
 */
import type { AuditEvent } from '../../domain/audit/index.ts';
import type { Db, Param } from '../client.ts';

export interface AuditFilter {
  table?: string;
  /** a user id, or the label of a non-user actor ('kommandolinje', 'system', …) */
  actor?: number | string;
  /** first and last day (YYYY-MM-DD), Danish time, both included */
  from?: string;
  to?: string;
  /** the row's primary key as logged, e.g. "12" or "3/17" */
  rowKey?: string;
}

const EVENT = `id, at, actor_user_id as "actorUserId", actor_label as "actorLabel",
  table_name as "table", row_key as "rowKey", operation, before, after,
  changed_columns as "changedColumns"`;

function where(filter: AuditFilter): { sql: string; params: Param[] } {
  const conditions: string[] = [];
  const params: Param[] = [];
  const add = (condition: (n: string) => string, value: Param) => {
    params.push(value);
    conditions.push(condition(`$${params.length}`));
  };
  if (filter.table !== undefined) add((n) => `table_name = ${n}`, filter.table);
  if (typeof filter.actor === 'number') add((n) => `actor_user_id = ${n}`, filter.actor);
  if (typeof filter.actor === 'string')
    add((n) => `actor_user_id is null and actor_label = ${n}`, filter.actor);
  // Calendar days in Danish time, written so the index on `at` can be used.
  if (filter.from !== undefined)
    add((n) => `at >= (${n}::date::timestamp at time zone 'Europe/Copenhagen')`, filter.from);
  if (filter.to !== undefined)
    add((n) => `at < ((${n}::date + 1)::timestamp at time zone 'Europe/Copenhagen')`, filter.to);
  if (filter.rowKey !== undefined) add((n) => `row_key = ${n}`, filter.rowKey);
  return { sql: conditions.length === 0 ? '' : `where ${conditions.join(' and ')}`, params };
}

export function auditRepository(db: Db) {
  return {
    async list(
      filter: AuditFilter,
      paging: { limit: number; offset: number },
    ): Promise<{ total: number; events: AuditEvent[] }> {
      const w = where(filter);
      const n = w.params.length;
      const [events, [count]] = await Promise.all([
        db.query<AuditEvent>(
          `select ${EVENT} from audit_event ${w.sql} order by id desc limit $${n + 1} offset $${n + 2}`,
          [...w.params, paging.limit, paging.offset],
        ),
        db.query<{ total: number }>(`select count(*) as total from audit_event ${w.sql}`, w.params),
      ]);
      return { total: count?.total ?? 0, events };
    },
  };
}
export type AuditRepository = ReturnType<typeof auditRepository>;
