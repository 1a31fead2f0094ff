/**
 * The gazetteer's reads: one unit, lists, children, ancestors and counts, each either of today's
 * tree (gazetteer_unit and its closure table) or of the tree on a past date (`asOf`, from
 * gazetteer_unit_version). Changes to the tree are in history.service.ts.
 */
import type { Kysely } from 'kysely';
import { fetchPage, parseSort, type PageResult } from '../../platform/http/paging.ts';
import {
  asGazetteerDb,
  closurePairExists,
  countDescendantsOfLevel,
  countUnits,
  findUnitAt,
  findUnitByCode,
  selectAncestorCodes,
  selectAncestorUnits,
  selectAncestorUnitsAt,
  selectUnitsWithAncestors,
  selectChildrenPage,
  selectCurrentUnits,
  selectSubtreeCodes,
  selectTreeRevision,
  selectUnitCodesOfLevels,
  selectUnitNamesOf,
  selectUnits,
  unitCodeExists,
  type GazetteerDb,
} from './gazetteer.queries.ts';
import type { GazetteerContext } from './gazetteer.context.ts';
import { fail } from './gazetteer.errors.ts';
import type { Unit, UnitChildrenQuery, UnitCounts, UnitListQuery } from './gazetteer.schemas.ts';
import { treeDate, type TreeDate } from './history-dates.ts';

// Other modules hold a Kysely over the whole schema (or their own slice of it, or a
// transaction); the functions they call take any Kysely and read only the gazetteer's tables.
type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const SORT_COLUMNS: Record<string, string> = { code: 'code', nameLatin: 'name_latin', nameKm: 'name_km' };

/**
 * The one answer of every module to a request naming a unit that does not exist (400
 * gazetteer.unit.unknown), through the port: a module never declares a code of its own for it.
 */
export const unknownUnit = (code: string, title = `No administrative unit has the code ${code}.`) =>
  fail('gazetteer.unit.unknown', { title });

export const unitNotFound = (code: string, date?: string) =>
  fail('gazetteer.unit.not_found', {
    title: `No administrative unit has the code ${code}.`,
    ...(date === undefined ? {} : { detail: `No unit ${code} in the tree on ${date}.` }),
  });

/** Does a unit of today's tree (as gazetteer_unit holds it) exist on `date`? */
const existsOn = (unit: Pick<Unit, 'validFrom' | 'validTo'>, date: string) =>
  (unit.validFrom === null || unit.validFrom <= date) && (unit.validTo === null || unit.validTo > date);

/**
 * Any unit that was ever in the tree, abolished ones included, in its current (or last) state:
 * for other modules, whose old records must still name their unit.
 */
export async function getUnit(db: GazetteerDb, code: string): Promise<Unit> {
  const unit = await findUnitByCode(db, code);
  if (!unit) throw unitNotFound(code);
  return unit;
}

/** One unit as it is today (404 once abolished) or as it was on `asOf` (404 if it did not exist then). */
export function getUnitOn(ctx: GazetteerContext, code: string, asOf: string | undefined): Promise<Unit> {
  return unitOnDate(ctx.db, code, asOf);
}

async function unitOnDate(db: GazetteerDb, code: string, asOf: string | undefined): Promise<Unit> {
  const at = treeDate(asOf);
  if (at.asOf !== undefined) {
    const unit = await findUnitAt(db, code, at);
    if (!unit) throw unitNotFound(code, at.asOf);
    return unit;
  }
  // Today's read keeps the precompiled lookup by code, the hottest read of the platform.
  const unit = await findUnitByCode(db, code);
  if (!unit || !existsOn(unit, at.today)) throw unitNotFound(code, at.today);
  return unit;
}

async function assertUnitOn(db: GazetteerDb, code: string, at: TreeDate): Promise<void> {
  if (at.asOf !== undefined) {
    if (!(await findUnitAt(db, code, at))) throw unitNotFound(code, at.asOf);
    return;
  }
  const unit = await findUnitByCode(db, code);
  if (!unit || !existsOn(unit, at.today)) throw unitNotFound(code, at.today);
}

export function listUnits(ctx: GazetteerContext, query: UnitListQuery): Promise<PageResult<Unit>> {
  return fetchPage(selectUnits(ctx.db, query, treeDate(query.asOf)), {
    page: query.page,
    pageSize: query.pageSize,
    sort: query.sort,
    columns: SORT_COLUMNS,
    tieBreak: 'code',
  });
}

/** The units directly below a unit on the tree's date; 404 when the unit itself was not there. */
export async function listUnitChildren(
  ctx: GazetteerContext,
  code: string,
  query: UnitChildrenQuery,
): Promise<PageResult<Unit>> {
  const { db } = ctx;
  const at = treeDate(query.asOf);
  const { field, direction } = parseSort(query.sort);
  const filters = { parent: code, type: query.type };
  const { items, total } = await selectChildrenPage(db, filters, at, {
    column: SORT_COLUMNS[field] ?? 'code',
    direction,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const page = { items, page: query.page, pageSize: query.pageSize, total: total ?? 0 };
  if (total !== undefined) return page;
  // No row: past the last page (count apart), or no children at all. A unit with children
  // exists; only then does the unit itself need looking up (a village, an unknown code).
  if (query.page > 1) {
    page.total = (
      await fetchPage(selectUnits(db, filters, at), { ...query, columns: SORT_COLUMNS, tieBreak: 'code' })
    ).total;
  }
  if (page.total === 0) await assertUnitOn(db, code, at);
  return page;
}

/** The unit's ancestors and the unit itself, root first, on the tree's date; 404 for a unit not there. */
export async function listUnitAncestors(
  ctx: GazetteerContext,
  code: string,
  asOf?: string,
): Promise<{ items: Unit[] }> {
  const { db } = ctx;
  const at = treeDate(asOf);
  if (at.asOf !== undefined) {
    const items = await selectAncestorUnitsAt(db, code, at.asOf);
    if (items.length === 0) throw unitNotFound(code, at.asOf);
    return { items };
  }
  const items = await selectAncestorUnits(db, code);
  // Every unit has its own depth-0 row, so no rows means no such unit; the unit itself comes
  // last, and an abolished one is not part of today's tree.
  const unit = items.at(-1);
  if (!unit || !existsOn(unit, at.today)) throw unitNotFound(code, at.today);
  return { items };
}

// Counts per database handle (tests hold several databases in one process), keyed by the
// tree's revision, the unit and the date: the country's counts scan every unit, and the tree
// changes a few times a year. Any write to the tree bumps the revision (triggers), so an entry
// is never served once the tree it counted has changed, in this process or in another.
const countsCache = new WeakMap<GazetteerDb, { revision: number; entries: Map<string, UnitCounts> }>();
const COUNTS_CACHE_LIMIT = 2000;

/**
 * How many units lie below a unit (not counting itself), or in the whole country when `code`
 * is undefined, by level and by type, on the tree's date.
 */
export async function unitCounts(
  ctx: GazetteerContext,
  code: string | undefined,
  asOf: string | undefined,
): Promise<UnitCounts> {
  const { db } = ctx;
  const at = treeDate(asOf);
  const revision = await selectTreeRevision(db);
  let cache = countsCache.get(db);
  if (!cache || cache.revision !== revision) {
    cache = { revision, entries: new Map() };
    countsCache.set(db, cache);
  }
  // Today's counts change with the date too (a unit abolished from tomorrow on).
  const key = `${code ?? ''}|${at.asOf ?? `today ${at.today}`}`;
  const cached = cache.entries.get(key);
  if (cached) return cached;

  const rows = await countUnits(db, code, at);
  if (code !== undefined && rows.length === 0) await assertUnitOn(db, code, at);
  const counts: UnitCounts = { code: code ?? null, asOf: at.asOf ?? null, total: 0, byLevel: {}, byType: {} };
  for (const row of rows) {
    counts.total += row.count;
    counts.byLevel[String(row.level)] = (counts.byLevel[String(row.level)] ?? 0) + row.count;
    counts.byType[row.typeCode] = (counts.byType[row.typeCode] ?? 0) + row.count;
  }
  // A bound on memory: every unit and every date asked about could otherwise pile up.
  if (cache.entries.size >= COUNTS_CACHE_LIMIT) cache.entries.clear();
  cache.entries.set(key, counts);
  return counts;
}

/** True when `unitCode` is `scopeCode` or lies below it. False when either code is unknown. */
export function isUnitWithin(db: AnyDb, unitCode: string, scopeCode: string): Promise<boolean> {
  return closurePairExists(asGazetteerDb(db), scopeCode, unitCode);
}

/** Codes from the root-most ancestor down to the unit itself; empty when the unit does not exist. */
export function unitAncestors(db: AnyDb, unitCode: string): Promise<string[]> {
  return selectAncestorCodes(asGazetteerDb(db), unitCode);
}

/**
 * Several units in one query: each known code → its type, level and ancestor codes (root first,
 * the unit itself last; the same list as `unitAncestors`). Unknown codes are absent from the map.
 * For callers checking a batch (its units' types and places in the tree) without a query per unit.
 */
export async function unitsWithAncestors(
  db: AnyDb,
  codes: readonly string[],
): Promise<Map<string, { typeCode: string; level: number; ancestors: string[] }>> {
  const rows = await selectUnitsWithAncestors(asGazetteerDb(db), codes);
  return new Map(
    rows.map((row) => [row.code, { typeCode: row.type_code, level: row.level, ancestors: row.ancestors }]),
  );
}

/** The Khmer and Latin names of several units, in one query (units not found are left out). */
export async function unitNames(
  db: AnyDb,
  codes: readonly string[],
): Promise<Map<string, { nameKm: string; nameLatin: string }>> {
  if (codes.length === 0) return new Map();
  const rows = await selectUnitNamesOf(asGazetteerDb(db), codes);
  return new Map(rows.map((row) => [row.code, { nameKm: row.name_km, nameLatin: row.name_latin }]));
}

export function unitExists(db: AnyDb, unitCode: string): Promise<boolean> {
  return unitCodeExists(asGazetteerDb(db), unitCode);
}

/**
 * A select of `descendant_code` for every unit in the subtrees of `scopeCodes` (the scope units
 * included; nothing for an empty list), for `where('unit_code', 'in', subtreeCodesQuery(db, codes))`.
 */
export function subtreeCodesQuery(db: AnyDb, scopeCodes: string[]) {
  return selectSubtreeCodes(asGazetteerDb(db), scopeCodes);
}

/** A unit of today's tree; `gazetteer.unit.not_found` for an unknown or abolished code. */
export function getCurrentUnit(db: AnyDb, code: string): Promise<Unit> {
  return unitOnDate(asGazetteerDb(db), code, undefined);
}

/**
 * The units not abolished, of the given levels and types (every unit when neither is given),
 * with their names, ordered by code.
 */
export function currentUnits(
  db: AnyDb,
  filter: { levels?: readonly number[] | undefined; types?: readonly string[] | undefined } = {},
): Promise<{ code: string; level: number; typeCode: string; nameKm: string; nameLatin: string }[]> {
  return selectCurrentUnits(asGazetteerDb(db), filter);
}

/** For each unit that has any, how many units of `level` (not abolished) lie below it. */
export async function descendantCountsOfLevel(db: AnyDb, level: number): Promise<Map<string, number>> {
  const rows = await countDescendantsOfLevel(asGazetteerDb(db), level);
  return new Map(rows.map((row) => [row.code, Number(row.count)]));
}

/** A select of `code` of every unit of the given levels (nothing for an empty list), for `where code in (…)`. */
export function unitCodesOfLevelsQuery(db: AnyDb, levels: readonly number[]) {
  return selectUnitCodesOfLevels(asGazetteerDb(db), levels);
}
