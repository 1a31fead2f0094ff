/**
 * Each unit's amount with its explanation, component by component (formula amount, floor or
 * cap, rounding): the lines of one allocation, and a unit's published transfers of every
 * program. The explanation is stored as the engine wrote it (engine/allocate.ts).
 */
import type { PageResult } from '../../platform/http/paging.ts';
import { selectLinePage, selectPublishedLinesOf } from './allocations.queries.ts';
import type { AllocationExplanation } from './transfers.schemas.ts';
import type { TransfersContext } from './transfers.context.ts';

export interface AllocationLine {
  unitCode: string;
  nameKm: string;
  nameLatin: string;
  amount: number;
  explanation: AllocationExplanation;
}

/** One page of an allocation's lines (its visibility is the caller's check: see getVisibleAllocation). */
export async function allocationLines(
  ctx: TransfersContext,
  id: number,
  query: { within?: string | undefined; unitCode?: string; page: number; pageSize: number; sort: string },
): Promise<PageResult<AllocationLine>> {
  const gazetteer = ctx.ports.gazetteer;
  const within = query.within ? gazetteer.subtreeCodesQuery(ctx.db, [query.within]) : undefined;
  const page = await selectLinePage(ctx.db, id, { within, unitCode: query.unitCode }, query);
  const names = await gazetteer.unitNames(
    ctx.db,
    page.items.map((row) => row.unit_code),
  );
  return {
    ...page,
    items: page.items.map((row) => ({
      unitCode: row.unit_code,
      nameKm: names.get(row.unit_code)?.nameKm ?? '',
      nameLatin: names.get(row.unit_code)?.nameLatin ?? '',
      amount: Number(row.amount),
      explanation: row.parts as AllocationExplanation,
    })),
  };
}

/** A unit's published allocations, every program, with the formula each came from. */
export async function publishedForUnit(ctx: TransfersContext, unitCode: string, fiscalYear?: number) {
  const rows = await selectPublishedLinesOf(ctx.db, unitCode, fiscalYear);
  return rows.map((row) => ({
    allocationId: Number(row.id),
    formulaId: Number(row.formula_id),
    programCode: row.program_code,
    programNameKm: row.name_km,
    programNameEn: row.name_en,
    fiscalYear: row.fiscal_year,
    version: row.version,
    publishedAt: row.published_at,
    amount: Number(row.amount),
    explanation: row.parts as AllocationExplanation,
  }));
}
