/**
 * How the budgets module answers and what its audit records keep: a budget with its versions,
 * lines and actuals, a line with its actuals per quarter.
 */
import type { ActualRow } from './lines.queries.ts';
import { selectActuals, selectLines } from './lines.queries.ts';
import { selectVersions, type BudgetRow, type BudgetsDb, type LineRow } from './budgets.queries.ts';
import type { Actuals, Budget, Line } from './budgets.schemas.ts';
import type { Direction } from './budgets.tables.ts';

/** The actuals of each line, by `${budget_id}:${line_key}`. */
export function actualsOf(rows: readonly ActualRow[]): Map<string, Actuals> {
  const byLine = new Map<string, Actuals>();
  for (const row of rows) {
    const key = `${row.budget_id}:${row.line_key}`;
    const actuals = byLine.get(key) ?? { q1: 0, q2: 0, q3: 0, q4: 0, unsplit: 0, total: 0 };
    if (row.quarter === 0) actuals.unsplit += row.amount;
    else actuals[`q${row.quarter}` as 'q1'] += row.amount;
    actuals.total += row.amount;
    byLine.set(key, actuals);
  }
  return byLine;
}

export const NO_ACTUALS: Actuals = { q1: 0, q2: 0, q3: 0, q4: 0, unsplit: 0, total: 0 };

export function toLine(row: LineRow, actuals: Map<string, Actuals>): Line {
  return {
    id: row.id,
    lineKey: row.line_key,
    version: row.version,
    direction: row.direction,
    economicCode: row.economic_code,
    functionalCode: row.functional_code,
    fundSourceCode: row.fund_source_code,
    programCode: row.program_code,
    descriptionKm: row.description_km,
    descriptionEn: row.description_en,
    amount: row.amount,
    systemOrigin: row.system_origin,
    transferAllocationVersion: row.transfer_allocation_version,
    actuals: actuals.get(`${row.budget_id}:${row.line_key}`) ?? NO_ACTUALS,
    isExample: row.is_example,
  };
}

/** A budget as the API answers it: the lines of `version` (the one in force by default). */
export async function budgetAnswer(
  db: BudgetsDb,
  budget: BudgetRow,
  version = budget.current_version,
): Promise<Budget> {
  const [versions, lines, actualRows] = await Promise.all([
    selectVersions(db, budget.id),
    selectLines(db, budget.id, version),
    selectActuals(db, [budget.id]),
  ]);
  const actuals = actualsOf(actualRows);
  const total = (direction: Direction) =>
    lines.filter((line) => line.direction === direction).reduce((sum, line) => sum + line.amount, 0);
  const revenue = total('revenue');
  const expenditure = total('expenditure');
  return {
    id: budget.id,
    unitCode: budget.unit_code,
    fiscalYear: budget.fiscal_year,
    phase: budget.phase,
    currentVersion: budget.current_version,
    shownVersion: version,
    councilDecision:
      budget.council_decision_number !== null && budget.council_decision_date !== null
        ? {
            number: budget.council_decision_number,
            date: budget.council_decision_date,
            decisionId: budget.council_decision_id,
          }
        : null,
    approvedAt: budget.approved_at,
    origin: budget.origin,
    isExample: budget.is_example,
    versions: versions.map((row) => ({
      version: row.version,
      kind: row.kind,
      reason: row.reason,
      councilDecisionNumber: row.council_decision_number,
      councilDecisionDate: row.council_decision_date,
      createdAt: row.created_at,
    })),
    lines: lines.map((line) => toLine(line, actuals)),
    totals: { revenue, expenditure, balance: revenue - expenditure },
  };
}

/** A budget as the audit trail keeps it: its state and the totals of the version in force. */
export function auditedBudget(budget: BudgetRow) {
  return {
    unitCode: budget.unit_code,
    fiscalYear: budget.fiscal_year,
    phase: budget.phase,
    currentVersion: budget.current_version,
    councilDecisionNumber: budget.council_decision_number,
    councilDecisionDate: budget.council_decision_date,
    councilDecisionId: budget.council_decision_id,
    origin: budget.origin,
  };
}

export function auditedLine(line: LineRow) {
  const { created_at: _created, updated_at: _updated, ...rest } = line;
  return rest;
}
