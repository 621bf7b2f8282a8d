/** Committees and who sits in them over time; organisations for the pickers. */
import { ValidationError } from '../domain/errors.ts';
import type { MemberRole, Viewer } from '../domain/meetings/index.ts';
import type { Db } from '../db/client.ts';
import { repositories } from '../db/repositories/index.ts';
import { today, type Clock } from './clock.ts';
import { requireEditor } from './meeting.service.ts';

export interface NewMember {
  name: string;
  email: string | null;
  organisationId: number | null;
  role: MemberRole;
  validFrom: string;
  validTo: string | null;
}

export function committeeService(db: Db, clock: Clock) {
  const repo = repositories(db);
  return {
    list: () => repo.committees.list(),
    get: (id: number) => repo.committees.get(id),
    organisations: () => repo.committees.organisations(),
    /** Members on a date (default today), or over all time with `date` null. */
    members: (committeeId: number, date: string | null = today(clock)) =>
      repo.committees.memberships(committeeId, date),

    /** Adds a person (new to the register) as a member from a date. */
    async addMember(viewer: Viewer, committeeId: number, m: NewMember) {
      requireEditor(viewer);
      if (m.validTo !== null && m.validTo < m.validFrom) {
        throw new ValidationError({ validTo: 'Slutdatoen skal ligge efter startdatoen.' });
      }
      await db.transaction(async (tx) => {
        const r = repositories(tx);
        await r.committees.get(committeeId);
        const personId = await r.committees.createPerson({
          name: m.name,
          email: m.email,
          title: null,
          organisationId: m.organisationId,
        });
        if (m.email !== null) await r.committees.linkUsersToPerson(personId, m.email);
        await r.committees.addMembership({
          committeeId,
          personId,
          organisationId: m.organisationId,
          role: m.role,
          validFrom: m.validFrom,
          validTo: m.validTo,
        });
      });
    },

    /** Ends a membership on a date; the history stays. */
    async endMember(viewer: Viewer, membershipId: number, validTo: string) {
      requireEditor(viewer);
      await repo.committees.endMembership(membershipId, validTo);
    },
  };
}
export type CommitteeService = ReturnType<typeof committeeService>;
