/**
 * `socialaftale threads [--json]`: lists case threads as a public visitor may see them (closed
 * items and unpublished meetings left out). `--json` prints the CONTRACT shape:
 * [{ id, title, items: [{ date, committee, number, title }] }], items in date order.
 */
import type { Db } from '../../db/client.ts';
import { ANONYMOUS } from '../../domain/meetings/index.ts';
import { listThreads } from '../../services/thread.service.ts';
import { UsageError, type Command } from '../io.ts';
import { withoutDataFlag } from './import.ts';

const USAGE = 'Brug: socialaftale threads [--json]';

export function makeThreadsCommand(openDb: () => Promise<Db>): Command {
  return async (rawArgs, io) => {
    const args = withoutDataFlag(rawArgs);
    const unknown = args.filter((a) => a !== '--json');
    if (unknown.length > 0)
      throw new UsageError(`Ukendt argument: ${unknown.join(' ')}.\n${USAGE}`);
    const db = await openDb();
    try {
      const threads = await listThreads(db, ANONYMOUS);
      if (args.includes('--json')) {
        const json = threads.map((t) => ({
          id: String(t.id),
          title: t.title,
          items: t.items.map((i) => ({
            date: i.date,
            committee: i.committee,
            number: i.number,
            title: i.title,
          })),
        }));
        io.stdout(`${JSON.stringify(json, null, 2)}\n`);
        return 0;
      }
      if (threads.length === 0) {
        io.stdout('Der er ingen sagsforløb endnu.\n');
        return 0;
      }
      const lines: string[] = [];
      for (const t of threads) {
        lines.push(`${t.title} (${t.items.length} punkter)`);
        for (const i of t.items)
          lines.push(`  ${i.date ?? 'uden dato'} ${i.committee}, punkt ${i.number}: ${i.title}`);
      }
      io.stdout(`${lines.join('\n')}\n`);
      return 0;
    } finally {
      await db.close();
    }
  };
}
