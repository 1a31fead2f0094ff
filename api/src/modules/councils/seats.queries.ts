/**
 * The councils' seats other modules count (the `councilSeats` port): how many members sit in a
 * unit's council on a day (hr: the commune contract-assistant rule), and members in office by
 * sex within a set of units (hr: women in leadership).
 */
import { sql, type Kysely } from 'kysely';
import type { AnyDb } from '../../platform/ports.ts';
import type { GazetteerPort } from '../gazetteer/index.ts';
import type { CouncilsTables } from './councils.tables.ts';

const councilsDb = (db: AnyDb) => db as unknown as Kysely<CouncilsTables>;

function membersInOffice(db: AnyDb, day: string) {
  return councilsDb(db)
    .selectFrom('councils_member as m')
    .innerJoin('councils_organ as o', 'o.id', 'm.organ_id')
    .where('o.kind', '=', 'council')
    .where((eb) => eb.or([eb('o.closed_on', 'is', null), eb('o.closed_on', '>', day)]))
    .where('m.start_date', '<=', day)
    .where((eb) => eb.or([eb('m.end_date', 'is', null), eb('m.end_date', '>=', day)]));
}

/** Members of the unit's council in office on `day`; null when the unit has no council on record. */
export async function councilSize(db: AnyDb, unitCode: string, day: string): Promise<number | null> {
  const organ = await councilsDb(db)
    .selectFrom('councils_organ')
    .select('id')
    .where('unit_code', '=', unitCode)
    .where('kind', '=', 'council')
    .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>', day)]))
    // The council sitting that day: the latest mandate begun by then.
    .where((eb) => eb.or([eb('term_start', 'is', null), eb('term_start', '<=', day)]))
    .orderBy('term_start', sql`desc nulls last`)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (organ === undefined) return null;
  const row = await membersInOffice(db, day)
    .where('o.id', '=', organ.id)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Council members in office on `day` by sex, in the units `unitCodes` selects (a subquery). */
export async function councilMembersBySex(
  db: AnyDb,
  unitCodes:
    ReturnType<GazetteerPort['subtreeCodesQuery']> | ReturnType<GazetteerPort['unitCodesOfLevelsQuery']>,
  day: string,
): Promise<{ female: number; male: number }> {
  const rows = await membersInOffice(db, day)
    .where('o.unit_code', 'in', unitCodes)
    .select(['m.sex', sql<number>`count(*)::int`.as('n')])
    .groupBy('m.sex')
    .execute();
  return {
    female: rows.find((row) => row.sex === 'female')?.n ?? 0,
    male: rows.find((row) => row.sex === 'male')?.n ?? 0,
  };
}
