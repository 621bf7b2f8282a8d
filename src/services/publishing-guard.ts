/**
 * The publishing guard's reads: the public text of a meeting's agenda or minutes (its open
 * items' fields and the text of their open attachments, read again from the files so lines and
 * tabs are kept) scanned for CPR numbers and tables per citizen, and the record of a publishing
 * confirmed despite findings. Called by the publish actions before anything is written.
 */
import { attachmentLines } from '../archive/attachment-text.ts';
import type { Db } from '../db/client.ts';
import { repositories } from '../db/repositories/index.ts';
import {
  publishingConfirmationRepository,
  type PublishedWhat,
} from '../db/repositories/publishing-confirmation.repository.ts';
import { numberAttachments } from '../domain/meetings/index.ts';
import {
  countFindings,
  isPublicAttachment,
  meetingPublicTexts,
  scanPublicTexts,
  type Finding,
  type MeetingPublication,
} from '../domain/privacy/index.ts';

export async function meetingFindings(
  db: Db,
  meetingId: number,
  publication: MeetingPublication,
  today: string,
): Promise<Finding[]> {
  const repo = repositories(db);
  const [items, attachments] = await Promise.all([
    repo.items.listByMeeting(meetingId),
    repo.attachments.listByMeeting(meetingId),
  ]);
  const bilag = numberAttachments(items, attachments);
  const access = new Map(items.map((i) => [i.id, i.access]));
  const scanned = [];
  // One file at a time: a PDF's text layer takes memory, and publishing is rare.
  for (const a of attachments) {
    const itemAccess = access.get(a.itemId);
    // Closed attachments and those of closed items are not published, so not read at all.
    const text =
      itemAccess !== undefined && isPublicAttachment({ access: itemAccess }, a)
        ? await attachmentLines(await repo.attachments.bytes(a.sha256), a.filename, a.mediaType)
        : null;
    scanned.push({ ...a, label: `Bilag ${bilag.get(a.id) ?? '?'}`, text });
  }
  return scanPublicTexts(meetingPublicTexts(publication, items, scanned), today);
}

/** Records a publishing confirmed despite findings (in the caller's transaction). */
export async function recordConfirmation(
  tx: Db,
  what: PublishedWhat,
  target: { meetingId: number } | { tariffYear: number },
  userId: number | null,
  at: Date,
  findings: readonly Finding[],
): Promise<void> {
  if (findings.length === 0) return;
  await publishingConfirmationRepository(tx).record({
    what,
    meetingId: 'meetingId' in target ? target.meetingId : null,
    tariffYear: 'tariffYear' in target ? target.tariffYear : null,
    userId,
    at,
    counts: countFindings(findings),
  });
}
