/**
 * Rows → JSON for the API: explicit English camelCase keys, so a new database column never
 * reaches a client by accident. Closed content reaches a presenter only if the service let it
 * through (MeetingDocument); hidden items are cut down to their number and "Lukket punkt".
 */
import type { Attachment, Attendance, Item, MeetingDocument } from '../../domain/meetings/index.ts';
import type { DocumentItem } from '../../domain/meetings/index.ts';
import type { CommitteeRow, Membership } from '../../db/repositories/committee.repository.ts';
import type { WrittenResponse } from '../../db/repositories/decision-record.repository.ts';
import type { FollowUpRow } from '../../db/repositories/follow-up.repository.ts';
import type { MeetingRow } from '../../db/repositories/meeting.repository.ts';

const time = (t: string | null) => (t === null ? null : t.slice(0, 5));
const instant = (d: Date | null) => (d === null ? null : d.toISOString());

export function presentCommittee(c: CommitteeRow) {
  return {
    id: c.id,
    shortName: c.shortName,
    name: c.name,
    kind: c.kind,
    description: c.description,
    parentId: c.parentId,
    defaultStartTime: time(c.defaultStart),
    defaultEndTime: time(c.defaultEnd),
    defaultPlace: c.defaultPlace,
  };
}

export function presentMember(m: Membership) {
  return {
    id: m.id,
    personId: m.personId,
    name: m.personName,
    organisationId: m.organisationId,
    organisation: m.organisation,
    role: m.role,
    validFrom: m.validFrom,
    validTo: m.validTo,
  };
}

export function presentMeeting(m: MeetingRow) {
  return {
    id: m.id,
    committee: { id: m.committeeId, shortName: m.committeeShortName, name: m.committeeName },
    date: m.date,
    startTime: time(m.startTime),
    endTime: time(m.endTime),
    place: m.place,
    status: m.status,
    cancelReason: m.cancelReason,
    stage: m.stage,
    version: m.version,
    agendaPublishedAt: instant(m.agendaPublishedAt),
    minutesPublishedAt: instant(m.minutesPublishedAt),
    minutesApprovedAt: instant(m.minutesApprovedAt),
    informationLetterSentAt: instant(m.informationLetterSentAt),
  };
}

/** A hidden (closed) item: nothing but its place in the agenda and "Lukket punkt". */
function presentHiddenItem(i: DocumentItem) {
  return { number: i.number, access: i.access, hidden: true as const, title: i.title };
}

export function presentDocumentItem(i: DocumentItem) {
  if (i.hidden) return presentHiddenItem(i);
  return {
    id: i.id,
    number: i.number,
    section: i.section,
    access: i.access,
    hidden: false as const,
    title: i.title,
    summary: i.summary,
    recommendations: i.recommendations,
    caseDescription: i.caseDescription,
    presenter: i.presenter,
    decision: i.decision,
    outcome: i.outcome,
    postMeetingNote: i.postMeetingNote,
    attachments: i.attachments.map((a) => ({
      id: a.id,
      label: a.label,
      title: a.title,
      filename: a.filename,
      size: a.size,
      access: a.access,
      url: `/api/attachments/${a.id}`,
    })),
    guests: i.guests,
    corrections: i.corrections,
  };
}

export function presentAttendance(a: Attendance) {
  return {
    id: a.id,
    kind: a.kind,
    name: a.name,
    organisation: a.organisation,
    itemId: a.itemId,
    personId: a.personId,
  };
}

/**
 * The meeting as the viewer may see it. `attendance` (with ids, for removing entries) is given
 * only to editors.
 */
export function presentDocument(
  doc: MeetingDocument,
  meeting: MeetingRow,
  attendance: Attendance[] | null,
) {
  return {
    meeting: presentMeeting(meeting),
    publicEdition: doc.publicEdition,
    participants: doc.participants,
    apologies: doc.apologies,
    guests: doc.guests,
    items: doc.items.map(presentDocumentItem),
    ...(attendance === null ? {} : { attendance: attendance.map(presentAttendance) }),
  };
}

/**
 * One item the viewer may see: the document's viewer-filtered content (decisions only when
 * visible) plus the bookkeeping an editing client needs (version, links).
 */
export function presentItem(shown: DocumentItem, row: Item, viewers: string[] | null = null) {
  return {
    ...presentDocumentItem(shown),
    meetingId: row.meetingId,
    publicTitle: row.publicTitle,
    // who may read a personal item: for the secretariat only
    ...(viewers === null ? {} : { viewers }),
    standardKind: row.standardKind,
    approvesMeetingId: row.approvesMeetingId,
    nextMeetingId: row.nextMeetingId,
    inInformationLetter: row.inInformationLetter,
    writtenProcedureDeadline: row.writtenProcedureDeadline,
    version: row.version,
  };
}

export function presentAttachment(a: Attachment) {
  return {
    id: a.id,
    itemId: a.itemId,
    title: a.title,
    filename: a.filename,
    mediaType: a.mediaType,
    size: a.size,
    sha256: a.sha256,
    access: a.access,
    url: `/api/attachments/${a.id}`,
  };
}

export function presentFollowUp(f: FollowUpRow) {
  return {
    id: f.id,
    committeeId: f.committeeId,
    itemId: f.itemId,
    meetingId: f.meetingId,
    itemNumber: f.itemNumber,
    itemTitle: f.itemTitle,
    meetingDate: f.meetingDate,
    what: f.what,
    ownerOrganisationId: f.ownerOrganisationId,
    ownerOrganisation: f.ownerOrganisation,
    ownerPerson: f.ownerPerson,
    dueDate: f.dueDate,
    dueMeetingId: f.dueMeetingId,
    dueMeetingDate: f.dueMeetingDate,
    status: f.status,
    version: f.version,
  };
}

export function presentWrittenResponse(r: WrittenResponse) {
  return {
    id: r.id,
    itemId: r.itemId,
    respondent: r.respondent,
    organisation: r.organisation,
    answer: r.answer,
    comment: r.comment,
    answeredOn: r.answeredOn,
  };
}
