/** Renders a page inside the layout with the request's user and CSRF token. */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../context.ts';
import { Layout, type LayoutProps } from './layout.tsx';

/** A handler's context on any path. */
export type PageContext = Context<AppEnv, string>;

export function page(
  c: PageContext,
  props: Omit<LayoutProps, 'user' | 'csrfToken' | 'children'>,
  body: Child,
  status: ContentfulStatusCode = 200,
) {
  return c.html(
    <Layout {...props} user={c.get('user')} csrfToken={c.get('csrfToken')}>
      {body}
    </Layout>,
    status,
  );
}

/** Form values as strings, for re-showing what the user typed. */
export type FormValues = Record<string, string>;

export async function formValues(c: PageContext): Promise<FormValues> {
  const body = await c.req.parseBody();
  const out: FormValues = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && k !== '_csrf') out[k] = v;
  return out;
}

export function intParam(c: PageContext, name: string): number {
  const n = Number(c.req.param(name));
  // Ids are 32-bit in the database; anything else cannot exist.
  return Number.isInteger(n) && n > 0 && n <= 2_147_483_647 ? n : -1;
}
