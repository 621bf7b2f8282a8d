/**
 * Serves a Hono app on a free loopback port (port 0: the OS picks one) for browser tests, and
 * closes it again, dropping any keep-alive connections the browser left open.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  url: string;
  close(): Promise<void>;
}

export function startServer(app: {
  fetch: (request: Request) => Response | Promise<Response>;
}): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, port: 0, hostname: '127.0.0.1' },
      (info: AddressInfo) => {
        resolve({
          url: `http://127.0.0.1:${info.port}`,
          close: () =>
            new Promise<void>((done, fail) => {
              server.close((error) => (error ? fail(error) : done()));
              (server as Server).closeAllConnections();
            }),
        });
      },
    );
    server.once('error', reject);
  });
}
