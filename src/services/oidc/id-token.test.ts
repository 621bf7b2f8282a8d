import assert from 'node:assert/strict';
import { createHmac, generateKeyPairSync, sign, type JsonWebKey } from 'node:crypto';
import { describe, it } from 'node:test';
import { OidcLoginError } from './errors.ts';
import { verifyIdToken } from './id-token.ts';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk: JsonWebKey = { ...publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig' };
const NOW = new Date('2021-01-10T09:00:00Z');
const iat = NOW.getTime() / 1000;
const expect = { issuer: 'https://login.kommune.dk', clientId: 'sa', nonce: 'n-1', now: NOW };
const claims = {
  iss: expect.issuer,
  sub: 'u1',
  aud: 'sa',
  iat,
  exp: iat + 300,
  nonce: 'n-1',
  email: 'a@kommune.dk',
};

const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
function token(body: object, header: object = { alg: 'RS256', kid: 'k1' }) {
  const head = `${part(header)}.${part(body)}`;
  return `${head}.${sign('RSA-SHA256', Buffer.from(head), privateKey).toString('base64url')}`;
}
const reason = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    assert.ok(error instanceof OidcLoginError);
    return error.reason;
  }
};

void describe('ID token verification', () => {
  void it('accepts a good token and returns its claims', () => {
    assert.equal(verifyIdToken(token(claims), [jwk], expect).email, 'a@kommune.dk');
    // One key and no kid in the header: that key.
    assert.equal(
      reason(() => verifyIdToken(token(claims, { alg: 'RS256' }), [jwk], expect)),
      'ok',
    );
  });

  void it('refuses "none", an HMAC signed with the public key, and unknown keys', () => {
    const body = part(claims);
    assert.equal(
      reason(() => verifyIdToken(`${part({ alg: 'none' })}.${body}.`, [jwk], expect)),
      'algorithm',
    );
    // The classic confusion: HS256 with the RSA public key as the secret.
    const head = `${part({ alg: 'HS256', kid: 'k1' })}.${body}`;
    const mac = createHmac('sha256', publicKey.export({ format: 'pem', type: 'spki' }))
      .update(head)
      .digest('base64url');
    assert.equal(
      reason(() => verifyIdToken(`${head}.${mac}`, [jwk], expect)),
      'algorithm',
    );
    assert.equal(
      reason(() => verifyIdToken(token(claims, { alg: 'RS256', kid: 'k2' }), [jwk], expect)),
      'unknown-key',
    );
    assert.equal(
      reason(() => verifyIdToken('a.b', [jwk], expect)),
      'malformed',
    );
  });

  void it('refuses a changed payload', () => {
    const [h, , s] = token(claims).split('.');
    const forged = `${h}.${part({ ...claims, email: 'chef@kommune.dk' })}.${s}`;
    assert.equal(
      reason(() => verifyIdToken(forged, [jwk], expect)),
      'signature',
    );
  });

  void it('checks audience, authorised party, times (with a minute of leeway) and nonce', () => {
    const check = (changes: object) =>
      reason(() => verifyIdToken(token({ ...claims, ...changes }), [jwk], expect));
    assert.equal(check({ aud: ['andre', 'sa'] }), 'ok');
    assert.equal(check({ aud: ['andre', 'sa'], azp: 'andre' }), 'audience');
    assert.equal(check({ aud: 'andre' }), 'audience');
    assert.equal(check({ exp: iat - 30 }), 'ok'); // within the leeway
    assert.equal(check({ exp: iat - 61 }), 'expired');
    assert.equal(check({ exp: undefined }), 'expired');
    assert.equal(check({ iat: iat + 3600 }), 'issued-in-future');
    assert.equal(check({ nonce: undefined }), 'nonce');
    assert.equal(check({ sub: '' }), 'malformed');
  });
});
