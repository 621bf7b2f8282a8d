/**
 * Who may write at all, decided before any handler reads the request: a viewer without the right
 * is refused (403; a visitor who is not logged in is sent to the login page) before the input is
 * validated, so a refused write never answers with the field rules (400) or learns whether a
 * closed record exists (404), and nothing is written. The services check again, with the record
 * at hand (stage, version, which offer an operator runs).
 *
 * Every write is the secretariat's unless a line below says otherwise.
 */
import { createMiddleware } from 'hono/factory';
import { ForbiddenError } from '../../domain/errors.ts';
import { isSecretariat, type Viewer } from '../../domain/meetings/index.ts';
import { offerService } from '../../services/offer.service.ts';
import type { AppEnv } from '../context.ts';
import type { Context } from 'hono';
import { UNSAFE } from './session.ts';

type Check = (viewer: Viewer, c: Context<AppEnv>) => boolean | Promise<boolean>;

const anyone: Check = () => true;
const loggedIn: Check = (v) => v.role !== 'anonymous';
const operatorOrSecretariat: Check = (v) => v.role === 'operator' || isSecretariat(v);
const operator: Check = (v) => v.role === 'operator';

/** An operator writes only to the offers it runs (or its units run). */
const runsOffer: Check = async (viewer, c) => {
  if (isSecretariat(viewer)) return true;
  if (viewer.role !== 'operator') return false;
  const id = Number(/\/offers\/(\d+)/.exec(c.req.path)?.[1]);
  if (!Number.isSafeInteger(id)) return false;
  const actor = { viewer, organisationId: c.get('user')?.organisationId ?? null };
  return offerService(c.get('services').db, c.get('services').clock).writable(actor, id);
};

const WRITERS: [method: string, path: RegExp, check: Check][] = [
  ['POST', /^\/login$/, anyone],
  ['POST', /^\/logout$/, anyone],
  // the calculator only computes, it stores nothing
  ['POST', /^\/api\/finance\/deficit$/, anyone],
  ['POST', /^\/account\/password$/, loggedIn],
  // a kommune's contact enters its nominees; the service checks the kommune
  ['POST', /^\/groups\/rounds\/\d+\/nominees$/, loggedIn],
  ['POST', /^(\/api)?\/offers$/, operatorOrSecretariat],
  ['POST', /^\/offers\/\d+\/(edit|places|annual-reports)$/, runsOffer],
  ['PUT', /^\/api\/offers\/\d+$/, runsOffer],
  ['POST', /^\/api\/offers\/\d+\/places$/, runsOffer],
  ['POST', /^\/tariffs\/\d+\/report$/, operator],
  ['PUT', /^\/api\/tariff-rounds\/\d+\/report$/, operator],
  ['POST', /^\/api\/tariff-rounds\/\d+\/report\/submit$/, operator],
];

const secretariatOnly: Check = (v) => isSecretariat(v);

/** The check for a write, by method and path; the secretariat's unless listed. */
export function writeCheck(method: string, path: string): Check {
  return WRITERS.find(([m, re]) => m === method && re.test(path))?.[2] ?? secretariatOnly;
}

export const writeGuard = createMiddleware<AppEnv>(async (c, next) => {
  if (UNSAFE.has(c.req.method)) {
    const viewer = c.get('viewer');
    const check = writeCheck(c.req.method, c.req.path);
    if (!(await check(viewer, c))) {
      throw new ForbiddenError(
        check === secretariatOnly
          ? 'Kun sekretariatet kan gøre dette. Log ind som sekretariatet.'
          : viewer.role === 'anonymous'
            ? 'Log ind for at gøre dette.'
            : 'Du har ikke adgang til at gøre dette. Kontakt sekretariatet, hvis du mener, du burde have.',
      );
    }
  }
  await next();
});

/**
 * Pages that are forms for writing (and the nomination round, which names people): served only
 * to those who may send them, so an edit form never reaches a visitor or a member.
 */
const FORM_PAGES: [path: RegExp, check: Check][] = [
  [/^\/groups\/new$/, secretariatOnly],
  [/^\/groups\/\d+\/edit$/, secretariatOnly],
  [/^\/plan\/new$/, secretariatOnly],
  [/^\/plan\/\d+\/edit$/, secretariatOnly],
  [/^\/plan\/\d+\/focus-areas\/new$/, secretariatOnly],
  [/^\/plan\/focus-areas\/\d+\/(edit|initiatives\/new)$/, secretariatOnly],
  [/^\/plan\/initiatives\/\d+\/(edit|activities\/new)$/, secretariatOnly],
  [/^\/offers\/new$/, operatorOrSecretariat],
  [/^\/offers\/\d+\/edit$/, runsOffer],
  // nominees are named people: only for logged-in users (the kommuner's contacts)
  [/^\/groups\/rounds\/\d+$/, loggedIn],
];

export const formPageGuard = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.method === 'GET') {
    const check = FORM_PAGES.find(([re]) => re.test(c.req.path))?.[1];
    const viewer = c.get('viewer');
    if (check !== undefined && !(await check(viewer, c)))
      throw new ForbiddenError(
        viewer.role === 'anonymous'
          ? 'Log ind for at se siden.'
          : 'Du har ikke adgang til siden. Kontakt sekretariatet, hvis du mener, du burde have.',
      );
  }
  await next();
});
