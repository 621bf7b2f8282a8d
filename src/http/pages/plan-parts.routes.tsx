/**
 * The secretariat edits the plan's parts: focus areas, initiatives and activities, each with a
 * new-form, an edit-form and a delete that names the version it was read at.
 */
import { Hono } from 'hono';
import type { PlanActivity } from '../../domain/plan/index.ts';
import type { AppEnv } from '../context.ts';
import {
  activitySchema,
  activityUpdateSchema,
  deleteSchema,
  focusAreaSchema,
  focusAreaUpdateSchema,
  initiativeSchema,
  initiativeUpdateSchema,
} from '../schemas/plan.schema.ts';
import { ActivityFields, FocusAreaFields, InitiativeFields, type Values } from './plan-forms.tsx';
import { ActionButton } from './components.tsx';
import { formPage, handle, refused, saved, svc, text, type FormPage } from './plan-page.tsx';
import { intParam, type PageContext } from './render.tsx';

export const planPartPages = new Hono<AppEnv>();

const manage = (agreementId: number, message: string) =>
  saved(`/plan/${agreementId}/manage`, message);

/** Deleting lives on the edit page, apart from the form, with what it removes said first. */
function DeleteSection(p: {
  c: PageContext;
  action: string;
  version: number;
  label: string;
  warning: string;
}) {
  return (
    <section class="plan-delete">
      <h2>Slet</h2>
      <p>{p.warning} Det kan ikke fortrydes.</p>
      <ActionButton
        action={p.action}
        label={p.label}
        csrf={p.c.get('csrfToken')}
        version={p.version}
        kind="warning"
      />
    </section>
  );
}

/* ---------- focus areas ---------- */

async function focusAreaForm(
  c: PageContext,
  agreementId: number,
  values: Values,
  extra: Partial<FormPage>,
) {
  const agreement = await svc(c).agreement(agreementId);
  return formPage(c, {
    title: 'Nyt fokusområde',
    action: `/plan/${agreementId}/focus-areas`,
    submit: 'Tilføj fokusområde',
    agreement,
    fields: <FocusAreaFields values={values} errors={extra.errors} />,
    ...extra,
  });
}

planPartPages.get('/plan/:id/focus-areas/new', async (c) => {
  const s = svc(c);
  const id = intParam(c, 'id');
  const view = await s.view(c.get('viewer'), id);
  const next = Math.max(0, ...view.plan.focusAreas.map((f) => f.number)) + 1;
  return focusAreaForm(c, id, { number: String(next) }, {});
});

planPartPages.post('/plan/:id/focus-areas', (c) => {
  const id = intParam(c, 'id');
  return handle(
    c,
    focusAreaSchema,
    async (data) => {
      await svc(c).addFocusArea(c.get('viewer'), id, data);
      return manage(id, `Fokusområde ${data.number} er tilføjet.`);
    },
    (values, errors, message, status) => focusAreaForm(c, id, values, { errors, message, status }),
  );
});

async function editFocusArea(c: PageContext, values: Values | null, extra: Partial<FormPage> = {}) {
  const fa = await svc(c).focusArea(intParam(c, 'id'));
  return focusAreaForm(
    c,
    fa.agreementId,
    values ?? { number: String(fa.number), title: fa.title, description: fa.description },
    {
      title: `Rediger fokusområde ${fa.number}`,
      action: `/plan/focus-areas/${fa.id}`,
      submit: 'Gem fokusområdet',
      version: values ? Number(values.version) : fa.version,
      after: (
        <DeleteSection
          c={c}
          action={`/plan/focus-areas/${fa.id}/delete`}
          version={fa.version}
          label="Slet fokusområdet"
          warning="Sletter fokusområdet med alle dets initiativer og aktiviteter."
        />
      ),
      ...extra,
    },
  );
}

planPartPages.get('/plan/focus-areas/:id/edit', (c) => editFocusArea(c, null));

planPartPages.post('/plan/focus-areas/:id', (c) =>
  handle(
    c,
    focusAreaUpdateSchema,
    async (data) => {
      const s = svc(c);
      const fa = await s.focusArea(intParam(c, 'id'));
      await s.updateFocusArea(c.get('viewer'), fa.id, data.version, data);
      return manage(fa.agreementId, 'Fokusområdet er gemt.');
    },
    (values, errors, message, status) => editFocusArea(c, values, { errors, message, status }),
  ),
);

/* ---------- initiatives ---------- */

async function initiativeForm(
  c: PageContext,
  focusAreaId: number,
  values: Values,
  extra: Partial<FormPage>,
) {
  const s = svc(c);
  const fa = await s.focusArea(focusAreaId);
  return formPage(c, {
    title: `Nyt initiativ under ${fa.number}. ${fa.title}`,
    action: `/plan/focus-areas/${fa.id}/initiatives`,
    submit: 'Tilføj initiativ',
    agreement: await s.agreement(fa.agreementId),
    fields: (
      <InitiativeFields values={values} errors={extra.errors} committees={await s.committees()} />
    ),
    ...extra,
  });
}

planPartPages.get('/plan/focus-areas/:id/initiatives/new', async (c) => {
  const s = svc(c);
  const fa = await s.focusArea(intParam(c, 'id'));
  const view = await s.view(c.get('viewer'), fa.agreementId);
  const used = view.plan.focusAreas.find((f) => f.id === fa.id)?.initiatives.length ?? 0;
  const letter = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[used] ?? '';
  return initiativeForm(c, fa.id, { code: `${fa.number}${letter}` }, {});
});

planPartPages.post('/plan/focus-areas/:id/initiatives', (c) => {
  const id = intParam(c, 'id');
  return handle(
    c,
    initiativeSchema,
    async (data) => {
      const s = svc(c);
      await s.addInitiative(c.get('viewer'), id, data);
      return manage(
        (await s.focusArea(id)).agreementId,
        `Initiativ ${data.code.toUpperCase()} er tilføjet.`,
      );
    },
    (values, errors, message, status) => initiativeForm(c, id, values, { errors, message, status }),
  );
});

async function editInitiative(
  c: PageContext,
  values: Values | null,
  extra: Partial<FormPage> = {},
) {
  const ini = await svc(c).initiative(intParam(c, 'id'));
  return initiativeForm(
    c,
    ini.focusAreaId,
    values ?? {
      code: ini.code,
      title: ini.title,
      description: ini.description,
      committeeId: text(ini.committeeId),
    },
    {
      title: `Rediger initiativ ${ini.code}`,
      action: `/plan/initiatives/${ini.id}`,
      submit: 'Gem initiativet',
      version: values ? Number(values.version) : ini.version,
      after: (
        <DeleteSection
          c={c}
          action={`/plan/initiatives/${ini.id}/delete`}
          version={ini.version}
          label="Slet initiativet"
          warning="Sletter initiativet med alle dets aktiviteter."
        />
      ),
      ...extra,
    },
  );
}

planPartPages.get('/plan/initiatives/:id/edit', (c) => editInitiative(c, null));

planPartPages.post('/plan/initiatives/:id', (c) =>
  handle(
    c,
    initiativeUpdateSchema,
    async (data) => {
      const s = svc(c);
      const ini = await s.initiative(intParam(c, 'id'));
      await s.updateInitiative(c.get('viewer'), ini.id, data.version, data);
      return manage(ini.agreementId, 'Initiativet er gemt.');
    },
    (values, errors, message, status) => editInitiative(c, values, { errors, message, status }),
  ),
);

/* ---------- activities ---------- */

async function activityForm(
  c: PageContext,
  initiativeId: number,
  values: Values,
  extra: Partial<FormPage>,
) {
  const s = svc(c);
  const ini = await s.initiative(initiativeId);
  return formPage(c, {
    title: `Ny aktivitet under ${ini.code} ${ini.title}`,
    action: `/plan/initiatives/${ini.id}/activities`,
    submit: 'Tilføj aktivitet',
    agreement: await s.agreement(ini.agreementId),
    fields: (
      <ActivityFields
        values={values}
        errors={extra.errors}
        committees={await s.committees()}
        items={await s.itemChoices(c.get('viewer'), ini.agreementId)}
      />
    ),
    ...extra,
  });
}

planPartPages.get('/plan/initiatives/:id/activities/new', async (c) => {
  const s = svc(c);
  const ini = await s.initiative(intParam(c, 'id'));
  const a = await s.agreement(ini.agreementId);
  return activityForm(
    c,
    ini.id,
    {
      year: String(a.periodStart),
      period: 'h1',
      status: 'planned',
      committeeId: text(ini.committeeId),
    },
    {},
  );
});

planPartPages.post('/plan/initiatives/:id/activities', (c) => {
  const id = intParam(c, 'id');
  return handle(
    c,
    activitySchema,
    async (data) => {
      const s = svc(c);
      await s.addActivity(c.get('viewer'), id, data);
      return manage((await s.initiative(id)).agreementId, `${data.title} er tilføjet.`);
    },
    (values, errors, message, status) => activityForm(c, id, values, { errors, message, status }),
  );
});

const activityValues = (a: PlanActivity): Values => ({
  title: a.title,
  year: String(a.year),
  period: a.period,
  status: a.status,
  committeeId: text(a.committeeId),
  itemId: text(a.itemId),
  note: a.note,
});

async function editActivity(c: PageContext, values: Values | null, extra: Partial<FormPage> = {}) {
  const a = await svc(c).activity(intParam(c, 'id'));
  return activityForm(c, a.initiativeId, values ?? activityValues(a), {
    title: `Rediger aktivitet: ${a.title}`,
    action: `/plan/activities/${a.id}`,
    submit: 'Gem aktiviteten',
    version: values ? Number(values.version) : a.version,
    after: (
      <DeleteSection
        c={c}
        action={`/plan/activities/${a.id}/delete`}
        version={a.version}
        label="Slet aktiviteten"
        warning="Sletter aktiviteten fra planen."
      />
    ),
    ...extra,
  });
}

planPartPages.get('/plan/activities/:id/edit', (c) => editActivity(c, null));

planPartPages.post('/plan/activities/:id', (c) =>
  handle(
    c,
    activityUpdateSchema,
    async (data) => {
      const s = svc(c);
      const a = await s.activity(intParam(c, 'id'));
      await s.updateActivity(c.get('viewer'), a.id, data.version, data);
      return manage(a.agreementId, `${data.title} er gemt.`);
    },
    (values, errors, message, status) => editActivity(c, values, { errors, message, status }),
  ),
);

/* ---------- deletes ---------- */

const parents = {
  'focus-areas': { kind: 'focus-area', what: 'Fokusområdet' },
  initiatives: { kind: 'initiative', what: 'Initiativet' },
  activities: { kind: 'activity', what: 'Aktiviteten' },
} as const;

for (const [path, { kind, what }] of Object.entries(parents)) {
  planPartPages.post(`/plan/${path}/:id/delete`, async (c) => {
    const s = svc(c);
    const id = intParam(c, 'id');
    const agreementId =
      kind === 'activity'
        ? (await s.activity(id)).agreementId
        : kind === 'initiative'
          ? (await s.initiative(id)).agreementId
          : (await s.focusArea(id)).agreementId;
    return handle(
      c,
      deleteSchema,
      async (data) => {
        await s.remove(c.get('viewer'), kind, id, data.version);
        return manage(agreementId, `${what} er slettet.`);
      },
      // a stale version: back to the plan with the reason, nothing deleted
      (_values, _errors, message) =>
        c.redirect(
          refused(`/plan/${agreementId}/manage`, message ?? `${what} blev ikke slettet.`),
          303,
        ),
    );
  });
}
