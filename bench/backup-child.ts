/**
 * One step of the backup-restore scenario in a process of its own, so its peak RSS is that step's
 * alone: `open` (open and migrate the database, the baseline), `backup FILE` or `restore FILE`.
 * The database is DATABASE_URL or the PGlite folder SOCIALAFTALE_DATA, as for the CLI. Prints
 * `{"ms", "maxRssMb"}` as JSON on stdout.
 */
import { backupDatabase, restoreDatabase } from '../src/db/backup/index.ts';
import { openDatabase } from '../src/db/open.ts';
import { loadConfig } from '../src/config.ts';

const [mode, file] = process.argv.slice(2);
const db = await openDatabase(loadConfig());
const t0 = performance.now();
if (mode === 'backup' && file !== undefined) await backupDatabase(db, file, { overwrite: true });
else if (mode === 'restore' && file !== undefined) await restoreDatabase(db, file, { force: true });
else if (mode !== 'open') throw new Error(`unknown step ${mode ?? ''}`);
const ms = performance.now() - t0;
await db.close();
// maxRSS is in kilobytes.
const maxRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ ms, maxRssMb })}\n`);
