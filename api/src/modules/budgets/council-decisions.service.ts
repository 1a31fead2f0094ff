/**
 * The council's decision on a proposed budget (its number and date) and the approval that
 * follows it: a budget is approved only once the decision is recorded and it has lines.
 */
import type { Actor } from '../../platform/actor.ts';
import { APPROVE_BUDGET, type DecisionMismatch } from '../councils/index.ts';
import { auditedBudget, budgetAnswer } from './budgets.answers.ts';
import type { BudgetsContext } from './budgets.context.ts';
import { fail, type BudgetsErrorCode } from './budgets.errors.ts';
import { setVersionDecision, updateBudget } from './budgets.queries.ts';
import type { ApproveBody, Budget, CouncilDecisionBody } from './budgets.schemas.ts';
import { assertProposed, lockedBudget } from './budgets.service.ts';
import { selectLines } from './lines.queries.ts';

/** The budgets code for each reason the councils module gives for refusing a decision. */
const MISMATCH_CODES: Record<DecisionMismatch, BudgetsErrorCode> = {
  not_found: 'budgets.council_decision.not_found',
  wrong_unit: 'budgets.council_decision.wrong_unit',
  wrong_organ: 'budgets.council_decision.wrong_organ',
  wrong_kind: 'budgets.council_decision.wrong_kind',
  not_passed: 'budgets.council_decision.not_passed',
  after_date: 'budgets.council_decision.after_approval',
};

/** A decision is taken on a day that has come (today in Cambodia at the latest). */
export function checkDecisionDate(ctx: BudgetsContext, date: string): void {
  if (date > ctx.today()) throw fail('budgets.council_decision.future_date');
}

export async function recordCouncilDecision(
  ctx: BudgetsContext,
  actor: Actor,
  input: { budgetId: number; body: CouncilDecisionBody },
): Promise<Budget> {
  const { budgetId, body } = input;
  checkDecisionDate(ctx, body.date);
  return ctx.inTransaction(async (trx) => {
    const before = await lockedBudget(trx, budgetId);
    assertProposed(before);
    const after = await updateBudget(trx, budgetId, {
      council_decision_number: body.number.trim(),
      council_decision_date: body.date,
      council_decision_id: null, // a typed (legacy) reference
    });
    await ctx.audit.write(trx, actor, {
      action: 'budgets.budget.council_decision',
      entityType: 'budgets.budget',
      entityId: String(budgetId),
      unitCode: after.unit_code,
      before: auditedBudget(before),
      after: auditedBudget(after),
    });
    return budgetAnswer(trx, after);
  });
}

export async function approveBudget(
  ctx: BudgetsContext,
  actor: Actor,
  input: { budgetId: number; body: ApproveBody },
): Promise<Budget> {
  const { budgetId, body } = input;
  let number = body?.councilDecisionNumber?.trim() || null;
  let date = body?.councilDecisionDate ?? null;
  if (date !== null) checkDecisionDate(ctx, date);
  return ctx.inTransaction(async (trx) => {
    const before = await lockedBudget(trx, budgetId);
    if (before.phase !== 'proposed') {
      throw fail('budgets.budget.not_proposed', {
        title: 'Only a proposed budget can be approved.',
        detail: `The budget is ${before.phase}.`,
      });
    }
    // A decision recorded in the councils module, checked there (councilDecisions.checkDecision):
    // this unit's council, of kind approve_budget, passed, taken on or before the approval (today).
    // Its id is kept on the budget; its number and date are copied for the version's history.
    let decisionId: number | null = null;
    if (body?.councilDecisionId !== undefined) {
      const check = await ctx.ports.councilDecisions.checkDecision(trx, {
        decisionId: body.councilDecisionId,
        unitCode: before.unit_code,
        organKind: 'council',
        kind: APPROVE_BUDGET,
        onOrBefore: ctx.today(),
      });
      if (!check.ok) {
        const detail = check.decision
          ? `Decision ${check.decision.reference} of ${check.decision.unitCode} (${check.decision.organKind}, ${check.decision.kind}), ${check.decision.date}.`
          : undefined;
        throw fail(MISMATCH_CODES[check.reason], detail);
      }
      decisionId = check.decision.id;
      number = check.decision.reference;
      date = check.decision.date;
    }
    const decisionNumber = number ?? before.council_decision_number;
    const decisionDate = date ?? before.council_decision_date;
    if (decisionNumber === null || decisionDate === null) {
      throw fail('budgets.budget.council_decision_missing');
    }
    const lines = await selectLines(trx, budgetId, before.current_version);
    if (lines.length === 0) throw fail('budgets.budget.empty');
    const after = await updateBudget(trx, budgetId, {
      phase: 'approved',
      council_decision_number: decisionNumber,
      council_decision_date: decisionDate,
      council_decision_id: decisionId ?? before.council_decision_id,
      approved_at: ctx.clock.now(),
    });
    await setVersionDecision(trx, budgetId, after.current_version, {
      number: decisionNumber,
      date: decisionDate,
    });
    await ctx.audit.write(trx, actor, {
      action: 'budgets.budget.approve',
      entityType: 'budgets.budget',
      entityId: String(budgetId),
      unitCode: after.unit_code,
      before: auditedBudget(before),
      after: auditedBudget(after),
    });
    return budgetAnswer(trx, after);
  });
}
