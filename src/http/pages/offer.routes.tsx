/**
 * The offer register (tilbudsviften) as pages: the register with search and filters (the public
 * sees the covered offers), the offer's whole history, and the secretariat's forms for offers,
 * places, entry/withdrawal and the reinforced cooperation.
 */
import { Hono } from 'hono';
import type { FieldErrors } from '../../domain/errors.ts';
import {
  CATEGORIES,
  CATEGORY_LABEL,
  EVENT_KIND_LABEL,
  EVENT_KINDS,
  REINFORCED_LABEL,
  REINFORCED_STATUSES,
  sectionLabel,
  type Category,
  type ReinforcedStatus,
} from '../../domain/offers/index.ts';
import type { OfferFilter } from '../../services/offer.service.ts';
import type { OrganisationOption } from '../../db/repositories/offer.repository.ts';
import type { AppEnv } from '../context.ts';
import {
  eventSchema,
  offerCreateSchema,
  offerUpdateSchema,
  placesSchema,
  reinforcedSchema,
} from '../schemas/offer.schema.ts';
import { Csrf, ErrorSummary, Notice, Select, TextArea, TextField } from './components.tsx';
import { submitForm } from './form-flow.ts';
import {
  actorOf,
  date,
  dateInput,
  isSecretariatUser,
  offerServices,
  savedNotice,
  type FormState,
  type PageStatus,
} from './offer-view.tsx';
import { formValues, intParam, page, type PageContext } from './render.tsx';
import { uploadedFile } from './upload.ts';

export const offerPages = new Hono<AppEnv>();

const CATEGORY_SHORT: Record<Category, string> = {
  1: 'Kategori 1',
  2: 'Kategori 2',
  3: 'Kategori 3',
};

function organisationOptions(orgs: readonly OrganisationOption[]) {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return orgs
    .map((o) => {
      const parent = o.parentId === null ? undefined : byId.get(o.parentId);
      return {
        value: o.id,
        label: parent === undefined ? o.name : `${parent.shortName ?? parent.name} – ${o.name}`,
        sort: `${parent?.name ?? o.name}|${parent === undefined ? '' : o.name}`,
      };
    })
    .sort((a, b) => a.sort.localeCompare(b.sort, 'da'));
}

// ---------------------------------------------------------------------------------------------
// The register

offerPages.get('/offers', async (c) => {
  const { offers } = offerServices(c);
  const actor = actorOf(c);
  const q = (name: string) => c.req.query(name)?.trim() ?? '';
  const year = /^\d{4}$/.test(q('year')) ? Number(q('year')) : offers.currentYear();
  const filter: OfferFilter = { year };
  if (q('q') !== '') filter.q = q('q');
  if (/^\d+$/.test(q('operator'))) filter.operatorId = Number(q('operator'));
  if (q('section') !== '') filter.section = q('section');
  if (['1', '2', '3'].includes(q('category'))) filter.category = Number(q('category')) as Category;
  if (q('covered') === 'true' || q('covered') === 'false') filter.covered = q('covered') === 'true';
  if (
    (REINFORCED_STATUSES as readonly string[]).includes(q('reinforced')) ||
    q('reinforced') === 'none'
  )
    filter.reinforced = q('reinforced') as ReinforcedStatus | 'none';
  const [list, orgs] = await Promise.all([offers.list(actor, filter), offers.organisations()]);
  const secretariat = isSecretariatUser(c);
  const signedIn = c.get('viewer').role !== 'anonymous';
  return page(
    c,
    { title: 'Tilbudsviften', nav: 'offers' },
    <>
      {savedNotice(c) ? <Notice kind="success">{savedNotice(c)}</Notice> : null}
      <h1>Tilbudsviften</h1>
      <p class="font-lead">
        {signedIn
          ? 'Tilbud i registret. Søg og afgræns med felterne nedenfor.'
          : `Tilbud omfattet af styringsaftalen i ${year}.`}
      </p>
      {secretariat ? (
        <p>
          <a class="button button-primary" href="/offers/new">
            Nyt tilbud
          </a>
        </p>
      ) : null}
      <form method="get" action="/offers" class="offer-filter" role="search">
        <TextField name="q" label="Søg" value={q('q')} hint="Navn, målgruppe eller adresse" />
        <Select
          name="operator"
          label="Driftsherre"
          value={q('operator')}
          emptyLabel="Alle"
          options={organisationOptions(orgs)}
        />
        <TextField
          name="section"
          label="SEL-paragraf"
          value={q('section')}
          hint="Fx 108"
          width="xs"
        />
        <Select
          name="category"
          label="Kategori"
          value={q('category')}
          emptyLabel="Alle"
          options={CATEGORIES.map((k) => ({ value: k, label: CATEGORY_SHORT[k] }))}
        />
        <Select
          name="covered"
          label="Omfattet af aftalen"
          value={q('covered')}
          emptyLabel="Alle"
          options={[
            { value: 'true', label: 'Omfattet' },
            { value: 'false', label: 'Ikke omfattet' },
          ]}
        />
        <TextField name="year" label="i året" value={String(year)} width="xs" />
        <Select
          name="reinforced"
          label="Forstærket samarbejde"
          value={q('reinforced')}
          emptyLabel="Alle"
          options={[
            ...REINFORCED_STATUSES.map((s) => ({ value: s, label: REINFORCED_LABEL[s] })),
            { value: 'none', label: 'Ikke med' },
          ]}
        />
        <button type="submit" class="button button-secondary">
          Søg
        </button>
      </form>
      <p class="result-count">{list.length === 1 ? '1 tilbud' : `${list.length} tilbud`}</p>
      {list.length === 0 ? (
        <p class="muted">Ingen tilbud passer til søgningen.</p>
      ) : (
        <table class="table table--compact offer-table">
          <thead>
            <tr>
              <th scope="col">Tilbud</th>
              <th scope="col">Driftsherre</th>
              <th scope="col">Lovgrundlag</th>
              <th scope="col" class="num">
                Pladser
              </th>
              <th scope="col">Kategori</th>
              <th scope="col">Omfattet {year}</th>
              <th scope="col">Forstærket samarbejde</th>
            </tr>
          </thead>
          <tbody>
            {list.map((o) => (
              <tr>
                <td>
                  <a href={`/offers/${o.id}`}>{o.name}</a>
                </td>
                <td>{o.operatorName}</td>
                <td>{o.lawSections.join(', ')}</td>
                <td class="num">{o.places}</td>
                <td>{CATEGORY_SHORT[o.category]}</td>
                <td>{o.covered ? 'Ja' : 'Nej'}</td>
                <td>{o.reinforced === null ? '' : REINFORCED_LABEL[o.reinforced]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>,
  );
});

// ---------------------------------------------------------------------------------------------
// Create and edit

async function offerForm(
  c: PageContext,
  mode: { kind: 'new' } | { kind: 'edit'; id: number; name: string },
  form: FormState,
  status: PageStatus = 200,
) {
  const orgs = await offerServices(c).offers.organisations();
  const v = form.values;
  const e = form.errors;
  const isNew = mode.kind === 'new';
  const action = isNew ? '/offers' : `/offers/${mode.id}/edit`;
  const title = isNew ? 'Nyt tilbud' : `Ret ${mode.name}`;
  return page(
    c,
    {
      title,
      nav: 'offers',
      breadcrumbs: [
        { href: '/offers', label: 'Tilbudsviften' },
        ...(isNew ? [] : [{ href: `/offers/${mode.id}`, label: mode.name }]),
      ],
    },
    <>
      <h1>{title}</h1>
      <form method="post" action={action} class="app-form" novalidate>
        <ErrorSummary errors={e} message={form.message} />
        <Csrf token={c.get('csrfToken')} />
        {isNew ? null : <input type="hidden" name="version" value={v.version ?? ''} />}
        <TextField name="name" label="Tilbuddets navn" value={v.name} errors={e} width="xl" />
        <Select
          name="operatorId"
          label="Driftsherre"
          hint="Kommunen, en af dens enheder eller regionen"
          value={v.operatorId}
          errors={e}
          emptyLabel="Vælg driftsherre"
          options={organisationOptions(orgs)}
        />
        <TextField name="address" label="Adresse" value={v.address} errors={e} width="xl" />
        {isNew ? (
          <fieldset>
            <legend class="h4">Lovgrundlag og pladser</legend>
            <p class="form-hint">
              Flere paragraffer tilføjes bagefter under "Pladser" på tilbuddets side.
            </p>
            <TextField
              name="section"
              label="SEL-paragraf"
              hint="Fx 108 eller 107"
              value={v.section}
              errors={e}
              width="xs"
            />
            <TextField
              name="subsection"
              label="Stk./nr. (valgfri)"
              hint="Fx stk. 2"
              value={v.subsection}
              errors={e}
              width="s"
            />
            <TextField name="places" label="Pladser" value={v.places} errors={e} width="xs" />
          </fieldset>
        ) : null}
        <TextArea
          name="targetGroups"
          label="Målgrupper"
          hint="Én målgruppe pr. linje"
          value={v.targetGroups}
          errors={e}
          rows={3}
        />
        <Select
          name="category"
          label="Kategori i styringsaftalen"
          value={v.category}
          errors={e}
          emptyLabel="Vælg kategori"
          options={CATEGORIES.map((k) => ({ value: k, label: CATEGORY_LABEL[k] }))}
        />
        <TextArea
          name="categoryReason"
          label="Begrundelse for kategorien"
          value={v.categoryReason}
          errors={e}
          rows={3}
        />
        <div class="form-group form-group-checkbox">
          <input
            type="checkbox"
            class="form-checkbox"
            id="equivalentAgreement"
            name="equivalentAgreement"
            checked={v.equivalentAgreement === 'on'}
          />
          <label class="form-label" for="equivalentAgreement">
            Driftsherren har en tilsvarende aftale med køberne (kategori 2 er da ikke omfattet)
          </label>
        </div>
        <TextField
          name="portalId"
          label="Tilbudsportalens id (valgfri)"
          value={v.portalId}
          errors={e}
          width="s"
        />
        <TextField
          name="activeFrom"
          label="Aktiv fra (valgfri)"
          hint="dd.mm.åååå"
          value={v.activeFrom}
          errors={e}
          width="s"
        />
        <TextField
          name="activeTo"
          label="Aktiv til (valgfri)"
          hint="dd.mm.åååå"
          value={v.activeTo}
          errors={e}
          width="s"
        />
        <button type="submit" class="button button-primary">
          {isNew ? 'Opret tilbud' : 'Gem'}
        </button>
      </form>
    </>,
    status,
  );
}

offerPages.get('/offers/new', (c) => {
  if (c.get('viewer').role === 'anonymous') return c.redirect('/login?next=/offers/new', 303);
  return offerForm(c, { kind: 'new' }, { values: { category: '3' }, errors: {} });
});

offerPages.post('/offers', async (c) => {
  const values = await formValues(c);
  const { offers } = offerServices(c);
  return submitForm(
    offerCreateSchema,
    values,
    async (data) => {
      const id = await offers.create(actorOf(c), {
        ...data,
        sections: [{ section: data.section, subsection: data.subsection, places: data.places }],
      });
      return c.redirect(`/offers/${id}?saved=${encodeURIComponent('Tilbuddet er oprettet.')}`, 303);
    },
    (errors, message, status) => offerForm(c, { kind: 'new' }, { values, errors, message }, status),
  );
});

offerPages.get('/offers/:id/edit', async (c) => {
  const { offer } = await offerServices(c).offers.get(actorOf(c), intParam(c, 'id'));
  if (!offer.editable)
    return offerForm(
      c,
      { kind: 'edit', id: offer.id, name: offer.name },
      {
        values: {},
        errors: {},
        message: 'Du kan kun ændre de tilbud, din organisation er driftsherre for.',
      },
      409,
    );
  return offerForm(
    c,
    { kind: 'edit', id: offer.id, name: offer.name },
    {
      values: {
        version: String(offer.version),
        name: offer.name,
        operatorId: String(offer.operatorId),
        address: offer.address,
        targetGroups: offer.targetGroups.join('\n'),
        category: String(offer.category),
        categoryReason: offer.categoryReason,
        equivalentAgreement: offer.equivalentAgreement ? 'on' : '',
        portalId: offer.portalId ?? '',
        activeFrom: dateInput(offer.activeFrom),
        activeTo: dateInput(offer.activeTo),
      },
      errors: {},
    },
  );
});

offerPages.post('/offers/:id/edit', async (c) => {
  const id = intParam(c, 'id');
  const { offers } = offerServices(c);
  const { offer } = await offers.get(actorOf(c), id);
  const values = await formValues(c);
  return submitForm(
    offerUpdateSchema,
    values,
    async (data) => {
      await offers.update(actorOf(c), id, data.version, data);
      return c.redirect(`/offers/${id}?saved=${encodeURIComponent('Tilbuddet er gemt.')}`, 303);
    },
    (errors, message, status) =>
      offerForm(c, { kind: 'edit', id, name: offer.name }, { values, errors, message }, status),
  );
});

// ---------------------------------------------------------------------------------------------
// The offer's page: its whole history and the secretariat's forms

type DetailForm = 'event' | 'places' | 'reinforced' | 'annual-report';

function ItemLink({ id, label }: { id: number | null; label: string | null }) {
  if (id === null) return <span class="muted">–</span>;
  return <a href={`/items/${id}`}>{label ?? `Punkt ${id}`}</a>;
}

async function offerPage(
  c: PageContext,
  form?: { which: DetailForm } & FormState,
  status: PageStatus = 200,
) {
  const id = intParam(c, 'id');
  const { offers } = offerServices(c);
  const actor = actorOf(c);
  const { offer, events, reinforced, annualReports, coverage } = await offers.get(actor, id);
  const secretariat = isSecretariatUser(c);
  const csrf = c.get('csrfToken');
  const values = (which: DetailForm) => (form?.which === which ? form.values : {});
  const errors = (which: DetailForm): FieldErrors => (form?.which === which ? form.errors : {});
  const summary = (which: DetailForm) =>
    form?.which === which ? <ErrorSummary errors={form.errors} message={form.message} /> : null;
  const sections = [...offer.sections].sort(
    (a, b) =>
      sectionLabel(a).localeCompare(sectionLabel(b), 'da') ||
      a.validFrom.localeCompare(b.validFrom),
  );
  const history = [...reinforced].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  return page(
    c,
    {
      title: offer.name,
      nav: 'offers',
      breadcrumbs: [{ href: '/offers', label: 'Tilbudsviften' }],
    },
    <>
      {savedNotice(c) ? <Notice kind="success">{savedNotice(c)}</Notice> : null}
      <h1>{offer.name}</h1>
      {offer.editable ? (
        <p>
          <a class="button button-secondary" href={`/offers/${offer.id}/edit`}>
            Ret tilbuddet
          </a>
        </p>
      ) : null}
      <dl class="offer-facts">
        <dt>Driftsherre</dt>
        <dd>{offer.operatorName}</dd>
        <dt>Adresse</dt>
        <dd>{offer.address || '–'}</dd>
        <dt>Lovgrundlag</dt>
        <dd>{offer.lawSections.join(', ') || '–'}</dd>
        <dt>Pladser i dag</dt>
        <dd>{offer.places}</dd>
        <dt>Målgrupper</dt>
        <dd>{offer.targetGroups.join(', ') || '–'}</dd>
        <dt>Kategori</dt>
        <dd>
          {CATEGORY_LABEL[offer.category]}
          {offer.categoryReason ? <div class="muted">{offer.categoryReason}</div> : null}
          {offer.equivalentAgreement ? (
            <div class="muted">Driftsherren har en tilsvarende aftale med køberne.</div>
          ) : null}
        </dd>
        <dt>Tilbudsportalen</dt>
        <dd>{offer.portalId ?? '–'}</dd>
        <dt>Aktiv</dt>
        <dd>
          {offer.activeFrom || offer.activeTo
            ? `${date(offer.activeFrom) || '…'} – ${date(offer.activeTo)}`
            : '–'}
        </dd>
        <dt>Forstærket samarbejde</dt>
        <dd>{offer.reinforced === null ? 'Ikke med' : REINFORCED_LABEL[offer.reinforced]}</dd>
      </dl>

      <h2>Omfattet af styringsaftalen</h2>
      <ul class="coverage-years">
        {coverage.map((y) => (
          <li class={y.covered ? 'covered' : 'not-covered'}>
            {y.year}: {y.covered ? 'omfattet' : 'ikke omfattet'}
          </li>
        ))}
      </ul>

      <h2>Ind- og udmeldinger</h2>
      {events.length === 0 ? (
        <p class="muted">Ingen registrerede ind- eller udmeldinger.</p>
      ) : (
        <table class="table table--compact">
          <thead>
            <tr>
              <th scope="col">Dato</th>
              <th scope="col">Hændelse</th>
              <th scope="col">Gælder fra</th>
              <th scope="col">Note</th>
              <th scope="col">Besluttet på</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr>
                <td>{date(e.date)}</td>
                <td>{EVENT_KIND_LABEL[e.kind]}</td>
                <td>{e.effectiveYear}</td>
                <td>{e.note}</td>
                <td>
                  <ItemLink id={e.itemId} label={e.itemLabel} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Pladser pr. paragraf</h2>
      {sections.length === 0 ? (
        <p class="muted">Ingen paragraffer registreret.</p>
      ) : (
        <table class="table table--compact">
          <thead>
            <tr>
              <th scope="col">Lovgrundlag</th>
              <th scope="col" class="num">
                Pladser
              </th>
              <th scope="col">Fra</th>
              <th scope="col">Til</th>
            </tr>
          </thead>
          <tbody>
            {sections.map((s) => (
              <tr>
                <td>{sectionLabel(s)}</td>
                <td class="num">{s.places}</td>
                <td>{date(s.validFrom)}</td>
                <td>{date(s.validTo)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Det forstærkede samarbejde</h2>
      {history.length === 0 ? (
        <p class="muted">Tilbuddet har ikke været med i det forstærkede samarbejde.</p>
      ) : (
        <table class="table table--compact">
          <thead>
            <tr>
              <th scope="col">Fra</th>
              <th scope="col">Status</th>
              <th scope="col">Note</th>
              <th scope="col">Ekspertpanelets anbefaling</th>
              <th scope="col">DAS' beslutning</th>
            </tr>
          </thead>
          <tbody>
            {history.map((r) => (
              <tr>
                <td>{date(r.validFrom)}</td>
                <td>{REINFORCED_LABEL[r.status]}</td>
                <td>
                  {r.note}
                  {r.followUpId !== null ? (
                    <div class="muted">Årlig vurdering oprettet som opfølgning.</div>
                  ) : null}
                </td>
                <td>
                  <ItemLink id={r.recommendationItemId} label={r.recommendationLabel} />
                </td>
                <td>
                  <ItemLink id={r.decisionItemId} label={r.decisionLabel} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Årsrapporter</h2>
      {annualReports.length === 0 ? (
        <p class="muted">Ingen årsrapporter.</p>
      ) : (
        <ul>
          {annualReports.map((r) => (
            <li>
              <a href={`/offers/${offer.id}/annual-reports/${r.year}`}>
                {r.year}: {r.filename}
              </a>
            </li>
          ))}
        </ul>
      )}
      {secretariat || c.get('viewer').role === 'operator' ? (
        <details class="offer-action" open={form?.which === 'annual-report'}>
          <summary>Upload årsrapport</summary>
          <form
            method="post"
            action={`/offers/${offer.id}/annual-reports`}
            enctype="multipart/form-data"
            class="app-form"
          >
            {summary('annual-report')}
            <Csrf token={csrf} />
            <TextField
              name="year"
              label="År"
              value={values('annual-report').year ?? String(new Date().getFullYear() - 1)}
              errors={errors('annual-report')}
              width="xs"
            />
            <label class="form-label" for="annual-report-file">
              Fil (PDF, Word eller Excel)
            </label>
            <input class="form-file-input" type="file" id="annual-report-file" name="file" />
            <button type="submit" class="button button-secondary">
              Upload årsrapport
            </button>
          </form>
        </details>
      ) : null}

      {secretariat ? (
        <details class="offer-action" open={form?.which === 'event'}>
          <summary>Registrér ind- eller udmelding</summary>
          <form method="post" action={`/offers/${offer.id}/events`} class="app-form" novalidate>
            {summary('event')}
            <Csrf token={csrf} />
            <input type="hidden" name="version" value={String(offer.version)} />
            <Select
              name="kind"
              label="Hændelse"
              value={values('event').kind ?? 'entry'}
              errors={errors('event')}
              options={EVENT_KINDS.map((k) => ({ value: k, label: EVENT_KIND_LABEL[k] }))}
            />
            <TextField
              name="date"
              label="Dato for beslutningen"
              hint="dd.mm.åååå"
              value={values('event').date}
              errors={errors('event')}
              width="s"
            />
            <TextField
              name="effectiveYear"
              label="Gælder fra år"
              value={values('event').effectiveYear}
              errors={errors('event')}
              width="xs"
            />
            <TextArea
              name="note"
              label="Note"
              hint="Fx: udvides fra 31 til 43 pladser"
              value={values('event').note}
              errors={errors('event')}
              rows={2}
            />
            <TextField
              name="itemId"
              label="Mødepunktets id (DAS eller FU)"
              hint="Tallet i punktets adresse, fx 123 i /items/123"
              value={values('event').itemId}
              errors={errors('event')}
              width="xs"
            />
            <button type="submit" class="button button-secondary">
              Registrér
            </button>
          </form>
        </details>
      ) : null}
      {offer.editable ? (
        <details class="offer-action" open={form?.which === 'places'}>
          <summary>Ændr pladser</summary>
          <form method="post" action={`/offers/${offer.id}/places`} class="app-form" novalidate>
            {summary('places')}
            <Csrf token={csrf} />
            <input type="hidden" name="version" value={String(offer.version)} />
            <TextField
              name="section"
              label="SEL-paragraf"
              value={values('places').section}
              errors={errors('places')}
              width="xs"
            />
            <TextField
              name="subsection"
              label="Stk./nr. (valgfri)"
              value={values('places').subsection}
              errors={errors('places')}
              width="s"
            />
            <TextField
              name="places"
              label="Pladser"
              hint="0 afslutter paragraffen"
              value={values('places').places}
              errors={errors('places')}
              width="xs"
            />
            <TextField
              name="validFrom"
              label="Gælder fra"
              hint="dd.mm.åååå"
              value={values('places').validFrom}
              errors={errors('places')}
              width="s"
            />
            <button type="submit" class="button button-secondary">
              Gem pladser
            </button>
          </form>
        </details>
      ) : null}
      {secretariat ? (
        <details class="offer-action" open={form?.which === 'reinforced'}>
          <summary>Ændr status i det forstærkede samarbejde</summary>
          <form method="post" action={`/offers/${offer.id}/reinforced`} class="app-form" novalidate>
            {summary('reinforced')}
            <Csrf token={csrf} />
            <input type="hidden" name="version" value={String(offer.version)} />
            <Select
              name="status"
              label="Status"
              value={values('reinforced').status}
              errors={errors('reinforced')}
              options={REINFORCED_STATUSES.map((s) => ({ value: s, label: REINFORCED_LABEL[s] }))}
            />
            <TextField
              name="validFrom"
              label="Gælder fra"
              hint="dd.mm.åååå"
              value={values('reinforced').validFrom}
              errors={errors('reinforced')}
              width="s"
            />
            <TextArea
              name="note"
              label="Note"
              value={values('reinforced').note}
              errors={errors('reinforced')}
              rows={2}
            />
            <TextField
              name="recommendationItemId"
              label="Ekspertpanelets anbefaling: mødepunktets id (valgfri)"
              value={values('reinforced').recommendationItemId}
              errors={errors('reinforced')}
              width="xs"
            />
            <TextField
              name="decisionItemId"
              label="DAS' beslutning: mødepunktets id (valgfri)"
              value={values('reinforced').decisionItemId}
              errors={errors('reinforced')}
              width="xs"
            />
            <button type="submit" class="button button-secondary">
              Gem status
            </button>
          </form>
        </details>
      ) : null}
    </>,
    status,
  );
}

offerPages.get('/offers/:id', (c) => offerPage(c));

offerPages.get('/offers/:id/annual-reports/:year', async (c) => {
  const file = await offerServices(c).offers.annualReport(
    actorOf(c),
    intParam(c, 'id'),
    intParam(c, 'year'),
  );
  // Always a download, never rendered by the browser, whatever the uploaded type claims.
  return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': 'application/octet-stream',
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    'x-content-type-options': 'nosniff',
  });
});

offerPages.post('/offers/:id/annual-reports', async (c) => {
  const id = intParam(c, 'id');
  const body = await c.req.parseBody();
  const typedYear = typeof body.year === 'string' ? body.year.trim() : '';
  const year = Number(typedYear);
  const fail = (message: string, status: PageStatus) =>
    offerPage(
      c,
      { which: 'annual-report', values: { year: typedYear }, errors: {}, message },
      status,
    );
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    return fail('Skriv årstallet for rapporten, fx 2021.', 400);
  }
  const upload = await uploadedFile(c);
  if (!upload.ok) return fail(upload.message, upload.status === 413 ? 400 : upload.status);
  const file = body.file as File;
  await offerServices(c).offers.uploadAnnualReport(actorOf(c), id, {
    year,
    filename: upload.name,
    mediaType: file.type || 'application/octet-stream',
    bytes: upload.bytes,
  });
  return c.redirect(
    `/offers/${id}?saved=${encodeURIComponent(`Årsrapporten for ${year} er gemt.`)}`,
    303,
  );
});

offerPages.post('/offers/:id/events', async (c) => {
  const id = intParam(c, 'id');
  const values = await formValues(c);
  return submitForm(
    eventSchema,
    values,
    async (data) => {
      await offerServices(c).offers.addEvent(actorOf(c), id, data.version, data);
      return c.redirect(
        `/offers/${id}?saved=${encodeURIComponent('Hændelsen er registreret.')}`,
        303,
      );
    },
    (errors, message, status) => offerPage(c, { which: 'event', values, errors, message }, status),
  );
});

offerPages.post('/offers/:id/places', async (c) => {
  const id = intParam(c, 'id');
  const values = await formValues(c);
  return submitForm(
    placesSchema,
    values,
    async (data) => {
      await offerServices(c).offers.changePlaces(actorOf(c), id, data.version, data);
      return c.redirect(`/offers/${id}?saved=${encodeURIComponent('Pladserne er gemt.')}`, 303);
    },
    (errors, message, status) => offerPage(c, { which: 'places', values, errors, message }, status),
  );
});

offerPages.post('/offers/:id/reinforced', async (c) => {
  const id = intParam(c, 'id');
  const values = await formValues(c);
  return submitForm(
    reinforcedSchema,
    values,
    async (data) => {
      await offerServices(c).offers.setReinforced(actorOf(c), id, data.version, data);
      return c.redirect(`/offers/${id}?saved=${encodeURIComponent('Statussen er gemt.')}`, 303);
    },
    (errors, message, status) =>
      offerPage(c, { which: 'reinforced', values, errors, message }, status),
  );
});
