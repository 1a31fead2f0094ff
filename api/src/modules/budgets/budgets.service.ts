/**
 * Budgets and their phases: a budget per unit and fiscal year, reading it (a proposed budget
 * only by those who prepare or oversee it), opening one, and writing a new version of its lines
 * (adjustments and transfers). Every change runs in one transaction with its audit record; the
 * budget row is locked first, so that two officers changing the same budget take turns.
 *
 * Phases (the last step taken): proposed → approved (only once the council's decision is
 * recorded) → adjusted (a new version of the lines; the approved one stays readable) →
 * executed (actuals recorded). Lines change only while proposed, or through an adjustment.
 */
import type { Actor } from '../../platform/actor.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { auditedBudget, budgetAnswer } from './budgets.answers.ts';
import { portDb, type BudgetsContext } from './budgets.context.ts';
import { fail } from './budgets.errors.ts';
import {
  findBudget,
  findBudgetOf,
  findBudgetUnit,
  insertBudget,
  insertVersion,
  openedBudget,
  originalVersion,
  selectClassifications,
  updateBudget,
  type BudgetRow,
  type BudgetsDb,
  type NewLine,
} from './budgets.queries.ts';
import type { Budget, ClassificationsAnswer } from './budgets.schemas.ts';
import type { Phase } from './budgets.tables.ts';
import { insertLines } from './lines.queries.ts';
import { BUDGETS_PERMISSIONS } from './permissions.ts';

/** Unit locator for the access check: the unit of the budget a path names. */
export async function unitOfBudget(db: BudgetsDb, id: number): Promise<string> {
  const unit = await findBudgetUnit(db, id);
  if (unit === undefined) throw fail('budgets.budget.not_found');
  return unit;
}

/**
 * A proposed budget is a working document: those who prepare, approve or oversee the unit's
 * budget (any budgets permission, or the audit reading that council members and auditors hold)
 * see it; the public sees budgets from their approval on.
 */
const SEE_PROPOSED = [...BUDGETS_PERMISSIONS.map((permission) => permission.code), 'audit.record.read'];

export function seesProposed(
  ctx: BudgetsContext,
  viewer: Principal | null,
  unitCode: string,
): Promise<boolean> {
  return ctx.access.holdsAt(ctx.db, viewer, SEE_PROPOSED, unitCode);
}

export async function listClassifications(ctx: BudgetsContext): Promise<ClassificationsAnswer> {
  const classes = await selectClassifications(ctx.db);
  return {
    economic: [...classes.economic.values()].map((row) => ({
      code: row.code,
      direction: row.direction,
      nameKm: row.name_km,
      nameEn: row.name_en,
      source: row.source,
      isExample: row.is_example,
    })),
    functional: [...classes.functional.values()].map((row) => ({
      code: row.code,
      nameKm: row.name_km,
      nameEn: row.name_en,
      source: row.source,
      isExample: row.is_example,
    })),
    fundSources: [...classes.fundSources.values()].map((row) => ({
      code: row.code,
      kind: row.kind,
      nameKm: row.name_km,
      nameEn: row.name_en,
      source: row.source,
      isExample: row.is_example,
    })),
  };
}

export async function getBudget(
  ctx: BudgetsContext,
  input: { unitCode: string; fiscalYear: number; version?: number; viewer: Principal | null },
): Promise<Budget> {
  const budget = await findBudgetOf(ctx.db, input.unitCode, input.fiscalYear);
  if (!budget) throw fail('budgets.budget.not_found');
  // Unpublished budgets do not exist for those who may not see them.
  if (budget.phase === 'proposed' && !(await seesProposed(ctx, input.viewer, input.unitCode))) {
    throw fail('budgets.budget.not_found');
  }
  if (input.version !== undefined && input.version > budget.current_version) {
    throw fail('budgets.version.not_found', {
      title: `This budget has ${budget.current_version} version(s).`,
    });
  }
  return budgetAnswer(ctx.db, budget, input.version);
}

/** The unit a budget can be made for: an administration of the tree, not a village. */
export async function checkBudgetUnit(ctx: BudgetsContext, unitCode: string): Promise<void> {
  const unit = await ctx.ports.gazetteer.getUnit(portDb(ctx.db), unitCode); // 404 for an unknown unit
  if (unit.level < 1 || unit.level > 3) throw fail('budgets.unit.not_an_administration');
}

export async function createBudget(
  ctx: BudgetsContext,
  actor: Actor,
  input: { unitCode: string; fiscalYear: number },
): Promise<Budget> {
  const { unitCode, fiscalYear } = input;
  await checkBudgetUnit(ctx, unitCode);
  return ctx.inTransaction(async (trx) => {
    if (await findBudgetOf(trx, unitCode, fiscalYear)) {
      throw fail('budgets.budget.exists', {
        title: `Unit ${unitCode} already has a budget for ${fiscalYear}.`,
      });
    }
    const budget = await insertBudget(trx, openedBudget(unitCode, fiscalYear), originalVersion(actor.userId));
    await ctx.audit.write(trx, actor, {
      action: 'budgets.budget.create',
      entityType: 'budgets.budget',
      entityId: String(budget.id),
      unitCode,
      after: auditedBudget(budget),
    });
    return budgetAnswer(trx, budget);
  });
}

/** The budget, locked for the rest of the transaction (404 when there is none). */
export async function lockedBudget(trx: BudgetsDb, id: number): Promise<BudgetRow> {
  const budget = await findBudget(trx, id, { lock: true });
  if (!budget) throw fail('budgets.budget.not_found');
  return budget;
}

export function assertProposed(budget: BudgetRow): void {
  if (budget.phase !== 'proposed')
    throw fail('budgets.budget.not_proposed', `The budget is ${budget.phase}.`);
}

/** Once actuals are recorded the budget stays executed; a new version otherwise makes it adjusted. */
export const phaseAfterNewVersion = (phase: Phase): Phase => (phase === 'executed' ? 'executed' : 'adjusted');

/**
 * Writes version N+1 of a budget: the given lines (new rows, keeping the line_key of the line each
 * replaces), and makes it the version in force. The lines of earlier versions stay as they were.
 */
export async function writeNewVersion(
  trx: BudgetsDb,
  budget: BudgetRow,
  version: {
    kind: 'adjustment' | 'transfer';
    reason: string;
    councilDecisionNumber: string | null;
    councilDecisionDate: string | null;
    createdBy: number | null;
  },
  lines: Omit<NewLine, 'budget_id' | 'version'>[],
): Promise<BudgetRow> {
  const next = budget.current_version + 1;
  await insertVersion(trx, {
    budget_id: budget.id,
    version: next,
    kind: version.kind,
    reason: version.reason,
    council_decision_number: version.councilDecisionNumber,
    council_decision_date: version.councilDecisionDate,
    created_by: version.createdBy,
  });
  await insertLines(
    trx,
    lines.map((line) => ({ ...line, budget_id: budget.id, version: next })),
  );
  return updateBudget(trx, budget.id, { current_version: next, phase: phaseAfterNewVersion(budget.phase) });
}
