/**
 * The client's address for login throttling. Behind a reverse proxy (TRUST_PROXY=1) it is the
 * last entry of X-Forwarded-For, the one our own proxy appended (earlier entries are whatever
 * the client sent); otherwise the socket's address. Null when neither is known (tests without a
 * server), and then only the per-account throttling applies.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from './context.ts';

/** An IPv4 address seen through an IPv6 socket (::ffff:203.0.113.7) counts as itself. */
const plain = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

export function clientAddress(c: Context<AppEnv, string>): string | null {
  if (c.get('config').trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
    if (forwarded !== undefined && forwarded !== '') return plain(forwarded.slice(0, 100));
  }
  try {
    const address = getConnInfo(c).remote.address;
    return address === undefined ? null : plain(address);
  } catch {
    return null; // no Node socket behind this request (app.request in tests)
  }
}
