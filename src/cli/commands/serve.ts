/** `socialaftale serve [--port N]`: the web application with graceful shutdown. */
import { serve } from '@hono/node-server';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { createApp } from '../../http/app.ts';
import { systemClock } from '../../services/clock.ts';
import { createServices } from '../../services/index.ts';
import { UsageError, type Command } from '../io.ts';

export function makeServeCommand(config: Config, openDb: () => Promise<Db>): Command {
  return async (args, io) => {
    let port = config.port;
    const index = args.indexOf('--port');
    if (index !== -1) {
      port = Number(args[index + 1]);
      if (!Number.isInteger(port) || port <= 0 || port > 65535)
        throw new UsageError('--port skal være et portnummer mellem 1 og 65535.');
    }
    const db = await openDb();
    const app = createApp({
      services: createServices(db, systemClock, config),
      config: { ...config, port },
    });
    const server = serve({ fetch: app.fetch, port, hostname: process.env.HOST ?? '127.0.0.1' });
    const where =
      config.databaseUrl !== null ? 'PostgreSQL (DATABASE_URL)' : `PGlite i ${config.dataDir}`;
    io.stdout(`Socialaftale kører på http://localhost:${port} (database: ${where}).\n`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        io.stdout('Lukker ned ...\n');
        server.close(() => {
          void db.close().then(resolve);
        });
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  };
}
