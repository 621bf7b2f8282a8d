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
import { classifyDbError } from '../db/errors.ts';
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
import { healthRoute, type HealthOptions } from './health.ts';
import { PageCache } from './page-cache.ts';
import { staticFiles } from './static.ts';

export interface AppDeps {
  services: Services;
  config: Config;
  /** /health's database time limit and the shutdown flag `serve` sets. */
  health?: Omit<HealthOptions, 'db'>;
}

type Status = 400 | 403 | 404 | 409 | 429 | 500 | 503 | 507;

function statusOf(error: unknown): Status {
  if (error instanceof ValidationError) return 400;
  if (error instanceof ThrottledError) return 429;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ConflictError || error instanceof StateError) return 409;
  return classifyDbError(error)?.status ?? 500;
}

/** The sentence shown: the error's own for failures a user can act on, never a driver's text. */
function messageOf(error: Error, status: Status): string {
  if (status === 500)
    return 'Der opstod en fejl hos os. Prøv igen om lidt; fortsætter fejlen, så kontakt sekretariatet.';
  return classifyDbError(error)?.message ?? error.message;
}

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  // Headers first, so static files, redirects and errors carry them as well.
  app.use('*', securityHeaders(deps.config));
  app.route('/', staticFiles);
  const pageCache = new PageCache();
  const searchPageCache = new PageCache(500);
  app.use('*', async (c, next) => {
    c.set('pageCache', pageCache);
    c.set('searchPageCache', searchPageCache);
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
    // The database down or the disk full: a short note in the log, the user gets a Danish page.
    if (status === 503 || status === 507) {
      console.error(`Database: ${error.message}`);
      c.header('Retry-After', '30');
    }
    const message = messageOf(error, status);
    if (c.req.path.startsWith('/api/')) {
      return c.json(
        status === 400
          ? { error: message, fields: error instanceof ValidationError ? error.fields : {} }
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
      503: 'Databasen svarer ikke',
      507: 'Disken er fuld',
    };
    return errorPage(c, status, titles[status], message);
  });
  return app;
}
