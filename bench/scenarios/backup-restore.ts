/**
 * Backup and restore of a database with large attachments (issue 7): N file blobs of 30 MB of
 * random bytes (20; 4 with --quick) in a database of its own (a PGlite folder, or a temporary
 * PostgreSQL database with --pg), backed up and restored (--force, into the same database) by
 * child processes, each step in a process of its own so its peak RSS is that step's alone.
 *
 * Baseline: a process that only opens (and migrates) the same database. The highest RSS sampled
 * during a step is compared with its RSS once open; the process's peak RSS with its peak (on
 * PGlite opening a folder costs more than a streaming step). Streaming means the ratios stay
 * small and do not grow with the size of the backup.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { openPglite, openPostgres, type Db } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { adminQuery } from '../db.ts';
import { metric, type BenchContext, type ResultTable, type Scenario } from '../scenario.ts';

const BLOB_MB = 30;
const MB = 1024 * 1024;
const CHILD = fileURLToPath(new URL('../backup-child.ts', import.meta.url));
const run = promisify(execFile);

interface Step {
  ms: number;
  openRssMb: number;
  stepPeakRssMb: number;
  maxRssMb: number;
}

async function step(env: NodeJS.ProcessEnv, ...args: string[]): Promise<Step> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    env,
    maxBuffer: MB,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Step;
}

async function fill(db: Db, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const bytes = randomBytes(BLOB_MB * MB);
    await db.query('insert into file_blob (sha256, bytes, size) values ($1, $2, $3)', [
      `bench-${i}`,
      bytes,
      bytes.length,
    ]);
  }
}

async function runScenario(ctx: BenchContext): Promise<ResultTable[]> {
  const count = ctx.options.quick ? 4 : 20;
  const dir = mkdtempSync(join(tmpdir(), 'socialaftale-bench-backup-'));
  const file = join(dir, 'bench.backup');
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: '' };
  let dispose = () => Promise.resolve();
  try {
    let db: Db;
    if (ctx.options.db.kind === 'postgres') {
      const name = `sa_bench_backup_${randomBytes(4).toString('hex')}`;
      await adminQuery(ctx.options.db.url, `create database ${name}`);
      const serverUrl = ctx.options.db.url;
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      env.DATABASE_URL = url.toString();
      db = openPostgres(url.toString());
      dispose = () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    } else {
      env.SOCIALAFTALE_DATA = join(dir, 'data');
      mkdirSync(env.SOCIALAFTALE_DATA);
      db = await openPglite(env.SOCIALAFTALE_DATA);
    }
    await migrate(db);
    ctx.log(`  writing ${count} blobs of ${BLOB_MB} MB of random bytes`);
    await fill(db, count);
    // PGlite: written out of the WAL now, so that no step starts with replaying it.
    if (db.kind === 'pglite') await db.exec('checkpoint');
    // A PGlite folder can be open in one process only.
    await db.close();

    ctx.log('  baseline: a process that opens the database');
    const open = await step(env, 'open');
    ctx.log('  backup');
    const backup = await step(env, 'backup', file);
    const fileMb = statSync(file).size / MB;
    ctx.log('  restore --force');
    const restore = await step(env, 'restore', file);
    const dataMb = count * BLOB_MB;
    const rss = (name: string, s: Step) => [
      metric(`${name}: peak RSS during it`, s.stepPeakRssMb, 'MB', { baseline: open.openRssMb }),
      metric(`${name}: peak RSS of the process`, s.maxRssMb, 'MB', { baseline: open.maxRssMb }),
    ];
    return [
      {
        id: 'backup-restore',
        title: `Backup and restore of ${count} attachments of ${BLOB_MB} MB (${dataMb} MB)`,
        baseline:
          'a process that only opens the same database: its RSS once open (for the peak during a step, sampled every 20 ms) and its peak RSS (for a process peak)',
        metrics: [
          metric('open only: RSS once open', open.openRssMb, 'MB'),
          metric('open only: peak RSS', open.maxRssMb, 'MB'),
          ...rss('backup', backup),
          metric('backup: throughput', dataMb / (backup.ms / 1000), 'MB/s'),
          metric('backup: file size', fileMb, 'MB'),
          ...rss('restore', restore),
          metric('restore: throughput', dataMb / (restore.ms / 1000), 'MB/s'),
        ],
        details: { open, backup, restore, fileMb, dataMb },
      },
    ];
  } finally {
    await dispose().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

export const backupRestore: Scenario = {
  name: 'backup-restore',
  description: 'backup and restore of a database with large attachments, peak RSS and MB/s',
  run: runScenario,
};
