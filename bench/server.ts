/** The real app on a real socket: @hono/node-server on 127.0.0.1, on a free port. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Config } from '../src/config.ts';
import { createApp } from '../src/http/app.ts';
import type { Services } from '../src/services/index.ts';

export interface RunningServer {
  app: ReturnType<typeof createApp>;
  origin: string;
  close(): Promise<void>;
}

export async function startServer(services: Services, config: Config): Promise<RunningServer> {
  const app = createApp({ services, config });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(s),
    ) as Server;
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    app,
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
