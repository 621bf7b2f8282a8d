/**
 * The audit trail for the secretariat. The log holds the before and after of closed items, of
 * users and of everything else that is logged, so it never reaches anyone but the secretariat.
 */
import { ForbiddenError } from '../domain/errors.ts';
import { isSecretariat, type Viewer } from '../domain/meetings/index.ts';
import type { Db } from '../db/client.ts';
import { auditRepository, type AuditFilter } from '../db/repositories/audit.repository.ts';
import { userRepository } from '../db/repositories/user.repository.ts';

export type { AuditFilter };

function requireSecretariat(viewer: Viewer): void {
  if (!isSecretariat(viewer))
    throw new ForbiddenError('Kun sekretariatet kan se logbogen. Log ind som sekretariatet.');
}

export function auditService(db: Db) {
  const audit = auditRepository(db);
  const users = userRepository(db);
  return {
    requireAccess: requireSecretariat,
    /** Events newest first, filtered; `total` counts all that match. */
    async list(viewer: Viewer, filter: AuditFilter, paging: { limit: number; offset: number }) {
      requireSecretariat(viewer);
      return audit.list(filter, paging);
    },
    /** The users to filter by. */
    async users(viewer: Viewer) {
      requireSecretariat(viewer);
      return users.list();
    },
  };
}
export type AuditService = ReturnType<typeof auditService>;
