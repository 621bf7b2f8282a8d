/** Pages for meetings: view, create, edit, stage actions, attendance and the PDFs. */
import { Hono } from 'hono';
import {
  canEdit,
  decisionsArePublic,
  formatDanishDate,
  type Viewer,
} from '../../domain/meetings/index.ts';
import { meetingSources } from '../../services/archive-ui.service.ts';
import { requireEditor } from '../../services/meeting.service.ts';
import { renderMeetingPdf } from '../../services/pdf/meeting-pdf.ts';
import type { AppEnv } from '../context.ts';
import {
  attendanceSchema,
  cancelSchema,
  informationLetterSchema,
  meetingSchema,
  meetingUpdateSchema,
} from '../schemas/meeting.schema.ts';
import { Csrf, Notice } from './components.tsx';
import { submitForm } from './form-flow.ts';
import { MeetingForm } from './meeting-forms.tsx';
import { ACTION_LABEL, meetingTitle, MeetingView } from './meeting-view.tsx';
import { publishFromForm } from './publishing-findings.tsx';
import { servePublicPage } from '../page-cache.ts';
import { formValues, intParam, page, type PageContext } from './render.tsx';
import { z } from 'zod';

export const meetingPages = new Hono<AppEnv>();

const crumbs = [{ href: '/committees', label: 'Udvalg og møder' }];

meetingPages.get('/meetings/new', async (c) => {
  requireEditor(c.get('viewer'));
  const { meetings } = c.get('services');
  const committees = await meetings.listCommittees();
  const committee = committees.find((x) => String(x.id) === c.req.query('committee'));
  const values = {
    committeeId: committee ? String(committee.id) : '',
    startTime: committee?.defaultStart?.slice(0, 5) ?? '',
    endTime: committee?.defaultEnd?.slice(0, 5) ?? '',
    place: committee?.defaultPlace ?? '',
  };
  return page(
    c,
    { title: 'Nyt møde', breadcrumbs: crumbs, nav: 'committees' },
    <>
      <h1>Nyt møde</h1>
      <p>
        Mødet oprettes med standardpunkterne: godkendelse af dagsorden og af seneste referat,
        Eventuelt og Næste møde.
      </p>
      <MeetingForm
        action="/meetings"
        values={values}
        csrf={c.get('csrfToken')}
        committees={committees}
        editing={false}
      />
    </>,
  );
});

meetingPages.post('/meetings', async (c) => {
  const { meetings } = c.get('services');
  const values = await formValues(c);
  const committees = await meetings.listCommittees();
  return submitForm(
    meetingSchema,
    values,
    async (data) => {
      const meeting = await meetings.createMeeting(c.get('viewer'), data);
      return c.redirect(`/meetings/${meeting.id}`, 303);
    },
    (errors, message, status) =>
      page(
        c,
        { title: 'Nyt møde', breadcrumbs: crumbs, nav: 'committees' },
        <>
          <h1>Nyt møde</h1>
          <MeetingForm
            action="/meetings"
            values={values}
            errors={errors}
            message={message}
            csrf={c.get('csrfToken')}
            committees={committees}
            editing={false}
          />
        </>,
        status,
      ),
  );
});

meetingPages.get('/meetings/:id', async (c) => {
  const { meetings } = c.get('services');
  const viewer = c.get('viewer');
  const id = intParam(c, 'id');
  // Every anonymous visitor sees the same page: serve it from the cache while nothing changed.
  const cacheable = viewer.role === 'anonymous' && c.req.query('saved') === undefined;
  const stamp = cacheable ? await meetings.contentStamp(id) : null;
  return servePublicPage(c.get('pageCache'), `meeting:${id}`, stamp, () => meetingPage(c, id));
});

async function meetingPage(c: PageContext, id: number) {
  const { meetings, followUps } = c.get('services');
  const viewer = c.get('viewer');
  const doc = await meetings.document(viewer, id);
  const editable = canEdit(viewer);
  const due = editable ? await followUps.dueAt(viewer, doc.meeting.id) : [];
  const attendance = editable ? await meetings.attendance(doc.meeting.id) : [];
  const notice = c.req.query('saved');
  const sources = await meetingSources(c.get('services').db, viewer, doc.meeting.id);
  const row = editable ? await meetings.meetingRow(viewer, doc.meeting.id) : null;
  const letterSentAt = row?.informationLetterSentAt
    ? row.informationLetterSentAt.toLocaleString('da-DK', { timeZone: 'Europe/Copenhagen' })
    : null;
  const letterItems = new Set(
    editable ? await meetings.itemsInInformationLetter(doc.meeting.id) : [],
  );
  return page(
    c,
    {
      title: meetingTitle(doc),
      breadcrumbs: [
        ...crumbs,
        { href: `/committees/${doc.committee.id}`, label: doc.committee.shortName },
      ],
      nav: 'committees',
    },
    <>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {sources.length > 0 ? (
        <Notice kind="info">
          Mødet er indlæst fra arkivet.{' '}
          {sources
            .filter((s) => s.downloadable)
            .map((s) => (
              <a href={`/archive/sources/${s.sourceId}`}>
                Hent originalen ({s.filename.split(/[\\/]/).pop()})
              </a>
            ))}
        </Notice>
      ) : null}
      <MeetingView
        doc={doc}
        editable={editable}
        csrf={c.get('csrfToken')}
        dueFollowUps={due}
        attendanceIds={attendance}
      />
      {editable && doc.meeting.status === 'cancelled' ? (
        <section class="information-letter">
          <h2 class="h3">Orienteringsmail</h2>
          {letterSentAt ? (
            <p>
              Orienteringsmailen blev sendt {letterSentAt}. Punkterne nedenfor er markeret som
              sendt.
            </p>
          ) : (
            <p>Mødet er aflyst. Vælg de punkter, der sendes til orientering i stedet for mødet.</p>
          )}
          <form
            method="post"
            action={`/meetings/${doc.meeting.id}/information-letter`}
            class="stack"
          >
            <Csrf token={c.get('csrfToken')} />
            {doc.items
              .filter(
                (i) =>
                  !['Godkendelse af dagsorden', 'Eventuelt', 'Næste møde'].includes(i.title) &&
                  !i.title.startsWith('Godkendelse af referat'),
              )
              .map((i) => (
                <div class="form-group-checkbox">
                  <input
                    class="form-checkbox"
                    type="checkbox"
                    id={`letter-${i.id}`}
                    name="itemIds"
                    value={String(i.id)}
                    checked={
                      letterItems.has(i.id) || (!letterSentAt && i.section === 'for-information')
                    }
                  />
                  <label for={`letter-${i.id}`}>
                    Punkt {i.number}. {i.title}
                  </label>
                </div>
              ))}
            <button class="button button-primary" type="submit">
              {letterSentAt ? 'Send orienteringsmail igen' : 'Send orienteringsmail'}
            </button>
          </form>
        </section>
      ) : null}
      {editable &&
      (doc.meeting.stage === 'agenda-draft' || doc.meeting.stage === 'agenda-published') &&
      doc.meeting.status !== 'cancelled' ? (
        <details class="danger-zone">
          <summary>Aflys mødet</summary>
          <form method="post" action={`/meetings/${doc.meeting.id}/cancel`} class="stack">
            <Csrf token={c.get('csrfToken')} />
            <input type="hidden" name="version" value={String(doc.meeting.version)} />
            <label class="form-label" for="reason">
              Begrundelse
            </label>
            <input class="form-input" id="reason" name="reason" />
            <button class="button button-warning" type="submit">
              Aflys mødet
            </button>
          </form>
        </details>
      ) : null}
    </>,
  );
}

async function editPage(
  c: PageContext,
  values: Record<string, string>,
  errors?: Record<string, string>,
  message?: string,
  status: 200 | 400 | 409 = 200,
) {
  const id = intParam(c, 'id');
  return page(
    c,
    {
      title: 'Redigér møde',
      breadcrumbs: [...crumbs, { href: `/meetings/${id}`, label: 'Mødet' }],
      nav: 'committees',
    },
    <>
      <h1>Redigér møde</h1>
      <MeetingForm
        action={`/meetings/${id}`}
        values={values}
        errors={errors}
        message={message}
        csrf={c.get('csrfToken')}
        committees={[]}
        editing={true}
      />
    </>,
    status,
  );
}

meetingPages.get('/meetings/:id/edit', async (c) => {
  requireEditor(c.get('viewer'));
  const m = await c.get('services').meetings.meetingRow(c.get('viewer'), intParam(c, 'id'));
  return editPage(c, {
    committeeId: String(m.committeeId),
    version: String(m.version),
    date: m.date ?? '',
    startTime: m.startTime?.slice(0, 5) ?? '',
    endTime: m.endTime?.slice(0, 5) ?? '',
    place: m.place,
  });
});

meetingPages.post('/meetings/:id', async (c) => {
  const values = await formValues(c);
  const id = intParam(c, 'id');
  return submitForm(
    meetingUpdateSchema,
    values,
    async (data) => {
      await c.get('services').meetings.updateMeeting(c.get('viewer'), id, data.version, data);
      return c.redirect(`/meetings/${id}?saved=${encodeURIComponent('Mødet er gemt.')}`, 303);
    },
    (errors, message, status) => editPage(c, values, errors, message, status),
  );
});

const ACTION_DONE: Record<string, string> = {
  'publish-agenda':
    'Dagsordenen er udsendt og kan nu ses af medlemmerne og offentligheden (åbne punkter).',
  'start-minutes': 'Referatet er påbegyndt. Notér beslutningerne punkt for punkt.',
  'publish-minutes': 'Referatet er udsendt.',
};

meetingPages.post('/meetings/:id/actions/:action', async (c) => {
  const id = intParam(c, 'id');
  const action = z
    .enum(['publish-agenda', 'start-minutes', 'publish-minutes'])
    .safeParse(c.req.param('action'));
  if (!action.success) return c.notFound();
  const values = await formValues(c);
  const version = Number(values.version);
  const { meetings } = c.get('services');
  const meeting = await meetings.meetingRow(c.get('viewer'), id);
  const label = `${meeting.committeeShortName} ${meeting.date === null ? '' : formatDanishDate(meeting.date)}`;
  return publishFromForm(
    c,
    values,
    async (confirmFindings) => {
      await meetings.advance(c.get('viewer'), id, version, action.data, { confirmFindings });
      return c.redirect(
        `/meetings/${id}?saved=${encodeURIComponent(ACTION_DONE[action.data] ?? 'Gemt.')}`,
        303,
      );
    },
    {
      title: ACTION_LABEL[action.data],
      breadcrumbs: [...crumbs, { href: `/meetings/${id}`, label }],
      action: `/meetings/${id}/actions/${action.data}`,
      back: `/meetings/${id}`,
    },
  );
});

meetingPages.post('/meetings/:id/cancel', async (c) => {
  const id = intParam(c, 'id');
  const values = await formValues(c);
  return submitForm(
    cancelSchema,
    values,
    async (data) => {
      await c
        .get('services')
        .meetings.cancelMeeting(c.get('viewer'), id, data.version, data.reason);
      return c.redirect(`/meetings/${id}?saved=${encodeURIComponent('Mødet er aflyst.')}`, 303);
    },
    (errors, message, status) =>
      page(
        c,
        {
          title: 'Aflys mødet',
          breadcrumbs: [...crumbs, { href: `/meetings/${id}`, label: 'Mødet' }],
        },
        <>
          <h1>Mødet blev ikke aflyst</h1>
          <Notice kind="warning">{message ?? Object.values(errors).join(' ')}</Notice>
          <a href={`/meetings/${id}`}>Tilbage til mødet</a>
        </>,
        status,
      ),
  );
});

meetingPages.post('/meetings/:id/attendance', async (c) => {
  const id = intParam(c, 'id');
  const values = await formValues(c);
  return submitForm(
    attendanceSchema,
    values,
    async (data) => {
      await c.get('services').meetings.addAttendance(c.get('viewer'), id, data);
      return c.redirect(
        `/meetings/${id}?saved=${encodeURIComponent(`${data.name} er registreret.`)}#deltagere`,
        303,
      );
    },
    (errors, message, status) =>
      page(
        c,
        {
          title: 'Fremmøde',
          breadcrumbs: [...crumbs, { href: `/meetings/${id}`, label: 'Mødet' }],
        },
        <>
          <h1>Fremmødet blev ikke gemt</h1>
          <Notice kind="warning">{message ?? Object.values(errors).join(' ')}</Notice>
          <a href={`/meetings/${id}`}>Tilbage til mødet</a>
        </>,
        status,
      ),
  );
});

meetingPages.post('/meetings/:id/information-letter', async (c) => {
  const id = intParam(c, 'id');
  const body = await c.req.parseBody({ all: true });
  const parsed = informationLetterSchema.safeParse({ itemIds: body.itemIds });
  if (!parsed.success) return c.text('Ugyldige punkter.', 400);
  await c.get('services').meetings.sendInformationLetter(c.get('viewer'), id, parsed.data.itemIds);
  return c.redirect(
    `/meetings/${id}?saved=${encodeURIComponent(`Orienteringsmailen er registreret som sendt med ${parsed.data.itemIds.length} punkter.`)}`,
    303,
  );
});

meetingPages.post('/meetings/:id/attendance/:attendanceId/delete', async (c) => {
  const id = intParam(c, 'id');
  await c
    .get('services')
    .meetings.removeAttendance(c.get('viewer'), id, intParam(c, 'attendanceId'));
  return c.redirect(`/meetings/${id}`, 303);
});

async function pdfResponse(viewer: Viewer, c: PageContext, kind: 'agenda' | 'minutes') {
  const doc = await c.get('services').meetings.document(viewer, intParam(c, 'id'));
  const begun = doc.meeting.stage === 'minutes-draft' && canEdit(viewer);
  if (kind === 'minutes' && !begun && !decisionsArePublic(doc.meeting)) {
    return c.text('Referatet er ikke udsendt endnu.', 404);
  }
  const bytes = await renderMeetingPdf(doc, kind);
  const name = `${doc.committee.shortName}-${kind === 'agenda' ? 'dagsorden' : 'referat'}-${doc.meeting.date ?? 'uden-dato'}.pdf`;
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': 'application/pdf',
    'content-disposition': `attachment; filename="${name}"`,
    'cache-control': 'private, no-store',
  });
}

meetingPages.get('/meetings/:id/agenda.pdf', (c) => pdfResponse(c.get('viewer'), c, 'agenda'));
meetingPages.get('/meetings/:id/minutes.pdf', (c) => pdfResponse(c.get('viewer'), c, 'minutes'));
