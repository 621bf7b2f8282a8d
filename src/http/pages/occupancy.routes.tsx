/**
 * Belægning (/finance/occupancy): import monthly figures per institution from CSV or XLSX, the
 * DAS table (months as columns, institutions as rows, the year last), a server-rendered SVG
 * chart, and the budgeted occupancy per institution. Secretariat only.
 */
import { Hono } from 'hono';
import { ConflictError, ValidationError, type FieldErrors } from '../../domain/errors.ts';
import {
  formatDanishDecimal,
  formatPercent,
  monthShort,
  type InstitutionYear,
  type MonthMark,
} from '../../domain/occupancy/index.ts';
import { requireFinance } from '../../services/financing.service.ts';
import {
  OccupancyImportError,
  occupancyService,
  type ImportSummary,
} from '../../services/occupancy.service.ts';
import type { AppEnv } from '../context.ts';
import { budgetSchema } from '../schemas/financing.schema.ts';
import { fieldErrors } from '../schemas/fields.ts';
import { Csrf, Notice } from './components.tsx';
import { FinanceStyles } from './financing.routes.tsx';
import { formatSize } from './meeting-view.tsx';
import { problemLines, uploadedFile } from './upload.ts';
import { formValues, intParam, page, type PageContext } from './render.tsx';
import { LineChart } from './svg-chart.tsx';

export const occupancyPages = new Hono<AppEnv>();

const crumbs = [{ href: '/finance', label: 'Økonomi' }];

const service = (c: PageContext) => occupancyService(c.get('services').db);

const MARK_CLASS: Record<Exclude<MonthMark, null>, string> = {
  'over-capacity': 'occ-over',
  'under-budget': 'occ-under',
};
const MARK_TEXT: Record<Exclude<MonthMark, null>, string> = {
  'over-capacity': 'over 100 %',
  'under-budget': 'under budget',
};

const EXAMPLE = `Institution;Måned;Pladser;Belagte dage
Kvisten;2024-01;10;279
Kvisten;februar 2024;10;290
Børnehus Nord;jan. 2024;7,5;212,5`;

const EXAMPLE_MEAN = `Institution;Måned;Pladser;Indskrevne pr. dag
Kvisten;2024-01;10;9,0`;

function Cell({ value, mark }: { value: number | null; mark: MonthMark }) {
  if (value === null) return <td class="number-cell muted">–</td>;
  return (
    <td class={`number-cell${mark === null ? '' : ` ${MARK_CLASS[mark]}`}`}>
      {formatPercent(value)}
      {mark === null ? null : (
        <>
          {' '}
          <span aria-hidden="true">{mark === 'over-capacity' ? '▲' : '▼'}</span>
          <span class="sr-only"> ({MARK_TEXT[mark]})</span>
        </>
      )}
    </td>
  );
}

function OccupancyTable({ rows, year }: { rows: InstitutionYear[]; year: number }) {
  return (
    <div class="finance-scroll">
      <table class="table table--compact finance-table" id="occupancy-table">
        <caption>Belægningsprocent {year}</caption>
        <thead>
          <tr>
            <th scope="col">Institution</th>
            {Array.from({ length: 12 }, (_, i) => (
              <th scope="col" class="number-cell">
                {monthShort(`${year}-${String(i + 1).padStart(2, '0')}`)}
              </th>
            ))}
            <th scope="col" class="number-cell">
              År {year}
            </th>
            <th scope="col" class="number-cell">
              Budget
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">{r.name}</th>
              {r.months.map((m) => (
                <Cell value={m?.occupancy ?? null} mark={m?.mark ?? null} />
              ))}
              <Cell value={r.year.occupancy} mark={r.yearMark} />
              <td class="number-cell">{r.budgeted === null ? '–' : formatPercent(r.budgeted)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="occ-legend">
        <span class="occ-over">▲ over 100 %</span>
        <span class="occ-under">▼ under den budgetterede belægning</span>
      </p>
      {rows.some((r) => r.year.months < 12) ? (
        <p class="muted">
          Årstallet er beregnet over de måneder, der er tal for:{' '}
          {rows
            .filter((r) => r.year.months < 12)
            .map((r) => `${r.name} (${r.year.months} af 12 måneder)`)
            .join(', ')}
          .
        </p>
      ) : null}
    </div>
  );
}

async function occupancyPage(
  c: PageContext,
  o: {
    problems?: string[];
    message?: string;
    summary?: ImportSummary;
    budgetErrors?: Record<number, FieldErrors>;
    budgetValues?: Record<number, string>;
    status?: 200 | 400 | 409 | 413;
  } = {},
) {
  const viewer = c.get('viewer');
  const s = service(c);
  const years = await s.years(viewer);
  const asked = Number(c.req.query('year'));
  const year = Number.isInteger(asked) && years.includes(asked) ? asked : (years[0] ?? null);
  const table = year === null ? [] : await s.table(viewer, year);
  const institutions = await s.institutions(viewer);
  const rows = table.map((t) => t.row);
  const max = formatSize(c.get('config').maxUploadBytes);
  return page(
    c,
    { title: 'Belægning', breadcrumbs: crumbs, nav: 'finance' },
    <>
      <FinanceStyles />
      <h1>Belægning</h1>
      <p class="font-lead">
        Belægningsprocent pr. institution og måned: belagte pladsdage divideret med pladser i drift
        gange dagene i måneden. Årets procent er årets belagte dage divideret med årets pladsdage,
        ikke et gennemsnit af månederne.
      </p>
      {o.summary ? (
        <Notice kind="success">
          <p class="alert-heading">Filen er indlæst</p>
          <p>
            {o.summary.months} måneder for {o.summary.institutions}{' '}
            {o.summary.institutions === 1 ? 'institution' : 'institutioner'} (
            {o.summary.format === 'xlsx'
              ? 'Excel'
              : `CSV, ${o.summary.encoding === 'windows-1252' ? 'Latin-1' : 'UTF-8'}`}
            ). Tal for samme institution og måned er erstattet.
          </p>
        </Notice>
      ) : null}
      {o.problems && o.problems.length > 0 ? (
        <div class="alert alert-error" role="alert">
          <div class="alert-body">
            <p class="alert-heading">
              {o.message ?? 'Filen kunne ikke indlæses, og intet er gemt'}
            </p>
            <ul class="nobullet-list" id="import-problems">
              {o.problems.map((p) => (
                <li>{p}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : o.message ? (
        <div class="alert alert-error" role="alert">
          <div class="alert-body">
            <p class="alert-heading">{o.message}</p>
          </div>
        </div>
      ) : null}

      {year !== null && rows.length > 0 ? (
        <>
          {years.length > 1 ? (
            <nav aria-label="År" class="button-row">
              {years.map((y) =>
                y === year ? (
                  <strong>{y}</strong>
                ) : (
                  <a href={`/finance/occupancy?year=${y}`}>{y}</a>
                ),
              )}
            </nav>
          ) : null}
          <OccupancyTable rows={rows} year={year} />
          <LineChart
            title={`Belægningsprocent pr. måned ${year}`}
            labels={Array.from({ length: 12 }, (_, i) =>
              monthShort(`${year}-${String(i + 1).padStart(2, '0')}`),
            )}
            series={rows.map((r) => ({
              name: r.name,
              values: r.months.map((m) => m?.occupancy ?? null),
              budget: r.budgeted,
            }))}
          />
        </>
      ) : (
        <p class="muted">Der er endnu ingen belægningstal. Indlæs en fil nedenfor.</p>
      )}

      <h2>Indlæs tal</h2>
      <form
        method="post"
        action="/finance/occupancy/import"
        enctype="multipart/form-data"
        class="app-form"
      >
        <Csrf token={c.get('csrfToken')} />
        <div class="form-group">
          <label class="form-label" for="file">
            Fil (CSV eller Excel)
          </label>
          <span class="form-hint">.csv eller .xlsx, højst {max}.</span>
          <input
            class="form-file-input"
            type="file"
            id="file"
            name="file"
            accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          />
        </div>
        <button class="button button-primary" type="submit">
          Indlæs
        </button>
      </form>
      <details class="format-help">
        <summary>Filformat</summary>
        <p>
          Én række pr. institution og måned, med overskrifter i første række. CSV med semikolon som
          skilletegn, i UTF-8 (med eller uden BOM) eller Latin-1, som Excel gemmer den; eller første
          ark i en .xlsx-fil. Kolonnernes rækkefølge er fri, andre kolonner ignoreres.
        </p>
        <ul>
          <li>
            <strong>Institution</strong> (eller Tilbud): institutionens navn.
          </li>
          <li>
            <strong>Måned</strong>: 2024-01, 01-2024, januar 2024 eller jan. 2024 (i Excel også en
            dato).
          </li>
          <li>
            <strong>Pladser</strong>: pladser i drift i måneden, fx 10 eller 7,5.
          </li>
          <li>
            <strong>Belagte dage</strong>: belagte pladsdage i måneden, fx 279 eller 212,5;{' '}
            <em>eller</em> <strong>Indskrevne pr. dag</strong>: det gennemsnitlige antal indskrevne
            (anbragte) pr. dag i måneden; belagte dage = antal × dage i måneden.
          </li>
        </ul>
        <p>Eksempel:</p>
        <pre class="format-example">{EXAMPLE}</pre>
        <p>Eller med indskrevne pr. dag:</p>
        <pre class="format-example">{EXAMPLE_MEAN}</pre>
        <p>
          Tal skrives med dansk komma (7,5) og evt. punktum som tusindtalsskilletegn (1.234,5). En
          fil med fejl gemmes slet ikke; fejlene vises med rækkenummer. Tal for en institution og
          måned, der allerede findes, erstattes.
        </p>
      </details>

      {institutions.length > 0 ? (
        <>
          <h2>Budgetteret belægning</h2>
          <p class="form-hint">
            I procent, fx 95 eller 92,5. Måneder under budgettet markeres. Tomt felt: intet budget.
          </p>
          <table class="table table--compact">
            <thead>
              <tr>
                <th scope="col">Institution</th>
                <th scope="col">Budgetteret belægning (%)</th>
              </tr>
            </thead>
            <tbody>
              {institutions.map((i) => {
                const error = o.budgetErrors?.[i.id]?.budgeted;
                const value =
                  o.budgetValues?.[i.id] ??
                  (i.budgetedOccupancy === null
                    ? ''
                    : formatDanishDecimal(i.budgetedOccupancy * 100, 2));
                return (
                  <tr>
                    <th scope="row">{i.name}</th>
                    <td>
                      <form
                        method="post"
                        action={`/finance/occupancy/institutions/${i.id}/budget${year === null ? '' : `?year=${year}`}`}
                        class={`budget-form${error ? ' form-error' : ''}`}
                      >
                        <Csrf token={c.get('csrfToken')} />
                        <input type="hidden" name="version" value={String(i.version)} />
                        {error ? (
                          <span class="form-error-message">
                            <span class="sr-only">Fejl: </span>
                            {error}
                          </span>
                        ) : null}
                        <input
                          class="form-input input-width-xs input-number"
                          id={`budget-${i.id}`}
                          name="budgeted"
                          value={value}
                          inputmode="decimal"
                          aria-label={`Budgetteret belægning for ${i.name} i procent`}
                          aria-invalid={error ? 'true' : undefined}
                        />{' '}
                        <button class="button button-secondary" type="submit">
                          Gem
                        </button>
                      </form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      ) : null}
    </>,
    o.status ?? 200,
  );
}

occupancyPages.get('/finance/occupancy', (c) => {
  requireFinance(c.get('viewer'));
  return occupancyPage(c);
});

occupancyPages.post('/finance/occupancy/import', async (c) => {
  const viewer = c.get('viewer');
  requireFinance(viewer);
  const upload = await uploadedFile(c);
  if (!upload.ok) return occupancyPage(c, { message: upload.message, status: upload.status });
  try {
    const summary = await service(c).importFile(viewer, upload.name, upload.bytes);
    return occupancyPage(c, { summary });
  } catch (error) {
    if (error instanceof OccupancyImportError) {
      return occupancyPage(c, {
        problems: problemLines(error.problems),
        message: error.message,
        status: 400,
      });
    }
    throw error;
  }
});

occupancyPages.post('/finance/occupancy/institutions/:id/budget', async (c) => {
  const viewer = c.get('viewer');
  requireFinance(viewer);
  const id = intParam(c, 'id');
  const values = await formValues(c);
  const parsed = budgetSchema.safeParse(values);
  if (!parsed.success) {
    return occupancyPage(c, {
      budgetErrors: { [id]: fieldErrors(parsed.error) },
      budgetValues: { [id]: values.budgeted ?? '' },
      status: 400,
    });
  }
  try {
    await service(c).setBudget(viewer, id, parsed.data.version, parsed.data.budgeted);
  } catch (error) {
    if (error instanceof ConflictError || error instanceof ValidationError) {
      return occupancyPage(c, { message: error.message, status: 409 });
    }
    throw error;
  }
  const year = c.req.query('year');
  return c.redirect(`/finance/occupancy${year ? `?year=${encodeURIComponent(year)}` : ''}`, 303);
});
