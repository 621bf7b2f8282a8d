import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

const problem = (env: NodeJS.ProcessEnv) => {
  try {
    loadConfig({}, env);
    return null;
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.message;
  }
};

void describe('configuration of login and sessions', () => {
  void it('has safe defaults: 12 h sessions, 2 h idle, no proxy trust, no OIDC', () => {
    const c = loadConfig({}, {});
    assert.deepEqual(
      [c.sessionHours, c.sessionIdleMinutes, c.trustProxy, c.secureCookies, c.oidc],
      [12, 120, false, false, null],
    );
    const set = loadConfig(
      {},
      { SESSION_HOURS: '8', SESSION_IDLE_MINUTES: '30', TRUST_PROXY: '1', SECURE_COOKIES: 'true' },
    );
    assert.deepEqual(
      [set.sessionHours, set.sessionIdleMinutes, set.trustProxy, set.secureCookies],
      [8, 30, true, true],
    );
    assert.match(problem({ SESSION_IDLE_MINUTES: '0' }) ?? '', /SESSION_IDLE_MINUTES skal være/);
  });

  void it('reads OIDC_* all together, with the secret optional', () => {
    const c = loadConfig(
      {},
      {
        OIDC_ISSUER: 'https://login.kommune.dk/',
        OIDC_CLIENT_ID: 'socialaftale',
        OIDC_REDIRECT_URL: 'https://socialaftale.dk/login/oidc/callback',
      },
    );
    assert.deepEqual(c.oidc, {
      issuer: 'https://login.kommune.dk',
      clientId: 'socialaftale',
      clientSecret: null,
      redirectUrl: 'https://socialaftale.dk/login/oidc/callback',
    });
    assert.match(
      problem({ OIDC_ISSUER: 'https://login.kommune.dk', OIDC_CLIENT_SECRET: 's' }) ?? '',
      /kræver også OIDC_CLIENT_ID og OIDC_REDIRECT_URL/,
    );
  });

  void it('wants https for the provider, except on the machine itself', () => {
    const env = (issuer: string) => ({
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: 'x',
      OIDC_REDIRECT_URL: 'http://localhost:3000/login/oidc/callback',
    });
    assert.match(
      problem(env('http://login.kommune.dk')) ?? '',
      /OIDC_ISSUER skal begynde med https/,
    );
    assert.match(problem(env('login.kommune.dk')) ?? '', /fuld adresse/);
    assert.equal(problem(env('http://127.0.0.1:8080')), null);
  });
});

void describe('configuration of serve', () => {
  void it('waits 10 s for requests at shutdown unless SHUTDOWN_SECONDS says otherwise', () => {
    const c = loadConfig({}, {});
    assert.deepEqual([c.shutdownSeconds, c.host], [10, '127.0.0.1']);
    const set = loadConfig({}, { SHUTDOWN_SECONDS: '30', HOST: '0.0.0.0' });
    assert.deepEqual([set.shutdownSeconds, set.host], [30, '0.0.0.0']);
    assert.match(problem({ SHUTDOWN_SECONDS: 'lang' }) ?? '', /SHUTDOWN_SECONDS skal være/);
  });
});
