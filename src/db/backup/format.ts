/**
 * The backup file: gzip'd JSON lines, read and written as a stream so a database with large
 * attachments never has to fit in memory.
 *
 *   {"kind":"header", format, version, createdAt, source, migrations}
 *   per table: {"kind":"table", name, columns} · per row: one JSON array, then the chunk lines of
 *     its large values · {"kind":"table-end", name, rows, sha256}
 *   {"kind":"sequences", values}
 *   {"kind":"end", tables, rows, sha256}
 *
 * A row is its values in their PostgreSQL text form (bytea as base64, null as null), so every
 * type (numeric, timestamptz, jsonb, arrays) comes back exactly, on PGlite and PostgreSQL alike.
 * A bytea value of more than CHUNK_BYTES (an attachment of tens of megabytes) is not in its row:
 * the row holds {"bytes": length} and the value follows in {"kind":"chunk", column, data} lines
 * of at most CHUNK_BYTES each, so no line, and no step of backup or restore, holds more.
 * A table's sha256 is over its canonical rows (checksum.ts: the JSON of each row with every
 * value inline) and is recomputed after a restore; the end line's sha256 is over every line
 * before it, so any change or a cut-off file is seen.
 *
 * Version 2 added the chunk lines; version 1 files (every value inline) are still read.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createGunzip, createGzip } from 'node:zlib';

export const BACKUP_FORMAT = 'socialaftale-backup';
export const BACKUP_FORMAT_VERSION = 2;
/** The versions this program restores. */
export const READABLE_FORMAT_VERSIONS: readonly number[] = [1, 2];

/**
 * Bytes per chunk line: a multiple of 3, so the base64 of the chunks, put together, is the
 * base64 of the whole value (the checksum is over that); 768 KiB is 1 MiB of base64.
 */
export const CHUNK_BYTES = 768 * 1024;

/** A bytea value too large for its row line: its bytes follow in chunk lines. */
export interface LargeBytes {
  bytes: number;
}

/** A value in its text form; bytea as base64, or a LargeBytes marker. */
export type CellValue = string | null | LargeBytes;
export type Row = CellValue[];

export const isLargeBytes = (value: unknown): value is LargeBytes =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Number.isSafeInteger((value as LargeBytes).bytes) &&
  (value as LargeBytes).bytes >= 0;

/** Up to CHUNK_BYTES of the value in column `column` of the row before, as base64. */
export interface ChunkLine {
  kind: 'chunk';
  column: number;
  data: string;
}

/** How many bytes a base64 text decodes to; -1 when it is not base64. */
export function base64Length(data: string): number {
  if (data.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(data)) return -1;
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  return (data.length / 4) * 3 - padding;
}

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
export type BackupLine =
  HeaderLine | TableLine | ChunkLine | TableEndLine | SequencesLine | EndLine | Row;

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
  // The pieces of the line read so far; joined once its newline comes (a version 1 line can
  // be tens of megabytes, and concatenating chunk by chunk would copy it over and over).
  const pieces: string[] = [];
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
      let start = 0;
      let newline: number;
      while ((newline = chunk.indexOf('\n', start)) !== -1) {
        pieces.push(chunk.slice(start, newline));
        start = newline + 1;
        const text = pieces.join('');
        pieces.length = 0;
        yield { line: parse(text), digestBefore: () => hash.copy().digest('hex') };
        hash.update(`${text}\n`);
      }
      if (start < chunk.length) pieces.push(chunk.slice(start));
    }
  } catch (error) {
    throw error instanceof BackupError ? error : fileError(path, error as Error);
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  if (pieces.length > 0) throw damaged(path, 'den er afskåret');
}

function fileError(path: string, error: Error): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new BackupError(`Filen ${path} findes ikke.`);
  if (code === 'EISDIR') return new BackupError(`${path} er en mappe, ikke en fil.`);
  if (code === 'EACCES') return new BackupError(`Filen ${path} kan ikke læses (ingen adgang).`);
  if (code?.startsWith('Z_') === true) return damaged(path, 'ikke en gyldig gzip-fil');
  return error;
}
