/**
 * What a viewer may find, derived from the meeting access rules (domain/meetings/access.ts), so
 * search applies exactly the rules every page uses: the stages of meetings the viewer sees, the
 * stages whose decisions the viewer sees, and the committees whose closed items the viewer reads.
 */
import {
  STAGES,
  canSeeAccess,
  canSeeDecisions,
  canSeeMeeting,
  isSecretariat,
  type Stage,
  type Viewer,
} from '../meetings/index.ts';

export interface SearchVisibility {
  /** Meetings in these stages can be found at all. */
  meetingStages: Stage[];
  /** Decisions (and post-meeting notes) of meetings in these stages are searched and shown. */
  decisionStages: Stage[];
  /** Closed items and attachments of these committees can be found; others never appear. */
  closedCommitteeIds: number[];
  /** Every personal item can be found (the secretariat); otherwise only those naming `userId`. */
  seesAllPersonal: boolean;
  userId: number | null;
}

/**
 * @param viewer who searches
 * @param committeeIds every committee id there is
 */
export function searchVisibility(
  viewer: Viewer,
  committeeIds: readonly number[],
): SearchVisibility {
  return {
    meetingStages: STAGES.filter((stage) => canSeeMeeting(viewer, { stage })),
    decisionStages: STAGES.filter(
      (stage) => canSeeMeeting(viewer, { stage }) && canSeeDecisions(viewer, { stage }),
    ),
    closedCommitteeIds: committeeIds.filter((id) => canSeeAccess(viewer, id, 'closed')),
    seesAllPersonal: isSecretariat(viewer),
    userId: viewer.userId,
  };
}
