/**
 * Tariff reporting rules: the reporting window, the lines' checks (required, no negatives,
 * occupancy 0-100 %, a change beyond the limit needs a reason), the report's lock and status.
 * `now` is always passed in.
 */
import { StateError, type FieldErrors } from '../errors.ts';

export const TARIFF_KINDS = ['main', 'supplementary', 'package'] as const;
export type TariffKind = (typeof TARIFF_KINDS)[number];
export const TARIFF_KIND_LABEL: Record<TariffKind, string> = {
  main: 'Hovedydelse',
  supplementary: 'Tillægsydelse',
  package: 'Ydelsespakke',
};

export const TARIFF_UNITS = ['day', 'month', 'hour', 'unit'] as const;
export type TariffUnit = (typeof TARIFF_UNITS)[number];
export const TARIFF_UNIT_LABEL: Record<TariffUnit, string> = {
  day: 'døgn',
  month: 'måned',
  hour: 'time',
  unit: 'enhed',
};

export const REPORT_STATUSES = ['draft', 'submitted', 'approved'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** What the secretariat's overview shows per operator. */
export type OverviewStatus = 'not-started' | 'in-progress' | 'submitted' | 'approved';
export const OVERVIEW_STATUS_LABEL: Record<OverviewStatus, string> = {
  'not-started': 'Ikke påbegyndt',
  'in-progress': 'I gang',
  submitted: 'Indsendt',
  approved: 'Godkendt',
};

export function overviewStatus(
  report: { status: ReportStatus; lineCount: number } | null,
): OverviewStatus {
  if (report === null) return 'not-started';
  if (report.status === 'approved') return 'approved';
  if (report.status === 'submitted') return 'submitted';
  return report.lineCount === 0 ? 'not-started' : 'in-progress';
}

export interface RoundWindow {
  status: 'draft' | 'open' | 'closed';
  opensAt: Date;
  deadline: Date;
  correctionOpensAt: Date | null;
  correctionDeadline: Date | null;
}

export type RoundPhase =
  'draft' | 'not-yet-open' | 'open' | 'after-deadline' | 'correction' | 'closed';

export const ROUND_PHASE_LABEL: Record<RoundPhase, string> = {
  draft: 'Ikke åbnet',
  'not-yet-open': 'Åbner senere',
  open: 'Åben for indberetning',
  'after-deadline': 'Fristen er overskredet',
  correction: 'Åben for korrektion',
  closed: 'Lukket',
};

export function roundPhase(round: RoundWindow, now: Date): RoundPhase {
  if (round.status === 'draft') return 'draft';
  if (round.status === 'closed') return 'closed';
  const t = now.getTime();
  if (t < round.opensAt.getTime()) return 'not-yet-open';
  if (t <= round.deadline.getTime()) return 'open';
  if (
    round.correctionOpensAt !== null &&
    round.correctionDeadline !== null &&
    t >= round.correctionOpensAt.getTime() &&
    t <= round.correctionDeadline.getTime()
  )
    return 'correction';
  return 'after-deadline';
}

/** Throws a Danish StateError unless operators may report now. */
export function assertReportingOpen(round: RoundWindow, now: Date): void {
  const phase = roundPhase(round, now);
  if (phase === 'open' || phase === 'correction') return;
  const messages: Record<Exclude<RoundPhase, 'open' | 'correction'>, string> = {
    draft: 'Takstindberetningen er ikke åbnet endnu.',
    'not-yet-open': `Takstindberetningen åbner ${formatDanishDateTime(round.opensAt)}.`,
    'after-deadline': `Fristen for takstindberetningen var ${formatDanishDateTime(round.deadline)}. Kontakt sekretariatet.`,
    closed: 'Takstindberetningen er lukket.',
  };
  throw new StateError(messages[phase]);
}

/** A submitted or approved report is locked until the secretariat reopens it. */
export function assertReportEditable(report: { status: ReportStatus }): void {
  if (report.status === 'submitted')
    throw new StateError(
      'Indberetningen er indsendt og låst. Sekretariatet kan genåbne den, hvis der skal rettes.',
    );
  if (report.status === 'approved')
    throw new StateError('Indberetningen er godkendt og kan ikke ændres.');
}

/** |cur − prev| / prev > limit, exactly (limit in hundredths of a percent). */
export function exceedsChangeLimit(previous: number, current: number, limit: number): boolean {
  if (previous === 0) return current !== 0;
  const diff = BigInt(Math.abs(current - previous)) * 10000n;
  return diff > BigInt(limit) * BigInt(previous);
}

/** The change in hundredths of a percent, rounded half away from zero; null without a previous tariff. */
export function changeHundredths(previous: number | null, current: number): number | null {
  if (previous === null || previous === 0) return null;
  const num = BigInt(current - previous) * 10000n;
  const den = BigInt(previous);
  const neg = num < 0n;
  const abs = neg ? -num : num;
  const rounded = (abs * 2n + den) / (2n * den);
  return Number(neg ? -rounded : rounded);
}

export interface LineInput {
  offerId: number;
  kind: TariffKind;
  service: string;
  unit: TariffUnit;
  /** øre */
  amount: number;
  basisAmount: number | null;
  serviceAmount: number | null;
  /** hundredths of a percent */
  occupancy: number | null;
  changeReason: string;
}

/** The key that ties a line to last year's tariff of the same offer, service and unit. */
export function historyKey(l: { offerId: number; service: string; unit: TariffUnit }): string {
  return `${l.offerId}|${l.service.trim().toLowerCase()}|${l.unit}`;
}

/**
 * Checks a report's lines; field names are "lines.<i>.<field>".
 * @param previous last year's tariff per historyKey (øre)
 * @param limit hundredths of a percent (1000 = ±10 %)
 */
export function checkLines(
  lines: readonly LineInput[],
  previous: ReadonlyMap<string, number>,
  limit: number,
  allowedOfferIds: ReadonlySet<number>,
): FieldErrors {
  const errors: FieldErrors = {};
  const seen = new Set<string>();
  lines.forEach((l, i) => {
    const f = (name: string) => `lines.${i}.${name}`;
    if (!allowedOfferIds.has(l.offerId)) errors[f('offerId')] = 'Vælg et af jeres egne tilbud.';
    if (l.service.trim() === '') errors[f('service')] = 'Skriv ydelsens navn.';
    if (l.amount < 0) errors[f('amount')] = 'Taksten må ikke være negativ.';
    if (l.basisAmount !== null && l.basisAmount < 0)
      errors[f('basisAmount')] = 'Basistaksten må ikke være negativ.';
    if (l.serviceAmount !== null && l.serviceAmount < 0)
      errors[f('serviceAmount')] = 'Servicetaksten må ikke være negativ.';
    if (
      l.basisAmount !== null &&
      l.serviceAmount !== null &&
      l.basisAmount + l.serviceAmount !== l.amount
    )
      errors[f('serviceAmount')] = 'Basistakst og servicetakst skal tilsammen give taksten.';
    if (l.occupancy !== null && (l.occupancy < 0 || l.occupancy > 10000))
      errors[f('occupancy')] = 'Belægningsprocenten skal ligge mellem 0 og 100.';
    const key = historyKey(l);
    if (seen.has(key)) errors[f('service')] = 'Ydelsen står to gange for samme tilbud og enhed.';
    seen.add(key);
    const prev = previous.get(key);
    if (
      prev !== undefined &&
      exceedsChangeLimit(prev, l.amount, limit) &&
      l.changeReason.trim() === ''
    ) {
      errors[f('changeReason')] =
        `Taksten ændres mere end ${limit / 100} % i forhold til sidste år. Skriv en begrundelse.`;
    }
  });
  return errors;
}

const MONTHS = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
];

/** Parts of an instant in Danish time (Europe/Copenhagen). */
export function copenhagenParts(at: Date): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
} {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Copenhagen',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? '0');
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
  };
}

/** "6. august 2021 kl. 10.00" (Danish time). */
export function formatDanishDateTime(at: Date): string {
  const p = copenhagenParts(at);
  const hh = String(p.hour).padStart(2, '0');
  const mm = String(p.minute).padStart(2, '0');
  return `${p.day}. ${MONTHS[p.month - 1] ?? ''} ${p.year} kl. ${hh}.${mm}`;
}

/** "12 dage og 3 timer", "2 timer og 5 minutter", or "Fristen er overskredet". */
export function timeToDeadline(now: Date, deadline: Date): string {
  const ms = deadline.getTime() - now.getTime();
  if (ms < 0) return 'Fristen er overskredet';
  const minutes = Math.floor(ms / 60000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  if (days > 0) return `${plural(days, 'dag', 'dage')} og ${plural(hours, 'time', 'timer')}`;
  return `${plural(hours, 'time', 'timer')} og ${plural(mins, 'minut', 'minutter')}`;
}

/**
 * A Danish date and time ("06.08.2021 10:00", "6.8.2021 kl. 10.00", "2021-08-06T10:00") as the
 * instant in Danish time; null when unreadable.
 */
export function parseDanishDateTime(input: string): Date | null {
  const s = input.trim();
  const m =
    /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:\s+(?:kl\.?\s*)?|T|\s*)(\d{1,2})[:.](\d{2})$/.exec(s) ??
    null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/.exec(s);
  let y: number, mo: number, d: number, h: number, mi: number;
  if (m) [y, mo, d, h, mi] = [Number(m[3]), Number(m[2]), Number(m[1]), Number(m[4]), Number(m[5])];
  else if (iso)
    [y, mo, d, h, mi] = [
      Number(iso[1]),
      Number(iso[2]),
      Number(iso[3]),
      Number(iso[4]),
      Number(iso[5]),
    ];
  else return null;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  // Find the UTC instant whose Copenhagen wall time is the given one (offset +1 or +2).
  for (const offset of [1, 2]) {
    const at = new Date(Date.UTC(y, mo - 1, d, h - offset, mi));
    const p = copenhagenParts(at);
    if (p.year === y && p.month === mo && p.day === d && p.hour === h && p.minute === mi) return at;
  }
  return null;
}
