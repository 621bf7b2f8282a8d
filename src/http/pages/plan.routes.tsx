/**
 * The agreement and its plan: the list of agreements, the status view and the timeline DAS
 * reads, and the secretariat's editing of focus areas, initiatives and half-year activities.
 */
import { Hono } from 'hono';
import { isSecretariat } from '../../domain/meetings/index.ts';
import { PLAN_PERIOD_LABEL, type Agreement } from '../../domain/plan/index.ts';
import type { AppEnv } from '../context.ts';
import { agreementSchema, agreementUpdateSchema } from '../schemas/plan.schema.ts';
import { Notice } from './components.tsx';
import { AgreementFields, type Values } from './plan-forms.tsx';
import { ActivityStatusBadge, StatusView, TimelineView } from './plan-view.tsx';
import { requireEditor } from '../../services/meeting.service.ts';
import { crumbs, formPage, handle, saved, svc, type FormPage } from './plan-page.tsx';
import { intParam, page, type PageContext } from './render.tsx';

export const planPages = new Hono<AppEnv>();

/* ---------- the agreements ---------- */

planPages.get('/plan', async (c) => {
  const viewer = c.get('viewer');
  const agreements = await svc(c).list(viewer);
  return page(
    c,
    { title: 'Aftale og plan', nav: 'plan' },
    <>
      {c.req.query('saved') ? <Notice kind="success">{c.req.query('saved')}</Notice> : null}
      <h1>Aftale og plan</h1>
      <p class="font-lead">
        Rammeaftalen for hver periode med vision, fokusområder og initiativer, og
        implementeringsplanens aktiviteter pr. halvår.
      </p>
      {isSecretariat(viewer) ? (
        <p>
          <a class="button button-primary" href="/plan/new">
            Ny aftale
          </a>
        </p>
      ) : null}
      {agreements.length === 0 ? (
        <p>Der er ikke oprettet nogen aftale endnu.</p>
      ) : (
        <table class="table table--compact">
          <thead>
            <tr>
              <th scope="col">Aftale</th>
              <th scope="col">Periode</th>
            </tr>
          </thead>
          <tbody>
            {agreements.map((a) => (
              <tr>
                <td>
                  <a href={`/plan/${a.id}`}>{a.name}</a>
                </td>
                <td>
                  {a.periodStart}-{a.periodEnd}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>,
  );
});

const agreementForm = (c: PageContext, values: Values, extra: Partial<FormPage> = {}) =>
  formPage(c, {
    title: 'Ny aftale',
    action: '/plan',
    submit: 'Opret aftale',
    fields: <AgreementFields values={values} errors={extra.errors} />,
    ...extra,
  });

planPages.get('/plan/new', (c) => {
  const year = Number(c.get('services').clock.now().getFullYear());
  return agreementForm(c, { periodStart: String(year), periodEnd: String(year + 1) });
});

planPages.post('/plan', (c) =>
  handle(
    c,
    agreementSchema,
    async (data) =>
      saved(
        `/plan/${await svc(c).createAgreement(c.get('viewer'), data)}/manage`,
        `${data.name} er oprettet.`,
      ),
    (values, errors, message, status) => agreementForm(c, values, { errors, message, status }),
  ),
);

/** The agreement's header with the tabs between status, timeline and (for the secretariat) editing. */
function AgreementHeader(p: {
  error?: string;
  a: Agreement;
  tab: 'status' | 'timeline' | 'manage';
  editor: boolean;
  saved?: string;
}) {
  const tabs = [
    { key: 'status', href: `/plan/${p.a.id}`, label: 'Status' },
    { key: 'timeline', href: `/plan/${p.a.id}/timeline`, label: 'Tidslinje' },
    ...(p.editor ? [{ key: 'manage', href: `/plan/${p.a.id}/manage`, label: 'Rediger plan' }] : []),
  ];
  return (
    <>
      {p.saved ? <Notice kind="success">{p.saved}</Notice> : null}
      {p.error ? <Notice kind="warning">{p.error}</Notice> : null}
      <h1>{p.a.name}</h1>
      <p>
        Periode {p.a.periodStart}-{p.a.periodEnd}
      </p>
      {p.a.vision ? <p class="plan-vision">{p.a.vision}</p> : null}
      <nav class="plan-tabs" aria-label="Visning">
        <ul class="nobullet-list">
          {tabs.map((t) => (
            <li>
              {t.key === p.tab ? (
                <strong aria-current="page">{t.label}</strong>
              ) : (
                <a href={t.href}>{t.label}</a>
              )}
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}

planPages.get('/plan/:id', async (c) => {
  const viewer = c.get('viewer');
  const view = await svc(c).view(viewer, intParam(c, 'id'));
  const a = view.plan.agreement;
  return page(
    c,
    { title: a.name, nav: 'plan', breadcrumbs: crumbs() },
    <>
      <AgreementHeader
        a={a}
        tab="status"
        editor={isSecretariat(viewer)}
        saved={c.req.query('saved')}
      />
      <StatusView view={view} />
    </>,
  );
});

planPages.get('/plan/:id/timeline', async (c) => {
  const viewer = c.get('viewer');
  const view = await svc(c).view(viewer, intParam(c, 'id'));
  const a = view.plan.agreement;
  return page(
    c,
    { title: `Tidslinje: ${a.name}`, nav: 'plan', breadcrumbs: crumbs(a) },
    <>
      <AgreementHeader a={a} tab="timeline" editor={isSecretariat(viewer)} />
      <TimelineView view={view} />
    </>,
  );
});

/* ---------- the secretariat's editing ---------- */

planPages.get('/plan/:id/manage', async (c) => {
  const viewer = c.get('viewer');
  const s = svc(c);
  requireEditor(viewer);
  const view = await s.view(viewer, intParam(c, 'id'));
  const a = view.plan.agreement;
  return page(
    c,
    { title: `Rediger plan: ${a.name}`, nav: 'plan', breadcrumbs: crumbs(a) },
    <>
      <AgreementHeader
        a={a}
        tab="manage"
        editor
        saved={c.req.query('saved')}
        error={c.req.query('error')}
      />
      <p>
        <a class="button button-secondary" href={`/plan/${a.id}/edit`}>
          Rediger navn, periode og vision
        </a>{' '}
        <a class="button button-primary" href={`/plan/${a.id}/focus-areas/new`}>
          Tilføj fokusområde
        </a>
      </p>
      {view.plan.focusAreas.length === 0 ? <p>Planen har endnu ingen fokusområder.</p> : null}
      {view.plan.focusAreas.map((fa) => (
        <section class="plan-manage-area" data-focus-area={fa.number}>
          <h2>
            {fa.number}. {fa.title}
          </h2>
          <p>
            <a href={`/plan/focus-areas/${fa.id}/edit`}>Rediger fokusområde</a> ·{' '}
            <a href={`/plan/focus-areas/${fa.id}/initiatives/new`}>Tilføj initiativ</a>
          </p>
          {fa.initiatives.map((ini) => (
            <div class="plan-manage-initiative" data-initiative={ini.code}>
              <h3>
                {ini.code} {ini.title}
              </h3>
              <p>
                <a href={`/plan/initiatives/${ini.id}/edit`}>Rediger initiativ</a> ·{' '}
                <a href={`/plan/initiatives/${ini.id}/activities/new`}>Tilføj aktivitet</a>
              </p>
              {ini.activities.length === 0 ? (
                <p>Ingen aktiviteter.</p>
              ) : (
                <table class="table table--compact">
                  <thead>
                    <tr>
                      <th scope="col">Hvornår</th>
                      <th scope="col">Aktivitet</th>
                      <th scope="col">Status</th>
                      <th scope="col">
                        <span class="sr-only">Handlinger</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {ini.activities.map((act) => (
                      <tr>
                        <td>
                          {PLAN_PERIOD_LABEL[act.period]} {act.year}
                        </td>
                        <td>{act.title}</td>
                        <td>
                          <ActivityStatusBadge status={act.status} />
                        </td>
                        <td>
                          <a href={`/plan/activities/${act.id}/edit`}>Rediger</a>{' '}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          ))}
        </section>
      ))}
    </>,
  );
});

planPages.get('/plan/:id/edit', async (c) => {
  const a = await svc(c).agreement(intParam(c, 'id'));
  return agreementForm(
    c,
    {
      name: a.name,
      vision: a.vision,
      periodStart: String(a.periodStart),
      periodEnd: String(a.periodEnd),
    },
    {
      title: `Rediger ${a.name}`,
      action: `/plan/${a.id}`,
      submit: 'Gem aftalen',
      agreement: a,
      version: a.version,
    },
  );
});

planPages.post('/plan/:id', async (c) => {
  const id = intParam(c, 'id');
  return handle(
    c,
    agreementUpdateSchema,
    async (data) => {
      await svc(c).updateAgreement(c.get('viewer'), id, data.version, data);
      return saved(`/plan/${id}/manage`, 'Aftalen er gemt.');
    },
    async (values, errors, message, status) => {
      const a = await svc(c).agreement(id);
      return agreementForm(c, values, {
        title: `Rediger ${a.name}`,
        action: `/plan/${id}`,
        submit: 'Gem aftalen',
        agreement: a,
        version: Number(values.version),
        errors,
        message,
        status,
      });
    },
  );
});
