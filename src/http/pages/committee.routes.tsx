/** A committee: its meetings, its members over time and its open follow-ups. */
import { Hono } from 'hono';
import type { FieldErrors } from '../../domain/errors.ts';
import {
  formatDanishDate,
  isSecretariat,
  MEMBER_ROLE_LABEL,
  MEMBER_ROLES,
} from '../../domain/meetings/index.ts';
import { today } from '../../services/clock.ts';
import type { AppEnv } from '../context.ts';
import { endMemberSchema, memberSchema } from '../schemas/meeting.schema.ts';
import {
  ActionButton,
  Csrf,
  ErrorSummary,
  Notice,
  Select,
  TextField,
  PeriodFields,
} from './components.tsx';
import { submitForm } from './form-flow.ts';
import { MeetingList } from './home.routes.tsx';
import { formValues, intParam, page, type PageContext } from './render.tsx';

export const committeePages = new Hono<AppEnv>();

async function committeePage(
  c: PageContext,
  form?: { values: Record<string, string>; errors: FieldErrors; message?: string },
  status: 200 | 400 | 409 = 200,
) {
  const { meetings, committees, followUps, clock } = c.get('services');
  const viewer = c.get('viewer');
  const committee = await committees.get(intParam(c, 'id'));
  const now = today(clock);
  const showAll = c.req.query('members') === 'all';
  const [list, members, organisations, open] = await Promise.all([
    meetings.listMeetings(viewer, { committeeId: committee.id }),
    committees.members(committee.id, showAll ? null : now),
    committees.organisations(),
    followUps.list(viewer, { committeeId: committee.id, status: 'open' }),
  ]);
  const editor = isSecretariat(viewer);
  const csrf = c.get('csrfToken');
  const values = form?.values ?? { role: 'member', validFrom: now.split('-').reverse().join('.') };
  return page(
    c,
    {
      title: committee.shortName,
      nav: 'committees',
      breadcrumbs: [{ href: '/committees', label: 'Udvalg og møder' }],
    },
    <>
      {c.req.query('saved') ? <Notice kind="success">{c.req.query('saved')}</Notice> : null}
      <h1>{committee.name}</h1>
      <p class="font-lead">{committee.description}</p>
      {editor ? (
        <a class="button button-primary" href={`/meetings/new?committee=${committee.id}`}>
          Nyt møde
        </a>
      ) : null}
      <div class="row">
        <div class="col-12 col-md-6">
          <h2>Kommende møder</h2>
          <MeetingList
            meetings={list.filter((m) => m.date !== null && m.date >= now)}
            empty="Ingen kommende møder."
          />
        </div>
        <div class="col-12 col-md-6">
          <h2>Tidligere møder</h2>
          <MeetingList
            meetings={list.filter((m) => m.date === null || m.date < now).reverse()}
            empty="Ingen tidligere møder."
          />
        </div>
      </div>
      {open.length > 0 ? (
        <>
          <h2>Åbne opfølgninger</h2>
          <ul>
            {open.map((f) => (
              <li>
                {f.what} ({f.ownerOrganisation ?? f.ownerPerson}
                {f.dueDate ? `, frist ${formatDanishDate(f.dueDate)}` : ''})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2 id="medlemmer">Medlemmer</h2>
      <p>
        {showAll ? (
          <a href={`/committees/${committee.id}#medlemmer`}>Vis kun nuværende medlemmer</a>
        ) : (
          <a href={`/committees/${committee.id}?members=all#medlemmer`}>
            Vis også tidligere medlemmer
          </a>
        )}
      </p>
      {members.length === 0 ? (
        <p class="muted">Der er ikke registreret medlemmer.</p>
      ) : (
        <table class="table table--compact">
          <thead>
            <tr>
              <th scope="col">Navn</th>
              <th scope="col">Organisation</th>
              <th scope="col">Rolle</th>
              <th scope="col">Periode</th>
              {editor ? <th scope="col">Handling</th> : null}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr>
                <td>{m.personName}</td>
                <td>{m.organisation ?? ''}</td>
                <td>{MEMBER_ROLE_LABEL[m.role]}</td>
                <td>
                  {formatDanishDate(m.validFrom)} – {m.validTo ? formatDanishDate(m.validTo) : ''}
                </td>
                {editor ? (
                  <td>
                    {m.validTo === null ? (
                      <ActionButton
                        action={`/committees/${committee.id}/members/${m.id}/end`}
                        label="Udmeld i dag"
                        csrf={csrf}
                        kind="tertiary"
                        fields={{ validTo: now }}
                      />
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editor ? (
        <details open={form !== undefined} class="member-form">
          <summary>Tilføj medlem</summary>
          <form
            method="post"
            action={`/committees/${committee.id}/members`}
            class="app-form"
            novalidate
          >
            <ErrorSummary errors={form?.errors} message={form?.message} />
            <Csrf token={csrf} />
            <TextField
              name="name"
              label="Navn"
              value={values.name}
              errors={form?.errors}
              width="l"
            />
            <TextField
              name="email"
              label="E-mail (valgfri)"
              value={values.email}
              errors={form?.errors}
              width="l"
            />
            <Select
              name="organisationId"
              label="Organisation"
              value={values.organisationId}
              errors={form?.errors}
              emptyLabel="Ingen"
              options={organisations.map((o) => ({ value: o.id, label: o.shortName ?? o.name }))}
            />
            <Select
              name="role"
              label="Rolle"
              value={values.role}
              errors={form?.errors}
              options={MEMBER_ROLES.map((r) => ({ value: r, label: MEMBER_ROLE_LABEL[r] }))}
            />
            <PeriodFields values={values} errors={form?.errors} />
            <button type="submit" class="button button-secondary">
              Tilføj medlem
            </button>
          </form>
        </details>
      ) : null}
    </>,
    status,
  );
}

committeePages.get('/committees/:id', (c) => committeePage(c));

committeePages.post('/committees/:id/members', async (c) => {
  const values = await formValues(c);
  const id = intParam(c, 'id');
  return submitForm(
    memberSchema,
    values,
    async (data) => {
      await c.get('services').committees.addMember(c.get('viewer'), id, data);
      return c.redirect(
        `/committees/${id}?saved=${encodeURIComponent(`${data.name} er tilføjet som medlem.`)}#medlemmer`,
        303,
      );
    },
    (errors, message, status) => committeePage(c, { values, errors, message }, status),
  );
});

committeePages.post('/committees/:id/members/:membershipId/end', async (c) => {
  const id = intParam(c, 'id');
  const parsed = endMemberSchema.safeParse(await formValues(c));
  if (!parsed.success)
    return committeePage(c, { values: {}, errors: {}, message: 'Skriv en gyldig slutdato.' }, 400);
  await c
    .get('services')
    .committees.endMember(c.get('viewer'), intParam(c, 'membershipId'), parsed.data.validTo);
  return c.redirect(
    `/committees/${id}?saved=${encodeURIComponent('Medlemskabet er afsluttet.')}#medlemmer`,
    303,
  );
});
