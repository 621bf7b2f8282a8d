/**
 * GET /health for load balancers and monitoring: the version, and whether the database answers a
 * `select 1` within a time limit, on a connection of its own (Db.ping) so that a pool busy with
 * slow requests does not make a healthy database look down. 503 with a Danish message when it does not, or while the process
 * is shutting down (so a load balancer stops sending new visitors to it before it goes).
 */
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import type { Db } from '../db/client.ts';

/** Set by `serve` when SIGTERM/SIGINT arrives; /health then answers 503. */
export interface Lifecycle {
  stopping: boolean;
}

export interface HealthOptions {
  db: Db;
  /** How long the database may take to answer `select 1` (default 2000 ms). */
  timeoutMs?: number;
  lifecycle?: Lifecycle;
}

export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

type DbCheck = 'ok' | 'timeout' | 'error';

async function checkDatabase(db: Db, timeoutMs: number): Promise<DbCheck> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DbCheck>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const query = db.ping().then(
    (): DbCheck => 'ok',
    (): DbCheck => 'error',
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const MESSAGES: Record<Exclude<DbCheck, 'ok'>, (ms: number) => string> = {
  timeout: (ms) =>
    `Databasen svarer ikke (intet svar inden for ${ms} ms). Tjek at databaseserveren kører og kan nås.`,
  error: () =>
    'Databasen kan ikke nås eller afviser forespørgsler. Tjek at databaseserveren kører og at DATABASE_URL er rigtig.',
};

export function healthRoute(options: HealthOptions) {
  const timeoutMs = options.timeoutMs ?? 2000;
  const route = new Hono();
  route.get('/health', async (c) => {
    c.header('cache-control', 'no-store');
    if (options.lifecycle?.stopping === true) {
      return c.json(
        {
          status: 'stopping',
          version: VERSION,
          message: 'Processen lukker ned; send nye forespørgsler til en anden.',
        },
        503,
      );
    }
    const started = performance.now();
    const database = await checkDatabase(options.db, timeoutMs);
    const ms = Math.round(performance.now() - started);
    if (database === 'ok')
      return c.json({ status: 'ok', version: VERSION, database: { status: 'ok', ms } });
    return c.json(
      {
        status: 'error',
        version: VERSION,
        database: { status: database, ms },
        message: MESSAGES[database](timeoutMs),
      },
      503,
    );
  });
  return route;
}
