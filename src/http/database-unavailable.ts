/**
 * Errors that mean "the database cannot be reached right now" rather than a fault in our code: the
 * server refuses or drops the connection, is shutting down or starting, or no connection could be
 * had within the pool's time limit. The app answers them with 503 and a Danish sentence that tells
 * the user to try again, instead of the generic 500.
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/** SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, starting). */
const isUnavailableSqlState = (code: string) => code.startsWith('08') || /^57P0[1-3]$/.test(code);

/** pg's own messages when the connection or the wait for one fails (they carry no code). */
const PG_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /^Connection terminated/i,
  /connection timeout/i,
];

export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || isUnavailableSqlState(code)))
    return true;
  const message = (error as { message?: unknown }).message;
  if (typeof message === 'string' && PG_MESSAGES.some((p) => p.test(message))) return true;
  // Node's fetch-style AggregateError for a refused connection to several addresses.
  const errors = (error as { errors?: unknown }).errors;
  return Array.isArray(errors) && errors.some(isDatabaseUnavailable);
}

export const DATABASE_UNAVAILABLE_MESSAGE =
  'Databasen kan ikke nås lige nu, så siden kan ikke vises. Prøv igen om lidt; fortsætter det, så kontakt sekretariatet.';
