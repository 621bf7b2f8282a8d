/**
 * The JSON API under /api: the meeting resources over the services, described at
 * /api/openapi.json. Errors become JSON through the app's error handler.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { attachmentApi } from './attachments.ts';
import { auditApi } from './audit.ts';
import { committeeApi } from './committees.ts';
import { financingApi } from './financing.ts';
import { followUpApi } from './follow-ups.ts';
import { groupApi } from './groups.ts';
import { planApi } from './plan.ts';
import { itemApi } from './items.ts';
import { meetingApi } from './meetings.ts';
import { monitoringApi } from './monitoring.ts';
import { offerApi } from './offers.ts';
import { occupancyApi } from './occupancy.ts';
import { openApiRoutes } from './openapi.ts';
import { searchApi } from './search.ts';
import { tariffApi } from './tariffs.ts';
import { threadApi } from './threads.ts';

export const apiRoutes = new Hono<AppEnv>();

apiRoutes.route('/', openApiRoutes);
apiRoutes.route('/', committeeApi);
apiRoutes.route('/', meetingApi);
apiRoutes.route('/', itemApi);
apiRoutes.route('/', attachmentApi);
apiRoutes.route('/', followUpApi);
apiRoutes.route('/', financingApi);
apiRoutes.route('/', occupancyApi);
apiRoutes.route('/', monitoringApi);
apiRoutes.route('/', offerApi);
apiRoutes.route('/', tariffApi);
apiRoutes.route('/', searchApi);
apiRoutes.route('/', threadApi);
apiRoutes.route('/', groupApi);
apiRoutes.route('/', planApi);
apiRoutes.route('/', auditApi);
