/**
 * The life of a meeting: dagsorden under udarbejdelse → dagsorden udsendt → referat under
 * udarbejdelse → referat udsendt → referat godkendt. Only these steps forward are allowed; the
 * approval happens through an item of a later meeting and locks the minutes.
 */
import { STAGE_LABEL } from './labels.ts';
import type { Meeting, Stage } from './types.ts';

export type StageAction =
  'publish-agenda' | 'start-minutes' | 'publish-minutes' | 'approve-minutes';

const TRANSITIONS: Record<StageAction, { from: readonly Stage[]; to: Stage }> = {
  // Publishing again while published sends an updated agenda.
  'publish-agenda': { from: ['agenda-draft', 'agenda-published'], to: 'agenda-published' },
  'start-minutes': { from: ['agenda-published'], to: 'minutes-draft' },
  'publish-minutes': { from: ['minutes-draft', 'minutes-published'], to: 'minutes-published' },
  'approve-minutes': { from: ['minutes-published'], to: 'minutes-approved' },
};

export class StageError extends Error {
  override name = 'StageError';
}

/** The stage after `action`, or a StageError with a Danish sentence that says why not. */
export function nextStage(meeting: Pick<Meeting, 'stage' | 'status'>, action: StageAction): Stage {
  const rule = TRANSITIONS[action];
  if (meeting.status === 'cancelled' && action !== 'publish-agenda') {
    throw new StageError(
      'Mødet er aflyst; brug orienteringsmail eller skriftlig høring i stedet for et referat.',
    );
  }
  if (!rule.from.includes(meeting.stage)) {
    const allowed = rule.from.map((s) => `"${STAGE_LABEL[s]}"`).join(' eller ');
    throw new StageError(
      `Det kan ikke lade sig gøre, mens mødet står som "${STAGE_LABEL[meeting.stage]}". Mødet skal stå som ${allowed}.`,
    );
  }
  return rule.to;
}

/** Which actions the meeting page offers now. */
export function availableActions(meeting: Pick<Meeting, 'stage' | 'status'>): StageAction[] {
  return (Object.keys(TRANSITIONS) as StageAction[]).filter((a) => {
    if (a === 'approve-minutes') return false; // only through the next meeting's item
    try {
      nextStage(meeting, a);
      return true;
    } catch {
      return false;
    }
  });
}

/** Agenda content (titles, texts, attachments) can change until the minutes are approved. */
export function isLocked(meeting: Pick<Meeting, 'stage'>): boolean {
  return meeting.stage === 'minutes-approved';
}

/** Decisions are recorded once the meeting has started its minutes. */
export function acceptsDecisions(meeting: Pick<Meeting, 'stage' | 'status'>): boolean {
  return (
    meeting.stage === 'minutes-draft' ||
    meeting.stage === 'minutes-published' ||
    meeting.status === 'cancelled'
  );
}

/** Whether the public sees the agenda (and, later, the minutes) of this meeting at all. */
export function isPublic(meeting: Pick<Meeting, 'stage'>): boolean {
  return meeting.stage !== 'agenda-draft';
}

/** Decisions are public only once the minutes are published. */
export function decisionsArePublic(meeting: Pick<Meeting, 'stage'>): boolean {
  return meeting.stage === 'minutes-published' || meeting.stage === 'minutes-approved';
}
