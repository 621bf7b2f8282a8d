/**
 * Logging in and out: e-mail and password (throttled, see auth.service), and, when OIDC_* is
 * set, the municipality's login through OpenID Connect. Every login starts a new session (the
 * one the browser came with is ended first); logging out deletes the session in the database.
 */
import { Hono } from 'hono';
import { ThrottledError } from '../../domain/errors.ts';
import type { NewSession } from '../../services/auth.service.ts';
import { OidcLoginError } from '../../services/oidc/errors.ts';
import { clientAddress } from '../client-address.ts';
import type { AppEnv } from '../context.ts';
import { OIDC_COOKIE, SESSION_COOKIE, readCookie, removeCookie, writeCookie } from '../cookies.ts';
import { Csrf, ErrorSummary, TextField } from './components.tsx';
import { formValues, page, type PageContext } from './render.tsx';

export const loginPages = new Hono<AppEnv>();

/** Only a path on this site: never send the user on to another site after login. */
export function localPath(next: string | undefined): string {
  return next !== undefined && /^\/(?![/\\])/.test(next) ? next : '/';
}

function loginPage(
  c: PageContext,
  values: Record<string, string>,
  message?: string,
  status: 200 | 400 | 401 | 429 = 200,
) {
  const next = localPath(values.next);
  const oidc = c.get('config').oidc !== null;
  return page(
    c,
    { title: 'Log ind' },
    <>
      <h1>Log ind</h1>
      <ErrorSummary message={message} />
      {oidc ? (
        <>
          <p>Er du ansat i en af kommunerne eller regionen, så brug jeres fælles login.</p>
          <p>
            <a class="button button-primary" href={`/login/oidc?next=${encodeURIComponent(next)}`}>
              Log ind med kommunens login
            </a>
          </p>
          <h2 class="h3">Eller log ind med e-mail og adgangskode</h2>
        </>
      ) : null}
      <form method="post" action="/login" class="app-form" novalidate>
        <Csrf token={c.get('csrfToken')} />
        <input type="hidden" name="next" value={next} />
        <TextField
          name="email"
          label="E-mail"
          type="email"
          value={values.email}
          width="l"
          autocomplete="username"
        />
        <TextField
          name="password"
          label="Adgangskode"
          type="password"
          width="l"
          autocomplete="current-password"
        />
        <button class={`button ${oidc ? 'button-secondary' : 'button-primary'}`} type="submit">
          Log ind
        </button>
      </form>
    </>,
    status,
  );
}

/** Ends the session the browser came with, and gives it the new one. */
async function startBrowserSession(c: PageContext, session: NewSession) {
  const old = readCookie(c, SESSION_COOKIE);
  if (old !== undefined && old !== '') await c.get('services').auth.logout(old);
  writeCookie(c, SESSION_COOKIE, session.token, c.get('config').sessionHours * 3600);
}

loginPages.get('/login', (c) => loginPage(c, { next: c.req.query('next') ?? '/' }));

loginPages.post('/login', async (c) => {
  const values = await formValues(c);
  const email = values.email ?? '';
  const password = values.password ?? '';
  const shown = { email, next: values.next ?? '/' };
  if (email.trim() === '' || password === '')
    return loginPage(c, shown, 'Skriv både e-mail og adgangskode.', 400);
  let session: NewSession | null;
  try {
    session = await c.get('services').auth.login(email, password, clientAddress(c));
  } catch (error) {
    if (!(error instanceof ThrottledError)) throw error;
    const seconds = Math.ceil(
      (error.retryAt.getTime() - c.get('services').clock.now().getTime()) / 1000,
    );
    c.header('Retry-After', String(Math.max(1, seconds)));
    return loginPage(c, shown, error.message, 429);
  }
  if (session === null)
    return loginPage(c, shown, 'E-mail eller adgangskode er forkert. Prøv igen.', 401);
  await startBrowserSession(c, session);
  return c.redirect(localPath(values.next), 303);
});

loginPages.post('/logout', async (c) => {
  const token = readCookie(c, SESSION_COOKIE);
  if (token) await c.get('services').auth.logout(token);
  removeCookie(c, SESSION_COOKIE);
  return c.redirect('/', 303);
});

function oidcFailed(c: PageContext, message: string) {
  return page(
    c,
    { title: 'Login mislykkedes' },
    <>
      <h1>Login med kommunens login mislykkedes</h1>
      <ErrorSummary message={message} />
      <p>
        <a href="/login">Til login</a>
      </p>
    </>,
    400,
  );
}

// A link, not a form: the redirect goes to the provider's origin, which form-action 'self' in
// the content security policy would block after a form post.
loginPages.get('/login/oidc', async (c) => {
  const oidc = c.get('services').oidc;
  if (oidc === null) return c.notFound();
  try {
    const flow = await oidc.begin(localPath(c.req.query('next')));
    writeCookie(c, OIDC_COOKIE, flow.state, flow.maxAgeSeconds);
    return c.redirect(flow.url, 302);
  } catch (error) {
    if (error instanceof OidcLoginError) return oidcFailed(c, error.message);
    throw error;
  }
});

loginPages.get('/login/oidc/callback', async (c) => {
  const oidc = c.get('services').oidc;
  if (oidc === null) return c.notFound();
  const cookieState = readCookie(c, OIDC_COOKIE);
  removeCookie(c, OIDC_COOKIE);
  try {
    const result = await oidc.complete({
      state: c.req.query('state'),
      cookieState,
      code: c.req.query('code'),
      error: c.req.query('error'),
      clientAddress: clientAddress(c),
    });
    await startBrowserSession(c, result);
    return c.redirect(localPath(result.nextPath), 303);
  } catch (error) {
    if (error instanceof OidcLoginError) return oidcFailed(c, error.message);
    throw error;
  }
});
