/** Kysely functions over meetings, their agenda and attendance, and the quorum rules: (db, args) -> rows. */
import { sql, type Updateable } from 'kysely';
import type {
  AgendaItemRow,
  AttendanceRow,
  AttendanceStatus,
  CouncilsDb,
  CouncilsMeetingTable,
  MeetingRow,
  MeetingStatus,
  OrganKind,
  QuorumRuleRow,
} from './councils.tables.ts';

/** A meeting with the facts of its organ every answer names. */
export type MeetingWithOrgan = MeetingRow & {
  unit_code: string;
  organ_kind: OrganKind;
  organ_name_km: string;
  organ_name_en: string;
  organ_closed_on: string | null;
  decision_count: number;
};

const meetingsWithOrgan = (db: CouncilsDb) =>
  db
    .selectFrom('councils_meeting as m')
    .innerJoin('councils_organ as o', 'o.id', 'm.organ_id')
    .selectAll('m')
    .select([
      'o.unit_code',
      'o.kind as organ_kind',
      'o.name_km as organ_name_km',
      'o.name_en as organ_name_en',
      'o.closed_on as organ_closed_on',
      sql<number>`(select count(*)::int from councils_decision d where d.meeting_id = m.id)`.as(
        'decision_count',
      ),
    ]);

export async function findMeeting(db: CouncilsDb, id: number): Promise<MeetingWithOrgan | undefined> {
  return meetingsWithOrgan(db).where('m.id', '=', id).executeTakeFirst();
}

/** The meeting's row, locked until the transaction ends (changes to one meeting run one at a time). */
export async function lockMeeting(db: CouncilsDb, id: number): Promise<MeetingRow | undefined> {
  return db.selectFrom('councils_meeting').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findMeetingUnit(db: CouncilsDb, id: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('councils_meeting as m')
    .innerJoin('councils_organ as o', 'o.id', 'm.organ_id')
    .select('o.unit_code')
    .where('m.id', '=', id)
    .executeTakeFirst();
  return row?.unit_code;
}

export async function selectMeetings(
  db: CouncilsDb,
  filter: { unitCode?: string; organId?: number; status?: MeetingStatus; page: number; pageSize: number },
): Promise<{ rows: MeetingWithOrgan[]; total: number }> {
  let query = meetingsWithOrgan(db);
  let counting = db
    .selectFrom('councils_meeting as m')
    .innerJoin('councils_organ as o', 'o.id', 'm.organ_id');
  if (filter.unitCode !== undefined) {
    query = query.where('o.unit_code', '=', filter.unitCode);
    counting = counting.where('o.unit_code', '=', filter.unitCode);
  }
  if (filter.organId !== undefined) {
    query = query.where('m.organ_id', '=', filter.organId);
    counting = counting.where('m.organ_id', '=', filter.organId);
  }
  if (filter.status !== undefined) {
    query = query.where('m.status', '=', filter.status);
    counting = counting.where('m.status', '=', filter.status);
  }
  const rows = await query
    .orderBy('m.meeting_date', 'desc')
    .orderBy('m.id', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  const counted = await counting.select(sql<number>`count(*)::int`.as('total')).executeTakeFirst();
  return { rows, total: counted?.total ?? 0 };
}

export async function insertMeeting(
  db: CouncilsDb,
  values: Pick<MeetingRow, 'organ_id' | 'kind' | 'meeting_date' | 'place' | 'is_online' | 'convened_by'> & {
    is_example?: boolean;
  },
): Promise<MeetingRow> {
  return db.insertInto('councils_meeting').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateMeeting(
  db: CouncilsDb,
  id: number,
  values: Updateable<CouncilsMeetingTable>,
): Promise<MeetingRow> {
  return db
    .updateTable('councils_meeting')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function selectAgenda(db: CouncilsDb, meetingIds: number[]): Promise<AgendaItemRow[]> {
  if (meetingIds.length === 0) return [];
  return db
    .selectFrom('councils_agenda_item')
    .selectAll()
    .where('meeting_id', 'in', meetingIds)
    .orderBy('meeting_id')
    .orderBy('position')
    .execute();
}

export async function replaceAgenda(
  db: CouncilsDb,
  meetingId: number,
  items: { title_km: string; title_en: string; document_ref: string | null }[],
): Promise<AgendaItemRow[]> {
  await db.deleteFrom('councils_agenda_item').where('meeting_id', '=', meetingId).execute();
  if (items.length === 0) return [];
  return db
    .insertInto('councils_agenda_item')
    .values(items.map((item, index) => ({ ...item, meeting_id: meetingId, position: index + 1 })))
    .returningAll()
    .execute();
}

export async function selectAttendance(db: CouncilsDb, meetingId: number): Promise<AttendanceRow[]> {
  return db
    .selectFrom('councils_attendance')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('member_id')
    .execute();
}

export async function replaceAttendance(
  db: CouncilsDb,
  meetingId: number,
  lines: { member_id: number; status: AttendanceStatus }[],
): Promise<void> {
  await db.deleteFrom('councils_attendance').where('meeting_id', '=', meetingId).execute();
  if (lines.length === 0) return;
  await db
    .insertInto('councils_attendance')
    .values(lines.map((line) => ({ ...line, meeting_id: meetingId })))
    .execute();
}

export async function findQuorumRule(db: CouncilsDb, kind: OrganKind): Promise<QuorumRuleRow | undefined> {
  return db.selectFrom('councils_quorum_rule').selectAll().where('organ_kind', '=', kind).executeTakeFirst();
}
