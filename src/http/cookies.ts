/**
 * Our cookies: always HttpOnly and SameSite=Lax; over HTTPS (SECURE_COOKIES=1) also Secure and
 * named with the `__Host-` prefix, which the browser accepts only from this exact host, over
 * HTTPS, for path / — so no sibling subdomain can plant a session or CSRF cookie.
 *
 * Lax rather than Strict: a Strict session cookie is not sent when the user follows a link from
 * an e-mail or comes back from the municipality's login, so they would look logged out there.
 * Lax still keeps the cookie off cross-site POSTs, and every form carries a CSRF token as well.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from './context.ts';

export const SESSION_COOKIE = 'sa_session';
export const CSRF_COOKIE = 'sa_csrf';
/** The state of an OpenID Connect login between redirect and callback. */
export const OIDC_COOKIE = 'sa_oidc';

type AnyContext = Context<AppEnv, string>;

const secure = (c: AnyContext) => c.get('config').secureCookies;

/** The cookie's name as sent: `__Host-sa_session` over HTTPS, `sa_session` otherwise. */
export const cookieName = (c: AnyContext, name: string) => (secure(c) ? `__Host-${name}` : name);

export function readCookie(c: AnyContext, name: string): string | undefined {
  return getCookie(c, cookieName(c, name));
}

/** Sets the cookie; without `maxAgeSeconds` it lasts until the browser closes. */
export function writeCookie(c: AnyContext, name: string, value: string, maxAgeSeconds?: number) {
  setCookie(c, cookieName(c, name), value, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: secure(c),
    path: '/',
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
  });
}

export function removeCookie(c: AnyContext, name: string) {
  deleteCookie(c, cookieName(c, name), { path: '/', secure: secure(c) });
}
