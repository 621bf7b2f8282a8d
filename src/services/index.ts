/** All services over one database, as the HTTP app and the CLI get them. */
import type { Config } from '../config.ts';
import { withActor, type AuditActor } from '../db/actor.ts';
import type { Db } from '../db/client.ts';
import { authService } from './auth.service.ts';
import type { Clock } from './clock.ts';
import { oidcLoginService } from './oidc/oidc-login.service.ts';
import { committeeService } from './committee.service.ts';
import { followUpService } from './follow-up.service.ts';
import { meetingService } from './meeting.service.ts';

type ServiceConfig = Pick<Config, 'sessionHours' | 'sessionIdleMinutes' | 'oidc'>;

function services(db: Db, clock: Clock, config: ServiceConfig) {
  const auth = authService(db, clock, config);
  return {
    db,
    clock,
    auth,
    /** Login with the municipality's OpenID Connect provider, when configured. */
    oidc: config.oidc === null ? null : oidcLoginService(db, clock, config.oidc, auth),
    meetings: meetingService(db, clock),
    committees: committeeService(db, clock),
    followUps: followUpService(db),
  };
}

export interface Services extends ReturnType<typeof services> {
  /**
   * The same services with every change attributed to `actor` in the audit trail. The services
   * hold no state, so a set per request costs a few closures.
   */
  as(actor: AuditActor): Services;
}

export function createServices(db: Db, clock: Clock, config: ServiceConfig): Services {
  return {
    ...services(db, clock, config),
    as: (actor) => createServices(withActor(db, actor), clock, config),
  };
}
