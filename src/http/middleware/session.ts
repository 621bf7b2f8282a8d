/**
 * Loads the viewer from the session cookie and guards forms against cross-site requests:
 * a form POST must carry the CSRF token (the session's, or for anonymous visitors a
 * double-submit cookie); API writes must be JSON (which a foreign page cannot send without
 * CORS) or carry the token in X-CSRF-Token.
 */
import { randomBytes } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import { ANONYMOUS } from '../../domain/meetings/index.ts';
import type { AppEnv } from '../context.ts';
import { CSRF_COOKIE, SESSION_COOKIE, readCookie, removeCookie, writeCookie } from '../cookies.ts';

export { SESSION_COOKIE };
export const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const session = createMiddleware<AppEnv>(async (c, next) => {
  const { auth } = c.get('services');
  const token = readCookie(c, SESSION_COOKIE);
  const info = await auth.session(token);
  // An ended or expired session: let the browser forget the cookie too.
  if (token !== undefined && info === null) removeCookie(c, SESSION_COOKIE);
  let csrf = info?.csrfToken ?? readCookie(c, CSRF_COOKIE);
  if (csrf === undefined || csrf === '') {
    csrf = randomBytes(24).toString('base64url');
    writeCookie(c, CSRF_COOKIE, csrf);
  }
  c.set('viewer', info?.viewer ?? ANONYMOUS);
  c.set('user', info?.user ?? null);
  c.set('csrfToken', csrf);

  if (UNSAFE.has(c.req.method)) {
    const type = c.req.header('content-type') ?? '';
    const isJson = type.startsWith('application/json');
    const header = c.req.header('x-csrf-token');
    let ok = isJson || header === csrf;
    if (
      !ok &&
      (type.startsWith('application/x-www-form-urlencoded') ||
        type.startsWith('multipart/form-data'))
    ) {
      const body = await c.req.parseBody();
      ok = body._csrf === csrf;
    }
    if (!ok) {
      if (c.req.path.startsWith('/api/')) {
        const error =
          'Skrivninger til API’et skal sendes som application/json eller med X-CSRF-Token.';
        return c.json({ error }, 403);
      }
      const message =
        'Formularen er udløbet eller kom fra en anden side. Genindlæs siden og prøv igen.';
      return c.text(message, 403);
    }
  }
  await next();
});
