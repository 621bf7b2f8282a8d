/**
 * The implementation plan as a timeline: one column per half-year slot of the agreement's years
 * (primo, 1. halvår, 2. halvår, ultimo), one row per initiative.
 */
import {
  PLAN_PERIOD_LABEL,
  PLAN_PERIODS,
  type AgreementPlan,
  type PlanActivity,
  type PlanPeriod,
} from './types.ts';

export interface Slot {
  year: number;
  period: PlanPeriod;
  /** "2021-h1": stable, sortable within a year by PLAN_PERIODS order */
  key: string;
  label: string;
}

export const slotKey = (year: number, period: PlanPeriod) => `${year}-${period}`;

/** Every slot of the years from `start` to `end`, in time order. */
export function slotsOf(start: number, end: number): Slot[] {
  const slots: Slot[] = [];
  for (let year = start; year <= end; year++)
    for (const period of PLAN_PERIODS)
      slots.push({
        year,
        period,
        key: slotKey(year, period),
        label: `${PLAN_PERIOD_LABEL[period]} ${year}`,
      });
  return slots;
}

/** Orders activities by year, then primo → 1. halvår → 2. halvår → ultimo, then title. */
export function compareActivities(a: PlanActivity, b: PlanActivity): number {
  return (
    a.year - b.year ||
    PLAN_PERIODS.indexOf(a.period) - PLAN_PERIODS.indexOf(b.period) ||
    a.title.localeCompare(b.title, 'da')
  );
}

/**
 * The last day of a slot, when an activity planned for it should be done. Primo is read as the
 * first quarter and ultimo as the last, so primo ends 31 March and ultimo with the year.
 */
export function slotEnd(year: number, period: PlanPeriod): string {
  const monthDay: Record<PlanPeriod, string> = {
    early: '03-31',
    h1: '06-30',
    h2: '12-31',
    late: '12-31',
  };
  return `${year}-${monthDay[period]}`;
}

/** The first day of a slot (ultimo begins 1 October). */
export function slotStart(year: number, period: PlanPeriod): string {
  const monthDay: Record<PlanPeriod, string> = {
    early: '01-01',
    h1: '01-01',
    h2: '07-01',
    late: '10-01',
  };
  return `${year}-${monthDay[period]}`;
}

export interface TimelineRow {
  focusAreaNumber: number;
  initiativeId: number;
  code: string;
  title: string;
  /** activities per slot key */
  cells: Map<string, PlanActivity[]>;
}

export interface Timeline {
  slots: Slot[];
  rows: TimelineRow[];
}

export function buildTimeline(plan: AgreementPlan): Timeline {
  const slots = slotsOf(plan.agreement.periodStart, plan.agreement.periodEnd);
  const rows = plan.focusAreas.flatMap((fa) =>
    fa.initiatives.map((ini) => {
      const cells = new Map<string, PlanActivity[]>();
      for (const a of [...ini.activities].sort(compareActivities)) {
        const key = slotKey(a.year, a.period);
        cells.set(key, [...(cells.get(key) ?? []), a]);
      }
      return {
        focusAreaNumber: fa.number,
        initiativeId: ini.id,
        code: ini.code,
        title: ini.title,
        cells,
      };
    }),
  );
  return { slots, rows };
}
