/**
 * One step of the backup-restore scenario in a process of its own, so its memory is that step's
 * alone: `open` (open and migrate the database, the baseline), `backup FILE` or `restore FILE`.
 * The database is DATABASE_URL or the PGlite folder SOCIALAFTALE_DATA, as for the CLI. Prints
 * JSON on stdout: the step's time, the RSS once the database is open, the highest RSS sampled
 * during the step (every 20 ms) and the process's peak RSS over its whole life.
 */
import { backupDatabase, restoreDatabase } from '../src/db/backup/index.ts';
import { openDatabase } from '../src/db/open.ts';
import { loadConfig } from '../src/config.ts';

const MB = 1024 * 1024;
const [mode, file] = process.argv.slice(2);
const db = await openDatabase(loadConfig());
const openRssMb = process.memoryUsage().rss / MB;
let stepPeakRssMb = openRssMb;
const sampler = setInterval(() => {
  stepPeakRssMb = Math.max(stepPeakRssMb, process.memoryUsage().rss / MB);
}, 20);
const t0 = performance.now();
if (mode === 'backup' && file !== undefined) await backupDatabase(db, file, { overwrite: true });
else if (mode === 'restore' && file !== undefined) await restoreDatabase(db, file, { force: true });
else if (mode !== 'open') throw new Error(`unknown step ${mode ?? ''}`);
const ms = performance.now() - t0;
clearInterval(sampler);
stepPeakRssMb = Math.max(stepPeakRssMb, process.memoryUsage().rss / MB);
await db.close();
// maxRSS is in kilobytes.
const maxRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ ms, openRssMb, stepPeakRssMb, maxRssMb })}\n`);
