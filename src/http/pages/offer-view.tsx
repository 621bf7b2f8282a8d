/** Shared pieces of the offer and tariff pages: the services, the actor, dates and money. */
import type { FieldErrors } from '../../domain/errors.ts';
import { formatDanishDate } from '../../domain/meetings/index.ts';
import { formatOre } from '../../domain/offers/index.ts';
import { copenhagenParts } from '../../domain/tariffs/index.ts';
import { actorOf, offerServices } from '../api/offers.ts';
import type { PageContext } from './render.tsx';

export { actorOf, offerServices };

/** The form's state when it is shown again after a failed POST. */
export interface FormState {
  values: Record<string, string>;
  errors: FieldErrors;
  message?: string;
}

export type PageStatus = 200 | 400 | 409;

export function isSecretariatUser(c: PageContext): boolean {
  const role = c.get('viewer').role;
  return role === 'secretariat' || role === 'administrator';
}

export function kr(ore: number | null | undefined): string {
  return ore === null || ore === undefined ? '' : `${formatOre(ore, true)} kr.`;
}

export function date(iso: string | null): string {
  return iso === null ? '' : formatDanishDate(iso);
}

/** "06.08.2021 10:00" in Danish time: the form's format for an instant. */
export function dateTimeInput(at: Date | null): string {
  if (at === null) return '';
  const p = copenhagenParts(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(p.day)}.${two(p.month)}.${p.year} ${two(p.hour)}:${two(p.minute)}`;
}

/** ISO date to the form's dd.mm.åååå. */
export function dateInput(iso: string | null): string {
  return iso === null ? '' : iso.split('-').reverse().join('.');
}

export function savedNotice(c: PageContext): string | undefined {
  return c.req.query('saved') || undefined;
}
