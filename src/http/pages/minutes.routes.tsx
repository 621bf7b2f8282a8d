/**
 * Minutes mode: the secretary records decisions item by item with the recommendation in view,
 * creates follow-ups from a decision, and after approval corrects with a visible reason.
 */
import { Hono } from 'hono';
import {
  formatDanishDate,
  OUTCOME_LABEL,
  OUTCOMES,
  type Item,
} from '../../domain/meetings/index.ts';
import type { AppEnv } from '../context.ts';
import {
  correctionSchema,
  decisionSchema,
  followUpSchema,
  followUpStatusSchema,
  writtenProcedureSchema,
  writtenResponseSchema,
} from '../schemas/meeting.schema.ts';
import type { WrittenResponse } from '../../db/repositories/decision-record.repository.ts';
import { requireEditor } from '../../services/meeting.service.ts';
import { ActionButton, Csrf, ErrorSummary, Notice } from './components.tsx';
import { submitForm } from './form-flow.ts';
import { formValues, intParam, page, type PageContext } from './render.tsx';
import type { FieldErrors } from '../../domain/errors.ts';

export const minutesPages = new Hono<AppEnv>();

function DecisionForm(p: {
  item: Item;
  csrf: string;
  locked: boolean;
  values?: Record<string, string>;
  errors?: FieldErrors;
  message?: string;
}) {
  const v = p.values ?? {
    version: String(p.item.version),
    decision: p.item.decision,
    outcome: p.item.outcome ?? '',
    postMeetingNote: p.item.postMeetingNote,
  };
  return (
    <form method="post" action={`/items/${p.item.id}/decision`} class="app-form decision-form">
      <ErrorSummary errors={p.errors} message={p.message} />
      <Csrf token={p.csrf} />
      <input type="hidden" name="version" value={v.version ?? ''} />
      <label class="form-label" for={`outcome-${p.item.id}`}>
        Udfald
      </label>
      <select class="form-select" id={`outcome-${p.item.id}`} name="outcome">
        <option value="">Ikke angivet</option>
        {OUTCOMES.map((o) => (
          <option value={o} selected={v.outcome === o}>
            {OUTCOME_LABEL[o]}
          </option>
        ))}
      </select>
      <label class="form-label" for={`decision-${p.item.id}`}>
        Beslutning
      </label>
      <textarea class="form-input" id={`decision-${p.item.id}`} name="decision" rows={4}>
        {v.decision ?? ''}
      </textarea>
      <label class="form-label" for={`note-${p.item.id}`}>
        Bemærkning efter mødet
      </label>
      <textarea class="form-input" id={`note-${p.item.id}`} name="postMeetingNote" rows={2}>
        {v.postMeetingNote ?? ''}
      </textarea>
      {p.locked ? (
        <>
          <label class="form-label" for={`reason-${p.item.id}`}>
            Begrundelse for rettelsen (vises i referatet)
          </label>
          <input
            class="form-input"
            id={`reason-${p.item.id}`}
            name="reason"
            value={v.reason ?? ''}
          />
        </>
      ) : null}
      <button type="submit" class="button button-primary">
        {p.locked ? 'Gem rettelse' : 'Gem beslutning'}
      </button>
    </form>
  );
}

const ANSWER_LABEL = { agree: 'Enig', disagree: 'Uenig', abstain: 'Undlader' } as const;

function WrittenProcedure(p: { item: Item; csrf: string; responses: WrittenResponse[] }) {
  if (p.item.writtenProcedureDeadline === null) {
    return (
      <form method="post" action={`/items/${p.item.id}/written-procedure`} class="app-form">
        <Csrf token={p.csrf} />
        <label class="form-label" for={`wp-${p.item.id}`}>
          Send i skriftlig høring med frist (dd.mm.åååå)
        </label>
        <input class="form-input input-width-s" id={`wp-${p.item.id}`} name="deadline" />
        <button type="submit" class="button button-secondary">
          Start skriftlig høring
        </button>
      </form>
    );
  }
  return (
    <div class="written-procedure">
      <p>
        <strong>Skriftlig høring</strong> med frist{' '}
        {formatDanishDate(p.item.writtenProcedureDeadline)}.{' '}
        {p.responses.length === 0 ? 'Ingen svar endnu.' : `${p.responses.length} svar:`}
      </p>
      <ul>
        {p.responses.map((r) => (
          <li>
            {r.respondent}
            {r.organisation ? ` (${r.organisation})` : ''}: {ANSWER_LABEL[r.answer]},{' '}
            {formatDanishDate(r.answeredOn)}
            {r.comment ? ` – ${r.comment}` : ''}
          </li>
        ))}
      </ul>
      <form
        method="post"
        action={`/items/${p.item.id}/written-responses`}
        class="app-form inline-fields"
      >
        <Csrf token={p.csrf} />
        <label class="form-label" for={`wr-name-${p.item.id}`}>
          Hvem har svaret
        </label>
        <input class="form-input" id={`wr-name-${p.item.id}`} name="respondent" />
        <label class="form-label" for={`wr-answer-${p.item.id}`}>
          Svar
        </label>
        <select class="form-select" id={`wr-answer-${p.item.id}`} name="answer">
          <option value="agree">Enig</option>
          <option value="disagree">Uenig</option>
          <option value="abstain">Undlader</option>
        </select>
        <label class="form-label" for={`wr-date-${p.item.id}`}>
          Dato (dd.mm.åååå)
        </label>
        <input class="form-input input-width-s" id={`wr-date-${p.item.id}`} name="answeredOn" />
        <label class="form-label" for={`wr-comment-${p.item.id}`}>
          Bemærkning
        </label>
        <input class="form-input" id={`wr-comment-${p.item.id}`} name="comment" />
        <button type="submit" class="button button-secondary">
          Registrér svar
        </button>
      </form>
    </div>
  );
}

interface Choice {
  value: number;
  label: string;
}

function FollowUpForm(p: {
  item: Item;
  csrf: string;
  organisations: Choice[];
  meetings: Choice[];
}) {
  const id = p.item.id;
  return (
    <details class="follow-up-form">
      <summary>Opret opfølgning fra beslutningen</summary>
      <form method="post" action={`/items/${id}/follow-ups`} class="app-form">
        <Csrf token={p.csrf} />
        <label class="form-label" for={`fu-what-${id}`}>
          Hvad skal der ske?
        </label>
        <input class="form-input" id={`fu-what-${id}`} name="what" />
        <label class="form-label" for={`fu-org-${id}`}>
          Ansvarlig organisation
        </label>
        <select class="form-select" id={`fu-org-${id}`} name="ownerOrganisationId">
          <option value="">Ingen (angiv en person)</option>
          {p.organisations.map((o) => (
            <option value={String(o.value)}>{o.label}</option>
          ))}
        </select>
        <label class="form-label" for={`fu-owner-${id}`}>
          Ansvarlig person
        </label>
        <input class="form-input" id={`fu-owner-${id}`} name="ownerPerson" value="Sekretariatet" />
        <label class="form-label" for={`fu-due-${id}`}>
          Frist (dd.mm.åååå)
        </label>
        <input class="form-input input-width-s" id={`fu-due-${id}`} name="dueDate" />
        <label class="form-label" for={`fu-meeting-${id}`}>
          … eller til møde
        </label>
        <select class="form-select" id={`fu-meeting-${id}`} name="dueMeetingId">
          <option value="">Intet bestemt møde</option>
          {p.meetings.map((m) => (
            <option value={String(m.value)}>{m.label}</option>
          ))}
        </select>
        <button type="submit" class="button button-secondary">
          Opret opfølgning
        </button>
      </form>
    </details>
  );
}

async function minutesPage(
  c: PageContext,
  meetingId: number,
  failed?: {
    itemId: number;
    values: Record<string, string>;
    errors: FieldErrors;
    message?: string;
  },
  status: 200 | 400 | 409 = 200,
) {
  const { meetings, followUps } = c.get('services');
  const viewer = c.get('viewer');
  requireEditor(viewer); // draft decisions are the secretariat's until the minutes are sent
  const meeting = await meetings.meetingRow(viewer, meetingId);
  const doc = await meetings.document(viewer, meetingId);
  const items = await Promise.all(doc.items.map((i) => meetings.item(viewer, i.id)));
  const existing = await followUps.list(viewer, {});
  const responses = await meetings.writtenResponses(meetingId);
  const cancelled = meeting.status === 'cancelled';
  const organisations = (await c.get('services').committees.organisations()).map((o) => ({
    value: o.id,
    label: o.shortName ?? o.name,
  }));
  const laterMeetings = (await meetings.listMeetings(viewer, { committeeId: meeting.committeeId }))
    .filter(
      (m) =>
        m.id !== meeting.id && m.date !== null && meeting.date !== null && m.date > meeting.date,
    )
    .map((m) => ({ value: m.id, label: `${m.committeeShortName} ${formatDanishDate(m.date)}` }));
  const csrf = c.get('csrfToken');
  const locked = meeting.stage === 'minutes-approved';
  return page(
    c,
    {
      title: `Referat: ${meeting.committeeShortName} ${formatDanishDate(meeting.date)}`,
      nav: 'committees',
      breadcrumbs: [{ href: `/meetings/${meetingId}`, label: 'Mødet' }],
    },
    <>
      <h1>
        Referat: {meeting.committeeShortName}, {formatDanishDate(meeting.date)}
      </h1>
      {c.req.query('saved') ? <Notice kind="success">{c.req.query('saved')}</Notice> : null}
      {locked ? (
        <Notice kind="warning">
          Referatet er godkendt og låst. Ændringer gemmes som synlige rettelser med begrundelse.
        </Notice>
      ) : null}
      {failed && cancelled ? (
        <ErrorSummary errors={failed.errors} message={failed.message} />
      ) : null}
      <p>
        {cancelled
          ? 'Mødet er aflyst. Send de punkter, der skal besluttes, i skriftlig høring; notér svarene og derefter beslutningen.'
          : 'Notér beslutningen for hvert punkt. Indstillingen står ved siden af.'}
      </p>
      {items.map(({ item }) => (
        <section class="minutes-item" id={`punkt-${item.number}`}>
          <h2 class="h3">
            Punkt {item.number}. {item.title}
            {item.access !== 'open' ? (
              <span class="badge badge-warning ml-3">
                {item.access === 'personal' ? 'Personoplysninger' : 'Lukket'}
              </span>
            ) : null}
          </h2>
          <div class="row">
            <div class="col-12 col-md-5">
              <h3 class="h5">Indstilling</h3>
              {item.recommendations.length === 0 ? (
                <p class="muted">Ingen indstilling.</p>
              ) : (
                <ul>
                  {item.recommendations.map((r) => (
                    <li>{r}</li>
                  ))}
                </ul>
              )}
            </div>
            <div class="col-12 col-md-7">
              {cancelled ? (
                <WrittenProcedure
                  item={item}
                  csrf={csrf}
                  responses={responses.filter((r) => r.itemId === item.id)}
                />
              ) : null}
              {cancelled && item.writtenProcedureDeadline === null ? null : failed?.itemId ===
                item.id ? (
                <DecisionForm
                  item={item}
                  csrf={csrf}
                  locked={locked}
                  values={failed.values}
                  errors={failed.errors}
                  message={failed.message}
                />
              ) : (
                <DecisionForm item={item} csrf={csrf} locked={locked} />
              )}
              {existing
                .filter((f) => f.itemId === item.id)
                .map((f) => (
                  <p class="follow-up">
                    Opfølgning: {f.what} ({f.ownerOrganisation ?? f.ownerPerson}
                    {f.dueDate ? `, frist ${formatDanishDate(f.dueDate)}` : ''})
                  </p>
                ))}
              <FollowUpForm
                item={item}
                csrf={csrf}
                organisations={organisations}
                meetings={laterMeetings}
              />
            </div>
          </div>
        </section>
      ))}
    </>,
    status,
  );
}

minutesPages.get('/meetings/:id/minutes', (c) => minutesPage(c, intParam(c, 'id')));

minutesPages.post('/items/:id/decision', async (c) => {
  const { meetings } = c.get('services');
  const viewer = c.get('viewer');
  const { item, meeting } = await meetings.item(viewer, intParam(c, 'id'));
  const values = await formValues(c);
  const locked = meeting.stage === 'minutes-approved';
  const fail = (errors: FieldErrors, message: string | undefined, status: 400 | 409) =>
    minutesPage(c, meeting.id, { itemId: item.id, values, errors, message }, status);
  if (locked) {
    return submitForm(
      correctionSchema,
      values,
      async (data) => {
        await meetings.correctDecision(
          viewer,
          item.id,
          data.version,
          data,
          data.reason,
          viewer.userId,
        );
        return c.redirect(
          `/meetings/${meeting.id}/minutes?saved=${encodeURIComponent(`Rettelsen til punkt ${item.number} er gemt.`)}#punkt-${item.number}`,
          303,
        );
      },
      fail,
    );
  }
  return submitForm(
    decisionSchema,
    values,
    async (data) => {
      await meetings.recordDecision(viewer, item.id, data.version, data);
      return c.redirect(
        `/meetings/${meeting.id}/minutes?saved=${encodeURIComponent(`Beslutningen for punkt ${item.number} er gemt.`)}#punkt-${item.number}`,
        303,
      );
    },
    fail,
  );
});

minutesPages.post('/items/:id/written-procedure', async (c) => {
  const { meetings } = c.get('services');
  const viewer = c.get('viewer');
  const { item, meeting } = await meetings.item(viewer, intParam(c, 'id'));
  return submitForm(
    writtenProcedureSchema,
    await formValues(c),
    async (data) => {
      await meetings.startWrittenProcedure(viewer, item.id, data.deadline);
      return c.redirect(
        `/meetings/${meeting.id}/minutes?saved=${encodeURIComponent(`Punkt ${item.number} er sendt i skriftlig høring.`)}#punkt-${item.number}`,
        303,
      );
    },
    (errors, message, status) =>
      minutesPage(
        c,
        meeting.id,
        {
          itemId: item.id,
          values: {},
          errors,
          message: message ?? 'Den skriftlige høring blev ikke startet.',
        },
        status,
      ),
  );
});

minutesPages.post('/items/:id/written-responses', async (c) => {
  const { meetings } = c.get('services');
  const viewer = c.get('viewer');
  const { item, meeting } = await meetings.item(viewer, intParam(c, 'id'));
  return submitForm(
    writtenResponseSchema,
    await formValues(c),
    async (data) => {
      await meetings.addWrittenResponse(viewer, item.id, data);
      return c.redirect(
        `/meetings/${meeting.id}/minutes?saved=${encodeURIComponent(`Svaret fra ${data.respondent} er registreret.`)}#punkt-${item.number}`,
        303,
      );
    },
    (errors, message, status) =>
      minutesPage(
        c,
        meeting.id,
        {
          itemId: item.id,
          values: {},
          errors,
          message: message ?? 'Svaret blev ikke registreret.',
        },
        status,
      ),
  );
});

minutesPages.post('/items/:id/follow-ups', async (c) => {
  const { meetings, followUps } = c.get('services');
  const viewer = c.get('viewer');
  const { item, meeting } = await meetings.item(viewer, intParam(c, 'id'));
  const values = await formValues(c);
  return submitForm(
    followUpSchema,
    values,
    async (data) => {
      await followUps.create(viewer, item.id, data);
      return c.redirect(
        `/meetings/${meeting.id}/minutes?saved=${encodeURIComponent('Opfølgningen er oprettet.')}#punkt-${item.number}`,
        303,
      );
    },
    (errors, message, status) =>
      minutesPage(
        c,
        meeting.id,
        {
          itemId: item.id,
          values: {},
          errors,
          message: message ?? 'Opfølgningen blev ikke oprettet.',
        },
        status,
      ),
  );
});

minutesPages.get('/follow-ups', async (c) => {
  const { followUps } = c.get('services');
  const viewer = c.get('viewer');
  if (viewer.role === 'anonymous') return c.redirect('/login?next=/follow-ups', 303);
  const status = c.req.query('status') === 'all' ? undefined : 'open';
  const list = await followUps.list(viewer, status ? { status } : {});
  const csrf = c.get('csrfToken');
  return page(
    c,
    { title: 'Opfølgninger', nav: 'follow-ups' },
    <>
      <h1>Opfølgninger</h1>
      <p>
        {status ? (
          <a href="/follow-ups?status=all">Vis også udførte og annullerede</a>
        ) : (
          <a href="/follow-ups">Vis kun åbne</a>
        )}
      </p>
      {list.length === 0 ? (
        <p>Der er ingen åbne opfølgninger.</p>
      ) : (
        <table class="table table--compact">
          <thead>
            <tr>
              <th scope="col">Opfølgning</th>
              <th scope="col">Ansvarlig</th>
              <th scope="col">Frist</th>
              <th scope="col">Besluttet</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {list.map((f) => (
              <tr>
                <td>{f.what}</td>
                <td>{f.ownerOrganisation ?? f.ownerPerson}</td>
                <td>
                  {f.dueDate
                    ? formatDanishDate(f.dueDate)
                    : f.dueMeetingDate
                      ? `Mødet ${formatDanishDate(f.dueMeetingDate)}`
                      : ''}
                </td>
                <td>
                  {f.meetingId ? (
                    <a href={`/meetings/${f.meetingId}#punkt-${f.itemNumber}`}>
                      {formatDanishDate(f.meetingDate)}, punkt {f.itemNumber}
                    </a>
                  ) : (
                    ''
                  )}
                </td>
                <td>
                  {f.status === 'open' && viewer.role !== 'member' ? (
                    <ActionButton
                      action={`/follow-ups/${f.id}/status`}
                      label="Markér udført"
                      csrf={csrf}
                      version={f.version}
                      kind="tertiary"
                      fields={{ status: 'done' }}
                    />
                  ) : f.status === 'open' ? (
                    'Åben'
                  ) : f.status === 'done' ? (
                    'Udført'
                  ) : (
                    'Annulleret'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>,
  );
});

minutesPages.post('/follow-ups/:id/status', async (c) => {
  const values = await formValues(c);
  const parsed = followUpStatusSchema.safeParse(values);
  if (!parsed.success) return c.text('Ugyldig status.', 400);
  await c
    .get('services')
    .followUps.setStatus(
      c.get('viewer'),
      intParam(c, 'id'),
      parsed.data.version,
      parsed.data.status,
    );
  return c.redirect('/follow-ups', 303);
});
