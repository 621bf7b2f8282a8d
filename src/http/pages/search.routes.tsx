/**
 * The search page: Danish full-text search over meetings, items, decisions and attachments,
 * filtered, grouped by meeting and paged. What a viewer finds is decided by the search service
 * (the public finds open items of published meetings only). Hits in snippets are rendered as
 * <mark> around escaped text: the snippet's markers are split into segments, never into HTML.
 */
import { Hono } from 'hono';
import type { FieldErrors } from '../../domain/errors.ts';
import { formatDanishDate, SECTION_LABEL, SECTIONS } from '../../domain/meetings/index.ts';
import { snippetSegments } from '../../domain/search/snippet.ts';
import { publicSearchStamp, search, type SearchHit } from '../../services/search.service.ts';
import { parseSearchParams } from '../api/search.ts';
import type { AppEnv } from '../context.ts';
import { servePublicPage } from '../page-cache.ts';
import { Paging } from './components.tsx';
import { page, type PageContext } from './render.tsx';

export const searchPages = new Hono<AppEnv>();

const PAGE_SIZE = 20;

/** A snippet with its hits in <mark>; every piece is escaped text. */
export function Snippet({ snippet }: { snippet: string }) {
  return (
    <p class="search-snippet">
      {snippetSegments(snippet).map((s) => (s.hit ? <mark>{s.text}</mark> : s.text))}
    </p>
  );
}

interface MeetingGroup {
  meetingId: number;
  committee: string;
  date: string | null;
  hits: SearchHit[];
}

/** Hits grouped by meeting; the groups in the order of their best hit. */
export function groupByMeeting(hits: readonly SearchHit[]): MeetingGroup[] {
  const groups = new Map<number, MeetingGroup>();
  for (const hit of hits) {
    let group = groups.get(hit.meetingId);
    if (group === undefined) {
      group = { meetingId: hit.meetingId, committee: hit.committee, date: hit.date, hits: [] };
      groups.set(hit.meetingId, group);
    }
    group.hits.push(hit);
  }
  return [...groups.values()];
}

function FieldError({ errors, name }: { errors: FieldErrors; name: string }) {
  const message = errors[name];
  return message === undefined ? null : (
    <span class="form-error-message">
      <span class="sr-only">Fejl: </span>
      {message}
    </span>
  );
}

function Help() {
  return (
    <div class="search-help">
      <h2 class="h3">Sådan søger du</h2>
      <p>
        Søgningen finder punkter på dagsordener og i referater, deres beslutninger og bilag, både
        fra møder holdt i programmet og fra det importerede arkiv. Resultaterne vises samlet pr.
        møde med de bedste først; et ord i titlen eller beslutningen vægter mere end et ord i
        sagsfremstillingen.
      </p>
      <ul>
        <li>
          Ord findes også som begyndelsen af længere ord: <a href="/search?q=takst">takst</a> finder
          også takstindberetning og takststruktur, og <a href="/search?q=kvisten">kvisten</a> finder
          Kvistens.
        </li>
        <li>Skriver du flere ord, skal alle ord findes i punktet.</li>
        <li>
          Sæt anførselstegn om en sætning for at finde ordene i den rækkefølge, fx{' '}
          <a href={`/search?q=${encodeURIComponent('"det forstærkede samarbejde"')}`}>
            "det forstærkede samarbejde"
          </a>
          .
        </li>
        <li>Et minus foran et ord udelader punkter med ordet, fx takst -børnehus.</li>
        <li>
          Afgræns med filtrene: udvalg, år, sektion, om der er truffet beslutning, kommune og
          tilbud.
        </li>
      </ul>
      <p>
        Vil du følge en sag over flere møder, så se <a href="/threads">sagsforløbene</a>.
      </p>
    </div>
  );
}

function pageHref(values: Record<string, string>, pageNumber: number): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== '') params.set(k, v);
  if (pageNumber > 1) params.set('page', String(pageNumber));
  return `/search?${params.toString()}`;
}

searchPages.get('/search', async (c) => {
  // Every anonymous visitor gets the same page for the same search, while nothing public changed.
  const cacheable = c.get('viewer').role === 'anonymous';
  const stamp = cacheable ? await publicSearchStamp(c.get('services').db) : null;
  return servePublicPage(c.get('searchPageCache'), new URL(c.req.url).search, stamp, () =>
    searchPage(c),
  );
});

async function searchPage(c: PageContext) {
  const { db, committees } = c.get('services');
  const viewer = c.get('viewer');
  const params = parseSearchParams(c.req.query());
  const { values, errors } = params;
  const requested = Number(c.req.query('page') ?? '1');
  const pageNumber = Number.isInteger(requested) && requested >= 1 ? Math.min(requested, 500) : 1;
  const [committeeList, organisations] = await Promise.all([
    committees.list(),
    committees.organisations(),
  ]);
  const municipalities = organisations
    .filter((o) => o.kind === 'municipality')
    .map((o) => o.shortName ?? o.name);
  const result =
    params.q === ''
      ? null
      : await search(db, viewer, params.q, params.filters, {
          limit: PAGE_SIZE,
          offset: (pageNumber - 1) * PAGE_SIZE,
        });
  const filtered = ['committee', 'from', 'to', 'section', 'decided', 'municipality', 'offer'].some(
    (k) => (values[k] ?? '') !== '',
  );
  const pages = result === null ? 0 : Math.ceil(result.total / PAGE_SIZE);
  const title = params.q === '' ? 'Søg' : `Søg: ${params.q}`;
  const first = (pageNumber - 1) * PAGE_SIZE + 1;

  return page(
    c,
    { title, nav: 'search' },
    <>
      <h1>Søg i møder og arkiv</h1>
      <form method="get" action="/search" class="search-page-form" role="search">
        <div class="form-group search search-main">
          <label for="q" class="sr-only">
            Søg efter ord i dagsordener, referater og bilag
          </label>
          <input
            class="form-input input-width-xl"
            id="q"
            name="q"
            type="search"
            value={values.q}
            placeholder="Fx takst, Kvisten eller udmøntningsplan"
          />
          <button class="button button-search" type="submit">
            Søg
          </button>
        </div>
        <details class="details search-filters" open={filtered || Object.keys(errors).length > 0}>
          <summary class="details-summary">Afgræns søgningen</summary>
          <div class="details-text">
            <div class="filter-grid">
              <div class={`form-group${errors.committee ? ' form-error' : ''}`}>
                <label class="form-label" for="committee">
                  Udvalg
                </label>
                <select class="form-select" id="committee" name="committee">
                  <option value="">Alle udvalg</option>
                  {committeeList.map((x) => (
                    <option value={x.shortName} selected={x.shortName === values.committee}>
                      {x.shortName} – {x.name}
                    </option>
                  ))}
                </select>
              </div>
              <div class={`form-group${errors.from ? ' form-error' : ''}`}>
                <label class="form-label" for="from">
                  Fra år
                </label>
                <FieldError errors={errors} name="from" />
                <input
                  class="form-input input-width-xs"
                  id="from"
                  name="from"
                  inputmode="numeric"
                  value={values.from}
                  placeholder="2012"
                />
              </div>
              <div class={`form-group${errors.to ? ' form-error' : ''}`}>
                <label class="form-label" for="to">
                  Til år
                </label>
                <FieldError errors={errors} name="to" />
                <input
                  class="form-input input-width-xs"
                  id="to"
                  name="to"
                  inputmode="numeric"
                  value={values.to}
                  placeholder="2021"
                />
              </div>
              <div class={`form-group${errors.section ? ' form-error' : ''}`}>
                <label class="form-label" for="section">
                  Sektion
                </label>
                <FieldError errors={errors} name="section" />
                <select class="form-select" id="section" name="section">
                  <option value="">Alle sektioner</option>
                  {SECTIONS.map((s) => (
                    <option value={s} selected={s === values.section}>
                      {SECTION_LABEL[s]}
                    </option>
                  ))}
                </select>
              </div>
              <div class={`form-group${errors.decided ? ' form-error' : ''}`}>
                <label class="form-label" for="decided">
                  Beslutning
                </label>
                <FieldError errors={errors} name="decided" />
                <select class="form-select" id="decided" name="decided">
                  <option value="">Alle punkter</option>
                  <option value="yes" selected={values.decided === 'yes'}>
                    Med beslutning
                  </option>
                  <option value="no" selected={values.decided === 'no'}>
                    Uden beslutning
                  </option>
                </select>
              </div>
              <div class="form-group">
                <label class="form-label" for="municipality">
                  Kommune nævnt
                </label>
                <select class="form-select" id="municipality" name="municipality">
                  <option value="">Alle kommuner</option>
                  {municipalities.map((m) => (
                    <option value={m} selected={m === values.municipality}>
                      {m}
                    </option>
                  ))}
                </select>
              </div>
              <div class="form-group">
                <label class="form-label" for="offer">
                  Tilbud nævnt
                </label>
                <span class="form-hint">Hele eller en del af navnet, fx Kvisten</span>
                <input class="form-input" id="offer" name="offer" value={values.offer} />
              </div>
            </div>
            <div class="button-row">
              <button class="button button-secondary" type="submit">
                Søg med filtre
              </button>
              {filtered ? (
                <a href={pageHref({ q: params.q }, 1)} class="function-link">
                  Fjern filtre
                </a>
              ) : null}
            </div>
          </div>
        </details>
      </form>

      {result === null ? (
        <Help />
      ) : result.total === 0 ? (
        <div class="search-empty" role="status">
          <h2 class="h3">Ingen resultater for "{params.q}"</h2>
          <p>
            Prøv færre eller kortere ord (begyndelsen af et ord er nok)
            {filtered ? ', eller fjern nogle af filtrene' : ''}.
            {viewer.role === 'anonymous'
              ? ' Som offentlig besøgende finder du kun åbne punkter på udsendte dagsordener og referater.'
              : ''}
          </p>
        </div>
      ) : (
        <>
          <p class="search-count" role="status">
            {!result.totalExact
              ? `Over ${result.total.toLocaleString('da-DK')} punkter fundet; de nyeste ${result.total.toLocaleString('da-DK')} er sorteret efter relevans`
              : result.total === 1
                ? '1 punkt fundet'
                : `${result.total.toLocaleString('da-DK')} punkter fundet`}
            {pages > 1 ? `; viser ${first}–${Math.min(first + PAGE_SIZE - 1, result.total)}` : ''}.
          </p>
          {groupByMeeting(result.hits).map((g) => (
            <section class="search-meeting">
              <h2 class="h4 search-meeting-heading">
                <a href={`/meetings/${g.meetingId}`}>
                  {g.committee}, møde {formatDanishDate(g.date)}
                </a>
              </h2>
              <ul class="search-hits nobullet-list">
                {g.hits.map((h) => (
                  <li class="search-hit">
                    <a href={`/items/${h.itemId}`} class="search-hit-title">
                      Punkt {h.number}. {h.title}
                    </a>
                    <span class="muted"> · {SECTION_LABEL[h.section]}</span>
                    {h.snippet !== '' ? <Snippet snippet={h.snippet} /> : null}
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <Paging page={pageNumber} pages={pages} href={(n) => pageHref(values, n)} />
        </>
      )}
    </>,
  );
}
