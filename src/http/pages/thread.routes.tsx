/**
 * Sagsforløb: case threads, items linked across meetings. Everyone sees the threads the service
 * shows them (the public: only open items of published meetings, and only threads with at least
 * two of those). The secretariat confirms, renames, splits, merges, unlinks and links by hand;
 * each choice is recorded by the thread service and survives a re-import.
 */
import { Hono } from 'hono';
import { NotFoundError, ValidationError, type FieldErrors } from '../../domain/errors.ts';
import { canEdit, formatDanishDate } from '../../domain/meetings/index.ts';
import { threadById, threadIdOfItem } from '../../services/archive-ui.service.ts';
import { requireEditor } from '../../services/meeting.service.ts';
import { listThreads, threadActions, type ThreadView } from '../../services/thread.service.ts';
import type { AppEnv } from '../context.ts';
import { ActionButton, Csrf, ErrorSummary, Notice } from './components.tsx';
import { formValues, intParam, page, type PageContext } from './render.tsx';
import { ThreadTimeline, threadSpan } from './thread-timeline.tsx';

export const threadPages = new Hono<AppEnv>();

const crumbs = [{ href: '/threads', label: 'Sagsforløb' }];

threadPages.get('/threads', async (c) => {
  const viewer = c.get('viewer');
  const threads = await listThreads(c.get('services').db, viewer);
  return page(
    c,
    { title: 'Sagsforløb', nav: 'search' },
    <>
      <h1>Sagsforløb</h1>
      <p class="font-lead">
        En sag går ofte over flere møder: en analyse bestilles, drøftes og besluttes. Her er
        punkterne samlet i sagsforløb, så du kan følge en sag fra møde til møde.
      </p>
      {canEdit(viewer) ? (
        <p class="muted">
          Forløbene dannes automatisk ud fra henvisninger, navne på tilbud og titler. Åbn et forløb
          for at bekræfte, omdøbe, dele eller sammenlægge det.
        </p>
      ) : null}
      {threads.length === 0 ? (
        <p class="muted">Der er endnu ingen sagsforløb.</p>
      ) : (
        <div class="table--responsive-scroll">
          <table class="table table--compact thread-table">
            <caption class="sr-only">Sagsforløb</caption>
            <thead>
              <tr>
                <th scope="col">Sagsforløb</th>
                <th scope="col" class="number-cell">
                  Punkter
                </th>
                <th scope="col">Periode</th>
                <th scope="col">Udvalg</th>
              </tr>
            </thead>
            <tbody>
              {threads.map((t) => (
                <tr>
                  <td>
                    <a href={`/threads/${t.id}`}>{t.title}</a>
                    {t.items.every((i) => i.confirmed) ? (
                      <span class="muted"> · bekræftet</span>
                    ) : null}
                  </td>
                  <td class="number-cell">{t.items.length}</td>
                  <td>{threadSpan(t)}</td>
                  <td>{[...new Set(t.items.map((i) => i.committee))].join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>,
  );
});

async function threadPage(
  c: PageContext,
  thread: ThreadView,
  o: { errors?: FieldErrors; message?: string; values?: Record<string, string>; status?: 400 } = {},
) {
  const viewer = c.get('viewer');
  const editable = canEdit(viewer);
  const csrf = c.get('csrfToken');
  const errors = o.errors ?? {};
  const values = o.values ?? {};
  const others = editable
    ? (await listThreads(c.get('services').db, viewer)).filter((t) => t.id !== thread.id)
    : [];
  const saved = c.req.query('saved');
  const confirmed = thread.items.every((i) => i.confirmed);
  const action = (name: string) => `/threads/${thread.id}/${name}`;
  return page(
    c,
    { title: thread.title, nav: 'search', breadcrumbs: crumbs },
    <>
      {saved ? <Notice kind="success">{saved}</Notice> : null}
      <ErrorSummary errors={errors} message={o.message} />
      <h1>{thread.title}</h1>
      <p class="muted">
        Sagsforløb med {thread.items.length} punkter · {threadSpan(thread)}
        {confirmed ? ' · bekræftet af sekretariatet' : ''}
      </p>
      <ThreadTimeline thread={thread} />
      {editable ? (
        <div class="secretariat-panel thread-admin">
          <h2 class="h3">Ret sagsforløbet</h2>
          <p class="muted">
            Dine valg huskes og gælder også, når arkivet importeres igen eller forløbene dannes på
            ny.
          </p>
          {!confirmed ? (
            <div class="thread-action">
              <h3 class="h5">Bekræft</h3>
              <p>Punkterne hører sammen: de holdes samlet fremover.</p>
              <ActionButton action={action('confirm')} label="Bekræft forløbet" csrf={csrf} />
            </div>
          ) : null}
          <form method="post" action={action('rename')} class="thread-action" novalidate>
            <Csrf token={csrf} />
            <h3 class="h5">
              <label for="title">Omdøb</label>
            </h3>
            {errors.title ? <span class="form-error-message">{errors.title}</span> : null}
            <div class="inline-fields">
              <input
                class="form-input input-width-xl"
                id="title"
                name="title"
                value={values.title ?? thread.title}
              />
              <button class="button button-secondary" type="submit">
                Gem titel
              </button>
            </div>
          </form>
          {thread.items.length > 1 ? (
            <form method="post" action={action('split')} class="thread-action" novalidate>
              <Csrf token={csrf} />
              <h3 class="h5">
                <label for="split-item">Del forløbet</label>
              </h3>
              <p>Det valgte punkt og punkterne efter det bliver et forløb for sig.</p>
              {errors.item ? <span class="form-error-message">{errors.item}</span> : null}
              <div class="inline-fields">
                <select class="form-select" id="split-item" name="itemId">
                  {thread.items.slice(1).map((i) => (
                    <option value={String(i.itemId)}>
                      Fra {formatDanishDate(i.date)}, {i.committee} punkt {i.number}. {i.title}
                    </option>
                  ))}
                </select>
                <button class="button button-secondary" type="submit">
                  Del her
                </button>
              </div>
            </form>
          ) : null}
          {others.length > 0 ? (
            <form method="post" action={action('merge')} class="thread-action" novalidate>
              <Csrf token={csrf} />
              <h3 class="h5">
                <label for="merge-thread">Læg sammen med et andet forløb</label>
              </h3>
              {errors.thread ? <span class="form-error-message">{errors.thread}</span> : null}
              <div class="inline-fields">
                <select class="form-select" id="merge-thread" name="otherThreadId">
                  {others.map((t) => (
                    <option value={String(t.id)}>
                      {t.title} ({t.items.length} punkter, {threadSpan(t)})
                    </option>
                  ))}
                </select>
                <button class="button button-secondary" type="submit">
                  Læg sammen
                </button>
              </div>
            </form>
          ) : null}
          <form method="post" action={action('link')} class="thread-action" novalidate>
            <Csrf token={csrf} />
            <h3 class="h5">
              <label for="link-item">Tilføj et punkt</label>
            </h3>
            <p>Skriv punktets nummer i programmet eller indsæt adressen på punktets side.</p>
            {errors.items ? <span class="form-error-message">{errors.items}</span> : null}
            <div class="inline-fields">
              <input
                class="form-input input-width-l"
                id="link-item"
                name="item"
                value={values.item ?? ''}
                placeholder="fx /items/123"
              />
              <button class="button button-secondary" type="submit">
                Tilføj punkt
              </button>
            </div>
          </form>
          <div class="thread-action">
            <h3 class="h5">Fjern et punkt</h3>
            <p>Punktet tages ud af forløbet og kommer ikke automatisk med i et forløb igen.</p>
            <ul class="nobullet-list thread-unlink-list">
              {thread.items.map((i) => (
                <li>
                  <ActionButton
                    action={action('unlink')}
                    label="Fjern"
                    csrf={csrf}
                    kind="tertiary"
                    fields={{ itemId: String(i.itemId) }}
                  />
                  <span>
                    {formatDanishDate(i.date)}, {i.committee} punkt {i.number}. {i.title}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
    </>,
    o.status ?? 200,
  );
}

threadPages.get('/threads/:id', async (c) => {
  const thread = await threadById(c.get('services').db, c.get('viewer'), intParam(c, 'id'));
  return threadPage(c, thread);
});

/** An item id from "123", "/items/123", "https://…/items/123#x" or "…/items/123/edit". */
export function itemIdFrom(text: string): number | null {
  const s = text.trim();
  const m = /^(\d+)$/.exec(s) ?? /\/items\/(\d+)(?:[/?#]|$)/.exec(s);
  const n = Number(m?.[1]);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/**
 * Runs a secretariat action on a thread and goes to the thread that holds `anchor` afterwards
 * (ids can move when threads are rebuilt); a Danish problem shows the thread page again.
 */
async function act(
  c: PageContext,
  run: (
    thread: ThreadView,
    actions: ReturnType<typeof threadActions>,
    values: Record<string, string>,
  ) => Promise<{ anchor: number | null; message: string }>,
) {
  const viewer = c.get('viewer');
  requireEditor(viewer);
  const { db } = c.get('services');
  const thread = await threadById(db, viewer, intParam(c, 'id'));
  const values = await formValues(c);
  try {
    const { anchor, message } = await run(thread, threadActions(db, viewer.userId), values);
    const target = anchor === null ? null : await threadIdOfItem(db, anchor);
    const saved = encodeURIComponent(message);
    return c.redirect(
      target === null ? `/threads?saved=${saved}` : `/threads/${target}?saved=${saved}`,
      303,
    );
  } catch (error) {
    if (!(error instanceof ValidationError || error instanceof NotFoundError)) throw error;
    return threadPage(c, thread, {
      errors: error instanceof ValidationError ? error.fields : {},
      message: error.message,
      values,
      status: 400,
    });
  }
}

const firstItem = (t: ThreadView) => t.items[0]?.itemId ?? null;

threadPages.post('/threads/:id/confirm', (c) =>
  act(c, async (thread, actions) => {
    await actions.confirm(thread.id);
    return { anchor: firstItem(thread), message: 'Sagsforløbet er bekræftet.' };
  }),
);

threadPages.post('/threads/:id/rename', (c) =>
  act(c, async (thread, actions, values) => {
    await actions.rename(thread.id, values.title ?? '');
    return { anchor: firstItem(thread), message: 'Sagsforløbet er omdøbt.' };
  }),
);

threadPages.post('/threads/:id/split', (c) =>
  act(c, async (thread, actions, values) => {
    const itemId = Number(values.itemId);
    if (!thread.items.some((i) => i.itemId === itemId))
      throw new ValidationError(
        { item: 'Vælg et punkt i forløbet.' },
        'Vælg, hvor forløbet skal deles.',
      );
    await actions.split(thread.id, itemId);
    return {
      anchor: firstItem(thread),
      message: 'Sagsforløbet er delt; den sidste del er nu et forløb for sig.',
    };
  }),
);

threadPages.post('/threads/:id/merge', (c) =>
  act(c, async (thread, actions, values) => {
    const other = Number(values.otherThreadId);
    if (!Number.isInteger(other) || other < 1)
      throw new ValidationError(
        { thread: 'Vælg et sagsforløb.' },
        'Vælg forløbet, der skal lægges sammen med dette.',
      );
    await actions.merge(thread.id, other);
    return { anchor: firstItem(thread), message: 'Sagsforløbene er lagt sammen.' };
  }),
);

threadPages.post('/threads/:id/unlink', (c) =>
  act(c, async (thread, actions, values) => {
    const itemId = Number(values.itemId);
    const item = thread.items.find((i) => i.itemId === itemId);
    if (item === undefined)
      throw new ValidationError(
        { item: 'Punktet er ikke en del af forløbet.' },
        'Punktet er ikke en del af forløbet.',
      );
    await actions.unlink(itemId);
    const rest = thread.items.find((i) => i.itemId !== itemId);
    return {
      anchor: rest?.itemId ?? null,
      message: `Punkt ${item.number}. ${item.title} er taget ud af forløbet.`,
    };
  }),
);

threadPages.post('/threads/:id/link', (c) =>
  act(c, async (thread, actions, values) => {
    const itemId = itemIdFrom(values.item ?? '');
    if (itemId === null)
      throw new ValidationError(
        { items: 'Skriv punktets nummer, fx 123, eller adressen, fx /items/123.' },
        'Punktet kunne ikke findes ud fra det, du skrev.',
      );
    if (thread.items.some((i) => i.itemId === itemId))
      throw new ValidationError(
        { items: 'Punktet er allerede med i forløbet.' },
        'Punktet er allerede med i forløbet.',
      );
    await actions.link([...thread.items.map((i) => i.itemId), itemId]);
    return { anchor: firstItem(thread), message: 'Punktet er føjet til sagsforløbet.' };
  }),
);
