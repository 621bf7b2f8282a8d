/**
 * Reading a previous year's tariff appendix (takstbilag) to start the tariff history. Pure: the
 * caller turns an XLSX or CSV file into rows of text cells (header row first; row i of the table
 * is row i+1 of the file) and hands over the offer register. Columns as the product writes them:
 *   Driftsherre | Tilbud | Ydelse | Målgruppe | Lovgrundlag | Pladser | Takst forrige år | Takst |
 *   Ændring %
 * Only Driftsherre, Tilbud, Ydelse and Takst are read; the order is free. Ydelse is written
 * "Døgnophold (døgn)" (the unit in brackets), or the unit is given in its own column "Enhed".
 * Amounts in Danish kroner ("12.995,50", "13.491"). The product's total rows ("I alt …") and empty
 * rows are skipped. Every row that cannot be read is a problem with its row number.
 */
import { ValidationError } from '../errors.ts';
import { parseKroner } from '../offers/money.ts';
import { historyKey, TARIFF_UNIT_LABEL, TARIFF_UNITS, type TariffUnit } from './rules.ts';

export interface AppendixImportOffer {
  id: number;
  name: string;
  /** The operator's name as the appendix shows it. */
  operator: string;
}

export interface ImportedHistoryRow {
  offerId: number;
  service: string;
  unit: TariffUnit;
  /** øre */
  amount: number;
}

export interface AppendixImportProblem {
  /** The row number in the file, or null for the file as a whole. */
  readonly line: number | null;
  readonly message: string;
}

export interface AppendixImportResult {
  rows: ImportedHistoryRow[];
  problems: AppendixImportProblem[];
}

/** A file that could not be imported: every problem with its row number; nothing was stored. */
export class AppendixImportError extends ValidationError {
  override name = 'AppendixImportError';
  constructor(public readonly problems: readonly AppendixImportProblem[]) {
    super(
      {
        file: problems
          .slice(0, 5)
          .map((p) => (p.line === null ? p.message : `Række ${p.line}: ${p.message}`))
          .join(' '),
      },
      'Takstbilaget kunne ikke importeres, og intet er gemt. Ret fejlene og prøv igen.',
    );
  }
}

type Column = 'operator' | 'offer' | 'service' | 'unit' | 'amount';

const HEADERS: Record<Column, readonly string[]> = {
  operator: ['driftsherre'],
  offer: ['tilbud', 'tilbuddets navn'],
  service: ['ydelse'],
  unit: ['enhed'],
  amount: ['takst', 'takst (kr.)', 'takst kr.', 'takst i kr.'],
};
const REQUIRED: readonly Column[] = ['operator', 'offer', 'service', 'amount'];
const LABEL: Record<Column, string> = {
  operator: 'Driftsherre',
  offer: 'Tilbud',
  service: 'Ydelse',
  unit: 'Enhed',
  amount: 'Takst',
};

const norm = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
const normHeader = (s: string | undefined) => norm(s).replace(/\s*:$/, '');

function columnsOf(row: readonly string[]): Partial<Record<Column, number>> {
  const found: Partial<Record<Column, number>> = {};
  row.forEach((cell, i) => {
    const h = normHeader(cell);
    for (const col of Object.keys(HEADERS) as Column[])
      if (found[col] === undefined && HEADERS[col].includes(h)) found[col] = i;
  });
  return found;
}

/** The index of the header row (the first row naming Tilbud, Ydelse and Takst), or -1. */
export function findAppendixHeader(table: readonly (readonly string[])[]): number {
  return table.findIndex((row) => {
    const cols = columnsOf(row);
    return cols.offer !== undefined && cols.service !== undefined && cols.amount !== undefined;
  });
}

const UNIT_BY_LABEL = new Map<string, TariffUnit>(
  TARIFF_UNITS.map((u) => [TARIFF_UNIT_LABEL[u], u] as const),
);

/** "Døgnophold (døgn)" → Døgnophold, day; without a known unit in brackets the unit is null. */
export function splitService(text: string): { service: string; unit: TariffUnit | null } {
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(text.trim());
  const unit = m ? UNIT_BY_LABEL.get(norm(m[2])) : undefined;
  if (m && unit !== undefined) return { service: (m[1] ?? '').trim(), unit };
  return { service: text.trim(), unit: null };
}

function unitOf(text: string): TariffUnit | null {
  const t = norm(text).replace(/^pr\.?\s*/, '');
  return UNIT_BY_LABEL.get(t) ?? TARIFF_UNITS.find((u) => u === t) ?? null;
}

/** A total row as the product writes it: "I alt …" with no offer and no service. */
const isTotalRow = (row: readonly string[], cols: Partial<Record<Column, number>>) =>
  /^i alt\b/.test(norm(row[0])) &&
  norm(row[cols.offer ?? -1]) === '' &&
  norm(row[cols.service ?? -1]) === '';

const units = TARIFF_UNITS.map((u) => TARIFF_UNIT_LABEL[u]).join(', ');

/**
 * Reads the appendix rows and matches them to the register's offers by operator and offer name
 * (case and spacing ignored). All problems are reported; `rows` is only meant to be stored when
 * `problems` is empty.
 */
export function readAppendixImport(
  table: readonly (readonly string[])[],
  offers: readonly AppendixImportOffer[],
): AppendixImportResult {
  const headerAt = findAppendixHeader(table);
  if (headerAt < 0) {
    return {
      rows: [],
      problems: [
        {
          line: null,
          message:
            'Filen har ingen overskriftsrække med kolonnerne Driftsherre, Tilbud, Ydelse og Takst. ' +
            'Brug takstbilagets kolonner (som i det takstbilag, systemet laver).',
        },
      ],
    };
  }
  const cols = columnsOf(table[headerAt] ?? []);
  const missing = REQUIRED.filter((c) => cols[c] === undefined);
  if (missing.length > 0) {
    return {
      rows: [],
      problems: [
        {
          line: headerAt + 1,
          message: `Overskriftsrækken mangler kolonnen ${missing.map((c) => LABEL[c]).join(' og ')}.`,
        },
      ],
    };
  }
  const byName = new Map<string, AppendixImportOffer[]>();
  for (const o of offers) {
    const list = byName.get(norm(o.name)) ?? [];
    list.push(o);
    byName.set(norm(o.name), list);
  }
  const cell = (row: readonly string[], c: Column) =>
    cols[c] === undefined ? '' : (row[cols[c]] ?? '').trim();

  const rows: ImportedHistoryRow[] = [];
  const problems: AppendixImportProblem[] = [];
  const seen = new Map<string, number>();
  for (let i = headerAt + 1; i < table.length; i++) {
    const row = table[i] ?? [];
    const line = i + 1;
    if (row.every((c) => c.trim() === '') || isTotalRow(row, cols)) continue;
    const problem = (message: string) => problems.push({ line, message });
    const operator = cell(row, 'operator');
    const offerName = cell(row, 'offer');
    const serviceText = cell(row, 'service');
    const amountText = cell(row, 'amount');

    let offer: AppendixImportOffer | undefined;
    if (offerName === '') problem('Tilbuddet mangler.');
    else {
      const named = byName.get(norm(offerName)) ?? [];
      offer = named.find((o) => norm(o.operator) === norm(operator));
      if (offer === undefined) {
        const other = named[0];
        problem(
          other === undefined
            ? `Tilbuddet "${offerName}" findes ikke i tilbudsregistret. Tjek stavningen, eller opret tilbuddet først.`
            : `Tilbuddet "${offerName}" findes ikke hos driftsherren "${operator}"; i registret hører det til "${other.operator}".`,
        );
      }
    }

    let service = '';
    let unit: TariffUnit | null = null;
    if (serviceText === '') problem('Ydelsen mangler.');
    else {
      const split = splitService(serviceText);
      service = split.service;
      unit = split.unit;
      const unitText = cell(row, 'unit');
      if (unit === null && unitText !== '') {
        unit = unitOf(unitText);
        if (unit === null) problem(`Enheden "${unitText}" kendes ikke; skriv en af ${units}.`);
      } else if (unit === null)
        problem(
          `Ydelsen "${serviceText}" mangler enheden; skriv fx "${service || 'Døgnophold'} (døgn)" (${units}).`,
        );
      if (service === '') problem('Ydelsen mangler.');
    }

    let amount: number | null = null;
    if (amountText === '') problem('Taksten mangler.');
    else {
      amount = parseKroner(amountText);
      if (amount === null) problem(`Taksten "${amountText}" er ikke et beløb; skriv fx 12.995,50.`);
      else if (amount < 0) {
        problem(`Taksten "${amountText}" er negativ; en takst kan ikke være under 0 kr.`);
        amount = null;
      }
    }

    if (offer !== undefined && service !== '' && unit !== null) {
      const key = historyKey({ offerId: offer.id, service, unit });
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        problem(
          `Ydelsen "${service} (${TARIFF_UNIT_LABEL[unit]})" for "${offer.name}" står også i række ${earlier}.`,
        );
        continue;
      }
      seen.set(key, line);
      if (amount !== null) rows.push({ offerId: offer.id, service, unit, amount });
    }
  }
  if (rows.length === 0 && problems.length === 0)
    problems.push({ line: null, message: 'Filen har ingen takster under overskriftsrækken.' });
  return { rows, problems };
}
