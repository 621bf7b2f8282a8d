/** Corrections to approved decisions, and answers in written procedures. */
import type { Db } from '../client.ts';

export interface Correction {
  id: number;
  itemId: number;
  beforeDecision: string;
  afterDecision: string;
  reason: string;
  userName: string | null;
  createdAt: Date;
}

export interface WrittenResponse {
  id: number;
  itemId: number;
  respondent: string;
  organisation: string | null;
  answer: 'agree' | 'disagree' | 'abstain';
  comment: string;
  answeredOn: string;
}

export function decisionRecordRepository(db: Db) {
  return {
    async addCorrection(c: {
      itemId: number;
      beforeDecision: string;
      afterDecision: string;
      beforeOutcome: string | null;
      afterOutcome: string | null;
      reason: string;
      userId: number | null;
    }) {
      await db.query(
        `insert into decision_correction (item_id, before_decision, after_decision, before_outcome, after_outcome, reason, user_id)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [
          c.itemId,
          c.beforeDecision,
          c.afterDecision,
          c.beforeOutcome,
          c.afterOutcome,
          c.reason,
          c.userId,
        ],
      );
    },
    async correctionsByMeeting(meetingId: number): Promise<Correction[]> {
      return db.query<Correction>(
        `select c.id, c.item_id as "itemId", c.before_decision as "beforeDecision", c.after_decision as "afterDecision",
           c.reason, u.name as "userName", c.created_at as "createdAt"
         from decision_correction c join item i on i.id = c.item_id left join app_user u on u.id = c.user_id
         where i.meeting_id = $1 order by c.created_at, c.id`,
        [meetingId],
      );
    },
    async addResponse(
      r: Omit<WrittenResponse, 'id' | 'organisation'> & { organisationId: number | null },
    ) {
      await db.query(
        `insert into written_response (item_id, respondent, organisation_id, answer, comment, answered_on)
         values ($1, $2, $3, $4, $5, $6)
         on conflict (item_id, respondent) do update set answer = excluded.answer, comment = excluded.comment,
           answered_on = excluded.answered_on, organisation_id = excluded.organisation_id`,
        [r.itemId, r.respondent, r.organisationId, r.answer, r.comment, r.answeredOn],
      );
    },
    async responsesByMeeting(meetingId: number): Promise<WrittenResponse[]> {
      return db.query<WrittenResponse>(
        `select r.id, r.item_id as "itemId", r.respondent, o.short_name as organisation, r.answer, r.comment,
           r.answered_on as "answeredOn"
         from written_response r join item i on i.id = r.item_id left join organisation o on o.id = r.organisation_id
         where i.meeting_id = $1 order by r.answered_on, r.id`,
        [meetingId],
      );
    },
  };
}
export type DecisionRecordRepository = ReturnType<typeof decisionRecordRepository>;
