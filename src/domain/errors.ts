/**
 * Failures a user can act on. HTTP maps them to 400/403/404/409 with the Danish message; the CLI
 * maps input errors to exit 2.
 */
export type FieldErrors = Record<string, string>;

export class ValidationError extends Error {
  override name = 'ValidationError';
  constructor(
    public readonly fields: FieldErrors,
    message = 'Nogle felter er ikke udfyldt rigtigt. Ret de markerede felter og prøv igen.',
  ) {
    super(message);
  }
}

export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

export class ForbiddenError extends Error {
  override name = 'ForbiddenError';
  constructor(message = 'Du har ikke adgang til dette. Log ind med en bruger, der har adgang.') {
    super(message);
  }
}

/** Someone else saved the record after this user opened it: nothing was overwritten. */
export class ConflictError extends Error {
  override name = 'ConflictError';
  constructor(
    message = 'En anden har gemt ændringer, efter du åbnede siden. Dine ændringer er ikke gemt; åbn siden igen for at se den nyeste udgave, og indtast dine ændringer igen.',
  ) {
    super(message);
  }
}

/** The action is not possible in the record's current state (e.g. a stage rule). */
export class StateError extends Error {
  override name = 'StateError';
}

/** Too many failed logins: nothing was checked, try again at `retryAt` (HTTP 429). */
export class ThrottledError extends Error {
  override name = 'ThrottledError';
  constructor(
    public readonly retryAt: Date,
    message: string,
  ) {
    super(message);
  }
}
