/**
 * The access rules (domain/meetings/access.ts) as SQL, for queries that filter or label items in
 * the database: search, and the places that point at an item from elsewhere (an offer's history,
 * a group's approvals, the tariff appendix's "Godkendt af", a deficit model); and the users named
 * on a personal item, which lists load with their rows for canSeeAccess.
 */
import { HIDDEN_TITLE } from '../../domain/meetings/index.ts';

/**
 * An item's title as anyone may see it: the real title of an open item; for a closed or personal
 * item "Lukket punkt", with its neutral public title when it has one. Used where an item is only
 * referred to (a label beside something else), so the reference never reveals a closed title.
 *
 * @param item the alias of the `item` table in the query
 */
export function publicItemTitleSql(item: string): string {
  return `(case when ${item}.access = 'open' then ${item}.title
    else '${HIDDEN_TITLE}' || coalesce(': ' || ${item}.public_title, '') end)`;
}

/**
 * The ids of the users named on item `itemId` (an SQL expression) as a jsonb array, for
 * canSeeAccess: loaded in the same query as the list of items, not one query per item.
 */
export function namedUserIdsSql(itemId: string): string {
  return `(select coalesce(jsonb_agg(v.user_id order by v.user_id), '[]'::jsonb) from item_viewer v
    where v.item_id = ${itemId})`;
}

/** Parameter placeholders ($n) of the viewer's rights, as searchVisibility gives them. */
export interface AccessParams {
  /** jsonb array of the committee ids whose closed items the viewer reads */
  closedCommitteeIds: string;
  /** boolean: the viewer reads every personal item (the secretariat) */
  seesAllPersonal: string;
  /** integer or null: the viewer's user id, for the items that name the viewer */
  userId: string;
}

/**
 * Whether the viewer may read content at the access level in column `access`, of item `itemId`
 * in committee `committeeId` (SQL expressions): open to all, closed to the committee's readers,
 * personal to the users named on the item (item_viewer) and the secretariat.
 */
export function accessPredicateSql(
  access: string,
  itemId: string,
  committeeId: string,
  p: AccessParams,
): string {
  return `(${access} = 'open'
    or (${access} = 'closed' and ${committeeId} = any(array(select (jsonb_array_elements_text(${p.closedCommitteeIds}::jsonb))::int)))
    or (${access} = 'personal' and (${p.seesAllPersonal}::boolean
      or exists (select 1 from item_viewer iv where iv.item_id = ${itemId} and iv.user_id = ${p.userId}::int))))`;
}
