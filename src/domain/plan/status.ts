/**
 * The plan's status at a glance: per focus area and initiative, how many activities are done,
 * running, planned, delayed or overdue (planned or running, but their slot has ended), and what
 * is due in the slot we are in. `today` is passed in: the domain has no clock.
 */
import { compareActivities, slotEnd, slotStart } from './timeline.ts';
import type { ActivityStatus, AgreementPlan, PlanActivity } from './types.ts';

export type Health = 'done' | 'attention' | 'on-track' | 'not-started' | 'empty';

export const HEALTH_LABEL: Record<Health, string> = {
  done: 'Gennemført',
  attention: 'Kræver opmærksomhed',
  'on-track': 'Som planlagt',
  'not-started': 'Ikke begyndt',
  empty: 'Ingen aktiviteter',
};

export interface StatusCounts {
  total: number;
  byStatus: Record<ActivityStatus, number>;
  /** planned or in progress after the slot's last day */
  overdue: number;
}

/** Whether an activity should have been finished by `today` (ISO date) and is not. */
export function isOverdue(a: PlanActivity, today: string): boolean {
  return (
    (a.status === 'planned' || a.status === 'in-progress') && slotEnd(a.year, a.period) < today
  );
}

/** Whether `today` falls inside the activity's slot. */
export function isCurrent(a: Pick<PlanActivity, 'year' | 'period'>, today: string): boolean {
  return slotStart(a.year, a.period) <= today && today <= slotEnd(a.year, a.period);
}

export function countActivities(activities: readonly PlanActivity[], today: string): StatusCounts {
  const byStatus: Record<ActivityStatus, number> = {
    planned: 0,
    'in-progress': 0,
    done: 0,
    delayed: 0,
    cancelled: 0,
  };
  let overdue = 0;
  for (const a of activities) {
    byStatus[a.status] += 1;
    if (isOverdue(a, today)) overdue += 1;
  }
  return { total: activities.length, byStatus, overdue };
}

/**
 * One word for a set of activities: attention when anything is delayed or overdue; done when
 * everything not cancelled is done; not started when nothing has begun; otherwise on track.
 */
export function healthOf(c: StatusCounts): Health {
  const live = c.total - c.byStatus.cancelled;
  if (c.total === 0 || live === 0) return c.total === 0 ? 'empty' : 'done';
  if (c.byStatus.delayed > 0 || c.overdue > 0) return 'attention';
  if (c.byStatus.done === live) return 'done';
  if (c.byStatus.done === 0 && c.byStatus['in-progress'] === 0) return 'not-started';
  return 'on-track';
}

export interface InitiativeStatus {
  initiativeId: number;
  code: string;
  title: string;
  counts: StatusCounts;
  health: Health;
}

export interface FocusAreaStatus {
  focusAreaId: number;
  number: number;
  title: string;
  counts: StatusCounts;
  health: Health;
  initiatives: InitiativeStatus[];
}

export interface PlanStatus {
  counts: StatusCounts;
  health: Health;
  focusAreas: FocusAreaStatus[];
  /** delayed or overdue, oldest first: what DAS should hear about */
  needsAttention: PlanActivity[];
  /** planned or running in the slot that contains today */
  dueNow: PlanActivity[];
}

export function planStatus(plan: AgreementPlan, today: string): PlanStatus {
  const all: PlanActivity[] = [];
  const focusAreas = plan.focusAreas.map((fa) => {
    const initiatives = fa.initiatives.map((ini) => {
      all.push(...ini.activities);
      const counts = countActivities(ini.activities, today);
      return {
        initiativeId: ini.id,
        code: ini.code,
        title: ini.title,
        counts,
        health: healthOf(counts),
      };
    });
    const counts = countActivities(
      fa.initiatives.flatMap((i) => i.activities),
      today,
    );
    return {
      focusAreaId: fa.id,
      number: fa.number,
      title: fa.title,
      counts,
      health: healthOf(counts),
      initiatives,
    };
  });
  const counts = countActivities(all, today);
  return {
    counts,
    health: healthOf(counts),
    focusAreas,
    needsAttention: all
      .filter((a) => a.status === 'delayed' || isOverdue(a, today))
      .sort(compareActivities),
    dueNow: all
      .filter((a) => (a.status === 'planned' || a.status === 'in-progress') && isCurrent(a, today))
      .sort(compareActivities),
  };
}

/** The share done of the activities not cancelled, as a whole percentage (0 when none). */
export function percentDone(c: StatusCounts): number {
  const live = c.total - c.byStatus.cancelled;
  return live === 0 ? 0 : Math.round((100 * c.byStatus.done) / live);
}
