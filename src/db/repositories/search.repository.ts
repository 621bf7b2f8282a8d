/**
 * Danish full-text search over items, their decisions and their attachments' text.
 *
 * Candidates come from three GIN-indexed matches (item text, decisions where the viewer sees
 * decisions, attachment text the viewer may read), then the visibility rules and filters, then
 * Lists (stages, committee ids) are compared with = any(array(...)): as `in (select …)` the
 * planner made them a join and ran the whole hit union once per element.
 * ranking: ts_rank with weights (D 0.1, C 0.2, B 0.4, A 1.0) plus a bonus for a hit in the title
 * (1.0) and in a visible decision (0.5), so titles and decisions come before body text. Only the
 * page of results returned carries its texts, for the snippet (domain/search/snippet.ts).
 */
import type { Section, Stage } from '../../domain/meetings/index.ts';
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
  total: number;
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
     * @param tsquery text for to_tsquery('danish', …), built by domain/search (sanitised)
     */
    async search(
      tsquery: string,
      access: SearchAccess,
      filters: SearchFilters,
      page: { limit: number; offset: number },
    ): Promise<SearchRow[]> {
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
      const where: string[] = [
        `m.stage = any(array(select jsonb_array_elements_text($2::jsonb)))`,
        accessPredicateSql('i.access', 'i.id', 'm.committee_id', rights),
      ];
      if (filters.committee !== undefined)
        where.push(`lower(c.short_name) = lower(${add(filters.committee)})`);
      if (filters.yearFrom !== undefined)
        where.push(`m.date >= make_date(${add(filters.yearFrom)}::int, 1, 1)`);
      if (filters.yearTo !== undefined)
        where.push(`m.date < make_date(${add(filters.yearTo)}::int + 1, 1, 1)`);
      if (filters.section !== undefined) where.push(`i.section = ${add(filters.section)}`);
      if (filters.decided !== undefined)
        where.push(`${filters.decided ? '' : 'not '}(i.decision <> '' and v.decisions_visible)`);
      if (filters.municipality !== undefined)
        where.push(
          `exists (select 1 from item_mention im where im.item_id = i.id and im.kind = 'municipality'
             and lower(im.value) = lower(${add(filters.municipality)}))`,
        );
      if (filters.offer !== undefined)
        where.push(
          `exists (select 1 from item_mention im where im.item_id = i.id and im.kind = 'offer'
             and lower(im.value) like '%' || lower(${add(likeLiteral(filters.offer))}) || '%')`,
        );
      const limit = add(page.limit);
      const offset = add(page.offset);

      return db.query<SearchRow>(
        `with q as (select to_tsquery('danish', $1) as query),
         hits as (
           select i.id from item i, q where i.search_vector @@ q.query
           union
           select i.id from item i join meeting m on m.id = i.meeting_id, q
             where i.decision_vector @@ q.query and m.stage = any(array(select jsonb_array_elements_text($3::jsonb)))
           union
           select a.item_id from attachment a join item i on i.id = a.item_id
             join meeting m on m.id = i.meeting_id, q
             where a.search_vector @@ q.query
               and ${accessPredicateSql('a.access', 'i.id', 'm.committee_id', rights)}
         ),
         ranked as (
           select i.id as item_id, m.id as meeting_id, m.committee_id, m.date, c.short_name as committee, i.number,
             i.title, i.section, v.decisions_visible,
             ts_rank('{0.1, 0.2, 0.4, 1.0}',
                     i.search_vector || case when v.decisions_visible then i.decision_vector else ''::tsvector end,
                     q.query)
               + case when ts_filter(i.search_vector, '{a}') @@ q.query then 1.0 else 0 end
               + case when v.decisions_visible and i.decision_vector @@ q.query then 0.5 else 0 end
               as rank,
             count(*) over () as total
           from hits h
           join item i on i.id = h.id
           join meeting m on m.id = i.meeting_id
           join committee c on c.id = m.committee_id
           cross join q
           cross join lateral (select m.stage = any(array(select jsonb_array_elements_text($3::jsonb))) as decisions_visible) v
           where ${where.join(' and ')}
           order by rank desc, m.date desc nulls last, i.number, i.id
           limit ${limit} offset ${offset}
         )
         select r.item_id as "itemId", r.meeting_id as "meetingId", r.date, r.committee, r.number,
           r.title, r.section, r.rank::float8 as rank, r.total, q.query::text as "queryText",
           jsonb_build_array(i.summary, item_recommendations_text(i.recommendations),
             case when r.decisions_visible then i.decision else '' end,
             case when r.decisions_visible then i.post_meeting_note else '' end,
             i.case_description, i.body,
             coalesce((select string_agg(coalesce(a.text, a.title), ' … ' order by a.position) from attachment a
                 where a.item_id = i.id
                   and ${accessPredicateSql('a.access', 'i.id', 'r.committee_id', rights)}
                   and a.search_vector @@ q.query), '')) as texts
         from ranked r join item i on i.id = r.item_id cross join q
         order by r.rank desc, r.date desc nulls last, r.number, r.item_id`,
        params,
      );
    },
  };
}
export type SearchRepository = ReturnType<typeof searchRepository>;
