/**
 * What the web pages for the archive, search and case threads need beyond the import, search
 * and thread services: a staging area for uploaded documents (so the review and the save can be
 * served by different app processes), the user's corrections of a parsed meeting, the list of
 * imported meetings, the source files and a single thread.
 */
import { createHash } from 'node:crypto';
import type {
  ItemAccess,
  ItemMentions,
  ParsedItem,
  ParsedMeeting,
  SectionName,
} from '../archive/types.ts';
import type { Db } from '../db/client.ts';
import type { ArchiveKind } from '../db/repositories/archive.repository.ts';
import { namedUserIdsSql } from '../db/repositories/access-sql.ts';
import { threadRepository } from '../db/repositories/thread.repository.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.ts';
import {
  canSeeAccess,
  canSeeMeeting,
  isSecretariat,
  type Stage,
  type Viewer,
} from '../domain/meetings/index.ts';
import type { Clock } from './clock.ts';
import { requireEditor } from './meeting.service.ts';
import {
  prepareImport,
  storeImport,
  type ImportSummary,
  type PreparedImport,
} from './archive-import.service.ts';
import { listThreads, rebuildThreads, type ThreadView } from './thread.service.ts';

/* ---------- staging uploads between review and save ---------- */

/**
 * Keeps an uploaded file's bytes in file_blob (content-addressed, shared with attachments and
 * sources) and returns their sha-256: the review form carries only this hash, and the save
 * reads the bytes back, so no state lives in one process's memory. A file that is never saved
 * leaves an unreferenced blob behind (the same content is stored once however often it is
 * uploaded).
 */
export async function stageUpload(db: Db, bytes: Uint8Array): Promise<string> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await db.query(
    `insert into file_blob (sha256, bytes, size) values ($1, $2, $3) on conflict (sha256) do nothing`,
    [sha256, bytes, bytes.byteLength],
  );
  return sha256;
}

/** The bytes of a staged upload, or null when no such file is stored. */
export async function stagedUpload(db: Db, sha256: string): Promise<Uint8Array | null> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
  const rows = await db.query<{ bytes: Uint8Array }>(
    `select bytes from file_blob where sha256 = $1`,
    [sha256],
  );
  return rows[0]?.bytes ?? null;
}

/** The meeting an identical document (same normalised text) was already imported into. */
export async function alreadyImported(
  db: Db,
  documentSha256: string,
): Promise<{ meetingId: number; sourceId: number } | null> {
  const rows = await db.query<{ meetingId: number; sourceId: number }>(
    `select meeting_id as "meetingId", id as "sourceId" from archive_source
     where sha256 = $1 and meeting_id is not null`,
    [documentSha256],
  );
  return rows[0] ?? null;
}

/* ---------- the user's corrections ---------- */

export type ItemAction = 'keep' | 'merge' | 'remove';

export interface ItemCorrection {
  action: ItemAction;
  /** The item's number as corrected (for kept items). */
  number: number;
  title: string;
  /** null: let the importer decide from the title. */
  section: SectionName | null;
  /** archive documents know open and closed only; 'personal' is set on the item afterwards */
  access: ItemAccess;
}

export interface MeetingCorrections {
  committee: string;
  /** ISO date, or null for an undated document. */
  date: string | null;
  kind: ArchiveKind;
  /** One per parsed item, in the parsed order. */
  items: ItemCorrection[];
}

const joinText = (a: string | null, b: string | null): string | null =>
  a === null || a.trim() === '' ? b : b === null || b.trim() === '' ? a : `${a}\n\n${b}`;

const uniqueValues = <T>(values: readonly T[]): T[] => [...new Set(values)];

function mergeMentions(a: ItemMentions, b: ItemMentions): ItemMentions {
  const seen = new Set<string>();
  return {
    municipalities: uniqueValues([...a.municipalities, ...b.municipalities]),
    region: a.region || b.region,
    offers: uniqueValues([...a.offers, ...b.offers]),
    sections: uniqueValues([...a.sections, ...b.sections]),
    amounts: uniqueValues([...a.amounts, ...b.amounts]),
    meetingReferences: [...a.meetingReferences, ...b.meetingReferences].filter((r) => {
      const key = `${r.raw}|${r.date ?? ''}|${r.committee ?? ''}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
    itemReferences: uniqueValues([...a.itemReferences, ...b.itemReferences]),
  };
}

/**
 * `next` was no item of its own but part of `previous` (the parser took a numbered line in the
 * text for an item heading): its heading goes back into the text, and everything else is
 * appended. The stricter access wins, so a closed part never becomes public by a merge.
 */
export function mergeItems(previous: ParsedItem, next: ParsedItem): ParsedItem {
  return {
    ...previous,
    access: previous.access === 'closed' || next.access === 'closed' ? 'closed' : 'open',
    summary: previous.summary ?? next.summary,
    recommendations: [...previous.recommendations, ...next.recommendations],
    decision: joinText(previous.decision, next.decision),
    postMeetingNote: joinText(previous.postMeetingNote, next.postMeetingNote),
    attachments: [...previous.attachments, ...next.attachments],
    text: joinText(previous.text, joinText(`${next.number}. ${next.title}`, next.text)) ?? '',
    source: {
      fromPage: previous.source.fromPage,
      fromLine: previous.source.fromLine,
      toPage: next.source.toPage,
      toLine: next.source.toLine,
    },
    mentions: mergeMentions(previous.mentions, next.mentions),
  };
}

/**
 * The parsed meeting with the user's corrections applied: metadata replaced, items merged into
 * the item before them or removed, numbers, titles, sections and access set.
 *
 * @param prefix field-name prefix of this document's form fields, for the error messages
 * @throws ValidationError with Danish field errors keyed `${prefix}_…`
 */
export function applyCorrections(
  parsed: ParsedMeeting,
  corrections: MeetingCorrections,
  prefix: string,
): ParsedMeeting {
  const errors: Record<string, string> = {};
  if (corrections.items.length !== parsed.items.length) {
    throw new ValidationError(
      {},
      'Dokumentet blev læst anderledes end ved gennemsynet. Upload filen igen, og gennemse den på ny.',
    );
  }
  const items: ParsedItem[] = [];
  parsed.items.forEach((item, index) => {
    const fix = corrections.items[index];
    if (fix === undefined) return;
    const field = `${prefix}_i${index}`;
    if (fix.action === 'remove') return;
    if (fix.action === 'merge') {
      const previous = items.pop();
      if (previous === undefined) {
        errors[`${field}_action`] =
          `Punkt ${item.number} kan ikke slås sammen med et forrige punkt: der er intet punkt før det.`;
        return;
      }
      items.push(mergeItems(previous, item));
      return;
    }
    const title = fix.title.replace(/\s+/g, ' ').trim();
    if (title === '') errors[`${field}_title`] = `Skriv en titel til punkt ${item.number}.`;
    else if (title.length > 500) errors[`${field}_title`] = 'Titlen må højst være 500 tegn.';
    if (!Number.isInteger(fix.number) || fix.number < 1 || fix.number > 999)
      errors[`${field}_number`] = `Skriv et punktnummer fra 1 til 999 (punkt ${item.number}).`;
    items.push({ ...item, number: fix.number, title, section: fix.section, access: fix.access });
  });
  if (items.length === 0 && Object.keys(errors).length === 0)
    errors[`${prefix}_i0_action`] = 'Mødet skal have mindst ét punkt; behold mindst ét.';
  const numbers = new Map<number, number>();
  items.forEach((item) => numbers.set(item.number, (numbers.get(item.number) ?? 0) + 1));
  const duplicates = [...numbers].filter(([, n]) => n > 1).map(([number]) => number);
  if (duplicates.length > 0) {
    const index = corrections.items.findIndex(
      (c) => c.action === 'keep' && duplicates.includes(c.number),
    );
    errors[`${prefix}_i${Math.max(index, 0)}_number`] =
      `Punktnummer ${duplicates.join(', ')} bruges flere gange; hvert punkt skal have sit eget nummer.`;
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return {
    ...parsed,
    committee: corrections.committee,
    date: corrections.date,
    kind: corrections.kind,
    items,
  };
}

/** Reads a staged upload again (the bytes kept by stageUpload), as prepareImport does. */
export async function prepareStaged(
  db: Db,
  upload: { sha256: string; filename: string },
  maxBytes: number,
): Promise<PreparedImport> {
  const bytes = await stagedUpload(db, upload.sha256);
  if (bytes === null) {
    throw new ValidationError(
      {},
      `${upload.filename}: Den uploadede fil findes ikke længere. Upload den igen.`,
    );
  }
  return prepareImport({ filename: upload.filename, bytes }, { maxBytes });
}

export interface CorrectedImport {
  prepared: PreparedImport;
  corrections: MeetingCorrections;
  /** Form-field prefix of this document, for the error messages. */
  prefix: string;
}

/**
 * Applies the corrections and stores the documents in one transaction (all or nothing), then
 * rebuilds the case threads once when anything changed. Only the secretariat imports.
 *
 * @throws ValidationError with the field errors of every document, or the importer's message
 */
export async function importCorrected(
  db: Db,
  viewer: Viewer,
  clock: Clock,
  entries: readonly CorrectedImport[],
): Promise<ImportSummary[]> {
  requireEditor(viewer);
  const errors: Record<string, string> = {};
  const corrected: { prepared: PreparedImport; committee: string }[] = [];
  for (const entry of entries) {
    try {
      corrected.push({
        prepared: {
          ...entry.prepared,
          parsed: applyCorrections(entry.prepared.parsed, entry.corrections, entry.prefix),
        },
        committee: entry.corrections.committee,
      });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      if (Object.keys(error.fields).length === 0)
        throw new ValidationError({}, `${entry.prepared.filename}: ${error.message}`);
      Object.assign(errors, error.fields);
    }
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return db.transaction(async (tx) => {
    const summaries: ImportSummary[] = [];
    for (const c of corrected)
      summaries.push(await storeImport(tx, c.prepared, clock, { committee: c.committee }));
    if (summaries.some((s) => s.status !== 'unchanged')) await rebuildThreads(tx, clock);
    return summaries;
  });
}

/* ---------- the archive's meetings and sources ---------- */

export interface ArchiveMeetingRow {
  meetingId: number;
  committee: string;
  date: string | null;
  kind: ArchiveKind;
  itemCount: number;
  sourceId: number;
  filename: string;
  importedAt: Date;
}

/** Every meeting made from an archive document, newest first (the secretariat's list). */
export async function listArchiveMeetings(db: Db, viewer: Viewer): Promise<ArchiveMeetingRow[]> {
  requireEditor(viewer);
  return db.query<ArchiveMeetingRow>(
    `select m.id as "meetingId", c.short_name as committee, m.date, s.kind,
       (select count(*)::int from item i where i.meeting_id = m.id) as "itemCount",
       s.id as "sourceId", s.filename, s.imported_at as "importedAt"
     from meeting m
     join archive_source s on s.id = m.source_id
     join committee c on c.id = m.committee_id
     order by m.date desc nulls last, c.short_name, m.id desc`,
  );
}

export interface SourceInfo {
  sourceId: number;
  filename: string;
  kind: ArchiveKind;
  importedAt: Date;
  /** Whether the viewer may download the file (it may hold closed items). */
  downloadable: boolean;
}

interface SourceAccessRow {
  sourceId: number;
  filename: string;
  kind: ArchiveKind;
  importedAt: Date;
  committeeId: number;
  stage: Stage | null;
  /** for each personal item of the meeting, the users named on it */
  personalViewerIds: number[][];
}

/** The column personalViewerIds of the meeting aliased `m`, read in the query of the source. */
const PERSONAL_VIEWER_IDS = `coalesce((select jsonb_agg(${namedUserIdsSql('pi.id')}) from item pi
    where pi.meeting_id = m.id and pi.access = 'personal'), '[]'::jsonb) as "personalViewerIds"`;

type SourceAccess = Pick<SourceAccessRow, 'committeeId' | 'stage' | 'personalViewerIds'>;

function mayDownload(viewer: Viewer, row: SourceAccess) {
  // The original document holds every item of the meeting: only those who may read all of them
  // get the file (the closed ones, and each personal one).
  return (
    (row.stage === null ? isSecretariat(viewer) : canSeeMeeting(viewer, { stage: row.stage })) &&
    canSeeAccess(viewer, row.committeeId, 'closed') &&
    row.personalViewerIds.every((ids) => canSeeAccess(viewer, row.committeeId, 'personal', ids))
  );
}

/** The source documents a meeting was imported from (the current one first). */
export async function meetingSources(
  db: Db,
  viewer: Viewer,
  meetingId: number,
): Promise<SourceInfo[]> {
  const rows = await db.query<SourceAccessRow & { current: boolean }>(
    `select s.id as "sourceId", s.filename, s.kind, s.imported_at as "importedAt",
       s.committee_id as "committeeId", m.stage, ${PERSONAL_VIEWER_IDS},
       (m.source_id = s.id) as current
     from archive_source s join meeting m on m.id = s.meeting_id
     where s.meeting_id = $1
     order by (m.source_id = s.id) desc, s.id desc`,
    [meetingId],
  );
  return rows.map(({ current: _current, committeeId, stage, personalViewerIds, ...r }) => ({
    ...r,
    downloadable: mayDownload(viewer, { committeeId, stage, personalViewerIds }),
  }));
}

/** Where an archive item stands in its meeting's current source document. */
export interface ItemSource extends SourceInfo {
  fromPage: number;
  toPage: number;
  fromLine: number;
  toLine: number;
  pageCount: number;
  /** The item's cleaned text from the document (show it only where the item is shown). */
  body: string;
}

export async function itemSource(
  db: Db,
  viewer: Viewer,
  itemId: number,
): Promise<ItemSource | null> {
  const rows = await db.query<
    SourceAccessRow & {
      fromPage: number | null;
      toPage: number | null;
      fromLine: number | null;
      toLine: number | null;
      pageCount: number;
      body: string;
    }
  >(
    `select s.id as "sourceId", s.filename, s.kind, s.imported_at as "importedAt",
       s.committee_id as "committeeId", m.stage, ${PERSONAL_VIEWER_IDS},
       i.source_from_page as "fromPage", i.source_to_page as "toPage",
       i.source_from_line as "fromLine", i.source_to_line as "toLine",
       jsonb_array_length(s.pages) as "pageCount", i.body
     from item i join meeting m on m.id = i.meeting_id join archive_source s on s.id = m.source_id
     where i.id = $1`,
    [itemId],
  );
  const row = rows[0];
  if (row === undefined || row.fromPage === null || row.toPage === null) return null;
  return {
    sourceId: row.sourceId,
    filename: row.filename,
    kind: row.kind,
    importedAt: row.importedAt,
    downloadable: mayDownload(viewer, row),
    fromPage: row.fromPage,
    toPage: row.toPage,
    fromLine: row.fromLine ?? 1,
    toLine: row.toLine ?? 1,
    pageCount: row.pageCount,
    body: row.body,
  };
}

/** The original file of a source, for a download; refused to those who may not read it all. */
export async function sourceDownload(
  db: Db,
  viewer: Viewer,
  sourceId: number,
): Promise<{ filename: string; mediaType: string; bytes: Uint8Array }> {
  const rows = await db.query<SourceAccessRow & { mediaType: string; bytes: Uint8Array }>(
    `select s.id as "sourceId", s.filename, s.kind, s.imported_at as "importedAt",
       s.committee_id as "committeeId", m.stage, ${PERSONAL_VIEWER_IDS},
       s.media_type as "mediaType", b.bytes
     from archive_source s join file_blob b on b.sha256 = s.file_sha256
     left join meeting m on m.id = s.meeting_id
     where s.id = $1`,
    [sourceId],
  );
  const row = rows[0];
  if (row === undefined) throw new NotFoundError('Kildedokumentet findes ikke.');
  if (!mayDownload(viewer, row)) {
    if (viewer.role === 'anonymous') throw new ForbiddenError();
    throw new ForbiddenError(
      'Originaldokumentet indeholder alle mødets punkter; kun sekretariatet og de medlemmer af udvalget, der må læse dem alle (også lukkede punkter og personoplysninger), kan hente det.',
    );
  }
  return { filename: row.filename, mediaType: row.mediaType, bytes: row.bytes };
}

/* ---------- threads ---------- */

/** One thread as the viewer may see it (at least two visible items), else NotFoundError. */
export async function threadById(db: Db, viewer: Viewer, threadId: number): Promise<ThreadView> {
  const thread = (await listThreads(db, viewer)).find((t) => t.id === threadId);
  if (thread === undefined) throw new NotFoundError('Sagsforløbet findes ikke.');
  return thread;
}

/** The id of the thread an item belongs to now (after a rebuild ids may move), or null. */
export async function threadIdOfItem(db: Db, itemId: number): Promise<number | null> {
  return threadRepository(db).threadOfItem(itemId);
}
