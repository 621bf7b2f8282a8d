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
  /** How many items match in all (the hits are one page of them). */
  total: number;
  /** Best first. */
  hits: SearchHit[];
  /** The words searched for, folded. */
  words: string[];
}

export interface SearchPage {
  limit?: number;
  offset?: number;
}

const MAX_LIMIT = 200;

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
  if (terms.tsquery === null) return { total: 0, hits: [], words: terms.words };
  const repository = searchRepository(db);
  const access = searchVisibility(viewer, await repository.committeeIds());
  const limit = Math.min(Math.max(Math.trunc(page.limit ?? 20), 1), MAX_LIMIT);
  const offset = Math.max(Math.trunc(page.offset ?? 0), 0);
  const rows = await repository.search(terms.tsquery, access, filters, {
    limit,
    offset,
  });
  return {
    total: rows[0]?.total ?? 0,
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
