/**
 * Login throttling as pure rules: how long an account or a client address must wait after a run
 * of failed logins. The first few failures are free (typing errors); after that the wait doubles
 * with every failure, up to a cap, so guessing becomes hopeless while a user who mistyped waits
 * a minute.
 */

export interface ThrottleRule {
  /** Failures allowed before any wait. */
  freeFailures: number;
  /** The wait after the first failure over the free ones. */
  baseSeconds: number;
  /** The longest wait. */
  maxSeconds: number;
  /** Failures older than this no longer count. */
  windowSeconds: number;
}

/**
 * Per account (the typed e-mail, existing or not): 5 free, then 1, 2, 4 … 60 minutes. A
 * successful login (or an unlock by the secretariat) starts the count again.
 */
export const ACCOUNT_RULE: ThrottleRule = {
  freeFailures: 5,
  baseSeconds: 60,
  maxSeconds: 3600,
  windowSeconds: 24 * 3600,
};

/**
 * Per client address: many more, because a municipality's whole staff may reach us from one
 * address. It stops one machine trying many accounts. A success does not reset it (an attacker
 * with an account of their own could otherwise reset it at will); failures age out after an hour.
 */
export const ADDRESS_RULE: ThrottleRule = {
  freeFailures: 30,
  baseSeconds: 60,
  maxSeconds: 3600,
  windowSeconds: 3600,
};

/** The failures that count for one account or address: how many, and when the newest was. */
export interface FailureRun {
  failures: number;
  lastFailureAt: Date | null;
}

/** When the account or address may try again after this run, or null when it may now. */
export function lockedUntil(rule: ThrottleRule, run: FailureRun, now: Date): Date | null {
  if (run.lastFailureAt === null || run.failures < rule.freeFailures) return null;
  const over = run.failures - rule.freeFailures;
  const seconds = Math.min(rule.maxSeconds, rule.baseSeconds * 2 ** Math.min(over, 30));
  const until = new Date(run.lastFailureAt.getTime() + seconds * 1000);
  return until > now ? until : null;
}

/** The later of two waits (either may be null). */
export function laterOf(a: Date | null, b: Date | null): Date | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}
