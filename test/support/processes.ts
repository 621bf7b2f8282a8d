/**
 * Real `socialaftale` processes for the reliability tests: a migrated database a child process can
 * open (a new database on the TEST_DATABASE_URL server, or a PGlite folder loaded from the cached
 * template), and helpers that spawn the CLI and wait for what it prints.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { openPglite, openPostgres, type Db } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { adminQuery, dropDatabase, templateFile, testDatabaseUrl } from './db.ts';

export interface ProcessDb {
  kind: Db['kind'];
  /** What a child process needs to open it: DATABASE_URL, or the PGlite folder. */
  env: Record<string, string>;
  /** Opens it in this process; a PGlite folder only while no child holds it. */
  open(): Promise<Db>;
  dispose(): Promise<void>;
}

export async function createProcessDb(): Promise<ProcessDb> {
  if (testDatabaseUrl !== null) {
    const name = `sa_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(`create database ${name}`);
    const url = new URL(testDatabaseUrl);
    url.pathname = `/${name}`;
    const db = openPostgres(url.toString(), 2);
    await migrate(db);
    await db.close();
    return {
      kind: 'postgres',
      env: { DATABASE_URL: url.toString() },
      open: () => Promise.resolve(openPostgres(url.toString(), 3)),
      dispose: () => dropDatabase(name),
    };
  }
  const dir = await mkdtemp(join(tmpdir(), 'socialaftale-proc-'));
  const dataDir = join(dir, 'data');
  const template = new PGlite(dataDir, {
    loadDataDir: new Blob([readFileSync(await templateFile())]),
  });
  await template.waitReady;
  await template.close();
  return {
    kind: 'pglite',
    env: { SOCIALAFTALE_DATA: dataDir },
    open: () => openPglite(dataDir),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

export interface Child {
  proc: ChildProcess;
  output(): string;
  /** Resolves with the first match of `pattern` in stdout + stderr; rejects if the process ends first. */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `socialaftale ARGS` as a process of its own on `db`. */
export function spawnCli(args: string[], db: ProcessDb, env: Record<string, string> = {}): Child {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  delete base.SOCIALAFTALE_DATA;
  const proc = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    cwd: ROOT,
    env: { ...base, ...db.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let text = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    for (const l of listeners) l();
  };
  proc.stdout.on('data', onData);
  proc.stderr.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once('exit', (code, signal) => {
      for (const l of listeners) l();
      resolve({ code, signal });
    }),
  );
  let ended = false;
  void exited.then(() => (ended = true));
  return {
    proc,
    output: () => text,
    exited,
    waitFor(pattern) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(text);
          if (match !== null) {
            listeners.delete(check);
            resolve(match);
          } else if (ended || proc.exitCode !== null || proc.signalCode !== null) {
            listeners.delete(check);
            reject(new Error(`The process ended without printing ${pattern}:\n${text}`));
          }
        };
        listeners.add(check);
        check();
      });
    },
  };
}

export interface ServeChild extends Child {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
}

/** `socialaftale serve --port 0`, resolved when it listens. */
export async function startServe(
  db: ProcessDb,
  env: Record<string, string> = {},
): Promise<ServeChild> {
  const child = spawnCli(['serve', '--port', '0'], db, env);
  const [, port] = await child.waitFor(/kører på http:\/\/localhost:(\d+)/);
  return { ...child, url: `http://127.0.0.1:${port}` };
}

/** Ends a child that a failed test left running. */
export async function stopChild(child: Child | undefined): Promise<void> {
  if (child === undefined || child.proc.exitCode !== null || child.proc.signalCode !== null) return;
  child.proc.kill('SIGKILL');
  await child.exited;
}
