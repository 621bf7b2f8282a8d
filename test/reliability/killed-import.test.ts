/**
 * A real `socialaftale import` of several archive documents killed with SIGKILL in the middle of
 * storing them (after it reports the second of four: the first is written, uncommitted) leaves
 * nothing half-written: the database opens, holds no meeting, item or source of the import, and
 * the same import run again completes. On the PGlite folder (--data) and on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import type { ProcessDb } from '../support/processes.ts';
import { processSuite } from './fixture.ts';

const SEEDS = [
  'das-2012-referat.txt',
  'das-2017-03-02-referat.txt',
  'das-2019-01-22-orientering-og-bilag.txt',
  'das-2021-01-20-dagsorden.txt',
].map((name) => fileURLToPath(new URL(`../../../shared/seeds/${name}`, import.meta.url)));

async function counts(pdb: ProcessDb) {
  const db = await pdb.open();
  try {
    const [row] = await db.query<Record<string, number>>(
      `select (select count(*)::int from meeting) as meetings,
              (select count(*)::int from item) as items,
              (select count(*)::int from archive_source) as sources`,
    );
    return row;
  } finally {
    await db.close();
  }
}

void describe('import killed mid-way', () => {
  const suite = processSuite();

  void it('leaves nothing half-written, and a rerun completes', async () => {
    const pdb = suite.db();
    const before = await counts(pdb);
    const args = ['import', ...SEEDS, '--committee', 'DAS'];
    const child = suite.cli(args);
    await child.waitFor(/Gemmer 2 af 4/);
    child.proc.kill('SIGKILL');
    assert.deepEqual(await child.exited, { code: null, signal: 'SIGKILL' });
    assert.doesNotMatch(child.output(), /Importeret|Opdateret/, 'it was killed before the end');

    assert.deepEqual(await counts(pdb), before, 'no meeting, item or source of the import');

    const rerun = suite.cli(args);
    const exit = await rerun.exited;
    assert.deepEqual(exit, { code: 0, signal: null }, rerun.output());
    const stored = await counts(pdb);
    assert.equal(stored?.sources, (before?.sources ?? 0) + SEEDS.length);
    assert.ok((stored?.meetings ?? 0) > (before?.meetings ?? 0));
    assert.ok((stored?.items ?? 0) > (before?.items ?? 0));
  });
});
