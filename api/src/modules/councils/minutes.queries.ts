/** Kysely functions over the minutes of meetings: (db, args) -> rows. */
import { sql, type Updateable } from 'kysely';
import type { CouncilsDb, CouncilsMinutesTable, MinutesRow } from './councils.tables.ts';

export async function findMinutes(db: CouncilsDb, meetingId: number): Promise<MinutesRow | undefined> {
  return db.selectFrom('councils_minutes').selectAll().where('meeting_id', '=', meetingId).executeTakeFirst();
}

export async function insertMinutes(
  db: CouncilsDb,
  values: { meeting_id: number; text_km: string; summary_en: string | null; is_example?: boolean },
): Promise<MinutesRow> {
  return db.insertInto('councils_minutes').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateMinutes(
  db: CouncilsDb,
  meetingId: number,
  values: Updateable<CouncilsMinutesTable>,
): Promise<MinutesRow> {
  return db
    .updateTable('councils_minutes')
    .set({ ...values, updated_at: sql`now()` })
    .where('meeting_id', '=', meetingId)
    .returningAll()
    .executeTakeFirstOrThrow();
}
