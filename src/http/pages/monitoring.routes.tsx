/**
 * Monitorering (/finance/monitoring): the expenditure monitoring model as DAS considered it.
 * Upload the statbank CSVs (REGK31, BUDK32, FOLK1A) and the price index and activity counts; see
 * level 1 (net expenditure per kommune and the region over the years, current or fixed prices),
 * budget against accounts, level 2 (areas of effort), level 3 (per inhabitant and per citizen,
 * with benchmarks as tables and SVG charts), level 4 (the secretariat's notes per year); download
 * a kommune's workbook. The function mapping is edited on /finance/monitoring/functions.
 * Secretariat only.
 */
import { Hono } from 'hono';
import { ConflictError, ValidationError } from '../../domain/errors.ts';
import {
  benchmark,
  deviation,
  deviationShare,
  NORDJYLLAND,
  toFixed,
  type AreaResult,
  type MonitoringResult,
  type TargetGroup,
  type YearValues,
} from '../../domain/monitoring/index.ts';
import { formatKroner, formatPercent } from '../../domain/occupancy/index.ts';
import { requireFinance } from '../../services/financing.service.ts';
import {
  IMPORT_KINDS,
  IMPORT_LABEL,
  MonitoringImportError,
  monitoringService,
  type ImportKind,
  type MonitoringImportSummary,
  type MonitoringModel,
} from '../../services/monitoring.service.ts';
import { monitoringWorkbook } from '../../services/xlsx/monitoring-workbook.ts';
import type { AppEnv } from '../context.ts';
import { fieldErrors } from '../schemas/fields.ts';
import { monitoringFunctionSchema, monitoringNoteSchema } from '../schemas/monitoring.schema.ts';
import { Csrf, Notice } from './components.tsx';
import { FinanceStyles } from './financing.routes.tsx';
import { formatSize } from './meeting-view.tsx';
import { BarChart } from './monitoring-chart.tsx';
import { problemLines, uploadedFile } from './upload.ts';
import { formValues, page, type PageContext } from './render.tsx';
import { LineChart } from './svg-chart.tsx';

export const monitoringPages = new Hono<AppEnv>();

const crumbs = [{ href: '/finance', label: 'Økonomi' }];
const service = (c: PageContext) => monitoringService(c.get('services').db);

const MONITORING_CSS = `
.monitoring-controls { display: flex; flex-wrap: wrap; gap: 0 2.4rem; align-items: flex-end; }
.monitoring-controls .form-group { margin-top: 0.8rem; }
.finance-table tr.own-row th, .finance-table tr.own-row td { background: #e8f0fa; font-weight: 600; }
.finance-table tr.region-row th, .finance-table tr.region-row td { border-top: 2px solid #1a1a1a; font-weight: 600; }
.finance-table td.dev-over { color: #a6192e; }
.finance-table td.dev-under { color: #006b2d; }
.monitoring-notes textarea { width: 100%; max-width: 96rem; }
.monitoring-imports { display: grid; grid-template-columns: repeat(auto-fit, minmax(30rem, 1fr)); gap: 1.6rem; }
.monitoring-imports form { border: 1px solid #bfbfbf; padding: 1.2rem 1.6rem; }
.monitoring-imports h3 { margin-top: 0; }
.uncertain { background: #fff4d6; }
`;

monitoringPages.get('/finance/monitoring/monitoring.css', (c) =>
  c.body(MONITORING_CSS, 200, {
    'content-type': 'text/css; charset=utf-8',
    'cache-control': 'public, max-age=300',
  }),
);

const Styles = () => (
  <>
    <FinanceStyles />
    <link rel="stylesheet" href="/finance/monitoring/monitoring.css" />
  </>
);

const GROUP_LABEL: Record<TargetGroup, string> = {
  adults: 'Voksne, pr. 18-64-årig',
  children: 'Børn og unge, pr. 0-17-årig',
};

const thousands = (v: number | null | undefined) =>
  v === null || v === undefined ? '–' : formatKroner(v / 1000);
const kroner = (v: number | null | undefined) =>
  v === null || v === undefined ? '–' : formatKroner(v);

interface View {
  model: MonitoringModel;
  result: MonitoringResult;
  own: AreaResult | null;
  region: AreaResult | null;
  kommuner: AreaResult[];
  year: number | null;
  fixed: boolean;
  prices: (v: YearValues) => YearValues;
  priceLabel: string;
}

function view(c: PageContext, model: MonitoringModel): View {
  const result = model.result;
  const kommuner = result.municipalities.filter((m) => m.area.region === NORDJYLLAND);
  const region = result.regions.find((r) => r.area.code === NORDJYLLAND) ?? null;
  const asked = c.req.query('kommune');
  const own =
    kommuner.find((k) => k.area.code === asked) ??
    kommuner.find((k) => k.area.code === '851') ??
    kommuner[0] ??
    null;
  const askedYear = Number(c.req.query('year'));
  const year = result.years.includes(askedYear) ? askedYear : (result.years.at(-1) ?? null);
  const fixed = result.baseYear !== null && c.req.query('prices') !== 'current';
  return {
    model,
    result,
    own,
    region,
    kommuner,
    year,
    fixed,
    prices: (v) => (fixed ? toFixed(v, result.priceFactor) : v),
    priceLabel: fixed ? `${result.baseYear}-priser` : 'løbende priser',
  };
}

/** A table: the region's kommuner as rows (the chosen one marked, the region last), years as columns. */
function AreaYearTable(props: {
  v: View;
  id: string;
  caption: string;
  values: (r: AreaResult) => YearValues;
  format: (n: number | null | undefined) => string;
}) {
  const { v } = props;
  const rows = [...v.kommuner, ...(v.region ? [v.region] : [])];
  return (
    <div class="finance-scroll">
      <table class="table table--compact finance-table" id={props.id}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Område</th>
            {v.result.years.map((y) => (
              <th scope="col" class="number-cell">
                {y}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              class={r.area.level === 'region' ? 'region-row' : r === v.own ? 'own-row' : undefined}
            >
              <th scope="row">{r.area.name}</th>
              {props.values(r).map((x) => (
                <td class="number-cell">{props.format(x)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Values indexed to the first year with a figure (1 = 100 %), for the development chart. */
function indexed(values: YearValues): YearValues {
  const first = values.find((x) => x !== null && x !== 0);
  return values.map((x) =>
    x === null || first === undefined || first === null ? null : x / first,
  );
}

function BudgetTable({ v }: { v: View }) {
  const own = v.own;
  if (own === null) return null;
  const rows = [
    ...v.result.efforts.map((e) => ({ name: e.name, f: own.byEffort[e.code] })),
    { name: 'I alt', f: own.total },
  ];
  const years = v.result.years
    .map((y, i) => ({ y, i }))
    .filter(({ i }) => own.total.budget[i] !== null);
  if (years.length === 0) {
    return <p class="muted">Der er ikke indlæst budgettal (BUDK32) for {own.area.name}.</p>;
  }
  return (
    <div class="finance-scroll">
      <table class="table table--compact finance-table" id="budget-table">
        <caption>Budget og regnskab, {own.area.name} (1.000 kr., løbende priser)</caption>
        <thead>
          <tr>
            <th scope="col">Indsatsområde</th>
            {years.map(({ y }) => (
              <th scope="col" class="number-cell" colspan={4}>
                {y}
              </th>
            ))}
          </tr>
          <tr>
            <th scope="col"></th>
            {years.map(() => (
              <>
                <th scope="col" class="number-cell">
                  Budget
                </th>
                <th scope="col" class="number-cell">
                  Regnskab
                </th>
                <th scope="col" class="number-cell">
                  Afvigelse
                </th>
                <th scope="col" class="number-cell">
                  %
                </th>
              </>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            if (r.f === undefined) return null;
            const dev = deviation(r.f);
            const share = deviationShare(r.f);
            return (
              <tr class={r.name === 'I alt' ? 'total-row' : undefined}>
                <th scope="row">{r.name}</th>
                {years.map(({ i }) => {
                  const d = dev[i] ?? null;
                  const cls = d === null || d === 0 ? '' : d > 0 ? ' dev-over' : ' dev-under';
                  return (
                    <>
                      <td class="number-cell">{thousands(r.f?.budget[i])}</td>
                      <td class="number-cell">{thousands(r.f?.accounts[i])}</td>
                      <td class={`number-cell${cls}`}>{thousands(d)}</td>
                      <td class={`number-cell${cls}`}>
                        {share[i] === null || share[i] === undefined
                          ? '–'
                          : formatPercent(share[i])}
                      </td>
                    </>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="form-hint">Afvigelse = regnskab − budget; positiv: mere brugt end budgetteret.</p>
    </div>
  );
}

function Benchmarks({ v, group }: { v: View; group: TargetGroup }) {
  if (v.year === null) return null;
  const b = benchmark(v.result, NORDJYLLAND, v.year, group);
  const factor = v.fixed ? (v.result.priceFactor[v.result.years.indexOf(v.year)] ?? 1) : 1;
  const scaled = (x: number | null) => (x === null ? null : x * factor);
  if (b.rows.every((r) => r.value === null)) {
    return (
      <p class="muted">
        {GROUP_LABEL[group]}: ingen tal for {v.year} (mangler befolkningstal fra FOLK1A?).
      </p>
    );
  }
  return (
    <>
      <div class="finance-scroll">
        <table class="table table--compact finance-table" id={`benchmark-${group}`}>
          <caption>
            {GROUP_LABEL[group]} {v.year} ({v.priceLabel})
          </caption>
          <thead>
            <tr>
              <th scope="col">Kommune</th>
              <th scope="col" class="number-cell">
                Kr. pr. indbygger
              </th>
              <th scope="col" class="number-cell">
                Indeks (regionen = 100)
              </th>
              <th scope="col" class="number-cell">
                Placering (1 = højest)
              </th>
              <th scope="col" class="number-cell">
                Udvikling siden første år (faste priser)
              </th>
            </tr>
          </thead>
          <tbody>
            {b.rows.map((r) => (
              <tr class={r.area.code === v.own?.area.code ? 'own-row' : undefined}>
                <th scope="row">{r.area.name}</th>
                <td class="number-cell">{kroner(scaled(r.value))}</td>
                <td class="number-cell">{r.index === null ? '–' : formatKroner(r.index)}</td>
                <td class="number-cell">{r.rank ?? '–'}</td>
                <td class="number-cell">{r.growth === null ? '–' : formatPercent(r.growth)}</td>
              </tr>
            ))}
            {b.region ? (
              <tr class="region-row">
                <th scope="row">{b.region.area.name} (vægtet gennemsnit)</th>
                <td class="number-cell">{kroner(scaled(b.region.value))}</td>
                <td class="number-cell">100</td>
                <td class="number-cell"></td>
                <td class="number-cell">
                  {b.region.growth === null ? '–' : formatPercent(b.region.growth)}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <BarChart
        title={`${GROUP_LABEL[group]} ${v.year}, kr. (${v.priceLabel})`}
        unit="kr."
        average={scaled(b.region?.value ?? null)}
        bars={b.rows.map((r) => ({
          label: r.area.name,
          value: scaled(r.value),
          highlight: r.area.code === v.own?.area.code,
        }))}
      />
    </>
  );
}

function ImportForms({ c }: { c: PageContext }) {
  const help: Record<ImportKind, string> = {
    accounts: 'REGK31 fra Statistikbanken: område, funktion, dranst, art, prisenhed, tid.',
    budget: 'BUDK32 fra Statistikbanken, samme variable som REGK31.',
    population: 'FOLK1A fra Statistikbanken: område, alder (enkelte år), tid (kvartaler).',
    'price-index': 'To kolonner: År;Indeks (fx 2023;108,5).',
    activity: 'Kommune;Indsatsområde (kode);År;Borgere — valgfri, giver udgift pr. borger.',
  };
  return (
    <div class="monitoring-imports">
      {IMPORT_KINDS.map((kind) => (
        <form
          method="post"
          action={`/finance/monitoring/import/${kind}`}
          enctype="multipart/form-data"
          class="app-form"
        >
          <h3>{IMPORT_LABEL[kind]}</h3>
          <Csrf token={c.get('csrfToken')} />
          <p class="form-hint">{help[kind]}</p>
          <label class="form-label" for={`file-${kind}`}>
            CSV-fil
          </label>
          <input
            class="form-file-input"
            type="file"
            id={`file-${kind}`}
            name="file"
            accept=".csv,.txt,text/csv"
          />
          <button class="button button-secondary" type="submit">
            Indlæs
          </button>
        </form>
      ))}
    </div>
  );
}

async function monitoringPage(
  c: PageContext,
  o: {
    summary?: MonitoringImportSummary;
    problems?: string[];
    message?: string;
    saved?: string;
    status?: 200 | 400 | 409 | 413;
  } = {},
) {
  const model = await service(c).model(c.get('viewer'));
  const v = view(c, model);
  const { result, own } = v;
  const max = formatSize(c.get('config').maxUploadBytes);
  const query = (extra: Record<string, string>) =>
    `?${new URLSearchParams({
      ...(own ? { kommune: own.area.code } : {}),
      ...(v.year ? { year: String(v.year) } : {}),
      ...(v.fixed ? {} : { prices: 'current' }),
      ...extra,
    }).toString()}`;
  const hasData = result.years.length > 0 && v.kommuner.length > 0;
  const notesByYear = new Map(model.notes.map((n) => [n.year, n]));
  const citizenEfforts = result.efforts.filter((e) =>
    v.kommuner.some((k) => k.perCitizen[e.code] !== undefined),
  );
  return page(
    c,
    { title: 'Monitorering', breadcrumbs: crumbs, nav: 'finance' },
    <>
      <Styles />
      <h1>Monitorering af det specialiserede socialområde</h1>
      <p class="font-lead">
        Kommunernes budgetter og regnskaber på det specialiserede socialområde på fire niveauer: den
        samlede udvikling, udviklingen pr. indsatsområde, udgiften pr. indbygger og pr. borger, og
        sekretariatets bemærkninger om tendenser. Tal fra Danmarks Statistik.
      </p>
      {o.summary ? (
        <Notice kind="success">
          <p class="alert-heading">
            {IMPORT_LABEL[o.summary.kind]}: {formatKroner(o.summary.rows)} tal indlæst
          </p>
          <p>
            {o.summary.encoding === 'windows-1252' ? 'Latin-1' : 'UTF-8'},{' '}
            {o.summary.layout === 'wide'
              ? 'Statistikbankens tabelformat'
              : o.summary.layout === 'long'
                ? 'API-format'
                : 'to kolonner'}
            . Tal, der fandtes i forvejen for samme område og år, er erstattet.
          </p>
          {o.summary.notes.length > 0 ? (
            <ul>
              {o.summary.notes.map((n) => (
                <li>{n}</li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : null}
      {o.saved ? <Notice kind="success">{o.saved}</Notice> : null}
      {o.problems || o.message ? (
        <div class="alert alert-error" role="alert">
          <div class="alert-body">
            <p class="alert-heading">
              {o.message ?? 'Filen kunne ikke indlæses, og intet er gemt'}
            </p>
            {o.problems ? (
              <ul class="nobullet-list" id="import-problems">
                {o.problems.map((p) => (
                  <li>{p}</li>
                ))}
              </ul>
            ) : null}
          </div>
        </div>
      ) : null}

      {hasData && own ? (
        <>
          <form method="get" action="/finance/monitoring" class="monitoring-controls">
            <div class="form-group">
              <label class="form-label" for="kommune">
                Kommune
              </label>
              <select class="form-select" id="kommune" name="kommune">
                {v.kommuner.map((k) => (
                  <option value={k.area.code} selected={k === own}>
                    {k.area.name}
                  </option>
                ))}
              </select>
            </div>
            <div class="form-group">
              <label class="form-label" for="year">
                Benchmark-år
              </label>
              <select class="form-select" id="year" name="year">
                {[...result.years].reverse().map((y) => (
                  <option value={String(y)} selected={y === v.year}>
                    {y}
                  </option>
                ))}
              </select>
            </div>
            <div class="form-group">
              <label class="form-label" for="prices">
                Priser
              </label>
              <select class="form-select" id="prices" name="prices">
                {result.baseYear !== null ? (
                  <option value="fixed" selected={v.fixed}>
                    Faste {result.baseYear}-priser
                  </option>
                ) : null}
                <option value="current" selected={!v.fixed}>
                  Løbende priser
                </option>
              </select>
            </div>
            <button class="button button-secondary" type="submit">
              Vis
            </button>
            <a
              class="button button-primary"
              href={`/finance/monitoring/workbook/${own.area.code}.xlsx`}
              id="workbook-link"
            >
              Hent regneark for {own.area.name}
            </a>
          </form>
          {result.baseYear === null ? (
            <p class="muted">Der er ikke indlæst et prisindeks; alle beløb er i løbende priser.</p>
          ) : null}

          <h2 id="level-1">Niveau 1: nettodriftsudgifter</h2>
          <AreaYearTable
            v={v}
            id="level1-table"
            caption={`Nettodriftsudgifter, 1.000 kr. (${v.priceLabel})`}
            values={(r) => v.prices(r.total.accounts)}
            format={thousands}
          />
          <LineChart
            title={`Udvikling i nettodriftsudgifter, ${v.priceLabel}, første år = 100 %`}
            labels={result.years.map(String)}
            series={[own, ...(v.region ? [v.region] : [])].map((r) => ({
              name: r.area.name,
              values: indexed(v.prices(r.total.accounts)),
              budget: null,
            }))}
          />
          <h3>Budget og regnskab</h3>
          <BudgetTable v={v} />

          <h2 id="level-2">Niveau 2: indsatsområder</h2>
          <div class="finance-scroll">
            <table class="table table--compact finance-table" id="level2-table">
              <caption>
                {own.area.name}: nettodriftsudgifter pr. indsatsområde, 1.000 kr. ({v.priceLabel})
              </caption>
              <thead>
                <tr>
                  <th scope="col">Indsatsområde</th>
                  {result.years.map((y) => (
                    <th scope="col" class="number-cell">
                      {y}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.efforts.map((e) => (
                  <tr>
                    <th scope="row">{e.name}</th>
                    {v.prices(own.byEffort[e.code]?.accounts ?? []).map((x) => (
                      <td class="number-cell">{thousands(x)}</td>
                    ))}
                  </tr>
                ))}
                <tr class="total-row">
                  <th scope="row">I alt</th>
                  {v.prices(own.total.accounts).map((x) => (
                    <td class="number-cell">{thousands(x)}</td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
          <LineChart
            title={`${own.area.name}: udvikling pr. indsatsområde, første år = 100 %`}
            labels={result.years.map(String)}
            series={result.efforts
              .filter((e) => (own.byEffort[e.code]?.accounts ?? []).some((x) => x !== null))
              .map((e) => ({
                name: e.name,
                values: indexed(v.prices(own.byEffort[e.code]?.accounts ?? [])),
                budget: null,
              }))}
          />

          <h2 id="level-3">Niveau 3: udgift pr. indbygger og pr. borger</h2>
          <p>
            Voksenområdet (5.38) pr. 18-64-årig og børneområdet (5.28) pr. 0-17-årig, befolkningen
            den 1. januar (1. kvartal) fra FOLK1A. Regionen er et vægtet gennemsnit: regionens
            samlede udgift divideret med regionens befolkning.
          </p>
          {(['adults', 'children'] as const).map((g) => (
            <AreaYearTable
              v={v}
              id={`level3-${g}`}
              caption={`${GROUP_LABEL[g]}, kr. (${v.priceLabel})`}
              values={(r) => v.prices(r.perInhabitant[g])}
              format={kroner}
            />
          ))}
          <h3>Benchmark {v.year}</h3>
          <Benchmarks v={v} group="adults" />
          <Benchmarks v={v} group="children" />
          {citizenEfforts.map((e) => (
            <AreaYearTable
              v={v}
              id={`per-citizen-${e.code}`}
              caption={`${e.name}: udgift pr. borger i tilbud, kr. (${v.priceLabel})`}
              values={(r) => v.prices(r.perCitizen[e.code] ?? [])}
              format={kroner}
            />
          ))}
        </>
      ) : (
        <p class="muted" id="no-data">
          Der er endnu ingen regnskabstal for kommunerne i Region Nordjylland. Indlæs REGK31
          nedenfor.
        </p>
      )}

      <h2 id="level-4">Niveau 4: tendenser</h2>
      <p>Sekretariatets bemærkninger om tendenser, der forklarer udviklingen, ét notat pr. år.</p>
      <div class="monitoring-notes">
        {[...new Set([...result.years, ...model.notes.map((n) => n.year)])]
          .sort((a, b) => b - a)
          .map((year) => {
            const note = notesByYear.get(year);
            return (
              <form method="post" action={`/finance/monitoring/notes${query({})}`} class="app-form">
                <Csrf token={c.get('csrfToken')} />
                <input type="hidden" name="year" value={String(year)} />
                <input type="hidden" name="version" value={String(note?.version ?? 0)} />
                <div class="form-group">
                  <label class="form-label" for={`note-${year}`}>
                    {year}
                    {note ? <span class="form-hint"> (senest ændret {note.updatedAt})</span> : null}
                  </label>
                  <textarea class="form-input" id={`note-${year}`} name="text" rows={4}>
                    {note?.text ?? ''}
                  </textarea>
                </div>
                <button class="button button-secondary" type="submit">
                  Gem notat for {year}
                </button>
              </form>
            );
          })}
      </div>

      <h2 id="import">Indlæs tal</h2>
      <p>
        CSV fra Statistikbanken (semikolon, UTF-8 eller Latin-1), som tabellen hentes fra
        statbank.dk eller API'et, højst {max}. En fil med fejl gemmes slet ikke; fejlene vises med
        rækkenummer. Tal for samme område, funktion og år erstattes.
      </p>
      <ImportForms c={c} />

      <h2 id="mapping">Funktioner og indsatsområder</h2>
      <p>
        {model.functions.filter((f) => f.effortCode !== null).length} funktioner er knyttet til et
        indsatsområde. <a href="/finance/monitoring/functions">Ret funktioner og indsatsområder</a>
      </p>
      {result.unmapped.length > 0 ? (
        <p id="unmapped">
          Funktioner i tallene uden indsatsområde (tæller ikke med):{' '}
          {result.unmapped.map((u) => u.functionCode).join(', ')}.
        </p>
      ) : null}
    </>,
    o.status ?? 200,
  );
}

monitoringPages.get('/finance/monitoring', (c) => {
  requireFinance(c.get('viewer'));
  return monitoringPage(c);
});

monitoringPages.post('/finance/monitoring/import/:kind', async (c) => {
  const viewer = c.get('viewer');
  requireFinance(viewer);
  const kind = c.req.param('kind');
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) {
    return monitoringPage(c, { message: 'Ukendt type af fil.', status: 400 });
  }
  const upload = await uploadedFile(c);
  if (!upload.ok) return monitoringPage(c, { message: upload.message, status: upload.status });
  try {
    const summary = await service(c).importFile(
      viewer,
      kind as ImportKind,
      upload.name,
      upload.bytes,
    );
    return monitoringPage(c, { summary });
  } catch (error) {
    if (error instanceof MonitoringImportError) {
      return monitoringPage(c, {
        problems: problemLines(error.problems),
        message: error.message,
        status: 400,
      });
    }
    throw error;
  }
});

monitoringPages.post('/finance/monitoring/notes', async (c) => {
  const viewer = c.get('viewer');
  requireFinance(viewer);
  const parsed = monitoringNoteSchema.safeParse(await formValues(c));
  if (!parsed.success) {
    return monitoringPage(c, {
      message: Object.values(fieldErrors(parsed.error)).join(' '),
      status: 400,
    });
  }
  try {
    await service(c).saveNote(viewer, parsed.data.year, parsed.data.version, parsed.data.text);
  } catch (error) {
    if (error instanceof ConflictError)
      return monitoringPage(c, { message: error.message, status: 409 });
    throw error;
  }
  return monitoringPage(c, { saved: `Notatet for ${parsed.data.year} er gemt.` });
});

monitoringPages.get('/finance/monitoring/workbook/:file', async (c) => {
  const viewer = c.get('viewer');
  requireFinance(viewer);
  const code = /^(\d{3})\.xlsx$/.exec(c.req.param('file'))?.[1] ?? '';
  const model = await service(c).model(viewer);
  const kommune = model.result.municipalities.find((m) => m.area.code === code);
  if (kommune === undefined) {
    return monitoringPage(c, { message: 'Kommunen har ingen tal i monitoreringen.', status: 400 });
  }
  const bytes = await monitoringWorkbook({
    result: model.result,
    areaCode: code,
    notes: model.notes,
  });
  return c.body(bytes.buffer as ArrayBuffer, 200, {
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': `attachment; filename="monitorering-${code}-${kommune.area.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')}.xlsx"`,
    'cache-control': 'no-store',
  });
});

/* ---------- the mapping ---------- */

async function functionsPage(
  c: PageContext,
  o: {
    errors?: Record<string, string>;
    code?: string;
    saved?: string;
    status?: 200 | 400 | 409;
  } = {},
) {
  const { functions, efforts } = await service(c).functions(c.get('viewer'));
  return page(
    c,
    {
      title: 'Funktioner og indsatsområder',
      breadcrumbs: [...crumbs, { href: '/finance/monitoring', label: 'Monitorering' }],
      nav: 'finance',
    },
    <>
      <Styles />
      <h1>Funktioner og indsatsområder</h1>
      <p class="font-lead">
        Hvilke funktioner i den kommunale kontoplan (5.28 børn og unge, 5.38 voksne) der hører til
        hvilket indsatsområde og hvilke paragraffer. En funktion uden indsatsområde tæller ikke med
        i monitoreringen. Rækker markeret med gult er usikre og bør tjekkes mod den gældende
        kontoplan.
      </p>
      {o.saved ? <Notice kind="success">{o.saved}</Notice> : null}
      {o.errors ? (
        <div class="alert alert-error" role="alert">
          <div class="alert-body">
            <p class="alert-heading">Funktionen {o.code} er ikke gemt</p>
            <ul class="nobullet-list">
              {Object.values(o.errors).map((e) => (
                <li>{e}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      <table class="table table--compact finance-table" id="functions-table">
        <thead>
          <tr>
            <th scope="col">Funktion</th>
            <th scope="col">Navn, indsatsområde, paragraffer og note</th>
          </tr>
        </thead>
        <tbody>
          {functions.map((f) => (
            <tr class={f.note !== '' ? 'uncertain' : undefined}>
              <th scope="row">{f.functionCode}</th>
              <td>
                <form
                  method="post"
                  action={`/finance/monitoring/functions/${f.functionCode}`}
                  class="budget-form"
                >
                  <Csrf token={c.get('csrfToken')} />
                  <input type="hidden" name="version" value={String(f.version)} />
                  <input
                    class="form-input"
                    name="name"
                    value={f.name}
                    aria-label={`Navn for ${f.functionCode}`}
                  />
                  <select
                    class="form-select"
                    name="effortCode"
                    aria-label={`Indsatsområde for ${f.functionCode}`}
                  >
                    <option value="">(tæller ikke med)</option>
                    {efforts.map((e) => (
                      <option value={e.code} selected={e.code === f.effortCode}>
                        {e.name}
                      </option>
                    ))}
                  </select>
                  <input
                    class="form-input input-width-s"
                    name="sections"
                    value={f.sections}
                    aria-label={`Paragraffer for ${f.functionCode}`}
                  />
                  <input
                    class="form-input"
                    name="note"
                    value={f.note}
                    aria-label={`Note for ${f.functionCode}`}
                  />
                  <button class="button button-secondary" type="submit">
                    Gem
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>,
    o.status ?? 200,
  );
}

monitoringPages.get('/finance/monitoring/functions', (c) => {
  requireFinance(c.get('viewer'));
  return functionsPage(c);
});

monitoringPages.post('/finance/monitoring/functions/:code', async (c) => {
  const viewer = c.get('viewer');
  requireFinance(viewer);
  const code = c.req.param('code');
  const parsed = monitoringFunctionSchema.safeParse(await formValues(c));
  if (!parsed.success) {
    return functionsPage(c, { errors: fieldErrors(parsed.error), code, status: 400 });
  }
  try {
    await service(c).updateFunction(viewer, code, parsed.data.version, parsed.data);
  } catch (error) {
    if (error instanceof ConflictError) {
      return functionsPage(c, { errors: { _: error.message }, code, status: 409 });
    }
    if (error instanceof ValidationError) {
      return functionsPage(c, { errors: error.fields, code, status: 400 });
    }
    throw error;
  }
  return functionsPage(c, { saved: `${code} er gemt.` });
});
