/** Publishings confirmed despite the guard's findings (migration 0014). */
import type { FindingCounts } from '../../domain/privacy/index.ts';
import type { Db } from '../client.ts';

export type PublishedWhat = 'agenda' | 'minutes' | 'tariff-appendix';

export interface PublishingConfirmation {
  id: number;
  what: PublishedWhat;
  meetingId: number | null;
  tariffYear: number | null;
  userId: number | null;
  confirmedAt: Date;
  findingCount: number;
  cprCount: number;
  citizenTableCount: number;
}

export function publishingConfirmationRepository(db: Db) {
  return {
    async record(c: {
      what: PublishedWhat;
      meetingId: number | null;
      tariffYear: number | null;
      userId: number | null;
      at: Date;
      counts: FindingCounts;
    }): Promise<void> {
      await db.query(
        `insert into publishing_confirmation
           (what, meeting_id, tariff_year, user_id, confirmed_at, finding_count, cpr_count, citizen_table_count)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          c.what,
          c.meetingId,
          c.tariffYear,
          c.userId,
          c.at,
          c.counts.total,
          c.counts.cpr,
          c.counts.citizenTables,
        ],
      );
    },
    async list(filter: { meetingId?: number; tariffYear?: number } = {}) {
      return db.query<PublishingConfirmation>(
        `select id, what, meeting_id as "meetingId", tariff_year as "tariffYear", user_id as "userId",
           confirmed_at as "confirmedAt", finding_count as "findingCount", cpr_count as "cprCount",
           citizen_table_count as "citizenTableCount"
         from publishing_confirmation
         where ($1::integer is null or meeting_id = $1) and ($2::integer is null or tariff_year = $2)
         order by id`,
        [filter.meetingId ?? null, filter.tariffYear ?? null],
      );
    },
  };
}
