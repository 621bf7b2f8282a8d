/**
 * The agreement, its focus areas, initiatives and planned activities. Every update names the
 * version it was read at; a stale version is a conflict (409), an unknown id a 404.
 */
import type {
  ActivityStatus,
  Agreement,
  AgreementPlan,
  FocusArea,
  Initiative,
  PlanActivity,
  PlanPeriod,
} from '../../domain/plan/index.ts';
import type { Access, Stage } from '../../domain/meetings/index.ts';
import type { Db } from '../client.ts';
import { namedUserIdsSql } from './access-sql.ts';
import { one, updatedIn } from './rows.ts';

export type AgreementFields = Omit<Agreement, 'id' | 'version'>;
export type FocusAreaFields = Pick<FocusArea, 'number' | 'title' | 'description'>;
export type InitiativeFields = Pick<Initiative, 'code' | 'title' | 'description' | 'committeeId'>;
export type ActivityFields = Pick<
  PlanActivity,
  'year' | 'period' | 'title' | 'status' | 'committeeId' | 'itemId' | 'note'
>;

/** A meeting item an activity can point to, with what is needed to decide who may see it. */
export interface PlanItemRef {
  id: number;
  number: number;
  title: string;
  access: Access;
  /** the users named on a personal item (empty otherwise) */
  viewerIds: number[];
  meetingId: number;
  meetingDate: string;
  stage: Stage;
  committeeId: number;
  committeeShortName: string;
}

const AGREEMENT = `id, name, period_start as "periodStart", period_end as "periodEnd", vision, version`;
const FOCUS_AREA = `id, agreement_id as "agreementId", number, title, description, version`;
// Column lists take the table alias so joins can name them unambiguously.
const initiativeColumns = (t: string) => `${t}.id, ${t}.focus_area_id as "focusAreaId", ${t}.code,
  ${t}.title, ${t}.description, ${t}.committee_id as "committeeId", ${t}.version`;
const activityColumns = (t: string) => `${t}.id, ${t}.initiative_id as "initiativeId", ${t}.year,
  ${t}.period, ${t}.title, ${t}.status, ${t}.committee_id as "committeeId", ${t}.item_id as "itemId",
  ${t}.note, ${t}.version`;
const INITIATIVE = initiativeColumns('initiative');
const ACTIVITY = activityColumns('plan_activity');
const ITEM_REF = `i.id, i.number, i.title, i.access, ${namedUserIdsSql('i.id')} as "viewerIds",
  m.id as "meetingId", m.date as "meetingDate",
  m.stage, c.id as "committeeId", c.short_name as "committeeShortName"`;

type ActivityRow = Omit<PlanActivity, 'period' | 'status'> & { period: string; status: string };
const toActivity = (r: ActivityRow): PlanActivity => ({
  ...r,
  period: r.period as PlanPeriod,
  status: r.status as ActivityStatus,
});

export function planRepository(db: Db) {
  return {
    listAgreements: () =>
      db.query<Agreement>(`select ${AGREEMENT} from agreement order by period_start desc, id desc`),

    async agreement(id: number): Promise<Agreement> {
      return one(
        await db.query<Agreement>(`select ${AGREEMENT} from agreement where id = $1`, [id]),
        'Aftalen',
      );
    },

    /** The agreement with its focus areas, initiatives and activities in plan order. */
    async plan(id: number): Promise<AgreementPlan> {
      const agreement = await this.agreement(id);
      const areas = await db.query<FocusArea>(
        `select ${FOCUS_AREA} from focus_area where agreement_id = $1 order by number`,
        [id],
      );
      const initiatives = await db.query<Initiative>(
        `select ${INITIATIVE} from initiative
          where focus_area_id in (select id from focus_area where agreement_id = $1)
          order by code`,
        [id],
      );
      const activities = (
        await db.query<ActivityRow>(
          `select ${ACTIVITY} from plan_activity
            where initiative_id in (select i.id from initiative i
              join focus_area f on f.id = i.focus_area_id where f.agreement_id = $1)
            order by year, array_position(array['early','h1','h2','late'], period), title`,
          [id],
        )
      ).map(toActivity);
      return {
        agreement,
        focusAreas: areas.map((fa) => ({
          ...fa,
          initiatives: initiatives
            .filter((i) => i.focusAreaId === fa.id)
            .map((i) => ({ ...i, activities: activities.filter((a) => a.initiativeId === i.id) })),
        })),
      };
    },

    async createAgreement(f: AgreementFields): Promise<number> {
      const [row] = await db.query<{ id: number }>(
        `insert into agreement (name, period_start, period_end, vision) values ($1, $2, $3, $4)
         returning id`,
        [f.name, f.periodStart, f.periodEnd, f.vision],
      );
      return one([row], 'Aftalen').id;
    },

    async updateAgreement(id: number, version: number, f: AgreementFields): Promise<void> {
      const rows = await db.query(
        `update agreement set name = $3, period_start = $4, period_end = $5, vision = $6,
           version = version + 1 where id = $1 and version = $2 returning id`,
        [id, version, f.name, f.periodStart, f.periodEnd, f.vision],
      );
      await updatedIn(db, 'agreement', id, rows, 'Aftalen');
    },

    /** Activities that would fall outside a new period, for a clear refusal. */
    activitiesOutside: (agreementId: number, start: number, end: number) =>
      db.query<{ title: string; year: number }>(
        `select a.title, a.year from plan_activity a
           join initiative i on i.id = a.initiative_id
           join focus_area f on f.id = i.focus_area_id
          where f.agreement_id = $1 and (a.year < $2 or a.year > $3) order by a.year, a.title`,
        [agreementId, start, end],
      ),

    async focusArea(id: number): Promise<FocusArea> {
      return one(
        await db.query<FocusArea>(`select ${FOCUS_AREA} from focus_area where id = $1`, [id]),
        'Fokusområdet',
      );
    },

    focusAreaByNumber: async (agreementId: number, number: number) =>
      (
        await db.query<FocusArea>(
          `select ${FOCUS_AREA} from focus_area where agreement_id = $1 and number = $2`,
          [agreementId, number],
        )
      )[0] ?? null,

    async createFocusArea(agreementId: number, f: FocusAreaFields): Promise<number> {
      const [row] = await db.query<{ id: number }>(
        `insert into focus_area (agreement_id, number, title, description) values ($1, $2, $3, $4)
         returning id`,
        [agreementId, f.number, f.title, f.description],
      );
      return one([row], 'Fokusområdet').id;
    },

    async updateFocusArea(id: number, version: number, f: FocusAreaFields): Promise<void> {
      const rows = await db.query(
        `update focus_area set number = $3, title = $4, description = $5, version = version + 1
          where id = $1 and version = $2 returning id`,
        [id, version, f.number, f.title, f.description],
      );
      await updatedIn(db, 'focus_area', id, rows, 'Fokusområdet');
    },

    async initiative(
      id: number,
    ): Promise<Initiative & { agreementId: number; focusAreaNumber: number }> {
      return one(
        await db.query<Initiative & { agreementId: number; focusAreaNumber: number }>(
          `select ${initiativeColumns('i')},
                  f.agreement_id as "agreementId", f.number as "focusAreaNumber"
             from initiative i join focus_area f on f.id = i.focus_area_id where i.id = $1`,
          [id],
        ),
        'Initiativet',
      );
    },

    initiativeByCode: async (focusAreaId: number, code: string) =>
      (
        await db.query<Initiative>(
          `select ${INITIATIVE} from initiative where focus_area_id = $1 and upper(code) = upper($2)`,
          [focusAreaId, code],
        )
      )[0] ?? null,

    async createInitiative(focusAreaId: number, f: InitiativeFields): Promise<number> {
      const [row] = await db.query<{ id: number }>(
        `insert into initiative (focus_area_id, code, title, description, committee_id)
         values ($1, $2, $3, $4, $5) returning id`,
        [focusAreaId, f.code, f.title, f.description, f.committeeId],
      );
      return one([row], 'Initiativet').id;
    },

    async updateInitiative(id: number, version: number, f: InitiativeFields): Promise<void> {
      const rows = await db.query(
        `update initiative set code = $3, title = $4, description = $5, committee_id = $6,
           version = version + 1 where id = $1 and version = $2 returning id`,
        [id, version, f.code, f.title, f.description, f.committeeId],
      );
      await updatedIn(db, 'initiative', id, rows, 'Initiativet');
    },

    async activity(id: number): Promise<PlanActivity & { agreementId: number }> {
      const [row] = await db.query<ActivityRow & { agreementId: number }>(
        `select ${activityColumns('a')}, f.agreement_id as "agreementId"
           from plan_activity a join initiative i on i.id = a.initiative_id
           join focus_area f on f.id = i.focus_area_id where a.id = $1`,
        [id],
      );
      const r = one([row], 'Aktiviteten');
      return { ...toActivity(r), agreementId: r.agreementId };
    },

    async createActivity(initiativeId: number, f: ActivityFields): Promise<number> {
      const [row] = await db.query<{ id: number }>(
        `insert into plan_activity (initiative_id, year, period, title, status, committee_id, item_id, note)
         values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
        [initiativeId, f.year, f.period, f.title, f.status, f.committeeId, f.itemId, f.note],
      );
      return one([row], 'Aktiviteten').id;
    },

    async updateActivity(id: number, version: number, f: ActivityFields): Promise<void> {
      const rows = await db.query(
        `update plan_activity set year = $3, period = $4, title = $5, status = $6,
           committee_id = $7, item_id = $8, note = $9, version = version + 1
          where id = $1 and version = $2 returning id`,
        [id, version, f.year, f.period, f.title, f.status, f.committeeId, f.itemId, f.note],
      );
      await updatedIn(db, 'plan_activity', id, rows, 'Aktiviteten');
    },

    async deleteRow(
      table: 'plan_activity' | 'initiative' | 'focus_area',
      id: number,
      version: number,
    ): Promise<void> {
      const what = {
        plan_activity: 'Aktiviteten',
        initiative: 'Initiativet',
        focus_area: 'Fokusområdet',
      }[table];
      const rows = await db.query(
        `delete from ${table} where id = $1 and version = $2 returning id`,
        [id, version],
      );
      await updatedIn(db, table, id, rows, what);
    },

    /** Items of meetings in the given years, for the activity form's picker. */
    itemChoices: (fromYear: number, toYear: number) =>
      db.query<PlanItemRef>(
        `select ${ITEM_REF} from item i join meeting m on m.id = i.meeting_id
           join committee c on c.id = m.committee_id
          where m.date >= make_date($1, 1, 1) and m.date <= make_date($2, 12, 31)
          order by m.date, c.short_name, i.number`,
        [fromYear, toYear],
      ),

    /** The items the given activities point to. */
    itemRefs: (ids: readonly number[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : db.query<PlanItemRef>(
            `select ${ITEM_REF} from item i join meeting m on m.id = i.meeting_id
               join committee c on c.id = m.committee_id
              where i.id = any(select jsonb_array_elements_text($1::jsonb)::int)`,
            [ids],
          ),
  };
}
