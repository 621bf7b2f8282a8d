/**
 * What a database failure means for the user. PostgreSQL and PGlite report SQLSTATE codes, the
 * `pg` driver and node report socket errors; this turns them into a status and a Danish sentence
 * that says what to do, so neither a page nor the API nor the CLI shows a stack or an English
 * driver message.
 */

export type DbFailureKind =
  'unavailable' | 'disk-full' | 'bad-value' | 'duplicate' | 'missing-reference' | 'retry';

export interface DbFailure {
  kind: DbFailureKind;
  /** The HTTP status: 503 unreachable, 507 disk full, 400 bad value, 409 duplicate or retry. */
  status: 400 | 409 | 503 | 507;
  message: string;
}

export const DB_UNAVAILABLE =
  'Databasen svarer ikke lige nu. Prøv igen om lidt; fortsætter det, så kontakt driften.';
export const DB_DISK_FULL =
  'Der er ikke mere plads på serverens disk, så ændringen er ikke gemt. Kontakt driften, og prøv igen, når der er gjort plads.';

/** Thrown where the database cannot be opened at all (the CLI prints it and exits 1). */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
  constructor(message: string = DB_UNAVAILABLE, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Less free space than a write needs (the PGlite adapter checks before each write). */
export class DiskFullError extends Error {
  override name = 'DiskFullError';
  /** PostgreSQL's disk_full, so it is classified like the server's own refusal. */
  readonly code = '53100';
  constructor(where: string) {
    super(`No space left on device: too little free space for ${where}`);
  }
}

/** Socket errors of a server that is down, unreachable or refusing connections. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/** Messages of `pg` and PGlite for a connection that is gone (they carry no code). */
const GONE =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|PGlite is closed|Cannot use a pool after calling end/i;

const field = (error: unknown, name: string): unknown =>
  typeof error === 'object' && error !== null
    ? (error as Record<string, unknown>)[name]
    : undefined;

/** The error and what it wraps (`cause`, an AggregateError's `errors`), at most a few levels. */
function chain(error: unknown, depth = 0): unknown[] {
  if (error === undefined || error === null || depth > 3) return [];
  const inner = field(error, 'errors');
  return [
    error,
    ...chain(field(error, 'cause'), depth + 1),
    ...(Array.isArray(inner) ? inner.flatMap((e) => chain(e, depth + 1)) : []),
  ];
}

function classifyOne(error: unknown): DbFailure | null {
  const code = field(error, 'code');
  const raw = field(error, 'message');
  const message = typeof raw === 'string' ? raw : '';
  if (typeof code === 'string') {
    if (SOCKET_CODES.has(code) || code.startsWith('08') || /^57P0[123]$/.test(code))
      return { kind: 'unavailable', status: 503, message: DB_UNAVAILABLE };
    if (code === '53300') return { kind: 'unavailable', status: 503, message: DB_UNAVAILABLE };
    if (code === '53100' || code === 'ENOSPC' || code === 'EDQUOT')
      return { kind: 'disk-full', status: 507, message: DB_DISK_FULL };
    if (code === '23505')
      return {
        kind: 'duplicate',
        status: 409,
        message:
          'Der findes allerede en post med samme navn, nummer eller år. Ret værdien, eller åbn den der findes.',
      };
    if (code === '23503')
      return {
        kind: 'missing-reference',
        status: 400,
        message: 'En af de valgte værdier findes ikke (længere). Genindlæs siden og prøv igen.',
      };
    if (code === '40001' || code === '40P01')
      return {
        kind: 'retry',
        status: 409,
        message: 'En anden gemte det samme i samme øjeblik. Intet er gemt; prøv igen.',
      };
    if (code === '22001')
      return {
        kind: 'bad-value',
        status: 400,
        message: 'En af teksterne er for lang til at kunne gemmes. Gør den kortere og prøv igen.',
      };
    if (code === '22003')
      return {
        kind: 'bad-value',
        status: 400,
        message:
          'Et af tallene er for stort eller for lille til at kunne gemmes. Ret det og prøv igen.',
      };
    if (code === '22021' || code === '22P05' || code === '22P02' || code.startsWith('2200'))
      return {
        kind: 'bad-value',
        status: 400,
        message:
          'En af værdierne kan ikke gemmes (fx et usynligt kontroltegn eller en ugyldig dato). Ret den og prøv igen.',
      };
    if (code === '23502' || code === '23514')
      return {
        kind: 'bad-value',
        status: 400,
        message: 'En af værdierne er ikke tilladt her. Ret de udfyldte felter og prøv igen.',
      };
  }
  // PGlite in node reports a full disk as the file system's errno (28) or in the message.
  if (field(error, 'errno') === 28 || /No space left on device|disk full/i.test(message))
    return { kind: 'disk-full', status: 507, message: DB_DISK_FULL };
  if (GONE.test(message)) return { kind: 'unavailable', status: 503, message: DB_UNAVAILABLE };
  return null;
}

/** What the failure means, or null when it is not a database failure we know (a bug: 500). */
export function classifyDbError(error: unknown): DbFailure | null {
  if (error instanceof DatabaseUnavailableError)
    return { kind: 'unavailable', status: 503, message: error.message };
  for (const e of chain(error)) {
    const failure = classifyOne(e);
    if (failure !== null) return failure;
  }
  return null;
}
