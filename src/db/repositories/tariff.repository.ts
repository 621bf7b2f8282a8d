/** Tariff rounds, reports with their lines, fixed-share amounts and the tariff history. */
import type { ReportStatus, TariffKind, TariffUnit } from '../../domain/tariffs/index.ts';
import { publicItemTitleSql } from './access-sql.ts';
import type { Db } from '../client.ts';
import { one, updated } from './rows.ts';

export interface RoundRow {
  id: number;
  year: number;
  opensAt: Date;
  deadline: Date;
  correctionOpensAt: Date | null;
  correctionDeadline: Date | null;
  status: 'draft' | 'open' | 'closed';
  changeLimit: number;
  populationPeriod: string;
  approvedItemId: number | null;
  approvedItemLabel: string | null;
  approvedAt: Date | null;
  publishedAt: Date | null;
  version: number;
}

export interface RoundFields {
  year: number;
  opensAt: Date;
  deadline: Date;
  correctionOpensAt: Date | null;
  correctionDeadline: Date | null;
  changeLimit: number;
  populationPeriod: string;
}

export interface ReportRow {
  id: number;
  roundId: number;
  organisationId: number;
  organisation: string;
  status: ReportStatus;
  submittedAt: Date | null;
  approvedAt: Date | null;
  version: number;
  lineCount: number;
  updatedAt: Date;
}

export interface LineRow {
  id: number;
  reportId: number;
  offerId: number;
  position: number;
  kind: TariffKind;
  service: string;
  unit: TariffUnit;
  amount: number;
  basisAmount: number | null;
  serviceAmount: number | null;
  occupancy: number | null;
  changeReason: string;
}

export type LineFields = Omit<LineRow, 'id' | 'reportId' | 'position'>;

const ROUND = `r.id, r.year, r.opens_at as "opensAt", r.deadline, r.correction_opens_at as "correctionOpensAt",
  r.correction_deadline as "correctionDeadline", r.status, r.change_limit as "changeLimit",
  r.population_period as "populationPeriod", r.approved_item_id as "approvedItemId",
  (select c.short_name || ' ' || to_char(m.date, 'DD.MM.YYYY') || ', punkt ' || i.number || ': ' || ${publicItemTitleSql('i')}
   from item i join meeting m on m.id = i.meeting_id join committee c on c.id = m.committee_id
   where i.id = r.approved_item_id) as "approvedItemLabel",
  r.approved_at as "approvedAt", r.published_at as "publishedAt", r.version`;

const REPORT = `p.id, p.round_id as "roundId", p.organisation_id as "organisationId", o.name as organisation,
  p.status, p.submitted_at as "submittedAt", p.approved_at as "approvedAt", p.version,
  (select count(*) from tariff_line l where l.report_id = p.id)::int as "lineCount", p.updated_at as "updatedAt"`;

const LINE = `l.id, l.report_id as "reportId", l.offer_id as "offerId", l.position, l.kind, l.service, l.unit,
  l.amount, l.basis_amount as "basisAmount", l.service_amount as "serviceAmount", l.occupancy,
  l.change_reason as "changeReason"`;

export function tariffRepository(db: Db) {
  return {
    async rounds(): Promise<RoundRow[]> {
      return db.query<RoundRow>(`select ${ROUND} from tariff_round r order by r.year desc`);
    },
    async roundByYear(year: number): Promise<RoundRow | null> {
      const [row] = await db.query<RoundRow>(
        `select ${ROUND} from tariff_round r where r.year = $1`,
        [year],
      );
      return row ?? null;
    },
    async round(id: number): Promise<RoundRow> {
      return one(
        await db.query<RoundRow>(`select ${ROUND} from tariff_round r where r.id = $1`, [id]),
        'Takstindberetningen',
      );
    },
    async createRound(f: RoundFields): Promise<number> {
      const [row] = await db.query<{ id: number }>(
        `insert into tariff_round (year, opens_at, deadline, correction_opens_at, correction_deadline,
           change_limit, population_period)
         values ($1, $2, $3, $4, $5, $6, $7) returning id`,
        [
          f.year,
          f.opensAt,
          f.deadline,
          f.correctionOpensAt,
          f.correctionDeadline,
          f.changeLimit,
          f.populationPeriod,
        ],
      );
      return one([row], 'Takstindberetningen').id;
    },
    async updateRound(id: number, version: number, f: RoundFields): Promise<void> {
      updated(
        await db.query(
          `update tariff_round set opens_at = $3, deadline = $4, correction_opens_at = $5,
             correction_deadline = $6, change_limit = $7, population_period = $8, version = version + 1
           where id = $1 and version = $2 returning id`,
          [
            id,
            version,
            f.opensAt,
            f.deadline,
            f.correctionOpensAt,
            f.correctionDeadline,
            f.changeLimit,
            f.populationPeriod,
          ],
        ),
      );
    },
    async setRoundStatus(id: number, version: number, status: RoundRow['status']) {
      updated(
        await db.query(
          `update tariff_round set status = $3, version = version + 1
           where id = $1 and version = $2 returning id`,
          [id, version, status],
        ),
      );
    },
    async approveRound(id: number, version: number, itemId: number, at: Date) {
      updated(
        await db.query(
          `update tariff_round set approved_item_id = $3, approved_at = $4, version = version + 1
           where id = $1 and version = $2 returning id`,
          [id, version, itemId, at],
        ),
      );
    },
    async publishRound(id: number, version: number, at: Date) {
      updated(
        await db.query(
          `update tariff_round set published_at = $3, version = version + 1
           where id = $1 and version = $2 returning id`,
          [id, version, at],
        ),
      );
    },
    async reports(roundId: number): Promise<ReportRow[]> {
      return db.query<ReportRow>(
        `select ${REPORT} from tariff_report p join organisation o on o.id = p.organisation_id
         where p.round_id = $1 order by o.name`,
        [roundId],
      );
    },
    async report(roundId: number, organisationId: number): Promise<ReportRow | null> {
      const [row] = await db.query<ReportRow>(
        `select ${REPORT} from tariff_report p join organisation o on o.id = p.organisation_id
         where p.round_id = $1 and p.organisation_id = $2`,
        [roundId, organisationId],
      );
      return row ?? null;
    },
    async reportById(id: number): Promise<ReportRow> {
      return one(
        await db.query<ReportRow>(
          `select ${REPORT} from tariff_report p join organisation o on o.id = p.organisation_id
           where p.id = $1`,
          [id],
        ),
        'Indberetningen',
      );
    },
    /** The organisation's report in the round, created empty the first time. */
    async ensureReport(roundId: number, organisationId: number): Promise<ReportRow> {
      await db.query(
        `insert into tariff_report (round_id, organisation_id) values ($1, $2)
         on conflict (round_id, organisation_id) do nothing`,
        [roundId, organisationId],
      );
      return one([(await this.report(roundId, organisationId)) ?? undefined], 'Indberetningen');
    },
    async lines(reportId: number): Promise<LineRow[]> {
      return db.query<LineRow>(
        `select ${LINE} from tariff_line l where l.report_id = $1 order by l.offer_id, l.position`,
        [reportId],
      );
    },
    async roundLines(roundId: number, statuses: readonly ReportStatus[]): Promise<LineRow[]> {
      return db.query<LineRow>(
        `select ${LINE} from tariff_line l join tariff_report p on p.id = l.report_id
         where p.round_id = $1 and p.status in (select jsonb_array_elements_text($2::jsonb))
         order by l.offer_id, l.position`,
        [roundId, statuses],
      );
    },
    /** Replaces the report's lines if nobody saved it since `version`; returns the new version. */
    async saveLines(reportId: number, version: number, lines: readonly LineFields[]) {
      const row = updated(
        await db.query<{ version: number }>(
          `update tariff_report set version = version + 1, updated_at = now()
           where id = $1 and version = $2 and status = 'draft' returning version`,
          [reportId, version],
        ),
      );
      await db.query(`delete from tariff_line where report_id = $1`, [reportId]);
      let position = 0;
      for (const l of lines) {
        await db.query(
          `insert into tariff_line (report_id, offer_id, position, kind, service, unit, amount,
             basis_amount, service_amount, occupancy, change_reason)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [
            reportId,
            l.offerId,
            position++,
            l.kind,
            l.service,
            l.unit,
            l.amount,
            l.basisAmount,
            l.serviceAmount,
            l.occupancy,
            l.changeReason,
          ],
        );
      }
      return row.version;
    },
    async setReportStatus(
      id: number,
      version: number,
      status: ReportStatus,
      at: Date,
      userId: number | null,
    ): Promise<void> {
      updated(
        await db.query(
          `update tariff_report set status = $3, version = version + 1, updated_at = $4,
             submitted_at = case when $3 = 'submitted' then $4 when $3 = 'draft' then null else submitted_at end,
             submitted_by = case when $3 = 'submitted' then $5 else submitted_by end,
             approved_at = case when $3 = 'approved' then $4 else null end
           where id = $1 and version = $2 returning id`,
          [id, version, status, at, userId],
        ),
      );
    },
    async fixedShares(
      roundId: number,
    ): Promise<{ offerId: number; amount: number; note: string }[]> {
      return db.query(
        `select offer_id as "offerId", amount, note from tariff_fixed_share where round_id = $1`,
        [roundId],
      );
    },
    async setFixedShare(roundId: number, offerId: number, amount: number, note: string) {
      await db.query(
        `insert into tariff_fixed_share (round_id, offer_id, amount, note) values ($1, $2, $3, $4)
         on conflict (round_id, offer_id) do update set amount = excluded.amount, note = excluded.note`,
        [roundId, offerId, amount, note],
      );
    },
    async history(
      year: number,
    ): Promise<{ offerId: number; service: string; unit: TariffUnit; amount: number }[]> {
      return db.query(
        `select offer_id as "offerId", service, unit, amount from tariff_history where year = $1`,
        [year],
      );
    },
    async recordHistory(
      year: number,
      rows: readonly { offerId: number; service: string; unit: TariffUnit; amount: number }[],
      source: 'approved' | 'imported',
    ): Promise<void> {
      for (const r of rows) {
        await db.query(
          `insert into tariff_history (year, offer_id, service, unit, amount, source)
           values ($1, $2, $3, $4, $5, $6)
           on conflict (year, offer_id, service, unit) do update set amount = excluded.amount,
             source = excluded.source`,
          [year, r.offerId, r.service, r.unit, r.amount, source],
        );
      }
    },
  };
}
export type TariffRepository = ReturnType<typeof tariffRepository>;
