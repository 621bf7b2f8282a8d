/**
 * Login attempts: the record that throttling reads (shared by every app process) and the audit
 * trail the secretariat sees. Failures are counted since the last reset (a success or an unlock),
 * by row id rather than time, so two attempts in the same millisecond keep their order.
 */
import type { Db } from '../client.ts';

export type AttemptOutcome = 'success' | 'failure' | 'refused' | 'unlocked';
export type AttemptMethod = 'password' | 'oidc' | 'unlock';

export interface LoginAttemptRow {
  id: number;
  at: Date;
  email: string | null;
  clientAddress: string | null;
  outcome: AttemptOutcome;
  method: AttemptMethod;
  userId: number | null;
  userName: string | null;
}

export interface FailureRunRow {
  failures: number;
  lastFailureAt: Date | null;
}

/**
 * Password failures of one key (email or client_address) after its newest reset and `since`.
 * A failed OpenID Connect login is recorded for the audit but is no password guess.
 */
const failureRun = (key: 'email' | 'client_address', resets: string) => `
  select count(*)::int as failures, max(a.at) as "lastFailureAt"
  from login_attempt a
  where a.${key} = $1 and a.outcome = 'failure' and a.method = 'password'
    and a.at > $2 and a.id < $3
    and a.id > coalesce(
      (select max(r.id) from login_attempt r where r.${key} = $1 and r.outcome in (${resets})),
      0)`;

export function loginAttemptRepository(db: Db) {
  return {
    async record(a: {
      at: Date;
      email: string | null;
      clientAddress: string | null;
      outcome: AttemptOutcome;
      method: AttemptMethod;
      userId?: number | null;
    }): Promise<number> {
      const [row] = await db.query<{ id: number }>(
        `insert into login_attempt (at, email, client_address, outcome, method, user_id)
         values ($1, $2, $3, $4, $5, $6) returning id`,
        [a.at, a.email, a.clientAddress, a.outcome, a.method, a.userId ?? null],
      );
      if (row === undefined) throw new Error('Loginforsøget blev ikke gemt.');
      return Number(row.id);
    },
    async setOutcome(id: number, outcome: AttemptOutcome, userId: number | null = null) {
      await db.query(`update login_attempt set outcome = $2, user_id = $3 where id = $1`, [
        id,
        outcome,
        userId,
      ]);
    },
    /** An account's failures before attempt `beforeId`; a success or an unlock resets them. */
    async accountFailures(email: string, since: Date, beforeId: number): Promise<FailureRunRow> {
      const [row] = await db.query<FailureRunRow>(failureRun('email', `'success', 'unlocked'`), [
        email,
        since,
        beforeId,
      ]);
      return row ?? { failures: 0, lastFailureAt: null };
    },
    /** An address's failures before attempt `beforeId`; only an unlock resets them. */
    async addressFailures(address: string, since: Date, beforeId: number): Promise<FailureRunRow> {
      const [row] = await db.query<FailureRunRow>(failureRun('client_address', `'unlocked'`), [
        address,
        since,
        beforeId,
      ]);
      return row ?? { failures: 0, lastFailureAt: null };
    },
    /**
     * Every account (or address) with at least `min` counting failures since `since`: the
     * candidates for a lockout, in one query however many keys an attack sprayed.
     */
    async failureRuns(
      key: 'email' | 'client_address',
      since: Date,
      min: number,
    ): Promise<(FailureRunRow & { key: string })[]> {
      const resets = key === 'email' ? `'success', 'unlocked'` : `'unlocked'`;
      return db.query<FailureRunRow & { key: string }>(
        `select a.${key} as key, count(*)::int as failures, max(a.at) as "lastFailureAt"
         from login_attempt a
         where a.${key} is not null and a.outcome = 'failure' and a.method = 'password'
           and a.at > $1
           and a.id > coalesce((select max(r.id) from login_attempt r
                                where r.${key} = a.${key} and r.outcome in (${resets})), 0)
         group by a.${key}
         having count(*) >= $2
         order by max(a.at) desc`,
        [since, min],
      );
    },
    /** The newest attempts first, with the name of the user who logged in or unlocked. */
    async latest(limit: number): Promise<LoginAttemptRow[]> {
      const rows = await db.query<LoginAttemptRow>(
        `select a.id, a.at, a.email, a.client_address as "clientAddress", a.outcome, a.method,
           a.user_id as "userId", u.name as "userName"
         from login_attempt a left join app_user u on u.id = a.user_id
         order by a.id desc limit $1`,
        [limit],
      );
      return rows.map((r) => ({ ...r, id: Number(r.id) }));
    },
    /** Audit rows are kept for a while, then pruned. */
    async pruneBefore(at: Date) {
      await db.query(`delete from login_attempt where at < $1`, [at]);
    },
  };
}
export type LoginAttemptRepository = ReturnType<typeof loginAttemptRepository>;
