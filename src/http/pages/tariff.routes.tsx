/**
 * Tariff reporting (takstindberetning) as pages: the rounds, the secretariat's overview of a year
 * with its actions, the operator's report form, and the published tariff appendix (takstbilag)
 * with its XLSX and PDF files.
 */
import { PublishingFindingsError } from '../../domain/privacy/index.ts';
import { publishFromForm } from './publishing-findings.tsx';
import { Hono } from 'hono';
import { NotFoundError, StateError, ConflictError, ValidationError } from '../../domain/errors.ts';
import { formatKroner, formatPercent } from '../../domain/offers/index.ts';
import {
  OVERVIEW_STATUS_LABEL,
  ROUND_PHASE_LABEL,
  type Appendix,
} from '../../domain/tariffs/index.ts';
import { AppendixImportError } from '../../domain/tariffs/appendix-import.ts';
import type { AppEnv } from '../context.ts';
import { fieldErrors } from '../schemas/fields.ts';
import {
  approveAppendixSchema,
  fixedShareSchema,
  reportSchema,
  roundSchema,
  roundStatusSchema,
  roundUpdateSchema,
} from '../schemas/tariff.schema.ts';
import { versionOnlySchema } from '../api/tariffs.ts';
import { ActionButton, Csrf, ErrorSummary, Notice, Select, TextField } from './components.tsx';
import { submitForm } from './form-flow.ts';
import {
  actorOf,
  dateTimeInput,
  isSecretariatUser,
  kr,
  offerServices,
  savedNotice,
  type FormState,
  type PageStatus,
} from './offer-view.tsx';
import { formValues, intParam, page, type PageContext } from './render.tsx';
import {
  compact,
  dateTime,
  emptyRow,
  LinesTable,
  remapErrors,
  ReportFields,
  rowFromLine,
  rowsFromValues,
  type RawLine,
} from './tariff-report.tsx';
import { problemLines, uploadedFile } from './upload.ts';

export const tariffPages = new Hono<AppEnv>();

function yearOf(c: PageContext): number {
  const raw = c.req.param('year') ?? '';
  const year = Number(raw);
  if (!/^\d{4}$/.test(raw) || year < 2000 || year > 2100)
    throw new NotFoundError('Takstindberetningen findes ikke.');
  return year;
}

const saved = (path: string, message: string) => `${path}?saved=${encodeURIComponent(message)}`;

// ---------------------------------------------------------------------------------------------
// The rounds

async function roundsPage(c: PageContext, form?: FormState, status: PageStatus = 200) {
  const { tariffs } = offerServices(c);
  const actor = actorOf(c);
  const rounds = await tariffs.rounds(actor);
  const secretariat = isSecretariatUser(c);
  const operator = c.get('viewer').role === 'operator';
  const v = form?.values ?? { changeLimit: '10', populationPeriod: '2020K1' };
  const e = form?.errors ?? {};
  return page(
    c,
    { title: 'Takster', nav: 'tariffs' },
    <>
      {savedNotice(c) ? <Notice kind="success">{savedNotice(c)}</Notice> : null}
      <h1>Takster</h1>
      {secretariat ? (
        <p class="font-lead">Takstindberetningen pr. år: åbning, frist, status og takstbilaget.</p>
      ) : operator ? (
        <p class="font-lead">Indberet næste års takster for jeres tilbud.</p>
      ) : (
        <p class="font-lead">De offentliggjorte takstbilag.</p>
      )}
      {rounds.length === 0 ? (
        <p class="muted">Der er ingen takstindberetninger endnu.</p>
      ) : (
        <table class="table table--compact">
          <thead>
            <tr>
              <th scope="col">År</th>
              {secretariat || operator ? <th scope="col">Status</th> : null}
              {secretariat || operator ? <th scope="col">Frist</th> : null}
              <th scope="col">Takstbilag</th>
            </tr>
          </thead>
          <tbody>
            {rounds.map((r) => (
              <tr>
                <td>
                  {secretariat ? (
                    <a href={`/tariffs/${r.year}`}>Takster {r.year}</a>
                  ) : operator ? (
                    <a href={`/tariffs/${r.year}/report`}>Indberetning for {r.year}</a>
                  ) : (
                    `Takster ${r.year}`
                  )}
                </td>
                {secretariat || operator ? <td>{ROUND_PHASE_LABEL[tariffs.phase(r)]}</td> : null}
                {secretariat || operator ? <td>{dateTime(r.deadline)}</td> : null}
                <td>
                  {r.publishedAt !== null ? (
                    <a href={`/tariffs/appendix/${r.year}`}>Takstbilag {r.year}</a>
                  ) : (
                    <span class="muted">Ikke offentliggjort</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {secretariat ? (
        <details class="offer-action" open={form !== undefined}>
          <summary>Opret takstindberetning</summary>
          <form method="post" action="/tariffs" class="app-form" novalidate>
            <ErrorSummary errors={form?.errors} message={form?.message} />
            <Csrf token={c.get('csrfToken')} />
            <RoundFieldsForm values={v} errors={e} withYear />
            <button type="submit" class="button button-primary">
              Opret
            </button>
          </form>
        </details>
      ) : null}
    </>,
    status,
  );
}

function RoundFieldsForm(p: {
  values: Record<string, string>;
  errors: Record<string, string>;
  withYear?: boolean;
}) {
  const hint = 'dd.mm.åååå tt:mm, fx 06.08.2021 10:00';
  return (
    <>
      {p.withYear ? (
        <TextField
          name="year"
          label="Takstår"
          hint="Året taksterne gælder for"
          value={p.values.year}
          errors={p.errors}
          width="xs"
        />
      ) : (
        <input type="hidden" name="year" value={p.values.year ?? ''} />
      )}
      <TextField
        name="opensAt"
        label="Åbner"
        hint={hint}
        value={p.values.opensAt}
        errors={p.errors}
        width="m"
      />
      <TextField
        name="deadline"
        label="Frist"
        hint={hint}
        value={p.values.deadline}
        errors={p.errors}
        width="m"
      />
      <TextField
        name="correctionOpensAt"
        label="Korrektionsrunde åbner (valgfri)"
        hint={hint}
        value={p.values.correctionOpensAt}
        errors={p.errors}
        width="m"
      />
      <TextField
        name="correctionDeadline"
        label="Korrektionsrundens frist (valgfri)"
        hint={hint}
        value={p.values.correctionDeadline}
        errors={p.errors}
        width="m"
      />
      <TextField
        name="changeLimit"
        label="Ændringsgrænse i procent"
        hint="En ændring fra sidste år ud over grænsen skal begrundes"
        value={p.values.changeLimit}
        errors={p.errors}
        width="xs"
      />
      <TextField
        name="populationPeriod"
        label="Befolkningstal til objektiv finansiering"
        hint="Fx 2020K1"
        value={p.values.populationPeriod}
        errors={p.errors}
        width="s"
      />
    </>
  );
}

tariffPages.get('/tariffs', (c) => roundsPage(c));

tariffPages.post('/tariffs', async (c) => {
  const values = await formValues(c);
  return submitForm(
    roundSchema,
    values,
    async (data) => {
      await offerServices(c).tariffs.createRound(actorOf(c), data);
      return c.redirect(saved(`/tariffs/${data.year}`, 'Takstindberetningen er oprettet.'), 303);
    },
    (errors, message, status) => roundsPage(c, { values, errors, message }, status),
  );
});

// ---------------------------------------------------------------------------------------------
// The public appendix and its files (before /tariffs/:year so "appendix" is never a year)

function AppendixTable({ appendix }: { appendix: Appendix }) {
  const pct = (h: number | null) => (h === null ? '' : `${h > 0 ? '+' : ''}${formatPercent(h)} %`);
  return (
    <table class="table table--compact appendix-table">
      <thead>
        <tr>
          <th scope="col">Tilbud</th>
          <th scope="col">Ydelse</th>
          <th scope="col">Målgruppe</th>
          <th scope="col">Lovgrundlag</th>
          <th scope="col" class="num">
            Pladser
          </th>
          <th scope="col" class="num">
            Takst forrige år
          </th>
          <th scope="col" class="num">
            Takst
          </th>
          <th scope="col" class="num">
            Ændring %
          </th>
        </tr>
      </thead>
      {appendix.groups.map((g) => (
        <tbody>
          <tr class="appendix-operator">
            <th scope="rowgroup" colspan={8}>
              {g.operator}
            </th>
          </tr>
          {g.rows.map((r) => (
            <tr>
              <td>{r.offer}</td>
              <td>{r.service}</td>
              <td>{r.targetGroup}</td>
              <td>{r.lawSection}</td>
              <td class="num">{r.places ?? ''}</td>
              <td class="num">{kr(r.previous)}</td>
              <td class="num">{kr(r.amount)}</td>
              <td class="num">{pct(r.change)}</td>
            </tr>
          ))}
          <tr class="appendix-total">
            <td colspan={4}>Pladser i alt, {g.operator}</td>
            <td class="num">{g.totalPlaces}</td>
            <td colspan={3}></td>
          </tr>
        </tbody>
      ))}
      <tfoot>
        <tr class="appendix-total">
          <td colspan={4}>Pladser i alt</td>
          <td class="num">{appendix.totalPlaces}</td>
          <td colspan={3}></td>
        </tr>
      </tfoot>
    </table>
  );
}

tariffPages.get('/tariffs/appendix/:file', async (c) => {
  const m = /^(\d{4})(?:\.(xlsx|pdf))?$/.exec(c.req.param('file'));
  if (!m) throw new NotFoundError('Takstbilaget findes ikke.');
  const year = Number(m[1]);
  const format = m[2] as 'xlsx' | 'pdf' | undefined;
  const { tariffs } = offerServices(c);
  if (format !== undefined) {
    const bytes = await tariffs.appendixFile(actorOf(c), year, format);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type':
        format === 'pdf'
          ? 'application/pdf'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="takstbilag-${year}.${format}"`,
    });
  }
  const { round, appendix } = await tariffs.appendix(actorOf(c), year);
  return page(
    c,
    {
      title: `Takstbilag ${year}`,
      nav: 'tariffs',
      breadcrumbs: [{ href: '/tariffs', label: 'Takster' }],
    },
    <>
      <h1>Takstbilag {year}</h1>
      {round.publishedAt === null ? (
        <Notice kind="warning">
          Takstbilaget er ikke offentliggjort. Kun sekretariatet kan se det.
        </Notice>
      ) : (
        <p class="muted">Offentliggjort {dateTime(round.publishedAt)}.</p>
      )}
      {round.approvedItemLabel !== null && round.approvedItemId !== null ? (
        <p>
          Godkendt: <a href={`/items/${round.approvedItemId}`}>{round.approvedItemLabel}</a>
        </p>
      ) : null}
      <p>
        {appendix.offerCount} tilbud · {appendix.rowCount} ydelser · {appendix.totalPlaces} pladser
        · {appendix.groups.length} driftsherrer
      </p>
      <p class="appendix-files">
        <a class="button button-secondary" href={`/tariffs/appendix/${year}.xlsx`} download>
          Hent som regneark (XLSX)
        </a>{' '}
        <a class="button button-secondary" href={`/tariffs/appendix/${year}.pdf`} download>
          Hent som PDF
        </a>
      </p>
      {appendix.rowCount === 0 ? (
        <p class="muted">Der er ingen godkendte takster endnu.</p>
      ) : (
        <AppendixTable appendix={appendix} />
      )}
    </>,
  );
});

// ---------------------------------------------------------------------------------------------
// The secretariat's overview of a year

type OverviewForm = 'settings' | 'fixed-share' | 'approve' | 'action' | 'import';

async function overviewPage(
  c: PageContext,
  form?: { which: OverviewForm; problems?: string[] } & FormState,
  status: PageStatus | 413 = 200,
) {
  const year = yearOf(c);
  const actor = actorOf(c);
  const { tariffs, offers } = offerServices(c);
  if (!isSecretariatUser(c)) {
    if (c.get('viewer').role === 'operator') return c.redirect(`/tariffs/${year}/report`, 303);
    const round = await tariffs.round(actor, year);
    return c.redirect(`/tariffs/appendix/${round.year}`, 303);
  }
  const o = await tariffs.overview(actor, year);
  const round = o.round;
  const [covered, shares, appendix] = await Promise.all([
    offers.list(actor, { year, covered: true }),
    tariffs.fixedShares(actor, year),
    tariffs.appendix(actor, year),
  ]);
  const splits = await Promise.all(
    shares.map((s) => tariffs.fixedShareSplit(actor, year, s.offerId).catch(() => null)),
  );
  const offerName = new Map(covered.map((x) => [x.id, x.name]));
  const csrf = c.get('csrfToken');
  const errorsOf = (w: OverviewForm) => (form?.which === w ? form.errors : {});
  const summaryOf = (w: OverviewForm) =>
    form?.which === w ? <ErrorSummary errors={form.errors} message={form.message} /> : null;
  const settings =
    form?.which === 'settings'
      ? form.values
      : {
          year: String(year),
          version: String(round.version),
          opensAt: dateTimeInput(round.opensAt),
          deadline: dateTimeInput(round.deadline),
          correctionOpensAt: dateTimeInput(round.correctionOpensAt),
          correctionDeadline: dateTimeInput(round.correctionDeadline),
          changeLimit: formatPercent(round.changeLimit),
          populationPeriod: round.populationPeriod,
        };
  const tariffOf = (name: string) => {
    const row = appendix.appendix.groups.flatMap((g) => g.rows).find((r) => r.offer === name);
    return row === undefined ? 'Ingen godkendt takst endnu' : `${kr(row.amount)} · ${row.service}`;
  };
  return page(
    c,
    {
      title: `Takster ${year}`,
      nav: 'tariffs',
      breadcrumbs: [{ href: '/tariffs', label: 'Takster' }],
    },
    <>
      {savedNotice(c) ? <Notice kind="success">{savedNotice(c)}</Notice> : null}
      {form?.which === 'action' ? <ErrorSummary message={form.message} /> : null}
      <h1>Takster {year}</h1>
      <dl class="offer-facts">
        <dt>Status</dt>
        <dd>
          <strong class="round-phase">{ROUND_PHASE_LABEL[o.phase]}</strong>
        </dd>
        <dt>Åbner</dt>
        <dd>{dateTime(round.opensAt)}</dd>
        <dt>Frist</dt>
        <dd>
          {dateTime(round.deadline)} <span class="muted">({o.timeToDeadline})</span>
        </dd>
        {round.correctionOpensAt !== null ? (
          <>
            <dt>Korrektionsrunde</dt>
            <dd>
              {dateTime(round.correctionOpensAt)} – {dateTime(round.correctionDeadline)}
            </dd>
          </>
        ) : null}
        <dt>Ændringsgrænse</dt>
        <dd>±{formatPercent(round.changeLimit)} %</dd>
      </dl>
      <div class="button-row">
        {round.status !== 'open' ? (
          <ActionButton
            action={`/tariffs/${year}/status`}
            label={round.status === 'closed' ? 'Genåbn indberetningen' : 'Åbn indberetningen'}
            csrf={csrf}
            version={round.version}
            kind="primary"
            fields={{ status: 'open' }}
          />
        ) : (
          <ActionButton
            action={`/tariffs/${year}/status`}
            label="Luk indberetningen"
            csrf={csrf}
            version={round.version}
            fields={{ status: 'closed' }}
          />
        )}
      </div>

      <h2>Indberetninger</h2>
      {o.rows.length === 0 ? (
        <p class="muted">Ingen driftsherrer har tilbud omfattet af aftalen i {year}.</p>
      ) : (
        <table class="table table--compact overview-table">
          <thead>
            <tr>
              <th scope="col">Driftsherre</th>
              <th scope="col" class="num">
                Tilbud
              </th>
              <th scope="col">Status</th>
              <th scope="col">Indsendt</th>
              <th scope="col">Handling</th>
            </tr>
          </thead>
          <tbody>
            {o.rows.map((r) => (
              <tr data-organisation={r.organisation}>
                <td>{r.organisation}</td>
                <td class="num">{r.offerCount}</td>
                <td>
                  <span class={`report-status report-status--${r.status}`}>
                    {OVERVIEW_STATUS_LABEL[r.status]}
                  </span>
                </td>
                <td>{dateTime(r.report?.submittedAt ?? null)}</td>
                <td class="row-actions">
                  {r.report !== null && r.report.lineCount > 0 ? (
                    <a href={`/tariffs/${year}/reports/${r.report.id}`}>Se indberetning</a>
                  ) : null}
                  {r.report !== null && r.status === 'submitted' ? (
                    <ActionButton
                      action={`/tariffs/reports/${r.report.id}/approve`}
                      label={`Godkend ${r.organisation}`}
                      csrf={csrf}
                      version={r.report.version}
                      kind="primary"
                    />
                  ) : null}
                  {r.report !== null && (r.status === 'submitted' || r.status === 'approved') ? (
                    <ActionButton
                      action={`/tariffs/reports/${r.report.id}/reopen`}
                      label="Genåbn"
                      csrf={csrf}
                      version={r.report.version}
                      kind="tertiary"
                    />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Mangler</h3>
      {o.missing.length === 0 ? (
        <p>Alle driftsherrer har indsendt.</p>
      ) : (
        <ul class="missing-list">
          {o.missing.map((r) => (
            <li>
              {r.organisation} ({OVERVIEW_STATUS_LABEL[r.status].toLowerCase()})
            </li>
          ))}
        </ul>
      )}

      <h2>Ændringer der kræver opmærksomhed</h2>
      {o.attention.length === 0 ? (
        <p class="muted">Ingen takster ændres mere end grænsen, og ingen ydelser er nye.</p>
      ) : (
        <table class="table table--compact attention-table">
          <thead>
            <tr>
              <th scope="col">Driftsherre</th>
              <th scope="col">Tilbud</th>
              <th scope="col">Ydelse</th>
              <th scope="col" class="num">
                Sidste år
              </th>
              <th scope="col" class="num">
                Takst
              </th>
              <th scope="col" class="num">
                Ændring
              </th>
              <th scope="col">Begrundelse</th>
            </tr>
          </thead>
          <tbody>
            {o.attention.map((a) => (
              <tr>
                <td>{a.organisation}</td>
                <td>
                  <a href={`/tariffs/${year}/reports/${a.reportId}`}>{a.offer}</a>
                </td>
                <td>{a.service}</td>
                <td class="num">{kr(a.previous)}</td>
                <td class="num">{kr(a.amount)}</td>
                <td class="num">
                  {a.why === 'new'
                    ? 'Ny ydelse'
                    : a.change === null
                      ? ''
                      : `${a.change > 0 ? '+' : ''}${formatPercent(a.change)} %`}
                </td>
                <td>{a.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Objektiv finansiering</h2>
      {shares.length === 0 ? (
        <p class="muted">Ingen tilbud har objektiv finansiering i {year}.</p>
      ) : (
        shares.map((s, i) => {
          const split = splits[i];
          const name = offerName.get(s.offerId) ?? `Tilbud ${s.offerId}`;
          return (
            <div class="fixed-share">
              <h3 class="h4">{name}</h3>
              <p>
                Takst: {tariffOf(name)}
                <br />
                Objektiv finansiering: <strong>{formatKroner(s.amount)} kr.</strong> om året
                {s.note ? ` (${s.note})` : ''}
              </p>
              {split ? (
                <details>
                  <summary>Fordeling efter befolkningstal ({split.period})</summary>
                  <table class="table table--compact">
                    <thead>
                      <tr>
                        <th scope="col">Kommune</th>
                        <th scope="col" class="num">
                          Indbyggere
                        </th>
                        <th scope="col" class="num">
                          Beløb
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {split.split.allocations.map((a) => (
                        <tr>
                          <td>{a.name}</td>
                          <td class="num">{formatKroner(a.population)}</td>
                          <td class="num">{formatKroner(a.amount)} kr.</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </details>
              ) : (
                <p class="muted">Der er ingen befolkningstal for {round.populationPeriod}.</p>
              )}
            </div>
          );
        })
      )}
      <details class="offer-action" open={form?.which === 'fixed-share'}>
        <summary>Fastsæt objektiv finansiering</summary>
        <form method="post" action={`/tariffs/${year}/fixed-shares`} class="app-form" novalidate>
          {summaryOf('fixed-share')}
          <Csrf token={csrf} />
          <Select
            name="offerId"
            label="Tilbud"
            value={form?.which === 'fixed-share' ? form.values.offerId : ''}
            errors={errorsOf('fixed-share')}
            emptyLabel="Vælg tilbud"
            options={covered.map((x) => ({ value: x.id, label: `${x.name} (${x.operatorName})` }))}
          />
          <TextField
            name="amount"
            label="Beløb om året (hele kroner)"
            hint="Fx 136.072"
            value={form?.which === 'fixed-share' ? form.values.amount : ''}
            errors={errorsOf('fixed-share')}
            width="s"
          />
          <TextField
            name="note"
            label="Note (valgfri)"
            value={form?.which === 'fixed-share' ? form.values.note : ''}
            errors={errorsOf('fixed-share')}
            width="l"
          />
          <button type="submit" class="button button-secondary">
            Gem
          </button>
        </form>
      </details>

      <h2>Takstbilag</h2>
      <p>
        {appendix.appendix.rowCount} godkendte takster for {appendix.appendix.offerCount} tilbud.{' '}
        <a href={`/tariffs/appendix/${year}`}>Se takstbilaget</a> ·{' '}
        <a href={`/tariffs/appendix/${year}.xlsx`}>XLSX</a> ·{' '}
        <a href={`/tariffs/appendix/${year}.pdf`}>PDF</a>
      </p>
      {round.approvedItemId !== null ? (
        <p class="appendix-approved">
          Godkendt {dateTime(round.approvedAt)}:{' '}
          <a href={`/items/${round.approvedItemId}`}>{round.approvedItemLabel}</a>
        </p>
      ) : null}
      {round.publishedAt !== null ? (
        <p class="appendix-published">Offentliggjort {dateTime(round.publishedAt)}.</p>
      ) : null}
      {round.publishedAt !== null ? null : (
        <form
          method="post"
          action={`/tariffs/${year}/appendix/approve`}
          class="app-form"
          novalidate
        >
          {summaryOf('approve')}
          <Csrf token={csrf} />
          <input type="hidden" name="version" value={String(round.version)} />
          <TextField
            name="itemId"
            label="Godkendt på mødepunkt (id)"
            hint="Punktet i DAS eller FU (efter delegation); tallet i punktets adresse, fx 123 i /items/123"
            value={form?.which === 'approve' ? form.values.itemId : (round.approvedItemId ?? '')}
            errors={errorsOf('approve')}
            width="xs"
          />
          <button type="submit" class="button button-secondary">
            Registrér godkendelsen
          </button>
        </form>
      )}
      {round.approvedItemId !== null && round.publishedAt === null ? (
        <ActionButton
          action={`/tariffs/${year}/appendix/publish`}
          label="Offentliggør takstbilaget"
          csrf={csrf}
          version={round.version}
          kind="primary"
        />
      ) : null}

      <details class="offer-action" open={form?.which === 'import'}>
        <summary>Importér et tidligere års takstbilag (XLSX eller CSV)</summary>
        <form
          method="post"
          action={`/tariffs/${year}/history-import`}
          enctype="multipart/form-data"
          class="app-form"
          novalidate
        >
          {form?.which === 'import' ? (
            <ErrorSummary errors={form.errors} message={form.message} />
          ) : null}
          {form?.which === 'import' && form.problems && form.problems.length > 0 ? (
            <ul class="nobullet-list" id="import-problems">
              {form.problems.map((p) => (
                <li>{p}</li>
              ))}
            </ul>
          ) : null}
          <Csrf token={csrf} />
          <p class="form-hint">
            Takstbilagets kolonner: Driftsherre, Tilbud, Ydelse (fx "Døgnophold (døgn)") og Takst
            (fx 12.995,50); de øvrige kolonner læses ikke. Et takstbilag hentet her som XLSX kan
            indlæses igen. CSV med semikolon. Kan en række ikke læses, gemmes intet.
          </p>
          <TextField
            name="historyYear"
            label="Takstbilagets år"
            value={form?.which === 'import' ? form.values.historyYear : String(year - 1)}
            errors={errorsOf('import')}
            width="xs"
          />
          <div class="form-group">
            <label class="form-label" for="appendix-file">
              Fil
            </label>
            <input
              class="form-control"
              type="file"
              id="appendix-file"
              name="file"
              accept=".xlsx,.csv,text/csv"
            />
          </div>
          <button type="submit" class="button button-secondary">
            Importér
          </button>
        </form>
      </details>

      <details class="offer-action" open={form?.which === 'settings'}>
        <summary>Ret runden (frister og ændringsgrænse)</summary>
        <form method="post" action={`/tariffs/${year}/settings`} class="app-form" novalidate>
          {summaryOf('settings')}
          <Csrf token={csrf} />
          <input type="hidden" name="version" value={settings.version ?? ''} />
          <RoundFieldsForm values={settings} errors={errorsOf('settings')} />
          <button type="submit" class="button button-secondary">
            Gem
          </button>
        </form>
      </details>
    </>,
    status,
  );
}

tariffPages.get('/tariffs/:year', (c) => overviewPage(c));

/** Runs a secretariat action from the overview; refusals show the overview with the message. */
async function overviewAction(
  c: PageContext,
  which: OverviewForm,
  values: Record<string, string>,
  run: () => Promise<string>,
) {
  try {
    const message = await run();
    return c.redirect(saved(`/tariffs/${yearOf(c)}`, message), 303);
  } catch (error) {
    // The publishing guard's findings get their own page (publishFromForm).
    if (error instanceof PublishingFindingsError) throw error;
    if (error instanceof ValidationError)
      return overviewPage(c, { which, values, errors: error.fields, message: error.message }, 400);
    if (error instanceof ConflictError || error instanceof StateError)
      return overviewPage(c, { which, values, errors: {}, message: error.message }, 409);
    throw error;
  }
}

tariffPages.post('/tariffs/:year/status', async (c) => {
  const year = yearOf(c);
  const values = await formValues(c);
  const parsed = roundStatusSchema.safeParse(values);
  if (!parsed.success)
    return overviewPage(
      c,
      { which: 'action', values, errors: {}, message: 'Genindlæs siden.' },
      400,
    );
  return overviewAction(c, 'action', values, async () => {
    await offerServices(c).tariffs.setRoundStatus(
      actorOf(c),
      year,
      parsed.data.version,
      parsed.data.status,
    );
    return parsed.data.status === 'open' ? 'Indberetningen er åbnet.' : 'Indberetningen er lukket.';
  });
});

tariffPages.post('/tariffs/:year/settings', async (c) => {
  const year = yearOf(c);
  const values = { ...(await formValues(c)), year: String(year) };
  return submitForm(
    roundUpdateSchema,
    values,
    async (data) => {
      await offerServices(c).tariffs.updateRound(actorOf(c), year, data.version, data);
      return c.redirect(saved(`/tariffs/${year}`, 'Runden er gemt.'), 303);
    },
    (errors, message, status) =>
      overviewPage(c, { which: 'settings', values, errors, message }, status),
  );
});

tariffPages.post('/tariffs/:year/history-import', async (c) => {
  const year = yearOf(c);
  const body = await c.req.parseBody();
  const raw = typeof body.historyYear === 'string' ? body.historyYear.trim() : '';
  const values = { historyYear: raw };
  const show = (message: string, status: 400 | 413, errors = {}, problems?: string[]) =>
    overviewPage(c, { which: 'import', values, errors, message, problems }, status);
  const historyYear = Number(raw);
  if (!/^\d{4}$/.test(raw) || historyYear < 2000 || historyYear > 2100)
    return show('Ret de markerede felter og prøv igen.', 400, {
      historyYear: 'Skriv året som fire cifre, fx 2021.',
    });
  const upload = await uploadedFile(c);
  if (!upload.ok) return show(upload.message, upload.status);
  try {
    const done = await offerServices(c).tariffs.importAppendixFile(
      actorOf(c),
      historyYear,
      upload.name,
      upload.bytes,
    );
    return c.redirect(
      saved(
        `/tariffs/${year}`,
        `Takstbilaget for ${historyYear} er importeret: ${done.rows} takster for ${done.offers} tilbud.`,
      ),
      303,
    );
  } catch (error) {
    if (error instanceof AppendixImportError)
      return show(error.message, 400, {}, problemLines(error.problems));
    throw error;
  }
});

tariffPages.post('/tariffs/:year/fixed-shares', async (c) => {
  const year = yearOf(c);
  const values = await formValues(c);
  return submitForm(
    fixedShareSchema,
    values,
    async (data) => {
      await offerServices(c).tariffs.setFixedShare(
        actorOf(c),
        year,
        data.offerId,
        data.amount,
        data.note,
      );
      return c.redirect(saved(`/tariffs/${year}`, 'Den objektive finansiering er gemt.'), 303);
    },
    (errors, message, status) =>
      overviewPage(c, { which: 'fixed-share', values, errors, message }, status),
  );
});

tariffPages.post('/tariffs/:year/appendix/approve', async (c) => {
  const year = yearOf(c);
  const values = await formValues(c);
  return submitForm(
    approveAppendixSchema,
    values,
    async (data) => {
      await offerServices(c).tariffs.approveAppendix(actorOf(c), year, data.version, data.itemId);
      return c.redirect(
        saved(`/tariffs/${year}`, 'Godkendelsen af takstbilaget er registreret.'),
        303,
      );
    },
    (errors, message, status) =>
      overviewPage(c, { which: 'approve', values, errors, message }, status),
  );
});

tariffPages.post('/tariffs/:year/appendix/publish', async (c) => {
  const year = yearOf(c);
  const values = await formValues(c);
  const parsed = versionOnlySchema.safeParse(values);
  if (!parsed.success)
    return overviewPage(
      c,
      { which: 'action', values, errors: {}, message: 'Genindlæs siden.' },
      400,
    );
  return publishFromForm(
    c,
    values,
    (confirmFindings) =>
      overviewAction(c, 'action', values, async () => {
        await offerServices(c).tariffs.publish(actorOf(c), year, parsed.data.version, {
          confirmFindings,
        });
        return 'Takstbilaget er offentliggjort.';
      }),
    {
      title: `Offentliggør takstbilaget for ${year}`,
      breadcrumbs: [
        { href: '/tariffs', label: 'Takster' },
        { href: `/tariffs/${year}`, label: `Takstindberetning ${year}` },
      ],
      action: `/tariffs/${year}/appendix/publish`,
      back: `/tariffs/${year}`,
    },
  );
});

tariffPages.post('/tariffs/reports/:id/:decision', async (c) => {
  const id = intParam(c, 'id');
  const decision = c.req.param('decision');
  if (decision !== 'approve' && decision !== 'reopen')
    throw new NotFoundError('Handlingen findes ikke.');
  const { tariffs } = offerServices(c);
  const detail = await tariffs.reportDetail(actorOf(c), id);
  const year = detail.round.year;
  const parsed = versionOnlySchema.safeParse(await formValues(c));
  const version = parsed.success ? parsed.data.version : -1;
  try {
    if (decision === 'approve') await tariffs.approveReport(actorOf(c), id, version);
    else await tariffs.reopenReport(actorOf(c), id, version);
  } catch (error) {
    if (error instanceof ConflictError || error instanceof StateError)
      return c.redirect(saved(`/tariffs/${year}`, `Ikke udført: ${error.message}`), 303);
    throw error;
  }
  const who = detail.report.organisation;
  return c.redirect(
    saved(
      `/tariffs/${year}`,
      decision === 'approve'
        ? `Indberetningen fra ${who} er godkendt.`
        : `Indberetningen fra ${who} er genåbnet.`,
    ),
    303,
  );
});

tariffPages.get('/tariffs/:year/reports/:id', async (c) => {
  const year = yearOf(c);
  const { tariffs } = offerServices(c);
  const d = await tariffs.reportDetail(actorOf(c), intParam(c, 'id'));
  if (d.round.year !== year) throw new NotFoundError('Indberetningen findes ikke.');
  return page(
    c,
    {
      title: `Indberetning fra ${d.report.organisation}`,
      nav: 'tariffs',
      breadcrumbs: [
        { href: '/tariffs', label: 'Takster' },
        { href: `/tariffs/${year}`, label: `Takster ${year}` },
      ],
    },
    <>
      <h1>
        Indberetning fra {d.report.organisation} for {year}
      </h1>
      <p>
        Status:{' '}
        {d.report.status === 'draft'
          ? 'I gang'
          : d.report.status === 'submitted'
            ? `Indsendt ${dateTime(d.report.submittedAt)}`
            : `Godkendt ${dateTime(d.report.approvedAt)}`}
      </p>
      <LinesTable offers={d.offers} lines={d.lines} previous={d.previous} />
    </>,
  );
});

// ---------------------------------------------------------------------------------------------
// The operator's report

async function reportPage(
  c: PageContext,
  form?: FormState & { rows: Map<number, RawLine> },
  status: PageStatus = 200,
) {
  const year = yearOf(c);
  const r = await offerServices(c).tariffs.myReport(actorOf(c), year);
  const editable =
    (r.phase === 'open' || r.phase === 'correction') &&
    (r.report === null || r.report.status === 'draft');
  let rows = form?.rows;
  if (rows === undefined) {
    rows = new Map();
    let i = 0;
    for (const o of r.offers) {
      const own = r.lines.filter((l) => l.offerId === o.id);
      for (const l of own) rows.set(i++, rowFromLine(l));
      const blanks = own.length === 0 ? 2 : 1;
      for (let b = 0; b < blanks; b++) rows.set(i++, emptyRow(String(o.id)));
    }
  }
  const version = form?.values.version ?? String(r.report?.version ?? 1);
  const limit = formatPercent(r.round.changeLimit);
  return page(
    c,
    {
      title: `Takstindberetning ${year}`,
      nav: 'tariffs',
      breadcrumbs: [{ href: '/tariffs', label: 'Takster' }],
    },
    <>
      {savedNotice(c) ? <Notice kind="success">{savedNotice(c)}</Notice> : null}
      {!editable && form?.message !== undefined ? (
        <ErrorSummary message={`Ikke gemt: ${form.message}`} />
      ) : null}
      <h1>Takstindberetning {year}</h1>
      <p>
        <strong>{ROUND_PHASE_LABEL[r.phase]}</strong>. Frist: {dateTime(r.round.deadline)}{' '}
        <span class="muted">({r.timeToDeadline})</span>
      </p>
      {r.report?.status === 'submitted' ? (
        <Notice kind="info">
          <p class="report-locked">
            Indberetningen er indsendt {dateTime(r.report.submittedAt)} og låst. Sekretariatet kan
            genåbne den, hvis der skal rettes.
          </p>
        </Notice>
      ) : r.report?.status === 'approved' ? (
        <Notice kind="success">
          <p class="report-locked">Indberetningen er godkendt af sekretariatet.</p>
        </Notice>
      ) : null}
      {r.offers.length === 0 ? (
        <p class="muted">
          Jeres organisation har ingen tilbud omfattet af styringsaftalen i {year}.
        </p>
      ) : editable ? (
        <form
          method="post"
          action={`/tariffs/${year}/report`}
          class="app-form tariff-report"
          novalidate
        >
          <ErrorSummary errors={form?.errors} message={form?.message} />
          <Csrf token={c.get('csrfToken')} />
          <input type="hidden" name="version" value={version} />
          <p class="form-hint">
            Skriv beløb i kroner som 12.995,50 eller 13.491. Tomme ydelser gemmes ikke; gem for at
            få en tom linje mere. En ændring på mere end {limit} % fra sidste år skal begrundes.
          </p>
          <ReportFields
            offers={r.offers}
            rows={rows}
            errors={form?.errors ?? {}}
            previous={r.previous}
            fixedShares={r.fixedShares}
            limitPercent={limit}
          />
          <div class="button-row">
            <button type="submit" name="action" value="save" class="button button-secondary">
              Gem
            </button>
            <button type="submit" name="action" value="submit" class="button button-primary">
              Indsend
            </button>
          </div>
        </form>
      ) : (
        <>
          {r.report === null || r.report.status === 'draft' ? (
            <Notice kind="warning">
              <p>Indberetningen er ikke åben for ændringer lige nu.</p>
            </Notice>
          ) : null}
          <LinesTable offers={r.offers} lines={r.lines} previous={r.previous} />
        </>
      )}
    </>,
    status,
  );
}

tariffPages.get('/tariffs/:year/report', (c) => reportPage(c));

tariffPages.post('/tariffs/:year/report', async (c) => {
  const year = yearOf(c);
  const values = await formValues(c);
  const rows = rowsFromValues(values);
  const { lines, rowOf } = compact(rows);
  const show = (errors: Record<string, string>, message: string | undefined, status: 400 | 409) =>
    reportPage(c, { values, errors, message, rows }, status);
  const parsed = reportSchema.safeParse({ version: values.version, lines });
  if (!parsed.success) return show(remapErrors(fieldErrors(parsed.error), rowOf), undefined, 400);
  const { tariffs } = offerServices(c);
  const submit = values.action === 'submit';
  try {
    const version = await tariffs.saveReport(
      actorOf(c),
      year,
      parsed.data.version,
      parsed.data.lines,
    );
    if (submit) {
      await tariffs.submitReport(actorOf(c), year, version);
      return c.redirect(saved(`/tariffs/${year}/report`, 'Indberetningen er indsendt.'), 303);
    }
    return c.redirect(saved(`/tariffs/${year}/report`, 'Indberetningen er gemt.'), 303);
  } catch (error) {
    if (error instanceof ValidationError)
      return show(remapErrors(error.fields, rowOf), error.message, 400);
    if (error instanceof ConflictError || error instanceof StateError)
      return show({}, error.message, 409);
    throw error;
  }
});
