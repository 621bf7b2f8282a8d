/** Follow-ups created from decisions: listed per committee, offered when an agenda is drafted. */
import {
  canSeeAccess,
  canSeeMeeting,
  followUpsDueAt,
  isSecretariat,
  type FollowUpStatus,
  type Viewer,
} from '../domain/meetings/index.ts';
import type { Db } from '../db/client.ts';
import { repositories } from '../db/repositories/index.ts';
import type { FollowUpFields, FollowUpRow } from '../db/repositories/follow-up.repository.ts';
import { requireEditor } from './meeting.service.ts';

export function followUpService(db: Db) {
  const repo = repositories(db);

  /**
   * Follow-ups are internal working notes. The secretariat reads all; a member reads those of
   * the committees it sits in (closed items' included, as it reads those items), never another
   * committee's; a follow-up on a personal item only the users named on it (wherever they sit);
   * none on an item of a meeting the viewer does not see; operators and the public read none.
   * The item's access and named users come with the list (one query).
   */
  async function list(
    viewer: Viewer,
    filter: { committeeId?: number; itemId?: number; status?: FollowUpStatus },
  ): Promise<FollowUpRow[]> {
    if (viewer.role === 'anonymous' || viewer.role === 'operator') return [];
    const all = await repo.followUps.list(filter);
    if (isSecretariat(viewer)) return all;
    return all.filter((f) => {
      if (f.meetingStage !== null && !canSeeMeeting(viewer, { stage: f.meetingStage }))
        return false;
      if (f.itemAccess === 'personal')
        return canSeeAccess(viewer, f.committeeId, 'personal', f.itemViewerIds);
      return (
        viewer.committeeIds.includes(f.committeeId) &&
        canSeeAccess(viewer, f.committeeId, f.itemAccess ?? 'open')
      );
    });
  }

  return {
    list,
    async create(viewer: Viewer, itemId: number, fields: FollowUpFields) {
      requireEditor(viewer);
      const item = await repo.items.get(itemId);
      const meeting = await repo.meetings.get(item.meetingId);
      return repo.followUps.create(meeting.committeeId, itemId, fields);
    },
    async setStatus(viewer: Viewer, id: number, version: number, status: FollowUpStatus) {
      requireEditor(viewer);
      await repo.followUps.get(id); // 404 for an unknown id, not a conflict
      await repo.followUps.setStatus(id, version, status);
    },
    /** Open follow-ups due at this meeting (by date or named meeting): offered while drafting. */
    async dueAt(viewer: Viewer, meetingId: number) {
      const meeting = await repo.meetings.get(meetingId);
      return followUpsDueAt(meeting, await list(viewer, { status: 'open' }));
    },
  };
}
export type FollowUpService = ReturnType<typeof followUpService>;
