/** Form pieces in Det Fælles Designsystem, with Danish field errors beside the field. */
import type { Child } from 'hono/jsx';
import type { FieldErrors } from '../../domain/errors.ts';

export interface FieldProps {
  name: string;
  label: string;
  value?: string | number | null;
  errors?: FieldErrors;
  hint?: string;
  type?: string;
  required?: boolean;
  width?: 'xs' | 's' | 'm' | 'l' | 'xl';
  /** e.g. "current-password", "new-password", "username" */
  autocomplete?: string;
}

function ErrorText({ message }: { message: string | undefined }) {
  return message === undefined ? null : (
    <span class="form-error-message">
      <span class="sr-only">Fejl: </span>
      {message}
    </span>
  );
}

export function TextField(p: FieldProps) {
  const error = p.errors?.[p.name];
  return (
    <div class={`form-group${error ? ' form-error' : ''}`}>
      <label class="form-label" for={p.name}>
        {p.label}
        {p.required ? <span class="sr-only"> (skal udfyldes)</span> : null}
      </label>
      {p.hint ? <span class="form-hint">{p.hint}</span> : null}
      <ErrorText message={error} />
      <input
        class={`form-input${p.width ? ` input-width-${p.width}` : ''}`}
        id={p.name}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.value ?? ''}
        autocomplete={p.autocomplete}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

export function TextArea(p: FieldProps & { rows?: number }) {
  const error = p.errors?.[p.name];
  return (
    <div class={`form-group${error ? ' form-error' : ''}`}>
      <label class="form-label" for={p.name}>
        {p.label}
      </label>
      {p.hint ? <span class="form-hint">{p.hint}</span> : null}
      <ErrorText message={error} />
      <textarea
        class="form-input"
        id={p.name}
        name={p.name}
        rows={p.rows ?? 5}
        aria-invalid={error ? 'true' : undefined}
      >
        {p.value ?? ''}
      </textarea>
    </div>
  );
}

export function Select(
  p: FieldProps & {
    options: readonly { value: string | number; label: string }[];
    emptyLabel?: string;
  },
) {
  const error = p.errors?.[p.name];
  return (
    <div class={`form-group${error ? ' form-error' : ''}`}>
      <label class="form-label" for={p.name}>
        {p.label}
      </label>
      {p.hint ? <span class="form-hint">{p.hint}</span> : null}
      <ErrorText message={error} />
      <select class="form-select" id={p.name} name={p.name}>
        {p.emptyLabel !== undefined ? <option value="">{p.emptyLabel}</option> : null}
        {p.options.map((o) => (
          <option value={String(o.value)} selected={String(o.value) === String(p.value ?? '')}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** The error summary at the top of a form that failed. */
export function ErrorSummary({ errors, message }: { errors?: FieldErrors; message?: string }) {
  if (!message && (!errors || Object.keys(errors).length === 0)) return null;
  return (
    <div class="alert alert-error" role="alert">
      <div class="alert-body">
        <p class="alert-heading">{message ?? 'Formularen kunne ikke gemmes'}</p>
        {errors && Object.keys(errors).length > 0 ? (
          <ul class="nobullet-list">
            {Object.entries(errors).map(([field, text]) => (
              <li>
                <a href={`#${field}`}>{text}</a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}

export function Notice({
  kind,
  children,
}: {
  kind: 'info' | 'success' | 'warning';
  children?: Child;
}) {
  return (
    <div class={`alert alert-${kind}`} role="status">
      <div class="alert-body">{children}</div>
    </div>
  );
}

/** A POST button (a small form): actions never happen on GET. */
export function ActionButton(p: {
  action: string;
  label: string;
  csrf: string;
  version?: number;
  kind?: 'primary' | 'secondary' | 'tertiary' | 'warning';
  fields?: Record<string, string>;
}) {
  return (
    <form method="post" action={p.action} class="inline-form">
      <Csrf token={p.csrf} />
      {p.version !== undefined ? (
        <input type="hidden" name="version" value={String(p.version)} />
      ) : null}
      {Object.entries(p.fields ?? {}).map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      <button type="submit" class={`button button-${p.kind ?? 'secondary'}`}>
        {p.label}
      </button>
    </form>
  );
}

/** "Fra" and "Til (valgfri)": the period of a membership, as dd.mm.åååå. */
export function PeriodFields(p: {
  values: Record<string, string | undefined>;
  errors?: FieldErrors;
}) {
  return (
    <>
      <TextField
        name="validFrom"
        label="Fra"
        hint="dd.mm.åååå"
        value={p.values.validFrom}
        errors={p.errors}
        width="s"
      />
      <TextField
        name="validTo"
        label="Til (valgfri)"
        hint="dd.mm.åååå"
        value={p.values.validTo}
        errors={p.errors}
        width="s"
      />
    </>
  );
}

/** "Forrige side · Side 2 af 7 · Næste side" under a paged list; nothing for a single page. */
export function Paging(p: { page: number; pages: number; href: (page: number) => string }) {
  if (p.pages <= 1) return null;
  return (
    <nav class="search-paging" aria-label="Sider">
      {p.page > 1 ? (
        <a class="button button-secondary" href={p.href(p.page - 1)}>
          Forrige side
        </a>
      ) : null}
      <span>
        Side {p.page} af {p.pages}
      </span>
      {p.page < p.pages ? (
        <a class="button button-secondary" href={p.href(p.page + 1)}>
          Næste side
        </a>
      ) : null}
    </nav>
  );
}
