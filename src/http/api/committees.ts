/** GET /committees and /committees/:id (with the members of today). */
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { idParam } from './input.ts';
import { presentCommittee, presentMeeting, presentMember } from './presenters.ts';

export const committeeApi = new Hono<AppEnv>();

/**
 * The committee's members on `date`. The meeting service has no members read yet (the HTML
 * committee page reads the repository the same way); swap this for the service method once it
 * exists. Memberships are public information: the committee page shows them to everyone.
 */
committeeApi.get('/committees', async (c) => {
  const committees = await c.get('services').meetings.listCommittees();
  return c.json({ committees: committees.map(presentCommittee) });
});

committeeApi.get('/committees/:id', async (c) => {
  const services = c.get('services');
  const committee = await services.meetings.getCommittee(idParam(c, 'id', 'Udvalget'));
  const [members, meetings] = await Promise.all([
    services.committees.members(committee.id),
    services.meetings.listMeetings(c.get('viewer'), { committeeId: committee.id }),
  ]);
  return c.json({
    ...presentCommittee(committee),
    members: members.map(presentMember),
    meetings: meetings.map(presentMeeting),
  });
});
