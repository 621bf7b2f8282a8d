/**
 * The user's own account (change password) and, for the secretariat, the login attempts and
 * lockouts: who is waiting after too many failed logins, and a button to lift it early (after
 * the secretariat has made sure, e.g. by phone, that it is the user).
 */
import { Hono } from 'hono';
import { ForbiddenError, ThrottledError, ValidationError } from '../../domain/errors.ts';
import { isSecretariat } from '../../domain/meetings/index.ts';
import { MIN_PASSWORD_LENGTH } from '../../domain/auth/index.ts';
import type { LoginAttemptRow } from '../../db/repositories/login-attempt.repository.ts';
import { clientAddress } from '../client-address.ts';
import type { AppEnv } from '../context.ts';
import { SESSION_COOKIE, readCookie } from '../cookies.ts';
import { ActionButton, Csrf, ErrorSummary, Notice, TextField } from './components.tsx';
import { formValues, page, type PageContext } from './render.tsx';

export const accountPages = new Hono<AppEnv>();

function passwordPage(
  c: PageContext,
  opts: { errors?: Record<string, string>; message?: string; done?: boolean } = {},
  status: 200 | 400 | 429 = 200,
) {
  return page(
    c,
    { title: 'Skift adgangskode' },
    <>
      <h1>Skift adgangskode</h1>
      {opts.done ? (
        <Notice kind="success">
          <p>Din adgangskode er skiftet. Du er logget af alle andre steder.</p>
        </Notice>
      ) : null}
      <ErrorSummary errors={opts.errors} message={opts.message} />
      <form method="post" action="/account/password" class="app-form" novalidate>
        <Csrf token={c.get('csrfToken')} />
        <TextField
          name="current"
          label="Nuværende adgangskode"
          type="password"
          errors={opts.errors}
          width="l"
          autocomplete="current-password"
        />
        <TextField
          name="next"
          label="Ny adgangskode"
          type="password"
          errors={opts.errors}
          width="l"
          autocomplete="new-password"
          hint={`Mindst ${MIN_PASSWORD_LENGTH} tegn; ikke en almindelig adgangskode og ikke din e-mailadresse. En sætning af flere ord er let at huske og svær at gætte.`}
        />
        <TextField
          name="repeat"
          label="Gentag den nye adgangskode"
          type="password"
          errors={opts.errors}
          width="l"
          autocomplete="new-password"
        />
        <button class="button button-primary" type="submit">
          Skift adgangskode
        </button>
      </form>
    </>,
    status,
  );
}

function loggedInUser(c: PageContext) {
  const user = c.get('user');
  if (user === null) throw new ForbiddenError();
  return user;
}

accountPages.get('/account/password', (c) => {
  loggedInUser(c);
  return passwordPage(c, { done: c.req.query('done') === '1' });
});

accountPages.post('/account/password', async (c) => {
  const user = loggedInUser(c);
  const values = await formValues(c);
  try {
    await c.get('services').auth.changePassword({
      userId: user.id,
      current: values.current ?? '',
      next: values.next ?? '',
      repeat: values.repeat ?? '',
      keepToken: readCookie(c, SESSION_COOKIE) ?? null,
      clientAddress: clientAddress(c),
    });
  } catch (error) {
    if (error instanceof ValidationError) return passwordPage(c, { errors: error.fields }, 400);
    if (error instanceof ThrottledError) return passwordPage(c, { message: error.message }, 429);
    throw error;
  }
  return c.redirect('/account/password?done=1', 303);
});

const TIME = new Intl.DateTimeFormat('da-DK', {
  timeZone: 'Europe/Copenhagen',
  dateStyle: 'short',
  timeStyle: 'short',
});

const OUTCOME: Record<LoginAttemptRow['outcome'], string> = {
  success: 'Godkendt',
  failure: 'Mislykket',
  refused: 'Afvist (spærret)',
  unlocked: 'Spærring ophævet',
};
const METHOD: Record<LoginAttemptRow['method'], string> = {
  password: 'Adgangskode',
  oidc: 'Kommunens login',
  unlock: 'Sekretariatet',
};

function staff(c: PageContext) {
  if (!isSecretariat(c.get('viewer'))) throw new ForbiddenError();
}

accountPages.get('/admin/logins', async (c) => {
  staff(c);
  const { auth } = c.get('services');
  const { accounts, addresses } = await auth.lockouts();
  const attempts = await auth.latestAttempts(100);
  const csrf = c.get('csrfToken');
  const Locked = (p: {
    rows: { key: string; failures: number; until: Date }[];
    field: 'email' | 'address';
    heading: string;
    empty: string;
  }) => (
    <>
      <h2>{p.heading}</h2>
      {p.rows.length === 0 ? (
        <p class="muted">{p.empty}</p>
      ) : (
        <table class="table table--compact">
          <thead>
            <tr>
              <th scope="col">{p.field === 'email' ? 'E-mail' : 'Adresse'}</th>
              <th scope="col">Mislykkede forsøg</th>
              <th scope="col">Spærret til</th>
              <th scope="col"></th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr>
                <td>{r.key}</td>
                <td>{r.failures}</td>
                <td>{TIME.format(r.until)}</td>
                <td>
                  <ActionButton
                    action="/admin/logins/unlock"
                    label="Ophæv spærring"
                    csrf={csrf}
                    fields={{ [p.field]: r.key }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
  return page(
    c,
    { title: 'Loginforsøg' },
    <>
      <h1>Loginforsøg og spærringer</h1>
      <p>
        Efter 5 mislykkede loginforsøg på samme e-mail skal der ventes 1 minut, derefter 2, 4, 8 …
        op til 60 minutter for hvert nyt mislykket forsøg; et vellykket login nulstiller. Fra samme
        netværksadresse tillades 30 mislykkede forsøg i timen. Ophæv kun en spærring, når du ved, at
        det er brugeren selv, der har prøvet.
      </p>
      <Locked
        rows={accounts}
        field="email"
        heading="Spærrede e-mailadresser"
        empty="Ingen e-mailadresser er spærret lige nu."
      />
      <Locked
        rows={addresses}
        field="address"
        heading="Spærrede netværksadresser"
        empty="Ingen netværksadresser er spærret lige nu."
      />
      <h2>Seneste loginforsøg</h2>
      <div class="table--responsive-scroll">
        <table class="table table--compact">
          <thead>
            <tr>
              <th scope="col">Tid</th>
              <th scope="col">E-mail</th>
              <th scope="col">Adresse</th>
              <th scope="col">Resultat</th>
              <th scope="col">Måde</th>
              <th scope="col">Bruger</th>
            </tr>
          </thead>
          <tbody>
            {attempts.map((a) => (
              <tr>
                <td>{TIME.format(a.at)}</td>
                <td>{a.email ?? ''}</td>
                <td>{a.clientAddress ?? ''}</td>
                <td>{OUTCOME[a.outcome]}</td>
                <td>{METHOD[a.method]}</td>
                <td>{a.userName ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>,
  );
});

accountPages.post('/admin/logins/unlock', async (c) => {
  staff(c);
  const values = await formValues(c);
  const email = values.email?.trim() ?? '';
  const address = values.address?.trim() ?? '';
  if (email === '' && address === '')
    throw new ValidationError({ email: 'Vælg den e-mail eller adresse, der skal låses op.' });
  await c
    .get('services')
    .auth.unlock(email !== '' ? { email } : { address }, c.get('user')?.id ?? null);
  return c.redirect('/admin/logins', 303);
});
