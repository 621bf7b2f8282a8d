import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../context.ts';
import { Layout } from './layout.tsx';

export function errorPage(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  title: string,
  message: string,
) {
  return c.html(
    <Layout title={title} user={c.get('user') ?? null} csrfToken={c.get('csrfToken') ?? ''}>
      <h1>{title}</h1>
      <div class="alert alert-warning" role="alert">
        <div class="alert-body">
          <p>{message}</p>
        </div>
      </div>
      <p>
        <a href="/">Gå til forsiden</a>
      </p>
    </Layout>,
    status,
  );
}
