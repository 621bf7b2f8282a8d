export { backupDatabase, type BackupSummary } from './dump.ts';
export { restoreDatabase, type RestoreSummary } from './restore.ts';
export { BackupError } from './format.ts';
export { checksumTables } from './checksum.ts';
export { listTables } from './catalog.ts';
