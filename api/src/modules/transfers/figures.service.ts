/**
 * The yearly figures of units that formulas share by (population, poverty rate, …): entered by
 * hand within one's scope, listed, and frozen once a published allocation has used them. The
 * CSV import is in figures-import.service.ts.
 */
import type { Actor } from '../../platform/actor.ts';
import type { PageResult } from '../../platform/http/paging.ts';
import { publishedAllocationUsingYear } from './allocations.queries.ts';
import {
  findFigure,
  selectAvailableFigures,
  selectFigurePage,
  upsertFigures,
  type UnitCodesQuery,
} from './figures.queries.ts';
import type { TransfersContext, TransfersDb } from './transfers.context.ts';
import { fail } from './transfers.errors.ts';

export interface FigureInput {
  unitCode: string;
  fiscalYear: number;
  indicator: string;
  value: number;
  source: string;
}

/** Figures of a year that a published allocation was computed from are frozen. */
export async function refuseFrozenYear(db: TransfersDb, fiscalYear: number): Promise<void> {
  if ((await publishedAllocationUsingYear(db, fiscalYear)) !== undefined)
    throw fail(
      'transfers.year.published',
      `The figures of ${fiscalYear} were used by a published allocation and can no longer change.`,
    );
}

/** One figure of one unit (of today's tree), entered by hand. */
export async function setIndicatorValue(ctx: TransfersContext, actor: Actor, input: FigureInput) {
  if (input.value < 0) throw fail('transfers.input.negative_value');
  return ctx.inTransaction(async (trx) => {
    await ctx.ports.gazetteer.getCurrentUnit(trx, input.unitCode);
    await refuseFrozenYear(trx, input.fiscalYear);
    const before = await findFigure(trx, input.unitCode, input.fiscalYear, input.indicator);
    await upsertFigures(trx, [
      {
        unit_code: input.unitCode,
        fiscal_year: input.fiscalYear,
        indicator: input.indicator,
        value: input.value,
        source: input.source,
      },
    ]);
    await ctx.audit.write(trx, actor, {
      action: 'transfers.indicator.set',
      entityType: 'transfers.indicator_value',
      entityId: `${input.fiscalYear}:${input.indicator}:${input.unitCode}`,
      unitCode: input.unitCode,
      before: before ? { value: Number(before.value), source: before.source } : null,
      after: { value: input.value, source: input.source },
    });
  });
}

export interface IndicatorValue {
  unitCode: string;
  nameKm: string;
  nameLatin: string;
  indicator: string;
  value: number;
  source: string;
  isExample: boolean;
}

/** The figures of a year, by unit code: of one indicator, within a unit, of one level. */
export async function listIndicatorValues(
  ctx: TransfersContext,
  query: {
    fiscalYear: number;
    indicator?: string | undefined;
    within?: string | undefined;
    level?: number | undefined;
    page: number;
    pageSize: number;
  },
): Promise<PageResult<IndicatorValue>> {
  const gazetteer = ctx.ports.gazetteer;
  const unitCodes: UnitCodesQuery[] = [];
  if (query.within) unitCodes.push(gazetteer.subtreeCodesQuery(ctx.db, [query.within]));
  if (query.level) unitCodes.push(gazetteer.unitCodesOfLevelsQuery(ctx.db, [query.level]));
  const page = await selectFigurePage(ctx.db, query, unitCodes, query);
  const names = await gazetteer.unitNames(ctx.db, [...new Set(page.items.map((row) => row.unit_code))]);
  return {
    ...page,
    items: page.items.map((row) => ({
      unitCode: row.unit_code,
      nameKm: names.get(row.unit_code)?.nameKm ?? '',
      nameLatin: names.get(row.unit_code)?.nameLatin ?? '',
      indicator: row.indicator,
      value: Number(row.value),
      source: row.source,
      isExample: row.is_example,
    })),
  };
}

/** Which figures exist: each indicator and year with how many units have it (for maps and filters). */
export async function availableIndicators(ctx: TransfersContext) {
  const rows = await selectAvailableFigures(ctx.db);
  return rows.map((row) => ({
    indicator: row.indicator,
    fiscalYear: row.fiscal_year,
    units: Number(row.units),
    hasExamples: row.has_examples,
  }));
}
