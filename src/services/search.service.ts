/**
 * Searching the meetings a viewer may see. The access rules are the meeting domain's
 * (domain/search/visibility.ts derives them from domain/meetings/access.ts): the public finds open
 * items of published meetings only, and decisions only once they are public; closed items never
 * appear, not even their titles, for viewers without access to them.
 */
import type { Db } from '../db/client.ts';
import { searchRepository, type SearchFilters } from '../db/repositories/search.repository.ts';
import type { Section, Viewer } from '../domain/meetings/index.ts';
import {
  buildSearchTerms,
  buildSnippet,
  queryLexemes,
  searchVisibility,
} from '../domain/search/index.ts';

export type { SearchFilters } from '../db/repositories/search.repository.ts';

export interface SearchHit {
  date: string | null;
  committee: string;
  number: number;
  title: string;
  /** A piece of the matching text; hits between U+E000 and U+E001 (domain/search/snippet.ts). */
  snippet: string;
  meetingId: number;
  itemId: number;
  section: Section;
}

export interface SearchResult {
  /** How many items match in all (the hits are one page of them), at most MAX_HITS. */
  total: number;
  /** false when more than MAX_HITS items match: only the newest MAX_HITS are ranked and shown. */
  totalExact: boolean;
  /** Best first. */
  hits: SearchHit[];
  /** The words searched for, folded. */
  words: string[];
}

export interface SearchPage {
  limit?: number;
  offset?: number;
  /** How many of the newest hits are ranked and counted; MAX_HITS unless a test says less. */
  maxHits?: number;
}

const MAX_LIMIT = 200;
/**
 * Only the newest this many hits are ranked: a common word matches most of the archive, and
 * ranking (and counting) all of it cost ten times the rest of a search. "Over 1.000" is shown.
 */
export const MAX_HITS = 1000;

/** The key under which public search pages are cached (searchRepository.publicStamp). */
export function publicSearchStamp(db: Db): Promise<string> {
  return searchRepository(db).publicStamp();
}

/**
 * @param query what the user typed; words are prefix-matched and ANDed, "quoted phrases" keep
 *   their order, a leading minus excludes a word
 */
export async function search(
  db: Db,
  viewer: Viewer,
  query: string,
  filters: SearchFilters = {},
  page: SearchPage = {},
): Promise<SearchResult> {
  const terms = buildSearchTerms(query);
  const empty = { total: 0, totalExact: true, hits: [], words: terms.words };
  if (terms.tsquery === null) return empty;
  const repository = searchRepository(db);
  const tsquery = await repository.buildQuery(terms.parts);
  if (tsquery === null) return empty;
  const access = searchVisibility(viewer, await repository.committeeIds());
  const limit = Math.min(Math.max(Math.trunc(page.limit ?? 20), 1), MAX_LIMIT);
  const offset = Math.max(Math.trunc(page.offset ?? 0), 0);
  const maxHits = Math.max(Math.trunc(page.maxHits ?? MAX_HITS), 1);
  const { rows, total, totalExact } = await repository.search(
    tsquery,
    access,
    filters,
    { limit, offset },
    maxHits,
  );
  return {
    total,
    totalExact,
    words: terms.words,
    hits: rows.map((r) => ({
      date: r.date,
      committee: r.committee,
      number: r.number,
      title: r.title,
      snippet: buildSnippet(r.texts, queryLexemes(r.queryText)),
      meetingId: r.meetingId,
      itemId: r.itemId,
      section: r.section,
    })),
  };
}
