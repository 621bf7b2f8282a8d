/** Occupancy per institution and month, and each institution's budgeted occupancy. */
import type { Db } from '../client.ts';
import { updated } from './rows.ts';

export interface InstitutionRow {
  id: number;
  name: string;
  /** A fraction (0.95 = 95 %), or null. */
  budgetedOccupancy: number | null;
  offerId: number | null;
  version: number;
}

export interface OccupancyMonthRow {
  institutionId: number;
  month: string;
  places: number;
  occupiedDays: number;
}

export function occupancyRepository(db: Db) {
  return {
    async institutions(): Promise<InstitutionRow[]> {
      const rows = await db.query<InstitutionRow>(
        `select id, name, budgeted_occupancy as "budgetedOccupancy", offer_id as "offerId", version
         from occupancy_institution order by name`,
      );
      return rows.map((r) => ({
        ...r,
        budgetedOccupancy: r.budgetedOccupancy === null ? null : Number(r.budgetedOccupancy),
      }));
    },
    /** The institution's id by name (case-insensitive), created when new. */
    async ensureInstitution(name: string): Promise<number> {
      const found = await db.query<{ id: number }>(
        `select id from occupancy_institution where lower(name) = lower($1)`,
        [name],
      );
      if (found[0] !== undefined) return found[0].id;
      const [created] = await db.query<{ id: number }>(
        `insert into occupancy_institution (name) values ($1) returning id`,
        [name],
      );
      if (created === undefined) throw new Error('Institutionen blev ikke oprettet.');
      return created.id;
    },
    /** Stores a month's figures, replacing what was there for that institution and month. */
    async upsertMonth(m: OccupancyMonthRow): Promise<void> {
      await db.query(
        `insert into occupancy_month (institution_id, month, places, occupied_days)
         values ($1, $2, $3::numeric, $4::numeric)
         on conflict (institution_id, month)
         do update set places = excluded.places, occupied_days = excluded.occupied_days`,
        [m.institutionId, m.month, String(m.places), String(m.occupiedDays)],
      );
    },
    async months(year: number | null = null): Promise<OccupancyMonthRow[]> {
      const rows = await db.query<OccupancyMonthRow>(
        `select institution_id as "institutionId", month, places, occupied_days as "occupiedDays"
         from occupancy_month where $1::int is null or month like $1::int || '-%'
         order by month`,
        [year],
      );
      return rows.map((r) => ({
        ...r,
        places: Number(r.places),
        occupiedDays: Number(r.occupiedDays),
      }));
    },
    async years(): Promise<number[]> {
      const rows = await db.query<{ year: string }>(
        `select distinct substr(month, 1, 4) as year from occupancy_month order by year desc`,
      );
      return rows.map((r) => Number(r.year));
    },
    async setBudget(id: number, version: number, budgeted: number | null): Promise<void> {
      updated(
        await db.query<{ id: number }>(
          `update occupancy_institution set budgeted_occupancy = $3::numeric, version = version + 1
           where id = $1 and version = $2 returning id`,
          [id, version, budgeted === null ? null : String(budgeted)],
        ),
      );
    },
    async removeInstitution(id: number): Promise<void> {
      await db.query(`delete from occupancy_institution where id = $1`, [id]);
    },
  };
}
export type OccupancyRepository = ReturnType<typeof occupancyRepository>;
