/** The gazetteer's rules. Reads only, for now: the import and its change events come next. */
import type { Kysely } from 'kysely';
import { notFound } from '../../platform/http/problem.ts';
import { fetchPage, type PageResult } from '../../platform/http/paging.ts';
import {
  asGazetteerDb,
  closurePairExists,
  findUnitByCode,
  selectAncestorCodes,
  selectAncestorUnits,
  selectSubtreeCodes,
  selectUnits,
  unitCodeExists,
  type GazetteerDb,
} from './gazetteer.queries.ts';
import type { Unit, UnitListQuery } from './gazetteer.schemas.ts';

// Other modules hold a Kysely over the whole schema (or their own slice of it, or a
// transaction); the functions they call take any Kysely and read only the gazetteer's tables.
type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const SORT_COLUMNS = { code: 'code', nameLatin: 'name_latin', nameKm: 'name_km' };

const unitNotFound = (code: string) =>
  notFound('gazetteer.unit.not_found', `No administrative unit has the code ${code}.`);

export async function getUnit(db: GazetteerDb, code: string): Promise<Unit> {
  const unit = await findUnitByCode(db, code);
  if (!unit) throw unitNotFound(code);
  return unit;
}

export function listUnits(db: GazetteerDb, query: UnitListQuery): Promise<PageResult<Unit>> {
  return fetchPage(selectUnits(db, query), {
    page: query.page,
    pageSize: query.pageSize,
    sort: query.sort,
    columns: SORT_COLUMNS,
    tieBreak: 'code',
  });
}

/** The unit's ancestors and the unit itself, root first; 404 for an unknown code. */
export async function listUnitAncestors(db: GazetteerDb, code: string): Promise<{ items: Unit[] }> {
  const items = await selectAncestorUnits(db, code);
  // Every unit has its own depth-0 row, so no rows means no such unit.
  if (items.length === 0) throw unitNotFound(code);
  return { items };
}

/** True when `unitCode` is `scopeCode` or lies below it. False when either code is unknown. */
export function isUnitWithin(db: AnyDb, unitCode: string, scopeCode: string): Promise<boolean> {
  return closurePairExists(asGazetteerDb(db), scopeCode, unitCode);
}

/** Codes from the root-most ancestor down to the unit itself; empty when the unit does not exist. */
export function unitAncestors(db: AnyDb, unitCode: string): Promise<string[]> {
  return selectAncestorCodes(asGazetteerDb(db), unitCode);
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
