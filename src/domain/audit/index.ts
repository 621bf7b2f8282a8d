/**
 * The audit trail (logbog) as users read it: which tables are logged and what they are called in
 * Danish, who made a change when nobody was logged in, and each event's changes as field rows
 * (before → after) with values written out for reading. The events themselves are written by the
 * database triggers of migration 0012.
 */
import {
  ACCESS_LABEL,
  formatDanishDate,
  formatTime,
  OUTCOME_LABEL,
  SECTION_LABEL,
  STAGE_LABEL,
} from '../meetings/index.ts';
import { formatDanishDateTime } from '../tariffs/index.ts';

/** The logged tables and what a user calls a row of each. Keep in step with migrations 0012 and 0013. */
export const AUDITED_TABLES = {
  meeting: 'Møde',
  item: 'Punkt',
  item_viewer: 'Navngiven læser af punkt med personoplysninger',
  attendance: 'Deltager eller afbud',
  attachment: 'Bilag',
  decision_correction: 'Rettelse af beslutning',
  written_response: 'Svar i skriftlig høring',
  follow_up: 'Opfølgning',
  offer: 'Tilbud',
  offer_section: 'Tilbuddets paragraf og pladser',
  offer_event: 'Tilbuddets optagelse eller udtræden',
  offer_reinforced_status: 'Forstærket samarbejde',
  offer_annual_report: 'Årsrapport',
  tariff_round: 'Takstrunde',
  tariff_report: 'Taksindberetning',
  tariff_line: 'Takstlinje',
  tariff_fixed_share: 'Objektiv finansiering',
  tariff_history: 'Godkendt takst',
  committee: 'Udvalg eller gruppe',
  committee_membership: 'Medlemskab',
  person: 'Person',
  group_charter: 'Kommissorium',
  group_approval: 'Godkendelse af gruppe',
  member_profile: 'Medlemsprofil',
  wanted_profile: 'Ønsket profil',
  nomination_round: 'Udpegningsrunde',
  nomination: 'Indstilling til gruppe',
  agreement: 'Aftale',
  focus_area: 'Fokusområde',
  initiative: 'Initiativ',
  plan_activity: 'Aktivitet i planen',
  app_user: 'Bruger',
  publishing_confirmation: 'Offentliggørelse trods fund',
} as const;
export type AuditedTable = keyof typeof AUDITED_TABLES;
export const AUDITED_TABLE_NAMES = Object.keys(AUDITED_TABLES) as AuditedTable[];

export const isAuditedTable = (name: string): name is AuditedTable =>
  Object.hasOwn(AUDITED_TABLES, name);

export type AuditOperation = 'insert' | 'update' | 'delete';

export const OPERATION_LABEL: Record<AuditOperation, string> = {
  insert: 'Oprettet',
  update: 'Ændret',
  delete: 'Slettet',
};

/**
 * Who made a change when no user did: the command line, a visitor who was not logged in, or the
 * database itself (a migration, a change made directly in the database).
 */
export const ACTOR_LABELS = {
  cli: 'kommandolinje',
  anonymous: 'ikke logget ind',
  system: 'system',
} as const;
export const NON_USER_ACTORS: readonly string[] = Object.values(ACTOR_LABELS);

export interface AuditEvent {
  id: number;
  at: Date;
  actorUserId: number | null;
  actorLabel: string;
  table: string;
  rowKey: string;
  operation: AuditOperation;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  changedColumns: string[];
}

/** Column names users meet often; the rest are shown as they are called in the database. */
const COLUMN_LABEL: Record<string, string> = {
  id: 'Id',
  title: 'Titel',
  public_title: 'Offentlig titel',
  name: 'Navn',
  short_name: 'Kortnavn',
  email: 'E-mail',
  role: 'Rolle',
  active: 'Aktiv',
  kind: 'Type',
  date: 'Dato',
  start_time: 'Starttid',
  end_time: 'Sluttid',
  place: 'Sted',
  status: 'Status',
  stage: 'Fase',
  cancel_reason: 'Begrundelse for aflysning',
  number: 'Nummer',
  section: 'Sektion',
  access: 'Adgang',
  summary: 'Resumé',
  recommendations: 'Indstilling',
  case_description: 'Sagsfremstilling',
  presenter: 'Fremlægger',
  decision: 'Beslutning',
  outcome: 'Udfald',
  post_meeting_note: 'Efterskrift',
  body: 'Arkivtekst',
  text: 'Tekst',
  filename: 'Filnavn',
  media_type: 'Filtype',
  size: 'Størrelse (byte)',
  position: 'Placering',
  reason: 'Begrundelse',
  note: 'Note',
  description: 'Beskrivelse',
  valid_from: 'Fra',
  valid_to: 'Til',
  amount: 'Beløb',
  year: 'År',
  places: 'Pladser',
  category: 'Kategori',
  deadline: 'Frist',
  what: 'Hvad',
  due_date: 'Frist',
  meeting_id: 'Møde',
  item_id: 'Punkt',
  committee_id: 'Udvalg',
  person_id: 'Person',
  organisation_id: 'Organisation',
  offer_id: 'Tilbud',
  version: 'Version',
  created_at: 'Oprettet',
  updated_at: 'Senest ændret',
  password_hash: 'Adgangskode',
  user_id: 'Bruger',
  tariff_year: 'Takstår',
  confirmed_at: 'Bekræftet',
  finding_count: 'Antal fund',
  cpr_count: 'Mulige CPR-numre',
  citizen_table_count: 'Tabeller med borgere',
};

export const columnLabel = (column: string): string => COLUMN_LABEL[column] ?? column;

/** A stored hash in place of a large text (see migration 0012). */
function isHashedText(value: unknown): value is { sha256: string; length: number } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { sha256?: unknown }).sha256 === 'string' &&
    typeof (value as { length?: unknown }).length === 'number'
  );
}

/** Codes whose column means the same in every logged table, in the words the pages use. */
const CODE_LABEL: Record<string, Record<string, string>> = {
  stage: STAGE_LABEL,
  access: ACCESS_LABEL,
  section: SECTION_LABEL,
  outcome: OUTCOME_LABEL,
};

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK = /^\d{2}:\d{2}(:\d{2})?$/;

function formatText(value: string, column: string | undefined): string {
  const code = column === undefined ? undefined : CODE_LABEL[column]?.[value];
  if (code !== undefined) return code;
  if (INSTANT.test(value)) {
    const at = new Date(value);
    if (!Number.isNaN(at.getTime())) return formatDanishDateTime(at);
  }
  if (DAY.test(value)) return formatDanishDate(value);
  if (CLOCK.test(value)) return formatTime(value);
  return value;
}

/** A logged value as text for reading; `column` names codes (stage, access, …) in Danish. */
export function formatAuditValue(value: unknown, column?: string): string {
  if (value === null || value === undefined) return '–';
  if (value === '') return '(tom)';
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  if (typeof value === 'string') return formatText(value, column);
  if (typeof value === 'number') return String(value);
  if (isHashedText(value)) {
    return `tekst på ${value.length} tegn (gemt som kontrolsum ${value.sha256.slice(0, 12)}…)`;
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return value.length === 0 ? '(ingen)' : value.join('; ');
  }
  return JSON.stringify(value);
}

const HIDDEN = '(ændret; gemmes ikke i logbogen)';

export interface AuditChange {
  column: string;
  label: string;
  before: string | null;
  after: string | null;
}

/**
 * The fields an event shows: for an update the changed ones with before and after; for a new row
 * its filled-in fields, for a deleted row what it held.
 */
export function auditChanges(event: AuditEvent): AuditChange[] {
  const row = (column: string): AuditChange => {
    // A secret column (a password hash) is named when it changes, its value never stored.
    const hidden =
      event.before !== null &&
      event.after !== null &&
      !(column in event.before) &&
      !(column in event.after);
    return {
      column,
      label: columnLabel(column),
      before: hidden
        ? HIDDEN
        : event.before === null
          ? null
          : formatAuditValue(event.before[column], column),
      after: hidden
        ? HIDDEN
        : event.after === null
          ? null
          : formatAuditValue(event.after[column], column),
    };
  };
  if (event.operation === 'update') return event.changedColumns.map(row);
  const data = (event.operation === 'insert' ? event.after : event.before) ?? {};
  return Object.keys(data)
    .filter((column) => data[column] !== null && data[column] !== '')
    .map(row)
    .sort((a, b) => a.label.localeCompare(b.label, 'da'));
}
