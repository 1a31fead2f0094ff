/**
 * The council's decision on a proposed budget (its number and date) and the approval that
 * follows it: a budget is approved only once the decision is recorded and it has lines.
 */
import type { Actor } from '../../platform/actor.ts';
import { APPROVE_BUDGET } from '../councils/index.ts';
import { auditedBudget, budgetAnswer } from './budgets.answers.ts';
import type { BudgetsContext } from './budgets.context.ts';
import { fail } from './budgets.errors.ts';
import { setVersionDecision, updateBudget } from './budgets.queries.ts';
import type { ApproveBody, Budget, CouncilDecisionBody } from './budgets.schemas.ts';
import { assertProposed, lockedBudget } from './budgets.service.ts';
import { selectLines } from './lines.queries.ts';

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
    // A decision recorded in the councils module: checked there, its number and date copied here.
    if (body?.councilDecisionId !== undefined) {
      const decision = await ctx.ports.councilDecisions.decisionOf(trx, body.councilDecisionId);
      if (decision === null) throw fail('budgets.council_decision.not_found');
      if (decision.unitCode !== before.unit_code || decision.organKind !== 'council') {
        throw fail(
          'budgets.council_decision.wrong_unit',
          `Decision ${decision.reference} of ${decision.unitCode}.`,
        );
      }
      if (decision.kind !== APPROVE_BUDGET) throw fail('budgets.council_decision.wrong_kind');
      if (
        !(await ctx.ports.councilDecisions.isPassedDecisionOf(
          trx,
          before.unit_code,
          decision.id,
          APPROVE_BUDGET,
        ))
      ) {
        throw fail('budgets.council_decision.not_passed', `Decision ${decision.reference}.`);
      }
      checkDecisionDate(ctx, decision.date);
      number = decision.reference;
      date = decision.date;
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
