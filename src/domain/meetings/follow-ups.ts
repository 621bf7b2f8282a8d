/** Follow-ups: actions a decision creates, with an owner and a due date or a due meeting. */
import type { FollowUp, Meeting } from './types.ts';

/** Open and past its due date (ISO dates compare as text). `today` is passed in: no clock here. */
export function isOverdue(followUp: Pick<FollowUp, 'status' | 'dueDate'>, today: string): boolean {
  return followUp.status === 'open' && followUp.dueDate !== null && followUp.dueDate < today;
}

/**
 * The open follow-ups a secretary should see while drafting `meeting`'s agenda: those due at
 * this meeting, and those of the same committee due on or before its date and not yet taken up.
 */
export function followUpsDueAt<
  F extends Pick<FollowUp, 'status' | 'dueDate' | 'dueMeetingId' | 'committeeId'>,
>(meeting: Pick<Meeting, 'id' | 'date' | 'committeeId'>, followUps: readonly F[]): F[] {
  return followUps.filter(
    (f) =>
      f.status === 'open' &&
      (f.dueMeetingId === meeting.id ||
        (f.dueMeetingId === null &&
          f.committeeId === meeting.committeeId &&
          f.dueDate !== null &&
          meeting.date !== null &&
          f.dueDate <= meeting.date)),
  );
}
