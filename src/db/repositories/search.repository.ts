/**
 * Danish full-text search over items, their decisions and their attachments' text.
 *
 * First the query is completed: each word of five letters or more also finds the compounds it
 * ends, looked up in `search_word` ("indberetning" | 'takstindberetning'). Then candidates come
 * from three matches (item text, decisions where the viewer sees decisions, attachment text the
 * viewer may read), each already filtered by the visibility rules and the filters, and each cut
 * to the newest `maxHits + 1` items: walking meetings newest first stops early for a common word,
 * and a rare one comes from the GIN index. Only the newest `maxHits` are ranked, and only the page
 * shown carries its texts, for the snippet (domain/search/snippet.ts). The extra hit tells
 * whether there were more than `maxHits` (the count is then not exact: counting every match of a
 * common word cost more than the whole search).
 *
 * Lists (stages, committee ids, the items a kommune or offer filter leaves) are compared with
 * = any(array(...)): as `in (select …)` the planner made them a join and ran the hit union once
 * per element, and as `exists` it matched the words in every item before the kommune.
 * Ranking: ts_rank with weights (D 0.1, C 0.2, B 0.4, A 1.0) plus a bonus for a hit in the title
 * (1.0) and in a visible decision (0.5), so titles and decisions come before body text.
 */
import type { Section, Stage } from '../../domain/meetings/index.ts';
import { MIN_TAIL_LENGTH } from '../../domain/search/index.ts';
import type { Db, Param } from '../client.ts';
import { accessPredicateSql } from './access-sql.ts';

export interface SearchFilters {
  /** Committee short name ("DAS"). */
  committee?: string;
  yearFrom?: number;
  yearTo?: number;
  section?: Section;
  /** true: only items with a (visible) decision; false: only items without one. */
  decided?: boolean;
  /** A kommune the item mentions ("Aalborg"). */
  municipality?: string;
  /** (Part of) the name of an offer the item mentions ("Kvisten"). */
  offer?: string;
}

export interface SearchAccess {
  meetingStages: readonly Stage[];
  decisionStages: readonly Stage[];
  closedCommitteeIds: readonly number[];
  seesAllPersonal: boolean;
  userId: number | null;
}

export interface SearchRow {
  itemId: number;
  meetingId: number;
  date: string | null;
  committee: string;
  number: number;
  title: string;
  section: Section;
  /** The texts a snippet may come from, in order of preference; only what the viewer may read. */
  texts: string[];
  /** The parsed query as PostgreSQL prints it, for finding the hits in the texts. */
  queryText: string;
  rank: number;
}

export interface SearchRows {
  rows: SearchRow[];
  /** How many items match, at most `maxHits`. */
  total: number;
  /** false when more than `maxHits` items match (`total` is then `maxHits`). */
  totalExact: boolean;
}

/** One ANDed part of a query (domain/search/query.ts SearchPart). */
export interface QueryPart {
  query: string;
  negated: boolean;
  tail: string | null;
}

// The stem, not only the word typed, must be long enough: "borger" stems to "borg", and
// "Aalborg" is no compound of "borger".
/** At most this many compounds are added for one word (the first alphabetically). */
const MAX_TAIL_WORDS = 50;

/** Escapes LIKE wildcards so user text matches literally. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function searchRepository(db: Db) {
  return {
    /** Every committee id, active or not: what the visibility rules are applied to. */
    async committeeIds(): Promise<number[]> {
      return (await db.query<{ id: number }>(`select id from committee order by id`)).map(
        (r) => r.id,
      );
    },

    /**
     * The tsquery for the parts, ANDed, each word ORed with the compounds it ends; null when
     * nothing searchable is left (only stop words).
     */
    async buildQuery(parts: readonly QueryPart[]): Promise<string | null> {
      const [row] = await db.query<{ query: string | null }>(
        `select tsquery_and_all(case when p.negated then !! e.query else e.query end
                                order by p.ord)::text as query
           from jsonb_array_elements($1::jsonb) with ordinality as e0(part, ord)
           cross join lateral (select e0.ord, e0.part->>'query' as query,
                                      (e0.part->>'negated')::boolean as negated,
                                      e0.part->>'tail' as tail) p
           cross join lateral (select to_tsquery('danish', p.query) as base,
                                      reverse((ts_lexize('danish_stem', p.tail))[1]) as reversed) b
           cross join lateral (
             select case when t.words is null then b.base else b.base || t.words end as query
               from (select tsquery_or_all(('''' || w.word || '''')::tsquery) as words
                       from (select sw.word from search_word sw
                              where length(b.reversed) >= ${MIN_TAIL_LENGTH}
                                and reverse(sw.word) ~>=~ b.reversed
                                and reverse(sw.word) ~<~ (b.reversed || chr(1114111))
                                and reverse(sw.word) <> b.reversed
                              order by sw.word limit ${MAX_TAIL_WORDS}) w) t) e`,
        [parts.map((p) => ({ query: p.query, negated: p.negated, tail: p.tail }))],
      );
      const query = row?.query ?? null;
      return query === null || query === '' ? null : query;
    },

    /**
     * @param tsquery a tsquery as buildQuery prints it
     * @param maxHits how many of the newest hits are ranked and counted
     */
    async search(
      tsquery: string,
      access: SearchAccess,
      filters: SearchFilters,
      page: { limit: number; offset: number },
      maxHits: number,
    ): Promise<SearchRows> {
      const params: Param[] = [
        tsquery,
        access.meetingStages,
        access.decisionStages,
        access.closedCommitteeIds,
        access.seesAllPersonal,
        access.userId,
      ];
      const rights = { closedCommitteeIds: '$4', seesAllPersonal: '$5', userId: '$6' };
      const add = (value: Param) => {
        params.push(value);
        return `$${params.length}`;
      };
      const decisionsVisible = `m.stage = any(array(select jsonb_array_elements_text($3::jsonb)))`;
      const where: string[] = [
        `m.stage = any(array(select jsonb_array_elements_text($2::jsonb)))`,
        accessPredicateSql('i.access', 'i.id', 'm.committee_id', rights),
      ];
      if (filters.committee !== undefined)
        where.push(
          `m.committee_id = (select c.id from committee c where lower(c.short_name) = lower(${add(filters.committee)}))`,
        );
      if (filters.yearFrom !== undefined)
        where.push(`m.date >= make_date(${add(filters.yearFrom)}::int, 1, 1)`);
      if (filters.yearTo !== undefined)
        where.push(`m.date < make_date(${add(filters.yearTo)}::int + 1, 1, 1)`);
      if (filters.section !== undefined) where.push(`i.section = ${add(filters.section)}`);
      if (filters.decided !== undefined)
        where.push(`${filters.decided ? '' : 'not '}(i.decision <> '' and ${decisionsVisible})`);
      // The items a kommune or offer filter leaves. The item text matches most items for a
      // common word, so there the mentions lead (= any: the planner then reads those items by
      // key); decisions and attachments match few, so there the GIN index leads (exists).
      const mentions: string[] = [];
      if (filters.municipality !== undefined)
        mentions.push(`select im.item_id from item_mention im where im.kind = 'municipality'
             and lower(im.value) = lower(${add(filters.municipality)})`);
      if (filters.offer !== undefined)
        mentions.push(`select im.item_id from item_mention im where im.kind = 'offer'
             and lower(im.value) like '%' || lower(${add(likeLiteral(filters.offer))}) || '%'`);
      const visible = [
        ...where,
        ...mentions.map((m) => `exists (${m} and im.item_id = i.id)`),
      ].join(' and ');
      const visibleByMention = [...where, ...mentions.map((m) => `i.id = any(array(${m}))`)].join(
        ' and ',
      );
      const max = add(maxHits);
      const newest = `order by m.date desc nulls last, i.id desc limit ${max}::int + 1`;
      const limit = add(page.limit);
      const offset = add(page.offset);
      const rows = await db.query<
        Omit<SearchRow, 'itemId'> & { itemId: number | null; matched: number }
      >(
        `with hits as (
           select id, date from (
             (select i.id, m.date from item i join meeting m on m.id = i.meeting_id
               where i.search_vector @@ $1::tsquery and ${visibleByMention} ${newest})
             union
             (select i.id, m.date from item i join meeting m on m.id = i.meeting_id
               where i.decision_vector @@ $1::tsquery and ${decisionsVisible} and ${visible} ${newest})
             union
             (select i.id, m.date from attachment a join item i on i.id = a.item_id
                join meeting m on m.id = i.meeting_id
               where a.search_vector @@ $1::tsquery and ${accessPredicateSql('a.access', 'i.id', 'm.committee_id', rights)}
                 and ${visible}
               group by i.id, m.date ${newest})
           ) u
           order by date desc nulls last, id desc limit ${max}::int + 1
         ),
         ranked as (
           select i.id as item_id, m.id as meeting_id, m.committee_id, m.date, i.number, i.title,
             i.section, v.decisions_visible,
             ts_rank('{0.1, 0.2, 0.4, 1.0}',
                     i.search_vector || case when v.decisions_visible then i.decision_vector else ''::tsvector end,
                     $1::tsquery)
               + case when ts_filter(i.search_vector, '{a}') @@ $1::tsquery then 1.0 else 0 end
               + case when v.decisions_visible and i.decision_vector @@ $1::tsquery then 0.5 else 0 end
               as rank
           from (select id from hits order by date desc nulls last, id desc limit ${max}) h
           join item i on i.id = h.id
           join meeting m on m.id = i.meeting_id
           cross join lateral (select ${decisionsVisible} as decisions_visible) v
         ),
         shown as (
           select * from ranked
           order by rank desc, date desc nulls last, number, item_id
           limit ${limit} offset ${offset}
         )
         select (select count(*)::int from hits) as matched,
           r.item_id as "itemId", r.meeting_id as "meetingId", r.date, c.short_name as committee,
           r.number, r.title, r.section, r.rank::float8 as rank, $1::tsquery::text as "queryText",
           jsonb_build_array(i.summary, item_recommendations_text(i.recommendations),
             case when r.decisions_visible then i.decision else '' end,
             case when r.decisions_visible then i.post_meeting_note else '' end,
             i.case_description, i.body,
             coalesce((select string_agg(coalesce(a.text, a.title), ' … ' order by a.position) from attachment a
                 where a.item_id = i.id
                   and ${accessPredicateSql('a.access', 'i.id', 'r.committee_id', rights)}
                   and a.search_vector @@ $1::tsquery), '')) as texts
         from (select 1) one
         left join shown r on true
         left join item i on i.id = r.item_id
         left join committee c on c.id = r.committee_id
         order by r.rank desc, r.date desc nulls last, r.number, r.item_id`,
        params,
      );
      const matched = rows[0]?.matched ?? 0;
      return {
        rows: rows.flatMap(({ matched: _, itemId, ...row }) =>
          itemId === null ? [] : [{ ...row, itemId }],
        ),
        total: Math.min(matched, maxHits),
        totalExact: matched <= maxHits,
      };
    },
  };
}
export type SearchRepository = ReturnType<typeof searchRepository>;
