/** Kysely functions for merges and splits of units: (db, args) -> rows, no rules. */
import { sql } from 'kysely';
import type { GazetteerDb } from './gazetteer.queries.ts';
import type { GazetteerUnitTable } from './gazetteer.tables.ts';

/** The codes of the unit's children still in the tree on `date` (not abolished on or before it). */
export async function selectLiveChildCodes(trx: GazetteerDb, code: string, date: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('gazetteer_unit')
    .select('code')
    .where('parent_code', '=', code)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
    .orderBy('code')
    .execute();
  return rows.map((row) => row.code);
}

/** Which of these codes some unit (live or abolished) already has. */
export async function selectTakenCodes(trx: GazetteerDb, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await trx
    .selectFrom('gazetteer_unit')
    .select('code')
    .where('code', 'in', codes)
    .orderBy('code')
    .execute();
  return rows.map((row) => row.code);
}

export function selectUnitTypes(trx: GazetteerDb, codes: readonly string[]) {
  return trx
    .selectFrom('gazetteer_unit_type')
    .select(['code', 'level', 'is_urban'])
    .where('code', 'in', codes)
    .execute();
}

/** The unit leaves the tree on `date` (its versions are closed separately). */
export async function endUnit(trx: GazetteerDb, code: string, date: string): Promise<void> {
  await trx
    .updateTable('gazetteer_unit')
    .set({ valid_to: date, updated_at: sql<Date>`now()` })
    .where('code', '=', code)
    .execute();
}

export async function insertUnits(
  trx: GazetteerDb,
  units: Omit<GazetteerUnitTable, 'id' | 'created_at' | 'updated_at'>[],
): Promise<void> {
  await trx.insertInto('gazetteer_unit').values(units).execute();
}
