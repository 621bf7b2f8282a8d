/**
 * A small OpenID Connect provider for tests, on a free loopback port: discovery, JWKS, an
 * authorization endpoint that logs in `provider.user` at once (no login form), and a token
 * endpoint that checks the client's secret, the redirect URI and the PKCE verifier before it
 * issues a real RS256-signed ID token. `provider.tamper` spoils the next token in one way, so a
 * test can show the app refuses it.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Tamper {
  /** another nonce than the app sent */
  nonce?: string;
  /** seconds from `now()` to exp (default 300; negative: already expired) */
  expiresIn?: number;
  /** sign with a key that is not in the JWKS, under the published kid */
  foreignKey?: boolean;
  /** another issuer in the token */
  issuer?: string;
  /** another audience in the token */
  audience?: string;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who logs in at the next authorization request. */
  user: { email?: string; email_verified?: boolean; sub: string; name?: string };
  tamper: Tamper;
  /** The provider's clock for iat/exp (the app's test clock, usually). */
  now: () => Date;
  /** Token requests seen, to check what the app sent. */
  tokenRequests: URLSearchParams[];
  close(): Promise<void>;
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  nonce: string;
  codeChallenge: string;
  user: TestOidcProvider['user'];
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function signJwt(payload: Record<string, unknown>, key: KeyObject, kid: string): string {
  const head = `${b64url({ alg: 'RS256', typ: 'JWT', kid })}.${b64url(payload)}`;
  return `${head}.${sign('RSA-SHA256', Buffer.from(head), key).toString('base64url')}`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `hostname` is what the issuer URL says (it always listens on 127.0.0.1): 'localhost' puts the
 * provider on another site than an app at 127.0.0.1, as a real provider is, for the browser.
 */
export async function startOidcProvider(
  opts: {
    clientId?: string;
    clientSecret?: string;
    now?: () => Date;
    hostname?: 'localhost' | '127.0.0.1';
  } = {},
): Promise<TestOidcProvider> {
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const foreign = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'test-key-1';
  const codes = new Map<string, PendingCode>();

  const provider: TestOidcProvider = {
    issuer: '',
    clientId: opts.clientId ?? 'socialaftale',
    clientSecret: opts.clientSecret ?? 'hemmelig-klient',
    user: { sub: 'bruger-1', email: 'bruger@kommune.dk' },
    tamper: {},
    now: opts.now ?? (() => new Date()),
    tokenRequests: [],
    close: () => Promise.resolve(),
  };

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', provider.issuer);
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(res, 200, {
        issuer: provider.issuer,
        authorization_endpoint: `${provider.issuer}/authorize`,
        token_endpoint: `${provider.issuer}/token`,
        jwks_uri: `${provider.issuer}/jwks`,
        response_types_supported: ['code'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (url.pathname === '/jwks') {
      const jwk = keys.publicKey.export({ format: 'jwk' });
      return json(res, 200, { keys: [{ ...jwk, kid, use: 'sig', alg: 'RS256' }] });
    }
    if (url.pathname === '/authorize') {
      const q = url.searchParams;
      const problems = [
        q.get('response_type') !== 'code' && 'response_type',
        q.get('client_id') !== provider.clientId && 'client_id',
        !q.get('redirect_uri') && 'redirect_uri',
        !q.get('state') && 'state',
        !q.get('nonce') && 'nonce',
        q.get('code_challenge_method') !== 'S256' && 'code_challenge_method',
        !q.get('code_challenge') && 'code_challenge',
        !(q.get('scope') ?? '').split(' ').includes('openid') && 'scope',
      ].filter(Boolean);
      if (problems.length > 0) return json(res, 400, { error: 'invalid_request', problems });
      const code = randomBytes(16).toString('hex');
      codes.set(code, {
        clientId: provider.clientId,
        redirectUri: q.get('redirect_uri') ?? '',
        nonce: q.get('nonce') ?? '',
        codeChallenge: q.get('code_challenge') ?? '',
        user: { ...provider.user },
      });
      const back = new URL(q.get('redirect_uri') ?? '');
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state') ?? '');
      res.writeHead(302, { location: back.toString() });
      return res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      provider.tokenRequests.push(form);
      const basic = Buffer.from(
        (req.headers.authorization ?? '').replace(/^Basic /, ''),
        'base64',
      ).toString('utf8');
      const [id, secret] = basic.split(':').map(decodeURIComponent);
      if (id !== provider.clientId || secret !== provider.clientSecret)
        return json(res, 401, { error: 'invalid_client' });
      const pending = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? ''); // a code works once
      const verifier = form.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (
        pending === undefined ||
        form.get('grant_type') !== 'authorization_code' ||
        form.get('redirect_uri') !== pending.redirectUri ||
        challenge !== pending.codeChallenge
      )
        return json(res, 400, { error: 'invalid_grant' });
      const t = provider.tamper;
      provider.tamper = {};
      const iat = Math.floor(provider.now().getTime() / 1000);
      const claims: Record<string, unknown> = {
        iss: t.issuer ?? provider.issuer,
        sub: pending.user.sub,
        aud: t.audience ?? pending.clientId,
        iat,
        exp: iat + (t.expiresIn ?? 300),
        nonce: t.nonce ?? pending.nonce,
      };
      if (pending.user.email !== undefined) claims.email = pending.user.email;
      if (pending.user.email_verified !== undefined)
        claims.email_verified = pending.user.email_verified;
      if (pending.user.name !== undefined) claims.name = pending.user.name;
      const key = t.foreignKey ? foreign.privateKey : keys.privateKey;
      return json(res, 200, {
        access_token: randomBytes(16).toString('hex'),
        token_type: 'Bearer',
        expires_in: 300,
        id_token: signJwt(claims, key, kid),
      });
    }
    return json(res, 404, { error: 'not_found' });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => json(res, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  provider.issuer = `http://${opts.hostname ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}`;
  provider.close = () =>
    new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
  return provider;
}
