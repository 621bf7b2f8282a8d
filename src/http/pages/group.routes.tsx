/**
 * Groups: the list, a group's terms of reference, approval chain, members with profiles and the
 * coverage of wanted profiles, the representation matrix (HTML and XLSX) and nomination rounds.
 */
import { Hono } from 'hono';
import type { FieldErrors } from '../../domain/errors.ts';
import {
  COVERAGE_LABEL,
  FUNCTION_LABEL,
  FUNCTIONS,
  GROUP_TYPE_LABEL,
  GROUP_TYPES,
  LEVEL_LABEL,
  LEVELS,
  NOMINATION_STATUS_LABEL,
  profileLabel,
  TARGET_GROUP_LABEL,
  TARGET_GROUPS,
} from '../../domain/groups/index.ts';
import {
  formatDanishDate,
  isSecretariat,
  MEMBER_ROLE_LABEL,
  MEMBER_ROLES,
} from '../../domain/meetings/index.ts';
import type { GroupRow } from '../../db/repositories/group.repository.ts';
import { today } from '../../services/clock.ts';
import { groupService } from '../../services/group.service.ts';
import { representationXlsx } from '../../services/xlsx/representation.ts';
import type { AppEnv } from '../context.ts';
import {
  approvalSchema,
  groupMemberSchema,
  groupSchema,
  groupUpdateSchema,
  nomineeSchema,
  roundSchema,
  wantedSchema,
} from '../schemas/group.schema.ts';
import {
  ActionButton,
  Csrf,
  ErrorSummary,
  Notice,
  Select,
  TextArea,
  TextField,
  PeriodFields,
} from './components.tsx';
import { submitForm } from './form-flow.ts';
import type { LayoutProps } from './layout.tsx';
import { formValues, intParam, page, type PageContext } from './render.tsx';

export const groupPages = new Hono<AppEnv>();

/** The menu entry these pages light up; becomes 'groups' once the layout has that key. */
const NAV: LayoutProps['nav'] = 'groups';

type Form = { values: Record<string, string>; errors: FieldErrors; message?: string };

const svc = (c: PageContext) => groupService(c.get('services').db, c.get('services').clock);
const danish = (iso: string | null) => (iso ? formatDanishDate(iso) : '');
const dotted = (iso: string) => iso.split('-').reverse().join('.');
const saved = (path: string, message: string, anchor = '') =>
  `${path}?saved=${encodeURIComponent(message)}${anchor}`;

const profileOptions = {
  function: FUNCTIONS.map((v) => ({ value: v, label: FUNCTION_LABEL[v] })),
  targetGroup: TARGET_GROUPS.map((v) => ({ value: v, label: TARGET_GROUP_LABEL[v] })),
  level: LEVELS.map((v) => ({ value: v, label: LEVEL_LABEL[v] })),
};

function ProfileFields({
  values,
  errors,
}: {
  values: Record<string, string>;
  errors?: FieldErrors;
}) {
  return (
    <div class="profile-fields">
      <Select
        name="function"
        label="Funktion"
        value={values.function}
        errors={errors}
        emptyLabel="Ikke angivet"
        options={profileOptions.function}
      />
      <Select
        name="targetGroup"
        label="Målgruppe"
        value={values.targetGroup}
        errors={errors}
        emptyLabel="Ikke angivet"
        options={profileOptions.targetGroup}
      />
      <Select
        name="level"
        label="Niveau"
        value={values.level}
        errors={errors}
        emptyLabel="Ikke angivet"
        options={profileOptions.level}
      />
    </div>
  );
}

/* ---------- list ---------- */

groupPages.get('/groups', async (c) => {
  const groups = await svc(c).list();
  const editor = isSecretariat(c.get('viewer'));
  return page(
    c,
    { title: 'Grupper', nav: NAV },
    <>
      {c.req.query('saved') ? <Notice kind="success">{c.req.query('saved')}</Notice> : null}
      <h1>Grupper</h1>
      <p class="font-lead">Følgegrupper, arbejdsgrupper, nødspor-grupper og paneler under DAS.</p>
      <p>
        {editor ? (
          <a class="button button-primary" href="/groups/new">
            Ny gruppe
          </a>
        ) : null}{' '}
        <a class="button button-secondary" href="/groups/matrix">
          Repræsentation
        </a>
      </p>
      <table class="table table--compact">
        <thead>
          <tr>
            <th scope="col">Gruppe</th>
            <th scope="col">Type</th>
            <th scope="col">Refererer til</th>
            <th scope="col">Formand</th>
            <th scope="col">Evaluering</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr>
              <td>
                <a href={`/groups/${g.id}`}>{g.name}</a> ({g.shortName})
              </td>
              <td>{GROUP_TYPE_LABEL[g.groupType]}</td>
              <td>{g.parentShortName ?? ''}</td>
              <td>{g.chair}</td>
              <td>{danish(g.evaluationDate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>,
  );
});

/* ---------- create and edit the terms of reference ---------- */

function charterValues(g: GroupRow): Record<string, string> {
  return {
    name: g.name,
    shortName: g.shortName,
    groupType: g.groupType,
    parentId: g.parentId === null ? '' : String(g.parentId),
    description: g.description,
    background: g.background,
    purpose: g.purpose,
    tasks: g.tasks.join('\n'),
    deliverables: g.deliverables.join('\n'),
    milestones: g.milestones
      .map((m) => (m.date ? `${dotted(m.date)} ${m.text}` : m.text))
      .join('\n'),
    chair: g.chair,
    secretariat: g.secretariat,
    evaluationDate: g.evaluationDate ? dotted(g.evaluationDate) : '',
    version: String(g.version),
  };
}

async function charterForm(
  c: PageContext,
  group: GroupRow | null,
  form?: Form,
  status: 200 | 400 | 409 = 200,
) {
  const parents = await svc(c).parents();
  const das = parents.find((p) => p.shortName === 'DAS');
  const values =
    form?.values ??
    (group
      ? charterValues(group)
      : {
          groupType: 'working-group',
          parentId: das ? String(das.id) : '',
          secretariat: 'Sekretariatet for Nordjysk Socialaftale',
        });
  const errors = form?.errors;
  const title = group ? `Rediger kommissorium: ${group.shortName}` : 'Ny gruppe';
  return page(
    c,
    { title, nav: NAV, breadcrumbs: [{ href: '/groups', label: 'Grupper' }] },
    <>
      <h1>{title}</h1>
      <form
        method="post"
        action={group ? `/groups/${group.id}` : '/groups'}
        class="app-form"
        novalidate
      >
        <ErrorSummary errors={errors} message={form?.message} />
        <Csrf token={c.get('csrfToken')} />
        {group ? <input type="hidden" name="version" value={values.version ?? ''} /> : null}
        <TextField name="name" label="Navn" value={values.name} errors={errors} width="xl" />
        <TextField
          name="shortName"
          label="Forkortelse"
          hint="Bruges i oversigter, fx AG-Kvisten"
          value={values.shortName}
          errors={errors}
          width="s"
        />
        <Select
          name="groupType"
          label="Type"
          value={values.groupType}
          errors={errors}
          options={GROUP_TYPES.map((t) => ({ value: t, label: GROUP_TYPE_LABEL[t] }))}
        />
        <Select
          name="parentId"
          label="Refererer til"
          value={values.parentId}
          errors={errors}
          emptyLabel="Ingen"
          options={parents
            .filter((p) => p.id !== group?.id)
            .map((p) => ({ value: p.id, label: p.shortName }))}
        />
        <h2>Kommissorium</h2>
        <TextArea
          name="background"
          label="Baggrund"
          value={values.background}
          errors={errors}
          rows={4}
        />
        <TextArea name="purpose" label="Formål" value={values.purpose} errors={errors} rows={3} />
        <TextArea
          name="tasks"
          label="Opgaver"
          hint="Én opgave pr. linje"
          value={values.tasks}
          errors={errors}
          rows={4}
        />
        <TextArea
          name="deliverables"
          label="Leverancer"
          hint="Én leverance pr. linje"
          value={values.deliverables}
          errors={errors}
          rows={3}
        />
        <TextArea
          name="milestones"
          label="Milepæle"
          hint="Én pr. linje, gerne med dato først: 19.10.2021 Status til DAS"
          value={values.milestones}
          errors={errors}
          rows={3}
        />
        <TextField name="chair" label="Formand" value={values.chair} errors={errors} width="l" />
        <TextField
          name="secretariat"
          label="Sekretariat"
          value={values.secretariat}
          errors={errors}
          width="l"
        />
        <TextField
          name="evaluationDate"
          label="Evalueres"
          hint="dd.mm.åååå"
          value={values.evaluationDate}
          errors={errors}
          width="s"
        />
        <button type="submit" class="button button-primary">
          {group ? 'Gem kommissorium' : 'Opret gruppe'}
        </button>
      </form>
    </>,
    status,
  );
}

groupPages.get('/groups/new', (c) => charterForm(c, null));

groupPages.post('/groups', async (c) => {
  const values = await formValues(c);
  return submitForm(
    groupSchema,
    values,
    async (data) => {
      const id = await svc(c).create(c.get('viewer'), { ...data, description: data.description });
      return c.redirect(saved(`/groups/${id}`, `${data.name} er oprettet.`), 303);
    },
    (errors, message, status) => charterForm(c, null, { values, errors, message }, status),
  );
});

groupPages.get('/groups/:id/edit', async (c) =>
  charterForm(c, await svc(c).get(intParam(c, 'id'))),
);

groupPages.post('/groups/:id', async (c) => {
  const values = await formValues(c);
  const id = intParam(c, 'id');
  return submitForm(
    groupUpdateSchema,
    values,
    async (data) => {
      await svc(c).update(c.get('viewer'), id, data.version, data);
      return c.redirect(saved(`/groups/${id}`, 'Kommissoriet er gemt.'), 303);
    },
    async (errors, message, status) =>
      charterForm(c, await svc(c).get(id), { values, errors, message }, status),
  );
});

/* ---------- the representation matrix ---------- */

groupPages.get('/groups/matrix', async (c) => {
  const s = svc(c);
  const date = today(c.get('services').clock);
  const matrix = await s.matrix(date);
  return page(
    c,
    {
      title: 'Repræsentation i grupper',
      nav: NAV,
      breadcrumbs: [{ href: '/groups', label: 'Grupper' }],
    },
    <>
      <h1>Repræsentation i grupper</h1>
      <p class="font-lead">
        Hvem sidder hvor pr. {formatDanishDate(date)}, og hvilke kommuner har ingen repræsentant.
      </p>
      <p>
        <a class="button button-secondary" href="/groups/matrix.xlsx">
          Hent som Excel
        </a>
      </p>
      <div class="table-scroll">
        <table class="table table--compact representation-matrix">
          <thead>
            <tr>
              <th scope="col">Kommune / region</th>
              {matrix.groups.map((g) => (
                <th scope="col">
                  <a href={`/groups/${g.id}`} title={g.name}>
                    {g.shortName}
                  </a>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((row) => (
              <tr>
                <th scope="row">{row.organisation.name}</th>
                {row.cells.map((cell) =>
                  cell.length === 0 ? (
                    <td class={row.organisation.kind === 'municipality' ? 'matrix-gap' : ''}>
                      {row.organisation.kind === 'municipality' ? (
                        <span class="sr-only">Ingen repræsentant</span>
                      ) : null}
                    </td>
                  ) : (
                    <td>
                      {cell.map((m) => (
                        <div>
                          {m.personName}
                          {m.organisation && m.organisationId !== row.organisation.id ? (
                            <span class="muted"> ({m.organisation})</span>
                          ) : null}
                        </div>
                      ))}
                    </td>
                  ),
                )}
              </tr>
            ))}
            <tr>
              <th scope="row">Andre</th>
              {matrix.others.map((cell) => (
                <td>
                  {cell.map((m) => (
                    <div>
                      {m.personName}
                      {m.organisation ? ` (${m.organisation})` : ''}
                    </div>
                  ))}
                </td>
              ))}
            </tr>
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Kommuner uden repræsentant</th>
              {matrix.gaps.map((gap, i) => (
                <td data-group={matrix.groups[i]?.shortName} class="matrix-gaps">
                  {gap.length === 0
                    ? 'Alle repræsenteret'
                    : gap.map((o) => o.name.replace(/ Kommune$/, '')).join(', ')}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </>,
  );
});

groupPages.get('/groups/matrix.xlsx', async (c) => {
  const date = today(c.get('services').clock);
  const bytes = await representationXlsx(await svc(c).matrix(date), date);
  return c.body(bytes.buffer as ArrayBuffer, 200, {
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': `attachment; filename="repraesentation-${date}.xlsx"`,
    'cache-control': 'no-store',
  });
});

/* ---------- one group ---------- */

interface GroupForms {
  member?: Form;
  wanted?: Form;
  approval?: Form;
}

async function groupPage(c: PageContext, forms: GroupForms = {}, status: 200 | 400 | 409 = 200) {
  const s = svc(c);
  const id = intParam(c, 'id');
  const g = await s.get(id);
  const now = today(c.get('services').clock);
  const [members, coverage, approvals, organisations, parents, rounds] = await Promise.all([
    s.members(id, now),
    s.coverage(id, now),
    s.approvals(id),
    s.organisations(),
    s.parents(),
    s.rounds(id),
  ]);
  const editor = isSecretariat(c.get('viewer'));
  const csrf = c.get('csrfToken');
  const memberValues = forms.member?.values ?? { role: 'member', validFrom: dotted(now) };
  const wantedValues = forms.wanted?.values ?? { minCount: '1' };
  const approvalValues = forms.approval?.values ?? {};
  const openRound = rounds.find((r) => r.status === 'open');
  return page(
    c,
    { title: g.shortName, nav: NAV, breadcrumbs: [{ href: '/groups', label: 'Grupper' }] },
    <>
      {c.req.query('saved') ? <Notice kind="success">{c.req.query('saved')}</Notice> : null}
      <h1>{g.name}</h1>
      <p class="font-lead">
        {GROUP_TYPE_LABEL[g.groupType]}
        {g.parentShortName ? ` under ${g.parentShortName}` : ''}
        {g.evaluationDate ? ` · evalueres ${formatDanishDate(g.evaluationDate)}` : ''}
      </p>
      <p>
        {editor ? (
          <a class="button button-secondary" href={`/groups/${g.id}/edit`}>
            Rediger kommissorium
          </a>
        ) : null}{' '}
        <a class="button button-tertiary" href={`/committees/${g.id}`}>
          Møder
        </a>
      </p>
      <section class="charter" aria-labelledby="kommissorium">
        <h2 id="kommissorium">Kommissorium</h2>
        <dl class="charter-list">
          {g.background ? (
            <>
              <dt>Baggrund</dt>
              <dd class="pre-line">{g.background}</dd>
            </>
          ) : null}
          {g.purpose ? (
            <>
              <dt>Formål</dt>
              <dd class="pre-line">{g.purpose}</dd>
            </>
          ) : null}
          {g.tasks.length > 0 ? (
            <>
              <dt>Opgaver</dt>
              <dd>
                <ul>
                  {g.tasks.map((t) => (
                    <li>{t}</li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          {g.deliverables.length > 0 ? (
            <>
              <dt>Leverancer</dt>
              <dd>
                <ul>
                  {g.deliverables.map((t) => (
                    <li>{t}</li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          {g.milestones.length > 0 ? (
            <>
              <dt>Milepæle</dt>
              <dd>
                <ul>
                  {g.milestones.map((m) => (
                    <li>{m.date ? `${formatDanishDate(m.date)}: ${m.text}` : m.text}</li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          <dt>Formand</dt>
          <dd>{g.chair || 'Ikke angivet'}</dd>
          <dt>Sekretariat</dt>
          <dd>{g.secretariat || 'Ikke angivet'}</dd>
        </dl>
      </section>

      <h2 id="godkendelse">Godkendelse</h2>
      {approvals.length === 0 ? (
        <p class="muted">Ingen godkendelsesforløb registreret.</p>
      ) : (
        <ol class="approval-chain">
          {approvals.map((a) => (
            <li>
              <strong>{a.approverShortName}</strong>:{' '}
              {a.approvedOn ? `godkendt ${formatDanishDate(a.approvedOn)}` : 'afventer'}
              {a.itemId && a.meetingId ? (
                <>
                  {' '}
                  (
                  <a href={`/meetings/${a.meetingId}#punkt-${a.itemNumber}`}>
                    punkt {a.itemNumber}: {a.itemTitle}
                  </a>
                  )
                </>
              ) : null}
              {a.note ? ` · ${a.note}` : ''}
            </li>
          ))}
        </ol>
      )}
      {editor ? (
        <details open={forms.approval !== undefined} class="member-form">
          <summary>Tilføj godkendelsestrin</summary>
          <form method="post" action={`/groups/${g.id}/approvals`} class="app-form" novalidate>
            <ErrorSummary errors={forms.approval?.errors} message={forms.approval?.message} />
            <Csrf token={csrf} />
            <Select
              name="approverCommitteeId"
              label="Godkendes af"
              value={approvalValues.approverCommitteeId}
              errors={forms.approval?.errors}
              emptyLabel="Vælg"
              options={parents.map((p) => ({ value: p.id, label: p.shortName }))}
            />
            <TextField
              name="itemId"
              label="Punkt-id (valgfrit)"
              hint="Id på punktet i mødet, der godkendte"
              value={approvalValues.itemId}
              errors={forms.approval?.errors}
              width="s"
            />
            <TextField
              name="approvedOn"
              label="Godkendt den (valgfri)"
              hint="dd.mm.åååå"
              value={approvalValues.approvedOn}
              errors={forms.approval?.errors}
              width="s"
            />
            <TextField
              name="note"
              label="Bemærkning"
              value={approvalValues.note}
              errors={forms.approval?.errors}
              width="l"
            />
            <button type="submit" class="button button-secondary">
              Tilføj trin
            </button>
          </form>
        </details>
      ) : null}

      <h2 id="medlemmer">Medlemmer</h2>
      {members.length === 0 ? (
        <p class="muted">Der er ikke registreret medlemmer.</p>
      ) : (
        <table class="table table--compact group-members">
          <thead>
            <tr>
              <th scope="col">Navn</th>
              <th scope="col">Organisation</th>
              <th scope="col">Rolle</th>
              <th scope="col">Profil</th>
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
                <td>{profileLabel(m)}</td>
                <td>
                  {formatDanishDate(m.validFrom)} – {danish(m.validTo)}
                </td>
                {editor ? (
                  <td>
                    {m.validTo === null ? (
                      <ActionButton
                        action={`/groups/${g.id}/members/${m.membershipId}/end`}
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
        <details open={forms.member !== undefined} class="member-form">
          <summary>Tilføj medlem</summary>
          <form method="post" action={`/groups/${g.id}/members`} class="app-form" novalidate>
            <ErrorSummary errors={forms.member?.errors} message={forms.member?.message} />
            <Csrf token={csrf} />
            <TextField
              name="name"
              label="Navn"
              value={memberValues.name}
              errors={forms.member?.errors}
              width="l"
            />
            <TextField
              name="email"
              label="E-mail (valgfri)"
              value={memberValues.email}
              errors={forms.member?.errors}
              width="l"
            />
            <Select
              name="organisationId"
              label="Organisation eller enhed"
              value={memberValues.organisationId}
              errors={forms.member?.errors}
              emptyLabel="Ingen"
              options={organisations.map((o) => ({ value: o.id, label: o.shortName ?? o.name }))}
            />
            <Select
              name="role"
              label="Rolle"
              value={memberValues.role}
              errors={forms.member?.errors}
              options={MEMBER_ROLES.map((r) => ({ value: r, label: MEMBER_ROLE_LABEL[r] }))}
            />
            <ProfileFields values={memberValues} errors={forms.member?.errors} />
            <PeriodFields values={memberValues} errors={forms.member?.errors} />
            <button type="submit" class="button button-secondary">
              Tilføj medlem
            </button>
          </form>
        </details>
      ) : null}

      <h2 id="profiler">Ønskede profiler</h2>
      {coverage.length === 0 ? (
        <p class="muted">Der er ikke angivet ønskede profiler.</p>
      ) : (
        <table class="table table--compact">
          <thead>
            <tr>
              <th scope="col">Ønsket</th>
              <th scope="col">Antal</th>
              <th scope="col">Har</th>
              <th scope="col">Status</th>
              {editor ? <th scope="col">Handling</th> : null}
            </tr>
          </thead>
          <tbody>
            {coverage.map((cv) => (
              <tr>
                <td>
                  {cv.wanted.label}
                  <div class="muted">{profileLabel(cv.wanted)}</div>
                </td>
                <td>
                  {cv.wanted.maxCount !== null && cv.wanted.maxCount !== cv.wanted.minCount
                    ? `${cv.wanted.minCount}-${cv.wanted.maxCount}`
                    : cv.wanted.minCount}
                </td>
                <td>{cv.count}</td>
                <td>
                  <span class={`coverage coverage--${cv.status}`}>{COVERAGE_LABEL[cv.status]}</span>
                </td>
                {editor ? (
                  <td>
                    <ActionButton
                      action={`/groups/${g.id}/wanted/${cv.wanted.id}/delete`}
                      label="Fjern"
                      csrf={csrf}
                      kind="tertiary"
                    />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editor ? (
        <details open={forms.wanted !== undefined} class="member-form">
          <summary>Tilføj ønsket profil</summary>
          <form method="post" action={`/groups/${g.id}/wanted`} class="app-form" novalidate>
            <ErrorSummary errors={forms.wanted?.errors} message={forms.wanted?.message} />
            <Csrf token={csrf} />
            <TextField
              name="label"
              label="Beskrivelse"
              hint='Fx "5-6 myndighed, børn, unge og voksne"'
              value={wantedValues.label}
              errors={forms.wanted?.errors}
              width="xl"
            />
            <ProfileFields values={wantedValues} errors={forms.wanted?.errors} />
            <TextField
              name="minCount"
              label="Mindst"
              value={wantedValues.minCount}
              errors={forms.wanted?.errors}
              width="xs"
            />
            <TextField
              name="maxCount"
              label="Højst (valgfri)"
              value={wantedValues.maxCount}
              errors={forms.wanted?.errors}
              width="xs"
            />
            <button type="submit" class="button button-secondary">
              Tilføj profil
            </button>
          </form>
        </details>
      ) : null}

      <h2 id="udpegning">Udpegning</h2>
      {rounds.length === 0 ? (
        <p class="muted">Ingen udpegningsrunder.</p>
      ) : (
        <ul>
          {rounds.map((r) => (
            <li>
              <a href={`/groups/rounds/${r.id}`}>
                Runde åbnet{' '}
                {formatDanishDate(
                  r.openedAt.toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' }),
                )}
              </a>{' '}
              (
              {r.status === 'open'
                ? `åben${r.deadline ? `, frist ${formatDanishDate(r.deadline)}` : ''}`
                : 'lukket'}
              )
            </li>
          ))}
        </ul>
      )}
      {editor && !openRound ? (
        <form method="post" action={`/groups/${g.id}/rounds`} class="app-form" novalidate>
          <Csrf token={csrf} />
          <TextField
            name="deadline"
            label="Frist for indstilling"
            hint="dd.mm.åååå"
            value=""
            width="s"
          />
          <TextArea name="note" label="Hvem søges" value="" rows={2} />
          <button type="submit" class="button button-secondary">
            Åbn udpegningsrunde
          </button>
        </form>
      ) : null}
    </>,
    status,
  );
}

groupPages.get('/groups/:id', (c) => groupPage(c));

groupPages.post('/groups/:id/members', async (c) => {
  const values = await formValues(c);
  const id = intParam(c, 'id');
  return submitForm(
    groupMemberSchema,
    values,
    async (data) => {
      await svc(c).addMember(c.get('viewer'), id, data);
      return c.redirect(
        saved(`/groups/${id}`, `${data.name} er tilføjet som medlem.`, '#medlemmer'),
        303,
      );
    },
    (errors, message, status) => groupPage(c, { member: { values, errors, message } }, status),
  );
});

groupPages.post('/groups/:id/members/:membershipId/end', async (c) => {
  const id = intParam(c, 'id');
  const values = await formValues(c);
  const validTo = /^\d{4}-\d{2}-\d{2}$/.test(values.validTo ?? '')
    ? (values.validTo ?? '')
    : today(c.get('services').clock);
  await svc(c).endMember(c.get('viewer'), intParam(c, 'membershipId'), validTo);
  return c.redirect(saved(`/groups/${id}`, 'Medlemskabet er afsluttet.', '#medlemmer'), 303);
});

groupPages.post('/groups/:id/wanted', async (c) => {
  const values = await formValues(c);
  const id = intParam(c, 'id');
  return submitForm(
    wantedSchema,
    values,
    async (data) => {
      await svc(c).addWanted(c.get('viewer'), id, data);
      return c.redirect(saved(`/groups/${id}`, 'Profilen er tilføjet.', '#profiler'), 303);
    },
    (errors, message, status) => groupPage(c, { wanted: { values, errors, message } }, status),
  );
});

groupPages.post('/groups/:id/wanted/:wantedId/delete', async (c) => {
  const id = intParam(c, 'id');
  await svc(c).deleteWanted(c.get('viewer'), id, intParam(c, 'wantedId'));
  return c.redirect(saved(`/groups/${id}`, 'Profilen er fjernet.', '#profiler'), 303);
});

groupPages.post('/groups/:id/approvals', async (c) => {
  const values = await formValues(c);
  const id = intParam(c, 'id');
  return submitForm(
    approvalSchema,
    values,
    async (data) => {
      await svc(c).addApproval(c.get('viewer'), id, data);
      return c.redirect(
        saved(`/groups/${id}`, 'Godkendelsestrinnet er tilføjet.', '#godkendelse'),
        303,
      );
    },
    (errors, message, status) => groupPage(c, { approval: { values, errors, message } }, status),
  );
});

groupPages.post('/groups/:id/rounds', async (c) => {
  const values = await formValues(c);
  const id = intParam(c, 'id');
  return submitForm(
    roundSchema,
    values,
    async (data) => {
      const roundId = await svc(c).openRound(c.get('viewer'), id, data);
      return c.redirect(saved(`/groups/rounds/${roundId}`, 'Udpegningsrunden er åbnet.'), 303);
    },
    (errors, message, status) =>
      groupPage(
        c,
        { approval: undefined, member: undefined, wanted: { values: {}, errors, message } },
        status,
      ),
  );
});

/* ---------- a nomination round ---------- */

async function roundPage(c: PageContext, form?: Form, status: 200 | 400 | 403 | 409 = 200) {
  const s = svc(c);
  const round = await s.round(intParam(c, 'roundId'));
  const [g, nominations, organisations] = await Promise.all([
    s.get(round.committeeId),
    s.nominations(round.id),
    s.organisations(),
  ]);
  const viewer = c.get('viewer');
  const user = c.get('user');
  const editor = isSecretariat(viewer);
  const csrf = c.get('csrfToken');
  const own = editor
    ? organisations
    : organisations.filter(
        (o) => o.id === user?.organisationId || o.parentId === user?.organisationId,
      );
  const values = form?.values ?? { organisationId: own.length === 1 ? String(own[0]?.id) : '' };
  return page(
    c,
    {
      title: `Udpegning til ${g.shortName}`,
      nav: NAV,
      breadcrumbs: [
        { href: '/groups', label: 'Grupper' },
        { href: `/groups/${g.id}`, label: g.shortName },
      ],
    },
    <>
      {c.req.query('saved') ? <Notice kind="success">{c.req.query('saved')}</Notice> : null}
      <h1>Udpegning til {g.name}</h1>
      <p class="font-lead">
        {round.status === 'open' ? 'Runden er åben' : 'Runden er lukket'}
        {round.deadline ? ` · frist ${formatDanishDate(round.deadline)}` : ''}
      </p>
      {round.note ? <p class="pre-line">{round.note}</p> : null}
      <h2>Indstillede</h2>
      {nominations.length === 0 ? (
        <p class="muted">Ingen er indstillet endnu.</p>
      ) : (
        <table class="table table--compact">
          <thead>
            <tr>
              <th scope="col">Kommune</th>
              <th scope="col">Navn</th>
              <th scope="col">Profil</th>
              <th scope="col">Status</th>
              {editor ? <th scope="col">Handling</th> : null}
            </tr>
          </thead>
          <tbody>
            {nominations.map((n) => (
              <tr>
                <td>{n.organisation}</td>
                <td>
                  {n.name}
                  {n.title ? <div class="muted">{n.title}</div> : null}
                </td>
                <td>{profileLabel(n)}</td>
                <td>{NOMINATION_STATUS_LABEL[n.status]}</td>
                {editor ? (
                  <td>
                    {n.status === 'proposed' ? (
                      <>
                        <ActionButton
                          action={`/groups/nominations/${n.id}/confirm`}
                          label="Bekræft"
                          csrf={csrf}
                          kind="secondary"
                        />
                        <ActionButton
                          action={`/groups/nominations/${n.id}/reject`}
                          label="Afvis"
                          csrf={csrf}
                          kind="tertiary"
                        />
                      </>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {round.status === 'open' && own.length > 0 ? (
        <>
          <h2>Indstil en person</h2>
          <form
            method="post"
            action={`/groups/rounds/${round.id}/nominees`}
            class="app-form"
            novalidate
          >
            <ErrorSummary errors={form?.errors} message={form?.message} />
            <Csrf token={csrf} />
            <Select
              name="organisationId"
              label="Kommune eller enhed"
              value={values.organisationId}
              errors={form?.errors}
              emptyLabel="Vælg"
              options={own.map((o) => ({ value: o.id, label: o.shortName ?? o.name }))}
            />
            <TextField
              name="name"
              label="Navn"
              value={values.name}
              errors={form?.errors}
              width="l"
            />
            <TextField
              name="title"
              label="Stilling (valgfri)"
              value={values.title}
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
            <ProfileFields values={values} errors={form?.errors} />
            <button type="submit" class="button button-primary">
              Indstil
            </button>
          </form>
        </>
      ) : null}
      {editor && round.status === 'open' ? (
        <ActionButton
          action={`/groups/rounds/${round.id}/close`}
          label="Luk runden"
          csrf={csrf}
          kind="tertiary"
        />
      ) : null}
    </>,
    status,
  );
}

groupPages.get('/groups/rounds/:roundId', (c) => roundPage(c));

groupPages.post('/groups/rounds/:roundId/nominees', async (c) => {
  const values = await formValues(c);
  const roundId = intParam(c, 'roundId');
  return submitForm(
    nomineeSchema,
    values,
    async (data) => {
      await svc(c).nominate(c.get('viewer'), roundId, data);
      return c.redirect(saved(`/groups/rounds/${roundId}`, `${data.name} er indstillet.`), 303);
    },
    (errors, message, status) => roundPage(c, { values, errors, message }, status),
  );
});

groupPages.post('/groups/rounds/:roundId/close', async (c) => {
  const roundId = intParam(c, 'roundId');
  await svc(c).closeRound(c.get('viewer'), roundId);
  return c.redirect(saved(`/groups/rounds/${roundId}`, 'Runden er lukket.'), 303);
});

for (const action of ['confirm', 'reject'] as const) {
  groupPages.post(`/groups/nominations/:id/${action}`, async (c) => {
    const s = svc(c);
    const id = intParam(c, 'id');
    if (action === 'confirm') await s.confirm(c.get('viewer'), id);
    else await s.reject(c.get('viewer'), id);
    const round = await s.nominationRound(id);
    return c.redirect(
      saved(
        `/groups/rounds/${round.id}`,
        action === 'confirm' ? 'Personen er nu medlem.' : 'Indstillingen er afvist.',
      ),
      303,
    );
  });
}
