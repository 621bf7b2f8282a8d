/**
 * Danish full-text search over items, their decisions and their attachments' text.
 *
 * First the query is completed: each word of five letters or more also finds the compounds it
 * ends, looked up in `search_word` ("indberetning" | 'takstindberetning'). Then candidates come
 * from three matches (item text, decisions where the viewer sees decisions, attachment text the
 * viewer may read), each already filtered by the visibility rules and the filters, and each cut
 * to the newest `maxHits + 1` items. The item text and decisions are matched in `search_entry` and
 * `search_rank` (migration 0016): narrow copies of each item with its meeting's date, stage and
 * committee, so the GIN index's matches are read from a few small pages and need no join. Only
 * the newest `maxHits` are ranked, on the small vectors of `search_rank`, and only the page shown
 * carries its texts, for the snippet (domain/search/snippet.ts). The extra hit tells whether there
 * were more than `maxHits` (the count is then not exact: counting every match of a common word
 * cost more than the whole search).
 *
 * Lists (stages, committee ids) are compared with = any(array(...)); a kommune or offer filter
 * is a semi-join on the matches.
 * Ranking: ts_rank over title (A), decision (B, where visible) and summary and recommendations
 * (C), plus a bonus for a hit in the title (1.0) and in a visible decision (0.5), so titles and
 * decisions come before the rest; a hit only in the case description or body ranks last, newest
 * first.
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

/**
 * The tsquery (as PostgreSQL prints it) with its phrase operators (<->, <N>) made AND, or null
 * when it has none. Quoted lexemes are left as they are.
 */
export function withoutPhrases(tsquery: string): string | null {
  let found = false;
  const parts = tsquery.split(/('(?:[^']|'')*')/);
  const out = parts.map((part, i) =>
    i % 2 === 1
      ? part
      : part.replace(/<(?:-|\d+)>/g, () => {
          found = true;
          return '&';
        }),
  );
  return found ? out.join('') : null;
}

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
     * A stamp that changes whenever anything a public search page shows may have changed: every
     * meeting's content stamp (moved by triggers on the meeting, its items, attachments and
     * mentions; migrations 0009 and 0016), meetings added or deleted, and the committees and
     * organisations the page's filters list, and the meeting table's file number, which every
     * restore changes (stamps may come back to values an old page was cached under). The key of
     * the cache of public search pages.
     */
    async publicStamp(): Promise<string> {
      const [row] = await db.query<{ stamp: string }>(
        `select concat_ws(':', m.n, m.total, m.newest, pg_relation_filenode('meeting'),
           (select md5(coalesce(string_agg(c::text, ',' order by c.id), '')) from committee c),
           (select md5(coalesce(string_agg(o::text, ',' order by o.id), '')) from organisation o)) as stamp
           from (select count(*) as n, coalesce(sum(content_stamp), 0) as total,
                        coalesce(max(id), 0) as newest from meeting) m`,
      );
      return row?.stamp ?? '';
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
      const decisionsVisibleIn = (hit: string) =>
        `${hit}.stage = any(array(select jsonb_array_elements_text($3::jsonb)))`;
      const decisionsVisible = decisionsVisibleIn('e');
      const where: string[] = [
        `e.stage = any(array(select jsonb_array_elements_text($2::jsonb)))`,
        accessPredicateSql('e.access', 'e.item_id', 'e.committee_id', rights),
      ];
      if (filters.committee !== undefined)
        where.push(
          `e.committee_id = (select c.id from committee c where lower(c.short_name) = lower(${add(filters.committee)}))`,
        );
      if (filters.yearFrom !== undefined)
        where.push(`e.meeting_date >= make_date(${add(filters.yearFrom)}::int, 1, 1)`);
      if (filters.yearTo !== undefined)
        where.push(`e.meeting_date < make_date(${add(filters.yearTo)}::int + 1, 1, 1)`);
      if (filters.section !== undefined) where.push(`e.section = ${add(filters.section)}`);
      if (filters.decided !== undefined)
        where.push(`${filters.decided ? '' : 'not '}(e.has_decision and ${decisionsVisible})`);
      // The items a kommune or offer filter leaves, as a semi-join on the GIN index's matches:
      // reading the mentioned items first meant reading each one's text vector.
      const mentions: string[] = [];
      if (filters.municipality !== undefined)
        mentions.push(`select im.item_id from item_mention im where im.kind = 'municipality'
             and lower(im.value) = lower(${add(filters.municipality)})`);
      if (filters.offer !== undefined)
        mentions.push(`select im.item_id from item_mention im where im.kind = 'offer'
             and lower(im.value) like '%' || lower(${add(likeLiteral(filters.offer))}) || '%'`);
      const visible = [
        ...where,
        ...mentions.map((m) => `exists (${m} and im.item_id = e.item_id)`),
      ].join(' and ');
      const max = add(maxHits);
      // What a hit carries on to ranking, so ranking reads only the small vectors.
      const hitColumns = 'e.item_id, e.meeting_date, e.meeting_id, e.committee_id, e.stage';
      const newest = `order by e.meeting_date desc nulls last, e.item_id desc limit ${max}::int + 1`;
      // A phrase is checked on the text vector itself (GIN only knows that both words occur), so
      // its candidates are the items with all the words, and the phrase is checked newest first
      // only until enough are found (offset 0 keeps the planner from moving the check inside).
      const allWords = withoutPhrases(tsquery);
      const textHits =
        allWords === null
          ? `(select ${hitColumns} from search_entry e
               where e.text_vector @@ $1::tsquery and ${visible} ${newest})`
          : `(select ${hitColumns} from (
                select ${hitColumns}, e.text_vector from search_entry e
                 where e.text_vector @@ ${add(allWords)}::tsquery and ${visible}
                 order by e.meeting_date desc nulls last, e.item_id desc
                offset 0) e
               where e.text_vector @@ $1::tsquery limit ${max}::int + 1)`;
      const limit = add(page.limit);
      const offset = add(page.offset);
      type Row = Omit<SearchRow, 'itemId'> & { itemId: number | null; matched: number };
      // The planner takes a text match of most of the archive for a seq scan that reads every
      // text vector out of line; the GIN bitmap needs none of them. So within this one query
      // seq scans are off (search_entry has no other index a match could walk), and so is JIT,
      // which the cost of a refused seq scan would otherwise switch on.
      const rows = await db.transaction(async (tx) => {
        await tx.query(
          `select set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true)`,
        );
        return tx.query<Row>(
          `with hits as (
           select * from (
             ${textHits}
             union
             (select ${hitColumns} from search_rank d
                join search_entry e on e.item_id = d.item_id
               where d.decision_vector @@ $1::tsquery and ${decisionsVisible} and ${visible} ${newest})
             union
             (select ${hitColumns} from attachment a
                join search_entry e on e.item_id = a.item_id
               where a.search_vector @@ $1::tsquery
                 and ${accessPredicateSql('a.access', 'e.item_id', 'e.committee_id', rights)}
                 and ${visible}
               group by e.item_id ${newest})
           ) u
           order by meeting_date desc nulls last, item_id desc limit ${max}::int + 1
         ),
         ranked as (
           select h.item_id, h.meeting_id, h.committee_id, h.meeting_date as date,
             v.decisions_visible,
             ts_rank('{0.1, 0.2, 0.4, 1.0}',
                     k.title_vector || k.summary_vector
                       || case when v.decisions_visible then k.decision_vector else ''::tsvector end,
                     $1::tsquery)
               + case when k.title_vector @@ $1::tsquery then 1.0 else 0 end
               + case when v.decisions_visible and k.decision_vector @@ $1::tsquery then 0.5 else 0 end
               as rank
           from (select * from hits
                  order by meeting_date desc nulls last, item_id desc limit ${max}) h
           join search_rank k on k.item_id = h.item_id
           cross join lateral (select ${decisionsVisibleIn('h')} as decisions_visible) v
         ),
         shown as (
           select * from ranked
           order by rank desc, date desc nulls last, item_id
           limit ${limit} offset ${offset}
         )
         select (select count(*)::int from hits) as matched,
           r.item_id as "itemId", r.meeting_id as "meetingId", r.date, c.short_name as committee,
           i.number, i.title, i.section, r.rank::float8 as rank, $1::tsquery::text as "queryText",
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
         order by r.rank desc, r.date desc nulls last, r.item_id`,
          params,
        );
      });
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
