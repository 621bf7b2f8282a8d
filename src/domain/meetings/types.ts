/** The meeting model as the domain sees it: plain data, no database, no clock. */

export const SECTIONS = [
  'welcome',
  'presentation',
  'for-decision',
  'for-information',
  'closing',
] as const;
export type Section = (typeof SECTIONS)[number];

export const STAGES = [
  'agenda-draft',
  'agenda-published',
  'minutes-draft',
  'minutes-published',
  'minutes-approved',
] as const;
export type Stage = (typeof STAGES)[number];

export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** 'personal': personal data, only for the users named on the item and the secretariat. */
export const ACCESS_LEVELS = ['open', 'closed', 'personal'] as const;
export type Access = (typeof ACCESS_LEVELS)[number];

export const OUTCOMES = [
  'approved',
  'approved-with-changes',
  'discussed',
  'noted',
  'postponed',
  'rejected',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const STANDARD_KINDS = [
  'approve-agenda',
  'approve-minutes',
  'any-other-business',
  'next-meeting',
] as const;
export type StandardKind = (typeof STANDARD_KINDS)[number];

export const FOLLOW_UP_STATUSES = ['open', 'done', 'cancelled'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const ATTENDANCE_KINDS = ['participant', 'apology', 'guest'] as const;
export type AttendanceKind = (typeof ATTENDANCE_KINDS)[number];

export const MEMBER_ROLES = ['chair', 'vice-chair', 'member', 'substitute', 'secretary'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export interface Committee {
  id: number;
  shortName: string;
  name: string;
  kind: string;
  description: string;
}

export interface Meeting {
  id: number;
  committeeId: number;
  /** null only for an archive document without a date */
  date: string | null;
  startTime: string | null;
  endTime: string | null;
  place: string;
  status: MeetingStatus;
  cancelReason: string | null;
  stage: Stage;
  version: number;
}

export interface Item {
  id: number;
  meetingId: number;
  number: number;
  section: Section;
  title: string;
  publicTitle: string | null;
  access: Access;
  /** users named on a 'personal' item: they (and the secretariat) may read it */
  viewerIds: number[];
  summary: string;
  recommendations: string[];
  caseDescription: string;
  presenter: string;
  decision: string;
  outcome: Outcome | null;
  postMeetingNote: string;
  standardKind: StandardKind | null;
  approvesMeetingId: number | null;
  nextMeetingId: number | null;
  inInformationLetter: boolean;
  writtenProcedureDeadline: string | null;
  version: number;
}

export interface Attachment {
  id: number;
  itemId: number;
  title: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  access: Access;
  position: number;
}

export interface Attendance {
  id: number;
  meetingId: number;
  kind: AttendanceKind;
  personId: number | null;
  name: string;
  organisation: string;
  itemId: number | null;
}

export interface FollowUp {
  id: number;
  itemId: number | null;
  committeeId: number;
  what: string;
  ownerOrganisationId: number | null;
  ownerPerson: string;
  dueDate: string | null;
  dueMeetingId: number | null;
  status: FollowUpStatus;
  version: number;
}
