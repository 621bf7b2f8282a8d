/**
 * The agreement and its implementation plan: the secretariat keeps the focus areas, initiatives
 * and half-year activities with their status and the groups and meeting items that carry them;
 * members read the timeline and the status. Linked items are shown only as far as the reader may
 * see them: a closed item's title never reaches someone outside its committee.
 */
import { ForbiddenError, ValidationError } from '../domain/errors.ts';
import {
  canSeeAccess,
  canSeeMeeting,
  isSecretariat,
  type Viewer,
} from '../domain/meetings/index.ts';
import {
  checkActivityYear,
  checkAgreementPeriod,
  normaliseInitiativeCode,
  planStatus,
  type AgreementPlan,
  type PlanStatus,
} from '../domain/plan/index.ts';
import type { Db } from '../db/client.ts';
import { committeeRepository } from '../db/repositories/committee.repository.ts';
import {
  planRepository,
  type ActivityFields,
  type AgreementFields,
  type FocusAreaFields,
  type InitiativeFields,
  type PlanItemRef,
} from '../db/repositories/plan.repository.ts';
import { today, type Clock } from './clock.ts';
import { requireEditor } from './meeting.service.ts';

/** A linked item as one reader may see it. */
export interface VisibleItemRef {
  id: number;
  meetingId: number;
  meetingDate: string;
  committeeShortName: string;
  number: number;
  /** null when the reader may not see the title (closed item outside their committee, personal
   * item that does not name them) */
  title: string | null;
}

export interface PlanView {
  plan: AgreementPlan;
  status: PlanStatus;
  today: string;
  /** linked items the reader may know of, by item id */
  items: Map<number, VisibleItemRef>;
  /** committee short names by id, for the groups that carry initiatives and activities */
  committees: Map<number, string>;
}

/** The plan is internal to the partnership: the secretariat and the members read it. */
export function requirePlanReader(viewer: Viewer): void {
  if (!isSecretariat(viewer) && viewer.role !== 'member')
    throw new ForbiddenError(
      'Aftalens plan kan kun ses af sekretariatet og medlemmerne. Log ind med din bruger.',
    );
}

/** What of a linked item the viewer may see; nothing when its meeting is not published to them. */
export function visibleItem(viewer: Viewer, ref: PlanItemRef): VisibleItemRef | null {
  if (!canSeeMeeting(viewer, ref)) return null;
  return {
    id: ref.id,
    meetingId: ref.meetingId,
    meetingDate: ref.meetingDate,
    committeeShortName: ref.committeeShortName,
    number: ref.number,
    title: canSeeAccess(viewer, ref.committeeId, ref.access, ref.viewerIds) ? ref.title : null,
  };
}

export function planService(db: Db, clock: Clock) {
  const repo = planRepository(db);

  async function checkCommittee(committeeId: number | null, field = 'committeeId') {
    if (committeeId === null) return;
    const found = (await committeeRepository(db).list()).some((c) => c.id === committeeId);
    if (!found)
      throw new ValidationError({ [field]: 'Vælg en gruppe eller et udvalg fra listen.' });
  }

  async function checkItem(itemId: number | null) {
    if (itemId === null) return;
    if ((await repo.itemRefs([itemId])).length === 0)
      throw new ValidationError({ itemId: 'Vælg et dagsordenspunkt fra listen.' });
  }

  async function checkPeriod(
    r: ReturnType<typeof planRepository>,
    agreementId: number | null,
    f: AgreementFields,
  ) {
    const errors = checkAgreementPeriod(f.periodStart, f.periodEnd);
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    if (agreementId === null) return;
    const outside = await r.activitiesOutside(agreementId, f.periodStart, f.periodEnd);
    const first = outside[0];
    if (first !== undefined)
      throw new ValidationError({
        periodEnd: `${outside.length} aktivitet(er) ligger uden for den nye periode, fx "${first.title}" i ${first.year}. Flyt eller slet dem først.`,
      });
  }

  async function checkInitiative(
    focusAreaId: number,
    exceptId: number | null,
    f: InitiativeFields,
  ) {
    const area = await repo.focusArea(focusAreaId);
    const code = normaliseInitiativeCode(f.code, area.number);
    if ('error' in code) throw new ValidationError({ code: code.error });
    const existing = await repo.initiativeByCode(focusAreaId, code.code);
    if (existing !== null && existing.id !== exceptId)
      throw new ValidationError({ code: `Fokusområdet har allerede et initiativ ${code.code}.` });
    await checkCommittee(f.committeeId);
    return { ...f, code: code.code };
  }

  async function checkActivity(agreementId: number, f: ActivityFields) {
    const errors = checkActivityYear(await repo.agreement(agreementId), f.year);
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    await checkCommittee(f.committeeId);
    await checkItem(f.itemId);
  }

  async function checkFocusAreaNumber(agreementId: number, exceptId: number | null, n: number) {
    const existing = await repo.focusAreaByNumber(agreementId, n);
    if (existing !== null && existing.id !== exceptId)
      throw new ValidationError({ number: `Aftalen har allerede et fokusområde ${n}.` });
  }

  return {
    async list(viewer: Viewer) {
      requirePlanReader(viewer);
      return repo.listAgreements();
    },

    async view(viewer: Viewer, id: number): Promise<PlanView> {
      requirePlanReader(viewer);
      const plan = await repo.plan(id);
      const now = today(clock);
      const activities = plan.focusAreas.flatMap((f) => f.initiatives.flatMap((i) => i.activities));
      const itemIds = [
        ...new Set(activities.flatMap((a) => (a.itemId === null ? [] : [a.itemId]))),
      ];
      const items = new Map<number, VisibleItemRef>();
      for (const ref of await repo.itemRefs(itemIds)) {
        const v = visibleItem(viewer, ref);
        if (v !== null) items.set(v.id, v);
      }
      const committees = new Map(
        (await committeeRepository(db).list()).map((c) => [c.id, c.shortName] as const),
      );
      return { plan, status: planStatus(plan, now), today: now, items, committees };
    },

    agreement: (id: number) => repo.agreement(id),
    focusArea: (id: number) => repo.focusArea(id),
    initiative: (id: number) => repo.initiative(id),
    activity: (id: number) => repo.activity(id),
    committees: () => committeeRepository(db).list(),

    /** Items of the agreement's years for the secretariat's picker. */
    async itemChoices(viewer: Viewer, agreementId: number) {
      requireEditor(viewer);
      const a = await repo.agreement(agreementId);
      return repo.itemChoices(a.periodStart, a.periodEnd);
    },

    async createAgreement(viewer: Viewer, f: AgreementFields): Promise<number> {
      requireEditor(viewer);
      await checkPeriod(repo, null, f);
      return repo.createAgreement(f);
    },

    async updateAgreement(viewer: Viewer, id: number, version: number, f: AgreementFields) {
      requireEditor(viewer);
      // checked and saved in one transaction, so no activity slips outside the new period
      await db.transaction(async (tx) => {
        const r = planRepository(tx);
        await checkPeriod(r, id, f);
        await r.updateAgreement(id, version, f);
      });
    },

    async addFocusArea(viewer: Viewer, agreementId: number, f: FocusAreaFields): Promise<number> {
      requireEditor(viewer);
      await repo.agreement(agreementId);
      await checkFocusAreaNumber(agreementId, null, f.number);
      return repo.createFocusArea(agreementId, f);
    },

    async updateFocusArea(viewer: Viewer, id: number, version: number, f: FocusAreaFields) {
      requireEditor(viewer);
      const area = await repo.focusArea(id);
      await checkFocusAreaNumber(area.agreementId, id, f.number);
      if (f.number !== area.number) {
        // The codes of its initiatives carry the number (2A → 3A): renumber them with it.
        await db.transaction(async (tx) => {
          const r = planRepository(tx);
          await r.updateFocusArea(id, version, f);
          const plan = await r.plan(area.agreementId);
          for (const i of plan.focusAreas.find((x) => x.id === id)?.initiatives ?? [])
            await r.updateInitiative(i.id, i.version, {
              ...i,
              code: `${f.number}${i.code.replace(/^\d+/, '')}`,
            });
        });
        return;
      }
      await repo.updateFocusArea(id, version, f);
    },

    async addInitiative(viewer: Viewer, focusAreaId: number, f: InitiativeFields): Promise<number> {
      requireEditor(viewer);
      return repo.createInitiative(focusAreaId, await checkInitiative(focusAreaId, null, f));
    },

    async updateInitiative(viewer: Viewer, id: number, version: number, f: InitiativeFields) {
      requireEditor(viewer);
      const current = await repo.initiative(id);
      await repo.updateInitiative(id, version, await checkInitiative(current.focusAreaId, id, f));
    },

    async addActivity(viewer: Viewer, initiativeId: number, f: ActivityFields): Promise<number> {
      requireEditor(viewer);
      const ini = await repo.initiative(initiativeId);
      await checkActivity(ini.agreementId, f);
      return repo.createActivity(initiativeId, f);
    },

    async updateActivity(viewer: Viewer, id: number, version: number, f: ActivityFields) {
      requireEditor(viewer);
      const current = await repo.activity(id);
      await checkActivity(current.agreementId, f);
      await repo.updateActivity(id, version, f);
    },

    /** Deletes an activity, an initiative with its activities, or a focus area with all below. */
    async remove(
      viewer: Viewer,
      kind: 'activity' | 'initiative' | 'focus-area',
      id: number,
      version: number,
    ) {
      requireEditor(viewer);
      const table = (
        { activity: 'plan_activity', initiative: 'initiative', 'focus-area': 'focus_area' } as const
      )[kind];
      await repo.deleteRow(table, id, version);
    },
  };
}
export type PlanService = ReturnType<typeof planService>;
