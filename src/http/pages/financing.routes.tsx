/**
 * Økonomi (/finance): saved deficit-cover models with the two DAS tables, XLSX and PDF exports
 * and the link to the adopting meeting item; the fixed-share split by population. Secretariat
 * only. The occupancy pages are in occupancy.routes.tsx.
 */
import { Hono } from 'hono';
import { ValidationError, type FieldErrors } from '../../domain/errors.ts';
import { ROUNDING_RULE_DA } from '../../domain/financing/index.ts';
import { formatKroner, parseDanishNumber } from '../../domain/occupancy/index.ts';
import type { DeficitModelFields } from '../../db/repositories/financing.repository.ts';
import {
  computeDeficit,
  financingService,
  requireFinance,
  type DeficitModelView,
} from '../../services/financing.service.ts';
import { renderDeficitModelPdf } from '../../services/pdf/deficit-model-pdf.ts';
import { deficitModelWorkbook } from '../../services/xlsx/deficit-model.ts';
import type { AppEnv } from '../context.ts';
import {
  municipalityCount,
  newDeficitModelSchema,
  readDeficitModelForm,
  readFixedShareQuery,
  type DeficitModelInput,
} from '../schemas/financing.schema.ts';
import { ActionButton, Csrf, ErrorSummary, Notice, Select, TextField } from './components.tsx';
import {
  AmountTable,
  itemLabel,
  KeyTable,
  kr,
  modelToValues,
  ParameterForm,
  RoundingRule,
  sharePercent,
} from './financing-view.tsx';
import { submitForm } from './form-flow.ts';
import { formValues, intParam, page, type PageContext } from './render.tsx';

export const financePages = new Hono<AppEnv>();

const crumbs = [{ href: '/finance', label: 'Økonomi' }];

/** The stylesheet of the finance pages (tables, chart, marks); CSP allows only 'self' styles. */
export const FINANCE_CSS = `
/* DKFDS sets the root font size to 10px: 1rem = 10px. */
.finance-scroll { overflow-x: auto; max-width: 100%; margin-bottom: 1.6rem; }
.finance-table { font-size: 1.5rem; margin-top: 0.8rem; }
.finance-table caption { caption-side: top; text-align: left; font-weight: 600; font-size: 1.8rem; color: #1a1a1a; padding: 0 0 0.8rem 0; }
.finance-table th, .finance-table td { padding: 0.56rem 0.8rem; }
.finance-table tbody td, .finance-table tfoot td { white-space: nowrap; }
.finance-table thead th { vertical-align: bottom; }
.finance-table .total-row th, .finance-table .total-row td { font-weight: 600; border-top: 2px solid #1a1a1a; }
.finance-fields { display: flex; flex-wrap: wrap; gap: 0 2.4rem; align-items: flex-end; }
.finance-fields .form-group { margin-top: 1.6rem; }
.finance-grid td { padding: 0.4rem 0.64rem; }
.finance-grid .form-input { margin-top: 0; }
.deficit-form .form-select { max-width: 100%; }
.deficit-form #itemId { width: 64rem; }
.input-number { text-align: right; }
.form-input-error { border: 3px solid #b0001e; }
.rounding-rule { border-left: 4px solid #0059b3; padding: 0.8rem 1.6rem; background: #f5f8fc; max-width: 96rem; margin: 1.6rem 0; }
.rounding-rule h3 { margin-top: 0; }
.finance-chart { margin: 2.4rem 0; max-width: 100%; }
.finance-chart svg { width: 100%; height: auto; max-width: 1000px; }
.finance-table td.occ-over, .occ-legend .occ-over { background: #fbe3e6; font-weight: 600; }
.finance-table td.occ-under, .occ-legend .occ-under { background: #fff4d6; }
.occ-legend span { display: inline-block; padding: 0 0.8rem; margin-right: 1.6rem; }
.finance-example { display: flex; gap: 1.6rem; align-items: flex-end; flex-wrap: wrap; }
.finance-example .form-group { margin-top: 0; }
.finance-cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(25.6rem, 1fr)); gap: 1.6rem; margin: 2.4rem 0; }
.finance-cards > div { border: 1px solid #bfbfbf; padding: 1.6rem; }
.finance-cards h2 { margin-top: 0; font-size: 1.92rem; }
.budget-form { display: flex; gap: 0.8rem; align-items: center; flex-wrap: wrap; }
.budget-form .form-input, .budget-form .button { margin-top: 0; }
pre.format-example { background: #f5f5f5; padding: 1.2rem; overflow-x: auto; }
`;

financePages.get('/finance/finance.css', (c) =>
  c.body(FINANCE_CSS, 200, {
    'content-type': 'text/css; charset=utf-8',
    'cache-control': 'public, max-age=300',
  }),
);

/** The stylesheet link, placed at the top of each finance page's content. */
export const FinanceStyles = () => <link rel="stylesheet" href="/finance/finance.css" />;

const service = (c: PageContext) => financingService(c.get('services').db);

/* ---------- the list ---------- */

financePages.get('/finance', async (c) => {
  const viewer = c.get('viewer');
  requireFinance(viewer);
  const models = await service(c).list(viewer);
  return listPage(c, models, {}, '');
});

async function listPage(
  c: PageContext,
  models: Awaited<ReturnType<ReturnType<typeof financingService>['list']>>,
  errors: FieldErrors,
  name: string,
  status: 200 | 400 = 200,
) {
  return page(
    c,
    { title: 'Økonomi', breadcrumbs: [], nav: 'finance' },
    <>
      <FinanceStyles />
      <h1>Økonomi</h1>
      <p class="font-lead">
        Finansieringsmodeller og belægning: beregnet i hele kroner, der altid summer præcist, og
        knyttet til den beslutning, der vedtog dem.
      </p>
      <div class="finance-cards">
        <div>
          <h2>Underskudsdækning</h2>
          <p>Fordelingsnøgle og beløb pr. kommune og driftsherre, med eksport til Excel og PDF.</p>
          <a href="#models">Se modellerne</a>
        </div>
        <div>
          <h2>Objektiv finansiering</h2>
          <p>Et fast beløb fordelt på kommunerne efter befolkningstal.</p>
          <a href="/finance/fixed-share">Fordel et beløb</a>
        </div>
        <div>
          <h2>Belægning</h2>
          <p>
            Månedlig og årlig belægningsprocent pr. institution, importeret fra CSV eller Excel.
          </p>
          <a href="/finance/occupancy">Se belægning</a>
        </div>
        <div>
          <h2>Monitorering</h2>
          <p>
            Udgifterne på det specialiserede socialområde pr. kommune over årene, på fire niveauer,
            fra Danmarks Statistiks tabeller.
          </p>
          <a href="/finance/monitoring">Se monitoreringen</a>
        </div>
      </div>
      <h2 id="models">Modeller for underskudsdækning</h2>
      {models.length === 0 ? (
        <p class="muted">Der er endnu ingen modeller.</p>
      ) : (
        <table class="table table--compact">
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Driftsherre</th>
              <th scope="col" class="number-cell">
                Underskud i eksemplet
              </th>
              <th scope="col">Vedtaget</th>
              <th scope="col">Senest ændret</th>
            </tr>
          </thead>
          <tbody>
            {models.map((m) => (
              <tr>
                <td>
                  <a href={`/finance/deficit/${m.id}`}>{m.name}</a>
                </td>
                <td>{m.operator}</td>
                <td class="number-cell">{kr(m.exampleDeficit)}</td>
                <td>{m.itemId === null ? '–' : <a href={`/items/${m.itemId}`}>Punkt</a>}</td>
                <td>
                  {new Date(m.updatedAt).toLocaleDateString('da-DK', {
                    timeZone: 'Europe/Copenhagen',
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Ny model</h2>
      <form method="post" action="/finance/deficit" class="app-form" novalidate>
        <Csrf token={c.get('csrfToken')} />
        <TextField
          name="name"
          label="Navn"
          hint="Modellen starter med parametrene fra Kvisten 2021, som du derefter retter"
          value={name}
          errors={errors}
          width="l"
        />
        <button type="submit" class="button button-primary">
          Ny model
        </button>
      </form>
    </>,
    status,
  );
}

financePages.post('/finance/deficit', async (c) => {
  const viewer = c.get('viewer');
  requireFinance(viewer);
  const values = await formValues(c);
  const s = service(c);
  return submitForm(
    newDeficitModelSchema,
    values,
    async ({ name }) => {
      const year = c.get('services').clock.now().getFullYear();
      const created = await s.create(viewer, await s.defaults(name, year), false);
      return c.redirect(`/finance/deficit/${created.id}`, 303);
    },
    async (errors, _message, status) =>
      listPage(c, await s.list(viewer), errors, values.name ?? '', status === 409 ? 400 : status),
  );
});

/* ---------- one model ---------- */

/** `?deficit=1.500.000` overrides the saved example deficit for viewing and exports. */
function deficitParam(c: PageContext): { deficit: number | undefined; error: string | null } {
  const raw = c.req.query('deficit');
  if (raw === undefined || raw.trim() === '') return { deficit: undefined, error: null };
  const n = parseDanishNumber(raw);
  if (n === null || !Number.isSafeInteger(n) || n < 0) {
    return { deficit: undefined, error: 'Skriv underskuddet i hele kroner, fx 1.500.000.' };
  }
  return { deficit: n, error: null };
}

interface ModelPageOptions {
  values?: Record<string, string>;
  errors?: FieldErrors;
  message?: string;
  notice?: string;
  status?: 200 | 400 | 409;
}

async function modelPage(c: PageContext, view: DeficitModelView, o: ModelPageOptions = {}) {
  const viewer = c.get('viewer');
  const s = service(c);
  const m = view.model;
  const { deficit, error: deficitError } = deficitParam(c);
  const shown = deficit ?? m.exampleDeficit;
  const computed = computeDeficit(m, shown);
  const [periods, operators, recent] = await Promise.all([
    s.periods(),
    s.operators(),
    s.recentItems(viewer),
  ]);
  const items =
    view.item !== null && !recent.some((i) => i.id === view.item?.id)
      ? [view.item, ...recent]
      : recent;
  const query = deficit === undefined ? '' : `?deficit=${deficit}`;
  const errors = o.errors ?? {};
  return page(
    c,
    { title: m.name, breadcrumbs: crumbs, nav: 'finance' },
    <>
      <FinanceStyles />
      <h1>{m.name}</h1>
      <p class="font-lead">
        Underskudsdækning med {m.operator} som driftsherre.{' '}
        {view.item !== null ? (
          <>
            Vedtaget på <a href={`/items/${view.item.id}`}>{itemLabel(view.item)}</a>.
          </>
        ) : (
          <span class="muted">Ikke knyttet til et dagsordenspunkt endnu.</span>
        )}
      </p>
      {o.notice ? <Notice kind="success">{o.notice}</Notice> : null}
      <ErrorSummary errors={errors} message={o.message} />

      <h2>Beregning</h2>
      <form method="get" action={`/finance/deficit/${m.id}`} class="finance-example">
        <TextField
          name="deficit"
          label="Underskud (kr.)"
          hint={`Gemt eksempel: ${formatKroner(m.exampleDeficit)} kr.`}
          value={formatKroner(shown)}
          errors={deficitError === null ? {} : { deficit: deficitError }}
          width="s"
        />
        <button class="button button-secondary" type="submit">
          Beregn
        </button>
      </form>
      {computed.ok ? (
        <>
          <p>
            Et underskud på {kr(computed.result.total)}: {m.operator} betaler alene de første{' '}
            {kr(computed.result.thresholdPart)}. Af de resterende {kr(computed.result.partAbove)}{' '}
            betaler {m.operator} {sharePercent(m.operatorShare, 1)} og kommunerne resten efter en
            nøgle med {sharePercent(m.populationWeight, 1)} befolkningsandel og{' '}
            {sharePercent(m.usageWeight, 1)} forbrugsandel.
          </p>
          <KeyTable result={computed.result} period={m.populationPeriod} years={m.usageYears} />
          <AmountTable result={computed.result} />
          <div class="button-row">
            <a class="button button-secondary" href={`/finance/deficit/${m.id}/model.xlsx${query}`}>
              Hent som Excel (XLSX)
            </a>
            <a class="button button-secondary" href={`/finance/deficit/${m.id}/model.pdf${query}`}>
              Hent som PDF
            </a>
          </div>
        </>
      ) : (
        <div class="alert alert-warning" role="status">
          <div class="alert-body">
            <p class="alert-heading">Modellen kan ikke beregnes endnu</p>
            <ul class="nobullet-list">
              {Object.entries(computed.errors).map(([field, text]) => (
                <li>
                  <a href={`#${field}`}>{text}</a>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      <RoundingRule />

      <h2>Parametre</h2>
      <ParameterForm
        action={`/finance/deficit/${m.id}`}
        csrf={c.get('csrfToken')}
        version={m.version}
        values={o.values ?? modelToValues(m)}
        errors={o.values === undefined && !computed.ok ? { ...computed.errors, ...errors } : errors}
        periods={periods}
        operators={operators}
        items={items}
      />
      <div class="danger-zone">
        <h2>Slet modellen</h2>
        <ActionButton
          action={`/finance/deficit/${m.id}/delete`}
          label="Slet modellen"
          csrf={c.get('csrfToken')}
          version={m.version}
          kind="warning"
        />
      </div>
    </>,
    o.status ?? 200,
  );
}

financePages.get('/finance/deficit/:id', async (c) => {
  const view = await service(c).get(c.get('viewer'), intParam(c, 'id'));
  return modelPage(c, view, {
    notice: c.req.query('saved') === '1' ? 'Modellen er gemt.' : undefined,
  });
});

const toFields = (input: DeficitModelInput): DeficitModelFields => ({
  name: input.name,
  operator: input.operator,
  threshold: input.threshold,
  operatorShare: input.operatorShareAboveThreshold,
  populationWeight: input.weights.population,
  usageWeight: input.weights.usage,
  populationPeriod: input.populationPeriod,
  usageYears: input.usageYears,
  municipalities: input.municipalities,
  exampleDeficit: input.exampleDeficit,
  itemId: input.itemId,
  offerId: input.offerId,
});

financePages.post('/finance/deficit/:id', async (c) => {
  const viewer = c.get('viewer');
  const s = service(c);
  const id = intParam(c, 'id');
  const view = await s.get(viewer, id);
  const values = await formValues(c);
  const action = values.action;
  delete values.action;

  if (action === 'fill-population') {
    // Fill the population from the platform's series for the chosen period; nothing is saved.
    const period = values.populationPeriod ?? view.model.populationPeriod;
    const population = await s.populationIn(period);
    const count = municipalityCount(values);
    const missing: string[] = [];
    for (let i = 0; i < count; i++) {
      const name = (values[`municipalities.${i}.name`] ?? '').trim();
      const n =
        population.get(name.toLowerCase()) ?? population.get(`${name} kommune`.toLowerCase());
      if (n === undefined) missing.push(name || `nr. ${i + 1}`);
      else values[`municipalities.${i}.population`] = formatKroner(n);
    }
    return modelPage(c, view, {
      values,
      notice:
        `Befolkningstallene for ${period} er hentet. Gem modellen for at beholde dem.` +
        (missing.length > 0 ? ` Platformen har ingen tal for ${missing.join(', ')}.` : ''),
    });
  }

  const read = readDeficitModelForm(values);
  const version = Number(values.version);
  if (!read.ok) return modelPage(c, view, { values, errors: read.errors, status: 400 });
  try {
    await s.update(viewer, id, version, toFields(read.value));
  } catch (error) {
    if (error instanceof ValidationError)
      return modelPage(c, view, { values, errors: error.fields, status: 400 });
    if (error instanceof Error && error.name === 'ConflictError')
      return modelPage(c, view, { values, message: error.message, status: 409 });
    throw error;
  }
  return c.redirect(`/finance/deficit/${id}?saved=1`, 303);
});

financePages.post('/finance/deficit/:id/delete', async (c) => {
  const values = await formValues(c);
  await service(c).remove(c.get('viewer'), intParam(c, 'id'), Number(values.version));
  return c.redirect('/finance', 303);
});

/** The model and its allocation at `?deficit=` (or the saved example), for the exports. */
async function exportable(c: PageContext) {
  const view = await service(c).get(c.get('viewer'), intParam(c, 'id'));
  const { deficit, error } = deficitParam(c);
  if (error !== null) throw new ValidationError({ deficit: error }, error);
  const computed = computeDeficit(view.model, deficit);
  if (!computed.ok) {
    throw new ValidationError(
      computed.errors,
      `Modellen kan ikke beregnes: ${Object.values(computed.errors).join(' ')}`,
    );
  }
  return { view, result: computed.result };
}

/** "Underskudsdækning Kvisten 2021" → "underskudsdaekning-kvisten-2021" */
export function fileSlug(name: string): string {
  const s = name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return s === '' ? 'model' : s;
}

const download = (c: PageContext, bytes: Uint8Array, name: string, type: string) =>
  c.body(bytes.buffer as ArrayBuffer, 200, {
    'content-type': type,
    'content-disposition': `attachment; filename="${name}"`,
    'cache-control': 'no-store',
  });

financePages.get('/finance/deficit/:id/model.xlsx', async (c) => {
  const { view, result } = await exportable(c);
  const bytes = await deficitModelWorkbook(view.model, result);
  return download(
    c,
    bytes,
    `${fileSlug(view.model.name)}-${result.total}.xlsx`,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
});

financePages.get('/finance/deficit/:id/model.pdf', async (c) => {
  const { view, result } = await exportable(c);
  const bytes = await renderDeficitModelPdf(
    view.model,
    result,
    view.item === null ? null : itemLabel(view.item),
  );
  return download(c, bytes, `${fileSlug(view.model.name)}-${result.total}.pdf`, 'application/pdf');
});

/* ---------- fixed share ---------- */

financePages.get('/finance/fixed-share', async (c) => {
  const viewer = c.get('viewer');
  requireFinance(viewer);
  const s = service(c);
  const periods = await s.periods();
  const q = readFixedShareQuery(c.req.query('amount'), c.req.query('period'));
  const period = q.period ?? periods[0] ?? '';
  let result: Awaited<ReturnType<typeof s.fixedShare>> | null = null;
  const errors: FieldErrors = { ...q.errors };
  if (q.amount !== null && Object.keys(errors).length === 0) {
    try {
      result = await s.fixedShare(viewer, q.amount, period);
    } catch (error) {
      if (error instanceof ValidationError) Object.assign(errors, error.fields);
      else throw error;
    }
  }
  return page(
    c,
    { title: 'Objektiv finansiering', breadcrumbs: crumbs, nav: 'finance' },
    <>
      <FinanceStyles />
      <h1>Objektiv finansiering</h1>
      <p class="font-lead">
        Et fast beløb fordelt på kommunerne efter deres befolkningstal i den valgte periode, i hele
        kroner, der summer præcist til beløbet.
      </p>
      <form method="get" action="/finance/fixed-share" class="finance-example" novalidate>
        <TextField
          name="amount"
          label="Beløb (kr.)"
          hint="Fx 136.072"
          value={c.req.query('amount') ?? ''}
          errors={errors}
          width="s"
        />
        <Select
          name="period"
          label="Befolkningstal fra"
          value={period}
          errors={errors}
          options={periods.map((p) => ({ value: p, label: p }))}
        />
        <button class="button button-primary" type="submit">
          Fordel
        </button>
      </form>
      {result !== null ? (
        <>
          <div class="finance-scroll">
            <table class="table table--compact finance-table" id="fixed-share">
              <caption>
                {kr(result.total)} fordelt efter befolkningstal {period}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Kommune</th>
                  <th scope="col" class="number-cell">
                    Befolkning
                  </th>
                  <th scope="col" class="number-cell">
                    Andel
                  </th>
                  <th scope="col" class="number-cell">
                    Beløb (kr.)
                  </th>
                </tr>
              </thead>
              <tbody>
                {result.allocations.map((a) => (
                  <tr>
                    <th scope="row">{a.name}</th>
                    <td class="number-cell">{formatKroner(a.population)}</td>
                    <td class="number-cell">{sharePercent(a.share)}</td>
                    <td class="number-cell">{formatKroner(a.amount)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr class="total-row">
                  <th scope="row">I alt</th>
                  <td class="number-cell">
                    {formatKroner(result.allocations.reduce((x, a) => x + a.population, 0))}
                  </td>
                  <td class="number-cell">{sharePercent(1)}</td>
                  <td class="number-cell">{formatKroner(result.total)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
          <RoundingRule />
        </>
      ) : (
        <p class="muted">{ROUNDING_RULE_DA}</p>
      )}
    </>,
    Object.keys(errors).length > 0 ? 400 : 200,
  );
});
