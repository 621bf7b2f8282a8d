/** The offer register: offers, sections with places over time, events, the reinforced cooperation. */
import type { Category, OfferEventKind, ReinforcedStatus } from '../../domain/offers/index.ts';
import { publicItemTitleSql } from './access-sql.ts';
import type { Db, Param } from '../client.ts';
import { one, updated } from './rows.ts';

export interface OfferSectionRow {
  id: number;
  offerId: number;
  section: string;
  subsection: string;
  places: number;
  validFrom: string;
  validTo: string | null;
}

export interface OfferRow {
  id: number;
  name: string;
  operatorId: number;
  operatorName: string;
  operatorParentId: number | null;
  address: string;
  targetGroups: string[];
  category: Category;
  categoryReason: string;
  equivalentAgreement: boolean;
  portalId: string | null;
  activeFrom: string | null;
  activeTo: string | null;
  version: number;
  sections: OfferSectionRow[];
}

export interface OfferFields {
  name: string;
  operatorId: number;
  address: string;
  targetGroups: string[];
  category: Category;
  categoryReason: string;
  equivalentAgreement: boolean;
  portalId: string | null;
  activeFrom: string | null;
  activeTo: string | null;
}

export interface OfferEventRow {
  id: number;
  offerId: number;
  kind: OfferEventKind;
  date: string;
  effectiveYear: number;
  note: string;
  itemId: number | null;
  itemLabel: string | null;
  meetingId: number | null;
}

export interface ReinforcedRow {
  id: number;
  offerId: number;
  status: ReinforcedStatus;
  validFrom: string;
  note: string;
  recommendationItemId: number | null;
  recommendationLabel: string | null;
  decisionItemId: number | null;
  decisionLabel: string | null;
  followUpId: number | null;
}

export interface AnnualReportRow {
  offerId: number;
  year: number;
  filename: string;
  mediaType: string;
  sha256: string;
  size: number;
}

export interface OrganisationOption {
  id: number;
  name: string;
  shortName: string | null;
  kind: string;
  parentId: number | null;
}

const SECTIONS = `coalesce((select jsonb_agg(jsonb_build_object('id', s.id, 'offerId', s.offer_id,
  'section', s.section, 'subsection', s.subsection, 'places', s.places,
  'validFrom', to_char(s.valid_from, 'YYYY-MM-DD'), 'validTo', to_char(s.valid_to, 'YYYY-MM-DD'))
  order by s.section, s.valid_from) from offer_section s where s.offer_id = o.id), '[]'::jsonb) as sections`;

const OFFER = `o.id, o.name, o.operator_id as "operatorId", org.name as "operatorName",
  org.parent_id as "operatorParentId", o.address, o.target_groups as "targetGroups", o.category,
  o.category_reason as "categoryReason", o.equivalent_agreement as "equivalentAgreement",
  o.portal_id as "portalId", o.active_from as "activeFrom", o.active_to as "activeTo", o.version,
  ${SECTIONS}`;
const FROM = `from offer o join organisation org on org.id = o.operator_id`;

/** "DAS 19.10.2020, punkt 5: Title" for an item. */
const ITEM_LABEL = (
  alias: string,
) => `(select c.short_name || ' ' || to_char(m.date, 'DD.MM.YYYY') ||
  ', punkt ' || i.number || ': ' || ${publicItemTitleSql('i')}
  from item i join meeting m on m.id = i.meeting_id join committee c on c.id = m.committee_id
  where i.id = ${alias})`;

export function offerRepository(db: Db) {
  return {
    async find(id: number): Promise<OfferRow | null> {
      const [row] = await db.query<OfferRow>(`select ${OFFER} ${FROM} where o.id = $1`, [id]);
      return row ?? null;
    },
    async get(id: number): Promise<OfferRow> {
      return one(
        await db.query<OfferRow>(`select ${OFFER} ${FROM} where o.id = $1`, [id]),
        'Tilbuddet',
      );
    },
    async list(filter: { operatorIds?: readonly number[]; ids?: readonly number[] } = {}) {
      const where: string[] = [];
      const params: Param[] = [];
      if (filter.operatorIds !== undefined) {
        params.push(filter.operatorIds);
        where.push(
          `o.operator_id in (select jsonb_array_elements_text($${params.length}::jsonb)::int)`,
        );
      }
      if (filter.ids !== undefined) {
        params.push(filter.ids);
        where.push(`o.id in (select jsonb_array_elements_text($${params.length}::jsonb)::int)`);
      }
      const clause = where.length > 0 ? `where ${where.join(' and ')}` : '';
      return db.query<OfferRow>(`select ${OFFER} ${FROM} ${clause} order by o.name, o.id`, params);
    },
    async create(f: OfferFields): Promise<number> {
      const [row] = await db.query<{ id: number }>(
        `insert into offer (name, operator_id, address, target_groups, category, category_reason,
           equivalent_agreement, portal_id, active_from, active_to)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
        [
          f.name,
          f.operatorId,
          f.address,
          f.targetGroups,
          f.category,
          f.categoryReason,
          f.equivalentAgreement,
          f.portalId,
          f.activeFrom,
          f.activeTo,
        ],
      );
      return one([row], 'Tilbuddet').id;
    },
    async update(id: number, version: number, f: OfferFields): Promise<void> {
      updated(
        await db.query(
          `update offer set name = $3, operator_id = $4, address = $5, target_groups = $6,
             category = $7, category_reason = $8, equivalent_agreement = $9, portal_id = $10,
             active_from = $11, active_to = $12, version = version + 1, updated_at = now()
           where id = $1 and version = $2 returning id`,
          [
            id,
            version,
            f.name,
            f.operatorId,
            f.address,
            f.targetGroups,
            f.category,
            f.categoryReason,
            f.equivalentAgreement,
            f.portalId,
            f.activeFrom,
            f.activeTo,
          ],
        ),
      );
    },
    /** Bumps the version (a change to sections or history counts as a change of the offer). */
    async touch(id: number, version: number): Promise<void> {
      updated(
        await db.query(
          `update offer set version = version + 1, updated_at = now()
           where id = $1 and version = $2 returning id`,
          [id, version],
        ),
      );
    },
    async addSection(
      offerId: number,
      s: { section: string; subsection: string; places: number; validFrom: string },
    ): Promise<void> {
      await db.query(
        `insert into offer_section (offer_id, section, subsection, places, valid_from)
         values ($1, $2, $3, $4, $5)`,
        [offerId, s.section, s.subsection, s.places, s.validFrom],
      );
    },
    async endSection(sectionId: number, validTo: string): Promise<void> {
      await db.query(`update offer_section set valid_to = $2 where id = $1`, [sectionId, validTo]);
    },
    async deleteSection(sectionId: number): Promise<void> {
      await db.query(`delete from offer_section where id = $1`, [sectionId]);
    },
    async listEvents(offerIds?: readonly number[]): Promise<OfferEventRow[]> {
      const clause =
        offerIds === undefined
          ? ''
          : `where e.offer_id in (select jsonb_array_elements_text($1::jsonb)::int)`;
      return db.query<OfferEventRow>(
        `select e.id, e.offer_id as "offerId", e.kind, e.date, e.effective_year as "effectiveYear",
           e.note, e.item_id as "itemId", ${ITEM_LABEL('e.item_id')} as "itemLabel",
           (select meeting_id from item where id = e.item_id) as "meetingId"
         from offer_event e ${clause} order by e.date, e.id`,
        offerIds === undefined ? [] : [offerIds],
      );
    },
    async addEvent(e: {
      offerId: number;
      kind: OfferEventKind;
      date: string;
      effectiveYear: number;
      note: string;
      itemId: number | null;
    }): Promise<number> {
      const [row] = await db.query<{ id: number }>(
        `insert into offer_event (offer_id, kind, date, effective_year, note, item_id)
         values ($1, $2, $3, $4, $5, $6) returning id`,
        [e.offerId, e.kind, e.date, e.effectiveYear, e.note, e.itemId],
      );
      return one([row], 'Hændelsen').id;
    },
    async listReinforced(offerIds?: readonly number[]): Promise<ReinforcedRow[]> {
      const clause =
        offerIds === undefined
          ? ''
          : `where r.offer_id in (select jsonb_array_elements_text($1::jsonb)::int)`;
      return db.query<ReinforcedRow>(
        `select r.id, r.offer_id as "offerId", r.status, r.valid_from as "validFrom", r.note,
           r.recommendation_item_id as "recommendationItemId",
           ${ITEM_LABEL('r.recommendation_item_id')} as "recommendationLabel",
           r.decision_item_id as "decisionItemId", ${ITEM_LABEL('r.decision_item_id')} as "decisionLabel",
           r.follow_up_id as "followUpId"
         from offer_reinforced_status r ${clause} order by r.valid_from, r.id`,
        offerIds === undefined ? [] : [offerIds],
      );
    },
    async addReinforced(r: {
      offerId: number;
      status: ReinforcedStatus;
      validFrom: string;
      note: string;
      recommendationItemId: number | null;
      decisionItemId: number | null;
      followUpId: number | null;
    }): Promise<number> {
      const [row] = await db.query<{ id: number }>(
        `insert into offer_reinforced_status (offer_id, status, valid_from, note,
           recommendation_item_id, decision_item_id, follow_up_id)
         values ($1, $2, $3, $4, $5, $6, $7) returning id`,
        [
          r.offerId,
          r.status,
          r.validFrom,
          r.note,
          r.recommendationItemId,
          r.decisionItemId,
          r.followUpId,
        ],
      );
      return one([row], 'Statussen').id;
    },
    async listAnnualReports(offerId: number): Promise<AnnualReportRow[]> {
      return db.query<AnnualReportRow>(
        `select offer_id as "offerId", year, filename, media_type as "mediaType", sha256, size
         from offer_annual_report where offer_id = $1 order by year desc`,
        [offerId],
      );
    },
    async saveAnnualReport(
      r: Omit<AnnualReportRow, 'sha256' | 'size'>,
      bytes: Uint8Array,
      sha256: string,
    ): Promise<void> {
      await db.query(
        `insert into file_blob (sha256, bytes, size) values ($1, $2, $3) on conflict (sha256) do nothing`,
        [sha256, bytes, bytes.length],
      );
      await db.query(
        `insert into offer_annual_report (offer_id, year, filename, media_type, sha256, size)
         values ($1, $2, $3, $4, $5, $6)
         on conflict (offer_id, year) do update set filename = excluded.filename,
           media_type = excluded.media_type, sha256 = excluded.sha256, size = excluded.size,
           uploaded_at = now()`,
        [r.offerId, r.year, r.filename, r.mediaType, sha256, bytes.length],
      );
    },
    async annualReportBytes(
      offerId: number,
      year: number,
    ): Promise<(AnnualReportRow & { bytes: Uint8Array }) | null> {
      const [row] = await db.query<AnnualReportRow & { bytes: Uint8Array }>(
        `select r.offer_id as "offerId", r.year, r.filename, r.media_type as "mediaType", r.sha256,
           r.size, b.bytes
         from offer_annual_report r join file_blob b on b.sha256 = r.sha256
         where r.offer_id = $1 and r.year = $2`,
        [offerId, year],
      );
      return row ?? null;
    },
    async organisations(): Promise<OrganisationOption[]> {
      return db.query<OrganisationOption>(
        `select id, name, short_name as "shortName", kind, parent_id as "parentId"
         from organisation order by kind = 'unit', name`,
      );
    },
    async organisation(id: number): Promise<OrganisationOption> {
      return one(
        await db.query<OrganisationOption>(
          `select id, name, short_name as "shortName", kind, parent_id as "parentId"
           from organisation where id = $1`,
          [id],
        ),
        'Organisationen',
      );
    },
    /** The kommuner's population in a period ("2020K1"), by name. */
    async municipalPopulation(period: string): Promise<{ name: string; count: number }[]> {
      return db.query(
        `select coalesce(o.short_name, o.name) as name, p.count from population p
         join organisation o on o.id = p.organisation_id
         where p.period = $1 and o.kind = 'municipality' order by o.name`,
        [period],
      );
    },
    /** The item and its meeting's committee, for linking decisions. */
    async itemCommittee(itemId: number): Promise<{ committee: string } | null> {
      const [row] = await db.query<{ committee: string }>(
        `select c.short_name as committee from item i join meeting m on m.id = i.meeting_id
         join committee c on c.id = m.committee_id where i.id = $1`,
        [itemId],
      );
      return row ?? null;
    },
  };
}
export type OfferRepository = ReturnType<typeof offerRepository>;
