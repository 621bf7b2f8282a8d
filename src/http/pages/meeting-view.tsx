/** The meeting page: data, attendance, table of contents and every item the viewer may see. */
import {
  ACCESS_LABEL,
  availableActions,
  formatDanishDate,
  formatTime,
  OUTCOME_LABEL,
  SECTION_LABEL,
  SECTIONS,
  STAGE_LABEL,
  STATUS_LABEL,
  type DocumentItem,
  type MeetingDocument,
  type StageAction,
} from '../../domain/meetings/index.ts';
import type { FollowUpRow } from '../../db/repositories/follow-up.repository.ts';
import { CaseDescription } from './case-description.tsx';
import { ActionButton, Csrf } from './components.tsx';

export const ACTION_LABEL: Record<Exclude<StageAction, 'approve-minutes'>, string> = {
  'publish-agenda': 'Udsend dagsorden',
  'start-minutes': 'Start referat',
  'publish-minutes': 'Udsend referat',
};

export function meetingTitle(doc: Pick<MeetingDocument, 'committee' | 'meeting'>): string {
  return `${doc.committee.shortName} · møde ${formatDanishDate(doc.meeting.date)}`;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

function ItemView({
  item,
  editable,
  csrf,
  locked,
  last,
}: {
  item: DocumentItem;
  editable: boolean;
  csrf: string;
  locked: boolean;
  /** the highest item number: it cannot move further down */
  last: number;
}) {
  return (
    <article class="agenda-item" id={`punkt-${item.number}`}>
      <h3>
        <span class="item-number">Punkt {item.number}.</span>{' '}
        {item.hidden ? item.title : <a href={`/items/${item.id}`}>{item.title}</a>}
        {item.access !== 'open' && !item.hidden ? (
          <span class="badge badge-warning ml-3">
            {item.access === 'personal' ? 'Personoplysninger' : 'Lukket punkt'}
          </span>
        ) : null}
      </h3>
      {item.hidden ? (
        <p class="muted">Punktet er lukket og vises ikke offentligt.</p>
      ) : (
        <>
          {item.presenter ? <p class="muted">Oplæg ved: {item.presenter}</p> : null}
          {item.guests.length > 0 ? (
            <p class="muted">Gæster under punktet: {item.guests.join(', ')}</p>
          ) : null}
          {item.summary ? (
            <>
              <h4>Resumé</h4>
              <p>{item.summary}</p>
            </>
          ) : null}
          {item.recommendations.length > 0 ? (
            <>
              <h4>Indstilling</h4>
              <p>Det indstilles, at</p>
              <ul>
                {item.recommendations.map((r) => (
                  <li>{r}</li>
                ))}
              </ul>
            </>
          ) : null}
          {item.caseDescription ? (
            <>
              <h4>Sagsbeskrivelse</h4>
              <CaseDescription markup={item.caseDescription} />
            </>
          ) : null}
          {item.attachments.length > 0 ? (
            <>
              <h4>Bilag</h4>
              <ul class="attachment-list">
                {item.attachments.map((a) => (
                  <li>
                    <a href={`/attachments/${a.id}`}>
                      {a.label}: {a.title}
                    </a>{' '}
                    <span class="muted">
                      ({formatSize(a.size)}
                      {a.access === 'open' ? '' : `, ${ACCESS_LABEL[a.access].toLowerCase()}`})
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {item.decision !== null && (item.decision !== '' || item.outcome !== null) ? (
            <div class="decision">
              <h4>Beslutning{item.outcome ? `: ${OUTCOME_LABEL[item.outcome]}` : ''}</h4>
              {item.decision.split(/\n{2,}/).map((p) => (
                <p>{p}</p>
              ))}
              {item.postMeetingNote ? (
                <p>
                  <strong>Bemærkning efter mødet:</strong> {item.postMeetingNote}
                </p>
              ) : null}
              {item.corrections.map((c) => (
                <p class="correction">
                  Rettet efter godkendelse ({formatDanishDate(c.createdAt.slice(0, 10))}):{' '}
                  {c.reason}
                </p>
              ))}
            </div>
          ) : null}
          {editable && !locked ? (
            <div class="item-actions">
              <a class="button button-tertiary" href={`/items/${item.id}/edit`}>
                Redigér punkt
              </a>
              {item.number > 1 ? (
                <ActionButton
                  action={`/items/${item.id}/move`}
                  label="Flyt op"
                  csrf={csrf}
                  kind="tertiary"
                  fields={{ direction: 'up' }}
                />
              ) : null}
              {item.number < last ? (
                <ActionButton
                  action={`/items/${item.id}/move`}
                  label="Flyt ned"
                  csrf={csrf}
                  kind="tertiary"
                  fields={{ direction: 'down' }}
                />
              ) : null}
            </div>
          ) : null}
        </>
      )}
    </article>
  );
}

export function MeetingView(p: {
  doc: MeetingDocument;
  editable: boolean;
  csrf: string;
  dueFollowUps: FollowUpRow[];
  attendanceIds: { id: number; name: string; kind: string }[];
}) {
  const { doc, editable, csrf } = p;
  const m = doc.meeting;
  const locked = m.stage === 'minutes-approved';
  // The minutes PDF exists once decisions are being recorded (for the secretariat) or published.
  const minutesVisible =
    m.stage === 'minutes-published' ||
    m.stage === 'minutes-approved' ||
    (editable && m.stage === 'minutes-draft');
  const actions = editable
    ? (availableActions(m) as Exclude<StageAction, 'approve-minutes'>[])
    : [];
  return (
    <>
      <h1>{meetingTitle(doc)}</h1>
      <p class="font-lead">{doc.committee.name}</p>
      <dl class="meeting-facts">
        <dt>Tid</dt>
        <dd>
          {formatDanishDate(m.date, true)}
          {m.startTime
            ? `, kl. ${formatTime(m.startTime)}${m.endTime ? `-${formatTime(m.endTime)}` : ''}`
            : ''}
        </dd>
        {m.place ? (
          <>
            <dt>Sted</dt>
            <dd>{m.place}</dd>
          </>
        ) : null}
        <dt>Status</dt>
        <dd>
          <span class={`badge ${m.status === 'cancelled' ? 'badge-warning' : 'badge-info'}`}>
            {STATUS_LABEL[m.status]}
          </span>{' '}
          <span class={`badge ${m.stage === 'minutes-approved' ? 'badge-success' : 'badge-info'}`}>
            {STAGE_LABEL[m.stage]}
          </span>
        </dd>
        {m.status === 'cancelled' && m.cancelReason ? (
          <>
            <dt>Aflyst</dt>
            <dd>{m.cancelReason}</dd>
          </>
        ) : null}
      </dl>
      <div class="button-row">
        <a class="button button-secondary" href={`/meetings/${m.id}/agenda.pdf`}>
          Dagsorden som PDF
        </a>
        {minutesVisible ? (
          <a class="button button-secondary" href={`/meetings/${m.id}/minutes.pdf`}>
            Referat som PDF
          </a>
        ) : null}
      </div>
      {editable ? (
        <div class="secretariat-panel">
          <h2 class="h4">Sekretariatet</h2>
          <div class="button-row">
            {actions.map((a) => (
              <ActionButton
                action={`/meetings/${m.id}/actions/${a}`}
                label={ACTION_LABEL[a]}
                csrf={csrf}
                version={m.version}
                kind="primary"
              />
            ))}
            {!locked ? (
              <>
                <a class="button button-secondary" href={`/meetings/${m.id}/items/new`}>
                  Tilføj punkt
                </a>
                <a class="button button-secondary" href={`/meetings/${m.id}/edit`}>
                  Redigér mødet
                </a>
              </>
            ) : null}
            {m.stage === 'minutes-draft' ||
            m.stage === 'minutes-published' ||
            (m.status === 'cancelled' && !locked) ? (
              <a class="button button-secondary" href={`/meetings/${m.id}/minutes`}>
                {m.status === 'cancelled' ? 'Beslutninger ved skriftlig høring' : 'Skriv referat'}
              </a>
            ) : null}
          </div>
          {p.dueFollowUps.length > 0 &&
          (m.stage === 'agenda-draft' || m.stage === 'agenda-published') ? (
            <div class="alert alert-info">
              <div class="alert-body">
                <p class="alert-heading">Opfølgninger med frist til dette møde</p>
                <ul>
                  {p.dueFollowUps.map((f) => (
                    <li>
                      {f.what} ({f.ownerOrganisation ?? f.ownerPerson}
                      {f.meetingDate ? `; besluttet ${formatDanishDate(f.meetingDate)}` : ''})
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          ) : null}
        </div>
      ) : null}

      <section class="attendance">
        <h2 class="h3">Deltagere</h2>
        <AttendanceList label="Deltagere" people={doc.participants} />
        <AttendanceList label="Afbud" people={doc.apologies} />
        <AttendanceList label="Gæster" people={doc.guests} />
        {editable && !locked ? (
          <details class="attendance-form">
            <summary>Registrér fremmøde, afbud eller gæst</summary>
            <form method="post" action={`/meetings/${m.id}/attendance`} class="stack">
              <Csrf token={csrf} />
              <label class="form-label" for="att-kind">
                Type
              </label>
              <select class="form-select" id="att-kind" name="kind">
                <option value="participant">Deltager</option>
                <option value="apology">Afbud</option>
                <option value="guest">Gæst</option>
              </select>
              <label class="form-label" for="att-name">
                Navn
              </label>
              <input class="form-input" id="att-name" name="name" />
              <label class="form-label" for="att-org">
                Organisation
              </label>
              <input class="form-input" id="att-org" name="organisation" />
              <label class="form-label" for="att-item">
                Kun under punkt (for gæster)
              </label>
              <select class="form-select" id="att-item" name="itemId">
                <option value="">Hele mødet</option>
                {doc.items.map((i) => (
                  <option value={String(i.id)}>
                    Punkt {i.number}. {i.title}
                  </option>
                ))}
              </select>
              <button class="button button-secondary" type="submit">
                Tilføj
              </button>
            </form>
            {p.attendanceIds.length > 0 ? (
              <ul class="nobullet-list">
                {p.attendanceIds.map((a) => (
                  <li>
                    <ActionButton
                      action={`/meetings/${m.id}/attendance/${a.id}/delete`}
                      label={`Fjern ${a.name}`}
                      csrf={csrf}
                      kind="tertiary"
                    />
                  </li>
                ))}
              </ul>
            ) : null}
          </details>
        ) : null}
      </section>

      <nav class="agenda-toc" aria-label="Dagsordenens punkter">
        <h2 class="h3">Dagsorden</h2>
        {SECTIONS.filter((s) => doc.items.some((i) => i.section === s)).map((s) => (
          <>
            <h3 class="h5">{SECTION_LABEL[s]}</h3>
            <ol class="toc-list">
              {doc.items
                .filter((i) => i.section === s)
                .map((i) => (
                  <li value={i.number}>
                    <a href={`#punkt-${i.number}`}>{i.title}</a>
                    {i.access !== 'open' && !i.hidden ? (
                      <span class="muted"> ({ACCESS_LABEL[i.access].toLowerCase()})</span>
                    ) : null}
                  </li>
                ))}
            </ol>
          </>
        ))}
      </nav>

      {SECTIONS.filter((s) => doc.items.some((i) => i.section === s)).map((s) => (
        <section class="agenda-section">
          <h2 class="h3 section-heading">{SECTION_LABEL[s]}</h2>
          {doc.items
            .filter((i) => i.section === s)
            .map((i) => (
              <ItemView
                item={i}
                editable={editable}
                csrf={csrf}
                locked={locked}
                last={doc.items.length}
              />
            ))}
        </section>
      ))}
    </>
  );
}

function AttendanceList({
  label,
  people,
}: {
  label: string;
  people: { name: string; organisation: string }[];
}) {
  if (people.length === 0) return null;
  return (
    <p>
      <strong>{label}:</strong>{' '}
      {people.map((x) => (x.organisation ? `${x.name} (${x.organisation})` : x.name)).join(', ')}
    </p>
  );
}
