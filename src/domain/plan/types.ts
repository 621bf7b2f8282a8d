/**
 * The agreement (rammeaftalen) for a period with its vision, focus areas (fokusområder),
 * initiatives (1A, 1B, …) and the activities planned per half-year of the implementation plan.
 */

/** When in a year an activity is planned: primo, 1. halvår, 2. halvår, ultimo. */
export const PLAN_PERIODS = ['early', 'h1', 'h2', 'late'] as const;
export type PlanPeriod = (typeof PLAN_PERIODS)[number];

export const PLAN_PERIOD_LABEL: Record<PlanPeriod, string> = {
  early: 'Primo',
  h1: '1. halvår',
  h2: '2. halvår',
  late: 'Ultimo',
};

export const ACTIVITY_STATUSES = [
  'planned',
  'in-progress',
  'done',
  'delayed',
  'cancelled',
] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const ACTIVITY_STATUS_LABEL: Record<ActivityStatus, string> = {
  planned: 'Planlagt',
  'in-progress': 'I gang',
  done: 'Gennemført',
  delayed: 'Forsinket',
  cancelled: 'Aflyst',
};

export interface Agreement {
  id: number;
  name: string;
  /** first and last calendar year the agreement covers, e.g. 2021 and 2022 */
  periodStart: number;
  periodEnd: number;
  vision: string;
  version: number;
}

export interface FocusArea {
  id: number;
  agreementId: number;
  number: number;
  title: string;
  description: string;
  version: number;
}

export interface Initiative {
  id: number;
  focusAreaId: number;
  /** "1A": the focus area's number and a letter */
  code: string;
  title: string;
  description: string;
  /** the group or committee that carries the initiative */
  committeeId: number | null;
  version: number;
}

export interface PlanActivity {
  id: number;
  initiativeId: number;
  year: number;
  period: PlanPeriod;
  title: string;
  status: ActivityStatus;
  committeeId: number | null;
  itemId: number | null;
  note: string;
  version: number;
}

/** The agreement with everything under it, in plan order. */
export interface AgreementPlan {
  agreement: Agreement;
  focusAreas: (FocusArea & {
    initiatives: (Initiative & { activities: PlanActivity[] })[];
  })[];
}
