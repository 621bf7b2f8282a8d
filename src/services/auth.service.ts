/**
 * Password login with a memory-hard hash (scrypt, N=2^15, r=8: 32 MiB per hash), throttled per
 * account and per client address, and sessions kept in the database with an absolute and an idle
 * expiry. The cookie holds a random token; the database holds only its sha-256.
 */
import {
  createHash,
  randomBytes,
  scrypt as scryptCb,
  timingSafeEqual,
  type ScryptOptions,
} from 'node:crypto';
import type { Viewer } from '../domain/meetings/index.ts';
import { ANONYMOUS } from '../domain/meetings/index.ts';
import {
  ACCOUNT_RULE,
  ADDRESS_RULE,
  laterOf,
  lockedUntil,
  passwordProblem,
  throttledMessage,
  type ThrottleRule,
} from '../domain/auth/index.ts';
import { ThrottledError, ValidationError } from '../domain/errors.ts';
import type { Db } from '../db/client.ts';
import { committeeRepository } from '../db/repositories/committee.repository.ts';
import { loginAttemptRepository } from '../db/repositories/login-attempt.repository.ts';
import {
  userRepository,
  type UserRow,
  type UserWithHash,
} from '../db/repositories/user.repository.ts';
import { today, type Clock } from './clock.ts';

const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } satisfies ScryptOptions;
const KEY_LENGTH = 32;

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** "scrypt$N$r$p$salt$hash" so the cost can be raised later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, SCRYPT);
  return [
    'scrypt',
    SCRYPT.N,
    SCRYPT.r,
    SCRYPT.p,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

// A fixed dummy hash keeps the time of a login with an unknown e-mail like that of a known one.
let dummyHash: Promise<string> | null = null;

export interface SessionInfo {
  user: UserRow;
  viewer: Viewer;
  csrfToken: string;
}

/** A new session: the token for the cookie (only its hash is stored) and its CSRF token. */
export interface NewSession {
  token: string;
  csrfToken: string;
}

/** How long login attempts are kept for the audit. */
const AUDIT_DAYS = 90;

export interface SessionSettings {
  sessionHours: number;
  sessionIdleMinutes: number;
}

/** `settings` as a number: the session hours, with the idle timeout as long (older callers). */
export function authService(db: Db, clock: Clock, settings: SessionSettings | number) {
  const { sessionHours, sessionIdleMinutes } =
    typeof settings === 'number'
      ? { sessionHours: settings, sessionIdleMinutes: settings * 60 }
      : settings;
  const users = userRepository(db);
  const attempts = loginAttemptRepository(db);
  const committees = committeeRepository(db);
  const ago = (seconds: number) => new Date(clock.now().getTime() - seconds * 1000);
  const idleMs = sessionIdleMinutes * 60_000;
  // The idle timeout is moved at most this often, so a busy session is not a write per request.
  const touchEveryMs = Math.min(5 * 60_000, idleMs / 10);

  async function viewerOf(user: UserRow): Promise<Viewer> {
    const committeeIds =
      user.role === 'member' && user.personId !== null
        ? await committees.committeeIdsOfPerson(user.personId, today(clock))
        : [];
    return { userId: user.id, role: user.role, committeeIds };
  }

  /** When the account and the address may try again, counting the attempts before `beforeId`. */
  async function lockFor(email: string, address: string | null, beforeId: number) {
    const now = clock.now();
    const account = lockedUntil(
      ACCOUNT_RULE,
      await attempts.accountFailures(email, ago(ACCOUNT_RULE.windowSeconds), beforeId),
      now,
    );
    const byAddress =
      address === null
        ? null
        : lockedUntil(
            ADDRESS_RULE,
            await attempts.addressFailures(address, ago(ADDRESS_RULE.windowSeconds), beforeId),
            now,
          );
    return laterOf(account, byAddress);
  }

  /**
   * Checks a password under throttling and records the attempt. The attempt is stored as a
   * failure before the password is checked, so parallel guesses (from several app processes)
   * see each other; a success then turns it into a success, which resets the account's count.
   * Throws ThrottledError, without checking the password, while the account or address waits.
   */
  async function checkPassword(
    typedEmail: string,
    password: string,
    address: string | null,
  ): Promise<UserWithHash | null> {
    const email = typedEmail.trim().toLowerCase();
    const now = clock.now();
    await attempts.pruneBefore(ago(AUDIT_DAYS * 24 * 3600));
    const id = await attempts.record({
      at: now,
      email,
      clientAddress: address,
      outcome: 'failure',
      method: 'password',
    });
    const waiting = await lockFor(email, address, id);
    if (waiting !== null) {
      await attempts.setOutcome(id, 'refused');
      throw new ThrottledError(waiting, throttledMessage(waiting, now));
    }
    const user = await users.byEmail(email);
    if (user === null || !user.active) {
      dummyHash ??= hashPassword('dummy-password-for-timing');
      await verifyPassword(password, await dummyHash);
    } else if (await verifyPassword(password, user.passwordHash)) {
      await attempts.setOutcome(id, 'success', user.id);
      return user;
    }
    // This failure may be the one that starts a wait: say so now rather than at the next try.
    const now2 = clock.now();
    const startsWait = await lockFor(email, address, id + 1);
    if (startsWait !== null)
      throw new ThrottledError(startsWait, throttledMessage(startsWait, now2));
    return null;
  }

  async function startSession(userId: number): Promise<NewSession> {
    const now = clock.now().getTime();
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(now + sessionHours * 3600_000);
    await users.deleteExpiredSessions(new Date(now));
    await users.createSession({
      id: tokenId(token),
      userId,
      csrfToken,
      expiresAt,
      idleExpiresAt: new Date(Math.min(now + idleMs, expiresAt.getTime())),
    });
    return { token, csrfToken };
  }

  return {
    /**
     * A new session for the right e-mail and password, or null. Throws ThrottledError while the
     * account or `clientAddress` must wait after too many failures.
     */
    async login(
      email: string,
      password: string,
      clientAddress: string | null = null,
    ): Promise<NewSession | null> {
      const user = await checkPassword(email, password, clientAddress);
      return user === null ? null : startSession(user.id);
    },
    /** A new session for a user the caller has authenticated (OpenID Connect). */
    startSession,
    async session(token: string | undefined): Promise<SessionInfo | null> {
      if (token === undefined || token === '') return null;
      const now = clock.now().getTime();
      const row = await users.sessionUser(tokenId(token), new Date(now));
      if (row === null) return null;
      const renewed = now + idleMs;
      if (renewed - row.idleExpiresAt.getTime() > touchEveryMs)
        await users.touchSession(tokenId(token), new Date(renewed));
      const user: UserRow = {
        id: row.id,
        email: row.email,
        name: row.name,
        role: row.role,
        personId: row.personId,
        organisationId: row.organisationId,
        active: row.active,
      };
      return { user, viewer: await viewerOf(user), csrfToken: row.csrfToken };
    },
    async logout(token: string) {
      await users.deleteSession(tokenId(token));
    },
    /**
     * A user changes their own password: the current one is checked under the same throttling
     * as a login, the new one against the policy; every other session of the user ends.
     */
    async changePassword(input: {
      userId: number;
      current: string;
      next: string;
      repeat: string;
      keepToken: string | null;
      clientAddress: string | null;
    }) {
      const user = await users.byId(input.userId);
      if (user === null) throw new ValidationError({ current: 'Brugeren findes ikke længere.' });
      const fields: Record<string, string> = {};
      const problem = passwordProblem(input.next, user.email);
      if (problem !== null) fields.next = problem;
      else if (input.next !== input.repeat)
        fields.repeat = 'Skriv den nye adgangskode ens to gange.';
      if (input.current === '') fields.current = 'Skriv din nuværende adgangskode.';
      else if ((await checkPassword(user.email, input.current, input.clientAddress)) === null)
        fields.current = 'Den nuværende adgangskode er forkert.';
      if (Object.keys(fields).length > 0) throw new ValidationError(fields);
      await users.setPassword(user.id, await hashPassword(input.next));
      await users.deleteSessionsOfUser(
        user.id,
        input.keepToken === null ? null : tokenId(input.keepToken),
      );
    },
    /** The administrator sets a user's password (CLI); every session of the user ends. */
    async setPassword(email: string, password: string) {
      const user = await users.byEmail(email.trim());
      if (user === null)
        throw new ValidationError({ email: `Der findes ingen bruger med e-mailen ${email}.` });
      const problem = passwordProblem(password, user.email);
      if (problem !== null) throw new ValidationError({ password: problem });
      await users.setPassword(user.id, await hashPassword(password));
      await users.deleteSessionsOfUser(user.id);
    },
    /** Lifts the lockout of an account or a client address; recorded with who did it. */
    async unlock(target: { email: string } | { address: string }, byUserId: number | null) {
      await attempts.record({
        at: clock.now(),
        email: 'email' in target ? target.email.trim().toLowerCase() : null,
        clientAddress: 'address' in target ? target.address.trim() : null,
        outcome: 'unlocked',
        method: 'unlock',
        userId: byUserId,
      });
    },
    /** The accounts and addresses waiting now, with when their wait ends. */
    async lockouts() {
      const now = clock.now();
      const waiting = async (key: 'email' | 'client_address', rule: ThrottleRule) =>
        (await attempts.failureRuns(key, ago(rule.windowSeconds), rule.freeFailures))
          .map((r) => ({ key: r.key, failures: r.failures, until: lockedUntil(rule, r, now) }))
          .filter((r): r is { key: string; failures: number; until: Date } => r.until !== null);
      return {
        accounts: await waiting('email', ACCOUNT_RULE),
        addresses: await waiting('client_address', ADDRESS_RULE),
      };
    },
    /** The newest login attempts, for the audit page. */
    latestAttempts: (limit = 100) => attempts.latest(limit),
    /** Records a login through OpenID Connect (audit; a success resets the account's count). */
    async recordOidcLogin(email: string, address: string | null, userId: number | null) {
      await attempts.record({
        at: clock.now(),
        email: email.trim().toLowerCase(),
        clientAddress: address,
        outcome: userId === null ? 'failure' : 'success',
        method: 'oidc',
        userId,
      });
    },
    userByEmail: (email: string) => users.byEmail(email.trim()),
    /** Creates a user; bad input gives field errors in Danish. */
    async createUser(input: {
      email: string;
      name: string;
      password: string;
      role: UserRow['role'];
      personId?: number | null;
      organisationId?: number | null;
    }): Promise<number> {
      const fields: Record<string, string> = {};
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email))
        fields.email = 'Skriv en gyldig e-mailadresse, fx navn@kommune.dk.';
      if (input.name.trim() === '') fields.name = 'Skriv brugerens navn.';
      const problem = passwordProblem(input.password, input.email);
      if (problem !== null) fields.password = problem;
      if (fields.email === undefined && (await users.byEmail(input.email)) !== null) {
        fields.email = 'Der findes allerede en bruger med denne e-mailadresse.';
      }
      if (Object.keys(fields).length > 0) throw new ValidationError(fields);
      // A member's user is tied to the person the secretariat registered with the same e-mail,
      // so the committees that person sits in decide which closed items the user reads.
      const personId = input.personId ?? (await committees.personIdByEmail(input.email.trim()));
      return users.create({
        email: input.email.trim().toLowerCase(),
        name: input.name.trim(),
        role: input.role,
        personId,
        organisationId: input.organisationId ?? null,
        passwordHash: await hashPassword(input.password),
      });
    },
    hasUsers: async () => (await users.count()) > 0,
    anonymous: ANONYMOUS,
  };
}
export type AuthService = ReturnType<typeof authService>;

// The policy lives in the domain; re-exported for the callers that knew it here.
export { passwordProblem };
