/**
 * Reading a table's rows in canonical form, and its checksum. Shared by the dump and by the
 * check after a restore, so "restored identically" means the same bytes through the same code.
 *
 * Canonical: the stored columns in catalog order, each value in PostgreSQL's text form under
 * fixed settings (UTC, ISO dates, shortest exact floats), bytea as base64, rows in primary-key
 * order with text keys compared bytewise (COLLATE "C"), so PGlite and a server sort alike.
 * Large bytea values are read and hashed in chunks, never whole.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../client.ts';
import { quoteIdent, type TableInfo } from './catalog.ts';
import { base64Length, CHUNK_BYTES, isLargeBytes, type ChunkLine, type Row } from './format.ts';

/** Settings that make the text form of values the same on every store and session. */
export async function useCanonicalSettings(tx: Db): Promise<void> {
  await tx.exec(
    `set local timezone = 'UTC'; set local datestyle = 'ISO, YMD';
     set local intervalstyle = 'postgres'; set local extra_float_digits = 1`,
  );
}

// Rows per fetch: few for tables with file bytes (each value inline is at most CHUNK_BYTES).
const batchSize = (table: TableInfo) => (table.columns.some((c) => c.isBytea) ? 8 : 500);

const toBase64 = (value: unknown) => {
  const bytes = value as Uint8Array;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
};

/**
 * The table's rows in canonical form, each followed by the chunk lines of its large values,
 * through a cursor a batch at a time. A bytea value of more than CHUNK_BYTES is not selected
 * with its row (octet_length reads its size without reading it) but read a chunk at a time by
 * the row's ctid, which stays put in the transaction's snapshot. Must run inside a transaction
 * with the canonical settings.
 */
export async function* readTableRows(tx: Db, table: TableInfo): AsyncGenerator<Row | ChunkLine> {
  const select = table.columns
    .map((c, i) => {
      const name = quoteIdent(c.name);
      if (!c.isBytea) return `${name}::text as c${i}`;
      return `case when octet_length(${name}) > ${CHUNK_BYTES} then null else ${name} end as c${i}, octet_length(${name}) as l${i}`;
    })
    .join(', ');
  const order = table.orderBy
    .map((c) => `${quoteIdent(c.name)}${c.collatable ? ' collate "C"' : ''}`)
    .join(', ');
  const hasBytes = table.columns.some((c) => c.isBytea);
  const cursor = quoteIdent(`backup_${table.name}`);
  await tx.exec(
    `declare ${cursor} no scroll cursor for select ${select}${hasBytes ? ', ctid::text as row_id' : ''} from ${quoteIdent(table.name)} order by ${order}`,
  );
  const size = batchSize(table);
  for (;;) {
    const rows = await tx.query<Record<string, unknown>>(`fetch forward ${size} from ${cursor}`);
    for (const raw of rows) {
      const row: Row = table.columns.map((c, i) => {
        const value = raw[`c${i}`];
        if (c.isBytea && value === null && raw[`l${i}`] !== null)
          return { bytes: Number(raw[`l${i}`]) };
        if (value === null || value === undefined) return null;
        return c.isBytea ? toBase64(value) : (value as string);
      });
      yield row;
      for (const [column, cell] of row.entries()) {
        if (!isLargeBytes(cell)) continue;
        const name = quoteIdent(table.columns[column]?.name ?? '');
        for (let offset = 0; offset < cell.bytes; offset += CHUNK_BYTES) {
          const [chunk] = await tx.query<{ c: Uint8Array }>(
            `select substring(${name} from ${offset + 1} for ${CHUNK_BYTES}) as c
               from ${quoteIdent(table.name)} where ctid = $1::tid`,
            [raw.row_id as string],
          );
          yield { kind: 'chunk', column, data: toBase64(chunk?.c ?? new Uint8Array()) };
        }
      }
    }
    if (rows.length < size) break;
  }
  await tx.exec(`close ${cursor}`);
}

/**
 * A running checksum over one table: its column names, then each canonical row as the JSON of
 * its values inline (`["1","aGVq",null]`), fed a row line and then its chunk lines.
 */
export class TableChecksum {
  private readonly hash = createHash('sha256');
  rows = 0;
  /** The row being hashed, the next cell to hash and the bytes still due of a large value. */
  private open: { row: Row; next: number; remaining: number } | null = null;

  constructor(columns: readonly { name: string }[]) {
    this.hash.update(`${JSON.stringify(columns.map((c) => c.name))}\n`);
  }

  /** Whether a row's large value is still waiting for chunks (the file is then cut short). */
  get inRow(): boolean {
    return this.open !== null;
  }

  /** The column whose chunk comes next, or null when none is due. */
  get expectedColumn(): number | null {
    return this.open === null ? null : this.open.next - 1;
  }

  /** A row line or a chunk line; throws a plain Error when a line is not due here. */
  add(part: Row | ChunkLine): void {
    if (Array.isArray(part)) {
      if (this.open !== null) throw new Error('a row before the chunks of the one before');
      this.rows += 1;
      this.hash.update('[');
      this.open = { row: part, next: 0, remaining: 0 };
    } else {
      const length = base64Length(part.data);
      if (this.open === null || part.column !== this.open.next - 1 || length < 0)
        throw new Error('a chunk that is not due');
      if (length > this.open.remaining) throw new Error('a chunk too many');
      this.hash.update(part.data);
      this.open.remaining -= length;
      if (this.open.remaining > 0) return;
      this.hash.update('"');
    }
    this.advance(this.open);
  }

  // Hashes the cells from `next` up to a large value (its opening quote) or the end of the row.
  private advance(open: { row: Row; next: number; remaining: number }): void {
    while (open.next < open.row.length) {
      const cell = open.row[open.next];
      if (open.next > 0) this.hash.update(',');
      open.next += 1;
      if (isLargeBytes(cell)) {
        this.hash.update('"');
        open.remaining = cell.bytes;
        if (cell.bytes > 0) return;
        this.hash.update('"');
      } else this.hash.update(JSON.stringify(cell));
    }
    this.hash.update(']\n');
    this.open = null;
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

/** The rows and checksum of every table, as they are now in `tx`. */
export async function checksumTables(
  tx: Db,
  tables: readonly TableInfo[],
): Promise<Map<string, { rows: number; sha256: string }>> {
  const result = new Map<string, { rows: number; sha256: string }>();
  for (const table of tables) {
    const sum = new TableChecksum(table.columns);
    for await (const part of readTableRows(tx, table)) sum.add(part);
    result.set(table.name, { rows: sum.rows, sha256: sum.digest() });
  }
  return result;
}
