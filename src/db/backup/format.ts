/**
 * The backup file: gzip'd JSON lines, read and written as a stream so a database with large
 * attachments never has to fit in memory.
 *
 *   {"kind":"header", format, version, createdAt, source, migrations}
 *   per table: {"kind":"table", name, columns} · one JSON array per row · {"kind":"table-end", name, rows, sha256}
 *   {"kind":"sequences", values}
 *   {"kind":"end", tables, rows, sha256}
 *
 * A row is its values in their PostgreSQL text form (bytea as base64, null as null), so every
 * type (numeric, timestamptz, jsonb, arrays) comes back exactly, on PGlite and PostgreSQL alike.
 * A table's sha256 is over its canonical rows (checksum.ts) and is recomputed after a restore;
 * the end line's sha256 is over every line before it, so any change or a cut-off file is seen.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createGunzip, createGzip } from 'node:zlib';

export const BACKUP_FORMAT = 'socialaftale-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** A value in its text form; bytea as base64. */
export type CellValue = string | null;
export type Row = CellValue[];

export interface ColumnInfo {
  name: string;
  type: string;
}

export interface HeaderLine {
  kind: 'header';
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  source: 'pglite' | 'postgres';
  migrations: string[];
}
export interface TableLine {
  kind: 'table';
  name: string;
  columns: ColumnInfo[];
}
export interface TableEndLine {
  kind: 'table-end';
  name: string;
  rows: number;
  sha256: string;
}
export interface SequenceValue {
  name: string;
  lastValue: string;
  isCalled: boolean;
}
export interface SequencesLine {
  kind: 'sequences';
  values: SequenceValue[];
}
export interface EndLine {
  kind: 'end';
  tables: number;
  rows: number;
  sha256: string;
}
export type BackupLine = HeaderLine | TableLine | TableEndLine | SequencesLine | EndLine | Row;

/**
 * The file cannot be used: damaged, not a backup, from another schema version, or the target
 * is not empty. The message is a Danish sentence for the user (the CLI exits 2).
 */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** Writes lines to a gzip'd file, hashing them for the end line; waits when the disk is slower. */
export class BackupWriter {
  private readonly gzip = createGzip();
  private readonly file;
  private readonly done: Promise<void>;
  private readonly hash: Hash = createHash('sha256');

  constructor(path: string) {
    this.file = createWriteStream(path, { flags: 'wx' });
    this.gzip.pipe(this.file);
    this.done = new Promise((resolve, reject) => {
      this.file.on('close', resolve);
      this.file.on('error', reject);
      this.gzip.on('error', reject);
    });
    // A failure is reported by finish(); keep it from being an unhandled rejection meanwhile.
    this.done.catch(() => undefined);
  }

  /** The sha256 of everything written so far (for the end line). */
  digest(): string {
    return this.hash.copy().digest('hex');
  }

  async write(line: BackupLine): Promise<void> {
    const text = `${JSON.stringify(line)}\n`;
    this.hash.update(text);
    if (!this.gzip.write(text)) await Promise.race([once(this.gzip, 'drain'), this.done]);
  }

  async finish(): Promise<void> {
    this.gzip.end();
    await this.done;
  }

  /** Stops writing after a failure; the caller removes the partial file. */
  async abort(): Promise<void> {
    this.gzip.destroy();
    this.file.destroy();
    await this.done.catch(() => undefined);
  }
}

export function damaged(path: string, why: string): BackupError {
  return new BackupError(
    `Filen ${path} er ikke en brugbar sikkerhedskopi (${why}). Brug en anden kopi; intet er ændret.`,
  );
}

/**
 * Reads the lines of a backup file in order with the running sha256 of the lines before each.
 * A file that is not gzip, is cut off or holds a line that is not JSON is a BackupError.
 */
export async function* readBackupLines(
  path: string,
): AsyncGenerator<{ line: BackupLine; digestBefore: () => string }> {
  const source = createReadStream(path);
  const gunzip = createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  gunzip.setEncoding('utf8');
  const hash = createHash('sha256');
  let number = 0;
  let pending = '';
  const parse = (text: string) => {
    number += 1;
    try {
      return JSON.parse(text) as BackupLine;
    } catch {
      throw damaged(path, `linje ${number} kan ikke læses`);
    }
  };
  try {
    for await (const chunk of gunzip as AsyncIterable<string>) {
      pending += chunk;
      let newline: number;
      while ((newline = pending.indexOf('\n')) !== -1) {
        const text = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        yield { line: parse(text), digestBefore: () => hash.copy().digest('hex') };
        hash.update(`${text}\n`);
      }
    }
  } catch (error) {
    throw error instanceof BackupError ? error : fileError(path, error as Error);
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  if (pending !== '') throw damaged(path, 'den er afskåret');
}

function fileError(path: string, error: Error): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new BackupError(`Filen ${path} findes ikke.`);
  if (code === 'EISDIR') return new BackupError(`${path} er en mappe, ikke en fil.`);
  if (code === 'EACCES') return new BackupError(`Filen ${path} kan ikke læses (ingen adgang).`);
  if (code?.startsWith('Z_') === true) return damaged(path, 'ikke en gyldig gzip-fil');
  return error;
}
