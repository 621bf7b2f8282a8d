/**
 * Groups: terms of reference, approval chain, members with profiles, wanted profiles and their
 * coverage, the representation matrix, and nomination rounds (the secretariat opens a round,
 * each kommune's contact enters its nominees, the secretariat confirms them into members).
 */
import { ForbiddenError, StateError, ValidationError } from '../domain/errors.ts';
import {
  coverage,
  GROUP_COMMITTEE_KIND,
  mayNominateFor,
  representationMatrix,
  type Level,
  type Profile,
  type ProfileFunction,
  type TargetGroup,
  type WantedProfile,
} from '../domain/groups/index.ts';
import type { MemberRole, Viewer } from '../domain/meetings/index.ts';
import type { Db } from '../db/client.ts';
import { committeeRepository } from '../db/repositories/committee.repository.ts';
import { groupRepository, type CharterFields } from '../db/repositories/group.repository.ts';
import { today, type Clock } from './clock.ts';
import { requireEditor } from './meeting.service.ts';

export interface NewGroupMember extends Profile {
  name: string;
  email: string | null;
  organisationId: number | null;
  role: MemberRole;
  validFrom: string;
  validTo: string | null;
}

export interface Nominee extends Profile {
  organisationId: number;
  name: string;
  email: string | null;
  title: string | null;
}

export function groupService(db: Db, clock: Clock) {
  const groups = groupRepository(db);
  const committees = committeeRepository(db);

  /** Seeded follow-groups and panels get an empty charter the first time groups are listed. */
  async function ensureCharters() {
    const missing = await groups.committeesWithoutCharter();
    for (const c of missing) {
      const groupType =
        c.kind === 'panel' ? 'panel' : c.kind === 'follow-group' ? 'follow-group' : 'working-group';
      await db.query(
        `insert into group_charter (committee_id, group_type) values ($1, $2) on conflict do nothing`,
        [c.id, groupType],
      );
    }
  }

  async function checkShortName(shortName: string, exceptId: number | null) {
    const existing = await committees.byShortName(shortName);
    if (existing !== null && existing.id !== exceptId)
      throw new ValidationError({ shortName: `Forkortelsen ${shortName} er allerede i brug.` });
  }

  return {
    async list() {
      await ensureCharters();
      return groups.list();
    },
    async get(id: number) {
      await ensureCharters();
      return groups.get(id);
    },
    /** Bodies a group can report to, for the picker. */
    parents: () => committees.list(),
    organisations: () => committees.organisations(),

    async create(viewer: Viewer, f: CharterFields): Promise<number> {
      requireEditor(viewer);
      await checkShortName(f.shortName, null);
      return db.transaction((tx) =>
        groupRepository(tx).create(f, GROUP_COMMITTEE_KIND[f.groupType]),
      );
    },
    async update(viewer: Viewer, id: number, version: number, f: CharterFields) {
      requireEditor(viewer);
      await checkShortName(f.shortName, id);
      await db.transaction((tx) =>
        groupRepository(tx).update(id, version, f, GROUP_COMMITTEE_KIND[f.groupType]),
      );
    },

    /** Members with profiles on a date (default today); over all time with `date` null. */
    members: (id: number, date: string | null = today(clock)) => groups.members([id], date),

    async addMember(viewer: Viewer, committeeId: number, m: NewGroupMember) {
      requireEditor(viewer);
      if (m.validTo !== null && m.validTo < m.validFrom)
        throw new ValidationError({ validTo: 'Slutdatoen skal ligge efter startdatoen.' });
      return db.transaction(async (tx) => {
        const c = committeeRepository(tx);
        const g = groupRepository(tx);
        await g.get(committeeId);
        const personId = await c.createPerson({
          name: m.name,
          email: m.email,
          title: null,
          organisationId: m.organisationId,
        });
        if (m.email !== null) await c.linkUsersToPerson(personId, m.email);
        await c.addMembership({
          committeeId,
          personId,
          organisationId: m.organisationId,
          role: m.role,
          validFrom: m.validFrom,
          validTo: m.validTo,
        });
        const membershipId = await g.lastMembershipId(committeeId, personId);
        await g.setProfile(membershipId, m);
        return membershipId;
      });
    },
    async setProfile(viewer: Viewer, membershipId: number, p: Profile) {
      requireEditor(viewer);
      await groups.setProfile(membershipId, p);
    },
    async endMember(viewer: Viewer, membershipId: number, validTo: string) {
      requireEditor(viewer);
      await committees.endMembership(membershipId, validTo);
    },

    wanted: (id: number) => groups.wanted(id),
    async addWanted(viewer: Viewer, id: number, w: Omit<WantedProfile, 'id'>) {
      requireEditor(viewer);
      if (w.maxCount !== null && w.maxCount < w.minCount)
        throw new ValidationError({
          maxCount: 'Højst-antallet skal være mindst lige så stort som mindst-antallet.',
        });
      await groups.get(id);
      await groups.addWanted(id, w);
    },
    async deleteWanted(viewer: Viewer, id: number, wantedId: number) {
      requireEditor(viewer);
      await groups.deleteWanted(id, wantedId);
    },
    /** How far today's members meet the wanted profiles. */
    async coverage(id: number, date: string = today(clock)) {
      const [wanted, members] = await Promise.all([groups.wanted(id), groups.members([id], date)]);
      return coverage(
        wanted,
        members.filter((m) => m.role !== 'secretary'),
      );
    },

    approvals: (id: number) => groups.approvals(id),
    async addApproval(
      viewer: Viewer,
      id: number,
      s: {
        approverCommitteeId: number;
        itemId: number | null;
        approvedOn: string | null;
        note: string;
      },
    ) {
      requireEditor(viewer);
      await groups.get(id);
      await groups.addApproval(id, s);
    },

    /** Kommuner and the region × groups on a date, with per group the kommuner with nobody. */
    async matrix(date: string = today(clock)) {
      await ensureCharters();
      const [list, orgs] = await Promise.all([groups.list(), committees.organisations()]);
      const members = await groups.members(
        list.map((g) => g.id),
        date,
      );
      return representationMatrix(
        orgs,
        list.map((g) => ({ id: g.id, shortName: g.shortName, name: g.name })),
        members,
      );
    },

    // --- nomination rounds ------------------------------------------------------------------
    rounds: (id: number | null) => groups.rounds(id),
    round: (roundId: number) => groups.round(roundId),
    nominations: (roundId: number) => groups.nominations(roundId),
    /** The round a nomination belongs to. */
    async nominationRound(nominationId: number) {
      return groups.round((await groups.nomination(nominationId)).roundId);
    },

    async openRound(viewer: Viewer, id: number, r: { deadline: string | null; note: string }) {
      requireEditor(viewer);
      await groups.get(id);
      const open = (await groups.rounds(id)).find((x) => x.status === 'open');
      if (open) throw new StateError('Gruppen har allerede en åben udpegningsrunde.');
      return groups.openRound(id, { ...r, userId: viewer.userId });
    },

    /** A kommune's contact (or the secretariat) enters a nominee while the round is open. */
    async nominate(viewer: Viewer, roundId: number, n: Nominee): Promise<number> {
      const round = await groups.round(roundId);
      if (round.status !== 'open') throw new StateError('Udpegningsrunden er lukket.');
      const user = viewer.userId === null ? null : await groups.userContact(viewer.userId);
      const orgs = await committees.organisations();
      if (!orgs.some((o) => o.id === n.organisationId))
        throw new ValidationError({ organisationId: 'Vælg en organisation fra listen.' });
      if (!mayNominateFor(user, n.organisationId, orgs))
        throw new ForbiddenError('Du kan kun indstille personer for din egen kommune.');
      return groups.addNomination(roundId, { ...n, userId: viewer.userId });
    },

    /** The secretariat confirms a nominee: the person becomes a member with the profile. */
    async confirm(viewer: Viewer, nominationId: number, validFrom: string = today(clock)) {
      requireEditor(viewer);
      return db.transaction(async (tx) => {
        const g = groupRepository(tx);
        const c = committeeRepository(tx);
        const n = await g.nomination(nominationId);
        if (n.status !== 'proposed') throw new StateError('Indstillingen er allerede behandlet.');
        const round = await g.round(n.roundId);
        const personId = await c.createPerson({
          name: n.name,
          email: n.email,
          title: n.title,
          organisationId: n.organisationId,
        });
        if (n.email !== null) await c.linkUsersToPerson(personId, n.email);
        await c.addMembership({
          committeeId: round.committeeId,
          personId,
          organisationId: n.organisationId,
          role: 'member',
          validFrom,
          validTo: null,
        });
        const membershipId = await g.lastMembershipId(round.committeeId, personId);
        await g.setProfile(membershipId, n);
        await g.setNominationStatus(nominationId, 'confirmed', membershipId);
        return membershipId;
      });
    },
    async reject(viewer: Viewer, nominationId: number) {
      requireEditor(viewer);
      const n = await groups.nomination(nominationId);
      if (n.status !== 'proposed') throw new StateError('Indstillingen er allerede behandlet.');
      await groups.setNominationStatus(nominationId, 'rejected', null);
    },
    async closeRound(viewer: Viewer, roundId: number) {
      requireEditor(viewer);
      await groups.closeRound(roundId);
    },
  };
}
export type GroupService = ReturnType<typeof groupService>;
export type { ProfileFunction, TargetGroup, Level };
