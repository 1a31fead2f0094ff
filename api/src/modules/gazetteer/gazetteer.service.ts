/** The gazetteer's rules. Reads only, for now: the import and its change events come next. */
import { notFound } from '../../platform/http/problem.ts';
import { fetchPage, type PageResult } from '../../platform/http/paging.ts';
import { findUnitByCode, selectUnits, type GazetteerDb } from './gazetteer.queries.ts';
import type { Unit, UnitListQuery } from './gazetteer.schemas.ts';

const SORT_COLUMNS = { code: 'code', nameLatin: 'name_latin', nameKm: 'name_km' };

export async function getUnit(db: GazetteerDb, code: string): Promise<Unit> {
  const unit = await findUnitByCode(db, code);
  if (!unit) throw notFound('gazetteer.unit.not_found', `No administrative unit has the code ${code}.`);
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
