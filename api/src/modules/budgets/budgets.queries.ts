/** Kysely functions over the budgets tables: (db, args) -> rows, no rules. */
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
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

/**
 * The budgets of many units for one fiscal year, in one statement (a published allocation's
 * receiving units); locked with `lock`, in unit order so that two publishers cannot deadlock.
 */
export async function findBudgetsOf(
  db: BudgetsDb,
  unitCodes: readonly string[],
  fiscalYear: number,
  options: { lock?: boolean } = {},
): Promise<BudgetRow[]> {
  if (unitCodes.length === 0) return [];
  let query = db
    .selectFrom('budgets_budget')
    .selectAll()
    .where('unit_code', 'in', [...unitCodes])
    .where('fiscal_year', '=', fiscalYear)
    .orderBy('unit_code');
  if (options.lock) query = query.forUpdate();
  return query.execute();
}

export async function findBudgetUnit(db: BudgetsDb, id: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('budgets_budget')
    .select('unit_code')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.unit_code;
}

/** A budget opened without a decision yet: not approved, no council decision recorded. */
export function openedBudget(unitCode: string, fiscalYear: number): Insertable<BudgetsBudgetTable> {
  return {
    unit_code: unitCode,
    fiscal_year: fiscalYear,
    council_decision_number: null,
    council_decision_date: null,
    approved_at: null,
  };
}

/** A budget's first version: the original, by whoever made it (null: no one, a seed), with its decision if any. */
export function originalVersion(
  createdBy: number | null,
  decision: { number: string; date: string } | null = null,
): Omit<Insertable<BudgetsVersionTable>, 'budget_id' | 'version'> {
  return {
    kind: 'original',
    reason: null,
    council_decision_number: decision?.number ?? null,
    council_decision_date: decision?.date ?? null,
    created_by: createdBy,
  };
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

/**
 * Many budgets at once, each with its first version (one statement each for the budgets and the
 * versions): the budgets a published allocation opens. Returned in the order given.
 */
export async function insertBudgets(
  db: BudgetsDb,
  values: readonly Insertable<BudgetsBudgetTable>[],
  version: Omit<Insertable<BudgetsVersionTable>, 'budget_id' | 'version'>,
): Promise<BudgetRow[]> {
  if (values.length === 0) return [];
  const budgets = await db
    .insertInto('budgets_budget')
    .values([...values])
    .returningAll()
    .execute();
  await db
    .insertInto('budgets_version')
    .values(budgets.map((budget) => ({ ...version, budget_id: budget.id, version: 1 })))
    .execute();
  const byKey = new Map(budgets.map((budget) => [`${budget.unit_code}/${budget.fiscal_year}`, budget]));
  return values.map((value) => byKey.get(`${value.unit_code}/${value.fiscal_year}`)!);
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

/** The council's decision on one version of a budget (approval records it on the version in force). */
export async function setVersionDecision(
  db: BudgetsDb,
  budgetId: number,
  version: number,
  decision: { number: string; date: string },
): Promise<void> {
  await db
    .updateTable('budgets_version')
    .set({ council_decision_number: decision.number, council_decision_date: decision.date })
    .where('budget_id', '=', budgetId)
    .where('version', '=', version)
    .execute();
}
