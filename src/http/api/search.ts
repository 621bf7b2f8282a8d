/**
 * GET /api/search: Danish full-text search over what the viewer may see (the public: open items
 * of published meetings only).
 *
 * Query parameters (all optional but `q`): `q` the words (prefix-matched and ANDed, "quoted
 * phrases", a leading minus excludes a word), `committee` short name (DAS), `from` and `to` years
 * (2019), `section` (welcome, presentation, for-decision, for-information, closing), `decided`
 * (yes/no), `municipality` (a kommune's short name, e.g. Aalborg), `offer` (part of an offer's
 * name), `limit` (1-100, default 20) and `offset`.
 *
 * Answer: `{ query, total, totalExact, limit, offset, hits }`, hits best first, each
 * `{ date, committee, number, title, snippet, highlights, section, meetingId, itemId, url }`.
 * `snippet` is plain text without highlight marks; `highlights` lists the hits in it as
 * `[start, end]` pairs of string offsets (UTF-16 code units, end exclusive), so a client can mark
 * them after escaping the text. When more than 1,000 items match, only the newest 1,000 are
 * ranked: `total` is then 1000 and `totalExact` false ("over 1.000"). Bad parameters give 400
 * with Danish `fields`.
 */
import { Hono } from 'hono';
import type { FieldErrors } from '../../domain/errors.ts';
import { ValidationError } from '../../domain/errors.ts';
import { SECTIONS, type Section } from '../../domain/meetings/index.ts';
import { snippetSegments } from '../../domain/search/snippet.ts';
import { search, type SearchFilters } from '../../services/search.service.ts';
import type { AppEnv } from '../context.ts';

export interface SearchParams {
  q: string;
  filters: SearchFilters;
  /** The values as given, for re-showing the form. */
  values: Record<string, string>;
  errors: FieldErrors;
}

const YEAR = /^\d{4}$/;

/** Reads the search parameters; a bad filter is left out and named in `errors`. */
export function parseSearchParams(query: Record<string, string | undefined>): SearchParams {
  const value = (name: string) => (query[name] ?? '').replace(/\s+/g, ' ').trim();
  const values: Record<string, string> = {};
  for (const name of [
    'q',
    'committee',
    'from',
    'to',
    'section',
    'decided',
    'municipality',
    'offer',
  ])
    values[name] = value(name).slice(0, 300);
  const errors: FieldErrors = {};
  const filters: SearchFilters = {};
  if (values.committee) filters.committee = values.committee;
  for (const [name, key] of [
    ['from', 'yearFrom'],
    ['to', 'yearTo'],
  ] as const) {
    const v = values[name] ?? '';
    if (v === '') continue;
    if (YEAR.test(v)) filters[key] = Number(v);
    else errors[name] = 'Skriv et årstal med fire cifre, fx 2019.';
  }
  if (
    filters.yearFrom !== undefined &&
    filters.yearTo !== undefined &&
    filters.yearTo < filters.yearFrom
  ) {
    errors.to = 'Til-året skal være det samme som eller senere end fra-året.';
    delete filters.yearTo;
  }
  const section = values.section ?? '';
  if (section !== '') {
    if ((SECTIONS as readonly string[]).includes(section)) filters.section = section as Section;
    else errors.section = 'Vælg en af sektionerne på listen.';
  }
  const decided = values.decided ?? '';
  if (decided === 'yes') filters.decided = true;
  else if (decided === 'no') filters.decided = false;
  else if (decided !== '') errors.decided = 'Vælg ja, nej eller alle.';
  if (values.municipality) filters.municipality = values.municipality;
  if (values.offer) filters.offer = values.offer;
  return { q: values.q ?? '', filters, values, errors };
}

/** The plain snippet and its hits as [start, end) offsets. */
export function splitHighlights(snippet: string): { text: string; highlights: [number, number][] } {
  let text = '';
  const highlights: [number, number][] = [];
  for (const segment of snippetSegments(snippet)) {
    if (segment.hit) highlights.push([text.length, text.length + segment.text.length]);
    text += segment.text;
  }
  return { text, highlights };
}

export function intParam(raw: string | undefined, fallback: number, min: number, max: number) {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
}

export const searchApi = new Hono<AppEnv>();

searchApi.get('/search', async (c) => {
  const params = parseSearchParams(c.req.query());
  const errors = { ...params.errors };
  const limit = intParam(c.req.query('limit'), 20, 1, 100);
  const offset = intParam(c.req.query('offset'), 0, 0, 100_000);
  if (limit === null) errors.limit = 'limit skal være et helt tal fra 1 til 100.';
  if (offset === null) errors.offset = 'offset skal være et helt tal fra 0.';
  if (params.q === '') errors.q = 'Skriv hvad der skal søges efter (parameteren q).';
  if (Object.keys(errors).length > 0 || limit === null || offset === null)
    throw new ValidationError(errors, 'Søgningen kunne ikke udføres. Ret parametrene.');
  const result = await search(c.get('services').db, c.get('viewer'), params.q, params.filters, {
    limit,
    offset,
  });
  return c.json({
    query: params.q,
    total: result.total,
    totalExact: result.totalExact,
    limit,
    offset,
    hits: result.hits.map((h) => {
      const { text, highlights } = splitHighlights(h.snippet);
      return {
        date: h.date,
        committee: h.committee,
        number: h.number,
        title: h.title,
        snippet: text,
        highlights,
        section: h.section,
        meetingId: h.meetingId,
        itemId: h.itemId,
        url: `/items/${h.itemId}`,
      };
    }),
  });
});
