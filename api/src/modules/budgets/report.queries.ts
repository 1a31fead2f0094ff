/** Kysely functions for the reports and the open data: published budgets and their lines. */
import type { GazetteerPort } from '../gazetteer/index.ts';
import type { BudgetRow, BudgetsDb, LineRow } from './budgets.queries.ts';

/** A subquery of unit codes, as the gazetteer port builds it (a subtree, or the units of a level). */
export type UnitCodes =
  ReturnType<GazetteerPort['subtreeCodesQuery']> | ReturnType<GazetteerPort['unitCodesOfLevelsQuery']>;

/** Published budgets (approved or later) of one year, for the given units (all when undefined). */
export async function selectPublishedBudgets(
  db: BudgetsDb,
  fiscalYear: number,
  units?: { codes: string[] } | { within: UnitCodes },
): Promise<BudgetRow[]> {
  let query = db
    .selectFrom('budgets_budget')
    .selectAll()
    .where('fiscal_year', '=', fiscalYear)
    .where('phase', '<>', 'proposed');
  if (units !== undefined) {
    query =
      'codes' in units
        ? query.where('unit_code', 'in', units.codes)
        : query.where('unit_code', 'in', units.within);
  }
  return query.orderBy('unit_code').execute();
}

/** Lines of several budgets: each budget's current version, or its first (as approved). */
export async function selectLinesOfBudgets(
  db: BudgetsDb,
  budgetIds: readonly number[],
  which: 'current' | 'first',
): Promise<LineRow[]> {
  if (budgetIds.length === 0) return [];
  let query = db
    .selectFrom('budgets_line')
    .innerJoin('budgets_budget', 'budgets_budget.id', 'budgets_line.budget_id')
    .selectAll('budgets_line')
    .where('budgets_line.budget_id', 'in', [...budgetIds]);
  query =
    which === 'current'
      ? query.whereRef('budgets_line.version', '=', 'budgets_budget.current_version')
      : query.where('budgets_line.version', '=', 1);
  return query.orderBy('budgets_line.budget_id').orderBy('budgets_line.id').execute();
}
