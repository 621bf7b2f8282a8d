/**
 * The only reader of process.env. Without DATABASE_URL the embedded PGlite folder is used.
 * Bad values fail at start with one Danish message listing every bad variable.
 */
export interface Config {
  /** PostgreSQL connection string, or null for the embedded PGlite folder. */
  databaseUrl: string | null;
  /** The PGlite folder used when databaseUrl is null. */
  dataDir: string;
  port: number;
  /** The address `serve` listens on (HOST; 127.0.0.1, or 0.0.0.0 behind a load balancer). */
  host: string;
  /** Largest accepted upload, in bytes. */
  maxUploadBytes: number;
  /**
   * Served over HTTPS (behind a proxy): cookies get Secure and the `__Host-` prefix, and responses
   * carry Strict-Transport-Security.
   */
  secureCookies: boolean;
  /** Hours a login session lasts at most, however busy (absolute expiry). */
  sessionHours: number;
  /** Minutes a login session lasts without a request (idle timeout). */
  sessionIdleMinutes: number;
  /**
   * Behind a reverse proxy: the client address for login throttling is the last one in
   * X-Forwarded-For (the one our proxy added), not the proxy's own.
   */
  trustProxy: boolean;
  /** Login with the municipality's OpenID Connect provider, or null when not configured. */
  oidc: OidcConfig | null;
  /**
   * On SIGTERM/SIGINT `serve` stops accepting and waits this many seconds at most for requests in
   * flight before it closes their connections.
   */
  shutdownSeconds: number;
}

export interface OidcConfig {
  /** The provider's issuer URL; its discovery document is `/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  /** null for a public client (PKCE only); else sent with HTTP Basic to the token endpoint. */
  clientSecret: string | null;
  /** Our callback as registered at the provider, e.g. https://host/login/oidc/callback. */
  redirectUrl: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function intVar(env: NodeJS.ProcessEnv, name: string, fallback: number, errors: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    errors.push(`${name} skal være et positivt heltal (fik "${raw}").`);
    return fallback;
  }
  return value;
}

const isTrue = (raw: string | undefined) => raw === '1' || raw === 'true';

/** An http(s) URL; plain http only for the machine itself (a test provider, a local proxy). */
function urlProblem(name: string, raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `${name} skal være en fuld adresse, fx https://login.kommune.dk (fik "${raw}").`;
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol === 'https:' || (url.protocol === 'http:' && local)) return null;
  return `${name} skal begynde med https:// (fik "${raw}").`;
}

/** OIDC_* : all of issuer, client id and redirect URL, or none of them. */
function oidcVar(env: NodeJS.ProcessEnv, errors: string[]): OidcConfig | null {
  const value = (name: string) => (env[name] ?? '').trim();
  const issuer = value('OIDC_ISSUER').replace(/\/+$/, '');
  const clientId = value('OIDC_CLIENT_ID');
  const redirectUrl = value('OIDC_REDIRECT_URL');
  const clientSecret = value('OIDC_CLIENT_SECRET');
  if (issuer === '' && clientId === '' && redirectUrl === '' && clientSecret === '') return null;
  const missing = (
    [
      ['OIDC_ISSUER', issuer],
      ['OIDC_CLIENT_ID', clientId],
      ['OIDC_REDIRECT_URL', redirectUrl],
    ] as const
  )
    .filter(([, v]) => v === '')
    .map(([name]) => name);
  if (missing.length > 0) {
    errors.push(`Login med kommunens login kræver også ${missing.join(' og ')}.`);
    return null;
  }
  const problems = [
    urlProblem('OIDC_ISSUER', issuer),
    urlProblem('OIDC_REDIRECT_URL', redirectUrl),
  ];
  for (const problem of problems) if (problem !== null) errors.push(problem);
  if (problems.some((p) => p !== null)) return null;
  return { issuer, clientId, clientSecret: clientSecret === '' ? null : clientSecret, redirectUrl };
}

/** Reads the configuration; `overrides` come from CLI flags and win over the environment. */
export function loadConfig(
  overrides: Partial<Config> = {},
  env: NodeJS.ProcessEnv = process.env,
): Config {
  const errors: string[] = [];
  const databaseUrl = env.DATABASE_URL && env.DATABASE_URL !== '' ? env.DATABASE_URL : null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    errors.push('DATABASE_URL skal begynde med postgres:// eller postgresql://.');
  }
  const config: Config = {
    databaseUrl,
    dataDir: env.SOCIALAFTALE_DATA ?? './data',
    port: intVar(env, 'PORT', 3000, errors),
    host: env.HOST && env.HOST !== '' ? env.HOST : '127.0.0.1',
    maxUploadBytes: intVar(env, 'MAX_UPLOAD_MB', 25, errors) * 1024 * 1024,
    secureCookies: isTrue(env.SECURE_COOKIES),
    sessionHours: intVar(env, 'SESSION_HOURS', 12, errors),
    sessionIdleMinutes: intVar(env, 'SESSION_IDLE_MINUTES', 120, errors),
    trustProxy: isTrue(env.TRUST_PROXY),
    oidc: oidcVar(env, errors),
    shutdownSeconds: intVar(env, 'SHUTDOWN_SECONDS', 10, errors),
    ...overrides,
  };
  if (errors.length > 0)
    throw new ConfigError(`Konfigurationen er ugyldig:\n- ${errors.join('\n- ')}`);
  return config;
}
