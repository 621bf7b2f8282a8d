/** Forms for meetings and items. They keep what was typed and show errors beside the fields. */
import type { FieldErrors } from '../../domain/errors.ts';
import {
  ACCESS_LABEL,
  ACCESS_LEVELS,
  SECTION_LABEL,
  SECTIONS,
} from '../../domain/meetings/index.ts';
import { Csrf, ErrorSummary, Select, TextArea, TextField } from './components.tsx';
import type { FormValues } from './render.tsx';

interface FormProps {
  action: string;
  values: FormValues;
  errors?: FieldErrors;
  message?: string;
  csrf: string;
}

export function MeetingForm(
  p: FormProps & {
    committees: { id: number; shortName: string; name: string }[];
    editing: boolean;
  },
) {
  return (
    <form method="post" action={p.action} class="app-form" novalidate>
      <ErrorSummary errors={p.errors} message={p.message} />
      <Csrf token={p.csrf} />
      {p.values.version ? <input type="hidden" name="version" value={p.values.version} /> : null}
      {p.editing ? (
        <input type="hidden" name="committeeId" value={p.values.committeeId ?? ''} />
      ) : (
        <Select
          name="committeeId"
          label="Udvalg"
          value={p.values.committeeId}
          errors={p.errors}
          emptyLabel="Vælg udvalg"
          options={p.committees.map((c) => ({ value: c.id, label: `${c.shortName} – ${c.name}` }))}
        />
      )}
      <TextField
        name="date"
        label="Dato"
        hint="dd.mm.åååå"
        value={p.values.date}
        errors={p.errors}
        width="s"
      />
      <TextField
        name="startTime"
        label="Starttidspunkt"
        hint="tt.mm"
        value={p.values.startTime}
        errors={p.errors}
        width="xs"
      />
      <TextField
        name="endTime"
        label="Sluttidspunkt"
        hint="tt.mm"
        value={p.values.endTime}
        errors={p.errors}
        width="xs"
      />
      <TextField name="place" label="Sted" value={p.values.place} errors={p.errors} width="l" />
      <button type="submit" class="button button-primary">
        {p.editing ? 'Gem mødet' : 'Opret mødet'}
      </button>
    </form>
  );
}

export function ItemForm(p: FormProps & { editing: boolean; latestHref?: string }) {
  return (
    <form method="post" action={p.action} class="app-form" novalidate>
      <ErrorSummary errors={p.errors} message={p.message} />
      {p.latestHref ? (
        <p>
          <a href={p.latestHref} target="_blank">
            Åbn den nyeste udgave i et nyt vindue
          </a>{' '}
          og sammenlign med din tekst nedenfor. Din tekst er ikke gemt.
        </p>
      ) : null}
      <Csrf token={p.csrf} />
      {p.values.version ? <input type="hidden" name="version" value={p.values.version} /> : null}
      <TextField name="title" label="Titel" value={p.values.title} errors={p.errors} width="xl" />
      <Select
        name="section"
        label="Sektion"
        value={p.values.section ?? 'for-decision'}
        errors={p.errors}
        options={SECTIONS.map((s) => ({ value: s, label: SECTION_LABEL[s] }))}
      />
      <Select
        name="access"
        label="Adgang"
        hint="Et lukket punkt vises aldrig offentligt; kun sekretariatet og udvalgets medlemmer ser det. Personoplysninger ser kun sekretariatet og de navngivne brugere."
        value={p.values.access ?? 'open'}
        errors={p.errors}
        options={ACCESS_LEVELS.map((a) => ({ value: a, label: ACCESS_LABEL[a] }))}
      />
      <TextArea
        name="viewers"
        label="Må læse punktet (ved personoplysninger)"
        hint="E-mailadresser på de brugere, der må læse punktet, én pr. linje. Sekretariatet ser det altid."
        value={p.values.viewers}
        errors={p.errors}
        rows={2}
      />
      <TextField
        name="publicTitle"
        label="Neutral offentlig titel (valgfri, for lukkede punkter)"
        hint="Vises offentligt i stedet for den rigtige titel, fx “Personalesag”."
        value={p.values.publicTitle}
        errors={p.errors}
        width="xl"
      />
      <TextField
        name="presenter"
        label="Oplæg ved"
        value={p.values.presenter}
        errors={p.errors}
        width="l"
      />
      <TextArea name="summary" label="Resumé" value={p.values.summary} errors={p.errors} rows={4} />
      <TextArea
        name="recommendations"
        label="Indstilling"
        hint="Ét punkt pr. linje; “Det indstilles, at” skrives automatisk foran."
        value={p.values.recommendations}
        errors={p.errors}
        rows={4}
      />
      <TextArea
        name="caseDescription"
        label="Sagsbeskrivelse"
        hint="Overskrift: ## Baggrund. Punktopstilling: - tekst. Tabel: | Kommune | Takst |. Tom linje mellem afsnit."
        value={p.values.caseDescription}
        errors={p.errors}
        rows={14}
      />
      <button type="submit" class="button button-primary">
        {p.editing ? 'Gem punktet' : 'Tilføj punktet'}
      </button>
    </form>
  );
}
