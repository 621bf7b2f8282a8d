/** Rules of a nomination round: who may enter nominees for which organisation, and when. */
import type { MatrixOrganisation } from './representation.ts';

export type RoundStatus = 'open' | 'closed';
export type NominationStatus = 'proposed' | 'confirmed' | 'rejected';

export const NOMINATION_STATUS_LABEL: Record<NominationStatus, string> = {
  proposed: 'Indstillet',
  confirmed: 'Bekræftet',
  rejected: 'Ikke udpeget',
};

/**
 * A kommune's contact (a user tied to the kommune or one of its units) may nominate for that
 * kommune and its units; the secretariat may nominate for anyone.
 */
export function mayNominateFor(
  user: { role: string; organisationId: number | null } | null,
  target: number,
  organisations: readonly MatrixOrganisation[],
): boolean {
  if (user === null) return false;
  if (user.role === 'secretariat' || user.role === 'administrator') return true;
  if (user.organisationId === null) return false;
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const root = (id: number): number => {
    let o = byId.get(id);
    for (let g = 0; o?.kind === 'unit' && o.parentId !== null && g < 10; g++)
      o = byId.get(o.parentId);
    return o?.id ?? id;
  };
  return root(user.organisationId) === root(target);
}
