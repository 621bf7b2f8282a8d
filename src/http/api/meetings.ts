/**
 * Meetings: list, create, read (the viewer's MeetingDocument), edit, stage actions, cancel,
 * attendance, the information letter and the agenda and minutes PDFs.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import { canEdit, type Viewer } from '../../domain/meetings/index.ts';
import { requireEditor } from '../../services/meeting.service.ts';
import { renderMeetingPdf, type MeetingPdfKind } from '../../services/pdf/meeting-pdf.ts';
import type { AppEnv } from '../context.ts';
import { date, id, version } from '../schemas/fields.ts';
import {
  attendanceSchema,
  cancelSchema,
  meetingSchema,
  meetingUpdateSchema,
} from '../schemas/meeting.schema.ts';
import {
  idParam,
  QueryReader,
  readBody,
  readObject,
  validateFields,
  withReferences,
  type ApiContext,
} from './input.ts';
import { presentAttendance, presentDocument, presentMeeting } from './presenters.ts';
import { publishing, publishSchema } from './publishing.ts';

export const meetingApi = new Hono<AppEnv>();

export const STAGE_ACTIONS = ['publish-agenda', 'start-minutes', 'publish-minutes'] as const;
export const versionSchema = z.object({ version });
export const informationLetterSchema = z.object({
  itemIds: z.array(id("Angiv punkterne som id'er (positive heltal)."), {
    error: "Angiv itemIds som en liste af punkt-id'er.",
  }),
});

/** ?committee=ID&from=DATE&to=DATE, each optional. */
function listFilter(c: ApiContext) {
  const q = new QueryReader(c);
  const filter = {
    committeeId: q.optional('committee', id('Angiv udvalget som et id (et positivt heltal).')),
    from: q.optional('from', date('Skriv en dato.')),
    to: q.optional('to', date('Skriv en dato.')),
  };
  if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to) {
    q.errors.to = 'Slutdatoen må ikke ligge før startdatoen.';
  }
  q.done();
  return filter;
}

meetingApi.get('/meetings', async (c) => {
  const filter = listFilter(c);
  const meetings = await c.get('services').meetings.listMeetings(c.get('viewer'), filter);
  return c.json({ meetings: meetings.map(presentMeeting) });
});

meetingApi.post('/meetings', async (c) => {
  const { meetings } = c.get('services');
  const viewer = c.get('viewer');
  requireEditor(viewer);
  const data = await readBody(c, meetingSchema);
  await meetings.getCommittee(data.committeeId).catch((error: unknown) => {
    if (error instanceof NotFoundError)
      throw new ValidationError({
        committeeId: 'Udvalget findes ikke. Vælg et af udvalgene fra /api/committees.',
      });
    throw error;
  });
  const meeting = await meetings.createMeeting(viewer, data);
  return c.json(await meetingJson(c, viewer, meeting.id), 201);
});

/** The meeting document as `viewer` sees it; editors also get the attendance entries with ids. */
async function meetingJson(c: ApiContext, viewer: Viewer, meetingId: number) {
  const { meetings } = c.get('services');
  const [doc, row] = await Promise.all([
    meetings.document(viewer, meetingId),
    meetings.meetingRow(viewer, meetingId),
  ]);
  const attendance = canEdit(viewer) ? await meetings.attendance(meetingId) : null;
  return presentDocument(doc, row, attendance);
}

meetingApi.get('/meetings/:id', async (c) =>
  c.json(await meetingJson(c, c.get('viewer'), idParam(c, 'id', 'Mødet'))),
);

meetingApi.put('/meetings/:id', async (c) => {
  const { meetings } = c.get('services');
  const viewer = c.get('viewer');
  requireEditor(viewer);
  const meetingId = idParam(c, 'id', 'Mødet');
  const existing = await meetings.meetingRow(viewer, meetingId);
  // The committee cannot change; a client may leave it out.
  const data = validateFields(meetingUpdateSchema, {
    committeeId: existing.committeeId,
    ...(await readObject(c)),
  });
  if (data.committeeId !== existing.committeeId) {
    throw new ValidationError({
      committeeId: 'Et møde kan ikke flyttes til et andet udvalg. Opret et nyt møde i stedet.',
    });
  }
  await meetings.updateMeeting(viewer, meetingId, data.version, data);
  return c.json(presentMeeting(await meetings.meetingRow(viewer, meetingId)));
});

meetingApi.post('/meetings/:id/actions/:action', async (c) => {
  const { meetings } = c.get('services');
  const viewer = c.get('viewer');
  requireEditor(viewer);
  const meetingId = idParam(c, 'id', 'Mødet');
  const action = z.enum(STAGE_ACTIONS).safeParse(c.req.param('action'));
  if (!action.success)
    throw new NotFoundError(`Handlingen findes ikke. Brug en af: ${STAGE_ACTIONS.join(', ')}.`);
  await meetings.meetingRow(viewer, meetingId);
  const data = await readBody(c, publishSchema);
  return publishing(c, async () => {
    await meetings.advance(viewer, meetingId, data.version, action.data, {
      confirmFindings: data.confirmFindings === true,
    });
    return c.json(presentMeeting(await meetings.meetingRow(viewer, meetingId)));
  });
});

meetingApi.post('/meetings/:id/cancel', async (c) => {
  const { meetings } = c.get('services');
  const viewer = c.get('viewer');
  requireEditor(viewer);
  const meetingId = idParam(c, 'id', 'Mødet');
  await meetings.meetingRow(viewer, meetingId);
  const data = await readBody(c, cancelSchema);
  await meetings.cancelMeeting(viewer, meetingId, data.version, data.reason);
  return c.json(presentMeeting(await meetings.meetingRow(viewer, meetingId)));
});

meetingApi.post('/meetings/:id/attendance', async (c) => {
  const { meetings } = c.get('services');
  const viewer = c.get('viewer');
  requireEditor(viewer);
  const meetingId = idParam(c, 'id', 'Mødet');
  const doc = await meetings.document(viewer, meetingId);
  const data = await readBody(c, attendanceSchema);
  if (data.itemId !== null && !doc.items.some((i) => i.id === data.itemId)) {
    throw new ValidationError({ itemId: 'Punktet hører ikke til dette møde.' });
  }
  const before = new Set((await meetings.attendance(meetingId)).map((a) => a.id));
  await withReferences(meetings.addAttendance(viewer, meetingId, data));
  const created = (await meetings.attendance(meetingId)).find((a) => !before.has(a.id));
  return c.json(created === undefined ? null : presentAttendance(created), 201);
});

meetingApi.delete('/meetings/:id/attendance/:attendanceId', async (c) => {
  const { meetings } = c.get('services');
  const viewer = c.get('viewer');
  requireEditor(viewer);
  const meetingId = idParam(c, 'id', 'Mødet');
  const attendanceId = idParam(c, 'attendanceId', 'Fremmødet');
  await meetings.meetingRow(viewer, meetingId);
  const entries = await meetings.attendance(meetingId);
  if (!entries.some((a) => a.id === attendanceId))
    throw new NotFoundError('Fremmødet findes ikke på dette møde.');
  await meetings.removeAttendance(viewer, meetingId, attendanceId);
  return c.body(null, 204);
});

meetingApi.post('/meetings/:id/information-letter', async (c) => {
  const { meetings } = c.get('services');
  const viewer = c.get('viewer');
  requireEditor(viewer);
  const meetingId = idParam(c, 'id', 'Mødet');
  const doc = await meetings.document(viewer, meetingId);
  const data = await readBody(c, informationLetterSchema);
  const unknown = data.itemIds.filter((itemId) => !doc.items.some((i) => i.id === itemId));
  if (unknown.length > 0)
    throw new ValidationError({
      itemIds: `Disse punkter hører ikke til mødet: ${unknown.join(', ')}.`,
    });
  await meetings.sendInformationLetter(viewer, meetingId, data.itemIds);
  return c.json(await meetingJson(c, viewer, meetingId));
});

async function pdf(c: ApiContext, kind: MeetingPdfKind) {
  const doc = await c.get('services').meetings.document(c.get('viewer'), idParam(c, 'id', 'Mødet'));
  if (kind === 'minutes' && !doc.items.some((i) => i.decision !== null)) {
    throw new NotFoundError('Referatet er ikke udsendt endnu.');
  }
  const bytes = await renderMeetingPdf(doc, kind);
  const name = `${doc.committee.shortName}-${kind === 'agenda' ? 'dagsorden' : 'referat'}-${doc.meeting.date ?? 'uden-dato'}.pdf`;
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': 'application/pdf',
    'content-disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"`,
    'cache-control': 'private, no-store',
  });
}

meetingApi.get('/meetings/:id/agenda.pdf', (c) => pdf(c, 'agenda'));
meetingApi.get('/meetings/:id/minutes.pdf', (c) => pdf(c, 'minutes'));
