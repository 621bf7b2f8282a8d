/**
 * The Logbog page (/admin/audit): the audit trail for the secretariat, newest first, filtered by
 * type, who, period and the record's key, each event with its fields before and after. The
 * service refuses everyone else (a visitor is sent to the login page, a member gets 403).
 */
import { Hono } from 'hono';
import {
  ACTOR_LABELS,
  AUDITED_TABLE_NAMES,
  AUDITED_TABLES,
  auditChanges,
  isAuditedTable,
  OPERATION_LABEL,
  type AuditEvent,
} from '../../domain/audit/index.ts';
import { auditService } from '../../services/audit.service.ts';
import type { AppEnv } from '../context.ts';
import { AUDIT_QUERY_FIELDS, parseAuditQuery, type AuditQuery } from '../schemas/audit.schema.ts';
import { ErrorSummary, Paging, Select, TextField } from './components.tsx';
import { page } from './render.tsx';

export const auditPages = new Hono<AppEnv>();

const PAGE_SIZE = 50;
const PATH = '/admin/audit';

const timeFormat = new Intl.DateTimeFormat('da-DK', {
  timeZone: 'Europe/Copenhagen',
  dateStyle: 'medium',
  timeStyle: 'medium',
});

/** Where a logged record is shown, while it exists. */
const RECORD_PAGE: Partial<Record<string, string>> = {
  meeting: '/meetings/',
  item: '/items/',
  offer: '/offers/',
  committee: '/committees/',
};

function href(values: AuditQuery['values'], pageNumber = 1): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== '') params.set(k, v);
  if (pageNumber > 1) params.set('page', String(pageNumber));
  const query = params.toString();
  return query === '' ? PATH : `${PATH}?${query}`;
}

const EMPTY: AuditQuery['values'] = { table: '', actor: '', from: '', to: '', object: '' };

function What({ event }: { event: AuditEvent }) {
  const kind = isAuditedTable(event.table) ? AUDITED_TABLES[event.table] : event.table;
  const recordPage = RECORD_PAGE[event.table];
  const label = `${kind} ${event.rowKey}`;
  return (
    <>
      <strong>{OPERATION_LABEL[event.operation]}:</strong>{' '}
      {recordPage !== undefined && event.operation !== 'delete' ? (
        <a href={`${recordPage}${event.rowKey}`}>{label}</a>
      ) : (
        label
      )}
      <br />
      <a class="function-link" href={href({ ...EMPTY, table: event.table, object: event.rowKey })}>
        Alle ændringer af posten
      </a>
    </>
  );
}

function Changes({ event }: { event: AuditEvent }) {
  const changes = auditChanges(event);
  if (changes.length === 0) return <span class="muted">Ingen felter</span>;
  const update = event.operation === 'update';
  return (
    <table class="table table--compact audit-diff">
      <caption class="sr-only">Felterne {update ? 'før og efter' : ''}</caption>
      <thead>
        <tr>
          <th scope="col">Felt</th>
          {update ? (
            <>
              <th scope="col">Før</th>
              <th scope="col">Efter</th>
            </>
          ) : (
            <th scope="col">{event.operation === 'insert' ? 'Værdi' : 'Værdi før sletning'}</th>
          )}
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr>
            <th scope="row" title={change.column}>
              {change.label}
            </th>
            {update || event.operation === 'delete' ? (
              <td class="audit-value">{change.before}</td>
            ) : null}
            {update || event.operation === 'insert' ? (
              <td class="audit-value">{change.after}</td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

auditPages.get(PATH, async (c) => {
  const service = auditService(c.get('services').db);
  const viewer = c.get('viewer');
  const users = await service.users(viewer);
  const query = parseAuditQuery(c.req.query());
  const requested = Number(c.req.query('page') ?? '1');
  const pageNumber = Number.isInteger(requested) && requested >= 1 ? requested : 1;
  const failed = Object.keys(query.errors).length > 0;
  const result = failed
    ? null
    : await service.list(viewer, query.filter, {
        limit: PAGE_SIZE,
        offset: (pageNumber - 1) * PAGE_SIZE,
      });
  const pages = result === null ? 0 : Math.ceil(result.total / PAGE_SIZE);
  const first = (pageNumber - 1) * PAGE_SIZE + 1;
  const filtered = AUDIT_QUERY_FIELDS.some((k) => query.values[k] !== '');
  const actorOptions = [
    ...users.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })),
    { value: ACTOR_LABELS.cli, label: 'Kommandolinjen (import, oprettelse af brugere)' },
    { value: ACTOR_LABELS.anonymous, label: 'Ikke logget ind' },
    { value: ACTOR_LABELS.system, label: 'Systemet (migreringer, direkte i databasen)' },
  ];

  return page(
    c,
    { title: 'Logbog', nav: 'audit' },
    <>
      <h1>Logbog</h1>
      <p class="lead-text">
        Hver ændring af møder, punkter, beslutninger, bilag, tilbud, takster, udvalg, grupper og
        brugere står her: hvem, hvornår, og hvad der stod før og efter. Logbogen føres af databasen
        selv og kan ikke ændres eller slettes. Adgangskoder og filernes indhold står der aldrig.
      </p>
      <ErrorSummary
        errors={query.errors}
        message={failed ? 'Filtrene kunne ikke bruges' : undefined}
      />
      <form method="get" action={PATH} class="audit-filters">
        <div class="filter-grid">
          <Select
            name="table"
            label="Type"
            value={query.values.table}
            errors={query.errors}
            emptyLabel="Alle typer"
            options={AUDITED_TABLE_NAMES.map((t) => ({ value: t, label: AUDITED_TABLES[t] }))}
          />
          <Select
            name="actor"
            label="Hvem"
            value={query.values.actor}
            errors={query.errors}
            emptyLabel="Alle"
            options={actorOptions}
          />
          <TextField
            name="from"
            label="Fra dato"
            hint="dd.mm.åååå"
            value={query.values.from}
            errors={query.errors}
            width="s"
          />
          <TextField
            name="to"
            label="Til og med dato"
            hint="dd.mm.åååå"
            value={query.values.to}
            errors={query.errors}
            width="s"
          />
          <TextField
            name="object"
            label="Postens id"
            hint="Fx mødets eller punktets nummer i adressen (/items/12 → 12)"
            value={query.values.object}
            errors={query.errors}
            width="s"
          />
        </div>
        <div class="button-row">
          <button class="button button-secondary" type="submit">
            Vis
          </button>
          {filtered ? (
            <a href={PATH} class="function-link">
              Fjern filtre
            </a>
          ) : null}
        </div>
      </form>

      {result === null ? null : result.total === 0 ? (
        <p class="search-count" role="status">
          Ingen ændringer{filtered ? ' passer til filtrene' : ' er logget endnu'}.
        </p>
      ) : (
        <>
          <p class="search-count" role="status">
            {result.total === 1 ? '1 ændring' : `${result.total} ændringer`}
            {pages > 1 ? `; viser ${first}–${Math.min(first + PAGE_SIZE - 1, result.total)}` : ''}.
          </p>
          <div class="table--responsive-scroll">
            <table class="table table--compact audit-table">
              <caption class="sr-only">Ændringer, nyeste først</caption>
              <thead>
                <tr>
                  <th scope="col">Hvornår</th>
                  <th scope="col">Hvem</th>
                  <th scope="col">Hvad</th>
                  <th scope="col">Ændringer</th>
                </tr>
              </thead>
              <tbody>
                {result.events.map((event) => (
                  <tr id={`event-${event.id}`}>
                    <td class="audit-when">{timeFormat.format(event.at)}</td>
                    <td>
                      <a
                        href={href({
                          ...EMPTY,
                          actor:
                            event.actorUserId === null
                              ? event.actorLabel
                              : String(event.actorUserId),
                        })}
                      >
                        {event.actorLabel}
                      </a>
                    </td>
                    <td>
                      <What event={event} />
                    </td>
                    <td>
                      <Changes event={event} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Paging page={pageNumber} pages={pages} href={(n) => href(query.values, n)} />
        </>
      )}
    </>,
  );
});
