/**
 * The offer register's rules: the steering agreement's categories, coverage per year from the
 * entry and withdrawal events, places per section on a date, the reinforced cooperation's status.
 */

export const CATEGORIES = [1, 2, 3] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABEL: Record<Category, string> = {
  1: 'Kategori 1: bruges kun af driftsherren selv',
  2: 'Kategori 2: bruges af én eller få andre kommuner',
  3: 'Kategori 3: bruges i betydeligt omfang af andre kommuner',
};

/**
 * Whether the steering agreement covers an offer of this category: 1 never; 2 unless the
 * operator has an equivalent agreement with the buyers; 3 always.
 */
export function categoryCovers(category: Category, equivalentAgreement: boolean): boolean {
  switch (category) {
    case 1:
      return false;
    case 2:
      return !equivalentAgreement;
    case 3:
      return true;
  }
}

export const EVENT_KINDS = ['entry', 'withdrawal', 'change'] as const;
export type OfferEventKind = (typeof EVENT_KINDS)[number];
export const EVENT_KIND_LABEL: Record<OfferEventKind, string> = {
  entry: 'Indmeldt',
  withdrawal: 'Udmeldt',
  change: 'Ændret',
};

export interface CoverageEvent {
  kind: OfferEventKind;
  effectiveYear: number;
  date: string;
  id: number;
}

/**
 * Covered in `year` when the latest entry or withdrawal counting for that year (effective year
 * ≤ year; ties by date then id) is an entry. "change" events do not change coverage.
 */
export function coveredInYear(events: readonly CoverageEvent[], year: number): boolean {
  const relevant = events
    .filter((e) => e.kind !== 'change' && e.effectiveYear <= year)
    .sort(
      (a, b) => a.effectiveYear - b.effectiveYear || a.date.localeCompare(b.date) || a.id - b.id,
    );
  return relevant.at(-1)?.kind === 'entry';
}

export interface SectionPlaces {
  section: string;
  subsection: string;
  places: number;
  validFrom: string;
  validTo: string | null;
}

export function validOn<T extends { validFrom: string; validTo: string | null }>(
  rows: readonly T[],
  date: string,
): T[] {
  return rows.filter((r) => r.validFrom <= date && (r.validTo === null || r.validTo >= date));
}

/** The offer's places on a date: the sum over the sections valid that day. */
export function placesOn(sections: readonly SectionPlaces[], date: string): number {
  return validOn(sections, date).reduce((sum, s) => sum + s.places, 0);
}

/** "§ 108", "§ 107, stk. 2" */
export function sectionLabel(s: { section: string; subsection: string }): string {
  const base = /^\d/.test(s.section) ? `§ ${s.section}` : s.section;
  return s.subsection === '' ? base : `${base}, ${s.subsection}`;
}

export const REINFORCED_STATUSES = ['covered', 'emergency-track', 'withdrawn'] as const;
export type ReinforcedStatus = (typeof REINFORCED_STATUSES)[number];
export const REINFORCED_LABEL: Record<ReinforcedStatus, string> = {
  covered: 'Omfattet',
  'emergency-track': 'Nødspor',
  withdrawn: 'Udmeldt',
};

/** The status in force on a date: the latest change on or before it; null when never in. */
export function reinforcedStatusOn<T extends { status: ReinforcedStatus; validFrom: string }>(
  history: readonly T[],
  date: string,
): ReinforcedStatus | null {
  const before = history
    .filter((h) => h.validFrom <= date)
    .sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  return before.at(-1)?.status ?? null;
}

/** An operator user reaches offers run by its organisation and by that organisation's units. */
export function operatorReaches(
  viewerOrganisationId: number,
  operator: { id: number; parentId: number | null },
): boolean {
  return operator.id === viewerOrganisationId || operator.parentId === viewerOrganisationId;
}
