/** OpenID Connect logins in flight: created at the redirect, taken (once) at the callback. */
import type { Db } from '../client.ts';

export interface OidcRequestRow {
  nonce: string;
  codeVerifier: string;
  nextPath: string;
}

export function oidcRequestRepository(db: Db) {
  return {
    async create(r: OidcRequestRow & { stateHash: string; expiresAt: Date }) {
      await db.query(
        `insert into oidc_request (state_hash, nonce, code_verifier, next_path, expires_at)
         values ($1, $2, $3, $4, $5)`,
        [r.stateHash, r.nonce, r.codeVerifier, r.nextPath, r.expiresAt],
      );
    },
    /** Deletes and returns the request if it has not expired: a state works only once. */
    async take(stateHash: string, now: Date): Promise<OidcRequestRow | null> {
      const rows = await db.query<OidcRequestRow & { expiresAt: Date }>(
        `delete from oidc_request where state_hash = $1
         returning nonce, code_verifier as "codeVerifier", next_path as "nextPath",
           expires_at as "expiresAt"`,
        [stateHash],
      );
      const row = rows[0];
      if (row === undefined || row.expiresAt <= now) return null;
      return { nonce: row.nonce, codeVerifier: row.codeVerifier, nextPath: row.nextPath };
    },
    async deleteExpired(now: Date) {
      await db.query(`delete from oidc_request where expires_at <= $1`, [now]);
    },
  };
}
