/**
 * Who may see what. Closed stays closed: a closed item, its text, decision and attachments reach
 * only the secretariat, administrators and members of the item's committee. Personal data
 * ('personal') is stricter: only the users named on the item and the secretariat. Drafts reach
 * only the secretariat. Every page, PDF, search and API answer goes through these rules.
 */
import { decisionsArePublic, isPublic } from './stages.ts';
import type { Access, Meeting } from './types.ts';

export const ROLES = ['administrator', 'secretariat', 'member', 'operator'] as const;
export type Role = (typeof ROLES)[number];

export interface Viewer {
  /** null for an anonymous visitor */
  userId: number | null;
  role: Role | 'anonymous';
  /** committees the viewer sits in today (members) */
  committeeIds: readonly number[];
}

export const ANONYMOUS: Viewer = { userId: null, role: 'anonymous', committeeIds: [] };

export function isSecretariat(viewer: Viewer): boolean {
  return viewer.role === 'secretariat' || viewer.role === 'administrator';
}

export function canSeeMeeting(viewer: Viewer, meeting: Pick<Meeting, 'stage'>): boolean {
  return isSecretariat(viewer) || isPublic(meeting);
}

/**
 * Whether the viewer may read content at `access` in a committee's meeting. `namedUserIds` are
 * the users named on a personal item; left out, a personal item reaches the secretariat only
 * (the safe reading where the names were not loaded).
 */
export function canSeeAccess(
  viewer: Viewer,
  committeeId: number,
  access: Access,
  namedUserIds: readonly number[] = [],
): boolean {
  if (access === 'open' || isSecretariat(viewer)) return true;
  if (access === 'personal') return viewer.userId !== null && namedUserIds.includes(viewer.userId);
  return viewer.role === 'member' && viewer.committeeIds.includes(committeeId);
}

const STRICTNESS: Record<Access, number> = { open: 0, closed: 1, personal: 2 };

/** An attachment is as closed as the stricter of its own access and its item's. */
export function effectiveAccess(itemAccess: Access, attachmentAccess: Access): Access {
  return STRICTNESS[attachmentAccess] > STRICTNESS[itemAccess] ? attachmentAccess : itemAccess;
}

export function canSeeDecisions(viewer: Viewer, meeting: Pick<Meeting, 'stage'>): boolean {
  return isSecretariat(viewer) || decisionsArePublic(meeting);
}

export function canEdit(viewer: Viewer): boolean {
  return isSecretariat(viewer);
}
