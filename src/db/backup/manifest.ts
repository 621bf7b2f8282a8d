/**
 * The first pass of a restore: reads the whole file and checks it (every table's rows against
 * its checksum, every line against the end line's checksum) before the database is touched, and
 * returns what it holds. Only the running checksums are kept, so memory stays small; a large
 * value's chunk lines are hashed as they come.
 */
import { TableChecksum } from './checksum.ts';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  CHUNK_BYTES,
  damaged,
  isLargeBytes,
  READABLE_FORMAT_VERSIONS,
  readBackupLines,
  type ColumnInfo,
  type HeaderLine,
  type SequenceValue,
} from './format.ts';

export interface ManifestTable {
  name: string;
  columns: ColumnInfo[];
  rows: number;
  sha256: string;
}

export interface Manifest {
  header: HeaderLine;
  tables: ManifestTable[];
  sequences: SequenceValue[];
  rows: number;
}

export async function readManifest(path: string): Promise<Manifest> {
  let header: HeaderLine | null = null;
  const tables: ManifestTable[] = [];
  let sequences: SequenceValue[] | null = null;
  let open: { name: string; columns: ColumnInfo[]; sum: TableChecksum } | null = null;
  let ended = false;
  let rows = 0;
  const bad = (why: string) => damaged(path, why);

  for await (const { line, digestBefore } of readBackupLines(path)) {
    if (ended) throw bad('der står noget efter slutningen');
    if (typeof line !== 'object' || line === null) throw bad('en linje står forkert');
    if (Array.isArray(line) || line.kind === 'chunk') {
      const columns = open?.columns ?? [];
      const fits = Array.isArray(line)
        ? line.length === columns.length &&
          line.every(
            (cell, i) =>
              cell === null ||
              typeof cell === 'string' ||
              (header?.version !== 1 &&
                columns[i]?.type === 'bytea' &&
                isLargeBytes(cell) &&
                cell.bytes > CHUNK_BYTES),
          )
        : typeof line.data === 'string' && line.data.length <= (CHUNK_BYTES / 3) * 4;
      if (open === null || !fits) throw bad('en række står forkert');
      try {
        open.sum.add(line);
      } catch {
        throw bad('en række står forkert');
      }
      continue;
    }
    if (header === null) {
      if (line.kind !== 'header' || line.format !== BACKUP_FORMAT)
        throw bad('den er ikke lavet med socialaftale backup');
      if (!READABLE_FORMAT_VERSIONS.includes(line.version))
        throw new BackupError(
          `Sikkerhedskopien har formatversion ${line.version}, men dette program læser version ${READABLE_FORMAT_VERSIONS.join(' og ')} (og skriver ${BACKUP_FORMAT_VERSION}). Gendan den med den version af programmet, der lavede den.`,
        );
      header = line;
      continue;
    }
    switch (line.kind) {
      case 'table':
        if (open !== null || sequences !== null) throw bad(`tabellen ${line.name} står forkert`);
        open = { name: line.name, columns: line.columns, sum: new TableChecksum(line.columns) };
        break;
      case 'table-end': {
        if (open?.name !== line.name || open.sum.inRow)
          throw bad(`tabellen ${line.name} slutter forkert`);
        const count = open.sum.rows;
        if (count !== line.rows || open.sum.digest() !== line.sha256)
          throw bad(`tabellen ${line.name} passer ikke med sin kontrolsum`);
        tables.push({ name: open.name, columns: open.columns, rows: count, sha256: line.sha256 });
        rows += count;
        open = null;
        break;
      }
      case 'sequences':
        if (open !== null || sequences !== null) throw bad('sekvenserne står forkert');
        sequences = line.values;
        break;
      case 'end':
        if (open !== null || sequences === null) throw bad('den slutter for tidligt');
        if (line.sha256 !== digestBefore() || line.tables !== tables.length || line.rows !== rows)
          throw bad('filen passer ikke med sin kontrolsum');
        ended = true;
        break;
      case 'header':
        throw bad('den har to begyndelser');
      default:
        throw bad('den har en ukendt linje');
    }
  }
  if (header === null || !ended || sequences === null) throw bad('den er afskåret');
  return { header, tables, sequences, rows };
}
