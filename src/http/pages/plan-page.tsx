/** What the plan's pages share: the service, breadcrumbs, and the form page with its POST flow. */
import type { Child } from 'hono/jsx';
import type { z } from 'zod';
import type { FieldErrors } from '../../domain/errors.ts';
import type { Agreement } from '../../domain/plan/index.ts';
import { planService } from '../../services/plan.service.ts';
import { Csrf, ErrorSummary } from './components.tsx';
import { submitForm } from './form-flow.ts';
import type { Values } from './plan-forms.tsx';
import { formValues, page, type PageContext } from './render.tsx';

export const svc = (c: PageContext) => planService(c.get('services').db, c.get('services').clock);
export const saved = (path: string, message: string) =>
  `${path}?saved=${encodeURIComponent(message)}`;
/** Back to a page with a warning: what was not done and why. */
export const refused = (path: string, message: string) =>
  `${path}?error=${encodeURIComponent(message)}`;
export const crumbs = (a?: Agreement) => [
  { href: '/plan', label: 'Aftale og plan' },
  ...(a ? [{ href: `/plan/${a.id}`, label: a.name }] : []),
];
export const text = (v: string | number | null) => (v === null ? '' : String(v));

export interface FormPage {
  title: string;
  action: string;
  submit: string;
  agreement?: Agreement;
  fields: Child;
  version?: number;
  errors?: FieldErrors;
  message?: string;
  status?: 200 | 400 | 409;
  /** shown below the form, e.g. the delete action */
  after?: Child;
}

export function formPage(c: PageContext, p: FormPage) {
  return page(
    c,
    { title: p.title, nav: 'plan', breadcrumbs: crumbs(p.agreement) },
    <>
      <h1>{p.title}</h1>
      <form method="post" action={p.action} class="app-form" novalidate>
        <ErrorSummary errors={p.errors} message={p.message} />
        <Csrf token={c.get('csrfToken')} />
        {p.version !== undefined ? (
          <input type="hidden" name="version" value={String(p.version)} />
        ) : null}
        {p.fields}
        <button type="submit" class="button button-primary">
          {p.submit}
        </button>
      </form>
      {p.after}
    </>,
    p.status ?? 200,
  );
}

/** Validates a POST, saves, and redirects; bad input shows the form again with what was typed. */
export async function handle<S extends z.ZodType>(
  c: PageContext,
  schema: S,
  save: (data: z.output<S>) => Promise<string>,
  again: (
    values: Values,
    errors: FieldErrors,
    message: string | undefined,
    status: 400 | 409,
  ) => Response | Promise<Response>,
) {
  const values = await formValues(c);
  return submitForm(
    schema,
    values,
    async (data) => c.redirect(await save(data), 303),
    (errors, message, status) => again(values, errors, message, status),
  );
}
