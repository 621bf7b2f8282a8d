/**
 * Verifies an OpenID Connect ID token (a signed JWT) with node's crypto: RS256 only, the key
 * chosen from the provider's JWKS by `kid`, then the claims the core spec requires (§3.1.3.7):
 * iss, aud (and azp), exp, iat and the nonce of this login.
 */
import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import { OidcLoginError } from './errors.ts';

export interface IdTokenClaims {
  iss: string;
  sub: string;
  aud: string | string[];
  exp: number;
  iat: number;
  nonce?: string;
  azp?: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface IdTokenExpectations {
  issuer: string;
  clientId: string;
  nonce: string;
  now: Date;
  /** Clock difference tolerated between us and the provider. */
  leewaySeconds?: number;
}

const fail = (reason: string, message: string) => new OidcLoginError(reason, message);
const UNTRUSTED = 'Svaret fra kommunens login kunne ikke godkendes';

function decodePart(part: string, what: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // falls through to the error below
  }
  throw fail('malformed', `${UNTRUSTED}: ${what} kan ikke læses.`);
}

/** The signing key the header names; `unknown-key` lets the caller refresh the JWKS once. */
function keyFor(header: Record<string, unknown>, keys: readonly JsonWebKey[]): JsonWebKey {
  const usable = keys.filter(
    (k) =>
      k.kty === 'RSA' &&
      (k.use === undefined || k.use === 'sig') &&
      (k.alg === undefined || k.alg === 'RS256'),
  );
  const kid = header.kid;
  const key =
    typeof kid === 'string'
      ? usable.find((k) => k.kid === kid)
      : usable.length === 1
        ? usable[0]
        : undefined;
  if (key === undefined)
    throw fail('unknown-key', `${UNTRUSTED}: den er signeret med en ukendt nøgle.`);
  return key;
}

/** The token's claims when signature and claims hold; else an OidcLoginError saying which. */
export function verifyIdToken(
  token: string,
  keys: readonly JsonWebKey[],
  expect: IdTokenExpectations,
): IdTokenClaims {
  const parts = token.split('.');
  if (parts.length !== 3) throw fail('malformed', `${UNTRUSTED}: det er ikke et ID-token.`);
  const [head, body, signature] = parts as [string, string, string];
  const header = decodePart(head, 'hovedet');
  // Only RS256: never "none", never an HMAC keyed with a public key.
  if (header.alg !== 'RS256')
    throw fail('algorithm', `${UNTRUSTED}: signaturtypen ${String(header.alg)} bruges ikke.`);
  const jwk = keyFor(header, keys);
  let valid = false;
  try {
    valid = verify(
      'RSA-SHA256',
      Buffer.from(`${head}.${body}`),
      createPublicKey({ key: jwk, format: 'jwk' }),
      Buffer.from(signature, 'base64url'),
    );
  } catch {
    valid = false;
  }
  if (!valid) throw fail('signature', `${UNTRUSTED}: signaturen er ikke gyldig.`);

  const claims = decodePart(body, 'indholdet');
  const leeway = expect.leewaySeconds ?? 60;
  const now = expect.now.getTime() / 1000;
  if (claims.iss !== expect.issuer)
    throw fail('issuer', `${UNTRUSTED}: det er udstedt af en anden (${String(claims.iss)}).`);
  const aud = claims.aud;
  const audiences = Array.isArray(aud) ? aud : [aud];
  if (!audiences.includes(expect.clientId))
    throw fail('audience', `${UNTRUSTED}: det er udstedt til en anden tjeneste.`);
  if (audiences.length > 1 && claims.azp !== undefined && claims.azp !== expect.clientId)
    throw fail('audience', `${UNTRUSTED}: det er udstedt til en anden tjeneste.`);
  if (typeof claims.exp !== 'number' || claims.exp + leeway <= now)
    throw fail('expired', `${UNTRUSTED}: det er udløbet. Prøv at logge ind igen.`);
  if (typeof claims.iat !== 'number' || claims.iat - leeway > now)
    throw fail('issued-in-future', `${UNTRUSTED}: det er udstedt i fremtiden. Tjek uret.`);
  if (claims.nonce !== expect.nonce)
    throw fail('nonce', `${UNTRUSTED}: det hører ikke til dette loginforsøg. Prøv igen.`);
  if (typeof claims.sub !== 'string' || claims.sub === '')
    throw fail('malformed', `${UNTRUSTED}: det mangler brugerens id.`);
  return claims as unknown as IdTokenClaims;
}
