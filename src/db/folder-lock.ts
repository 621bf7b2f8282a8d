/**
 * One process at a time on a PGlite folder. PGlite is PostgreSQL running inside the process, with
 * no server to share the files: a second process writing the same folder (a `restore` while
 * `serve` runs) would damage it, and PGlite itself does not stop it (its postmaster.pid holds
 * no real process id). So the process that opens a folder writes its pid to a lock file there,
 * and another process is refused while that pid is alive; a lock left by a process that died is
 * taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'socialaftale.pid';

/** Holds the folder for this process; refused with the holder's pid. */
export class FolderInUseError extends Error {
  override name = 'FolderInUseError';
  constructor(readonly pid: number) {
    super(`in use by process ${pid}`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the folder's lock, or throws FolderInUseError; returns the release. */
export function lockFolder(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder = Number.NaN;
    try {
      holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
    } catch {
      // Removed meanwhile: try again.
    }
    if (Number.isInteger(holder) && holder !== process.pid && alive(holder))
      throw new FolderInUseError(holder);
    rmSync(path, { force: true }); // left by a process that ended
  }
  throw new FolderInUseError(Number.NaN);
}
