/**
 * Tariff reporting (takstindberetning): the secretariat sets up, opens and closes a round per
 * year; each operator reports its covered offers' tariffs inside the window and submits (which
 * locks the report until the secretariat reopens it); the secretariat approves, builds the
 * appendix, records the approving meeting item and publishes. `now` comes from the clock.
 */
import { NotFoundError, StateError, ValidationError, ForbiddenError } from '../domain/errors.ts';
import { isSecretariat } from '../domain/meetings/index.ts';
import { placesOn, sectionLabel, validOn } from '../domain/offers/index.ts';
import {
  assertReportEditable,
  assertReportingOpen,
  buildAppendix,
  changeHundredths,
  checkLines,
  exceedsChangeLimit,
  historyKey,
  overviewStatus,
  roundPhase,
  splitByPopulation,
  timeToDeadline,
  type Appendix,
  type LineInput,
  type OverviewStatus,
} from '../domain/tariffs/index.ts';
import { AppendixImportError, readAppendixImport } from '../domain/tariffs/appendix-import.ts';
import type { Db } from '../db/client.ts';
import { offerRepository } from '../db/repositories/offer.repository.ts';
import {
  tariffRepository,
  type LineRow,
  type ReportRow,
  type RoundFields,
  type RoundRow,
} from '../db/repositories/tariff.repository.ts';
import {
  appendixPublicTexts,
  requireConfirmation,
  scanPublicTexts,
  type Finding,
} from '../domain/privacy/index.ts';
import { today, type Clock } from './clock.ts';
import { recordConfirmation } from './publishing-guard.ts';
import { tariffAppendixPdf } from './pdf/tariff-appendix-pdf.ts';
import { readAppendixTable } from './xlsx/appendix-reader.ts';
import { tariffAppendixXlsx } from './xlsx/tariff-appendix.ts';
import {
  isOperator,
  offerService,
  requireSecretariat,
  type Actor,
  type OfferSummary,
} from './offer.service.ts';

export interface OverviewRow {
  organisationId: number;
  organisation: string;
  status: OverviewStatus;
  report: ReportRow | null;
  offerCount: number;
}

export interface AttentionLine {
  organisation: string;
  reportId: number;
  offer: string;
  service: string;
  previous: number | null;
  amount: number;
  change: number | null;
  reason: string;
  why: 'beyond-limit' | 'new';
}

function requireOperator(actor: Actor): asserts actor is Actor & { organisationId: number } {
  if (!isOperator(actor))
    throw new ForbiddenError(
      'Kun en driftsherres indberetter kan indberette takster. Log ind med en bruger, der er knyttet til en driftsherre.',
    );
}

export function tariffService(db: Db, clock: Clock) {
  const repo = tariffRepository(db);
  const offers = offerService(db, clock);
  const offerRepo = offerRepository(db);

  async function roundOf(year: number): Promise<RoundRow> {
    const round = await repo.roundByYear(year);
    if (round === null) throw new NotFoundError(`Der er ingen takstindberetning for ${year}.`);
    return round;
  }

  /** The offers an operator reports in the round: its own offers covered that year. */
  async function reportableOffers(actor: Actor, year: number): Promise<OfferSummary[]> {
    return (await offers.list(actor, { year, mine: true, covered: true })).filter(() =>
      isOperator(actor),
    );
  }

  async function previousMap(year: number): Promise<Map<string, number>> {
    const rows = await repo.history(year - 1);
    return new Map(rows.map((r) => [historyKey(r), r.amount]));
  }

  async function appendixOf(round: RoundRow): Promise<Appendix> {
    const lines = await repo.roundLines(round.id, ['approved']);
    const all = await offerRepo.list({ ids: [...new Set(lines.map((l) => l.offerId))] });
    const byId = new Map(all.map((o) => [o.id, o]));
    const previous = await previousMap(round.year);
    const date = `${round.year}-01-01`;
    return buildAppendix(
      round.year,
      lines.flatMap((l) => {
        const o = byId.get(l.offerId);
        if (o === undefined) return [];
        const sections = validOn(o.sections, date);
        return [
          {
            operator: o.operatorName,
            offerId: o.id,
            offer: o.name,
            service: l.service,
            unit: l.unit,
            targetGroups: o.targetGroups,
            lawSections: [...new Set(sections.map(sectionLabel))],
            places: placesOn(o.sections, date),
            previous: previous.get(historyKey(l)) ?? null,
            amount: l.amount,
          },
        ];
      }),
    );
  }

  return {
    async rounds(actor: Actor): Promise<RoundRow[]> {
      const all = await repo.rounds();
      if (isSecretariat(actor.viewer)) return all;
      if (isOperator(actor)) return all.filter((r) => r.status !== 'draft');
      return all.filter((r) => r.publishedAt !== null);
    },

    async round(actor: Actor, year: number): Promise<RoundRow> {
      const round = await roundOf(year);
      if (
        !isSecretariat(actor.viewer) &&
        !(isOperator(actor) && round.status !== 'draft') &&
        round.publishedAt === null
      )
        throw new NotFoundError(`Der er ingen takstindberetning for ${year}.`);
      return round;
    },

    phase: (round: RoundRow) => roundPhase(round, clock.now()),

    async createRound(actor: Actor, fields: RoundFields): Promise<RoundRow> {
      requireSecretariat(actor.viewer, 'oprette en takstindberetning');
      if ((await repo.roundByYear(fields.year)) !== null)
        throw new ValidationError({
          year: `Der findes allerede en takstindberetning for ${fields.year}.`,
        });
      checkWindow(fields);
      await repo.createRound(fields);
      return roundOf(fields.year);
    },

    async updateRound(actor: Actor, year: number, version: number, fields: RoundFields) {
      requireSecretariat(actor.viewer, 'ændre takstindberetningen');
      const round = await roundOf(year);
      checkWindow(fields);
      await repo.updateRound(round.id, version, fields);
    },

    async setRoundStatus(actor: Actor, year: number, version: number, status: 'open' | 'closed') {
      requireSecretariat(actor.viewer, 'åbne og lukke takstindberetningen');
      const round = await roundOf(year);
      await repo.setRoundStatus(round.id, version, status);
    },

    /** The secretariat's overview: status per operator, who is missing, deadline, attention. */
    async overview(actor: Actor, year: number) {
      requireSecretariat(actor.viewer, 'se oversigten over indberetninger');
      const round = await roundOf(year);
      const now = clock.now();
      const [reports, covered, organisations, lines, previous] = await Promise.all([
        repo.reports(round.id),
        offers.list(actor, { year, covered: true }),
        offerRepo.organisations(),
        repo.roundLines(round.id, ['draft', 'submitted', 'approved']),
        previousMap(year),
      ]);
      const orgName = new Map(organisations.map((o) => [o.id, o.name]));
      const expected = new Map<number, number>();
      for (const o of covered) {
        const owner = o.operatorParentId ?? o.operatorId;
        expected.set(owner, (expected.get(owner) ?? 0) + 1);
      }
      for (const r of reports)
        if (!expected.has(r.organisationId)) expected.set(r.organisationId, 0);
      const rows: OverviewRow[] = [...expected.entries()]
        .map(([organisationId, offerCount]) => {
          const report = reports.find((r) => r.organisationId === organisationId) ?? null;
          return {
            organisationId,
            organisation: orgName.get(organisationId) ?? '',
            status: overviewStatus(report),
            report,
            offerCount,
          };
        })
        .sort((a, b) => a.organisation.localeCompare(b.organisation, 'en'));
      const offerName = new Map(covered.map((o) => [o.id, o.name]));
      const allOffers = await offerRepo.list({ ids: [...new Set(lines.map((l) => l.offerId))] });
      for (const o of allOffers) offerName.set(o.id, o.name);
      const attention: AttentionLine[] = [];
      for (const l of lines) {
        const report = reports.find((r) => r.id === l.reportId);
        if (report === undefined) continue;
        const prev = previous.get(historyKey(l)) ?? null;
        const beyond = prev !== null && exceedsChangeLimit(prev, l.amount, round.changeLimit);
        if (!beyond && prev !== null) continue;
        attention.push({
          organisation: report.organisation,
          reportId: report.id,
          offer: offerName.get(l.offerId) ?? '',
          service: l.service,
          previous: prev,
          amount: l.amount,
          change: changeHundredths(prev, l.amount),
          reason: l.changeReason,
          why: beyond ? 'beyond-limit' : 'new',
        });
      }
      return {
        round,
        phase: roundPhase(round, now),
        timeToDeadline: timeToDeadline(now, round.deadline),
        rows,
        missing: rows.filter((r) => r.status === 'not-started' || r.status === 'in-progress'),
        attention,
      };
    },

    /** An operator's own report for the year, with its offers and last year's tariffs. */
    async myReport(actor: Actor, year: number) {
      requireOperator(actor);
      const round = await roundOf(year);
      if (round.status === 'draft')
        throw new NotFoundError(`Takstindberetningen for ${year} er ikke åbnet endnu.`);
      const now = clock.now();
      const [report, own, previous, shares] = await Promise.all([
        repo.report(round.id, actor.organisationId),
        reportableOffers(actor, year),
        previousMap(year),
        repo.fixedShares(round.id),
      ]);
      const lines = report === null ? [] : await repo.lines(report.id);
      return {
        round,
        phase: roundPhase(round, now),
        timeToDeadline: timeToDeadline(now, round.deadline),
        report,
        lines,
        offers: own,
        previous,
        fixedShares: shares.filter((s) => own.some((o) => o.id === s.offerId)),
      };
    },

    /** Saves an operator's lines (the whole list); the later of two saves is refused. */
    async saveReport(actor: Actor, year: number, version: number, lines: LineInput[]) {
      requireOperator(actor);
      const round = await roundOf(year);
      assertReportingOpen(round, clock.now());
      const own = await reportableOffers(actor, year);
      const errors = checkLines(
        lines,
        await previousMap(year),
        round.changeLimit,
        new Set(own.map((o) => o.id)),
      );
      if (Object.keys(errors).length > 0) throw new ValidationError(errors);
      return db.transaction(async (tx) => {
        const r = tariffRepository(tx);
        const report = await r.ensureReport(round.id, actor.organisationId);
        assertReportEditable(report);
        return r.saveLines(report.id, version, lines);
      });
    },

    async submitReport(actor: Actor, year: number, version: number) {
      requireOperator(actor);
      const round = await roundOf(year);
      assertReportingOpen(round, clock.now());
      const report = await repo.report(round.id, actor.organisationId);
      if (report === null || report.lineCount === 0)
        throw new StateError('Indberetningen har ingen takster endnu. Gem taksterne først.');
      assertReportEditable(report);
      await repo.setReportStatus(report.id, version, 'submitted', clock.now(), actor.viewer.userId);
    },

    async reportDetail(actor: Actor, reportId: number) {
      requireSecretariat(actor.viewer, 'se andres indberetninger');
      const report = await repo.reportById(reportId);
      const round = await repo.round(report.roundId);
      const lines = await repo.lines(reportId);
      const all = await offerRepo.list({ ids: [...new Set(lines.map((l) => l.offerId))] });
      return { round, report, lines, offers: all, previous: await previousMap(round.year) };
    },

    async reopenReport(actor: Actor, reportId: number, version: number) {
      requireSecretariat(actor.viewer, 'genåbne en indberetning');
      const report = await repo.reportById(reportId);
      if (report.status === 'draft') throw new StateError('Indberetningen er allerede åben.');
      await repo.setReportStatus(reportId, version, 'draft', clock.now(), null);
    },

    async approveReport(actor: Actor, reportId: number, version: number) {
      requireSecretariat(actor.viewer, 'godkende en indberetning');
      const report = await repo.reportById(reportId);
      if (report.status !== 'submitted')
        throw new StateError('Kun en indsendt indberetning kan godkendes.');
      await repo.setReportStatus(reportId, version, 'approved', clock.now(), null);
    },

    async setFixedShare(actor: Actor, year: number, offerId: number, amount: number, note: string) {
      requireSecretariat(actor.viewer, 'fastsætte objektiv finansiering');
      const round = await roundOf(year);
      await offerRepo.get(offerId);
      await repo.setFixedShare(round.id, offerId, amount, note);
    },

    /** The round's fixed shares, for the secretariat's overview. */
    async fixedShares(actor: Actor, year: number) {
      requireSecretariat(actor.viewer, 'se objektiv finansiering');
      return repo.fixedShares((await roundOf(year)).id);
    },

    /** The offer's fixed amount split among the kommuner by the round's population period. */
    async fixedShareSplit(actor: Actor, year: number, offerId: number) {
      const round = await this.round(actor, year);
      const share = (await repo.fixedShares(round.id)).find((s) => s.offerId === offerId);
      if (share === undefined) return null;
      const populations = await offerRepo.municipalPopulation(round.populationPeriod);
      if (populations.length === 0)
        throw new StateError(`Der er ingen befolkningstal for ${round.populationPeriod}.`);
      return {
        ...share,
        period: round.populationPeriod,
        split: splitByPopulation(share.amount, round.populationPeriod, populations),
      };
    },

    /** The appendix: the secretariat sees it as it stands; everybody else once it is published. */
    async appendix(actor: Actor, year: number) {
      const round = await roundOf(year);
      if (!isSecretariat(actor.viewer) && round.publishedAt === null)
        throw new NotFoundError(`Takstbilaget for ${year} er ikke offentliggjort.`);
      return { round, appendix: await appendixOf(round) };
    },

    /** The appendix as XLSX or PDF bytes (same access as `appendix`). */
    async appendixFile(actor: Actor, year: number, format: 'xlsx' | 'pdf') {
      const { round, appendix } = await this.appendix(actor, year);
      const meta = { approvedBy: round.approvedItemLabel, publishedAt: round.publishedAt };
      return format === 'xlsx'
        ? tariffAppendixXlsx(appendix, meta)
        : tariffAppendixPdf(appendix, meta);
    },

    /** Records the approval with the approving item (DAS, or FU by delegation). */
    async approveAppendix(actor: Actor, year: number, version: number, itemId: number) {
      requireSecretariat(actor.viewer, 'registrere godkendelsen af takstbilaget');
      const round = await roundOf(year);
      const item = await offerRepo.itemCommittee(itemId);
      if (item === null)
        throw new ValidationError({ itemId: 'Punktet findes ikke. Tjek punktets id.' });
      if (item.committee !== 'DAS' && item.committee !== 'FU')
        throw new ValidationError({
          itemId: `Takstbilaget godkendes af DAS eller af FU efter delegation; punktet hører til ${item.committee}.`,
        });
      const lines = await repo.roundLines(round.id, ['approved']);
      if (lines.length === 0)
        throw new StateError('Der er ingen godkendte indberetninger at bygge takstbilaget af.');
      await db.transaction(async (tx) => {
        const r = tariffRepository(tx);
        await r.approveRound(round.id, version, itemId, clock.now());
        await r.recordHistory(year, lines, 'approved');
      });
    },

    /** The findings of the publishing guard in the appendix as it would be published. */
    async appendixFindings(actor: Actor, year: number): Promise<Finding[]> {
      requireSecretariat(actor.viewer, 'offentliggøre takstbilaget');
      const appendix = await appendixOf(await roundOf(year));
      return scanPublicTexts(appendixPublicTexts(appendix), today(clock));
    },

    /**
     * Publishes the approved appendix. With findings (CPR numbers, tables per citizen) it is
     * refused unless `confirmFindings`; a confirmed publishing is recorded. Returns the findings.
     */
    async publish(
      actor: Actor,
      year: number,
      version: number,
      options: { confirmFindings?: boolean } = {},
    ): Promise<Finding[]> {
      requireSecretariat(actor.viewer, 'offentliggøre takstbilaget');
      const round = await roundOf(year);
      if (round.approvedItemId === null)
        throw new StateError(
          'Takstbilaget skal godkendes (med mødepunktet) før det offentliggøres.',
        );
      // Scanned just before writing; the round's version refuses a publish that raced this one.
      const findings = await this.appendixFindings(actor, year);
      requireConfirmation(findings, options.confirmFindings === true);
      await db.transaction(async (tx) => {
        await recordConfirmation(
          tx,
          'tariff-appendix',
          { tariffYear: year },
          actor.viewer.userId,
          clock.now(),
          findings,
        );
        await tariffRepository(tx).publishRound(round.id, version, clock.now());
      });
      return findings;
    },

    /** Imports last year's tariffs to start the history (all rows or none). */
    async importHistory(
      actor: Actor,
      year: number,
      rows: { offerId: number; service: string; unit: LineRow['unit']; amount: number }[],
    ) {
      requireSecretariat(actor.viewer, 'importere takster');
      await db.transaction((tx) => tariffRepository(tx).recordHistory(year, rows, 'imported'));
    },

    /**
     * Imports a previous year's appendix (XLSX or CSV) into the history of `year`: every row or
     * none. Rows that cannot be read throw AppendixImportError with their row numbers.
     */
    async importAppendixFile(actor: Actor, year: number, filename: string, bytes: Uint8Array) {
      requireSecretariat(actor.viewer, 'importere takster');
      const table = await readAppendixTable(filename, bytes);
      const register = await offerRepo.list();
      const result = readAppendixImport(
        table,
        register.map((o) => ({ id: o.id, name: o.name, operator: o.operatorName })),
      );
      if (result.problems.length > 0) throw new AppendixImportError(result.problems);
      await this.importHistory(actor, year, result.rows);
      return { rows: result.rows.length, offers: new Set(result.rows.map((r) => r.offerId)).size };
    },
  };
}
export type TariffService = ReturnType<typeof tariffService>;

function checkWindow(f: RoundFields): void {
  const errors: Record<string, string> = {};
  if (f.deadline.getTime() <= f.opensAt.getTime())
    errors.deadline = 'Fristen skal ligge efter åbningstidspunktet.';
  if ((f.correctionOpensAt === null) !== (f.correctionDeadline === null))
    errors.correctionDeadline =
      'Angiv både start og frist for korrektionsrunden, eller ingen af dem.';
  else if (
    f.correctionOpensAt !== null &&
    f.correctionDeadline !== null &&
    (f.correctionDeadline.getTime() <= f.correctionOpensAt.getTime() ||
      f.correctionOpensAt.getTime() <= f.deadline.getTime())
  )
    errors.correctionDeadline =
      'Korrektionsrunden skal ligge efter fristen, og dens frist efter dens start.';
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
}
