/**
 * Reading a table's rows in canonical form, and its checksum. Shared by the dump and by the
 * check after a restore, so "restored identically" means the same bytes through the same code.
 *
 * Canonical: the stored columns in catalog order, each value in PostgreSQL's text form under
 * fixed settings (UTC, ISO dates, shortest exact floats), bytea as base64, rows in primary-key
 * order with text keys compared bytewise (COLLATE "C"), so PGlite and a server sort alike.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../client.ts';
import { quoteIdent, type TableInfo } from './catalog.ts';
import type { Row } from './format.ts';

/** Settings that make the text form of values the same on every store and session. */
export async function useCanonicalSettings(tx: Db): Promise<void> {
  await tx.exec(
    `set local timezone = 'UTC'; set local datestyle = 'ISO, YMD';
     set local intervalstyle = 'postgres'; set local extra_float_digits = 1`,
  );
}

// Rows per fetch: few for tables with file bytes (an attachment may be tens of megabytes).
const batchSize = (table: TableInfo) => (table.columns.some((c) => c.isBytea) ? 4 : 500);

const toBase64 = (value: unknown) => {
  const bytes = value as Uint8Array;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
};

/**
 * Calls `onBatch` with the table's rows, a batch at a time, through a cursor. Must run inside a
 * transaction with the canonical settings.
 */
export async function readTableRows(
  tx: Db,
  table: TableInfo,
  onBatch: (rows: Row[]) => Promise<void>,
): Promise<void> {
  const select = table.columns
    .map((c, i) => `${quoteIdent(c.name)}${c.isBytea ? '' : '::text'} as c${i}`)
    .join(', ');
  const order = table.orderBy
    .map((c) => `${quoteIdent(c.name)}${c.collatable ? ' collate "C"' : ''}`)
    .join(', ');
  const cursor = `backup_${table.name}`;
  await tx.exec(
    `declare ${quoteIdent(cursor)} no scroll cursor for select ${select} from ${quoteIdent(table.name)} order by ${order}`,
  );
  const size = batchSize(table);
  for (;;) {
    const rows = await tx.query<Record<string, unknown>>(
      `fetch forward ${size} from ${quoteIdent(cursor)}`,
    );
    if (rows.length === 0) break;
    await onBatch(
      rows.map((row) =>
        table.columns.map((c, i) => {
          const value = row[`c${i}`];
          if (value === null || value === undefined) return null;
          return c.isBytea ? toBase64(value) : (value as string);
        }),
      ),
    );
    if (rows.length < size) break;
  }
  await tx.exec(`close ${quoteIdent(cursor)}`);
}

/** A running checksum over one table: its column names, then each canonical row. */
export class TableChecksum {
  private readonly hash = createHash('sha256');
  rows = 0;

  constructor(columns: readonly { name: string }[]) {
    this.hash.update(`${JSON.stringify(columns.map((c) => c.name))}\n`);
  }

  add(row: Row): void {
    this.hash.update(`${JSON.stringify(row)}\n`);
    this.rows += 1;
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
    await readTableRows(tx, table, (rows) => {
      for (const row of rows) sum.add(row);
      return Promise.resolve();
    });
    result.set(table.name, { rows: sum.rows, sha256: sum.digest() });
  }
  return result;
}
