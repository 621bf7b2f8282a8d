/** What every request carries: the services, the viewer and the CSRF token for forms. */
import type { Config } from '../config.ts';
import type { Viewer } from '../domain/meetings/index.ts';
import type { UserRow } from '../db/repositories/user.repository.ts';
import type { Services } from '../services/index.ts';
import type { PageCache } from './page-cache.ts';

export interface AppEnv {
  Variables: {
    services: Services;
    config: Config;
    viewer: Viewer;
    user: UserRow | null;
    csrfToken: string;
    /** rendered public pages, per app */
    pageCache: PageCache;
    /** rendered public search pages, per app */
    searchPageCache: PageCache;
  };
}
