/**
 * Arkiv: the secretariat's list of imported meetings and the web import (Arkiv → Importér).
 *
 * The import runs in two steps. The upload reads and parses every file, keeps each good file's
 * bytes in file_blob (by sha-256) and shows the parsed meeting for review; nothing else is
 * written. The review form carries only the file's hash, its name and the user's corrections;
 * "Gem" reads the bytes back, parses them again, applies the corrections and stores all files
 * in one transaction. So any app process can serve either step, and a bad file stores nothing.
 */
import { Hono } from 'hono';
import { ArchiveInputError } from '../../archive/errors.ts';
import type { ParsedMeeting, SectionName } from '../../archive/types.ts';
import type { CommitteeRow } from '../../db/repositories/committee.repository.ts';
import type { ArchiveKind } from '../../db/repositories/archive.repository.ts';
import { ValidationError, type FieldErrors } from '../../domain/errors.ts';
import { formatDanishDate, SECTION_LABEL, type Access } from '../../domain/meetings/index.ts';
import {
  KIND_LABEL,
  prepareImport,
  sectionOf,
  STATUS_LABEL,
  type ImportSummary,
  type PreparedImport,
} from '../../services/archive-import.service.ts';
import {
  alreadyImported,
  importCorrected,
  listArchiveMeetings,
  prepareStaged,
  sourceDownload,
  stageUpload,
  type CorrectedImport,
  type ItemAction,
  type ItemCorrection,
  type ItemSource,
  type MeetingCorrections,
} from '../../services/archive-ui.service.ts';
import { requireEditor } from '../../services/meeting.service.ts';
import type { AppEnv } from '../context.ts';
import { toIsoDate } from '../schemas/fields.ts';
import { Csrf, ErrorSummary, Notice } from './components.tsx';
import { formatSize } from './meeting-view.tsx';
import { formValues, intParam, page, type PageContext } from './render.tsx';

export const archivePages = new Hono<AppEnv>();

const SECTION_NAMES: readonly SectionName[] = [
  'Velkomst',
  'Oplæg',
  'Sager til behandling',
  'Sager til orientering',
  'Afrunding',
];
const KINDS: readonly ArchiveKind[] = ['agenda', 'minutes', 'information-letter'];
const ACTION_LABEL: Record<ItemAction, string> = {
  keep: 'Behold',
  merge: 'Slå sammen med forrige',
  remove: 'Fjern (intet punkt)',
};

const crumbs = [{ href: '/archive', label: 'Arkiv' }];

/** "2021-01-20" → "20.01.2021", as the date fields are typed. */
const danishDateInput = (iso: string | null) =>
  iso === null ? '' : iso.split('-').reverse().join('.');

const dateTime = (d: Date) =>
  new Date(d).toLocaleString('da-DK', {
    timeZone: 'Europe/Copenhagen',
    dateStyle: 'short',
    timeStyle: 'short',
  });

/** The file's own name: the CLI stores the path it was given. */
const baseName = (filename: string) => filename.split(/[/\\]/).pop() || filename;

/* ---------- the list ---------- */

archivePages.get('/archive', async (c) => {
  const viewer = c.get('viewer');
  requireEditor(viewer);
  const rows = await listArchiveMeetings(c.get('services').db, viewer);
  return page(
    c,
    { title: 'Arkiv', nav: 'archive' },
    <>
      <h1>Arkiv</h1>
      <p class="font-lead">
        Dagsordener, referater og orienteringsmails fra før platformen, importeret fra PDF eller
        tekst. Hvert møde beholder sit originale dokument.
      </p>
      <div class="button-row">
        <a class="button button-primary" href="/archive/import">
          Importér dokumenter
        </a>
        <a class="function-link" href="/threads">
          Sagsforløb
        </a>
      </div>
      {rows.length === 0 ? (
        <p class="muted">Der er endnu ikke importeret nogen dokumenter.</p>
      ) : (
        <div class="table--responsive-scroll">
          <table class="table table--compact archive-table">
            <caption class="sr-only">Importerede møder</caption>
            <thead>
              <tr>
                <th scope="col">Møde</th>
                <th scope="col">Dokument</th>
                <th scope="col" class="number-cell">
                  Punkter
                </th>
                <th scope="col">Kildefil</th>
                <th scope="col">Importeret</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>
                    <a href={`/meetings/${r.meetingId}`}>
                      {r.committee} {formatDanishDate(r.date)}
                    </a>
                  </td>
                  <td>{KIND_LABEL[r.kind]}</td>
                  <td class="number-cell">{r.itemCount}</td>
                  <td>
                    <a href={`/archive/sources/${r.sourceId}`}>{baseName(r.filename)}</a>
                  </td>
                  <td>{dateTime(r.importedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>,
  );
});

/* ---------- upload ---------- */

function uploadPage(
  c: PageContext,
  o: { problems?: { filename: string; message: string }[]; status?: 200 | 400 | 413 } = {},
) {
  const max = formatSize(c.get('config').maxUploadBytes);
  return page(
    c,
    { title: 'Importér dokumenter', nav: 'archive', breadcrumbs: crumbs },
    <>
      <h1>Importér dokumenter</h1>
      {o.problems && o.problems.length > 0 ? <FileProblems problems={o.problems} /> : null}
      <p>
        Vælg en eller flere dagsordener, referater eller orienteringsmails som PDF eller tekst. Du
        ser derefter, hvordan hvert dokument er læst (udvalg, dato, punkter og sektioner), og kan
        rette det, før noget gemmes.
      </p>
      <form
        method="post"
        action="/archive/import"
        enctype="multipart/form-data"
        class="app-form upload-form"
      >
        <Csrf token={c.get('csrfToken')} />
        <div class="form-group">
          <label class="form-label" for="files">
            Filer
          </label>
          <span class="form-hint">PDF eller tekst, højst {max} pr. fil.</span>
          <input
            class="form-file-input"
            type="file"
            id="files"
            name="files"
            multiple
            accept=".pdf,.txt,application/pdf,text/plain"
          />
        </div>
        <button class="button button-primary" type="submit">
          Læs dokumenterne
        </button>
      </form>
    </>,
    o.status ?? 200,
  );
}

function FileProblems({ problems }: { problems: { filename: string; message: string }[] }) {
  return (
    <div class="alert alert-error" role="alert">
      <div class="alert-body">
        <p class="alert-heading">
          {problems.length === 1
            ? 'En fil kunne ikke læses og er ikke importeret'
            : `${problems.length} filer kunne ikke læses og er ikke importeret`}
        </p>
        <ul class="nobullet-list">
          {problems.map((p) => (
            <li>
              <strong>{p.filename}</strong>: {p.message}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

archivePages.get('/archive/import', (c) => {
  requireEditor(c.get('viewer'));
  return uploadPage(c);
});

interface Reviewed {
  prepared: PreparedImport;
  /** sha-256 of the file's bytes (the staged blob). */
  fileSha256: string;
  alreadyIn: { meetingId: number } | null;
}

archivePages.post('/archive/import', async (c) => {
  const viewer = c.get('viewer');
  requireEditor(viewer);
  const { db } = c.get('services');
  const { maxUploadBytes } = c.get('config');
  const body = await c.req.parseBody({ all: true });
  const raw = body.files;
  const files = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
    (f): f is File => f instanceof File && !(f.name === '' && f.size === 0),
  );
  if (files.length === 0) {
    return uploadPage(c, {
      problems: [{ filename: 'Ingen fil', message: 'Vælg mindst én fil at importere.' }],
      status: 400,
    });
  }
  const problems: { filename: string; message: string }[] = [];
  const reviewed: Reviewed[] = [];
  let tooLarge = false;
  for (const file of files) {
    const filename = file.name.slice(0, 255) || 'dokument';
    if (file.size > maxUploadBytes) {
      tooLarge = true;
      problems.push({
        filename,
        message: `Filen er for stor (${formatSize(file.size)}). Et dokument må højst fylde ${formatSize(maxUploadBytes)}.`,
      });
      continue;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    try {
      const prepared = await prepareImport({ filename, bytes }, { maxBytes: maxUploadBytes });
      const fileSha256 = await stageUpload(db, bytes);
      reviewed.push({
        prepared,
        fileSha256,
        alreadyIn: await alreadyImported(db, prepared.sha256),
      });
    } catch (error) {
      if (!(error instanceof ArchiveInputError)) throw error;
      problems.push({ filename, message: error.message });
    }
  }
  if (reviewed.length === 0) return uploadPage(c, { problems, status: tooLarge ? 413 : 400 });
  const values: Record<string, string> = {};
  reviewed.forEach((r, n) => Object.assign(values, defaultValues(r, `f${n}`)));
  return reviewPage(c, { reviewed, values, problems });
});

/* ---------- review ---------- */

function defaultValues(r: Reviewed, prefix: string): Record<string, string> {
  const p = r.prepared.parsed;
  const values: Record<string, string> = {
    [`${prefix}_sha`]: r.fileSha256,
    [`${prefix}_doc`]: r.prepared.sha256,
    [`${prefix}_filename`]: r.prepared.filename,
    [`${prefix}_count`]: String(p.items.length),
    [`${prefix}_include`]: 'on',
    [`${prefix}_committee`]: p.committee ?? '',
    [`${prefix}_date`]: danishDateInput(p.date),
    [`${prefix}_kind`]: p.kind,
  };
  p.items.forEach((item, i) => {
    const f = `${prefix}_i${i}`;
    values[`${f}_number`] = String(item.number);
    values[`${f}_title`] = item.title;
    values[`${f}_section`] = item.section ?? '';
    values[`${f}_access`] = item.access;
    values[`${f}_action`] = 'keep';
  });
  return values;
}

function excerpt(text: string, words = 28): string {
  const all = text.replace(/\s+/g, ' ').trim().split(' ');
  return all.length > words ? `${all.slice(0, words).join(' ')} …` : all.join(' ');
}

function pagesLabel(item: { source: { fromPage: number; toPage: number } }, pageCount: number) {
  if (pageCount <= 1) return '';
  return item.source.fromPage === item.source.toPage
    ? `s. ${item.source.fromPage}`
    : `s. ${item.source.fromPage}–${item.source.toPage}`;
}

function FieldMessage({ errors, name }: { errors: FieldErrors; name: string }) {
  const message = errors[name];
  return message === undefined ? null : (
    <span class="form-error-message">
      <span class="sr-only">Fejl: </span>
      {message}
    </span>
  );
}

function ReviewFile(p: {
  r: Reviewed;
  prefix: string;
  values: Record<string, string>;
  errors: FieldErrors;
  committees: CommitteeRow[];
}) {
  const { r, prefix, values, errors } = p;
  const parsed: ParsedMeeting = r.prepared.parsed;
  const v = (name: string) => values[`${prefix}_${name}`] ?? '';
  const kind = (KINDS as readonly string[]).includes(v('kind'))
    ? (v('kind') as ArchiveKind)
    : parsed.kind;
  const headingId = `${prefix}_heading`;
  return (
    <section class="import-file" aria-labelledby={headingId}>
      <h2 class="h3" id={headingId}>
        {r.prepared.filename}
      </h2>
      {['sha', 'doc', 'filename', 'count'].map((k) => (
        <input type="hidden" name={`${prefix}_${k}`} value={v(k)} />
      ))}
      <p class="muted">
        {r.prepared.pages.length === 1 ? '1 side' : `${r.prepared.pages.length} sider`} ·{' '}
        {parsed.items.length} punkter fundet
        {parsed.participants.length > 0 ? ` · ${parsed.participants.length} deltagere` : ''}
        {parsed.apologies.length > 0 ? ` · ${parsed.apologies.length} afbud` : ''}
      </p>
      {r.alreadyIn !== null ? (
        <Notice kind="info">
          Dokumentet er allerede importeret (
          <a href={`/meetings/${r.alreadyIn.meetingId}`}>se mødet</a>); gemmer du det igen, ændres
          intet.
        </Notice>
      ) : null}
      <div class="form-group-checkbox">
        <input
          id={`${prefix}_include`}
          type="checkbox"
          name={`${prefix}_include`}
          value="on"
          class="form-checkbox"
          checked={v('include') === 'on'}
        />
        <label for={`${prefix}_include`} class="form-label">
          Importér denne fil
        </label>
      </div>
      <div class="import-meta">
        <div class={`form-group${errors[`${prefix}_committee`] ? ' form-error' : ''}`}>
          <label class="form-label" for={`${prefix}_committee`}>
            Udvalg
          </label>
          <FieldMessage errors={errors} name={`${prefix}_committee`} />
          <select
            class="form-select select-committee"
            id={`${prefix}_committee`}
            name={`${prefix}_committee`}
          >
            <option value="">Vælg udvalg</option>
            {p.committees.map((x) => (
              <option value={x.shortName} selected={x.shortName === v('committee')}>
                {x.shortName} – {x.name}
              </option>
            ))}
          </select>
          {parsed.committee === null ? (
            <span class="form-hint import-date-hint">
              Dokumentet angiver ikke udvalget; vælg det.
            </span>
          ) : null}
        </div>
        <div class={`form-group${errors[`${prefix}_date`] ? ' form-error' : ''}`}>
          <label class="form-label" for={`${prefix}_date`}>
            Dato
          </label>
          <FieldMessage errors={errors} name={`${prefix}_date`} />
          <input
            class="form-input input-width-s"
            id={`${prefix}_date`}
            name={`${prefix}_date`}
            value={v('date')}
          />
          <span class="form-hint import-date-hint">
            {parsed.date === null
              ? 'Dokumentet angiver ingen dato. Skriv den, hvis du kender den; ellers lad feltet stå tomt.'
              : 'dd.mm.åååå; tomt for et dokument uden dato'}
          </span>
        </div>
        <div class="form-group">
          <label class="form-label" for={`${prefix}_kind`}>
            Dokumenttype
          </label>
          <select class="form-select" id={`${prefix}_kind`} name={`${prefix}_kind`}>
            {KINDS.map((k) => (
              <option value={k} selected={k === kind}>
                {KIND_LABEL[k].charAt(0).toUpperCase() + KIND_LABEL[k].slice(1)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div class="table--responsive-scroll">
        <table class="table table--compact import-items">
          <caption class="sr-only">Punkter i {r.prepared.filename}</caption>
          <thead>
            <tr>
              <th scope="col">Nr.</th>
              <th scope="col">Titel og indhold</th>
              <th scope="col">Sektion</th>
              <th scope="col">Adgang</th>
              <th scope="col">Punktgrænse</th>
            </tr>
          </thead>
          <tbody>
            {parsed.items.map((item, i) => {
              const f = `${prefix}_i${i}`;
              const field = (name: string) => values[`${f}_${name}`] ?? '';
              const rowErrors = ['number', 'title', 'action'].some((k) => errors[`${f}_${k}`]);
              const auto = SECTION_LABEL[sectionOf({ ...item, section: null }, kind)];
              const access = field('access') as Access;
              return (
                <tr class={rowErrors ? 'form-error' : ''}>
                  <td>
                    <label class="sr-only" for={`${f}_number`}>
                      Nummer for punkt {item.number}
                    </label>
                    <FieldMessage errors={errors} name={`${f}_number`} />
                    <input
                      class="form-input input-number"
                      id={`${f}_number`}
                      name={`${f}_number`}
                      inputmode="numeric"
                      value={field('number')}
                    />
                  </td>
                  <td class="import-title-cell">
                    <label class="sr-only" for={`${f}_title`}>
                      Titel for punkt {item.number}
                    </label>
                    <FieldMessage errors={errors} name={`${f}_title`} />
                    <input
                      class="form-input"
                      id={`${f}_title`}
                      name={`${f}_title`}
                      value={field('title')}
                    />
                    <p class="import-excerpt muted">
                      {item.text.trim() === ''
                        ? 'Ingen tekst under overskriften.'
                        : excerpt(item.text)}
                    </p>
                    <p class="import-facts muted">
                      {[
                        pagesLabel(item, r.prepared.pages.length),
                        item.recommendations.length > 0
                          ? `${item.recommendations.length} indstillingspunkter`
                          : '',
                        item.decision !== null ? 'beslutning' : '',
                        item.attachments.length > 0 ? `${item.attachments.length} bilag` : '',
                      ]
                        .filter((s) => s !== '')
                        .join(' · ')}
                    </p>
                  </td>
                  <td>
                    <label class="sr-only" for={`${f}_section`}>
                      Sektion for punkt {item.number}
                    </label>
                    <select
                      class="form-select select-section"
                      id={`${f}_section`}
                      name={`${f}_section`}
                    >
                      <option value="">Ud fra titlen ({auto})</option>
                      {SECTION_NAMES.map((s) => (
                        <option value={s} selected={s === field('section')}>
                          {s}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <label class="sr-only" for={`${f}_access`}>
                      Adgang for punkt {item.number}
                    </label>
                    <select
                      class="form-select select-access"
                      id={`${f}_access`}
                      name={`${f}_access`}
                    >
                      <option value="open" selected={access !== 'closed'}>
                        Åben
                      </option>
                      <option value="closed" selected={access === 'closed'}>
                        Lukket
                      </option>
                    </select>
                  </td>
                  <td>
                    <label class="sr-only" for={`${f}_action`}>
                      Punktgrænse for punkt {item.number}
                    </label>
                    <FieldMessage errors={errors} name={`${f}_action`} />
                    <select
                      class="form-select select-action"
                      id={`${f}_action`}
                      name={`${f}_action`}
                    >
                      {(['keep', 'merge', 'remove'] as const).map((a) => (
                        <option value={a} selected={a === (field('action') || 'keep')}>
                          {ACTION_LABEL[a]}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

async function reviewPage(
  c: PageContext,
  o: {
    reviewed: Reviewed[];
    values: Record<string, string>;
    problems?: { filename: string; message: string }[];
    errors?: FieldErrors;
    message?: string;
    status?: 200 | 400 | 409;
  },
) {
  const committees = await c.get('services').committees.list();
  const errors = o.errors ?? {};
  return page(
    c,
    { title: 'Gennemse importen', nav: 'archive', breadcrumbs: crumbs },
    <>
      <h1>Gennemse importen</h1>
      {o.problems && o.problems.length > 0 ? <FileProblems problems={o.problems} /> : null}
      <ErrorSummary errors={errors} message={o.message} />
      <p>
        Tjek, hvordan dokumenterne er læst, og ret det, der er forkert. Er en linje i teksten læst
        som et punkt, så vælg <em>Slå sammen med forrige</em> (teksten føjes til punktet før) eller{' '}
        <em>Fjern</em>. Intet gemmes, før du trykker <strong>Gem</strong>.
      </p>
      <form method="post" action="/archive/import/save" class="app-form import-review" novalidate>
        <Csrf token={c.get('csrfToken')} />
        <input type="hidden" name="files" value={String(o.reviewed.length)} />
        {o.reviewed.map((r, n) => (
          <ReviewFile
            r={r}
            prefix={`f${n}`}
            values={o.values}
            errors={errors}
            committees={committees}
          />
        ))}
        <div class="button-row">
          <button class="button button-primary" type="submit">
            Gem
          </button>
          <a class="button button-secondary" href="/archive/import">
            Annullér
          </a>
        </div>
      </form>
    </>,
    o.status ?? 200,
  );
}

/* ---------- save ---------- */

const isSectionName = (s: string): s is SectionName =>
  (SECTION_NAMES as readonly string[]).includes(s);

function readCorrections(
  values: Record<string, string>,
  prefix: string,
  itemCount: number,
  errors: FieldErrors,
): MeetingCorrections {
  const v = (name: string) => (values[`${prefix}_${name}`] ?? '').trim();
  const committee = v('committee');
  if (committee === '') errors[`${prefix}_committee`] = 'Vælg det udvalg, mødet hører til.';
  let date: string | null = null;
  if (v('date') !== '') {
    date = toIsoDate(v('date'));
    if (date === null)
      errors[`${prefix}_date`] =
        'Skriv datoen som dd.mm.åååå, fx 20.01.2021, eller lad feltet stå tomt.';
  }
  const kind = (KINDS as readonly string[]).includes(v('kind'))
    ? (v('kind') as ArchiveKind)
    : 'agenda';
  const items: ItemCorrection[] = Array.from({ length: itemCount }, (_, i) => {
    const f = `i${i}`;
    const action = v(`${f}_action`);
    const section = v(`${f}_section`);
    const numberText = v(`${f}_number`);
    return {
      action: action === 'merge' || action === 'remove' ? action : 'keep',
      number: /^\d{1,4}$/.test(numberText) ? Number(numberText) : NaN,
      title: values[`${prefix}_${f}_title`] ?? '',
      section: isSectionName(section) ? section : null,
      access: v(`${f}_access`) === 'closed' ? ('closed' as const) : ('open' as const),
    };
  });
  return { committee, date, kind, items };
}

archivePages.post('/archive/import/save', async (c) => {
  const viewer = c.get('viewer');
  requireEditor(viewer);
  const { db, clock } = c.get('services');
  const { maxUploadBytes } = c.get('config');
  const values = await formValues(c);
  const count = Math.min(Number(values.files ?? '0') || 0, 100);
  const reviewed: Reviewed[] = [];
  const problems: { filename: string; message: string }[] = [];
  const errors: FieldErrors = {};
  const entries: CorrectedImport[] = [];
  for (let n = 0; n < count; n++) {
    const prefix = `f${n}`;
    const filename = (values[`${prefix}_filename`] ?? '').slice(0, 255) || 'dokument';
    let prepared: PreparedImport;
    try {
      prepared = await prepareStaged(
        db,
        { sha256: values[`${prefix}_sha`] ?? '', filename },
        maxUploadBytes,
      );
    } catch (error) {
      if (error instanceof ArchiveInputError || error instanceof ValidationError) {
        problems.push({ filename, message: error.message });
        continue;
      }
      throw error;
    }
    if (
      prepared.sha256 !== values[`${prefix}_doc`] ||
      String(prepared.parsed.items.length) !== values[`${prefix}_count`]
    ) {
      problems.push({
        filename,
        message: 'Dokumentet blev læst anderledes end ved gennemsynet. Upload filen igen.',
      });
      continue;
    }
    reviewed.push({
      prepared,
      fileSha256: values[`${prefix}_sha`] ?? '',
      alreadyIn: await alreadyImported(db, prepared.sha256),
    });
    if (values[`${prefix}_include`] !== 'on') continue;
    const corrections = readCorrections(values, prefix, prepared.parsed.items.length, errors);
    entries.push({ prepared, corrections, prefix });
  }
  // Keep the field names of the review form: re-number the prefixes of the files still shown.
  const again = (status: 400 | 409, message?: string) => {
    const shownValues: Record<string, string> = {};
    const shownErrors: FieldErrors = {};
    let m = 0;
    for (let n = 0; n < count; n++) {
      const prefix = `f${n}`;
      if (!reviewed.some((r) => r.fileSha256 === values[`${prefix}_sha`])) continue;
      for (const [k, v] of Object.entries(values))
        if (k.startsWith(`${prefix}_`)) shownValues[`f${m}_${k.slice(prefix.length + 1)}`] = v;
      for (const [k, v] of Object.entries(errors))
        if (k.startsWith(`${prefix}_`)) shownErrors[`f${m}_${k.slice(prefix.length + 1)}`] = v;
      m++;
    }
    return reviewed.length === 0
      ? uploadPage(c, { problems, status: 400 })
      : reviewPage(c, {
          reviewed,
          values: shownValues,
          errors: shownErrors,
          problems,
          status,
          ...(message === undefined ? {} : { message }),
        });
  };
  if (problems.length > 0 || Object.keys(errors).length > 0) return again(400);
  if (entries.length === 0)
    return again(400, 'Vælg mindst én fil at importere (sæt flueben ved "Importér denne fil").');
  let summaries: ImportSummary[];
  try {
    summaries = await importCorrected(db, viewer, clock, entries);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    Object.assign(errors, error.fields);
    return again(400, Object.keys(error.fields).length > 0 ? undefined : error.message);
  }
  return resultPage(c, summaries);
});

function resultPage(c: PageContext, summaries: ImportSummary[]) {
  return page(
    c,
    { title: 'Importen er gemt', nav: 'archive', breadcrumbs: crumbs },
    <>
      <h1>Importen er gemt</h1>
      <div class="table--responsive-scroll">
        <table class="table table--compact import-result">
          <thead>
            <tr>
              <th scope="col">Fil</th>
              <th scope="col">Resultat</th>
              <th scope="col">Møde</th>
              <th scope="col" class="number-cell">
                Punkter
              </th>
            </tr>
          </thead>
          <tbody>
            {summaries.map((s) => (
              <tr>
                <td>{s.filename}</td>
                <td>
                  <strong class={`import-status import-status-${s.status}`}>
                    {STATUS_LABEL[s.status]}
                  </strong>
                  {s.note !== null ? <p class="muted">{s.note}</p> : null}
                </td>
                <td>
                  <a href={`/meetings/${s.meetingId}`}>
                    {s.committee} {formatDanishDate(s.date)} ({KIND_LABEL[s.kind]})
                  </a>
                </td>
                <td class="number-cell">{s.itemCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="button-row">
        <a class="button button-primary" href="/archive/import">
          Importér flere
        </a>
        <a class="button button-secondary" href="/archive">
          Til arkivet
        </a>
      </div>
    </>,
  );
}

/* ---------- the original documents ---------- */

/** The original document, always as a download; only for those who may read closed items. */
archivePages.get('/archive/sources/:id', async (c) => {
  const file = await sourceDownload(c.get('services').db, c.get('viewer'), intParam(c, 'id'));
  const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': 'application/octet-stream',
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
  });
});

/** "Kilde: side 3–5 i das-2021.pdf": where an archive item stands in its original document. */
export function ItemSourceNote({ source }: { source: ItemSource }) {
  const place =
    source.pageCount > 1
      ? source.fromPage === source.toPage
        ? `side ${source.fromPage}`
        : `side ${source.fromPage}–${source.toPage}`
      : `linje ${source.fromLine}–${source.toLine}`;
  return (
    <div class="item-source">
      <p class="muted">
        Kilde: {place} i{' '}
        {source.downloadable ? (
          <a href={`/archive/sources/${source.sourceId}`}>{baseName(source.filename)}</a>
        ) : (
          baseName(source.filename)
        )}{' '}
        ({KIND_LABEL[source.kind]}, importeret {dateTime(source.importedAt)})
      </p>
      {source.body.trim() !== '' ? (
        <details class="details">
          <summary class="details-summary">Punktets tekst fra originaldokumentet</summary>
          <div class="details-text archive-text">
            {source.body
              .split(/\n{2,}/)
              .map((paragraph) => paragraph.trim())
              .filter((paragraph) => paragraph !== '')
              .map((paragraph) => (
                <p>{paragraph}</p>
              ))}
          </div>
        </details>
      ) : null}
    </div>
  );
}
