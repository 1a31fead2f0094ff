/** Kysely functions over the gazetteer's tables: (db, args) -> rows, no rules. */
import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { GazetteerTables } from './gazetteer.tables.ts';
import type { UnitListQuery } from './gazetteer.schemas.ts';

export type GazetteerDb = Kysely<GazetteerTables>;

/**
 * The gazetteer's view of a database handle that holds more tables (the whole schema, another
 * module's slice, a transaction). Kysely's types are invariant in the table map, so the
 * narrowing is a cast; only the gazetteer's tables are read through it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function asGazetteerDb(db: Kysely<any>): GazetteerDb {
  return db as GazetteerDb;
}

const UNIT_COLUMNS = [
  'gazetteer_unit.code',
  'gazetteer_unit.level',
  'gazetteer_unit.parent_code as parentCode',
  'gazetteer_unit.type_code as typeCode',
  'gazetteer_unit.name_km as nameKm',
  'gazetteer_unit.name_latin as nameLatin',
  'gazetteer_unit.is_urban as isUrban',
  'gazetteer_unit.valid_from as validFrom',
  'gazetteer_unit.valid_to as validTo',
  'gazetteer_unit.source',
] as const;

// The unit lookup by code is the hottest read of the platform (every profile page, every
// access check that names a unit): its SQL is compiled once, not on every call.
const unitByCodeQuery = (db: GazetteerDb, code: string) =>
  db.selectFrom('gazetteer_unit').select(UNIT_COLUMNS).where('code', '=', code);
type UnitRow = Awaited<ReturnType<ReturnType<typeof unitByCodeQuery>['executeTakeFirst']>>;
let unitByCodeSql: string | undefined;

export async function findUnitByCode(db: GazetteerDb, code: string): Promise<UnitRow> {
  unitByCodeSql ??= unitByCodeQuery(db, code).compile().sql;
  const result = await db.executeQuery<NonNullable<UnitRow>>(CompiledQuery.raw(unitByCodeSql, [code]));
  return result.rows[0];
}

export async function unitCodeExists(db: GazetteerDb, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('gazetteer_unit')
    .select(sql<number>`1`.as('found'))
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

export function selectUnits(
  db: GazetteerDb,
  filters: Pick<UnitListQuery, 'level' | 'parent' | 'type' | 'within'>,
) {
  let query = db.selectFrom('gazetteer_unit').select(UNIT_COLUMNS);
  if (filters.level !== undefined) query = query.where('level', '=', filters.level);
  if (filters.parent !== undefined) query = query.where('parent_code', '=', filters.parent);
  if (filters.type !== undefined) query = query.where('type_code', '=', filters.type);
  if (filters.within !== undefined) {
    // Strict descendants: the unit named by `within` is not part of its own listing.
    const within = filters.within;
    query = query.where('code', 'in', (eb) =>
      eb
        .selectFrom('gazetteer_unit_closure')
        .select('descendant_code')
        .where('ancestor_code', '=', within)
        .where('depth', '>', 0),
    );
  }
  return query;
}

/** The units from the root-most ancestor down to the unit itself; empty for an unknown code. */
export function selectAncestorUnits(db: GazetteerDb, code: string) {
  return db
    .selectFrom('gazetteer_unit_closure')
    .innerJoin('gazetteer_unit', 'gazetteer_unit.code', 'gazetteer_unit_closure.ancestor_code')
    .select(UNIT_COLUMNS)
    .where('gazetteer_unit_closure.descendant_code', '=', code)
    .orderBy('gazetteer_unit_closure.depth', 'desc')
    .execute();
}

/** Ancestor codes, root first, the unit itself last (the (descendant_code, depth) index). */
export async function selectAncestorCodes(db: GazetteerDb, code: string): Promise<string[]> {
  const rows = await db
    .selectFrom('gazetteer_unit_closure')
    .select('ancestor_code')
    .where('descendant_code', '=', code)
    .orderBy('depth', 'desc')
    .execute();
  return rows.map((row) => row.ancestor_code);
}

/** One primary-key lookup in the closure table. */
export async function closurePairExists(
  db: GazetteerDb,
  ancestorCode: string,
  descendantCode: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('gazetteer_unit_closure')
    .select('depth')
    .where('ancestor_code', '=', ancestorCode)
    .where('descendant_code', '=', descendantCode)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * `descendant_code` of every unit in the subtrees of `scopeCodes`, the scope units included,
 * each code once. Meant as the right-hand side of `where unit_code in (...)`.
 */
export function selectSubtreeCodes(db: GazetteerDb, scopeCodes: readonly string[]) {
  const query = db.selectFrom('gazetteer_unit_closure').select('descendant_code');
  // `in ()` is not SQL: an empty scope is a query that matches nothing.
  if (scopeCodes.length === 0) return query.where(sql<boolean>`false`);
  const inScope = query.where('ancestor_code', 'in', [...scopeCodes]);
  // Nested scopes (23 and 2301) would otherwise name the units of 2301 twice.
  return scopeCodes.length === 1 ? inScope : inScope.distinct();
}
