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

/** The lines of the current version of each of the budgets given, in one statement. */
export async function selectCurrentLinesOf(db: BudgetsDb, budgetIds: readonly number[]): Promise<LineRow[]> {
  if (budgetIds.length === 0) return [];
  return db
    .selectFrom('budgets_line')
    .innerJoin('budgets_budget', (join) =>
      join
        .onRef('budgets_budget.id', '=', 'budgets_line.budget_id')
        .onRef('budgets_budget.current_version', '=', 'budgets_line.version'),
    )
    .selectAll('budgets_line')
    .where('budgets_line.budget_id', 'in', [...budgetIds])
    .orderBy('budgets_line.budget_id')
    .orderBy('budgets_line.direction', 'desc')
    .orderBy('budgets_line.economic_code')
    .orderBy('budgets_line.id')
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

/**
 * Replaces the content of many lines, each with its own values, in one statement per 500 lines
 * (the system lines a corrected allocation changes). Returns the lines as written.
 */
export async function updateLineRows(
  db: BudgetsDb,
  rows: readonly { id: number; values: Omit<NewLine, 'budget_id' | 'version'> }[],
): Promise<LineRow[]> {
  const written: LineRow[] = [];
  for (let start = 0; start < rows.length; start += 500) {
    const values = rows.slice(start, start + 500).map(
      ({ id, values: line }) =>
        sql`(${id}::bigint, ${line.line_key}::text, ${line.direction}::text, ${line.economic_code}::text,
          ${line.functional_code ?? null}::text, ${line.fund_source_code}::text, ${line.program_code ?? null}::text,
          ${line.description_km ?? null}::text, ${line.description_en ?? null}::text, ${line.amount}::bigint,
          ${line.system_origin ?? null}::text, ${line.transfer_allocation_version ?? null}::integer,
          ${line.transfer_source ?? null}::text, ${line.is_example ?? false}::boolean)`,
    );
    const result = await sql<LineRow>`
      update budgets_line as l set
        line_key = v.line_key, direction = v.direction, economic_code = v.economic_code,
        functional_code = v.functional_code, fund_source_code = v.fund_source_code,
        program_code = v.program_code, description_km = v.description_km,
        description_en = v.description_en, amount = v.amount, system_origin = v.system_origin,
        transfer_allocation_version = v.transfer_allocation_version,
        transfer_source = v.transfer_source, is_example = v.is_example, updated_at = now()
      from (values ${sql.join(values)}) as v (id, line_key, direction, economic_code, functional_code,
        fund_source_code, program_code, description_km, description_en, amount, system_origin,
        transfer_allocation_version, transfer_source, is_example)
      where l.id = v.id
      returning l.*`.execute(db);
    written.push(...result.rows);
  }
  return written;
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
