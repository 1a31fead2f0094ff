/**
 * Allocations: computed as drafts from a formula and the stored figures, approved by a second
 * person, published (each amount then becomes revenue of the unit's budget, through the
 * `budgets` port, in the same transaction). A published allocation never changes: a
 * correction is a new version, with its reason, that supersedes it when published in turn.
 * Each unit's amount with its explanation is in allocation-lines.service.ts.
 */
import type { Actor } from '../../platform/actor.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { PageResult } from '../../platform/http/paging.ts';
import {
  findAllocation,
  insertAllocation,
  insertAllocationLines,
  latestAllocationVersion,
  publishedAllocationId,
  selectAllocationPage,
  selectLineAmounts,
  updateAllocation,
  type AllocationRow,
} from './allocations.queries.ts';
import { compute } from './computation.service.ts';
import type { AllocationResult } from './engine/allocate.ts';
import type { EquityFigures } from './engine/equity.ts';
import { getFormula } from './formulas.service.ts';
import type { TransfersContext, TransfersDb } from './transfers.context.ts';
import { fail } from './transfers.errors.ts';
import type { AllocationStatus } from './transfers.tables.ts';

export interface AllocationSummary {
  inputsYear: number;
  pool: AllocationResult['pool'];
  components: AllocationResult['components'];
  totals: AllocationResult['totals'];
  excluded: AllocationResult['excluded'];
  legalReference: AllocationResult['legalReference'];
  roundingUnit: number;
  /** The equity figures without the per-unit list (the lines hold the amounts). */
  equity: Omit<EquityFigures, 'units'>;
}

function toAllocation(row: AllocationRow) {
  return {
    id: Number(row.id),
    formulaId: Number(row.formula_id),
    programCode: row.program_code,
    programNameKm: row.name_km,
    programNameEn: row.name_en,
    fiscalYear: row.fiscal_year,
    version: row.version,
    status: row.status,
    pool: Number(row.pool),
    summary: row.summary as AllocationSummary,
    correctionOf: row.correction_of === null ? null : Number(row.correction_of),
    correctionReason: row.correction_reason,
    createdBy: row.created_by,
    createdAt: row.created_at,
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
    publishedBy: row.published_by,
    publishedAt: row.published_at,
  };
}
export type Allocation = ReturnType<typeof toAllocation>;

async function loadAllocation(db: TransfersDb, id: number): Promise<Allocation> {
  const row = await findAllocation(db, id);
  if (!row) throw fail('transfers.allocation.not_found');
  return toAllocation(row);
}

export function getAllocation(ctx: TransfersContext, id: number): Promise<Allocation> {
  return loadAllocation(ctx.db, id);
}

/** Drafts and approved allocations are seen only by national staff who compute or approve them. */
export function seesUnpublished(viewer: Principal | null): boolean {
  if (!viewer || viewer.mustChangePassword) return false;
  return viewer.assignments.some(
    (assignment) =>
      assignment.unitCode === null &&
      (assignment.permissions.has('transfers.allocation.compute') ||
        assignment.permissions.has('transfers.allocation.approve')),
  );
}

/** An allocation as `viewer` may see it: an unpublished one does not exist for the public (404). */
export async function getVisibleAllocation(
  ctx: TransfersContext,
  input: { id: number; viewer: Principal | null },
): Promise<Allocation> {
  const allocation = await loadAllocation(ctx.db, input.id);
  const isPublic = allocation.status === 'published' || allocation.status === 'superseded';
  if (!isPublic && !seesUnpublished(input.viewer)) throw fail('transfers.allocation.not_found');
  return allocation;
}

/** Allocations, newest first: published ones only unless the viewer sees unpublished ones. */
export async function listAllocations(
  ctx: TransfersContext,
  query: {
    programCode?: string | undefined;
    fiscalYear?: number | undefined;
    status?: AllocationStatus | undefined;
    viewer: Principal | null;
    page: number;
    pageSize: number;
  },
): Promise<PageResult<Allocation>> {
  const status = seesUnpublished(query.viewer) ? query.status : 'published';
  const page = await selectAllocationPage(ctx.db, { ...query, status }, query);
  return { ...page, items: page.items.map(toAllocation) };
}

/** Computes a draft allocation of a formula and stores it with every unit's explanation. */
export async function createAllocation(
  ctx: TransfersContext,
  actor: Actor,
  input: { formulaId: number; inputsYear?: number; correctionOf?: number; correctionReason?: string },
): Promise<Allocation> {
  const { formula } = await getFormula(ctx, input.formulaId);
  const inputsYear = input.inputsYear ?? formula.fiscalYear;
  const { result, equity } = await compute(ctx, formula, inputsYear);
  const { units: _perUnit, ...equityTotals } = equity;
  const summary: AllocationSummary = {
    inputsYear,
    pool: result.pool,
    components: result.components,
    totals: result.totals,
    excluded: result.excluded,
    legalReference: result.legalReference,
    roundingUnit: result.roundingUnit,
    equity: equityTotals,
  };
  return ctx.inTransaction(async (trx) => {
    if (
      input.correctionOf === undefined &&
      (await publishedAllocationId(trx, formula.program.code, formula.fiscalYear)) !== undefined
    )
      throw fail(
        'transfers.year.published',
        'This program’s allocation for that year is published: prepare a correction of it instead.',
      );
    const version = (await latestAllocationVersion(trx, formula.program.code, formula.fiscalYear)) + 1;
    const row = await insertAllocation(trx, {
      formula_id: input.formulaId,
      program_code: formula.program.code,
      fiscal_year: formula.fiscalYear,
      version,
      status: 'draft',
      pool: result.pool.amount,
      summary: JSON.stringify(summary),
      correction_of: input.correctionOf ?? null,
      correction_reason: input.correctionReason ?? null,
      created_by: actor.audit.actorLogin,
    });
    await insertAllocationLines(
      trx,
      result.units.map((unit) => ({
        allocation_id: Number(row.id),
        unit_code: unit.code,
        amount: unit.amount,
        parts: JSON.stringify({
          formulaAmount: unit.formulaAmount,
          limit: unit.limit,
          amountBeforeRounding: unit.amountBeforeRounding,
          roundingAdjustment: unit.roundingAdjustment,
          parts: unit.parts,
        }),
      })),
    );
    await ctx.audit.write(trx, actor, {
      action:
        input.correctionOf === undefined ? 'transfers.allocation.compute' : 'transfers.allocation.correct',
      entityType: 'transfers.allocation',
      entityId: String(row.id),
      unitCode: null,
      after: {
        formulaId: input.formulaId,
        programCode: formula.program.code,
        fiscalYear: formula.fiscalYear,
        version: row.version,
        inputsYear,
        pool: result.pool.amount,
        units: result.units.length,
        correctionOf: input.correctionOf ?? null,
        correctionReason: input.correctionReason ?? null,
      },
    });
    return loadAllocation(trx, Number(row.id));
  });
}

async function loadForDecision(db: TransfersDb, id: number, expected: AllocationStatus) {
  const allocation = await loadAllocation(db, id);
  if (allocation.status !== expected)
    throw fail(
      'transfers.allocation.bad_status',
      `The allocation is ${allocation.status}; this step needs it ${expected}.`,
    );
  return allocation;
}

/**
 * Approval by a national officer other than the one who computed it: four eyes on every
 * amount that leaves the treasury.
 */
export async function approveAllocation(ctx: TransfersContext, actor: Actor, id: number) {
  return ctx.inTransaction(async (trx) => {
    const allocation = await loadForDecision(trx, id, 'draft');
    if (allocation.createdBy !== null && allocation.createdBy === actor.audit.actorLogin)
      throw fail('transfers.allocation.same_person');
    await updateAllocation(trx, id, {
      status: 'approved',
      approved_by: actor.audit.actorLogin,
      approved_at: new Date(),
    });
    await ctx.audit.write(trx, actor, {
      action: 'transfers.allocation.approve',
      entityType: 'transfers.allocation',
      entityId: String(id),
      unitCode: null,
      before: { status: 'draft' },
      after: { status: 'approved' },
    });
    return loadAllocation(trx, id);
  });
}

/**
 * Publishes an approved allocation: the one it corrects (if any) becomes superseded, and every
 * unit's amount becomes a revenue line of its budget for the year.
 */
export async function publishAllocation(ctx: TransfersContext, actor: Actor, id: number) {
  return ctx.inTransaction(async (trx) => {
    const allocation = await loadForDecision(trx, id, 'approved');
    const previous = await publishedAllocationId(trx, allocation.programCode, allocation.fiscalYear);
    if (previous !== undefined && previous !== allocation.correctionOf)
      throw fail(
        'transfers.year.published',
        'Another allocation of this program and year is published: only a correction of it can replace it.',
      );
    if (previous !== undefined) await updateAllocation(trx, previous, { status: 'superseded' });
    await updateAllocation(trx, id, {
      status: 'published',
      published_by: actor.audit.actorLogin,
      published_at: new Date(),
    });
    const lines = await selectLineAmounts(trx, id);
    // Every receiving unit's revenue line in a few statements (the budgets port's batch form).
    await ctx.ports.budgets.recordTransferRevenues(
      trx,
      lines.map((line) => ({
        unitCode: line.unit_code,
        fiscalYear: allocation.fiscalYear,
        programCode: allocation.programCode,
        programNameKm: allocation.programNameKm,
        programNameEn: allocation.programNameEn,
        amount: Number(line.amount),
        allocationVersion: allocation.version,
        source: `transfers.allocation:${id}`,
        actor: actor.audit,
      })),
    );
    await ctx.audit.write(trx, actor, {
      action: 'transfers.allocation.publish',
      entityType: 'transfers.allocation',
      entityId: String(id),
      unitCode: null,
      before: { status: 'approved' },
      after: { status: 'published', superseded: previous ?? null, units: lines.length },
    });
    return loadAllocation(trx, id);
  });
}

/** A correction of a published allocation: a new draft, computed from a (possibly new) formula. */
export async function correctAllocation(
  ctx: TransfersContext,
  actor: Actor,
  input: { id: number; reason: string; formulaId?: number | undefined; inputsYear?: number | undefined },
): Promise<Allocation> {
  const original = await loadAllocation(ctx.db, input.id);
  if (original.status !== 'published')
    throw fail('transfers.allocation.bad_status', 'Only a published allocation is corrected.');
  const formulaId = input.formulaId ?? original.formulaId;
  const { formula } = await getFormula(ctx, formulaId);
  if (formula.program.code !== original.programCode || formula.fiscalYear !== original.fiscalYear)
    throw fail('transfers.allocation.formula_mismatch');
  return createAllocation(ctx, actor, {
    formulaId,
    inputsYear: input.inputsYear ?? original.summary.inputsYear,
    correctionOf: input.id,
    correctionReason: input.reason,
  });
}
