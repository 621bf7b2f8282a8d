/**
 * Binds the request's user to the services it uses, so every change the request makes is
 * attributed to that user in the audit trail (the triggers of migration 0012 read the actor from
 * a transaction-local setting; see src/db/actor.ts). Runs after `session`.
 */
import { createMiddleware } from 'hono/factory';
import type { AuditActor } from '../../db/actor.ts';
import { ACTOR_LABELS } from '../../domain/audit/index.ts';
import type { AppEnv } from '../context.ts';
import { UNSAFE } from './session.ts';

/** A form or API write by someone not logged in (the login form itself writes nothing logged). */
export const ANONYMOUS_ACTOR: AuditActor = { userId: null, label: ACTOR_LABELS.anonymous };

export const actor = createMiddleware<AppEnv>(async (c, next) => {
  const user = c.get('user');
  if (user !== null) {
    c.set('services', c.get('services').as({ userId: user.id, label: user.name }));
  } else if (UNSAFE.has(c.req.method)) {
    c.set('services', c.get('services').as(ANONYMOUS_ACTOR));
  }
  await next();
});
