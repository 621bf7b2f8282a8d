/**
 * The agreement's plan as DAS reads it: the status at a glance (what needs attention, what is due
 * now, each focus area and initiative with its share done) and the timeline over half-years.
 */
import { formatDanishDate } from '../../domain/meetings/index.ts';
import {
  ACTIVITY_STATUS_LABEL,
  buildTimeline,
  HEALTH_LABEL,
  isCurrent,
  isOverdue,
  PLAN_PERIOD_LABEL,
  percentDone,
  type ActivityStatus,
  type Health,
  type PlanActivity,
  type StatusCounts,
} from '../../domain/plan/index.ts';
import type { PlanView } from '../../services/plan.service.ts';

const HEALTH_BADGE: Record<Health, string> = {
  done: 'badge-success',
  attention: 'badge-error',
  'on-track': 'badge-info',
  'not-started': 'badge-warning',
  empty: '',
};

export function HealthBadge({ health }: { health: Health }) {
  return <span class={`badge ${HEALTH_BADGE[health]}`}>{HEALTH_LABEL[health]}</span>;
}

const STATUS_BADGE: Record<ActivityStatus, string> = {
  done: 'badge-success',
  'in-progress': 'badge-info',
  planned: '',
  delayed: 'badge-error',
  cancelled: 'badge-warning',
};

export function ActivityStatusBadge({ status }: { status: ActivityStatus }) {
  return <span class={`badge ${STATUS_BADGE[status]}`}>{ACTIVITY_STATUS_LABEL[status]}</span>;
}

/** "5 gennemført · 3 i gang · 2 planlagt · 1 forsinket", the zero counts left out. */
export function countsText(c: StatusCounts): string {
  const order: ActivityStatus[] = ['done', 'in-progress', 'planned', 'delayed', 'cancelled'];
  const parts = order
    .filter((s) => c.byStatus[s] > 0)
    .map((s) => `${c.byStatus[s]} ${ACTIVITY_STATUS_LABEL[s].toLowerCase()}`);
  if (c.overdue > 0) parts.push(`${c.overdue} over tid`);
  return parts.length === 0 ? 'Ingen aktiviteter' : parts.join(' · ');
}

/** The share done as a native progress bar (no inline style: the CSP forbids it). */
function Progress({ counts }: { counts: StatusCounts }) {
  const pct = percentDone(counts);
  return (
    <span class="plan-progress">
      <progress value={pct} max={100} aria-label={`${pct} % gennemført`} /> {pct} %
    </span>
  );
}

/** A linked meeting item as far as this reader may see it. */
function ItemLink({ view, itemId }: { view: PlanView; itemId: number | null }) {
  if (itemId === null) return null;
  const ref = view.items.get(itemId);
  if (ref === undefined) return null;
  return (
    <a href={`/items/${ref.id}`} class="plan-item-link">
      {ref.committeeShortName} {formatDanishDate(ref.meetingDate)}, punkt {ref.number}
      {ref.title === null ? ' (lukket punkt)' : `: ${ref.title}`}
    </a>
  );
}

function activityState(a: PlanActivity, today: string): string {
  return isOverdue(a, today) ? 'overdue' : a.status;
}

/** One activity as a small card: title, status, the group and item that carry it. */
function ActivityCard({ view, a, slot }: { view: PlanView; a: PlanActivity; slot?: boolean }) {
  const state = activityState(a, view.today);
  return (
    <div class={`plan-activity plan-activity--${state}`} data-activity={a.title}>
      <strong>{a.title}</strong>
      <span class="plan-activity-status">
        {ACTIVITY_STATUS_LABEL[a.status]}
        {state === 'overdue' ? ', over tid' : ''}
        {slot ? ` · ${PLAN_PERIOD_LABEL[a.period]} ${a.year}` : ''}
        {a.committeeId !== null ? ` · ${view.committees.get(a.committeeId) ?? ''}` : ''}
      </span>
      <ItemLink view={view} itemId={a.itemId} />
      {a.note ? <span class="plan-activity-note">{a.note}</span> : null}
    </div>
  );
}

export function StatusView({ view }: { view: PlanView }) {
  const { status } = view;
  const codeOf = new Map(
    view.plan.focusAreas.flatMap((f) => f.initiatives.map((i) => [i.id, i.code] as const)),
  );
  return (
    <>
      <p class="font-lead">
        <HealthBadge health={status.health} /> {status.counts.total} aktiviteter,{' '}
        {percentDone(status.counts)} % gennemført: {countsText(status.counts)}.
      </p>
      <div class="plan-columns">
        <section>
          <h2>Kræver opmærksomhed</h2>
          {status.needsAttention.length === 0 ? (
            <p>Ingen aktiviteter er forsinkede eller over tid.</p>
          ) : (
            status.needsAttention.map((a) => (
              <div class="plan-listed">
                <span class="plan-code">{codeOf.get(a.initiativeId)}</span>
                <ActivityCard view={view} a={a} slot />
              </div>
            ))
          )}
        </section>
        <section>
          <h2>Nu ({formatDanishDate(view.today)})</h2>
          {status.dueNow.length === 0 ? (
            <p>Ingen planlagte aktiviteter i denne periode.</p>
          ) : (
            status.dueNow.map((a) => (
              <div class="plan-listed">
                <span class="plan-code">{codeOf.get(a.initiativeId)}</span>
                <ActivityCard view={view} a={a} slot />
              </div>
            ))
          )}
        </section>
      </div>
      <h2>Fokusområder og initiativer</h2>
      <table class="table table--compact plan-status-table">
        <thead>
          <tr>
            <th scope="col">Initiativ</th>
            <th scope="col">Forankret i</th>
            <th scope="col">Status</th>
            <th scope="col">Gennemført</th>
            <th scope="col">Aktiviteter</th>
          </tr>
        </thead>
        {view.plan.focusAreas.map((fa) => {
          const s = status.focusAreas.find((x) => x.focusAreaId === fa.id);
          return (
            <tbody>
              <tr class="plan-focus-row">
                <th scope="rowgroup" colspan={2}>
                  {fa.number}. {fa.title}
                </th>
                <td>{s ? <HealthBadge health={s.health} /> : null}</td>
                <td>{s ? <Progress counts={s.counts} /> : null}</td>
                <td>{s ? countsText(s.counts) : ''}</td>
              </tr>
              {fa.initiatives.map((ini) => {
                const is = s?.initiatives.find((x) => x.initiativeId === ini.id);
                return (
                  <tr data-initiative={ini.code}>
                    <th scope="row">
                      {ini.code} {ini.title}
                    </th>
                    <td>{ini.committeeId !== null ? view.committees.get(ini.committeeId) : ''}</td>
                    <td>{is ? <HealthBadge health={is.health} /> : null}</td>
                    <td>{is ? <Progress counts={is.counts} /> : null}</td>
                    <td>{is ? countsText(is.counts) : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          );
        })}
      </table>
    </>
  );
}

export function TimelineView({ view }: { view: PlanView }) {
  const timeline = buildTimeline(view.plan);
  const years = [...new Set(timeline.slots.map((s) => s.year))];
  const current = (year: number, period: PlanActivity['period']) =>
    isCurrent({ year, period }, view.today);
  return (
    <div class="plan-timeline-wrap">
      <table class="table table--compact plan-timeline">
        <thead>
          <tr>
            <th scope="col" rowspan={2}>
              Initiativ
            </th>
            {years.map((y) => (
              <th scope="colgroup" colspan={4} class="plan-year">
                {y}
              </th>
            ))}
          </tr>
          <tr>
            {timeline.slots.map((s) => (
              <th scope="col" class={current(s.year, s.period) ? 'plan-now' : ''}>
                {PLAN_PERIOD_LABEL[s.period]}
              </th>
            ))}
          </tr>
        </thead>
        {view.plan.focusAreas.map((fa) => (
          <tbody>
            <tr class="plan-focus-row">
              <th scope="rowgroup" colspan={timeline.slots.length + 1}>
                {fa.number}. {fa.title}
              </th>
            </tr>
            {timeline.rows
              .filter((r) => r.focusAreaNumber === fa.number)
              .map((r) => (
                <tr data-initiative={r.code}>
                  <th scope="row">
                    {r.code} {r.title}
                  </th>
                  {timeline.slots.map((s) => (
                    <td class={current(s.year, s.period) ? 'plan-now' : ''} data-slot={s.key}>
                      {(r.cells.get(s.key) ?? []).map((a) => (
                        <ActivityCard view={view} a={a} />
                      ))}
                    </td>
                  ))}
                </tr>
              ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
