/**
 * Rows the services only link to, written for tests: an agreement plan with activities on items,
 * a case thread through given items, and a seed document imported into the archive.
 */
import { readFileSync } from 'node:fs';
import type { Db } from '../../src/db/client.ts';
import { importDocument } from '../../src/services/archive-import.service.ts';
import type { Clock } from '../../src/services/clock.ts';

export interface PlanFixture {
  agreement: number;
  focusArea: number;
  initiative: number;
  /** the activities' ids, in the order given */
  activities: number[];
}

async function id(db: Db, sql: string, params: unknown[]): Promise<number> {
  const [row] = await db.query<{ id: number }>(sql, params as never[]);
  if (row === undefined) throw new Error(`Ingen række: ${sql}`);
  return row.id;
}

/**
 * One agreement (2021–2022), one focus area, one initiative of `committeeId`, and one activity in
 * 2021 per entry of `activities`.
 */
export async function insertPlan(
  db: Db,
  committeeId: number,
  activities: readonly { title: string; itemId: number | null; period: 'h1' | 'h2' }[],
): Promise<PlanFixture> {
  const agreement = await id(
    db,
    `insert into agreement (name, period_start, period_end, vision) values ('Rammeaftale', 2021, 2022, 'Vision') returning id`,
    [],
  );
  const focusArea = await id(
    db,
    `insert into focus_area (agreement_id, number, title) values ($1, 1, 'Fokus') returning id`,
    [agreement],
  );
  const initiative = await id(
    db,
    `insert into initiative (focus_area_id, code, title, committee_id) values ($1, '1A', 'Initiativ', $2) returning id`,
    [focusArea, committeeId],
  );
  const ids: number[] = [];
  for (const a of activities)
    ids.push(
      await id(
        db,
        `insert into plan_activity (initiative_id, year, period, title, item_id)
         values ($1, 2021, $2, $3, $4) returning id`,
        [initiative, a.period, a.title, a.itemId],
      ),
    );
  return { agreement, focusArea, initiative, activities: ids };
}

/** A confirmed, manual case thread through `itemIds` (no rebuild needed); its id. */
export async function insertThread(db: Db, title: string, itemIds: readonly number[]) {
  const thread = await id(
    db,
    `insert into case_thread (title, manual) values ($1, true) returning id`,
    [title],
  );
  for (const itemId of itemIds)
    await db.query(
      `insert into thread_item (thread_id, item_id, manual, confirmed) values ($1, $2, true, true)`,
      [thread, itemId],
    );
  return thread;
}

/** Imports a seed document of ../shared/seeds (DAS when it names no committee); its source. */
export async function importSeed(
  db: Db,
  clock: Clock,
  filename: string,
): Promise<{ id: number; meetingId: number }> {
  const bytes = readFileSync(new URL(`../../../shared/seeds/${filename}`, import.meta.url));
  await importDocument(db, { filename, bytes }, clock, {
    fallbackCommittee: 'DAS',
    rebuildThreads: false,
  });
  const [source] = await db.query<{ id: number; meetingId: number }>(
    `select id, meeting_id as "meetingId" from archive_source where filename = $1 order by id desc limit 1`,
    [filename],
  );
  if (source === undefined) throw new Error(`${filename} blev ikke importeret`);
  return source;
}
