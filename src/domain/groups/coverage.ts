/**
 * How far a group's members meet its wanted profiles. A wanted profile names some of function,
 * target group and level (null = any); a member matches when every named part matches. A member
 * working with "børn, unge og voksne" matches a wish for either. A member counts towards every
 * wanted profile it matches.
 */
import type { Profile, WantedProfile } from './types.ts';

export type CoverageStatus = 'missing' | 'under' | 'met' | 'over';

export const COVERAGE_LABEL: Record<CoverageStatus, string> = {
  missing: 'Ingen',
  under: 'For få',
  met: 'Opfyldt',
  over: 'Flere end ønsket',
};

export interface Coverage<M> {
  wanted: WantedProfile;
  members: M[];
  count: number;
  status: CoverageStatus;
}

export function matchesProfile(member: Profile, wanted: Profile): boolean {
  if (wanted.function !== null && member.function !== wanted.function) return false;
  if (wanted.level !== null && member.level !== wanted.level) return false;
  if (wanted.targetGroup !== null) {
    const t = member.targetGroup;
    if (t === null) return false;
    if (wanted.targetGroup === 'both') return t === 'both';
    if (t !== wanted.targetGroup && t !== 'both') return false;
  }
  return true;
}

export function coverage<M extends Profile>(
  wanted: readonly WantedProfile[],
  members: readonly M[],
): Coverage<M>[] {
  return wanted.map((w) => {
    const matching = members.filter((m) => matchesProfile(m, w));
    const count = matching.length;
    const status: CoverageStatus =
      count === 0 && w.minCount > 0
        ? 'missing'
        : count < w.minCount
          ? 'under'
          : w.maxCount !== null && count > w.maxCount
            ? 'over'
            : 'met';
    return { wanted: w, members: matching, count, status };
  });
}
