/**
 * `socialaftale search QUERY [--json]`: searches what a public visitor may see (an anonymous
 * viewer), best first. `--json` prints the CONTRACT array of { date, committee, number, title,
 * snippet } (snippet without highlight marks); otherwise a Danish list with hits in «».
 */
import type { Db } from '../../db/client.ts';
import { ANONYMOUS, SECTIONS, type Section } from '../../domain/meetings/index.ts';
import { markHighlights, stripHighlights } from '../../domain/search/index.ts';
import { search, type SearchFilters } from '../../services/search.service.ts';
import { UsageError, type Command } from '../io.ts';
import { withoutDataFlag } from './import.ts';

const USAGE =
  'Brug: socialaftale search SØGEORD... [--json] [--committee KORTNAVN] [--from ÅR] [--to ÅR] [--section SEKTION] [--limit N]';

function year(value: string | undefined, flag: string): number {
  if (value === undefined || !/^\d{4}$/.test(value))
    throw new UsageError(`${flag} skal efterfølges af et årstal, fx ${flag} 2020.\n${USAGE}`);
  return Number(value);
}

export function makeSearchCommand(openDb: () => Promise<Db>): Command {
  return async (rawArgs, io) => {
    const args = withoutDataFlag(rawArgs);
    let json = false;
    let limit = 20;
    const filters: SearchFilters = {};
    const words: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const arg = args[i] ?? '';
      switch (arg) {
        case '--json':
          json = true;
          break;
        case '--committee': {
          const value = args[++i];
          if (value === undefined) throw new UsageError(`--committee mangler et udvalg.\n${USAGE}`);
          filters.committee = value;
          break;
        }
        case '--from':
          filters.yearFrom = year(args[++i], '--from');
          break;
        case '--to':
          filters.yearTo = year(args[++i], '--to');
          break;
        case '--section': {
          const value = args[++i] ?? '';
          if (!(SECTIONS as readonly string[]).includes(value))
            throw new UsageError(`--section skal være en af: ${SECTIONS.join(', ')}.`);
          filters.section = value as Section;
          break;
        }
        case '--limit': {
          const value = Number(args[++i]);
          if (!Number.isInteger(value) || value < 1 || value > 200)
            throw new UsageError(`--limit skal være et helt tal fra 1 til 200.\n${USAGE}`);
          limit = value;
          break;
        }
        default:
          if (arg.startsWith('--')) throw new UsageError(`Ukendt tilvalg: ${arg}.\n${USAGE}`);
          words.push(arg);
      }
    }
    const query = words.join(' ').trim();
    if (query === '') throw new UsageError(`Angiv hvad der skal søges efter.\n${USAGE}`);

    const db = await openDb();
    try {
      const result = await search(db, ANONYMOUS, query, filters, { limit });
      if (json) {
        const hits = result.hits.map((h) => ({
          date: h.date,
          committee: h.committee,
          number: h.number,
          title: h.title,
          snippet: stripHighlights(h.snippet),
        }));
        io.stdout(`${JSON.stringify(hits, null, 2)}\n`);
        return 0;
      }
      if (result.total === 0) {
        io.stdout(`Ingen resultater for "${query}".\n`);
        return 0;
      }
      const shown = !result.totalExact
        ? `Over ${result.total.toLocaleString('da-DK')} resultater; de ${result.hits.length} bedste blandt de ${result.total.toLocaleString('da-DK')} nyeste:`
        : result.total > result.hits.length
          ? `${result.total.toLocaleString('da-DK')} resultater; de ${result.hits.length} bedste:`
          : `${result.total.toLocaleString('da-DK')} ${result.total === 1 ? 'resultat' : 'resultater'}:`;
      const lines = [shown];
      for (const h of result.hits) {
        lines.push(`${h.date ?? 'uden dato'} ${h.committee}, punkt ${h.number}: ${h.title}`);
        if (h.snippet !== '') lines.push(`    ${markHighlights(h.snippet, '«', '»')}`);
      }
      io.stdout(`${lines.join('\n')}\n`);
      return 0;
    } finally {
      await db.close();
    }
  };
}
