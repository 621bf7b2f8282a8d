import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { FolderInUseError, LOCK_FILE, lockFolder } from './folder-lock.ts';

const dir = mkdtempSync(join(tmpdir(), 'socialaftale-lock-'));
const lockPath = join(dir, LOCK_FILE);
after(() => rmSync(dir, { recursive: true, force: true }));

void describe('PGlite folder lock', () => {
  void it('holds the folder for this process and lets go on release', () => {
    const release = lockFolder(dir);
    assert.equal(readFileSync(lockPath, 'utf8').trim(), String(process.pid));
    release();
    assert.equal(existsSync(lockPath), false);
  });

  void it('refuses while the process in the lock file is alive', () => {
    // The parent (the test runner) is alive and is not this process.
    writeFileSync(lockPath, `${process.ppid}\n`);
    assert.throws(
      () => lockFolder(dir),
      (e: unknown) => e instanceof FolderInUseError && e.pid === process.ppid,
    );
    assert.equal(readFileSync(lockPath, 'utf8').trim(), String(process.ppid), 'left alone');
    rmSync(lockPath);
  });

  void it('takes over a lock left by a process that has ended', () => {
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    writeFileSync(lockPath, `${ended.stdout.toString()}\n`);
    const release = lockFolder(dir);
    assert.equal(readFileSync(lockPath, 'utf8').trim(), String(process.pid));
    release();
  });
});
