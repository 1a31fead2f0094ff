/**
 * Quarterly actuals of the lines of an approved budget: recording them makes the budget
 * executed. Only lines of the version in force take actuals.
 */
import type { Actor } from '../../platform/actor.ts';
import { actualsOf, NO_ACTUALS, toLine } from './budgets.answers.ts';
import type { BudgetsContext } from './budgets.context.ts';
import { fail } from './budgets.errors.ts';
import { updateBudget } from './budgets.queries.ts';
import type { ActualsBody, Line } from './budgets.schemas.ts';
import { lockedBudget } from './budgets.service.ts';
import { checkAmount } from './line-rules.ts';
import { findLine, selectActuals, upsertActual } from './lines.queries.ts';

export async function recordActuals(
  ctx: BudgetsContext,
  actor: Actor,
  input: { lineId: number; body: ActualsBody },
): Promise<Line> {
  const { lineId, body } = input;
  const quarters = ([1, 2, 3, 4] as const).flatMap((quarter) => {
    const amount = body[`q${quarter}`];
    return amount === undefined ? [] : [{ quarter, amount: checkAmount(amount, 'budgets.actual') }];
  });
  if (quarters.length === 0) throw fail('budgets.actual.empty');
  return ctx.inTransaction(async (trx) => {
    const found = await findLine(trx, lineId);
    if (!found) throw fail('budgets.line.not_found');
    const before = await lockedBudget(trx, found.budget_id);
    if (before.phase === 'proposed') {
      throw fail('budgets.budget.not_approved', {
        title: 'Actuals are recorded against an approved budget.',
      });
    }
    if (found.version !== before.current_version) throw fail('budgets.line.not_current');
    const previous =
      actualsOf(await selectActuals(trx, [before.id])).get(`${before.id}:${found.line_key}`) ?? NO_ACTUALS;
    for (const { quarter, amount } of quarters) {
      await upsertActual(trx, { budget_id: before.id, line_key: found.line_key, quarter, amount });
    }
    const after =
      before.phase === 'executed' ? before : await updateBudget(trx, before.id, { phase: 'executed' });
    const actuals = actualsOf(await selectActuals(trx, [before.id]));
    await ctx.audit.write(trx, actor, {
      action: 'budgets.actual.record',
      entityType: 'budgets.line',
      entityId: String(lineId),
      unitCode: after.unit_code,
      before: { phase: before.phase, actuals: previous },
      after: { phase: after.phase, actuals: actuals.get(`${before.id}:${found.line_key}`) },
    });
    return toLine(found, actuals);
  });
}
