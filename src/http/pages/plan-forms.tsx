/** The form fields of the agreement, its focus areas, initiatives and activities. */
import type { FieldErrors } from '../../domain/errors.ts';
import { formatDanishDate } from '../../domain/meetings/index.ts';
import {
  ACTIVITY_STATUS_LABEL,
  ACTIVITY_STATUSES,
  PLAN_PERIOD_LABEL,
  PLAN_PERIODS,
} from '../../domain/plan/index.ts';
import type { PlanItemRef } from '../../db/repositories/plan.repository.ts';
import { Select, TextArea, TextField } from './components.tsx';

export type Values = Record<string, string | undefined>;
interface Props {
  values: Values;
  errors?: FieldErrors;
}

export function AgreementFields({ values, errors }: Props) {
  return (
    <>
      <TextField
        name="name"
        label="Navn"
        hint="Fx Rammeaftale 2021-2022"
        value={values.name}
        errors={errors}
        width="xl"
      />
      <TextField
        name="periodStart"
        label="Første år"
        value={values.periodStart}
        errors={errors}
        width="xs"
      />
      <TextField
        name="periodEnd"
        label="Sidste år"
        value={values.periodEnd}
        errors={errors}
        width="xs"
      />
      <TextArea name="vision" label="Vision" value={values.vision} errors={errors} rows={4} />
    </>
  );
}

export function FocusAreaFields({ values, errors }: Props) {
  return (
    <>
      <TextField name="number" label="Nummer" value={values.number} errors={errors} width="xs" />
      <TextField name="title" label="Titel" value={values.title} errors={errors} width="xl" />
      <TextArea
        name="description"
        label="Beskrivelse"
        value={values.description}
        errors={errors}
        rows={4}
      />
    </>
  );
}

type Committee = { id: number; shortName: string; name: string };
const committeeOptions = (committees: readonly Committee[]) =>
  committees.map((c) => ({ value: c.id, label: `${c.shortName} – ${c.name}` }));

export function InitiativeFields({
  values,
  errors,
  committees,
}: Props & { committees: readonly Committee[] }) {
  return (
    <>
      <TextField
        name="code"
        label="Kode"
        hint="Fokusområdets nummer og et bogstav, fx 1A"
        value={values.code}
        errors={errors}
        width="xs"
      />
      <TextField name="title" label="Titel" value={values.title} errors={errors} width="xl" />
      <TextArea
        name="description"
        label="Beskrivelse"
        value={values.description}
        errors={errors}
        rows={4}
      />
      <Select
        name="committeeId"
        label="Forankret i"
        hint="Den gruppe eller det udvalg, der bærer initiativet"
        value={values.committeeId}
        errors={errors}
        emptyLabel="Ikke angivet"
        options={committeeOptions(committees)}
      />
    </>
  );
}

export function ActivityFields({
  values,
  errors,
  committees,
  items,
}: Props & { committees: readonly Committee[]; items: readonly PlanItemRef[] }) {
  return (
    <>
      <TextField name="title" label="Aktivitet" value={values.title} errors={errors} width="xl" />
      <TextField name="year" label="År" value={values.year} errors={errors} width="xs" />
      <Select
        name="period"
        label="Hvornår på året"
        value={values.period}
        errors={errors}
        options={PLAN_PERIODS.map((p) => ({ value: p, label: PLAN_PERIOD_LABEL[p] }))}
      />
      <Select
        name="status"
        label="Status"
        value={values.status}
        errors={errors}
        options={ACTIVITY_STATUSES.map((s) => ({ value: s, label: ACTIVITY_STATUS_LABEL[s] }))}
      />
      <Select
        name="committeeId"
        label="Ansvarlig gruppe eller udvalg"
        value={values.committeeId}
        errors={errors}
        emptyLabel="Ikke angivet"
        options={committeeOptions(committees)}
      />
      <Select
        name="itemId"
        label="Dagsordenspunkt"
        hint="Punktet på et møde i aftalens periode, hvor aktiviteten behandles"
        value={values.itemId}
        errors={errors}
        emptyLabel="Intet punkt"
        options={items.map((i) => ({
          value: i.id,
          label: `${i.committeeShortName} ${formatDanishDate(i.meetingDate)}, punkt ${i.number}: ${i.title}${i.access === 'closed' ? ' (lukket)' : ''}`,
        }))}
      />
      <TextArea name="note" label="Bemærkning" value={values.note} errors={errors} rows={3} />
    </>
  );
}
