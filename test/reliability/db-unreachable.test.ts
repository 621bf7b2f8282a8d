/**
 * The database unreachable: the app answers 503 with a Danish page or JSON and serves again once
 * the server is back; the CLI exits 1 with a Danish sentence, for a PostgreSQL URL on a closed
 * port and for a PGlite folder that cannot be opened.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config.ts';
import { openPostgres } from '../../src/db/client.ts';
import { createApp } from '../../src/http/app.ts';
import { createServices } from '../../src/services/index.ts';
import { fixedClock } from '../support/app.ts';
import { testDatabaseUrl } from '../support/db.ts';

const BIN = fileURLToPath(new URL('../../bin/socialaftale.mjs', import.meta.url));
const DANISH_DOWN = /Databasen svarer ikke/;

/** A port nobody listens on: bound by us, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function appOver(url: string) {
  const config = { ...loadConfig({}, {}), databaseUrl: url };
  const db = openPostgres(url, 2);
  return { db, app: createApp({ services: createServices(db, fixedClock(), config), config }) };
}

async function expectDown(app: ReturnType<typeof createApp>): Promise<void> {
  const page = await app.request('/');
  assert.equal(page.status, 503);
  assert.equal(page.headers.get('retry-after'), '30');
  const html = await page.text();
  assert.match(html, DANISH_DOWN);
  assert.doesNotMatch(html, /ECONNREFUSED|Error|at \w+ \(/);
  const api = await app.request('/api/meetings');
  assert.equal(api.status, 503);
  const body = (await api.json()) as { error: string };
  assert.match(body.error, DANISH_DOWN);
  const health = await app.request('/health');
  assert.equal(health.status, 503);
  const probe = (await health.json()) as { status: string; database: { status: string } };
  assert.equal(probe.status, 'error');
  assert.equal(probe.database.status, 'error', 'refused, not timed out');
}

/** The CLI as a user runs it; returns the exit status and standard error. */
function cli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, DATABASE_URL: '', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

/** A TCP relay to the real server that can be cut and restored on the same port. */
function relay(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  return {
    get port() {
      return port;
    },
    async start() {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        const end = () => {
          client.destroy();
          upstream.destroy();
        };
        client.on('error', end).on('close', end);
        upstream.on('error', end).on('close', end);
      });
      await new Promise<void>((resolve) => server?.listen(port, '127.0.0.1', resolve));
      port = (server.address() as net.AddressInfo).port;
    },
    async stop() {
      for (const s of sockets) s.destroy();
      sockets.clear();
      await new Promise<void>((resolve) => server?.close(() => resolve()));
    },
  };
}

void describe('the database unreachable', () => {
  const dirs: string[] = [];
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  void it('answers 503 in Danish for a PostgreSQL server on a closed port', async () => {
    const { db, app } = appOver(
      `postgres://socialaftale:hemmelig@127.0.0.1:${await closedPort()}/x`,
    );
    try {
      await expectDown(app);
    } finally {
      await db.close();
    }
  });

  void it('the CLI exits 1 with a Danish sentence and no password for a closed port', async () => {
    const url = `postgres://socialaftale:hemmelig@127.0.0.1:${await closedPort()}/x`;
    const { code, stderr } = await cli(['search', 'takst'], { DATABASE_URL: url });
    assert.equal(code, 1);
    assert.match(
      stderr,
      /^Databasen svarer ikke \(127\.0\.0\.1:\d+\/x\)\. Tjek at PostgreSQL kører/,
    );
    assert.doesNotMatch(stderr, /hemmelig|ECONNREFUSED|\n\s+at /);
  });

  void it('the CLI exits 1 with a Danish sentence for a PGlite folder that cannot be opened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'socialaftale-unopenable-'));
    dirs.push(dir);
    const file = join(dir, 'en-fil');
    writeFileSync(file, 'ikke en database');
    const damaged = join(dir, 'skadet');
    for (const data of [file, damaged]) {
      if (data === damaged) {
        rmSync(damaged, { recursive: true, force: true });
        mkdirSync(damaged);
        writeFileSync(join(damaged, 'PG_VERSION'), 'ikke en version\n');
      }
      const { code, stderr } = await cli(['search', 'takst', '--data', data], {});
      assert.equal(code, 1, stderr);
      assert.match(stderr, new RegExp(`^Databasen i mappen ${data} kan ikke åbnes\\. Tjek`));
      assert.doesNotMatch(stderr, /\n\s+at |Error/);
    }
  });

  void it(
    'recovers when the PostgreSQL server comes back',
    {
      skip:
        testDatabaseUrl === null
          ? 'needs TEST_DATABASE_URL (PGlite runs in-process: no server to lose)'
          : false,
    },
    async () => {
      const target = new URL(testDatabaseUrl ?? '');
      const link = relay(target);
      await link.start();
      const url = new URL(target);
      url.port = String(link.port);
      const { db, app } = appOver(url.toString());
      try {
        // Only /health: the server's own database is not ours to migrate.
        assert.equal((await app.request('/health')).status, 200);
        await link.stop();
        await expectDown(app);
        await link.start();
        const health = await app.request('/health');
        assert.equal(health.status, 200, await health.text());
        assert.deepEqual(await db.query('select 1 as one'), [{ one: 1 }]);
      } finally {
        await link.stop();
        await db.close();
      }
    },
  );
});
