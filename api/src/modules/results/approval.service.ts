/**
 * Approval of a data set's figures for a unit and a period, the rule written once here:
 *
 * - the unit (whoever may enter its figures) submits: open or returned → submitted;
 * - the level above approves or returns (with a reason): submitted → approved | returned.
 *   "Above" follows the tree: the caller holds results.data.approve at an ancestor of the unit
 *   other than the unit itself (a district for its communes, a province, or nationally);
 * - the level above locks approved figures: approved → locked;
 * - the level above un-approves approved figures, with a reason: approved → returned; locked
 *   figures are un-approved only nationally;
 * - values of an approved or locked cell are refused (results.value.locked).
 *
 * Each step is audited (results.approval.<step>). Approving adds the cell's values to the
 * pre-aggregation of approved figures, un-approving takes them away, in the same transaction.
 */
import type { Actor } from '../../platform/actor.ts';
import { portDb, type ResultsContext } from './results.context.ts';
import { fail } from './results.errors.ts';
import type { ApprovalQuery, ApprovalState, DecideBody, SubmitBody } from './results.schemas.ts';
import type { ApprovalStatus } from './results.tables.ts';
import { findDataSet, selectDataSetUnitTypes } from './framework.queries.ts';
import { parsePeriod, periodsHolding, type Period } from './periods.ts';
import { lockUnits } from './values.queries.ts';
import { moveApprovedValues, selectStatus, selectStatusForUpdate, upsertStatus } from './approval.queries.ts';

export type Scope = 'all' | string[];

/** Where the caller may enter figures and where they may approve them. */
export interface ApprovalPowers {
  enter: Scope;
  approve: Scope;
}

export type ApprovalStep = 'submit' | DecideBody['action'];

/** Which state each step starts from and leads to. */
const STEPS: Record<ApprovalStep, { from: readonly ApprovalStatus[]; to: ApprovalStatus }> = {
  submit: { from: ['open', 'returned'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted'], to: 'returned' },
  lock: { from: ['approved'], to: 'locked' },
  unapprove: { from: ['approved', 'locked'], to: 'returned' },
};
const NEEDS_COMMENT: readonly ApprovalStep[] = ['return', 'unapprove'];

/** The unit, or one of its ancestors, is in the scope. */
const covers = (scope: Scope, ancestors: readonly string[]) =>
  scope === 'all' || ancestors.some((code) => scope.includes(code));
/** A strict ancestor of the unit (not the unit itself) is in the scope: the level above. */
const isAbove = (scope: Scope, ancestors: readonly string[]) =>
  scope === 'all' || ancestors.slice(0, -1).some((code) => scope.includes(code));

interface Cell {
  dataSet: string;
  unit: string;
  period: Period;
  ancestors: string[];
}

/** The data set, period and unit checked as a batch of values checks them. */
async function resolveCell(
  ctx: ResultsContext,
  input: { dataSet: string; unit: string; period: string },
  /** Whether the unit must be of a type that reports the data set (a step), or may be any (a read). */
  assigned = true,
): Promise<Cell> {
  const dataSet = await findDataSet(ctx.db, input.dataSet);
  if (!dataSet) throw fail('results.data_set.not_found', `No data set ${input.dataSet}.`);
  const period = parsePeriod(input.period);
  if (!period) throw fail('results.value.bad_period', `Not a period: ${input.period}.`);
  if (period.type !== dataSet.period_type) {
    throw fail('results.value.wrong_period_type', `${dataSet.code} is ${dataSet.period_type}.`);
  }
  const unit = (await ctx.ports.gazetteer.unitsWithAncestors(portDb(ctx.db), [input.unit])).get(input.unit);
  if (!unit) throw fail('results.value.unit_unknown', `No unit ${input.unit}.`);
  const types = new Set(
    (await selectDataSetUnitTypes(ctx.db, [dataSet.code])).map((row) => row.unit_type_code),
  );
  if (assigned && !types.has(unit.typeCode)) {
    throw fail(
      'results.value.unit_not_assigned',
      `Units of type ${unit.typeCode} do not report ${dataSet.code}.`,
    );
  }
  return { dataSet: dataSet.code, unit: input.unit, period, ancestors: unit.ancestors };
}

/** Whether the caller may take a step from a state (the same rule the step itself applies). */
function mayTake(step: ApprovalStep, status: ApprovalStatus, powers: ApprovalPowers, ancestors: string[]) {
  if (!STEPS[step].from.includes(status)) return false;
  if (step === 'submit') return covers(powers.enter, ancestors);
  if (step === 'unapprove' && status === 'locked') return powers.approve === 'all';
  return isAbove(powers.approve, ancestors);
}

/** The state of a cell and what the caller may do with it. */
export async function approvalState(
  ctx: ResultsContext,
  powers: ApprovalPowers,
  query: ApprovalQuery,
): Promise<ApprovalState> {
  const cell = await resolveCell(ctx, query, false);
  const row = await selectStatus(ctx.db, {
    dataSet: cell.dataSet,
    unit: cell.unit,
    period: cell.period.code,
  });
  return stateOf(cell, row, powers);
}

function stateOf(
  cell: Cell,
  row: { status: ApprovalStatus; changed_at: Date; comment: string | null } | undefined,
  powers: ApprovalPowers,
): ApprovalState {
  const status = row?.status ?? 'open';
  const may = (step: ApprovalStep) => mayTake(step, status, powers, cell.ancestors);
  return {
    dataSet: cell.dataSet,
    unit: cell.unit,
    period: cell.period.code,
    status,
    changedAt: row ? new Date(row.changed_at).toISOString() : null,
    comment: row?.comment ?? null,
    may: {
      submit: may('submit'),
      approve: may('approve'),
      return: may('return'),
      lock: may('lock'),
      unapprove: may('unapprove'),
    },
  };
}

/** Takes one approval step; refused with a stable code when the caller or the state does not allow it. */
export async function takeApprovalStep(
  ctx: ResultsContext,
  actor: Actor,
  powers: ApprovalPowers,
  input: (SubmitBody & { action: 'submit' }) | DecideBody,
): Promise<ApprovalState> {
  const step = input.action;
  const cell = await resolveCell(ctx, input);
  // Who: the unit's own side submits, the level above decides.
  if (step === 'submit') {
    if (!covers(powers.enter, cell.ancestors)) {
      throw fail('results.value.outside_scope', `Unit ${cell.unit} is outside your area.`);
    }
  } else if (!isAbove(powers.approve, cell.ancestors)) {
    throw fail(
      'results.approval.not_above',
      covers(powers.approve, cell.ancestors)
        ? `Figures of ${cell.unit} are decided by the level above it.`
        : `Unit ${cell.unit} is outside your area.`,
    );
  }
  const comment = input.comment?.trim() || null;
  if (NEEDS_COMMENT.includes(step) && comment === null) {
    throw fail('results.approval.comment_required', `Say why (${step}).`);
  }
  const key = { dataSet: cell.dataSet, unit: cell.unit, period: cell.period.code };
  return ctx.inTransaction(async (trx) => {
    // The same lock as a batch of values for this unit: no value slips in while the state changes.
    await lockUnits(trx, [cell.unit]);
    const before = (await selectStatusForUpdate(trx, key))?.status ?? 'open';
    if (!STEPS[step].from.includes(before)) {
      throw fail('results.approval.bad_transition', `Cannot ${step} figures that are ${before}.`);
    }
    if (step === 'unapprove' && before === 'locked' && powers.approve !== 'all') {
      throw fail('results.approval.unlock_national', 'Locked figures are un-approved nationally.');
    }
    const to = STEPS[step].to;
    const row = await upsertStatus(trx, { ...key, status: to, changedBy: actor.userId, comment });
    const wasApproved = before === 'approved' || before === 'locked';
    const isApproved = to === 'approved' || to === 'locked';
    let values: number | undefined;
    if (wasApproved !== isApproved) {
      values = await moveApprovedValues(trx, {
        ...key,
        year: cell.period.year,
        ancestors: cell.ancestors,
        rollups: periodsHolding(cell.period),
        sign: isApproved ? 1 : -1,
      });
    }
    await ctx.audit.write(trx, actor, {
      action: `results.approval.${step}`,
      entityType: 'results.data_set_status',
      entityId: `${cell.dataSet}:${cell.unit}:${cell.period.code}`,
      unitCode: cell.unit,
      before: { status: before },
      after: { status: to, comment, ...(values === undefined ? {} : { values }) },
    });
    return stateOf(cell, row, powers);
  });
}
