/** Pages for items: add, view, edit, move, delete, attachments and downloads. */
import { Hono } from 'hono';
import {
  ACCESS_LABEL,
  ACCESS_LEVELS,
  canEdit,
  formatDanishDate,
  OUTCOME_LABEL,
  SECTION_LABEL,
  type Item,
} from '../../domain/meetings/index.ts';
import type { AppEnv } from '../context.ts';
import { itemSchema, itemUpdateSchema } from '../schemas/meeting.schema.ts';
import { ActionButton, Csrf, Notice } from './components.tsx';
import { CaseDescription } from './case-description.tsx';
import { submitForm } from './form-flow.ts';
import { ItemForm } from './meeting-forms.tsx';
import { formatSize } from './meeting-view.tsx';
import { formValues, intParam, page, type PageContext } from './render.tsx';
import { requireEditor } from '../../services/meeting.service.ts';
import { itemSource } from '../../services/archive-ui.service.ts';
import { threadOfItem } from '../../services/thread.service.ts';
import { ItemSourceNote } from './archive.routes.tsx';
import { ThreadTimeline } from './thread-timeline.tsx';

export const itemPages = new Hono<AppEnv>();

const ITEM_ACCESS_LABEL = {
  open: 'Åbent punkt',
  closed: 'Lukket punkt',
  personal: 'Punkt med personoplysninger',
} as const;

function itemValues(item: Item, viewers: readonly string[]): Record<string, string> {
  return {
    viewers: viewers.join('\n'),
    version: String(item.version),
    title: item.title,
    section: item.section,
    access: item.access,
    publicTitle: item.publicTitle ?? '',
    presenter: item.presenter,
    summary: item.summary,
    recommendations: item.recommendations.join('\n'),
    caseDescription: item.caseDescription,
  };
}

function itemFormPage(
  c: PageContext,
  o: {
    meetingId: number;
    action: string;
    editing: boolean;
    values: Record<string, string>;
    errors?: Record<string, string>;
    message?: string;
    status?: 200 | 400 | 409;
  },
) {
  const title = o.editing ? 'Redigér punkt' : 'Nyt punkt';
  return page(
    c,
    {
      title,
      nav: 'committees',
      breadcrumbs: [{ href: `/meetings/${o.meetingId}`, label: 'Mødet' }],
    },
    <>
      <h1>{title}</h1>
      <ItemForm
        action={o.action}
        values={o.values}
        errors={o.errors}
        message={o.message}
        csrf={c.get('csrfToken')}
        editing={o.editing}
      />
    </>,
    o.status ?? 200,
  );
}

itemPages.get('/meetings/:id/items/new', async (c) => {
  requireEditor(c.get('viewer'));
  const meetingId = intParam(c, 'id');
  await c.get('services').meetings.meetingRow(c.get('viewer'), meetingId);
  return itemFormPage(c, {
    meetingId,
    action: `/meetings/${meetingId}/items`,
    editing: false,
    values: { section: 'for-decision', access: 'open' },
  });
});

itemPages.post('/meetings/:id/items', async (c) => {
  const meetingId = intParam(c, 'id');
  const values = await formValues(c);
  return submitForm(
    itemSchema,
    values,
    async (data) => {
      const item = await c.get('services').meetings.addItem(c.get('viewer'), meetingId, data);
      return c.redirect(
        `/meetings/${meetingId}?saved=${encodeURIComponent(`Punkt ${item.number} er tilføjet.`)}#punkt-${item.number}`,
        303,
      );
    },
    (errors, message, status) =>
      itemFormPage(c, {
        meetingId,
        action: `/meetings/${meetingId}/items`,
        editing: false,
        values,
        errors,
        message,
        status,
      }),
  );
});

itemPages.get('/items/:id', async (c) => {
  const { meetings } = c.get('services');
  const viewer = c.get('viewer');
  const { item, meeting } = await meetings.item(viewer, intParam(c, 'id'));
  const doc = await meetings.document(viewer, meeting.id);
  const shown = doc.items.find((i) => i.id === item.id);
  if (shown === undefined || shown.hidden) return c.notFound();
  const editable = canEdit(viewer);
  const csrf = c.get('csrfToken');
  const { db } = c.get('services');
  const [thread, source] = await Promise.all([
    threadOfItem(db, viewer, item.id),
    itemSource(db, viewer, item.id),
  ]);
  return page(
    c,
    {
      title: `Punkt ${shown.number}. ${shown.title}`,
      nav: 'committees',
      breadcrumbs: [
        { href: `/committees/${doc.committee.id}`, label: doc.committee.shortName },
        { href: `/meetings/${meeting.id}`, label: `Møde ${formatDanishDate(meeting.date)}` },
      ],
    },
    <>
      {c.req.query('saved') ? <Notice kind="success">{c.req.query('saved')}</Notice> : null}
      <h1>
        Punkt {shown.number}. {shown.title}
      </h1>
      <p class="muted">
        {SECTION_LABEL[shown.section]} · {ITEM_ACCESS_LABEL[shown.access]}
        {shown.presenter ? ` · Oplæg ved ${shown.presenter}` : ''}
      </p>
      {source !== null ? <ItemSourceNote source={source} /> : null}
      {shown.summary ? (
        <>
          <h2 class="h4">Resumé</h2>
          <p>{shown.summary}</p>
        </>
      ) : null}
      {shown.recommendations.length > 0 ? (
        <>
          <h2 class="h4">Indstilling</h2>
          <p>Det indstilles, at</p>
          <ul>
            {shown.recommendations.map((r) => (
              <li>{r}</li>
            ))}
          </ul>
        </>
      ) : null}
      {shown.caseDescription ? (
        <>
          <h2 class="h4">Sagsbeskrivelse</h2>
          <CaseDescription markup={shown.caseDescription} />
        </>
      ) : null}
      <h2 class="h4">Bilag</h2>
      {shown.attachments.length === 0 ? <p class="muted">Ingen bilag.</p> : null}
      <ul class="attachment-list">
        {shown.attachments.map((a) => (
          <li>
            <a href={`/attachments/${a.id}`}>
              {a.label}: {a.title}
            </a>{' '}
            <span class="muted">
              ({a.filename}, {formatSize(a.size)}
              {a.access === 'open' ? '' : `, ${ACCESS_LABEL[a.access].toLowerCase()}`})
            </span>
            {editable && meeting.stage !== 'minutes-approved' ? (
              <ActionButton
                action={`/attachments/${a.id}/delete`}
                label="Fjern"
                csrf={csrf}
                kind="tertiary"
              />
            ) : null}
          </li>
        ))}
      </ul>
      {editable && meeting.stage !== 'minutes-approved' ? (
        <form
          method="post"
          action={`/items/${item.id}/attachments`}
          enctype="multipart/form-data"
          class="app-form upload-form"
        >
          <Csrf token={csrf} />
          <h3 class="h5">Tilføj bilag</h3>
          <label class="form-label" for="file">
            Fil
          </label>
          <input class="form-file-input" type="file" id="file" name="file" required />
          <label class="form-label" for="att-title">
            Titel (valgfri; ellers filnavnet)
          </label>
          <input class="form-input" id="att-title" name="title" />
          <label class="form-label" for="att-access">
            Adgang
          </label>
          <select class="form-select" id="att-access" name="access">
            {ACCESS_LEVELS.map((level) => (
              <option value={level}>{ACCESS_LABEL[level]}</option>
            ))}
          </select>
          <button class="button button-secondary" type="submit">
            Upload bilag
          </button>
        </form>
      ) : null}
      {shown.decision !== null && (shown.decision !== '' || shown.outcome !== null) ? (
        <div class="decision">
          <h2 class="h4">Beslutning{shown.outcome ? `: ${OUTCOME_LABEL[shown.outcome]}` : ''}</h2>
          <p>{shown.decision}</p>
          {shown.postMeetingNote ? <p>Bemærkning efter mødet: {shown.postMeetingNote}</p> : null}
        </div>
      ) : null}
      {thread !== null ? (
        <ThreadTimeline thread={thread} currentItemId={item.id} withHeading />
      ) : null}
      {editable && meeting.stage !== 'minutes-approved' ? (
        <div class="button-row">
          <a class="button button-secondary" href={`/items/${item.id}/edit`}>
            Redigér punkt
          </a>
          <ActionButton
            action={`/items/${item.id}/delete`}
            label="Slet punkt"
            csrf={csrf}
            version={item.version}
            kind="warning"
          />
        </div>
      ) : null}
    </>,
  );
});

itemPages.get('/items/:id/edit', async (c) => {
  const viewer = c.get('viewer');
  requireEditor(viewer);
  const { meetings } = c.get('services');
  const { item } = await meetings.item(viewer, intParam(c, 'id'));
  return itemFormPage(c, {
    meetingId: item.meetingId,
    action: `/items/${item.id}`,
    editing: true,
    values: itemValues(item, await meetings.namedViewers(viewer, item.id)),
  });
});

itemPages.post('/items/:id', async (c) => {
  const { meetings } = c.get('services');
  const viewer = c.get('viewer');
  const { item } = await meetings.item(viewer, intParam(c, 'id'));
  const values = await formValues(c);
  return submitForm(
    itemUpdateSchema,
    values,
    async (data) => {
      await meetings.updateItem(viewer, item.id, data.version, data);
      return c.redirect(`/items/${item.id}?saved=${encodeURIComponent('Punktet er gemt.')}`, 303);
    },
    (errors, message, status) =>
      itemFormPage(c, {
        meetingId: item.meetingId,
        action: `/items/${item.id}`,
        editing: true,
        values,
        errors,
        message,
        status,
      }),
  );
});

itemPages.post('/items/:id/move', async (c) => {
  const { meetings } = c.get('services');
  const viewer = c.get('viewer');
  const values = await formValues(c);
  const { item } = await meetings.item(viewer, intParam(c, 'id'));
  await meetings.moveItem(viewer, item.id, values.direction === 'up' ? 'up' : 'down');
  return c.redirect(`/meetings/${item.meetingId}#punkt-${item.number}`, 303);
});

itemPages.post('/items/:id/delete', async (c) => {
  const { meetings } = c.get('services');
  const viewer = c.get('viewer');
  const values = await formValues(c);
  const { item } = await meetings.item(viewer, intParam(c, 'id'));
  await meetings.deleteItem(viewer, item.id, Number(values.version));
  return c.redirect(
    `/meetings/${item.meetingId}?saved=${encodeURIComponent(`Punktet "${item.title}" er slettet.`)}`,
    303,
  );
});

itemPages.post('/items/:id/attachments', async (c) => {
  const { meetings } = c.get('services');
  const viewer = c.get('viewer');
  const { maxUploadBytes } = c.get('config');
  const itemId = intParam(c, 'id');
  const body = await c.req.parseBody();
  const file = body.file;
  const back = (message: string, status: 400 | 413) =>
    page(
      c,
      {
        title: 'Bilaget blev ikke gemt',
        breadcrumbs: [{ href: `/items/${itemId}`, label: 'Punktet' }],
      },
      <>
        <h1>Bilaget blev ikke gemt</h1>
        <Notice kind="warning">{message}</Notice>
        <a href={`/items/${itemId}`}>Tilbage til punktet</a>
      </>,
      status,
    );
  if (!(file instanceof File) || file.size === 0)
    return back('Vælg en fil at uploade. Filen må ikke være tom.', 400);
  if (file.size > maxUploadBytes) {
    return back(
      `Filen er for stor (${formatSize(file.size)}). Bilag må højst fylde ${formatSize(maxUploadBytes)}.`,
      413,
    );
  }
  const title =
    typeof body.title === 'string' && body.title.trim() !== ''
      ? body.title.trim()
      : file.name.replace(/\.[^.]+$/, '');
  await meetings.addAttachment(viewer, itemId, {
    title: title.slice(0, 300),
    filename: file.name.slice(0, 255) || 'bilag',
    mediaType: file.type || 'application/octet-stream',
    access: ACCESS_LEVELS.find((level) => level === body.access) ?? 'open',
    bytes: new Uint8Array(await file.arrayBuffer()),
  });
  return c.redirect(
    `/items/${itemId}?saved=${encodeURIComponent(`Bilaget "${title}" er tilføjet.`)}`,
    303,
  );
});

itemPages.post('/attachments/:id/delete', async (c) => {
  const { meetings } = c.get('services');
  const { attachment } = await meetings.download(c.get('viewer'), intParam(c, 'id'));
  await meetings.removeAttachment(c.get('viewer'), attachment.id);
  return c.redirect(`/items/${attachment.itemId}`, 303);
});

/** The original file, always as a download (never rendered inline), only for those with access. */
itemPages.get('/attachments/:id', async (c) => {
  const { attachment, bytes } = await c
    .get('services')
    .meetings.download(c.get('viewer'), intParam(c, 'id'));
  const ascii = attachment.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': 'application/octet-stream',
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
  });
});
