import type { Db } from '../client.ts';
import { attachmentRepository } from './attachment.repository.ts';
import { attendanceRepository } from './attendance.repository.ts';
import { committeeRepository } from './committee.repository.ts';
import { decisionRecordRepository } from './decision-record.repository.ts';
import { followUpRepository } from './follow-up.repository.ts';
import { itemRepository } from './item.repository.ts';
import { meetingRepository } from './meeting.repository.ts';
import { userRepository } from './user.repository.ts';

/** Every repository bound to one connection or transaction. */
export function repositories(db: Db) {
  return {
    meetings: meetingRepository(db),
    items: itemRepository(db),
    attachments: attachmentRepository(db),
    attendance: attendanceRepository(db),
    followUps: followUpRepository(db),
    decisions: decisionRecordRepository(db),
    committees: committeeRepository(db),
    users: userRepository(db),
  };
}
export type Repositories = ReturnType<typeof repositories>;
