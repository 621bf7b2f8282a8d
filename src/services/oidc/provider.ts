/**
 * Talks to the OpenID Connect provider: its discovery document, its signing keys (JWKS) and its
 * token endpoint. Discovery and keys are cached in the process (a cache only: every process can
 * fetch them again); the keys are fetched again, at most once a minute, when a token names a key
 * we do not know, so the provider can rotate keys without us restarting.
 */
import type { JsonWebKey } from 'node:crypto';
import type { OidcConfig } from '../../config.ts';
import { OidcLoginError } from './errors.ts';
import { verifyIdToken, type IdTokenClaims } from './id-token.ts';

export interface Discovery {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksUri: string;
}

const DISCOVERY_TTL_MS = 3600_000;
const JWKS_REFRESH_MS = 60_000;
const TIMEOUT_MS = 10_000;

const unreachable = (detail: string) =>
  new OidcLoginError(
    'provider',
    `Kommunens login svarer ikke, som det skal (${detail}). Prøv igen om lidt, eller log ind med e-mail og adgangskode.`,
  );

const stripSlash = (url: string) => url.replace(/\/+$/, '');

export function oidcProvider(config: OidcConfig, fetchFn: typeof fetch = fetch) {
  let discovery: { value: Discovery; at: number } | null = null;
  let jwks: { keys: JsonWebKey[]; at: number } | null = null;

  async function getJson(url: string, init: RequestInit = {}): Promise<Record<string, unknown>> {
    let res: Response;
    try {
      res = await fetchFn(url, {
        ...init,
        redirect: 'error',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw unreachable(error instanceof Error ? error.message : String(error));
    }
    const body: unknown = await res.json().catch(() => null);
    if (typeof body !== 'object' || body === null) throw unreachable(`HTTP ${res.status}`);
    const json = body as Record<string, unknown>;
    if (!res.ok) {
      const error = typeof json.error === 'string' ? json.error : `HTTP ${res.status}`;
      throw unreachable(error);
    }
    return json;
  }

  async function getDiscovery(): Promise<Discovery> {
    if (discovery !== null && performance.now() - discovery.at < DISCOVERY_TTL_MS)
      return discovery.value;
    const doc = await getJson(`${config.issuer}/.well-known/openid-configuration`);
    const text = (key: string) => {
      const value = doc[key];
      if (typeof value !== 'string' || value === '') throw unreachable(`${key} mangler`);
      return value;
    };
    // The document must speak for the issuer we trust (OpenID Connect Discovery §4.3).
    if (stripSlash(text('issuer')) !== config.issuer) throw unreachable('forkert issuer');
    const value: Discovery = {
      issuer: text('issuer'),
      authorizationEndpoint: text('authorization_endpoint'),
      tokenEndpoint: text('token_endpoint'),
      jwksUri: text('jwks_uri'),
    };
    discovery = { value, at: performance.now() };
    return value;
  }

  async function keys(refresh: boolean): Promise<JsonWebKey[]> {
    const fresh = jwks !== null && performance.now() - jwks.at < JWKS_REFRESH_MS;
    if (jwks !== null && (!refresh || fresh)) return jwks.keys;
    const doc = await getJson((await getDiscovery()).jwksUri);
    if (!Array.isArray(doc.keys)) throw unreachable('nøglerne mangler');
    jwks = { keys: doc.keys as JsonWebKey[], at: performance.now() };
    return jwks.keys;
  }

  return {
    getDiscovery,
    /** Where to send the browser: the authorization code flow with PKCE (S256). */
    async authorizationUrl(p: { state: string; nonce: string; codeChallenge: string }) {
      const url = new URL((await getDiscovery()).authorizationEndpoint);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: config.clientId,
        redirect_uri: config.redirectUrl,
        scope: 'openid email profile',
        state: p.state,
        nonce: p.nonce,
        code_challenge: p.codeChallenge,
        code_challenge_method: 'S256',
      }).toString();
      return url.toString();
    },
    /** Exchanges the code for tokens at the token endpoint; returns the ID token. */
    async exchangeCode(code: string, codeVerifier: string): Promise<string> {
      const body = new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: config.redirectUrl,
        code_verifier: codeVerifier,
        client_id: config.clientId,
      });
      const headers: Record<string, string> = {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      };
      if (config.clientSecret !== null) {
        // client_secret_basic: both parts form-encoded first (RFC 6749 §2.3.1).
        const pair = `${encodeURIComponent(config.clientId)}:${encodeURIComponent(config.clientSecret)}`;
        headers.authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
      }
      const json = await getJson((await getDiscovery()).tokenEndpoint, {
        method: 'POST',
        headers,
        body: body.toString(),
      });
      if (typeof json.id_token !== 'string') throw unreachable('intet ID-token');
      return json.id_token;
    },
    /** The verified claims of an ID token for this login's nonce. */
    async verify(idToken: string, nonce: string, now: Date): Promise<IdTokenClaims> {
      const expect = {
        issuer: (await getDiscovery()).issuer,
        clientId: config.clientId,
        nonce,
        now,
      };
      try {
        return verifyIdToken(idToken, await keys(false), expect);
      } catch (error) {
        if (!(error instanceof OidcLoginError) || error.reason !== 'unknown-key') throw error;
        return verifyIdToken(idToken, await keys(true), expect);
      }
    },
  };
}
export type OidcProvider = ReturnType<typeof oidcProvider>;
