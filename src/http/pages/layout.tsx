/** The page frame in Det Fælles Designsystem: header with the solution name, main menu, footer. */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { UserRow } from '../../db/repositories/user.repository.ts';

export interface LayoutProps {
  title: string;
  user: UserRow | null;
  csrfToken: string;
  /** which main menu entry is active */
  nav?:
    | 'home'
    | 'committees'
    | 'meetings'
    | 'follow-ups'
    | 'search'
    | 'archive'
    | 'offers'
    | 'tariffs'
    | 'finance'
    | 'groups'
    | 'plan'
    | 'calendar'
    | 'audit';
  breadcrumbs?: { href: string; label: string }[];
  children?: Child;
}

const ROLE_LABEL: Record<UserRow['role'], string> = {
  administrator: 'Administrator',
  secretariat: 'Sekretariatet',
  member: 'Medlem',
  operator: 'Driftsherre',
};

export function Layout(props: LayoutProps) {
  const menu: {
    key: NonNullable<LayoutProps['nav']>;
    href: string;
    label: string;
    staff?: boolean;
    secretariat?: boolean;
    /** the secretariat and operators (tariff reporting) */
    tariffs?: boolean;
  }[] = [
    { key: 'home', href: '/', label: 'Forside' },
    { key: 'committees', href: '/committees', label: 'Udvalg og møder' },
    { key: 'follow-ups', href: '/follow-ups', label: 'Opfølgninger', staff: true },
    { key: 'groups', href: '/groups', label: 'Grupper' },
    { key: 'plan', href: '/plan', label: 'Aftale og plan', staff: true },
    { key: 'calendar', href: '/calendar', label: 'Årshjul' },
    { key: 'search', href: '/search', label: 'Søg' },
    { key: 'offers', href: '/offers', label: 'Tilbud' },
    { key: 'tariffs', href: '/tariffs', label: 'Takster', tariffs: true },
    { key: 'finance', href: '/finance', label: 'Økonomi', secretariat: true },
    { key: 'archive', href: '/archive', label: 'Arkiv', secretariat: true },
    { key: 'audit', href: '/admin/audit', label: 'Logbog', secretariat: true },
  ];
  const role = props.user?.role ?? null;
  const visible = menu.filter(
    (m) =>
      (!m.staff || (role !== null && role !== 'operator')) &&
      (!m.secretariat || role === 'secretariat' || role === 'administrator') &&
      (!m.tariffs || role === 'secretariat' || role === 'administrator' || role === 'operator'),
  );
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="da">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${props.title} · Nordjysk Socialaftale`}</title>
          <link rel="stylesheet" href="/static/dkfds/css/dkfds.min.css" />
          <link rel="stylesheet" href="/static/app.css" />
        </head>
        <body>
          <a class="skipnav" href="#main-content">
            Gå til sideindhold
          </a>
          <header class="header">
            <div class="portal-info">
              <div class="portal-info-inner container">
                <a href="/" class="app-brand">
                  Nordjysk Socialaftale
                </a>
                <div class="portal-user">
                  {props.user !== null ? (
                    <>
                      <p class="user">
                        {props.user.name}, {ROLE_LABEL[props.user.role]}
                      </p>
                      {props.user.role === 'secretariat' || props.user.role === 'administrator' ? (
                        <a class="function-link" href="/admin/logins">
                          Loginforsøg
                        </a>
                      ) : null}
                      <a class="function-link" href="/account/password">
                        Skift adgangskode
                      </a>
                      <form method="post" action="/logout" class="inline-form">
                        <input type="hidden" name="_csrf" value={props.csrfToken} />
                        <button class="function-link log-off" type="submit">
                          Log af
                        </button>
                      </form>
                    </>
                  ) : (
                    <a class="function-link" href="/login">
                      Log ind
                    </a>
                  )}
                </div>
              </div>
            </div>
            <div class="solution-info">
              <div class="solution-info-inner container">
                <div class="solution-heading">
                  <a href="/">Sekretariatet for Nordjysk Socialaftale</a>
                </div>
              </div>
            </div>
            <div class="navigation-menu">
              <div class="navigation-menu-inner container">
                <nav class="nav" aria-label="Hovedmenu">
                  <ul class="mainmenu">
                    {visible.map((m) => (
                      <li class={props.nav === m.key ? 'active current' : ''}>
                        <a href={m.href} class="nav-link">
                          <span>{m.label}</span>
                        </a>
                      </li>
                    ))}
                  </ul>
                </nav>
              </div>
            </div>
          </header>
          <div class="container page-container">
            {props.breadcrumbs && props.breadcrumbs.length > 0 ? (
              <nav aria-label="Brødkrumme" class="breadcrumbs">
                <ol class="breadcrumbs__list">
                  {props.breadcrumbs.map((b) => (
                    <li class="breadcrumbs__list-item">
                      <a href={b.href} class="breadcrumbs__link">
                        {b.label}
                      </a>
                    </li>
                  ))}
                  <li class="breadcrumbs__list-item" aria-current="page">
                    {props.title}
                  </li>
                </ol>
              </nav>
            ) : null}
            <main id="main-content">{props.children}</main>
          </div>
          <footer class="app-footer">
            <div class="container">
              <p>
                Sekretariat for Nordjysk Socialaftale · De 11 nordjyske kommuner og Region
                Nordjylland
              </p>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}
