/**
 * The bench's meeting, built the way the secretariat builds one: through the services, not by
 * inserting rows. A DAS meeting with 40 items (the 4 standard items plus 36 with the content of
 * `buildSampleMeetingDocument`: Danish summaries, recommendations and case descriptions with
 * headings, bullets and a table), several closed items, attachments (some closed), attendance,
 * a published agenda, decisions on every item, and published minutes.
 */
import { createHash } from 'node:crypto';
import type { Viewer } from '../src/domain/meetings/index.ts';
import { buildSampleMeetingDocument } from '../src/services/pdf/sample-document.ts';
import type { Services } from '../src/services/index.ts';

export const SECRETARIAT: Viewer = { userId: null, role: 'secretariat', committeeIds: [] };

export interface BenchMeeting {
  meetingId: number;
  items: number;
  closedItems: number;
  attachments: number;
  /** Total bytes of the attachment files stored. */
  attachmentBytes: number;
  buildMs: number;
}

/** Which of the sample's items are closed: the sample's own (index 4) and every 8th after it. */
const isClosed = (index: number) => index % 8 === 4;

/** Deterministic bytes that look like a PDF file, distinct per attachment (content-addressed). */
function attachmentBytes(label: string, size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  const header = new TextEncoder().encode(`%PDF-1.7\n% ${label}\n`);
  bytes.set(header.subarray(0, Math.min(header.length, size)));
  let block = createHash('sha256').update(label).digest();
  for (let at = header.length; at < size; at += block.length) {
    bytes.set(block.subarray(0, Math.min(block.length, size - at)), at);
    block = createHash('sha256').update(block).digest();
  }
  return bytes;
}

export async function buildBenchMeeting(
  services: Services,
  itemCount = 40,
  attachmentKb = 64,
): Promise<BenchMeeting> {
  const t0 = performance.now();
  const { meetings } = services;
  const sample = buildSampleMeetingDocument(itemCount);
  const committees = await meetings.listCommittees();
  const das = committees.find((c) => c.shortName === 'DAS');
  if (das === undefined) throw new Error('The reference data has no DAS committee');

  // The previous DAS meeting, so that the new one gets its "Godkendelse af referat" item; its
  // minutes are sent, as they must be before the new meeting approves them.
  const previous = await meetings.createMeeting(SECRETARIAT, {
    committeeId: das.id,
    date: '2020-10-19',
    startTime: '13:00',
    endTime: '16:00',
    place: sample.meeting.place,
  });
  for (const action of ['publish-agenda', 'start-minutes', 'publish-minutes'] as const) {
    const { version } = await meetings.meetingRow(SECRETARIAT, previous.id);
    await meetings.advance(SECRETARIAT, previous.id, version, action);
  }
  const meeting = await meetings.createMeeting(SECRETARIAT, {
    committeeId: das.id,
    date: sample.meeting.date ?? '2021-01-20',
    startTime: '13:00',
    endTime: '16:00',
    place: sample.meeting.place,
  });
  const id = meeting.id;

  // The sample's first two and last two items are the standard ones the meeting starts with;
  // the items between them (cycled, should the standard items ever be fewer) fill up to itemCount.
  const standard = (await meetings.document(SECRETARIAT, id)).items.length;
  const middle = sample.items.slice(2, Math.max(3, sample.items.length - 2));
  const content = Array.from(
    { length: Math.max(0, itemCount - standard) },
    (_, i) => middle[i % middle.length],
  ).filter((item) => item !== undefined);
  let closedItems = 0;
  let attachments = 0;
  let storedBytes = 0;
  for (const [offset, source] of content.entries()) {
    const index = offset + 2;
    const closed = isClosed(index);
    if (closed) closedItems++;
    const item = await meetings.addItem(SECRETARIAT, id, {
      section: source.section,
      title: source.title,
      publicTitle: closed && index % 16 === 4 ? 'Personalesag' : null,
      access: closed ? 'closed' : 'open',
      summary: source.summary,
      recommendations: source.recommendations,
      caseDescription: source.caseDescription,
      presenter: source.presenter,
    });
    for (const a of source.attachments) {
      attachments++;
      const bytes = attachmentBytes(`${a.label} ${a.title}`, attachmentKb * 1024);
      storedBytes += bytes.byteLength;
      await meetings.addAttachment(SECRETARIAT, item.id, {
        title: a.title,
        filename: a.filename,
        mediaType: 'application/pdf',
        access: attachments % 5 === 0 ? 'closed' : 'open',
        bytes,
      });
    }
    for (const guest of source.guests) {
      await meetings.addAttendance(SECRETARIAT, id, {
        kind: 'guest',
        name: guest,
        organisation: '',
        itemId: item.id,
        personId: null,
      });
    }
  }
  const people = [
    ...sample.participants.map((p) => ({ ...p, kind: 'participant' as const })),
    ...sample.apologies.map((p) => ({ ...p, kind: 'apology' as const })),
    ...sample.guests.map((p) => ({ ...p, kind: 'guest' as const })),
  ];
  for (const p of people) {
    await meetings.addAttendance(SECRETARIAT, id, {
      kind: p.kind,
      name: p.name,
      organisation: p.organisation,
      itemId: null,
      personId: null,
    });
  }

  const version = async () => (await meetings.meetingRow(SECRETARIAT, id)).version;
  await meetings.advance(SECRETARIAT, id, await version(), 'publish-agenda');
  await meetings.advance(SECRETARIAT, id, await version(), 'start-minutes');

  const doc = await meetings.document(SECRETARIAT, id);
  for (const [index, docItem] of doc.items.entries()) {
    const source = sample.items.find((s) => s.title === docItem.title) ?? sample.items[index];
    const { item } = await meetings.item(SECRETARIAT, docItem.id);
    await meetings.recordDecision(SECRETARIAT, item.id, item.version, {
      decision: source?.decision ?? 'Orienteringen tages til efterretning.',
      outcome: source?.outcome ?? 'noted',
      postMeetingNote: source?.postMeetingNote ?? '',
    });
  }
  await meetings.advance(SECRETARIAT, id, await version(), 'publish-minutes');

  const final = await meetings.document(SECRETARIAT, id);
  return {
    meetingId: id,
    items: final.items.length,
    closedItems,
    attachments,
    attachmentBytes: storedBytes,
    buildMs: performance.now() - t0,
  };
}
