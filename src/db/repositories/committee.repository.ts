/** Committees, the people in them over time, and organisations with their population series. */
import type { Committee, MemberRole } from '../../domain/meetings/index.ts';
import type { Db } from '../client.ts';
import { one } from './rows.ts';

export interface CommitteeRow extends Committee {
  parentId: number | null;
  defaultStart: string | null;
  defaultEnd: string | null;
  defaultPlace: string | null;
}

export interface Membership {
  id: number;
  committeeId: number;
  personId: number;
  personName: string;
  organisationId: number | null;
  organisation: string | null;
  role: MemberRole;
  validFrom: string;
  validTo: string | null;
}

export interface Organisation {
  id: number;
  name: string;
  shortName: string | null;
  kind: 'municipality' | 'region' | 'unit' | 'other';
  parentId: number | null;
  areaCode: string | null;
}

const COMMITTEE = `id, short_name as "shortName", name, kind, description, parent_id as "parentId",
  default_start as "defaultStart", default_end as "defaultEnd", default_place as "defaultPlace"`;

export function committeeRepository(db: Db) {
  return {
    async list(): Promise<CommitteeRow[]> {
      return db.query<CommitteeRow>(
        `select ${COMMITTEE} from committee where active
         order by case kind when 'steering' then 0 when 'executive' then 1 when 'follow-group' then 2 else 3 end, name`,
      );
    },
    async get(id: number): Promise<CommitteeRow> {
      return one(
        await db.query<CommitteeRow>(`select ${COMMITTEE} from committee where id = $1`, [id]),
        'Udvalget',
      );
    },
    async byShortName(shortName: string): Promise<CommitteeRow | null> {
      const rows = await db.query<CommitteeRow>(
        `select ${COMMITTEE} from committee where lower(short_name) = lower($1) or lower(name) = lower($1)`,
        [shortName],
      );
      return rows[0] ?? null;
    },
    /** Members on `date` (or all over time when date is null). */
    async memberships(committeeId: number, date: string | null): Promise<Membership[]> {
      return db.query<Membership>(
        `select cm.id, cm.committee_id as "committeeId", cm.person_id as "personId", p.name as "personName",
           cm.organisation_id as "organisationId", o.short_name as organisation, cm.role,
           cm.valid_from as "validFrom", cm.valid_to as "validTo"
         from committee_membership cm join person p on p.id = cm.person_id
         left join organisation o on o.id = cm.organisation_id
         where cm.committee_id = $1 and ($2::date is null or (cm.valid_from <= $2::date and (cm.valid_to is null or cm.valid_to >= $2::date)))
         order by case cm.role when 'chair' then 0 when 'vice-chair' then 1 when 'member' then 2 when 'substitute' then 3 else 4 end,
           o.short_name nulls last, p.name`,
        [committeeId, date],
      );
    },
    async addMembership(m: {
      committeeId: number;
      personId: number;
      organisationId: number | null;
      role: MemberRole;
      validFrom: string;
      validTo: string | null;
    }): Promise<void> {
      await db.query(
        `insert into committee_membership (committee_id, person_id, organisation_id, role, valid_from, valid_to)
         values ($1, $2, $3, $4, $5, $6)`,
        [m.committeeId, m.personId, m.organisationId, m.role, m.validFrom, m.validTo],
      );
    },
    async endMembership(id: number, validTo: string): Promise<void> {
      await db.query(`update committee_membership set valid_to = $2 where id = $1`, [id, validTo]);
    },
    /** The committees a person sits in on `date`: what a member may read closed items of. */
    async committeeIdsOfPerson(personId: number, date: string): Promise<number[]> {
      const rows = await db.query<{ id: number }>(
        `select distinct committee_id as id from committee_membership
         where person_id = $1 and valid_from <= $2::date and (valid_to is null or valid_to >= $2::date)`,
        [personId, date],
      );
      return rows.map((r) => r.id);
    },
    async createPerson(p: {
      name: string;
      email: string | null;
      title: string | null;
      organisationId: number | null;
    }) {
      const [row] = await db.query<{ id: number }>(
        `insert into person (name, email, title, organisation_id) values ($1, $2, $3, $4) returning id`,
        [p.name, p.email, p.title, p.organisationId],
      );
      return one([row], 'Personen').id;
    },
    /** The person registered with this e-mail (the newest, if several). */
    async personIdByEmail(email: string): Promise<number | null> {
      const rows = await db.query<{ id: number }>(
        `select id from person where lower(email) = lower($1) order by id desc limit 1`,
        [email],
      );
      return rows[0]?.id ?? null;
    },
    /** Ties users with this e-mail and no person yet to the person. */
    async linkUsersToPerson(personId: number, email: string): Promise<void> {
      await db.query(
        `update app_user set person_id = $1 where lower(email) = lower($2) and person_id is null`,
        [personId, email],
      );
    },
    async organisations(): Promise<Organisation[]> {
      return db.query<Organisation>(
        `select id, name, short_name as "shortName", kind, parent_id as "parentId", area_code as "areaCode"
         from organisation order by case kind when 'municipality' then 0 when 'region' then 1 when 'unit' then 2 else 3 end, name`,
      );
    },
    async population(period: string): Promise<{ organisationId: number; count: number }[]> {
      return db.query(
        `select organisation_id as "organisationId", count from population where period = $1`,
        [period],
      );
    },
  };
}
export type CommitteeRepository = ReturnType<typeof committeeRepository>;
