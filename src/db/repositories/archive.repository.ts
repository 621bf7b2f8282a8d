/**
 * The archive's storage: source documents, the meetings and items made from them, what items
 * mention, and the attachments they list. Plain SQL against `Db`; callers run it in a transaction.
 */
import type {
  Access,
  MeetingStatus,
  Outcome,
  Section,
  Stage,
  StandardKind,
} from '../../domain/meetings/index.ts';
import type { Db } from '../client.ts';
import { one } from './rows.ts';

export type ArchiveKind = 'agenda' | 'minutes' | 'information-letter';

export interface ArchiveSourceRow {
  id: number;
  sha256: string;
  filename: string;
  kind: ArchiveKind;
  committeeId: number;
  date: string | null;
  meetingId: number | null;
}

export interface NewArchiveSource {
  sha256: string;
  fileSha256: string;
  bytes: Uint8Array;
  filename: string;
  mediaType: string;
  kind: ArchiveKind;
  committeeId: number;
  date: string | null;
  titleFingerprint: string;
  pages: readonly string[];
  parsed: object;
}

export interface ArchiveMeetingFields {
  committeeId: number;
  date: string | null;
  status: MeetingStatus;
  stage: Stage;
  informationLetterSentAt: Date | null;
  sourceId: number;
}

export type MentionKind =
  | 'municipality'
  | 'region'
  | 'offer'
  | 'section'
  | 'amount'
  | 'meeting-reference'
  | 'item-reference';

export interface MentionRow {
  kind: MentionKind;
  value: string;
  refDate: string | null;
  refCommittee: string | null;
}

export interface ArchiveItemFields {
  number: number;
  section: Section;
  title: string;
  access: Access;
  summary: string;
  recommendations: readonly string[];
  decision: string;
  outcome: Outcome | null;
  postMeetingNote: string;
  standardKind: StandardKind | null;
  inInformationLetter: boolean;
  body: string;
  sourceFromPage: number;
  sourceToPage: number;
  sourceFromLine: number;
  sourceToLine: number;
}

const SOURCE = `id, sha256, filename, kind, committee_id as "committeeId", date, meeting_id as "meetingId"`;

export function archiveRepository(db: Db) {
  return {
    async sourceBySha(sha256: string): Promise<ArchiveSourceRow | null> {
      const rows = await db.query<ArchiveSourceRow>(
        `select ${SOURCE} from archive_source where sha256 = $1`,
        [sha256],
      );
      return rows[0] ?? null;
    },

    async sourceById(id: number): Promise<ArchiveSourceRow> {
      return one(
        await db.query<ArchiveSourceRow>(`select ${SOURCE} from archive_source where id = $1`, [
          id,
        ]),
        'Kilden',
      );
    },

    /** Stores the file bytes (once per content) and the source row; returns the source id. */
    async insertSource(s: NewArchiveSource): Promise<number> {
      await db.query(
        `insert into file_blob (sha256, bytes, size) values ($1, $2, $3) on conflict (sha256) do nothing`,
        [s.fileSha256, s.bytes, s.bytes.byteLength],
      );
      const [row] = await db.query<{ id: number }>(
        `insert into archive_source (sha256, file_sha256, filename, media_type, kind, committee_id, date,
           title_fingerprint, pages, parsed)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb) returning id`,
        [
          s.sha256,
          s.fileSha256,
          s.filename,
          s.mediaType,
          s.kind,
          s.committeeId,
          s.date,
          s.titleFingerprint,
          s.pages,
          s.parsed,
        ],
      );
      return one([row], 'Kilden').id;
    },

    async deleteSource(id: number): Promise<void> {
      await db.query(`delete from archive_source where id = $1`, [id]);
    },

    async linkSource(sourceId: number, meetingId: number): Promise<void> {
      await db.query(`update archive_source set meeting_id = $2 where id = $1`, [
        sourceId,
        meetingId,
      ]);
    },

    /** The committee's meeting on `date`, whether archive or made in the product, if any. */
    async meetingOn(
      committeeId: number,
      date: string,
    ): Promise<{ id: number; sourceId: number | null; sourceKind: ArchiveKind | null } | null> {
      const rows = await db.query<{
        id: number;
        sourceId: number | null;
        sourceKind: ArchiveKind | null;
      }>(
        `select m.id, m.source_id as "sourceId", s.kind as "sourceKind"
         from meeting m left join archive_source s on s.id = m.source_id
         where m.committee_id = $1 and m.date = $2
         order by (m.source_id is null), m.id limit 1`,
        [committeeId, date],
      );
      return rows[0] ?? null;
    },

    /** An undated archive meeting of the committee stored from a document with the same items. */
    async undatedMeetingByFingerprint(
      committeeId: number,
      fingerprint: string,
    ): Promise<{ id: number; sourceId: number | null; sourceKind: ArchiveKind | null } | null> {
      const rows = await db.query<{
        id: number;
        sourceId: number | null;
        sourceKind: ArchiveKind | null;
      }>(
        `select m.id, m.source_id as "sourceId", cur.kind as "sourceKind"
         from archive_source s
         join meeting m on m.id = s.meeting_id and m.date is null
         left join archive_source cur on cur.id = m.source_id
         where s.committee_id = $1 and s.date is null and s.title_fingerprint = $2
         order by m.id limit 1`,
        [committeeId, fingerprint],
      );
      return rows[0] ?? null;
    },

    async createMeeting(f: ArchiveMeetingFields): Promise<number> {
      const [row] = await db.query<{ id: number }>(
        `insert into meeting (committee_id, date, status, stage, information_letter_sent_at, source_id)
         values ($1, $2, $3, $4, $5, $6) returning id`,
        [f.committeeId, f.date, f.status, f.stage, f.informationLetterSentAt, f.sourceId],
      );
      return one([row], 'Mødet').id;
    },

    async updateMeeting(id: number, f: ArchiveMeetingFields): Promise<void> {
      await db.query(
        `update meeting set committee_id = $2, date = $3, status = $4, stage = $5,
           information_letter_sent_at = $6, source_id = $7, version = version + 1, updated_at = now()
         where id = $1`,
        [id, f.committeeId, f.date, f.status, f.stage, f.informationLetterSentAt, f.sourceId],
      );
    },

    async itemNumbers(meetingId: number): Promise<{ id: number; number: number }[]> {
      return db.query(`select id, number from item where meeting_id = $1 order by number`, [
        meetingId,
      ]);
    },

    async insertItem(meetingId: number, f: ArchiveItemFields): Promise<number> {
      const [row] = await db.query<{ id: number }>(
        `insert into item (meeting_id, number, section, title, access, summary, recommendations, decision,
           outcome, post_meeting_note, standard_kind, in_information_letter, body,
           source_from_page, source_to_page, source_from_line, source_to_line)
         values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
         returning id`,
        [meetingId, ...itemParams(f)],
      );
      return one([row], 'Punktet').id;
    },

    async updateItem(id: number, f: ArchiveItemFields): Promise<void> {
      await db.query(
        `update item set number = $2, section = $3, title = $4, access = $5, summary = $6,
           recommendations = $7::jsonb, decision = $8, outcome = $9, post_meeting_note = $10,
           standard_kind = $11, in_information_letter = $12, body = $13, source_from_page = $14,
           source_to_page = $15, source_from_line = $16, source_to_line = $17,
           version = version + 1, updated_at = now()
         where id = $1`,
        [id, ...itemParams(f)],
      );
    },

    async deleteItems(ids: readonly number[]): Promise<void> {
      if (ids.length === 0) return;
      await db.query(
        `delete from item where id in (select (jsonb_array_elements_text($1::jsonb))::int)`,
        [ids],
      );
    },

    /** Replaces what the item mentions and the attachments it lists. */
    async replaceItemDetails(
      itemId: number,
      mentions: readonly MentionRow[],
      attachments: readonly { label: string | null; title: string }[],
    ): Promise<void> {
      await db.query(`delete from item_mention where item_id = $1`, [itemId]);
      await db.query(`delete from archive_attachment_ref where item_id = $1`, [itemId]);
      if (mentions.length > 0) {
        await db.query(
          `insert into item_mention (item_id, kind, value, ref_date, ref_committee)
           select $1, e->>'kind', e->>'value', (e->>'refDate')::date, e->>'refCommittee'
           from jsonb_array_elements($2::jsonb) e`,
          [itemId, mentions],
        );
      }
      if (attachments.length > 0) {
        await db.query(
          `insert into archive_attachment_ref (item_id, position, label, title)
           select $1, (o.n)::int, o.e->>'label', o.e->>'title'
           from jsonb_array_elements($2::jsonb) with ordinality as o(e, n)`,
          [itemId, attachments],
        );
      }
    },

    /** Replaces the attendance the archive gave (rows without a registered person). */
    async replaceAttendance(
      meetingId: number,
      people: readonly { kind: 'participant' | 'apology' | 'guest'; name: string }[],
    ): Promise<void> {
      await db.query(`delete from attendance where meeting_id = $1 and person_id is null`, [
        meetingId,
      ]);
      if (people.length === 0) return;
      await db.query(
        `insert into attendance (meeting_id, kind, name)
         select $1, e->>'kind', e->>'name' from jsonb_array_elements($2::jsonb) e`,
        [meetingId, people],
      );
    },

    async mentionsOf(itemId: number): Promise<MentionRow[]> {
      return db.query<MentionRow>(
        `select kind, value, ref_date as "refDate", ref_committee as "refCommittee"
         from item_mention where item_id = $1 order by id`,
        [itemId],
      );
    },

    async attachmentRefsOf(itemId: number): Promise<{ label: string | null; title: string }[]> {
      return db.query(
        `select label, title from archive_attachment_ref where item_id = $1 order by position`,
        [itemId],
      );
    },

    async sourcesOfMeeting(meetingId: number): Promise<ArchiveSourceRow[]> {
      return db.query<ArchiveSourceRow>(
        `select ${SOURCE} from archive_source where meeting_id = $1 order by id`,
        [meetingId],
      );
    },

    /** The stored file of a source, so a user can always check the original. */
    async sourceFile(
      sourceId: number,
    ): Promise<{ filename: string; mediaType: string; bytes: Uint8Array } | null> {
      const rows = await db.query<{ filename: string; mediaType: string; bytes: Uint8Array }>(
        `select s.filename, s.media_type as "mediaType", b.bytes
         from archive_source s join file_blob b on b.sha256 = s.file_sha256 where s.id = $1`,
        [sourceId],
      );
      return rows[0] ?? null;
    },
  };
}
export type ArchiveRepository = ReturnType<typeof archiveRepository>;

function itemParams(f: ArchiveItemFields) {
  return [
    f.number,
    f.section,
    f.title,
    f.access,
    f.summary,
    f.recommendations,
    f.decision,
    f.outcome,
    f.postMeetingNote,
    f.standardKind,
    f.inInformationLetter,
    f.body,
    f.sourceFromPage,
    f.sourceToPage,
    f.sourceFromLine,
    f.sourceToLine,
  ];
}
