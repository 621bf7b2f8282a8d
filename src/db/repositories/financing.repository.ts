/** Saved deficit-cover models (underskudsdækning), with optimistic locking by `version`. */
import type { Db } from '../client.ts';
import { one, updated } from './rows.ts';

export interface DeficitModelMunicipality {
  name: string;
  population: number;
  /** Kroner per usage year, in the order of `usageYears`. */
  usage: number[];
}

export interface DeficitModelFields {
  name: string;
  operator: string;
  threshold: number;
  operatorShare: number;
  populationWeight: number;
  usageWeight: number;
  populationPeriod: string;
  usageYears: number[];
  municipalities: DeficitModelMunicipality[];
  exampleDeficit: number;
  itemId: number | null;
  offerId: number | null;
}

export interface DeficitModelRow extends DeficitModelFields {
  id: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A model with the meeting item that adopted it, for lists and the page. */
export interface DeficitModelListRow {
  id: number;
  name: string;
  operator: string;
  exampleDeficit: number;
  itemId: number | null;
  updatedAt: Date;
  version: number;
}

export interface ItemChoice {
  id: number;
  number: number;
  title: string;
  access: 'open' | 'closed';
  meetingId: number;
  date: string | null;
  committee: string;
}

const COLUMNS = `id, name, operator, threshold, operator_share as "operatorShare",
  population_weight as "populationWeight", usage_weight as "usageWeight",
  population_period as "populationPeriod", usage_years as "usageYears", municipalities,
  example_deficit as "exampleDeficit", item_id as "itemId", offer_id as "offerId", version,
  created_at as "createdAt", updated_at as "updatedAt"`;

/** numeric and bigint columns arrive as numbers from both adapters; jsonb as parsed JSON. */
function row(r: DeficitModelRow): DeficitModelRow {
  return {
    ...r,
    threshold: Number(r.threshold),
    operatorShare: Number(r.operatorShare),
    populationWeight: Number(r.populationWeight),
    usageWeight: Number(r.usageWeight),
    exampleDeficit: Number(r.exampleDeficit),
  };
}

const params = (f: DeficitModelFields) => [
  f.name,
  f.operator,
  f.threshold,
  String(f.operatorShare),
  String(f.populationWeight),
  String(f.usageWeight),
  f.populationPeriod,
  f.usageYears,
  f.municipalities,
  f.exampleDeficit,
  f.itemId,
  f.offerId,
];

export function financingRepository(db: Db) {
  return {
    async list(): Promise<DeficitModelListRow[]> {
      const rows = await db.query<DeficitModelListRow>(
        `select id, name, operator, example_deficit as "exampleDeficit", item_id as "itemId",
           updated_at as "updatedAt", version
         from deficit_model order by updated_at desc, id desc`,
      );
      return rows.map((r) => ({ ...r, exampleDeficit: Number(r.exampleDeficit) }));
    },
    async find(id: number): Promise<DeficitModelRow | null> {
      const rows = await db.query<DeficitModelRow>(
        `select ${COLUMNS} from deficit_model where id = $1`,
        [id],
      );
      return rows[0] === undefined ? null : row(rows[0]);
    },
    async get(id: number): Promise<DeficitModelRow> {
      const found = await this.find(id);
      return one([found ?? undefined], 'Modellen');
    },
    async create(f: DeficitModelFields): Promise<DeficitModelRow> {
      const rows = await db.query<DeficitModelRow>(
        `insert into deficit_model (name, operator, threshold, operator_share, population_weight,
           usage_weight, population_period, usage_years, municipalities, example_deficit, item_id, offer_id)
         values ($1, $2, $3, $4::numeric, $5::numeric, $6::numeric, $7, $8::jsonb, $9::jsonb, $10, $11, $12)
         returning ${COLUMNS}`,
        params(f),
      );
      return row(one(rows, 'Modellen'));
    },
    /** Replaces every field when the stored version is `version`; else ConflictError. */
    async update(id: number, version: number, f: DeficitModelFields): Promise<DeficitModelRow> {
      const rows = await db.query<DeficitModelRow>(
        `update deficit_model set name = $1, operator = $2, threshold = $3, operator_share = $4::numeric,
           population_weight = $5::numeric, usage_weight = $6::numeric, population_period = $7,
           usage_years = $8::jsonb, municipalities = $9::jsonb, example_deficit = $10, item_id = $11,
           offer_id = $12, version = version + 1, updated_at = now()
         where id = $13 and version = $14
         returning ${COLUMNS}`,
        [...params(f), id, version],
      );
      return row(updated(rows));
    },
    async remove(id: number, version: number): Promise<void> {
      updated(
        await db.query<{ id: number }>(
          `delete from deficit_model where id = $1 and version = $2 returning id`,
          [id, version],
        ),
      );
    },
    /** The population series' periods, newest first. */
    async populationPeriods(): Promise<string[]> {
      const rows = await db.query<{ period: string }>(
        `select distinct period from population order by period desc`,
      );
      return rows.map((r) => r.period);
    },
    /** The kommuner with their population in `period` (null where the series has no figure). */
    async municipalitiesWithPopulation(
      period: string,
    ): Promise<{ name: string; shortName: string; population: number | null }[]> {
      return db.query(
        `select o.name, coalesce(o.short_name, o.name) as "shortName", p.count as population
         from organisation o left join population p on p.organisation_id = o.id and p.period = $1
         where o.kind = 'municipality' order by coalesce(o.short_name, o.name)`,
        [period],
      );
    },
    /** Organisations that can operate an offer (kommuner, the region, units). */
    async operators(): Promise<string[]> {
      const rows = await db.query<{ name: string }>(
        `select name from organisation
         order by case kind when 'region' then 0 when 'municipality' then 1 when 'unit' then 2 else 3 end, name`,
      );
      return rows.map((r) => r.name);
    },
    /** Meeting items to link a model to, newest meeting first. */
    async recentItems(limit = 60): Promise<ItemChoice[]> {
      return db.query<ItemChoice>(
        `select i.id, i.number, i.title, i.access, m.id as "meetingId", m.date, c.short_name as committee
         from item i join meeting m on m.id = i.meeting_id join committee c on c.id = m.committee_id
         where i.standard_kind is null
         order by m.date desc nulls last, m.id desc, i.number
         limit $1`,
        [limit],
      );
    },
    async item(id: number): Promise<ItemChoice | null> {
      const rows = await db.query<ItemChoice>(
        `select i.id, i.number, i.title, i.access, m.id as "meetingId", m.date, c.short_name as committee
         from item i join meeting m on m.id = i.meeting_id join committee c on c.id = m.committee_id
         where i.id = $1`,
        [id],
      );
      return rows[0] ?? null;
    },
  };
}
export type FinancingRepository = ReturnType<typeof financingRepository>;
