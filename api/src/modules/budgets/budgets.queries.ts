/** Kysely functions over the budgets tables: (db, args) -> rows, no rules. */
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import { subtreeCodesQuery } from '../gazetteer/index.ts';
import type {
  BudgetsBudgetTable,
  BudgetsEconomicClassTable,
  BudgetsFunctionalClassTable,
  BudgetsFundSourceTable,
  BudgetsLineTable,
  BudgetsTables,
  BudgetsVersionTable,
} from './budgets.tables.ts';

export type BudgetsDb = Kysely<BudgetsTables>;
export type BudgetRow = Selectable<BudgetsBudgetTable>;
export type VersionRow = Selectable<BudgetsVersionTable>;
export type LineRow = Selectable<BudgetsLineTable>;
export type NewLine = Insertable<BudgetsLineTable>;
export type EconomicClassRow = Selectable<BudgetsEconomicClassTable>;
export type FunctionalClassRow = Selectable<BudgetsFunctionalClassTable>;
export type FundSourceRow = Selectable<BudgetsFundSourceTable>;

export interface Classifications {
  economic: Map<string, EconomicClassRow>;
  functional: Map<string, FunctionalClassRow>;
  fundSources: Map<string, FundSourceRow>;
}

/** The three lists are small (tens of rows): read whole, looked up in memory. */
export async function selectClassifications(db: BudgetsDb): Promise<Classifications> {
  const [economic, functional, fundSources] = await Promise.all([
    db.selectFrom('budgets_economic_class').selectAll().orderBy('code').execute(),
    db.selectFrom('budgets_functional_class').selectAll().orderBy('code').execute(),
    db.selectFrom('budgets_fund_source').selectAll().orderBy('code').execute(),
  ]);
  return {
    economic: new Map(economic.map((row) => [row.code, row])),
    functional: new Map(functional.map((row) => [row.code, row])),
    fundSources: new Map(fundSources.map((row) => [row.code, row])),
  };
}

export async function findBudget(db: BudgetsDb, id: number, options: { lock?: boolean } = {}) {
  let query = db.selectFrom('budgets_budget').selectAll().where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findBudgetOf(
  db: BudgetsDb,
  unitCode: string,
  fiscalYear: number,
  options: { lock?: boolean } = {},
) {
  let query = db
    .selectFrom('budgets_budget')
    .selectAll()
    .where('unit_code', '=', unitCode)
    .where('fiscal_year', '=', fiscalYear);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findBudgetUnit(db: BudgetsDb, id: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('budgets_budget')
    .select('unit_code')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.unit_code;
}

export async function findLineUnit(db: BudgetsDb, lineId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('budgets_line')
    .innerJoin('budgets_budget', 'budgets_budget.id', 'budgets_line.budget_id')
    .select('budgets_budget.unit_code')
    .where('budgets_line.id', '=', lineId)
    .executeTakeFirst();
  return row?.unit_code;
}

export async function findLine(db: BudgetsDb, lineId: number): Promise<LineRow | undefined> {
  return db.selectFrom('budgets_line').selectAll().where('id', '=', lineId).executeTakeFirst();
}

export async function insertBudget(
  db: BudgetsDb,
  values: Insertable<BudgetsBudgetTable>,
  version: Omit<Insertable<BudgetsVersionTable>, 'budget_id' | 'version'>,
): Promise<BudgetRow> {
  const budget = await db
    .insertInto('budgets_budget')
    .values(values)
    .returningAll()
    .executeTakeFirstOrThrow();
  await db
    .insertInto('budgets_version')
    .values({ ...version, budget_id: budget.id, version: 1 })
    .execute();
  return budget;
}

export async function updateBudget(
  db: BudgetsDb,
  id: number,
  changes: Partial<Omit<BudgetRow, 'id' | 'created_at' | 'updated_at'>>,
): Promise<BudgetRow> {
  return db
    .updateTable('budgets_budget')
    .set({ ...changes, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertVersion(db: BudgetsDb, values: Insertable<BudgetsVersionTable>): Promise<void> {
  await db.insertInto('budgets_version').values(values).execute();
}

export async function selectVersions(db: BudgetsDb, budgetId: number): Promise<VersionRow[]> {
  return db
    .selectFrom('budgets_version')
    .selectAll()
    .where('budget_id', '=', budgetId)
    .orderBy('version')
    .execute();
}

export async function selectLines(db: BudgetsDb, budgetId: number, version: number): Promise<LineRow[]> {
  return db
    .selectFrom('budgets_line')
    .selectAll()
    .where('budget_id', '=', budgetId)
    .where('version', '=', version)
    .orderBy('direction', 'desc')
    .orderBy('economic_code')
    .orderBy('id')
    .execute();
}

export async function insertLines(db: BudgetsDb, lines: NewLine[]): Promise<LineRow[]> {
  if (lines.length === 0) return [];
  return db.insertInto('budgets_line').values(lines).returningAll().execute();
}

export async function updateLineRow(
  db: BudgetsDb,
  id: number,
  changes: Partial<Omit<LineRow, 'id' | 'created_at' | 'updated_at'>>,
): Promise<LineRow> {
  return db
    .updateTable('budgets_line')
    .set({ ...changes, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteLineRow(db: BudgetsDb, id: number): Promise<void> {
  await db.deleteFrom('budgets_line').where('id', '=', id).execute();
}

export interface ActualRow {
  budget_id: number;
  line_key: string;
  quarter: number;
  amount: number;
}

export async function selectActuals(db: BudgetsDb, budgetIds: number[]): Promise<ActualRow[]> {
  if (budgetIds.length === 0) return [];
  return db
    .selectFrom('budgets_actual')
    .select(['budget_id', 'line_key', 'quarter', 'amount'])
    .where('budget_id', 'in', budgetIds)
    .execute();
}

export async function upsertActual(db: BudgetsDb, row: ActualRow): Promise<void> {
  await db
    .insertInto('budgets_actual')
    .values(row)
    .onConflict((conflict) =>
      conflict
        .columns(['budget_id', 'line_key', 'quarter'])
        .doUpdateSet({ amount: row.amount, updated_at: sql`now()` }),
    )
    .execute();
}

/** Published budgets (approved or later) of one year, for the given units (all when undefined). */
export async function selectPublishedBudgets(
  db: BudgetsDb,
  fiscalYear: number,
  units?: { codes: string[] } | { subtreeOf: string },
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
        : query.where('unit_code', 'in', subtreeCodesQuery(db, [units.subtreeOf]));
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

export async function upsertFundSource(
  db: BudgetsDb,
  values: Insertable<BudgetsFundSourceTable>,
): Promise<FundSourceRow> {
  return db
    .insertInto('budgets_fund_source')
    .values(values)
    .onConflict((conflict) =>
      conflict.column('code').doUpdateSet({ name_km: values.name_km, name_en: values.name_en }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findFundSource(db: BudgetsDb, code: string): Promise<FundSourceRow | undefined> {
  return db.selectFrom('budgets_fund_source').selectAll().where('code', '=', code).executeTakeFirst();
}
