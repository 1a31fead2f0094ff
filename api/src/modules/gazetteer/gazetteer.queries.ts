/** Kysely functions over the gazetteer's tables: (db, args) -> rows, no rules. */
import type { Kysely } from 'kysely';
import type { GazetteerTables } from './gazetteer.tables.ts';
import type { UnitListQuery } from './gazetteer.schemas.ts';

export type GazetteerDb = Kysely<GazetteerTables>;

const UNIT_COLUMNS = [
  'code',
  'level',
  'parent_code as parentCode',
  'type_code as typeCode',
  'name_km as nameKm',
  'name_latin as nameLatin',
  'is_urban as isUrban',
  'valid_from as validFrom',
  'valid_to as validTo',
  'source',
] as const;

export function findUnitByCode(db: GazetteerDb, code: string) {
  return db.selectFrom('gazetteer_unit').select(UNIT_COLUMNS).where('code', '=', code).executeTakeFirst();
}

export function selectUnits(db: GazetteerDb, filters: Pick<UnitListQuery, 'level' | 'parent' | 'type'>) {
  let query = db.selectFrom('gazetteer_unit').select(UNIT_COLUMNS);
  if (filters.level !== undefined) query = query.where('level', '=', filters.level);
  if (filters.parent !== undefined) query = query.where('parent_code', '=', filters.parent);
  if (filters.type !== undefined) query = query.where('type_code', '=', filters.type);
  return query;
}
