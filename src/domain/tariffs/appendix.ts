/**
 * The tariff appendix (takstbilag): rows grouped by operator with totals of places. Pure: the
 * XLSX and PDF writers and the public page render this one structure.
 */
import { changeHundredths, TARIFF_UNIT_LABEL, type TariffUnit } from './rules.ts';

export interface AppendixSourceLine {
  operator: string;
  offerId: number;
  offer: string;
  service: string;
  unit: TariffUnit;
  targetGroups: readonly string[];
  lawSections: readonly string[];
  places: number;
  /** øre, null when last year had no tariff for this service */
  previous: number | null;
  /** øre */
  amount: number;
}

export interface AppendixRow {
  operator: string;
  offer: string;
  /** "Døgnophold (døgn)" */
  service: string;
  targetGroup: string;
  lawSection: string;
  /** shown on the offer's first row only, so totals count each offer once */
  places: number | null;
  previous: number | null;
  amount: number;
  /** hundredths of a percent; null without last year's tariff */
  change: number | null;
}

export interface AppendixGroup {
  operator: string;
  rows: AppendixRow[];
  totalPlaces: number;
}

export interface Appendix {
  year: number;
  groups: AppendixGroup[];
  totalPlaces: number;
  offerCount: number;
  rowCount: number;
}

export const APPENDIX_COLUMNS = [
  'Driftsherre',
  'Tilbud',
  'Ydelse',
  'Målgruppe',
  'Lovgrundlag',
  'Pladser',
  'Takst forrige år',
  'Takst',
  'Ændring %',
] as const;

// Not 'da': Danish collation files "Aalborg" under Å, after Vesthimmerland and the region.
const collator = new Intl.Collator('en');

export function buildAppendix(year: number, lines: readonly AppendixSourceLine[]): Appendix {
  const byOperator = new Map<string, AppendixSourceLine[]>();
  for (const l of lines) {
    const list = byOperator.get(l.operator) ?? [];
    list.push(l);
    byOperator.set(l.operator, list);
  }
  const groups: AppendixGroup[] = [...byOperator.entries()]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([operator, list]) => {
      const sorted = [...list].sort(
        (a, b) => collator.compare(a.offer, b.offer) || a.offerId - b.offerId,
      );
      const seen = new Set<number>();
      let totalPlaces = 0;
      const rows = sorted.map((l): AppendixRow => {
        const first = !seen.has(l.offerId);
        seen.add(l.offerId);
        if (first) totalPlaces += l.places;
        return {
          operator,
          offer: l.offer,
          service: `${l.service} (${TARIFF_UNIT_LABEL[l.unit]})`,
          targetGroup: l.targetGroups.join(', '),
          lawSection: l.lawSections.join(', '),
          places: first ? l.places : null,
          previous: l.previous,
          amount: l.amount,
          change: changeHundredths(l.previous, l.amount),
        };
      });
      return { operator, rows, totalPlaces };
    });
  return {
    year,
    groups,
    totalPlaces: groups.reduce((s, g) => s + g.totalPlaces, 0),
    offerCount: new Set(lines.map((l) => l.offerId)).size,
    rowCount: lines.length,
  };
}
