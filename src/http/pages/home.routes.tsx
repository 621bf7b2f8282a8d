/** The start page and the committees (login: login.routes.tsx). */
import { Hono } from 'hono';
import {
  formatDanishDate,
  formatTime,
  isSecretariat,
  STAGE_LABEL,
} from '../../domain/meetings/index.ts';
import { today } from '../../services/clock.ts';
import type { MeetingRow } from '../../db/repositories/meeting.repository.ts';
import type { AppEnv } from '../context.ts';
import { Notice } from './components.tsx';
import { page } from './render.tsx';

export const homePages = new Hono<AppEnv>();

export function MeetingList({ meetings, empty }: { meetings: MeetingRow[]; empty: string }) {
  if (meetings.length === 0) return <p class="muted">{empty}</p>;
  return (
    <ul class="meeting-list">
      {meetings.map((m) => (
        <li>
          <a href={`/meetings/${m.id}`}>
            {m.committeeShortName}: {formatDanishDate(m.date, true)}
          </a>
          {m.startTime ? `, kl. ${formatTime(m.startTime)}` : ''}{' '}
          <span class="muted">· {m.status === 'cancelled' ? 'Aflyst' : STAGE_LABEL[m.stage]}</span>
        </li>
      ))}
    </ul>
  );
}

homePages.get('/', async (c) => {
  const { meetings, auth, clock } = c.get('services');
  const viewer = c.get('viewer');
  const now = today(clock);
  const all = await meetings.listMeetings(viewer);
  const upcoming = all.filter((m) => m.date !== null && m.date >= now).slice(0, 8);
  const recent = all
    .filter((m) => m.date !== null && m.date < now)
    .reverse()
    .slice(0, 8);
  const hasUsers = await auth.hasUsers();
  return page(
    c,
    { title: 'Forside', nav: 'home' },
    <>
      <h1>Nordjysk Socialaftale</h1>
      <p class="font-lead">
        Møder, dagsordener og referater for Den Administrative Styregruppe (DAS),
        forretningsudvalget og følgegrupperne under Nordjysk Socialaftale: de 11 nordjyske kommuner
        og Region Nordjylland.
      </p>
      {!hasUsers ? (
        <Notice kind="info">
          <p class="alert-heading">Velkommen: platformen er nyinstalleret</p>
          <p>
            Opret den første administrator i en terminal i projektmappen:
            <br />
            <code>
              printf '%s' 'en lang adgangskode' | npx socialaftale user add --admin --email
              dig@kommune.dk --name "Dit navn"
            </code>
          </p>
          <p>
            Log derefter ind, vælg <a href="/committees">Udvalg og møder</a>, og opret det første
            møde.
          </p>
        </Notice>
      ) : null}
      <div class="row">
        <div class="col-12 col-md-6">
          <h2>Kommende møder</h2>
          <MeetingList meetings={upcoming} empty="Der er ingen kommende møder." />
          {isSecretariat(viewer) ? (
            <a class="button button-primary" href="/meetings/new">
              Opret møde
            </a>
          ) : null}
        </div>
        <div class="col-12 col-md-6">
          <h2>Seneste møder</h2>
          <MeetingList meetings={recent} empty="Der er endnu ingen afholdte møder." />
        </div>
      </div>
    </>,
  );
});

homePages.get('/committees', async (c) => {
  const committees = await c.get('services').meetings.listCommittees();
  return page(
    c,
    { title: 'Udvalg og møder', nav: 'committees' },
    <>
      <h1>Udvalg og møder</h1>
      <ul class="committee-list">
        {committees.map((x) => (
          <li>
            <a href={`/committees/${x.id}`}>
              <strong>{x.shortName}</strong> – {x.name}
            </a>
            <br />
            <span class="muted">{x.description}</span>
          </li>
        ))}
      </ul>
    </>,
  );
});
