/**
 * Recognises the items every agenda has (approve the agenda and the minutes, Evt., Næste møde)
 * and the recurring generic items ("Orientering om FU beslutninger") from their printed titles.
 * Such items are never a case of their own, so they are never linked into a case thread.
 */
import type { StandardKind } from '../meetings/index.ts';

const STANDARD_PATTERNS: readonly [RegExp, StandardKind][] = [
  [/^godkendelse\s+af\s+(?:den\s+)?dagsorden(?:en)?\b/i, 'approve-agenda'],
  [/^godkendelse\s+af\s+(?:\S+\s+)?referat(?:et)?\b/i, 'approve-minutes'],
  [/^(?:evt\.?|eventuelt)$/i, 'any-other-business'],
  [/^næste\s+møde(?:r)?\b/i, 'next-meeting'],
];

/**
 * The standard kind an archive item's title shows, or null for a case item.
 *
 * @example standardKindOfTitle('Godkendelse af referat fra mødet den 17. november 2016') // 'approve-minutes'
 */
export function standardKindOfTitle(title: string): StandardKind | null {
  const t = title.normalize('NFC').trim().replace(/\s+/g, ' ');
  for (const [pattern, kind] of STANDARD_PATTERNS) if (pattern.test(t)) return kind;
  return null;
}

// Items that recur on every agenda with a different content each time: news from the executive
// committee, the chair or the secretariat, a round of the table, the meeting calendar.
const GENERIC_PATTERNS: readonly RegExp[] = [
  /^orientering\s+(?:om|fra|vedr\.?|vedrørende)\s+(?:\S+\s+)?(?:fu|forretningsudvalget(?:s)?|formandskabet(?:s)?|sekretariatet(?:s)?|kkr|kdk)\b(?:\s+(?:beslutninger|møder?|drøftelser))?\s*$/i,
  /^(?:nyt|meddelelser|orienteringer?)\s+(?:fra|om)\s+(?:fu|formandskabet|sekretariatet|kkr|kdk|kl)\b/i,
  /^(?:gensidig\s+orientering|orientering\s+fra\s+medlemmerne|runde?\s+om\s+bordet|bordet\s+rundt)\b/i,
  /^(?:meddelelser|orienteringspunkter|eventuelt|evt\.?)$/i,
  /^(?:forslag\s+til\s+)?mødekalender\b/i,
  /^(?:forslag\s+til\s+)?mødeplan\b/i,
];

/** Whether the item recurs on agendas without being a case (see GENERIC_PATTERNS). */
export function isGenericTitle(title: string): boolean {
  const t = title.normalize('NFC').trim().replace(/\s+/g, ' ');
  return GENERIC_PATTERNS.some((pattern) => pattern.test(t));
}

/** Whether an item can belong to a case thread at all. */
export function isLinkable(item: { title: string; standardKind: StandardKind | null }): boolean {
  return (
    item.standardKind === null &&
    standardKindOfTitle(item.title) === null &&
    !isGenericTitle(item.title)
  );
}
