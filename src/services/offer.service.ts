/**
 * The offer register: who sees which offers, who may change them, entry and withdrawal, the
 * reinforced cooperation and its yearly emergency-track review (a follow-up for DAS).
 *
 * Visibility: the secretariat sees every offer; everybody sees the offers covered by the
 * agreement in the year asked about (the public register); an operator also sees and edits the
 * offers run by its organisation and by that organisation's units.
 */
import { createHash } from 'node:crypto';
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { isSecretariat, type Viewer } from '../domain/meetings/index.ts';
import {
  categoryCovers,
  coveredInYear,
  operatorReaches,
  placesOn,
  reinforcedStatusOn,
  sectionLabel,
  validOn,
  type Category,
  type OfferEventKind,
  type ReinforcedStatus,
} from '../domain/offers/index.ts';
import type { Db } from '../db/client.ts';
import { followUpRepository } from '../db/repositories/follow-up.repository.ts';
import {
  offerRepository,
  type OfferFields,
  type OfferRow,
  type OrganisationOption,
} from '../db/repositories/offer.repository.ts';
import { committeeRepository } from '../db/repositories/committee.repository.ts';
import { today, type Clock } from './clock.ts';

/** Who is asking: the viewer and, for an operator, its organisation (from its user). */
export interface Actor {
  viewer: Viewer;
  organisationId: number | null;
}

export interface SectionInput {
  section: string;
  subsection: string;
  places: number;
}

export interface OfferInput extends OfferFields {
  sections: SectionInput[];
}

export interface OfferFilter {
  q?: string;
  operatorId?: number;
  section?: string;
  category?: Category;
  covered?: boolean;
  reinforced?: ReinforcedStatus | 'none';
  /** the year coverage is judged in; defaults to this year */
  year?: number;
  /** only the offers the actor may edit */
  mine?: boolean;
}

export interface OfferSummary extends OfferRow {
  covered: boolean;
  categoryCovers: boolean;
  reinforced: ReinforcedStatus | null;
  places: number;
  lawSections: string[];
  editable: boolean;
}

export function isOperator(actor: Actor): actor is Actor & { organisationId: number } {
  return actor.viewer.role === 'operator' && actor.organisationId !== null;
}

/** Whether the actor runs the offer (own organisation or one of its units). */
export function runsOffer(
  actor: Actor,
  offer: { operatorId: number; operatorParentId: number | null },
): boolean {
  return (
    isOperator(actor) &&
    operatorReaches(actor.organisationId, {
      id: offer.operatorId,
      parentId: offer.operatorParentId,
    })
  );
}

export function requireSecretariat(viewer: Viewer, what = 'ændre tilbudsviften'): void {
  if (!isSecretariat(viewer))
    throw new ForbiddenError(`Kun sekretariatet kan ${what}. Log ind som sekretariatet.`);
}

export function offerService(db: Db, clock: Clock) {
  const repo = offerRepository(db);
  const year = () => Number(today(clock).slice(0, 4));

  async function summaries(actor: Actor, rows: OfferRow[], inYear: number) {
    const ids = rows.map((r) => r.id);
    const [events, reinforced] = await Promise.all([
      repo.listEvents(ids),
      repo.listReinforced(ids),
    ]);
    const date = today(clock);
    return rows.map((o): OfferSummary => {
      const current = validOn(o.sections, date);
      return {
        ...o,
        covered: coveredInYear(
          events.filter((e) => e.offerId === o.id),
          inYear,
        ),
        categoryCovers: categoryCovers(o.category, o.equivalentAgreement),
        reinforced: reinforcedStatusOn(
          reinforced.filter((r) => r.offerId === o.id),
          date,
        ),
        places: placesOn(o.sections, date),
        lawSections: [...new Set(current.map(sectionLabel))],
        editable: isSecretariat(actor.viewer) || runsOffer(actor, o),
      };
    });
  }

  function canSee(actor: Actor, o: OfferSummary): boolean {
    return isSecretariat(actor.viewer) || o.covered || runsOffer(actor, o);
  }

  async function visible(actor: Actor, id: number): Promise<OfferSummary> {
    const row = await repo.find(id);
    if (row === null) throw new NotFoundError('Tilbuddet findes ikke.');
    const [summary] = await summaries(actor, [row], year());
    if (summary === undefined || !canSee(actor, summary))
      throw new NotFoundError('Tilbuddet findes ikke.');
    return summary;
  }

  async function editable(actor: Actor, id: number): Promise<OfferSummary> {
    const offer = await visible(actor, id);
    if (!offer.editable)
      throw new ForbiddenError('Du kan kun ændre de tilbud, din organisation er driftsherre for.');
    return offer;
  }

  async function checkItem(itemId: number | null, field: string, committees: string[]) {
    if (itemId === null) return;
    const item = await repo.itemCommittee(itemId);
    if (item === null)
      throw new ValidationError({ [field]: 'Punktet findes ikke. Tjek punktets id.' });
    if (!committees.includes(item.committee))
      throw new ValidationError({
        [field]: `Punktet skal høre til et møde i ${committees.join(' eller ')} (det hører til ${item.committee}).`,
      });
  }

  async function checkOperator(actor: Actor, operatorId: number): Promise<OrganisationOption> {
    const org = await repo.organisation(operatorId).catch(() => null);
    if (org === null) throw new ValidationError({ operatorId: 'Vælg en driftsherre.' });
    if (!isSecretariat(actor.viewer)) {
      if (
        !isOperator(actor) ||
        !operatorReaches(actor.organisationId, { id: org.id, parentId: org.parentId })
      )
        throw new ValidationError({
          operatorId: 'Vælg din egen organisation eller en af dens enheder.',
        });
    }
    return org;
  }

  return {
    currentYear: year,
    organisations: () => repo.organisations(),

    async list(actor: Actor, filter: OfferFilter = {}): Promise<OfferSummary[]> {
      const inYear = filter.year ?? year();
      const all = await summaries(actor, await repo.list(), inYear);
      const q = filter.q?.trim().toLowerCase() ?? '';
      return all.filter(
        (o) =>
          canSee(actor, o) &&
          (!filter.mine || o.editable) &&
          (q === '' ||
            o.name.toLowerCase().includes(q) ||
            o.targetGroups.some((t) => t.toLowerCase().includes(q)) ||
            o.address.toLowerCase().includes(q)) &&
          (filter.operatorId === undefined ||
            o.operatorId === filter.operatorId ||
            o.operatorParentId === filter.operatorId) &&
          (filter.section === undefined ||
            o.sections.some((s) => s.section === filter.section?.replace(/^§\s*/, ''))) &&
          (filter.category === undefined || o.category === filter.category) &&
          (filter.covered === undefined || o.covered === filter.covered) &&
          (filter.reinforced === undefined ||
            (filter.reinforced === 'none'
              ? o.reinforced === null
              : o.reinforced === filter.reinforced)),
      );
    },

    /** Whether the actor may write to the offer: the secretariat, or the operator that runs it. */
    async writable(actor: Actor, id: number): Promise<boolean> {
      if (isSecretariat(actor.viewer)) return true;
      const row = await repo.find(id);
      return row !== null && runsOffer(actor, row);
    },

    async get(actor: Actor, id: number) {
      const offer = await visible(actor, id);
      const [events, reinforced, annualReports] = await Promise.all([
        repo.listEvents([id]),
        repo.listReinforced([id]),
        repo.listAnnualReports(id),
      ]);
      const years = events.map((e) => e.effectiveYear);
      const first = Math.min(...years, year());
      const coverage = [];
      for (let y = first; y <= year() + 1; y++)
        coverage.push({ year: y, covered: coveredInYear(events, y) });
      return { offer, events, reinforced, annualReports, coverage };
    },

    async create(actor: Actor, input: OfferInput): Promise<number> {
      if (!isSecretariat(actor.viewer) && !isOperator(actor))
        throw new ForbiddenError('Kun sekretariatet og driftsherrer kan oprette tilbud.');
      await checkOperator(actor, input.operatorId);
      const validFrom = input.activeFrom ?? today(clock);
      return db.transaction(async (tx) => {
        const r = offerRepository(tx);
        const id = await r.create(input);
        for (const s of input.sections) await r.addSection(id, { ...s, validFrom });
        return id;
      });
    },

    /** Operators may change their own offers but not the category (a DAS matter). */
    async update(actor: Actor, id: number, version: number, input: OfferFields) {
      const offer = await editable(actor, id);
      await checkOperator(actor, input.operatorId);
      const fields: OfferFields = isSecretariat(actor.viewer)
        ? input
        : {
            ...input,
            category: offer.category,
            categoryReason: offer.categoryReason,
            equivalentAgreement: offer.equivalentAgreement,
          };
      await repo.update(id, version, fields);
    },

    /**
     * Sets the places of one section from a date: the row in force ends the day before and a new
     * one starts, so the history stays. Places 0 ends the section.
     */
    async changePlaces(
      actor: Actor,
      id: number,
      version: number,
      change: SectionInput & { validFrom: string },
    ) {
      const offer = await editable(actor, id);
      const section = change.section.replace(/^§\s*/, '');
      await db.transaction(async (tx) => {
        const r = offerRepository(tx);
        await r.touch(id, version);
        const current = offer.sections.filter(
          (s) =>
            s.section === section &&
            s.subsection === change.subsection &&
            (s.validTo === null || s.validTo >= change.validFrom),
        );
        for (const s of current) {
          if (s.validFrom >= change.validFrom) await r.deleteSection(s.id);
          else await r.endSection(s.id, dayBefore(change.validFrom));
        }
        if (change.places > 0)
          await r.addSection(id, {
            section,
            subsection: change.subsection,
            places: change.places,
            validFrom: change.validFrom,
          });
      });
    },

    /** Entry into or withdrawal from the agreement (or another change), as DAS decided it. */
    async addEvent(
      actor: Actor,
      id: number,
      version: number,
      e: {
        kind: OfferEventKind;
        date: string;
        effectiveYear: number;
        note: string;
        itemId: number | null;
      },
    ) {
      requireSecretariat(actor.viewer, 'registrere ind- og udmeldinger');
      const offer = await visible(actor, id);
      if (e.kind === 'entry' && offer.category === 1)
        throw new ValidationError({
          kind: 'Et tilbud i kategori 1 bruges kun af driftsherren selv og kan ikke indmeldes. Ret kategorien først.',
        });
      await checkItem(e.itemId, 'itemId', ['DAS', 'FU']);
      await db.transaction(async (tx) => {
        const r = offerRepository(tx);
        await r.touch(id, version);
        await r.addEvent({ ...e, offerId: id });
      });
    },

    /**
     * A change of the offer's status in the reinforced cooperation, with Ekspertpanelet's
     * recommendation and DAS's decision. Moving to the emergency track creates the yearly review
     * as a follow-up for DAS, due a year later.
     */
    async setReinforced(
      actor: Actor,
      id: number,
      version: number,
      s: {
        status: ReinforcedStatus;
        validFrom: string;
        note: string;
        recommendationItemId: number | null;
        decisionItemId: number | null;
      },
    ) {
      requireSecretariat(actor.viewer, 'ændre status i det forstærkede samarbejde');
      const offer = await visible(actor, id);
      await checkItem(s.recommendationItemId, 'recommendationItemId', ['EP']);
      await checkItem(s.decisionItemId, 'decisionItemId', ['DAS']);
      await db.transaction(async (tx) => {
        const r = offerRepository(tx);
        await r.touch(id, version);
        let followUpId: number | null = null;
        if (s.status === 'emergency-track') {
          const das = await committeeRepository(tx).byShortName('DAS');
          if (das) {
            const [y, m, d] = s.validFrom.split('-');
            const follow = await followUpRepository(tx).create(das.id, s.decisionItemId, {
              what: `Årlig vurdering: skal ${offer.name} fortsat være i nødsporet?`,
              ownerOrganisationId: null,
              ownerPerson: 'Sekretariatet',
              dueDate: `${Number(y) + 1}-${m}-${d}`,
              dueMeetingId: null,
            });
            followUpId = follow.id;
          }
        }
        await r.addReinforced({ ...s, offerId: id, followUpId });
      });
    },

    async uploadAnnualReport(
      actor: Actor,
      id: number,
      report: { year: number; filename: string; mediaType: string; bytes: Uint8Array },
    ) {
      await editable(actor, id);
      if (report.bytes.length === 0) throw new ValidationError({ file: 'Vælg en fil.' });
      const sha = createHash('sha256').update(report.bytes).digest('hex');
      await db.transaction((tx) =>
        offerRepository(tx).saveAnnualReport(
          {
            offerId: id,
            year: report.year,
            filename: report.filename,
            mediaType: report.mediaType,
          },
          report.bytes,
          sha,
        ),
      );
    },

    async annualReport(actor: Actor, id: number, reportYear: number) {
      await visible(actor, id);
      const file = await repo.annualReportBytes(id, reportYear);
      if (file === null) throw new NotFoundError('Årsrapporten findes ikke.');
      return file;
    },
  };
}
export type OfferService = ReturnType<typeof offerService>;

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
