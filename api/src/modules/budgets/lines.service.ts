/**
 * The lines of a proposed budget: adding, changing and removing them (not system lines, which a
 * published transfer writes). Each change locks the budget and runs with its audit record.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../platform/actor.ts';
import { auditedLine, toLine } from './budgets.answers.ts';
import type { BudgetsContext } from './budgets.context.ts';
import { fail } from './budgets.errors.ts';
import { selectClassifications, type BudgetsDb } from './budgets.queries.ts';
import type { Line, LineBody, UpdateLineBody } from './budgets.schemas.ts';
import { assertProposed, lockedBudget } from './budgets.service.ts';
import { asLineBody, assertUserLine, checkLine } from './line-rules.ts';
import { deleteLineRow, findLine, findLineUnit, insertLines, updateLineRow } from './lines.queries.ts';

/** Unit locator for the access check: the unit of the line a path names. */
export async function unitOfLine(db: BudgetsDb, id: number): Promise<string> {
  const unit = await findLineUnit(db, id);
  if (unit === undefined) throw fail('budgets.line.not_found');
  return unit;
}

export async function addLine(
  ctx: BudgetsContext,
  actor: Actor,
  input: { budgetId: number; body: LineBody },
): Promise<Line> {
  const classes = await selectClassifications(ctx.db);
  const checked = checkLine(classes, input.body);
  return ctx.inTransaction(async (trx) => {
    const budget = await lockedBudget(trx, input.budgetId);
    assertProposed(budget);
    const [line] = await insertLines(trx, [
      { ...checked, budget_id: budget.id, version: budget.current_version, line_key: randomUUID() },
    ]);
    await ctx.audit.write(trx, actor, {
      action: 'budgets.line.create',
      entityType: 'budgets.line',
      entityId: String(line!.id),
      unitCode: budget.unit_code,
      after: auditedLine(line!),
    });
    return toLine(line!, new Map());
  });
}

export async function updateLine(
  ctx: BudgetsContext,
  actor: Actor,
  input: { lineId: number; body: UpdateLineBody },
): Promise<Line> {
  const { lineId, body } = input;
  const classes = await selectClassifications(ctx.db);
  return ctx.inTransaction(async (trx) => {
    const found = await findLine(trx, lineId);
    if (!found) throw fail('budgets.line.not_found');
    const budget = await lockedBudget(trx, found.budget_id);
    const before = (await findLine(trx, lineId))!;
    assertProposed(budget);
    assertUserLine(before);
    // A change of class may change the direction: the merged line is checked as a whole.
    const merged = { ...asLineBody(before), direction: undefined, ...body };
    const checked = checkLine(classes, merged);
    const after = await updateLineRow(trx, lineId, checked);
    await ctx.audit.write(trx, actor, {
      action: 'budgets.line.update',
      entityType: 'budgets.line',
      entityId: String(lineId),
      unitCode: budget.unit_code,
      before: auditedLine(before),
      after: auditedLine(after),
    });
    return toLine(after, new Map());
  });
}

export async function deleteLine(
  ctx: BudgetsContext,
  actor: Actor,
  input: { lineId: number },
): Promise<void> {
  const { lineId } = input;
  await ctx.inTransaction(async (trx) => {
    const found = await findLine(trx, lineId);
    if (!found) throw fail('budgets.line.not_found');
    const budget = await lockedBudget(trx, found.budget_id);
    assertProposed(budget);
    assertUserLine(found);
    await deleteLineRow(trx, lineId);
    await ctx.audit.write(trx, actor, {
      action: 'budgets.line.delete',
      entityType: 'budgets.line',
      entityId: String(lineId),
      unitCode: budget.unit_code,
      before: auditedLine(found),
    });
  });
}
