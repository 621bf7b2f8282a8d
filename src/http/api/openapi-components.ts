/** Response shapes for the OpenAPI document, written to match presenters.ts. */
import {
  ACCESS_LEVELS,
  FOLLOW_UP_STATUSES,
  MEETING_STATUSES,
  OUTCOMES,
  SECTIONS,
  STAGES,
} from '../../domain/meetings/index.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const str = { type: 'string' };
const int = { type: 'integer' };
const nullable = (schema: Record<string, unknown>) => ({ anyOf: [schema, { type: 'null' }] });
const date = { type: 'string', format: 'date' };
const instant = nullable({ type: 'string', format: 'date-time' });
const object = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({
  type: 'object',
  properties,
  required,
});
const list = (key: string, item: string) => object({ [key]: { type: 'array', items: ref(item) } });
const person = object({ name: str, organisation: str });

export const OPENAPI_COMPONENTS: Record<string, Record<string, unknown>> = {
  Error: object(
    {
      error: { ...str, description: 'En dansk sætning, der siger hvad der er galt' },
      fields: { type: 'object', additionalProperties: str },
    },
    ['error'],
  ),
  Committee: object({
    id: int,
    shortName: str,
    name: str,
    kind: str,
    description: str,
    parentId: nullable(int),
    defaultStartTime: nullable(str),
    defaultEndTime: nullable(str),
    defaultPlace: nullable(str),
  }),
  CommitteeList: list('committees', 'Committee'),
  Member: object({
    id: int,
    personId: int,
    name: str,
    organisationId: nullable(int),
    organisation: nullable(str),
    role: { enum: ['chair', 'vice-chair', 'member', 'substitute', 'secretary'] },
    validFrom: date,
    validTo: nullable(date),
  }),
  CommitteeDetail: {
    allOf: [
      ref('Committee'),
      object({
        members: { type: 'array', items: ref('Member') },
        meetings: { type: 'array', items: ref('Meeting') },
      }),
    ],
  },
  Meeting: object({
    id: int,
    committee: object({ id: int, shortName: str, name: str }),
    date: nullable(date),
    startTime: nullable(str),
    endTime: nullable(str),
    place: str,
    status: { enum: [...MEETING_STATUSES] },
    cancelReason: nullable(str),
    stage: { enum: [...STAGES] },
    version: int,
    agendaPublishedAt: instant,
    minutesPublishedAt: instant,
    minutesApprovedAt: instant,
    informationLetterSentAt: instant,
  }),
  MeetingList: list('meetings', 'Meeting'),
  HiddenItem: object({
    number: int,
    access: { const: 'closed' },
    hidden: { const: true },
    title: { ...str, description: '"Lukket punkt"' },
  }),
  DocumentAttachment: object({
    id: int,
    label: str,
    title: str,
    filename: str,
    size: int,
    access: { enum: [...ACCESS_LEVELS] },
    url: str,
  }),
  DocumentItem: object({
    id: int,
    number: int,
    section: { enum: [...SECTIONS] },
    access: { enum: [...ACCESS_LEVELS] },
    hidden: { const: false },
    title: str,
    summary: str,
    recommendations: { type: 'array', items: str },
    caseDescription: str,
    presenter: str,
    decision: nullable(str),
    outcome: nullable({ enum: [...OUTCOMES] }),
    postMeetingNote: str,
    attachments: { type: 'array', items: ref('DocumentAttachment') },
    guests: { type: 'array', items: str },
    corrections: { type: 'array', items: object({ reason: str, createdAt: str }) },
  }),
  Attendance: object({
    id: int,
    kind: { enum: ['participant', 'apology', 'guest'] },
    name: str,
    organisation: str,
    itemId: nullable(int),
    personId: nullable(int),
  }),
  MeetingDocument: object(
    {
      meeting: ref('Meeting'),
      publicEdition: { type: 'boolean' },
      participants: { type: 'array', items: person },
      apologies: { type: 'array', items: person },
      guests: { type: 'array', items: person },
      items: { type: 'array', items: { anyOf: [ref('DocumentItem'), ref('HiddenItem')] } },
      attendance: { type: 'array', items: ref('Attendance'), description: 'Kun for sekretariatet' },
    },
    ['meeting', 'publicEdition', 'participants', 'apologies', 'guests', 'items'],
  ),
  Item: {
    allOf: [
      ref('DocumentItem'),
      object({
        meetingId: int,
        publicTitle: nullable(str),
        viewers: {
          type: 'array',
          items: str,
          description:
            'Kun for sekretariatet: e-mailadresser på dem, der må læse et punkt med personoplysninger',
        },
        standardKind: nullable({
          enum: ['approve-agenda', 'approve-minutes', 'any-other-business', 'next-meeting'],
        }),
        approvesMeetingId: nullable(int),
        nextMeetingId: nullable(int),
        inInformationLetter: { type: 'boolean' },
        writtenProcedureDeadline: nullable(date),
        version: int,
      }),
    ],
  },
  Attachment: object({
    id: int,
    itemId: int,
    title: str,
    filename: str,
    mediaType: str,
    size: int,
    sha256: str,
    access: { enum: [...ACCESS_LEVELS] },
    url: str,
  }),
  AttachmentUpload: object(
    {
      file: { type: 'string', contentMediaType: 'application/octet-stream', description: 'Filen' },
      title: { ...str, description: 'Titel; ellers filnavnet' },
      access: { enum: [...ACCESS_LEVELS], default: 'open' },
    },
    ['file'],
  ),
  FollowUp: object({
    id: int,
    committeeId: int,
    itemId: nullable(int),
    meetingId: nullable(int),
    itemNumber: nullable(int),
    itemTitle: nullable(str),
    meetingDate: nullable(date),
    what: str,
    ownerOrganisationId: nullable(int),
    ownerOrganisation: nullable(str),
    ownerPerson: str,
    dueDate: nullable(date),
    dueMeetingId: nullable(int),
    dueMeetingDate: nullable(date),
    status: { enum: [...FOLLOW_UP_STATUSES] },
    version: int,
  }),
  FollowUpList: list('followUps', 'FollowUp'),
  WrittenResponses: object({
    itemId: int,
    writtenProcedureDeadline: nullable(date),
    responses: {
      type: 'array',
      items: object({
        id: int,
        itemId: int,
        respondent: str,
        organisation: nullable(str),
        answer: { enum: ['agree', 'disagree', 'abstain'] },
        comment: str,
        answeredOn: date,
      }),
    },
  }),
  AuditEvent: object({
    id: int,
    at: { type: 'string', format: 'date-time' },
    actor: object({ userId: nullable(int), label: str }),
    table: str,
    rowKey: { ...str, description: 'Postens nøgle; "/" mellem delene af en sammensat nøgle' },
    operation: { enum: ['insert', 'update', 'delete'] },
    changedColumns: { type: 'array', items: str },
    before: nullable({ type: 'object', description: 'Posten før (null ved oprettelse)' }),
    after: nullable({ type: 'object', description: 'Posten efter (null ved sletning)' }),
  }),
  AuditPage: object({
    total: int,
    limit: int,
    offset: int,
    events: { type: 'array', items: ref('AuditEvent') },
  }),
};
