/** Input for groups: terms of reference, members with profiles, wanted profiles, nominations. */
import { z } from 'zod';
import {
  FUNCTION_LABEL,
  FUNCTIONS,
  GROUP_TYPE_LABEL,
  GROUP_TYPES,
  LEVEL_LABEL,
  LEVELS,
  TARGET_GROUP_LABEL,
  TARGET_GROUPS,
} from '../../domain/groups/index.ts';
import { MEMBER_ROLE_LABEL, MEMBER_ROLES } from '../../domain/meetings/index.ts';
import {
  date,
  id,
  lines,
  oneOf,
  optionalDate,
  optionalId,
  optionalText,
  text,
  toIsoDate,
  version,
} from './fields.ts';

const optional = <T extends readonly [string, ...string[]]>(
  values: T,
  labels: Record<T[number], string>,
) =>
  z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z.union([z.null(), oneOf(values, labels)]),
  );

/** "19.10.2021 Status til DAS" or "Status til DAS" per line → milestones. */
const milestoneLines = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(/\r?\n/) : (v ?? [])),
  z
    .array(z.string().max(2000, 'Højst 2000 tegn pr. milepæl.'))
    // a leading "19.10.2021" is a date, not a numbered bullet: strip only "-", "•" and "*"
    .transform((a) => a.map((s) => s.replace(/^\s*[-•*]\s*/, '').trim()).filter((s) => s !== '')),
);
const milestones = milestoneLines.transform((list) =>
  list.map((line) => {
    const m = /^(\d{1,2}[./-]\d{1,2}[./ -]\d{4}|\d{4}-\d{2}-\d{2})\s*[:–-]?\s*(.*)$/.exec(line);
    const iso = m?.[1] ? toIsoDate(m[1]) : null;
    return iso !== null && m ? { date: iso, text: m[2] ?? '' } : { date: null, text: line };
  }),
);

export const groupSchema = z.object({
  name: text(200, 'Skriv gruppens navn.'),
  shortName: text(40, 'Skriv en kort forkortelse, fx AG-Kvisten.'),
  groupType: oneOf(GROUP_TYPES, GROUP_TYPE_LABEL),
  parentId: optionalId,
  description: optionalText(2000),
  background: optionalText(8000),
  purpose: optionalText(8000),
  tasks: lines,
  deliverables: lines,
  milestones,
  chair: optionalText(300),
  secretariat: optionalText(300),
  evaluationDate: optionalDate,
});
export type GroupInput = z.infer<typeof groupSchema>;
export const groupUpdateSchema = groupSchema.and(z.object({ version }));

export const profileFields = {
  function: optional(FUNCTIONS, FUNCTION_LABEL),
  targetGroup: optional(TARGET_GROUPS, TARGET_GROUP_LABEL),
  level: optional(LEVELS, LEVEL_LABEL),
};

const optionalEmail = z.preprocess(
  (v) => (v === '' || v === undefined ? null : v),
  z.union([
    z.null(),
    z.string().trim().email('Skriv en gyldig e-mailadresse, fx navn@kommune.dk.'),
  ]),
);

export const groupMemberSchema = z.object({
  name: text(200, 'Skriv medlemmets navn.'),
  email: optionalEmail,
  organisationId: optionalId,
  role: oneOf(MEMBER_ROLES, MEMBER_ROLE_LABEL),
  validFrom: date('Skriv hvornår medlemskabet begynder.'),
  validTo: optionalDate,
  ...profileFields,
});

const count = (message: string) => z.coerce.number({ error: message }).int(message).min(0, message);

export const wantedSchema = z.object({
  label: text(200, 'Beskriv profilen, fx "5-6 myndighed, børn, unge og voksne".'),
  minCount: count('Skriv et helt tal.'),
  maxCount: z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z.union([z.null(), count('Skriv et helt tal.')]),
  ),
  ...profileFields,
});

export const approvalSchema = z.object({
  approverCommitteeId: id('Vælg hvem der godkender.'),
  itemId: optionalId,
  approvedOn: optionalDate,
  note: optionalText(500),
});

export const roundSchema = z.object({ deadline: optionalDate, note: optionalText(1000) });

export const nomineeSchema = z.object({
  organisationId: id('Vælg kommunen.'),
  name: text(200, 'Skriv navnet på den indstillede.'),
  email: optionalEmail,
  title: z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z.union([z.null(), text(200)]),
  ),
  ...profileFields,
});
