/**
 * `socialaftale serve [--port N]`: the web application with graceful shutdown. On SIGTERM or
 * SIGINT it stops accepting connections, answers /health with 503, lets the requests in flight
 * finish (at most SHUTDOWN_SECONDS), closes the database and returns 0. A second signal stops at
 * once. `--port 0` takes a free port (the line printed at start names it).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { createApp } from '../../http/app.ts';
import type { Lifecycle } from '../../http/health.ts';
import { systemClock } from '../../services/clock.ts';
import { createServices } from '../../services/index.ts';
import { UsageError, type CliIo, type Command } from '../io.ts';

function portArgument(args: string[], fallback: number): number {
  const index = args.indexOf('--port');
  if (index === -1) return fallback;
  const port = Number(args[index + 1]);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(
      '--port skal være et portnummer mellem 1 og 65535 (eller 0 for en ledig).',
    );
  return port;
}

function listen(app: ReturnType<typeof createApp>, port: number, host: string) {
  return new Promise<Server>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }) as Server;
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}

/** Counts the requests in flight and closes each keep-alive connection once it falls idle. */
function trackRequests(server: Server, lifecycle: Lifecycle) {
  let inFlight = 0;
  server.on('request', (_req, res) => {
    inFlight++;
    // A request that arrives on a kept-alive connection during shutdown is still answered,
    // but tells the client not to send another on it.
    if (lifecycle.stopping) res.setHeader('connection', 'close');
    res.once('close', () => {
      inFlight--;
      if (lifecycle.stopping) setImmediate(() => server.closeIdleConnections());
    });
  });
  return { inFlight: () => inFlight };
}

function shutdown(server: Server, lifecycle: Lifecycle, seconds: number, io: CliIo) {
  const requests = trackRequests(server, lifecycle);
  return new Promise<void>((resolve) => {
    let force: NodeJS.Timeout | undefined;
    const cut = () => {
      const left = requests.inFlight();
      if (left > 0)
        io.stderr(`Afbryder ${left} forespørgsel(er), der ikke nåede at blive færdige.\n`);
      server.closeAllConnections();
    };
    const stop = () => {
      if (lifecycle.stopping) {
        cut(); // a second signal: do not wait any longer
        return;
      }
      lifecycle.stopping = true;
      // Stop accepting first; the callback runs when the last connection has ended.
      server.close(() => {
        clearTimeout(force);
        resolve();
      });
      server.closeIdleConnections();
      io.stdout(
        `Lukker ned: tager ikke imod nye forbindelser og venter på ${requests.inFlight()} forespørgsel(er) i gang (højst ${seconds} s) ...\n`,
      );
      force = setTimeout(cut, seconds * 1000);
      force.unref();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export function makeServeCommand(config: Config, openDb: () => Promise<Db>): Command {
  return async (args, io) => {
    const port = portArgument(args, config.port);
    const db = await openDb();
    const lifecycle: Lifecycle = { stopping: false };
    const app = createApp({
      services: createServices(db, systemClock, config),
      config: { ...config, port },
      health: { lifecycle },
    });
    let server: Server;
    try {
      server = await listen(app, port, config.host);
    } catch (error) {
      await db.close();
      throw error;
    }
    const where =
      config.databaseUrl !== null ? 'PostgreSQL (DATABASE_URL)' : `PGlite i ${config.dataDir}`;
    const actual = (server.address() as AddressInfo).port;
    io.stdout(`Socialaftale kører på http://localhost:${actual} (database: ${where}).\n`);
    await shutdown(server, lifecycle, config.shutdownSeconds, io);
    await db.close();
    io.stdout('Lukket.\n');
    return 0;
  };
}
