/** Kysely functions over the gazetteer's tables: (db, args) -> rows, no rules. */
import { CompiledQuery, sql, type AliasedExpression, type Kysely, type RawBuilder } from 'kysely';
import type { GazetteerTables } from './gazetteer.tables.ts';
import type { Unit, UnitListQuery } from './gazetteer.schemas.ts';
import type { TreeDate } from './history-dates.ts';

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

/** The columns of a unit in one state, whichever table that state is read from. */
interface UnitAtRow {
  code: string;
  level: number;
  parent_code: string | null;
  type_code: string;
  name_km: string;
  name_latin: string;
  is_urban: boolean;
  valid_from: string | null;
  valid_to: string | null;
  source: string;
}

/** `<alias>.valid_from` / `valid_to` cover `date`: [valid_from, valid_to), null = open-ended. */
function validOn(alias: 'gazetteer_unit' | 'v', date: string): RawBuilder<boolean> {
  const table = sql.table(alias);
  return sql<boolean>`(${table}.valid_from is null or ${table}.valid_from <= ${date}::date)
    and (${table}.valid_to is null or ${table}.valid_to > ${date}::date)`;
}

/**
 * The units of the tree on a date, as a derived table `unit_at` with the same columns either
 * way: today's tree is gazetteer_unit without the abolished (or not yet created) units; a past
 * tree is the versions valid on `asOf`, with the unit's lifetime and source from gazetteer_unit.
 * The planner folds the derived table into the outer query, so the indexes still serve.
 */
export function unitsAt(db: GazetteerDb, at: TreeDate): AliasedExpression<UnitAtRow, 'unit_at'> {
  if (at.asOf === undefined) {
    return db
      .selectFrom('gazetteer_unit')
      .select([
        'code',
        'level',
        'parent_code',
        'type_code',
        'name_km',
        'name_latin',
        'is_urban',
        'valid_from',
        'valid_to',
        'source',
      ])
      .where(validOn('gazetteer_unit', at.today))
      .as('unit_at');
  }
  return db
    .selectFrom('gazetteer_unit_version as v')
    .innerJoin('gazetteer_unit as u', 'u.code', 'v.code')
    .select([
      'v.code',
      'u.level',
      'v.parent_code',
      'v.type_code',
      'v.name_km',
      'v.name_latin',
      'v.is_urban',
      'u.valid_from',
      'u.valid_to',
      'u.source',
    ])
    .where(validOn('v', at.asOf))
    .as('unit_at');
}

const UNIT_AT_COLUMNS = [
  'unit_at.code',
  'unit_at.level',
  'unit_at.parent_code as parentCode',
  'unit_at.type_code as typeCode',
  'unit_at.name_km as nameKm',
  'unit_at.name_latin as nameLatin',
  'unit_at.is_urban as isUrban',
  'unit_at.valid_from as validFrom',
  'unit_at.valid_to as validTo',
  'unit_at.source',
] as const;

/**
 * `unit_at.code` lies strictly below `ancestor` on the tree's date. Today's tree answers from
 * the closure table; a past tree walks the versions valid on `asOf` down from the ancestor (the
 * closure holds today's tree only, and a unit may have moved since).
 */
function strictlyBelow(ancestor: string, at: TreeDate): RawBuilder<boolean> {
  if (at.asOf === undefined) {
    return sql<boolean>`unit_at.code in (
      select descendant_code from gazetteer_unit_closure where ancestor_code = ${ancestor} and depth > 0)`;
  }
  return sql<boolean>`unit_at.code in (
    with recursive below (code) as (
      select v.code from gazetteer_unit_version v where v.parent_code = ${ancestor} and ${validOn('v', at.asOf)}
      union
      select v.code from below join gazetteer_unit_version v on v.parent_code = below.code
      where ${validOn('v', at.asOf)}
    )
    select code from below)`;
}

export function selectUnits(
  db: GazetteerDb,
  filters: Pick<UnitListQuery, 'level' | 'parent' | 'type' | 'within'>,
  at: TreeDate,
) {
  let query = db.selectFrom(unitsAt(db, at)).select(UNIT_AT_COLUMNS);
  if (filters.level !== undefined) query = query.where('unit_at.level', '=', filters.level);
  if (filters.parent !== undefined) query = query.where('unit_at.parent_code', '=', filters.parent);
  if (filters.type !== undefined) query = query.where('unit_at.type_code', '=', filters.type);
  // Strict descendants: the unit named by `within` is not part of its own listing.
  if (filters.within !== undefined) query = query.where(strictlyBelow(filters.within, at));
  return query;
}

/** One unit in its state on a past date (`at.asOf` set), or undefined when it did not exist then. */
export function findUnitAt(db: GazetteerDb, code: string, at: TreeDate): Promise<Unit | undefined> {
  return db
    .selectFrom(unitsAt(db, at))
    .select(UNIT_AT_COLUMNS)
    .where('unit_at.code', '=', code)
    .executeTakeFirst();
}

/**
 * The unit and its ancestors as they were on `asOf`, root first: a walk up the versions valid
 * on that date (the closure table holds today's tree only). Empty when the unit did not exist.
 */
export async function selectAncestorUnitsAt(db: GazetteerDb, code: string, asOf: string): Promise<Unit[]> {
  const result = await sql<Unit>`
    with recursive chain (code, parent_code, type_code, name_km, name_latin, is_urban, steps) as (
      select v.code, v.parent_code, v.type_code, v.name_km, v.name_latin, v.is_urban, 0
      from gazetteer_unit_version v
      where v.code = ${code} and ${validOn('v', asOf)}
      union all
      select v.code, v.parent_code, v.type_code, v.name_km, v.name_latin, v.is_urban, chain.steps + 1
      from chain
      join gazetteer_unit_version v on v.code = chain.parent_code and ${validOn('v', asOf)}
      -- A unit has at most four levels; the bound keeps a damaged chain from looping.
      where chain.steps < 4
    )
    select chain.code, u.level, chain.parent_code as "parentCode", chain.type_code as "typeCode",
      chain.name_km as "nameKm", chain.name_latin as "nameLatin", chain.is_urban as "isUrban",
      u.valid_from as "validFrom", u.valid_to as "validTo", u.source
    from chain
    join gazetteer_unit u on u.code = chain.code
    order by chain.steps desc`.execute(db);
  return result.rows;
}

/** Units per (level, type): the whole country, or strictly below `within`, on the tree's date. */
export function countUnits(db: GazetteerDb, within: string | undefined, at: TreeDate) {
  let query = db
    .selectFrom(unitsAt(db, at))
    .select(['unit_at.level', 'unit_at.type_code as typeCode', sql<number>`count(*)::int`.as('count')])
    .groupBy(['unit_at.level', 'unit_at.type_code']);
  if (within !== undefined) query = query.where(strictlyBelow(within, at));
  return query.execute();
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

/**
 * Several units at once, each with its type, level and ancestor codes (root first, the unit
 * itself last): one query over the closure table however many units are asked about. Unknown
 * codes are left out.
 */
export async function selectUnitsWithAncestors(db: GazetteerDb, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom('gazetteer_unit as u')
    .innerJoin('gazetteer_unit_closure as c', 'c.descendant_code', 'u.code')
    .select([
      'u.code',
      'u.type_code',
      'u.level',
      sql<string[]>`array_agg(c.ancestor_code order by c.depth desc)`.as('ancestors'),
    ])
    .where('u.code', '=', sql<string>`any(${[...new Set(codes)]}::text[])`)
    .groupBy(['u.code', 'u.type_code', 'u.level'])
    .execute();
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

/** The tree's revision number (gazetteer_tree_revision): it changes whenever the tree does. */
export async function selectTreeRevision(db: GazetteerDb): Promise<number> {
  const row = await db.selectFrom('gazetteer_tree_revision').select('revision').executeTakeFirst();
  return row?.revision ?? 0;
}

/**
 * One page of a unit's children and their total in a single round trip (`count(*) over ()`):
 * the children of one unit are a few dozen rows at most, so counting them all costs nothing.
 */
export async function selectChildrenPage(
  db: GazetteerDb,
  filters: { parent: string; type?: string | undefined },
  at: TreeDate,
  page: { column: string; direction: 'asc' | 'desc'; limit: number; offset: number },
): Promise<{ items: Unit[]; total: number | undefined }> {
  const rows = await selectUnits(db, filters, at)
    .select(sql<number>`(count(*) over ())::int`.as('total'))
    .orderBy(sql.ref(page.column), page.direction)
    .orderBy(sql.ref('code'), page.direction)
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  // Past the last page there is no row to carry the total: the caller counts apart.
  const total = rows[0]?.total;
  return { items: rows.map(({ total: _total, ...unit }) => unit), total };
}

/** Units not abolished (`valid_to is null`) of the given levels and types (all when not given), by code. */
export function selectCurrentUnits(
  db: GazetteerDb,
  filter: { levels?: readonly number[] | undefined; types?: readonly string[] | undefined },
) {
  let query = db
    .selectFrom('gazetteer_unit')
    .select(['code', 'level', 'type_code as typeCode', 'name_km as nameKm', 'name_latin as nameLatin'])
    .where('valid_to', 'is', null);
  if (filter.levels) query = query.where('level', 'in', [...filter.levels]);
  if (filter.types) query = query.where('type_code', 'in', [...filter.types]);
  return query.orderBy('code').execute();
}

/** For each unit, how many units of `level`, not abolished, lie strictly below it. */
export function countDescendantsOfLevel(db: GazetteerDb, level: number) {
  return db
    .selectFrom('gazetteer_unit_closure as c')
    .innerJoin('gazetteer_unit as d', 'd.code', 'c.descendant_code')
    .select(['c.ancestor_code as code', sql<number>`count(*)::int`.as('count')])
    .where('d.level', '=', level)
    .where('d.valid_to', 'is', null)
    .where('c.depth', '>', 0)
    .groupBy('c.ancestor_code')
    .execute();
}

/** A select of `code` of every unit (abolished ones too) of the given levels, for `where … in (…)`. */
export function selectUnitCodesOfLevels(db: GazetteerDb, levels: readonly number[]) {
  const query = db.selectFrom('gazetteer_unit').select('code');
  if (levels.length === 0) return query.where(sql<boolean>`false`);
  return query.where('level', 'in', [...levels]);
}

/** The Khmer and Latin names of the units with these codes (units not found are left out). */
export function selectUnitNamesOf(db: GazetteerDb, codes: readonly string[]) {
  return db
    .selectFrom('gazetteer_unit')
    .select(['code', 'name_km', 'name_latin'])
    .where('code', 'in', [...codes])
    .execute();
}
