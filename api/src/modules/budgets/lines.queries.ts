/** Kysely functions over budgets_line and budgets_actual: (db, args) -> rows, no rules. */
import { sql } from 'kysely';
import type { BudgetsDb, LineRow, NewLine } from './budgets.queries.ts';

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

export async function insertActuals(db: BudgetsDb, rows: ActualRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('budgets_actual').values(rows).execute();
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
