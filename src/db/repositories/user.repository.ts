/** Users and their database-stored sessions (so several app processes can serve one database). */
import type { Role } from '../../domain/meetings/index.ts';
import type { Db } from '../client.ts';

export interface UserRow {
  id: number;
  email: string;
  name: string;
  role: Role;
  personId: number | null;
  organisationId: number | null;
  active: boolean;
}

export interface UserWithHash extends UserRow {
  passwordHash: string;
}

export interface SessionTimes {
  csrfToken: string;
  /** the absolute end */
  expiresAt: Date;
  /** the end if no request comes before it */
  idleExpiresAt: Date;
}

const USER = `u.id, u.email, u.name, u.role, u.person_id as "personId", u.organisation_id as "organisationId", u.active`;

export function userRepository(db: Db) {
  return {
    async byEmail(email: string): Promise<UserWithHash | null> {
      const rows = await db.query<UserWithHash>(
        `select ${USER}, u.password_hash as "passwordHash" from app_user u where lower(u.email) = lower($1)`,
        [email],
      );
      return rows[0] ?? null;
    },
    async list(): Promise<UserRow[]> {
      return db.query<UserRow>(`select ${USER} from app_user u order by u.name`);
    },
    async count(): Promise<number> {
      const [row] = await db.query<{ n: number }>(`select count(*) as n from app_user`);
      return row?.n ?? 0;
    },
    async create(u: Omit<UserRow, 'id' | 'active'> & { passwordHash: string }): Promise<number> {
      const [row] = await db.query<{ id: number }>(
        `insert into app_user (email, name, role, person_id, organisation_id, password_hash)
         values ($1, $2, $3, $4, $5, $6) returning id`,
        [u.email, u.name, u.role, u.personId, u.organisationId, u.passwordHash],
      );
      if (row === undefined) throw new Error('Brugeren blev ikke oprettet.');
      return row.id;
    },
    async setPassword(id: number, passwordHash: string) {
      await db.query(`update app_user set password_hash = $2 where id = $1`, [id, passwordHash]);
    },
    async byId(id: number): Promise<UserWithHash | null> {
      const rows = await db.query<UserWithHash>(
        `select ${USER}, u.password_hash as "passwordHash" from app_user u where u.id = $1`,
        [id],
      );
      return rows[0] ?? null;
    },
    async createSession(s: {
      id: string;
      userId: number;
      csrfToken: string;
      expiresAt: Date;
      idleExpiresAt: Date;
    }) {
      await db.query(
        `insert into login_session (id, user_id, csrf_token, expires_at, idle_expires_at)
         values ($1, $2, $3, $4, $5)`,
        [s.id, s.userId, s.csrfToken, s.expiresAt, s.idleExpiresAt],
      );
    },
    /** The session's user if the session exists, has not expired and the user is active. */
    async sessionUser(id: string, now: Date): Promise<(UserRow & SessionTimes) | null> {
      const rows = await db.query<UserRow & SessionTimes>(
        `select ${USER}, s.csrf_token as "csrfToken", s.expires_at as "expiresAt",
           s.idle_expires_at as "idleExpiresAt"
         from login_session s join app_user u on u.id = s.user_id
         where s.id = $1 and s.expires_at > $2 and s.idle_expires_at > $2 and u.active`,
        [id, now],
      );
      return rows[0] ?? null;
    },
    /** Moves the idle timeout forward (never past the absolute expiry). */
    async touchSession(id: string, idleExpiresAt: Date) {
      await db.query(
        `update login_session set idle_expires_at = least($2::timestamptz, expires_at) where id = $1`,
        [id, idleExpiresAt],
      );
    },
    async deleteSession(id: string) {
      await db.query(`delete from login_session where id = $1`, [id]);
    },
    /** Ends every session of the user but `keepId` (after a password change). */
    async deleteSessionsOfUser(userId: number, keepId: string | null = null) {
      await db.query(
        `delete from login_session where user_id = $1 and ($2::text is null or id <> $2)`,
        [userId, keepId],
      );
    },
    async deleteExpiredSessions(now: Date) {
      await db.query(`delete from login_session where expires_at <= $1 or idle_expires_at <= $1`, [
        now,
      ]);
    },
  };
}
export type UserRepository = ReturnType<typeof userRepository>;
