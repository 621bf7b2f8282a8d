/**
 * Groups: a group is a committee (kind follow-group, working-group or panel) with a charter
 * (terms of reference), an approval chain, member profiles, wanted profiles and nomination rounds.
 */
import type {
  Charter,
  GroupType,
  Level,
  Milestone,
  NominationStatus,
  Profile,
  ProfileFunction,
  RoundStatus,
  TargetGroup,
  WantedProfile,
} from '../../domain/groups/index.ts';
import type { MemberRole } from '../../domain/meetings/index.ts';
import { publicItemTitleSql } from './access-sql.ts';
import type { Db } from '../client.ts';
import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import { one } from './rows.ts';

export interface GroupRow extends Charter {
  id: number;
  shortName: string;
  name: string;
  kind: string;
  parentId: number | null;
  parentShortName: string | null;
  description: string;
  version: number;
}

export interface GroupMember extends Profile {
  membershipId: number;
  committeeId: number;
  personId: number;
  personName: string;
  organisationId: number | null;
  organisation: string | null;
  role: MemberRole;
  validFrom: string;
  validTo: string | null;
}

export interface ApprovalStep {
  id: number;
  committeeId: number;
  position: number;
  approverCommitteeId: number;
  approverShortName: string;
  itemId: number | null;
  itemNumber: number | null;
  itemTitle: string | null;
  meetingId: number | null;
  meetingDate: string | null;
  approvedOn: string | null;
  note: string;
}

export interface NominationRound {
  id: number;
  committeeId: number;
  status: RoundStatus;
  deadline: string | null;
  note: string;
  openedAt: Date;
}

export interface Nomination extends Profile {
  id: number;
  roundId: number;
  organisationId: number;
  organisation: string;
  name: string;
  email: string | null;
  title: string | null;
  status: NominationStatus;
  membershipId: number | null;
}

const GROUP = `c.id, c.short_name as "shortName", c.name, c.kind, c.parent_id as "parentId",
  p.short_name as "parentShortName", c.description,
  g.group_type as "groupType", g.background, g.purpose, g.tasks, g.deliverables, g.milestones,
  g.chair, g.secretariat, g.evaluation_date as "evaluationDate", g.version`;
const GROUP_FROM = `from committee c join group_charter g on g.committee_id = c.id
  left join committee p on p.id = c.parent_id`;

const MEMBER = `cm.id as "membershipId", cm.committee_id as "committeeId", cm.person_id as "personId",
  pe.name as "personName", cm.organisation_id as "organisationId", o.short_name as organisation,
  cm.role, cm.valid_from as "validFrom", cm.valid_to as "validTo",
  mp.function, mp.target_group as "targetGroup", mp.level`;
const MEMBER_FROM = `from committee_membership cm join person pe on pe.id = cm.person_id
  left join organisation o on o.id = cm.organisation_id
  left join member_profile mp on mp.membership_id = cm.id`;

export interface CharterFields extends Charter {
  name: string;
  shortName: string;
  parentId: number | null;
  description: string;
}

export function groupRepository(db: Db) {
  return {
    async list(): Promise<GroupRow[]> {
      return db.query<GroupRow>(
        `select ${GROUP} ${GROUP_FROM} where c.active
         order by case g.group_type when 'follow-group' then 0 when 'panel' then 1 when 'working-group' then 2 else 3 end, c.name`,
      );
    },
    async get(id: number): Promise<GroupRow> {
      return one(
        await db.query<GroupRow>(`select ${GROUP} ${GROUP_FROM} where c.id = $1`, [id]),
        'Gruppen',
      );
    },
    /** Committees that are groups by kind but have no charter yet (the seeded follow-groups). */
    async committeesWithoutCharter(): Promise<{ id: number; kind: string }[]> {
      return db.query(
        `select id, kind from committee c where kind in ('follow-group', 'working-group', 'panel')
         and not exists (select 1 from group_charter g where g.committee_id = c.id)`,
      );
    },
    async create(f: CharterFields, kind: string): Promise<number> {
      const [row] = await db.query<{ id: number }>(
        `insert into committee (short_name, name, kind, parent_id, description) values ($1, $2, $3, $4, $5) returning id`,
        [f.shortName, f.name, kind, f.parentId, f.description],
      );
      const id = one([row], 'Gruppen').id;
      await this.insertCharter(id, f);
      return id;
    },
    async insertCharter(committeeId: number, f: Charter): Promise<void> {
      await db.query(
        `insert into group_charter (committee_id, group_type, background, purpose, tasks, deliverables, milestones, chair, secretariat, evaluation_date)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          committeeId,
          f.groupType,
          f.background,
          f.purpose,
          f.tasks,
          f.deliverables,
          f.milestones,
          f.chair,
          f.secretariat,
          f.evaluationDate,
        ],
      );
    },
    async update(id: number, version: number, f: CharterFields, kind: string): Promise<void> {
      const rows = await db.query(
        `update group_charter set group_type = $3, background = $4, purpose = $5, tasks = $6,
           deliverables = $7, milestones = $8, chair = $9, secretariat = $10, evaluation_date = $11,
           version = version + 1, updated_at = now()
         where committee_id = $1 and version = $2 returning committee_id`,
        [
          id,
          version,
          f.groupType,
          f.background,
          f.purpose,
          f.tasks,
          f.deliverables,
          f.milestones,
          f.chair,
          f.secretariat,
          f.evaluationDate,
        ],
      );
      if (rows.length === 0) {
        const exists = await db.query(`select 1 from group_charter where committee_id = $1`, [id]);
        if (exists.length === 0) throw new NotFoundError('Gruppen findes ikke.');
        throw new ConflictError();
      }
      await db.query(
        `update committee set short_name = $2, name = $3, kind = $4, parent_id = $5, description = $6 where id = $1`,
        [id, f.shortName, f.name, kind, f.parentId, f.description],
      );
    },

    /** Members of groups on `date` (all over time when null); every group when ids is null. */
    async members(
      committeeIds: readonly number[] | null,
      date: string | null,
    ): Promise<GroupMember[]> {
      return db.query<GroupMember>(
        `select ${MEMBER} ${MEMBER_FROM}
         where ($1::jsonb is null or cm.committee_id in (select (jsonb_array_elements_text($1::jsonb))::int))
           and ($2::date is null or (cm.valid_from <= $2::date and (cm.valid_to is null or cm.valid_to >= $2::date)))
         order by case cm.role when 'chair' then 0 when 'vice-chair' then 1 when 'member' then 2 when 'substitute' then 3 else 4 end,
           o.short_name nulls last, pe.name`,
        [committeeIds === null ? null : [...committeeIds], date],
      );
    },
    async setProfile(membershipId: number, p: Profile): Promise<void> {
      await db.query(
        `insert into member_profile (membership_id, function, target_group, level) values ($1, $2, $3, $4)
         on conflict (membership_id) do update set function = excluded.function,
           target_group = excluded.target_group, level = excluded.level`,
        [membershipId, p.function, p.targetGroup, p.level],
      );
    },
    async lastMembershipId(committeeId: number, personId: number): Promise<number> {
      const rows = await db.query<{ id: number }>(
        `select id from committee_membership where committee_id = $1 and person_id = $2 order by id desc limit 1`,
        [committeeId, personId],
      );
      return one(rows, 'Medlemskabet').id;
    },

    async wanted(committeeId: number): Promise<WantedProfile[]> {
      return db.query<WantedProfile>(
        `select id, label, function, target_group as "targetGroup", level, min_count as "minCount", max_count as "maxCount"
         from wanted_profile where committee_id = $1 order by id`,
        [committeeId],
      );
    },
    async addWanted(committeeId: number, w: Omit<WantedProfile, 'id'>): Promise<void> {
      await db.query(
        `insert into wanted_profile (committee_id, label, function, target_group, level, min_count, max_count)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [committeeId, w.label, w.function, w.targetGroup, w.level, w.minCount, w.maxCount],
      );
    },
    async deleteWanted(committeeId: number, id: number): Promise<void> {
      await db.query(`delete from wanted_profile where committee_id = $1 and id = $2`, [
        committeeId,
        id,
      ]);
    },

    async approvals(committeeId: number): Promise<ApprovalStep[]> {
      return db.query<ApprovalStep>(
        `select a.id, a.committee_id as "committeeId", a.position, a.approver_committee_id as "approverCommitteeId",
           c.short_name as "approverShortName", a.item_id as "itemId", i.number as "itemNumber", ${publicItemTitleSql('i')} as "itemTitle",
           m.id as "meetingId", m.date as "meetingDate", a.approved_on as "approvedOn", a.note
         from group_approval a join committee c on c.id = a.approver_committee_id
         left join item i on i.id = a.item_id left join meeting m on m.id = i.meeting_id
         where a.committee_id = $1 order by a.position`,
        [committeeId],
      );
    },
    async addApproval(
      committeeId: number,
      s: {
        approverCommitteeId: number;
        itemId: number | null;
        approvedOn: string | null;
        note: string;
      },
    ): Promise<void> {
      await db.query(
        `insert into group_approval (committee_id, position, approver_committee_id, item_id, approved_on, note)
         values ($1, (select coalesce(max(position), 0) + 1 from group_approval where committee_id = $1), $2, $3, $4, $5)`,
        [committeeId, s.approverCommitteeId, s.itemId, s.approvedOn, s.note],
      );
    },

    async openRound(
      committeeId: number,
      r: { deadline: string | null; note: string; userId: number | null },
    ) {
      const [row] = await db.query<{ id: number }>(
        `insert into nomination_round (committee_id, deadline, note, opened_by) values ($1, $2, $3, $4) returning id`,
        [committeeId, r.deadline, r.note, r.userId],
      );
      return one([row], 'Runden').id;
    },
    async rounds(committeeId: number | null): Promise<NominationRound[]> {
      return db.query<NominationRound>(
        `select id, committee_id as "committeeId", status, deadline, note, opened_at as "openedAt"
         from nomination_round where ($1::int is null or committee_id = $1) order by opened_at desc, id desc`,
        [committeeId],
      );
    },
    async round(id: number): Promise<NominationRound> {
      return one(
        await db.query<NominationRound>(
          `select id, committee_id as "committeeId", status, deadline, note, opened_at as "openedAt"
           from nomination_round where id = $1`,
          [id],
        ),
        'Udpegningsrunden',
      );
    },
    async closeRound(id: number): Promise<void> {
      await db.query(
        `update nomination_round set status = 'closed', closed_at = now() where id = $1`,
        [id],
      );
    },
    async addNomination(
      roundId: number,
      n: {
        organisationId: number;
        name: string;
        email: string | null;
        title: string | null;
        function: ProfileFunction | null;
        targetGroup: TargetGroup | null;
        level: Level | null;
        userId: number | null;
      },
    ): Promise<number> {
      const [row] = await db.query<{ id: number }>(
        `insert into nomination (round_id, organisation_id, name, email, title, function, target_group, level, entered_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
        [
          roundId,
          n.organisationId,
          n.name,
          n.email,
          n.title,
          n.function,
          n.targetGroup,
          n.level,
          n.userId,
        ],
      );
      return one([row], 'Indstillingen').id;
    },
    async nominations(roundId: number): Promise<Nomination[]> {
      return db.query<Nomination>(
        `select n.id, n.round_id as "roundId", n.organisation_id as "organisationId",
           coalesce(o.short_name, o.name) as organisation, n.name, n.email, n.title,
           n.function, n.target_group as "targetGroup", n.level, n.status, n.membership_id as "membershipId"
         from nomination n join organisation o on o.id = n.organisation_id
         where n.round_id = $1 order by o.name, n.id`,
        [roundId],
      );
    },
    async nomination(id: number): Promise<Nomination> {
      return one(
        await db.query<Nomination>(
          `select n.id, n.round_id as "roundId", n.organisation_id as "organisationId",
             coalesce(o.short_name, o.name) as organisation, n.name, n.email, n.title,
             n.function, n.target_group as "targetGroup", n.level, n.status, n.membership_id as "membershipId"
           from nomination n join organisation o on o.id = n.organisation_id where n.id = $1`,
          [id],
        ),
        'Indstillingen',
      );
    },
    /** The role and organisation of a user: a kommune's contact nominates for its kommune. */
    async userContact(
      userId: number,
    ): Promise<{ role: string; organisationId: number | null } | null> {
      const rows = await db.query<{ role: string; organisationId: number | null }>(
        `select role, organisation_id as "organisationId" from app_user where id = $1 and active`,
        [userId],
      );
      return rows[0] ?? null;
    },
    async setNominationStatus(id: number, status: NominationStatus, membershipId: number | null) {
      await db.query(`update nomination set status = $2, membership_id = $3 where id = $1`, [
        id,
        status,
        membershipId,
      ]);
    },
  };
}
export type GroupRepository = ReturnType<typeof groupRepository>;
export type { Milestone, GroupType };
