/**
 * Attachments: upload (multipart: file, title, access), download of the original bytes (always
 * as a download, never rendered inline) and removal. Size limit from config.maxUploadBytes.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { ValidationError } from '../../domain/errors.ts';
import { ACCESS_LABEL, ACCESS_LEVELS } from '../../domain/meetings/index.ts';
import { requireEditor } from '../../services/meeting.service.ts';
import type { AppEnv } from '../context.ts';
import { oneOf } from '../schemas/fields.ts';
import { idParam } from './input.ts';
import { presentAttachment } from './presenters.ts';

export const attachmentApi = new Hono<AppEnv>();

/** Room for the multipart envelope and the text fields around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** "25 MB", "1,5 MB": the Danish way of writing a size in megabytes. */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toLocaleString('da-DK', { maximumFractionDigits: 1 })} MB`;
}

export const tooLargeMessage = (limit: number, size?: number) =>
  `Filen er for stor${size === undefined ? '' : ` (${formatMegabytes(size)})`}. Bilag må højst fylde ${formatMegabytes(limit)}; del filen op, eller gør den mindre.`;

/** Stops an oversized body while it streams in, before it is held in memory. */
const uploadLimit = createMiddleware<AppEnv>((c, next) => {
  const limit = c.get('config').maxUploadBytes;
  return bodyLimit({
    maxSize: limit + MULTIPART_OVERHEAD,
    onError: (c) => c.json({ error: tooLargeMessage(limit) }, 413),
  })(c, next);
});

const accessSchema = oneOf(ACCESS_LEVELS, ACCESS_LABEL);

attachmentApi.post('/items/:id/attachments', uploadLimit, async (c) => {
  const { meetings } = c.get('services');
  const viewer = c.get('viewer');
  const limit = c.get('config').maxUploadBytes;
  requireEditor(viewer);
  const itemId = idParam(c, 'id', 'Punktet');
  await meetings.item(viewer, itemId);
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('multipart/form-data')) {
    throw new ValidationError({ file: 'Send bilaget som multipart/form-data med feltet "file".' });
  }
  const body = await c.req.parseBody();
  const file = body.file;
  if (!(file instanceof File))
    throw new ValidationError({ file: 'Vælg en fil at uploade (feltet "file").' });
  if (file.size === 0)
    throw new ValidationError({ file: 'Filen er tom. Vælg en fil med indhold.' });
  if (file.size > limit) return c.json({ error: tooLargeMessage(limit, file.size) }, 413);
  const access = accessSchema.safeParse(
    typeof body.access === 'string' && body.access !== '' ? body.access : 'open',
  );
  if (!access.success)
    throw new ValidationError({ access: access.error.issues[0]?.message ?? 'Vælg adgang.' });
  const rawTitle = typeof body.title === 'string' ? body.title.trim() : '';
  if (rawTitle.length > 300) throw new ValidationError({ title: 'Højst 300 tegn.' });
  const title = rawTitle !== '' ? rawTitle : file.name.replace(/\.[^.]+$/, '') || 'Bilag';
  const attachment = await meetings.addAttachment(viewer, itemId, {
    title,
    filename: file.name.slice(0, 255) || 'bilag',
    mediaType: file.type || 'application/octet-stream',
    access: access.data,
    bytes: new Uint8Array(await file.arrayBuffer()),
  });
  return c.json(presentAttachment(attachment), 201);
});

/** The original file, only for those who may see both the item and the attachment. */
attachmentApi.get('/attachments/:id', async (c) => {
  const { attachment, bytes } = await c
    .get('services')
    .meetings.download(c.get('viewer'), idParam(c, 'id', 'Bilaget'));
  const ascii = attachment.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': 'application/octet-stream',
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
  });
});

attachmentApi.delete('/attachments/:id', async (c) => {
  const viewer = c.get('viewer');
  requireEditor(viewer);
  await c.get('services').meetings.removeAttachment(viewer, idParam(c, 'id', 'Bilaget'));
  return c.body(null, 204);
});
