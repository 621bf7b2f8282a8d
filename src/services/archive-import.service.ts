/**
 * Importing archive documents: bytes → pages → parsed meeting → one meeting with its items,
 * stored in one transaction.
 *
 * Rules worth knowing:
 * - A document is identified by the sha-256 of its normalised text, so importing the same
 *   document again (also re-exported, or as Latin-1 text) changes nothing ("uændret").
 * - A meeting is identified by committee and date: the agenda and the minutes of one meeting are
 *   two versions of the same meeting, and a corrected version updates the meeting in place,
 *   keeping the ids of its items by number. Minutes outrank an information letter, which
 *   outranks an agenda: an agenda imported after the minutes is kept as a source only.
 *   An undated document matches an earlier undated one of the committee with the same item
 *   titles in the same order.
 * - The committee comes from the document; when the document does not name one, the caller must
 *   state it (`fallbackCommittee`, the CLI's --committee); `committee` overrides the document
 *   (the web import's correction). Without either the import is refused with a Danish message.
 * - A meeting made in the product is never overwritten by an archive document.
 */
import { createHash } from 'node:crypto';
import { hasPdfHeader } from '../archive/input.ts';
import { parseMeetingDocument } from '../archive/parse-meeting.ts';
import { readArchiveDocument } from '../archive/read-document.ts';
import type { ItemMentions, ParsedItem, ParsedMeeting, SectionName } from '../archive/types.ts';
import type { Db } from '../db/client.ts';
import {
  archiveRepository,
  type ArchiveItemFields,
  type ArchiveKind,
  type ArchiveMeetingFields,
  type MentionRow,
} from '../db/repositories/archive.repository.ts';
import { committeeRepository } from '../db/repositories/committee.repository.ts';
import { ValidationError } from '../domain/errors.ts';
import type { MeetingStatus, Outcome, Section, Stage } from '../domain/meetings/index.ts';
import { standardKindOfTitle } from '../domain/threads/item-kinds.ts';
import { today, type Clock } from './clock.ts';
import { rebuildThreads } from './thread.service.ts';

export interface ImportFile {
  filename: string;
  bytes: Uint8Array;
}

export interface ImportOptions {
  /** The committee (short name) when the document names none. */
  fallbackCommittee?: string;
  /** The committee (short name) regardless of what the document says: a user's correction. */
  committee?: string;
  /** Largest accepted file in bytes (the archive reader's default when absent). */
  maxBytes?: number;
}

/** A document read and parsed, ready to store; nothing is written yet. */
export interface PreparedImport {
  filename: string;
  bytes: Uint8Array;
  mediaType: string;
  pages: string[];
  /** sha-256 of the normalised text: the document's identity. */
  sha256: string;
  parsed: ParsedMeeting;
}

export type ImportStatus = 'new' | 'updated' | 'unchanged';

export interface ImportSummary {
  filename: string;
  status: ImportStatus;
  meetingId: number;
  sourceId: number;
  committee: string;
  date: string | null;
  kind: ArchiveKind;
  itemCount: number;
  /** A Danish remark for the user, e.g. why a document was kept as a source only. */
  note: string | null;
}

export const STATUS_LABEL: Record<ImportStatus, string> = {
  new: 'ny',
  updated: 'opdateret',
  unchanged: 'uændret',
};

export const KIND_LABEL: Record<ArchiveKind, string> = {
  agenda: 'dagsorden',
  minutes: 'referat',
  'information-letter': 'orienteringsmail',
};

/**
 * Reads and parses one file without touching the database.
 *
 * @throws ArchiveInputError (Danish message) for an empty, oversized, binary, broken, encrypted
 *   or text-less file
 */
export async function prepareImport(
  file: ImportFile,
  options: Pick<ImportOptions, 'maxBytes'> = {},
): Promise<PreparedImport> {
  const read = await readArchiveDocument(
    file.bytes,
    options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes },
  );
  const pages = read.pages;
  return {
    filename: file.filename,
    bytes: file.bytes,
    mediaType: hasPdfHeader(file.bytes) ? 'application/pdf' : 'text/plain; charset=utf-8',
    pages,
    sha256: documentHash(pages),
    parsed: parseMeetingDocument({ pages }),
  };
}

/**
 * Reads, parses and stores one document in one transaction, and rebuilds the case threads when
 * the archive changed (unless `rebuildThreads` is false, e.g. for a batch that rebuilds once).
 */
export async function importDocument(
  db: Db,
  file: ImportFile,
  clock: Clock,
  options: ImportOptions & { rebuildThreads?: boolean } = {},
): Promise<ImportSummary> {
  const prepared = await prepareImport(file, options);
  return db.transaction(async (tx) => {
    const summary = await storeImport(tx, prepared, clock, options);
    if (summary.status !== 'unchanged' && options.rebuildThreads !== false)
      await rebuildThreads(tx, clock);
    return summary;
  });
}

/**
 * Stores a prepared (and possibly user-corrected) document. Run it inside a transaction: it
 * writes the source, the meeting, its items, their mentions and listed attachments.
 *
 * @throws ValidationError (Danish message) when the committee is missing or unknown, or when
 *   a meeting made in the product already exists on that date
 */
export async function storeImport(
  db: Db,
  prepared: PreparedImport,
  clock: Clock,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const archive = archiveRepository(db);
  const { parsed } = prepared;
  const kind: ArchiveKind = parsed.kind;

  const existing = await archive.sourceBySha(prepared.sha256);
  if (existing !== null && existing.meetingId !== null) {
    const committee = await committeeRepository(db).get(existing.committeeId);
    const numbers = await archive.itemNumbers(existing.meetingId);
    return {
      filename: prepared.filename,
      status: 'unchanged',
      meetingId: existing.meetingId,
      sourceId: existing.id,
      committee: committee.shortName,
      date: existing.date,
      kind: existing.kind,
      itemCount: numbers.length,
      note: null,
    };
  }

  // A source whose meeting was deleted is stored afresh.
  if (existing !== null) await archive.deleteSource(existing.id);
  const committee = await resolveCommittee(db, prepared, options);
  const fingerprint = titleFingerprint(parsed);
  const sourceId = await archive.insertSource({
    sha256: prepared.sha256,
    fileSha256: createHash('sha256').update(prepared.bytes).digest('hex'),
    bytes: prepared.bytes,
    filename: prepared.filename,
    mediaType: prepared.mediaType,
    kind,
    committeeId: committee.id,
    date: parsed.date,
    titleFingerprint: fingerprint,
    pages: prepared.pages,
    parsed,
  });

  const found =
    parsed.date !== null
      ? await archive.meetingOn(committee.id, parsed.date)
      : await archive.undatedMeetingByFingerprint(committee.id, fingerprint);
  if (found !== null && found.sourceId === null) {
    throw new ValidationError(
      { file: prepared.filename },
      `${committee.shortName} har allerede et møde den ${parsed.date ?? ''}, som er oprettet i programmet; et arkivdokument overskriver det ikke. Ret mødet i programmet i stedet.`,
    );
  }

  const base = {
    filename: prepared.filename,
    sourceId,
    committee: committee.shortName,
    date: parsed.date,
    kind,
    itemCount: parsed.items.length,
  };
  if (
    found !== null &&
    found.sourceKind !== null &&
    KIND_RANK[found.sourceKind] > KIND_RANK[kind]
  ) {
    await archive.linkSource(sourceId, found.id);
    const numbers = await archive.itemNumbers(found.id);
    return {
      ...base,
      status: 'unchanged',
      meetingId: found.id,
      itemCount: numbers.length,
      note: `Mødets ${KIND_LABEL[found.sourceKind]} er allerede importeret; ${KIND_LABEL[kind]}en er gemt som kilde uden at ændre mødet.`,
    };
  }

  const meetingFields = meetingFieldsOf(parsed, committee.id, sourceId, clock);
  let meetingId: number;
  if (found === null) {
    meetingId = await archive.createMeeting(meetingFields);
  } else {
    meetingId = found.id;
    await archive.updateMeeting(meetingId, meetingFields);
  }
  await archive.linkSource(sourceId, meetingId);
  await storeItems(db, meetingId, parsed);
  await archive.replaceAttendance(meetingId, [
    ...parsed.participants.map((name) => ({ kind: 'participant' as const, name })),
    ...parsed.apologies.map((name) => ({ kind: 'apology' as const, name })),
    ...parsed.guests.map((name) => ({ kind: 'guest' as const, name })),
  ]);
  return { ...base, status: found === null ? 'new' : 'updated', meetingId, note: null };
}

const KIND_RANK: Record<ArchiveKind, number> = {
  agenda: 0,
  'information-letter': 1,
  minutes: 2,
};

async function resolveCommittee(db: Db, prepared: PreparedImport, options: ImportOptions) {
  const name = options.committee ?? prepared.parsed.committee ?? options.fallbackCommittee ?? null;
  const committees = committeeRepository(db);
  if (name === null) {
    throw new ValidationError(
      { committee: 'Angiv udvalget.' },
      `${prepared.filename}: Dokumentet angiver ikke, hvilket udvalg mødet hører til. Angiv udvalget (fx --committee DAS).`,
    );
  }
  const committee = await committees.byShortName(name);
  if (committee === null) {
    const known = (await committees.list()).map((c) => c.shortName).join(', ');
    throw new ValidationError(
      { committee: 'Ukendt udvalg.' },
      `${prepared.filename}: Udvalget "${name}" findes ikke. Kendte udvalg: ${known}.`,
    );
  }
  return committee;
}

/** Stores the items by number: an existing item with the same number keeps its id. */
async function storeItems(db: Db, meetingId: number, parsed: ParsedMeeting): Promise<void> {
  const archive = archiveRepository(db);
  const existing = new Map((await archive.itemNumbers(meetingId)).map((i) => [i.number, i.id]));
  const kept = new Set<number>();
  for (const item of parsed.items) {
    const fields = itemFieldsOf(item, parsed.kind);
    const id = existing.get(item.number);
    let itemId: number;
    if (id === undefined) {
      itemId = await archive.insertItem(meetingId, fields);
    } else {
      kept.add(id);
      itemId = id;
      await archive.updateItem(id, fields);
    }
    await archive.replaceItemDetails(itemId, mentionRows(item.mentions), item.attachments);
  }
  await archive.deleteItems([...existing.values()].filter((id) => !kept.has(id)));
}

function meetingFieldsOf(
  parsed: ParsedMeeting,
  committeeId: number,
  sourceId: number,
  clock: Clock,
): ArchiveMeetingFields {
  let status: MeetingStatus;
  let stage: Stage;
  switch (parsed.kind) {
    case 'minutes':
      status = 'held';
      stage = 'minutes-approved';
      break;
    case 'agenda':
      // An archive agenda whose date has passed belongs to a meeting that was held.
      status = parsed.date !== null && parsed.date >= today(clock) ? 'planned' : 'held';
      stage = 'agenda-published';
      break;
    case 'information-letter':
      status = 'cancelled';
      stage = 'agenda-published';
      break;
  }
  return {
    committeeId,
    date: parsed.date,
    status,
    stage,
    informationLetterSentAt:
      parsed.kind === 'information-letter'
        ? parsed.date !== null
          ? new Date(`${parsed.date}T12:00:00Z`)
          : clock.now()
        : null,
    sourceId,
  };
}

const SECTION_OF: Record<SectionName, Section> = {
  Velkomst: 'welcome',
  Oplæg: 'presentation',
  'Sager til behandling': 'for-decision',
  'Sager til orientering': 'for-information',
  Afrunding: 'closing',
};

/**
 * The item's section: as printed where the document groups its items, else from the title
 * (standard items, "Orientering om ..."), the items of an information letter being for
 * information; anything else is a case for decision.
 */
export function sectionOf(item: Pick<ParsedItem, 'section' | 'title'>, kind: ArchiveKind): Section {
  if (item.section !== null) return SECTION_OF[item.section];
  switch (standardKindOfTitle(item.title)) {
    case 'approve-agenda':
    case 'approve-minutes':
      return 'welcome';
    case 'any-other-business':
    case 'next-meeting':
      return 'closing';
    case null:
      break;
  }
  if (kind === 'information-letter') return 'for-information';
  if (/^orientering\b/i.test(item.title.trim())) return 'for-information';
  return 'for-decision';
}

/**
 * The outcome a decision text states, conservatively: only when its first sentence is one of
 * the standard wordings; null for anything that needs reading.
 */
export function inferOutcome(decision: string | null): Outcome | null {
  if (decision === null) return null;
  const first = (decision.trim().split(/\n|(?<=\.)\s+/)[0] ?? '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.!]+$/, '')
    .trim();
  if (first === '') return null;
  if (
    /^(?:indstillingen|indstillingerne|punktet|sagen)?\s*(?:blev\s+|er\s+)?godkend(?:t|es|tes)\s+med\s+(?:forbehold|(?:de\s+)?(?:følgende\s+)?ændringer|bemærkninger)\b/.test(
      first,
    )
  )
    return 'approved-with-changes';
  if (
    /^(?:(?:indstillingen|indstillingerne|(?!ikke\b)[a-zæøå]+)\s+)?(?:blev\s+|er\s+)?(?:drøftet\s+og\s+)?godkend(?:t|es|tes)$/.test(
      first,
    )
  )
    return 'approved';
  if (
    /^(?:(?:orienteringen|orienteringerne|status|redegørelsen|indstillingen)\s+)?(?:blev\s+|er\s+)?(?:tages|taget|toges)\s+til\s+efterretning$/.test(
      first,
    )
  )
    return 'noted';
  if (/^(?:punktet|sagen)\s+(?:blev\s+|er\s+)?udsat\b/.test(first)) return 'postponed';
  return null;
}

function itemFieldsOf(item: ParsedItem, kind: ArchiveKind): ArchiveItemFields {
  return {
    number: item.number,
    section: sectionOf(item, kind),
    title: item.title,
    access: item.access,
    summary: item.summary ?? '',
    recommendations: item.recommendations,
    decision: item.decision ?? '',
    outcome: inferOutcome(item.decision),
    postMeetingNote: item.postMeetingNote ?? '',
    standardKind: standardKindOfTitle(item.title),
    inInformationLetter: kind === 'information-letter',
    body: item.text,
    sourceFromPage: item.source.fromPage,
    sourceToPage: item.source.toPage,
    sourceFromLine: item.source.fromLine,
    sourceToLine: item.source.toLine,
  };
}

/** The parser's mentions as rows; duplicates (the same reference twice) are stored once. */
export function mentionRows(m: ItemMentions): MentionRow[] {
  const rows: MentionRow[] = [
    ...m.municipalities.map((value) => row('municipality', value)),
    ...(m.region ? [row('region', 'Region Nordjylland')] : []),
    ...m.offers.map((value) => row('offer', value)),
    ...m.sections.map((value) => row('section', value)),
    ...m.amounts.map((value) => row('amount', String(value))),
    ...m.meetingReferences.map((r) => ({
      kind: 'meeting-reference' as const,
      value: r.raw,
      refDate: r.date,
      refCommittee: r.committee,
    })),
    ...m.itemReferences.map((n) => row('item-reference', String(n))),
  ];
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.kind}|${r.value.toLowerCase()}|${r.refDate ?? ''}|${r.refCommittee ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function row(kind: MentionRow['kind'], value: string): MentionRow {
  return { kind, value, refDate: null, refCommittee: null };
}

/**
 * The identity of a document's content: its page texts after NFC, with LF line ends and
 * without trailing blanks, so encoding and line-end differences do not make a new document.
 */
export function documentHash(pages: readonly string[]): string {
  const normalised = pages
    .map((page) =>
      page
        .normalize('NFC')
        .replace(/\r\n?/g, '\n')
        .replace(/[ \t\u00a0]+$/gm, '')
        .trim(),
    )
    .join('\f');
  return createHash('sha256').update(normalised).digest('hex');
}

/** The item titles in order, folded: how a corrected undated document finds its meeting. */
export function titleFingerprint(parsed: Pick<ParsedMeeting, 'items'>): string {
  const titles = parsed.items.map(
    (i) => `${i.number}:${i.title.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim()}`,
  );
  return createHash('sha256').update(titles.join('\n')).digest('hex');
}
