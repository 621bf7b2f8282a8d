/**
 * Login with the municipality's OpenID Connect provider: the authorization code flow with PKCE,
 * state and nonce. The flow's secrets wait in the database between the redirect and the callback
 * (any app process may get the callback); the state is also in a cookie, so a callback only
 * counts in the browser that started it. The person is matched by the e-mail the provider
 * vouches for to a user the secretariat created: nobody gets a user by logging in.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { OidcConfig } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { oidcRequestRepository } from '../../db/repositories/oidc-request.repository.ts';
import type { AuthService, NewSession } from '../auth.service.ts';
import type { Clock } from '../clock.ts';
import { OidcLoginError } from './errors.ts';
import { oidcProvider, type OidcProvider } from './provider.ts';

/** How long the user may spend at the provider. */
const FLOW_MINUTES = 10;

const sha256 = (text: string) => createHash('sha256').update(text).digest();
const random = () => randomBytes(32).toString('base64url');

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

const lost = () =>
  new OidcLoginError(
    'state',
    'Loginforsøget kunne ikke genkendes: det er udløbet, allerede brugt eller startet i en anden browser. Prøv at logge ind igen.',
  );

export function oidcLoginService(
  db: Db,
  clock: Clock,
  config: OidcConfig,
  auth: AuthService,
  provider: OidcProvider = oidcProvider(config),
) {
  const requests = oidcRequestRepository(db);
  return {
    /** Starts a login: the provider's URL for the browser, and the state for its cookie. */
    async begin(nextPath: string): Promise<{ url: string; state: string; maxAgeSeconds: number }> {
      const now = clock.now();
      const state = random();
      const nonce = random();
      const codeVerifier = random();
      await requests.deleteExpired(now);
      await requests.create({
        stateHash: sha256(state).toString('hex'),
        nonce,
        codeVerifier,
        nextPath,
        expiresAt: new Date(now.getTime() + FLOW_MINUTES * 60_000),
      });
      const url = await provider.authorizationUrl({
        state,
        nonce,
        codeChallenge: sha256(codeVerifier).toString('base64url'),
      });
      return { url, state, maxAgeSeconds: FLOW_MINUTES * 60 };
    },

    /** Finishes a login at the callback; throws OidcLoginError with a Danish message. */
    async complete(p: {
      state: string | undefined;
      cookieState: string | undefined;
      code: string | undefined;
      error: string | undefined;
      clientAddress: string | null;
    }): Promise<NewSession & { nextPath: string }> {
      // Take the request first: whatever happens next, this state cannot be used again.
      const request =
        p.state === undefined || p.state === ''
          ? null
          : await requests.take(sha256(p.state).toString('hex'), clock.now());
      if (p.error !== undefined) {
        throw new OidcLoginError(
          'provider-error',
          p.error === 'access_denied'
            ? 'Login med kommunens login blev afbrudt. Prøv igen, eller log ind med e-mail og adgangskode.'
            : `Kommunens login afviste loginforsøget (${p.error}). Prøv igen, eller log ind med e-mail og adgangskode.`,
        );
      }
      if (
        request === null ||
        p.state === undefined ||
        p.cookieState === undefined ||
        !sameText(p.state, p.cookieState)
      )
        throw lost();
      if (p.code === undefined || p.code === '')
        throw new OidcLoginError('code', 'Kommunens login sendte ingen kode tilbage. Prøv igen.');

      const idToken = await provider.exchangeCode(p.code, request.codeVerifier);
      const claims = await provider.verify(idToken, request.nonce, clock.now());
      const email = typeof claims.email === 'string' ? claims.email.trim() : '';
      if (email === '')
        throw new OidcLoginError(
          'no-email',
          'Kommunens login oplyste ingen e-mailadresse, så din bruger kan ikke findes. Kontakt sekretariatet.',
        );
      if (claims.email_verified === false)
        throw new OidcLoginError(
          'email-unverified',
          `Kommunens login har ikke bekræftet e-mailadressen ${email}. Kontakt sekretariatet.`,
        );
      const user = await auth.userByEmail(email);
      if (user === null || !user.active) {
        await auth.recordOidcLogin(email, p.clientAddress, null);
        throw new OidcLoginError(
          'unknown-user',
          `Du er logget ind hos kommunen som ${email}, men der er ingen bruger med den e-mailadresse her. Kontakt sekretariatet for at få en bruger, eller log ind med e-mail og adgangskode.`,
        );
      }
      await auth.recordOidcLogin(email, p.clientAddress, user.id);
      return { ...(await auth.startSession(user.id)), nextPath: request.nextPath };
    },
  };
}
export type OidcLoginService = ReturnType<typeof oidcLoginService>;
