/** Who took part in a meeting, who sent apologies, and guests (for the meeting or one item). */
import type { Attendance, AttendanceKind } from '../../domain/meetings/index.ts';
import type { Db } from '../client.ts';

const COLUMNS = `id, meeting_id as "meetingId", kind, person_id as "personId", name, organisation, item_id as "itemId"`;

export interface NewAttendance {
  meetingId: number;
  kind: AttendanceKind;
  personId: number | null;
  name: string;
  organisation: string;
  itemId: number | null;
}

export function attendanceRepository(db: Db) {
  return {
    async listByMeeting(meetingId: number): Promise<Attendance[]> {
      return db.query<Attendance>(
        `select ${COLUMNS} from attendance where meeting_id = $1 order by kind, name, id`,
        [meetingId],
      );
    },
    async add(a: NewAttendance): Promise<void> {
      await db.query(
        `insert into attendance (meeting_id, kind, person_id, name, organisation, item_id) values ($1, $2, $3, $4, $5, $6)`,
        [a.meetingId, a.kind, a.personId, a.name, a.organisation, a.itemId],
      );
    },
    async remove(meetingId: number, id: number): Promise<void> {
      await db.query(`delete from attendance where meeting_id = $1 and id = $2`, [meetingId, id]);
    },
  };
}
export type AttendanceRepository = ReturnType<typeof attendanceRepository>;
