/** SQL of the yearly figures of units (transfers_indicator_value): (db, args) -> rows, no rules. */
import { sql, type Insertable } from 'kysely';
import { fetchPage } from '../../platform/http/paging.ts';
import type { GazetteerPort } from '../gazetteer/index.ts';
import { BATCH, type TransfersDb } from './transfers.context.ts';
import type { TransfersIndicatorValueTable } from './transfers.tables.ts';

type FigureRow = Insertable<TransfersIndicatorValueTable>;

/** A subquery of unit codes from the gazetteer port (a subtree, a level). */
export type UnitCodesQuery =
  ReturnType<GazetteerPort['subtreeCodesQuery']> | ReturnType<GazetteerPort['unitCodesOfLevelsQuery']>;

/** Writes figures, replacing those of the same unit, year and indicator (no longer examples). */
export async function upsertFigures(db: TransfersDb, rows: readonly FigureRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH)
    await db
      .insertInto('transfers_indicator_value')
      .values(rows.slice(start, start + BATCH))
      .onConflict((conflict) =>
        conflict.columns(['fiscal_year', 'indicator', 'unit_code']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          source: eb.ref('excluded.source'),
          is_example: false,
          updated_at: sql`now()`,
        })),
      )
      .execute();
}

/** Plain insert (the demo seed's example figures). */
export async function insertFigures(db: TransfersDb, rows: readonly FigureRow[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('transfers_indicator_value')
      .values([...rows])
      .execute();
}

export function findFigure(db: TransfersDb, unitCode: string, fiscalYear: number, indicator: string) {
  return db
    .selectFrom('transfers_indicator_value')
    .select(['value', 'source'])
    .where('unit_code', '=', unitCode)
    .where('fiscal_year', '=', fiscalYear)
    .where('indicator', '=', indicator)
    .executeTakeFirst();
}

/** The figures of a year for some indicators, every unit. */
export function selectFiguresOf(db: TransfersDb, fiscalYear: number, indicators: readonly string[]) {
  return db
    .selectFrom('transfers_indicator_value')
    .select(['unit_code', 'indicator', 'value'])
    .where('fiscal_year', '=', fiscalYear)
    .where('indicator', 'in', [...indicators])
    .execute();
}

/**
 * One page of figures, by unit code. `unitCodes` are subqueries of unit codes (from the
 * gazetteer port: a subtree, a level) the figures' units must be in.
 */
export function selectFigurePage(
  db: TransfersDb,
  filter: { fiscalYear: number; indicator?: string | undefined },
  unitCodes: readonly UnitCodesQuery[],
  page: { page: number; pageSize: number },
) {
  let select = db
    .selectFrom('transfers_indicator_value as v')
    .select(['v.unit_code', 'v.indicator', 'v.value', 'v.source', 'v.is_example'])
    .where('v.fiscal_year', '=', filter.fiscalYear);
  if (filter.indicator) select = select.where('v.indicator', '=', filter.indicator);
  for (const codes of unitCodes) select = select.where('v.unit_code', 'in', codes);
  return fetchPage(select, {
    page: page.page,
    pageSize: page.pageSize,
    sort: 'code',
    columns: { code: 'v.unit_code' },
    tieBreak: 'v.indicator',
  });
}

/** Each indicator and year with how many units have it and whether some are examples. */
export function selectAvailableFigures(db: TransfersDb) {
  return db
    .selectFrom('transfers_indicator_value')
    .select([
      'indicator',
      'fiscal_year',
      sql<number>`count(*)::int`.as('units'),
      sql<boolean>`bool_or(is_example)`.as('has_examples'),
    ])
    .groupBy(['indicator', 'fiscal_year'])
    .orderBy('indicator')
    .orderBy('fiscal_year', 'desc')
    .execute();
}
