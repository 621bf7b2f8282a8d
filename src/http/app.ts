/**
 * The web application: Danish pages and the JSON API over the services. Errors a user can act on
 * become Danish pages (or JSON with field errors under /api) with the right status.
 */
import { Hono } from 'hono';
import type { Config } from '../config.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  StateError,
  ThrottledError,
  ValidationError,
} from '../domain/errors.ts';
import type { Services } from '../services/index.ts';
import { apiRoutes } from './api/index.ts';
import type { AppEnv } from './context.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { actor } from './middleware/actor.ts';
import { formPageGuard, writeGuard } from './middleware/guards.ts';
import { session } from './middleware/session.ts';
import { accountPages } from './pages/account.routes.tsx';
import { archivePages } from './pages/archive.routes.tsx';
import { auditPages } from './pages/audit.routes.tsx';
import { calendarPages } from './pages/calendar.routes.tsx';
import { committeePages } from './pages/committee.routes.tsx';
import { groupPages } from './pages/group.routes.tsx';
import { planPages } from './pages/plan.routes.tsx';
import { planPartPages } from './pages/plan-parts.routes.tsx';
import { financePages } from './pages/financing.routes.tsx';
import { occupancyPages } from './pages/occupancy.routes.tsx';
import { errorPage } from './pages/error-page.tsx';
import { homePages } from './pages/home.routes.tsx';
import { itemPages } from './pages/item.routes.tsx';
import { loginPages } from './pages/login.routes.tsx';
import { meetingPages } from './pages/meeting.routes.tsx';
import { minutesPages } from './pages/minutes.routes.tsx';
import { monitoringPages } from './pages/monitoring.routes.tsx';
import { offerPages } from './pages/offer.routes.tsx';
import { searchPages } from './pages/search.routes.tsx';
import { tariffPages } from './pages/tariff.routes.tsx';
import { threadPages } from './pages/thread.routes.tsx';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from './database-unavailable.ts';
import { healthRoute, type HealthOptions } from './health.ts';
import { PageCache } from './page-cache.ts';
import { staticFiles } from './static.ts';

export interface AppDeps {
  services: Services;
  config: Config;
  /** /health's database time limit and the shutdown flag `serve` sets. */
  health?: Omit<HealthOptions, 'db'>;
}

/** PostgreSQL's foreign-key violation: an id in the input points at nothing. */
const isForeignKeyViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23503';

function statusOf(error: unknown): 400 | 403 | 404 | 409 | 429 | 500 | 503 {
  if (error instanceof ValidationError || isForeignKeyViolation(error)) return 400;
  if (error instanceof ThrottledError) return 429;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ConflictError || error instanceof StateError) return 409;
  if (isDatabaseUnavailable(error)) return 503;
  return 500;
}

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  // Headers first, so static files, redirects and errors carry them as well.
  app.use('*', securityHeaders(deps.config));
  app.route('/', staticFiles);
  const pageCache = new PageCache();
  app.use('*', async (c, next) => {
    c.set('pageCache', pageCache);
    c.set('services', deps.services);
    c.set('config', deps.config);
    await next();
  });
  // Before the session: a load balancer's probe must not touch the session table.
  app.route('/', healthRoute({ ...deps.health, db: deps.services.db }));
  app.use('*', session);
  app.use('*', actor);
  // Permission before validation: a refused write never sees its input checked.
  app.use('*', writeGuard);
  app.use('*', formPageGuard);
  app.route('/api', apiRoutes);
  app.route('/', homePages);
  app.route('/', loginPages);
  app.route('/', accountPages);
  app.route('/', committeePages);
  app.route('/', meetingPages);
  app.route('/', itemPages);
  app.route('/', minutesPages);
  app.route('/', searchPages);
  app.route('/', archivePages);
  app.route('/', threadPages);
  app.route('/', groupPages);
  app.route('/', planPages);
  app.route('/', planPartPages);
  app.route('/', calendarPages);
  app.route('/', offerPages);
  app.route('/', tariffPages);
  app.route('/', financePages);
  app.route('/', occupancyPages);
  app.route('/', monitoringPages);
  app.route('/', auditPages);

  app.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? c.json({ error: 'Ressourcen findes ikke.' }, 404)
      : errorPage(c, 404, 'Siden findes ikke', 'Tjek adressen, eller gå til forsiden.'),
  );
  app.onError((error, c) => {
    const status = statusOf(error);
    if (status === 500) console.error(error);
    if (status === 503) {
      console.error(`Databasen kan ikke nås: ${error.message}`);
      c.header('Retry-After', '30');
    }
    const message =
      status === 500
        ? 'Der opstod en fejl hos os. Prøv igen om lidt; fortsætter fejlen, så kontakt sekretariatet.'
        : status === 503
          ? DATABASE_UNAVAILABLE_MESSAGE
          : isForeignKeyViolation(error)
            ? 'En af de valgte værdier findes ikke (længere). Genindlæs siden og prøv igen.'
            : error.message;
    if (c.req.path.startsWith('/api/')) {
      return c.json(
        error instanceof ValidationError
          ? { error: message, fields: error.fields }
          : { error: message },
        status,
      );
    }
    if (status === 403 && c.get('viewer')?.role === 'anonymous') {
      return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303);
    }
    const titles = {
      400: 'Forkerte oplysninger',
      403: 'Ingen adgang',
      404: 'Siden findes ikke',
      409: 'Det kunne ikke lade sig gøre',
      429: 'For mange forsøg',
      500: 'Der opstod en fejl',
      503: 'Databasen kan ikke nås',
    };
    return errorPage(c, status, titles[status], message);
  });
  return app;
}
