/**
 * The register of functions assigned or transferred to SNAs: held by a type of SNA (every
 * commune, every district...) or by one unit. National: the law says which SNA holds what.
 */
import type { Updateable } from 'kysely';
import type { Actor } from '../../platform/actor.ts';
import { fetchPage, type PageResult } from '../../platform/http/paging.ts';
import { auditedFunction, blankToNull, toFunction } from './councils.answers.ts';
import { portDb, type CouncilsContext } from './councils.context.ts';
import { fail } from './councils.errors.ts';
import type {
  CreateFunctionBody,
  FunctionListQuery,
  SnaFunction,
  UpdateFunctionBody,
} from './councils.schemas.ts';
import type { CouncilsFunctionTable } from './councils.tables.ts';
import {
  findFunction,
  findFunctionByHolder,
  insertFunction,
  selectFunctions,
  updateFunction as updateFunctionRow,
} from './functions.queries.ts';

export const MANAGE_FUNCTIONS = 'councils.function.manage';

const FUNCTION_SORT_COLUMNS = {
  code: 'code',
  nameEn: 'name_en',
  sector: 'sector',
  dateAssigned: 'date_assigned',
};

/** The levels of the tree that are administrations (villages hold no functions). */
const SNA_LEVELS = [1, 2, 3];

const isUnitCode = (holder: string) => /^[0-9]+$/.test(holder);

/** A holder as typed (a type code or a unit code), checked against the gazetteer. */
async function resolveHolder(ctx: CouncilsContext, holder: string) {
  const gazetteer = ctx.ports.gazetteer;
  const db = portDb(ctx.db);
  if (isUnitCode(holder)) {
    if (!(await gazetteer.unitExists(db, holder))) {
      throw gazetteer.unknownUnit(holder);
    }
    const unit = await gazetteer.getUnit(db, holder);
    if (unit.level > 3)
      throw fail('councils.function.unknown_holder', { title: 'Villages hold no functions.' });
    return { typeCode: null, unitCode: holder, unitTypeCode: unit.typeCode };
  }
  // A type of SNA is one that the tree's administrations have (levels 1 to 3).
  const ofType = await gazetteer.currentUnits(db, { levels: SNA_LEVELS, types: [holder] });
  if (ofType.length === 0) {
    throw fail('councils.function.unknown_holder', {
      title: `${holder} is not a type of sub-national administration (commune, sangkat, district, municipality, khan, province, capital).`,
    });
  }
  return { typeCode: holder, unitCode: null, unitTypeCode: holder };
}

export async function listFunctions(
  ctx: CouncilsContext,
  query: FunctionListQuery,
): Promise<PageResult<SnaFunction>> {
  let filters: { typeCode?: string; unitCode?: string; sector?: string } = { sector: query.sector };
  if (query.holder !== undefined) {
    const holder = await resolveHolder(ctx, query.holder);
    // A unit holds what its type holds and what was assigned to it alone.
    filters =
      holder.unitCode !== null
        ? { ...filters, typeCode: holder.unitTypeCode, unitCode: holder.unitCode }
        : { ...filters, typeCode: holder.typeCode };
  }
  const page = await fetchPage(selectFunctions(ctx.db, filters), {
    page: query.page,
    pageSize: query.pageSize,
    sort: query.sort,
    columns: FUNCTION_SORT_COLUMNS,
    tieBreak: 'id',
  });
  return { ...page, items: page.items.map(toFunction) };
}

export async function createFunction(
  ctx: CouncilsContext,
  actor: Actor,
  body: CreateFunctionBody,
): Promise<SnaFunction> {
  const holder = await resolveHolder(ctx, body.holder);
  return ctx.inTransaction(async (trx) => {
    if (await findFunctionByHolder(trx, body.code, holder)) throw fail('councils.function.duplicate');
    const row = await insertFunction(trx, {
      code: body.code,
      name_km: body.nameKm.trim(),
      name_en: body.nameEn.trim(),
      sector: body.sector,
      holder_type_code: holder.typeCode,
      holder_unit_code: holder.unitCode,
      legal_instrument: body.legalInstrument.trim(),
      date_assigned: body.dateAssigned,
      transferred_from: blankToNull(body.transferredFrom),
      source: body.source.trim(),
    });
    await ctx.audit.write(trx, actor, {
      action: 'councils.function.create',
      entityType: 'councils.function',
      entityId: String(row.id),
      unitCode: row.holder_unit_code,
      after: auditedFunction(row),
    });
    return toFunction(row);
  });
}

export async function updateFunction(
  ctx: CouncilsContext,
  actor: Actor,
  input: { id: number; body: UpdateFunctionBody },
): Promise<SnaFunction> {
  const { id, body } = input;
  return ctx.inTransaction(async (trx) => {
    const before = await findFunction(trx, id);
    if (!before) throw fail('councils.function.not_found');
    const changes: Updateable<CouncilsFunctionTable> = {};
    if (body.nameKm !== undefined) changes.name_km = body.nameKm.trim();
    if (body.nameEn !== undefined) changes.name_en = body.nameEn.trim();
    if (body.sector !== undefined) changes.sector = body.sector;
    if (body.legalInstrument !== undefined) changes.legal_instrument = body.legalInstrument.trim();
    if (body.dateAssigned !== undefined) changes.date_assigned = body.dateAssigned;
    if (body.transferredFrom !== undefined) changes.transferred_from = blankToNull(body.transferredFrom);
    if (body.source !== undefined) changes.source = body.source.trim();
    const after = await updateFunctionRow(trx, id, changes);
    await ctx.audit.write(trx, actor, {
      action: 'councils.function.update',
      entityType: 'councils.function',
      entityId: String(id),
      unitCode: after.holder_unit_code,
      after: auditedFunction(after),
      before: auditedFunction(before),
    });
    return toFunction(after);
  });
}
