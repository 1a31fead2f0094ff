/** The SQL of the working-day calendar (services_holiday). */
import type { Insertable, Kysely } from 'kysely';
import type { ServicesDb, ServicesHolidayTable } from './services.tables.ts';

/** The holiday days from the first day of `first` to the last of `last`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the calendar is shared by handles of any module's view
export async function selectHolidayDays(db: Kysely<any>, first: number, last: number): Promise<string[]> {
  const rows = await (db as ServicesDb)
    .selectFrom('services_holiday')
    .select('day')
    .where('day', '>=', `${first}-01-01`)
    .where('day', '<=', `${last}-12-31`)
    .execute();
  return rows.map((row) => row.day);
}

export async function selectHolidaysOfYear(db: ServicesDb, year: number) {
  return db
    .selectFrom('services_holiday')
    .selectAll()
    .where('day', '>=', `${year}-01-01`)
    .where('day', '<=', `${year}-12-31`)
    .orderBy('day')
    .execute();
}

export async function deleteHolidaysOfYear(db: ServicesDb, year: number): Promise<void> {
  await db
    .deleteFrom('services_holiday')
    .where('day', '>=', `${year}-01-01`)
    .where('day', '<=', `${year}-12-31`)
    .execute();
}

export async function insertHolidays(
  db: ServicesDb,
  rows: Insertable<ServicesHolidayTable>[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('services_holiday').values(rows).execute();
}
