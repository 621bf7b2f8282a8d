/** Attachments and the content-addressed files behind them (stored once per sha-256). */
import { createHash } from 'node:crypto';
import type { Access, Attachment } from '../../domain/meetings/index.ts';
import type { Db } from '../client.ts';
import { one } from './rows.ts';

const COLUMNS = `a.id, a.item_id as "itemId", a.title, a.filename, a.media_type as "mediaType", a.size, a.sha256,
  a.access, a.position`;

export interface NewAttachment {
  itemId: number;
  title: string;
  filename: string;
  mediaType: string;
  access: Access;
  bytes: Uint8Array;
  /** the searchable text (a PDF's text layer), or null */
  text?: string | null;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function attachmentRepository(db: Db) {
  return {
    async listByMeeting(meetingId: number): Promise<Attachment[]> {
      return db.query<Attachment>(
        `select ${COLUMNS} from attachment a join item i on i.id = a.item_id where i.meeting_id = $1
         order by i.number, a.position, a.id`,
        [meetingId],
      );
    },
    async get(id: number): Promise<Attachment> {
      return one(
        await db.query<Attachment>(`select ${COLUMNS} from attachment a where a.id = $1`, [id]),
        'Bilaget',
      );
    },
    /** Stores the file (once per content) and the attachment at the end of its item. */
    async create(a: NewAttachment): Promise<Attachment> {
      const sha = sha256Hex(a.bytes);
      await db.query(
        `insert into file_blob (sha256, bytes, size) values ($1, $2, $3) on conflict (sha256) do nothing`,
        [sha, a.bytes, a.bytes.byteLength],
      );
      const [row] = await db.query<{ id: number }>(
        `insert into attachment (item_id, title, filename, media_type, sha256, size, access, position, text)
         values ($1, $2, $3, $4, $5, $6, $7,
           (select coalesce(max(position), 0) + 1 from attachment where item_id = $1), $8)
         returning id`,
        [
          a.itemId,
          a.title,
          a.filename,
          a.mediaType,
          sha,
          a.bytes.byteLength,
          a.access,
          a.text ?? null,
        ],
      );
      return this.get(one([row], 'Bilaget').id);
    },
    async bytes(sha256: string): Promise<Uint8Array> {
      const row = one(
        await db.query<{ bytes: Uint8Array }>(`select bytes from file_blob where sha256 = $1`, [
          sha256,
        ]),
        'Filen',
      );
      return row.bytes;
    },
    async setAccess(id: number, access: Access) {
      await db.query(`update attachment set access = $2 where id = $1`, [id, access]);
    },
    async remove(id: number) {
      await db.query(`delete from attachment where id = $1`, [id]);
    },
  };
}
export type AttachmentRepository = ReturnType<typeof attachmentRepository>;
