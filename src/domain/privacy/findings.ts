/**
 * The publishing guard's findings: CPR numbers and tables per citizen in the text that is about
 * to be published. A finding says what was found (a CPR number only masked) and where: the
 * item, the field or attachment, and the line. Publishing with findings needs an explicit
 * confirmation (PublishingFindingsError until then).
 */
import { StateError } from '../errors.ts';
import { findCitizenTables } from './citizen-table.ts';
import { scanCpr, type CprRule } from './cpr.ts';

export type FindingKind = 'cpr' | 'citizen-table';

export const FINDING_KIND_LABEL: Record<FindingKind, string> = {
  cpr: 'CPR-nummer',
  'citizen-table': 'Tabel med borgere',
};

/** One piece of public text: a field of an item, an attachment, a row of the appendix. */
export interface PublicText {
  /** the item as the public sees it; null outside a meeting (the tariff appendix) */
  item: { number: number; title: string } | null;
  /** the field ("Sagsfremstilling") or the attachment ("Bilag 2: Notat (notat.pdf)") */
  source: string;
  text: string;
}

export interface Finding {
  kind: FindingKind;
  /** cpr: the masked number (DDMMYY-XXXX); citizen-table: rows and columns, no cell content */
  text: string;
  /** cpr: by modulus 11, or a birth date issued without it; null for a table */
  rule: CprRule | null;
  where: { item: PublicText['item']; source: string; line: number };
}

export const CPR_RULE_LABEL: Record<CprRule, string> = {
  'modulus-11': 'gyldig dato og modulus 11',
  'without-modulus-11': 'gyldig dato blandt dem, der udstedes uden modulus 11',
};

function describeTable(personRows: number, header: readonly string[]): string {
  const rows = `${personRows} rækker med personer`;
  return header.length > 0 ? `${rows}; kolonner: ${header.join(', ')}` : rows;
}

/** Scans the texts; `today` (YYYY-MM-DD) rules out CPR numbers with a birth date to come. */
export function scanPublicTexts(texts: readonly PublicText[], today?: string): Finding[] {
  return texts.flatMap((t) => {
    const where = (line: number) => ({ item: t.item, source: t.source, line });
    const cpr = scanCpr(t.text, today).map((h): Finding => ({
      kind: 'cpr',
      text: h.masked,
      rule: h.rule,
      where: where(h.line),
    }));
    const tables = findCitizenTables(t.text).map((table): Finding => ({
      kind: 'citizen-table',
      text: describeTable(table.personRows, table.header),
      rule: null,
      where: where(table.line),
    }));
    return [...cpr, ...tables].sort((a, b) => a.where.line - b.where.line);
  });
}

export interface FindingCounts {
  total: number;
  cpr: number;
  citizenTables: number;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const cpr = findings.filter((f) => f.kind === 'cpr').length;
  return { total: findings.length, cpr, citizenTables: findings.length - cpr };
}

/** Publishing was refused: there are findings and nobody has confirmed them (HTTP 409). */
export class PublishingFindingsError extends StateError {
  override name = 'PublishingFindingsError';
  constructor(public readonly findings: readonly Finding[]) {
    const { cpr, citizenTables } = countFindings(findings);
    const parts = [
      cpr > 0 ? `${cpr} ${cpr === 1 ? 'muligt CPR-nummer' : 'mulige CPR-numre'}` : '',
      citizenTables > 0
        ? `${citizenTables} ${citizenTables === 1 ? 'tabel' : 'tabeller'} med borgere`
        : '',
    ].filter((p) => p !== '');
    super(
      `Kontrollen fandt ${parts.join(' og ')} i det, der skal offentliggøres. Gennemgå fundene, og bekræft, hvis det alligevel skal offentliggøres.`,
    );
  }
}

/** Throws unless there is nothing to confirm, or the findings were confirmed. */
export function requireConfirmation(findings: readonly Finding[], confirmed: boolean): void {
  if (findings.length > 0 && !confirmed) throw new PublishingFindingsError(findings);
}
