/** Small helpers for the API tests: typed JSON in and out, and meetings and items to work on. */
import assert from 'node:assert/strict';
import type { Client } from '../../../test/support/app.ts';
import type {
  presentAttachment,
  presentAttendance,
  presentCommittee,
  presentDocument,
  presentFollowUp,
  presentItem,
  presentMeeting,
  presentWrittenResponse,
} from './presenters.ts';

export type MeetingJson = ReturnType<typeof presentMeeting>;
export type DocumentJson = ReturnType<typeof presentDocument>;
export type DocumentItemJson = DocumentJson['items'][number];
export type VisibleItemJson = Extract<DocumentItemJson, { hidden: false }>;
export type ItemJson = ReturnType<typeof presentItem> & VisibleItemJson;
export type AttachmentJson = ReturnType<typeof presentAttachment>;
export type AttendanceJson = ReturnType<typeof presentAttendance>;
export type FollowUpJson = ReturnType<typeof presentFollowUp>;
export interface CommitteesJson {
  committees: ReturnType<typeof presentCommittee>[];
}
export interface FollowUpsJson {
  followUps: FollowUpJson[];
}
export interface WrittenResponsesJson {
  responses: ReturnType<typeof presentWrittenResponse>[];
}
export interface ErrorJson {
  error: string;
  fields: Partial<Record<string, string>>;
}

/** The response body as JSON, after checking the status and type (the body is in the message). */
export async function expectJson<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  assert.equal(res.status, status, `forventede ${status}, fik ${res.status}: ${text}`);
  assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  return JSON.parse(text) as T;
}

/** An error answer: `{ error, fields }` (fields default to {} for the assertions). */
export async function expectError(res: Response, status: number): Promise<ErrorJson> {
  const body = await expectJson<Partial<ErrorJson>>(res, status);
  assert.equal(typeof body.error, 'string');
  return { error: body.error ?? '', fields: body.fields ?? {} };
}

/** The item of the document with `number`, asserting it is shown in full. */
export function shownItem(doc: DocumentJson, number: number): VisibleItemJson {
  const item = doc.items.find((i) => i.number === number);
  assert.ok(item !== undefined, `punkt ${number} findes`);
  assert.equal(item.hidden, false, `punkt ${number} vises`);
  return item;
}

export async function committeeIdOf(client: Client, shortName: string): Promise<number> {
  const body = await expectJson<CommitteesJson>(await client.request('/api/committees'), 200);
  const committee = body.committees.find((c) => c.shortName === shortName);
  assert.ok(committee, `udvalget ${shortName} findes`);
  return committee.id;
}

export function itemBody(overrides: Record<string, unknown> = {}) {
  return {
    section: 'for-decision',
    title: 'Takster for 2022',
    access: 'open',
    summary: 'Resumé af sagen.',
    recommendations: ['DAS godkender taksterne.'],
    caseDescription: 'Baggrunden for sagen.',
    presenter: 'Sekretariatet',
    ...overrides,
  };
}

export async function createMeeting(
  client: Client,
  committeeId: number,
  date: string,
): Promise<DocumentJson> {
  const body = { committeeId, date, startTime: '13.00', endTime: '15.00', place: 'Aalborg' };
  return expectJson<DocumentJson>(await client.json('/api/meetings', 'POST', body), 201);
}

export async function addItem(
  client: Client,
  meetingId: number,
  overrides: Record<string, unknown> = {},
): Promise<ItemJson> {
  return expectJson<ItemJson>(
    await client.json(`/api/meetings/${meetingId}/items`, 'POST', itemBody(overrides)),
    201,
  );
}

export async function getMeeting(client: Client, meetingId: number): Promise<DocumentJson> {
  return expectJson<DocumentJson>(await client.request(`/api/meetings/${meetingId}`), 200);
}

export async function getItem(client: Client, itemId: number): Promise<ItemJson> {
  return expectJson<ItemJson>(await client.request(`/api/items/${itemId}`), 200);
}

/** Runs a stage action with the meeting's current version. */
export async function act(client: Client, meetingId: number, action: string): Promise<MeetingJson> {
  const current = await getMeeting(client, meetingId);
  const res = await client.json(`/api/meetings/${meetingId}/actions/${action}`, 'POST', {
    version: current.meeting.version,
  });
  return expectJson<MeetingJson>(res, 200);
}

/** Uploads `bytes` as a multipart file with the client's CSRF token. */
export function upload(
  client: Client,
  itemId: number,
  bytes: Uint8Array,
  fields: { filename?: string; title?: string; access?: string } = {},
): Promise<Response> {
  const form = new FormData();
  form.set(
    'file',
    new File([bytes as Uint8Array<ArrayBuffer>], fields.filename ?? 'bilag.pdf', {
      type: 'application/pdf',
    }),
  );
  if (fields.title !== undefined) form.set('title', fields.title);
  if (fields.access !== undefined) form.set('access', fields.access);
  return client.request(`/api/items/${itemId}/attachments`, {
    method: 'POST',
    body: form,
    headers: { 'x-csrf-token': client.csrf },
  });
}
