/**
 * Adjusting an approved budget: a new version of its lines, with the reason (and the council's
 * decision when there is one). Lines that replace one of the version in force keep its key, so
 * its actuals follow; system lines are carried over; a line with actuals cannot be dropped.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../platform/actor.ts';
import { auditedBudget, auditedLine, budgetAnswer } from './budgets.answers.ts';
import type { BudgetsContext } from './budgets.context.ts';
import { fail } from './budgets.errors.ts';
import { selectClassifications, type NewLine } from './budgets.queries.ts';
import type { AdjustmentBody, Budget } from './budgets.schemas.ts';
import { lockedBudget, writeNewVersion } from './budgets.service.ts';
import { checkDecisionDate } from './council-decisions.service.ts';
import { assertUserLine, checkLine, copiedLine } from './line-rules.ts';
import { selectActuals, selectLines } from './lines.queries.ts';

export async function adjustBudget(
  ctx: BudgetsContext,
  actor: Actor,
  input: { budgetId: number; body: AdjustmentBody },
): Promise<Budget> {
  const { budgetId, body } = input;
  const reason = body.reason.trim();
  if (reason === '') throw fail('budgets.adjustment.reason_missing');
  if ((body.councilDecisionNumber === undefined) !== (body.councilDecisionDate === undefined)) {
    throw fail('budgets.adjustment.partial_decision');
  }
  if (body.councilDecisionDate !== undefined) checkDecisionDate(ctx, body.councilDecisionDate);
  const classes = await selectClassifications(ctx.db);
  const checked = body.lines.map((line) => ({ lineId: line.lineId, ...checkLine(classes, line) }));
  return ctx.inTransaction(async (trx) => {
    const before = await lockedBudget(trx, budgetId);
    if (before.phase === 'proposed') {
      throw fail('budgets.budget.not_approved', {
        title: 'Only an approved budget is adjusted; change a proposed budget’s lines directly.',
      });
    }
    const current = await selectLines(trx, budgetId, before.current_version);
    const byId = new Map(current.map((line) => [line.id, line]));
    const kept = new Set<string>();
    const lines: Omit<NewLine, 'budget_id' | 'version'>[] = [];
    for (const line of checked) {
      const { lineId, ...values } = line;
      let lineKey: string = randomUUID();
      if (lineId !== undefined) {
        const replaced = byId.get(lineId);
        if (!replaced) {
          throw fail('budgets.adjustment.unknown_line', {
            title: `Line ${lineId} is not a line of the version in force.`,
          });
        }
        assertUserLine(replaced);
        if (kept.has(replaced.line_key)) {
          throw fail('budgets.adjustment.duplicate_line', { title: `Line ${lineId} is replaced twice.` });
        }
        lineKey = replaced.line_key;
      }
      kept.add(lineKey);
      lines.push({ ...values, line_key: lineKey });
    }
    // System lines (published transfers) are carried over as they are.
    for (const line of current) if (line.system_origin !== null) lines.push(copiedLine(line));
    // A line that has actuals cannot disappear: its execution would lose its budget.
    const executed = new Set((await selectActuals(trx, [budgetId])).map((row) => row.line_key));
    const dropped = current.find(
      (line) => line.system_origin === null && !kept.has(line.line_key) && executed.has(line.line_key),
    );
    if (dropped) throw fail('budgets.adjustment.drops_executed_line', `Line ${dropped.id} has actuals.`);
    const after = await writeNewVersion(
      trx,
      before,
      {
        kind: 'adjustment',
        reason,
        councilDecisionNumber: body.councilDecisionNumber?.trim() ?? null,
        councilDecisionDate: body.councilDecisionDate ?? null,
        createdBy: actor.userId,
      },
      lines,
    );
    await ctx.audit.write(trx, actor, {
      action: 'budgets.budget.adjust',
      entityType: 'budgets.budget',
      entityId: String(budgetId),
      unitCode: after.unit_code,
      before: { ...auditedBudget(before), lines: current.map(auditedLine) },
      after: { ...auditedBudget(after), reason, lines },
    });
    return budgetAnswer(trx, after);
  });
}
