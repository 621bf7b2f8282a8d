/**
 * The årshjul: the month grid like the printed one (twelve months side by side), a list view,
 * the A3 PDF, ICS feeds (all, per committee; the public feed without internal events) and ICS
 * import. The secretariat adds its own events and deadlines here.
 */
import { Hono } from 'hono';
import {
  danishHolidays,
  EVENT_KIND_LABEL,
  formatWeekday,
  monthGrid,
  type PlanEvent,
} from '../../domain/calendar/index.ts';
import { ForbiddenError, type FieldErrors } from '../../domain/errors.ts';
import { formatDanishDate, isSecretariat } from '../../domain/meetings/index.ts';
import { calendarService } from '../../services/calendar.service.ts';
import { today } from '../../services/clock.ts';
import { renderAnnualPlanPdf } from '../../services/pdf/annual-plan-pdf.ts';
import type { AppEnv } from '../context.ts';
import { annualEventSchema } from '../schemas/calendar.schema.ts';
import {
  ActionButton,
  Csrf,
  ErrorSummary,
  Notice,
  Select,
  TextArea,
  TextField,
} from './components.tsx';
import { submitForm } from './form-flow.ts';
import type { LayoutProps } from './layout.tsx';
import { formValues, intParam, page, type PageContext } from './render.tsx';

export const calendarPages = new Hono<AppEnv>();

/** The menu entry these pages light up; becomes 'calendar' once the layout has that key. */
const NAV: LayoutProps['nav'] = 'calendar';

type Form = { values: Record<string, string>; errors: FieldErrors; message?: string };

const svc = (c: PageContext) => calendarService(c.get('services').db, c.get('services').clock);

function yearOf(c: PageContext): number {
  const y = Number(c.req.query('year') ?? c.req.param('year'));
  return Number.isInteger(y) && y >= 1990 && y <= 2100
    ? y
    : Number(today(c.get('services').clock).slice(0, 4));
}

const eventClass = (e: PlanEvent) =>
  `cal-event cal-event--${e.kind}${e.internal ? ' cal-event--internal' : ''}${e.cancelled ? ' cal-event--cancelled' : ''}`;

function time(e: PlanEvent) {
  return e.startTime ? `${e.startTime}${e.endTime ? `–${e.endTime}` : ''}` : '';
}

function Grid({ year, events }: { year: number; events: PlanEvent[] }) {
  const grid = monthGrid(year, events);
  return (
    <div class="annual-grid" role="table" aria-label={`Årshjul ${year}`}>
      {grid.map((m) => (
        <div class="annual-month" role="rowgroup">
          <div class="annual-month__name" role="columnheader">
            {m.name}
          </div>
          {m.days.map((d) => (
            <div
              role="row"
              data-date={d.date}
              class={`annual-day${d.weekend ? ' annual-day--weekend' : ''}${d.holiday?.public ? ' annual-day--holiday' : ''}${d.weekdayLetter === 'M' ? ' annual-day--monday' : ''}`}
            >
              <span class="annual-day__letter">{d.weekdayLetter}</span>
              <span class="annual-day__num">{d.day}</span>
              <span class="annual-day__body">
                {d.holiday ? <span class="annual-day__holiday">{d.holiday.name}</span> : null}
                {d.events.map((e) => (
                  <span class={eventClass(e)} title={`${e.title} ${time(e)} ${e.place}`.trim()}>
                    {e.committeeShortName && e.kind === 'meeting' ? e.committeeShortName : e.title}
                  </span>
                ))}
              </span>
              {d.week !== null ? <span class="annual-day__week">{d.week}</span> : null}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

function List({ events, editor, csrf }: { events: PlanEvent[]; editor: boolean; csrf: string }) {
  if (events.length === 0) return <p class="muted">Ingen begivenheder i året.</p>;
  return (
    <table class="table table--compact annual-list">
      <thead>
        <tr>
          <th scope="col">Dato</th>
          <th scope="col">Tid</th>
          <th scope="col">Hvad</th>
          <th scope="col">Type</th>
          <th scope="col">Sted</th>
          {editor ? <th scope="col">Handling</th> : null}
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr>
            <td>
              {formatWeekday(e.date)} {formatDanishDate(e.date)}
              {e.endDate ? ` – ${formatDanishDate(e.endDate)}` : ''}
            </td>
            <td>{time(e)}</td>
            <td>
              {e.kind === 'meeting' ? (
                <a href={`/meetings/${e.key.slice('meeting-'.length)}`}>{e.title}</a>
              ) : (
                e.title
              )}
              {e.cancelled ? <strong> (aflyst)</strong> : null}
              {e.internal ? <span class="tag tag--internal">Intern</span> : null}
              {e.recurring ? <span class="muted"> (hvert år)</span> : null}
            </td>
            <td>{EVENT_KIND_LABEL[e.kind]}</td>
            <td>{e.place}</td>
            {editor ? (
              <td>
                {e.key.startsWith('event-') ? (
                  <ActionButton
                    action={`/calendar/events/${e.key.slice('event-'.length)}/delete`}
                    label="Slet"
                    csrf={csrf}
                    kind="tertiary"
                  />
                ) : null}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

async function calendarPage(
  c: PageContext,
  form?: Form,
  importMessage?: { kind: 'success' | 'warning'; text: string },
  status: 200 | 400 | 409 = 200,
) {
  const year = yearOf(c);
  const view = c.req.query('view') === 'list' ? 'list' : 'grid';
  const viewer = c.get('viewer');
  const editor = isSecretariat(viewer);
  const s = svc(c);
  const [events, committees] = await Promise.all([
    s.events(year, viewer),
    c.get('services').committees.list(),
  ]);
  const csrf = c.get('csrfToken');
  const values = form?.values ?? { kind: 'event' };
  const holidays = danishHolidays(year).filter((h) => h.public);
  return page(
    c,
    { title: `Årshjul ${year}`, nav: NAV },
    <>
      {c.req.query('saved') ? <Notice kind="success">{c.req.query('saved')}</Notice> : null}
      {importMessage ? <Notice kind={importMessage.kind}>{importMessage.text}</Notice> : null}
      <h1>Årshjul {year}</h1>
      <nav class="annual-nav" aria-label="År og visning">
        <a href={`/calendar?year=${year - 1}&view=${view}`}>← {year - 1}</a>
        <a href={`/calendar?year=${year + 1}&view=${view}`}>{year + 1} →</a>
        {view === 'grid' ? (
          <a href={`/calendar?year=${year}&view=list`}>Vis som liste</a>
        ) : (
          <a href={`/calendar?year=${year}`}>Vis som årshjul</a>
        )}
        <a href={`/calendar/${year}.pdf`}>Hent PDF (A3)</a>
        <a href="/calendar/feed.ics">Abonnér (iCal)</a>
      </nav>
      {view === 'grid' ? (
        <Grid year={year} events={events} />
      ) : (
        <List events={events} editor={editor} csrf={csrf} />
      )}
      <p class="muted annual-legend">
        Helligdage {year}:{' '}
        {holidays.map((h) => `${h.name} ${formatDanishDate(h.date)}`).join(' · ')}. Grundlovsdag,
        juleaften og nytårsaften er vist, men er ikke helligdage. Ugenumre står ud for mandage.
      </p>
      <h2>Kalenderabonnementer</h2>
      <ul>
        <li>
          <a href="/calendar/feed.ics">Hele årshjulet</a> (offentlige begivenheder)
        </li>
        {committees.map((cm) => (
          <li>
            <a href={`/calendar/feed.ics?committee=${cm.id}`}>{cm.name}</a>
          </li>
        ))}
        {editor ? (
          <li>
            <a href="/calendar/internal.ics">Med interne begivenheder og frister</a> (kun
            sekretariatet)
          </li>
        ) : null}
      </ul>
      {editor ? (
        <>
          <details open={form !== undefined} class="member-form">
            <summary>Tilføj begivenhed eller frist</summary>
            <form
              method="post"
              action={`/calendar/events?year=${year}`}
              class="app-form"
              novalidate
            >
              <ErrorSummary errors={form?.errors} message={form?.message} />
              <Csrf token={csrf} />
              <TextField
                name="title"
                label="Hvad"
                value={values.title}
                errors={form?.errors}
                width="xl"
              />
              <Select
                name="kind"
                label="Type"
                value={values.kind}
                errors={form?.errors}
                options={(['event', 'seminar', 'deadline', 'report', 'other'] as const).map(
                  (k) => ({ value: k, label: EVENT_KIND_LABEL[k] }),
                )}
              />
              <TextField
                name="date"
                label="Dato"
                hint="dd.mm.åååå"
                value={values.date}
                errors={form?.errors}
                width="s"
              />
              <TextField
                name="endDate"
                label="Til og med (valgfri)"
                hint="dd.mm.åååå"
                value={values.endDate}
                errors={form?.errors}
                width="s"
              />
              <TextField
                name="startTime"
                label="Fra kl. (valgfri)"
                hint="tt.mm"
                value={values.startTime}
                errors={form?.errors}
                width="xs"
              />
              <TextField
                name="endTime"
                label="Til kl. (valgfri)"
                hint="tt.mm"
                value={values.endTime}
                errors={form?.errors}
                width="xs"
              />
              <TextField
                name="place"
                label="Sted (valgfrit)"
                value={values.place}
                errors={form?.errors}
                width="l"
              />
              <Select
                name="committeeId"
                label="Hører til (valgfrit)"
                value={values.committeeId}
                errors={form?.errors}
                emptyLabel="Ingen"
                options={committees.map((cm) => ({ value: cm.id, label: cm.shortName }))}
              />
              <TextArea
                name="description"
                label="Beskrivelse (valgfri)"
                value={values.description}
                errors={form?.errors}
                rows={2}
              />
              <div class="form-group">
                <input
                  class="form-checkbox"
                  type="checkbox"
                  id="internal"
                  name="internal"
                  checked={values.internal === 'on'}
                />
                <label for="internal">Intern (vises ikke i det offentlige årshjul)</label>
              </div>
              <div class="form-group">
                <input
                  class="form-checkbox"
                  type="checkbox"
                  id="recurringYearly"
                  name="recurringYearly"
                  checked={values.recurringYearly === 'on'}
                />
                <label for="recurringYearly">Gentages hvert år</label>
              </div>
              <button type="submit" class="button button-secondary">
                Tilføj
              </button>
            </form>
          </details>
          <details class="member-form">
            <summary>Importér fra iCal-fil (.ics)</summary>
            <form
              method="post"
              action={`/calendar/import?year=${year}`}
              enctype="multipart/form-data"
              class="app-form"
            >
              <Csrf token={csrf} />
              <div class="form-group">
                <label class="form-label" for="file">
                  iCal-fil
                </label>
                <input
                  class="form-file-input"
                  type="file"
                  id="file"
                  name="file"
                  accept=".ics,text/calendar"
                />
              </div>
              <div class="form-group">
                <input class="form-checkbox" type="checkbox" id="importInternal" name="internal" />
                <label for="importInternal">Markér de importerede begivenheder som interne</label>
              </div>
              <button type="submit" class="button button-secondary">
                Importér
              </button>
            </form>
          </details>
        </>
      ) : null}
    </>,
    status,
  );
}

calendarPages.get('/calendar', (c) => calendarPage(c));

calendarPages.post('/calendar/events', async (c) => {
  const values = await formValues(c);
  return submitForm(
    annualEventSchema,
    values,
    async (data) => {
      await svc(c).create(c.get('viewer'), { ...data, sourceUid: null });
      return c.redirect(
        `/calendar?year=${data.date.slice(0, 4)}&view=list&saved=${encodeURIComponent(`${data.title} er tilføjet.`)}`,
        303,
      );
    },
    (errors, message, status) => calendarPage(c, { values, errors, message }, undefined, status),
  );
});

calendarPages.post('/calendar/events/:id/delete', async (c) => {
  const s = svc(c);
  const e = await s.get(intParam(c, 'id'));
  await s.delete(c.get('viewer'), e.id);
  return c.redirect(
    `/calendar?year=${e.date.slice(0, 4)}&view=list&saved=${encodeURIComponent(`${e.title} er slettet.`)}`,
    303,
  );
});

calendarPages.post('/calendar/import', async (c) => {
  const body = await c.req.parseBody();
  const file = body.file;
  if (!(file instanceof File) || file.size === 0)
    return calendarPage(c, undefined, { kind: 'warning', text: 'Vælg en iCal-fil (.ics).' }, 400);
  if (file.size > 2 * 1024 * 1024)
    return calendarPage(
      c,
      undefined,
      { kind: 'warning', text: 'Filen er for stor (højst 2 MB).' },
      400,
    );
  try {
    const r = await svc(c).importIcs(c.get('viewer'), await file.text(), {
      internal: body.internal === 'on',
    });
    return calendarPage(c, undefined, {
      kind: 'success',
      text: `${r.imported} begivenheder er importeret${r.skipped > 0 ? `, ${r.skipped} sprunget over (platformens egne møder og aflyste)` : ''}.`,
    });
  } catch (e) {
    if (e instanceof Error && e.name === 'ValidationError')
      return calendarPage(
        c,
        undefined,
        { kind: 'warning', text: `Filen kunne ikke læses: ${e.message}` },
        400,
      );
    throw e;
  }
});

calendarPages.get('/calendar/:file{[0-9]{4}\\.pdf}', async (c) => {
  const year = Number(c.req.param('file').slice(0, 4));
  const events = await svc(c).events(year, c.get('viewer'));
  const bytes = await renderAnnualPlanPdf(year, events);
  return c.body(bytes.buffer as ArrayBuffer, 200, {
    'content-type': 'application/pdf',
    'content-disposition': `attachment; filename="aarshjul-${year}.pdf"`,
    'cache-control': 'no-store',
  });
});

const ics = (c: PageContext, text: string, name: string) =>
  c.body(text, 200, {
    'content-type': 'text/calendar; charset=utf-8',
    'content-disposition': `inline; filename="${name}"`,
    'cache-control': 'no-cache',
  });

/** The public feed (all, or one committee's with ?committee=ID): internal events never appear. */
calendarPages.get('/calendar/feed.ics', async (c) => {
  const committee = Number(c.req.query('committee'));
  const year = Number(today(c.get('services').clock).slice(0, 4));
  const text = await svc(c).feed({
    year,
    committeeId: Number.isInteger(committee) && committee > 0 ? committee : null,
    publicOnly: true,
    host: new URL(c.req.url).hostname,
  });
  return ics(c, text, 'aarshjul.ics');
});

/** Everything, internal events and deadlines included: the secretariat only. */
calendarPages.get('/calendar/internal.ics', async (c) => {
  if (!isSecretariat(c.get('viewer'))) throw new ForbiddenError();
  const year = Number(today(c.get('services').clock).slice(0, 4));
  const text = await svc(c).feed({
    year,
    committeeId: null,
    publicOnly: false,
    host: new URL(c.req.url).hostname,
  });
  return ics(c, text, 'aarshjul-intern.ics');
});
