/** Input for meetings, items, decisions, attendance and follow-ups: one schema each. */
import { z } from 'zod';
import {
  ACCESS_LABEL,
  ACCESS_LEVELS,
  ATTENDANCE_KINDS,
  ATTENDANCE_LABEL,
  FOLLOW_UP_STATUS_LABEL,
  FOLLOW_UP_STATUSES,
  MEMBER_ROLE_LABEL,
  MEMBER_ROLES,
  OUTCOME_LABEL,
  OUTCOMES,
  SECTION_LABEL,
  SECTIONS,
} from '../../domain/meetings/index.ts';
import {
  date,
  id,
  lines,
  oneOf,
  optionalDate,
  optionalId,
  optionalText,
  optionalTime,
  text,
  version,
} from './fields.ts';

const isTime = (v: unknown): v is string => typeof v === 'string' && /^\d{2}:\d{2}$/.test(v);

export const meetingSchema = z
  .object({
    committeeId: id('Vælg et udvalg.'),
    date: date('Skriv mødets dato.'),
    startTime: optionalTime,
    endTime: optionalTime,
    place: optionalText(200),
  })
  .refine((m) => !isTime(m.startTime) || !isTime(m.endTime) || m.endTime > m.startTime, {
    path: ['endTime'],
    message: 'Sluttidspunktet skal ligge efter starttidspunktet.',
    // Checked even when another field is wrong, so the user sees every problem at once.
    when: () => true,
  });
export type MeetingInput = z.infer<typeof meetingSchema>;

export const meetingUpdateSchema = meetingSchema.and(z.object({ version }));

export const cancelSchema = z.object({
  version,
  reason: text(500, 'Skriv hvorfor mødet aflyses, fx "Aflyst pga. for få punkter".'),
});

export const itemSchema = z.object({
  section: oneOf(SECTIONS, SECTION_LABEL),
  title: text(300, 'Skriv punktets titel.'),
  publicTitle: z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z.union([z.null(), text(300)]),
  ),
  access: oneOf(ACCESS_LEVELS, ACCESS_LABEL),
  /** e-mail addresses of the users who may read a 'personal' item, one per line in the form */
  viewers: lines.pipe(
    z.array(
      z
        .string()
        .max(320)
        .regex(/^[^\s@]+@[^\s@]+$/, 'Skriv brugernes e-mailadresser, én pr. linje.'),
    ),
  ),
  summary: optionalText(5000),
  recommendations: lines,
  caseDescription: optionalText(200_000),
  presenter: optionalText(300),
});
export type ItemInput = z.infer<typeof itemSchema>;

export const itemUpdateSchema = itemSchema.extend({ version });

export const decisionSchema = z.object({
  version,
  decision: optionalText(20_000),
  outcome: z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z.union([z.null(), oneOf(OUTCOMES, OUTCOME_LABEL)]),
  ),
  postMeetingNote: optionalText(5000),
});
export type DecisionInput = z.infer<typeof decisionSchema>;

export const correctionSchema = decisionSchema.extend({
  reason: text(1000, 'Skriv en begrundelse for rettelsen; den vises i referatet.'),
});

export const attendanceSchema = z.object({
  kind: oneOf(ATTENDANCE_KINDS, ATTENDANCE_LABEL),
  name: text(200, 'Skriv personens navn.'),
  organisation: optionalText(200),
  itemId: optionalId,
  personId: optionalId,
});

export const followUpSchema = z
  .object({
    what: text(2000, 'Skriv hvad der skal følges op på.'),
    ownerOrganisationId: optionalId,
    ownerPerson: optionalText(200),
    dueDate: optionalDate,
    dueMeetingId: optionalId,
  })
  .refine((f) => f.ownerOrganisationId !== null || f.ownerPerson !== '', {
    path: ['ownerPerson'],
    message: 'Angiv hvem der har opgaven: en organisation eller en person.',
  })
  .refine((f) => f.dueDate !== null || f.dueMeetingId !== null, {
    path: ['dueDate'],
    message: 'Angiv en frist: en dato eller et møde.',
  });

export const followUpStatusSchema = z.object({
  version,
  status: oneOf(FOLLOW_UP_STATUSES, FOLLOW_UP_STATUS_LABEL),
});

export const writtenProcedureSchema = z.object({
  deadline: date('Skriv fristen for den skriftlige høring.'),
});

export const writtenResponseSchema = z.object({
  respondent: text(200, 'Skriv hvem der har svaret.'),
  organisationId: optionalId,
  answer: oneOf(['agree', 'disagree', 'abstain'] as const, {
    agree: 'Enig',
    disagree: 'Uenig',
    abstain: 'Undlader',
  }),
  comment: optionalText(2000),
  answeredOn: date('Skriv hvornår svaret kom.'),
});

export const memberSchema = z
  .object({
    name: text(200, 'Skriv personens navn.'),
    email: z.preprocess(
      (v) => (v === '' || v === undefined ? null : v),
      z.union([
        z.null(),
        z
          .string()
          .trim()
          .regex(
            /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
            'Skriv en gyldig e-mailadresse, fx navn@kommune.dk.',
          ),
      ]),
    ),
    organisationId: optionalId,
    role: oneOf(MEMBER_ROLES, MEMBER_ROLE_LABEL),
    validFrom: date('Skriv hvornår medlemskabet begynder.'),
    validTo: optionalDate,
  })
  .refine((m) => m.validTo === null || m.validTo >= m.validFrom, {
    path: ['validTo'],
    message: 'Slutdatoen skal ligge efter startdatoen.',
  });

export const endMemberSchema = z.object({ validTo: date('Skriv hvornår medlemskabet slutter.') });

export const informationLetterSchema = z.object({
  itemIds: z.preprocess(
    (v): unknown[] => (v === undefined ? [] : Array.isArray(v) ? (v as unknown[]) : [v]),
    z.array(z.coerce.number().int().positive()),
  ),
});
