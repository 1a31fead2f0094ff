/**
 * Published transfers appear as revenue of the receiving unit by themselves: the transfers
 * module calls recordTransferRevenue inside the transaction that publishes an allocation, once
 * per receiving unit. The line it writes is system-owned (users cannot change or drop it), its
 * fund source is the transfer program and its economic class is "transfers received".
 *
 * - No budget yet for that unit and year: one is created, proposed, holding the line.
 * - A proposed budget: the program's line is created or replaced in place.
 * - An approved (or later) budget: approved lines never change, so a new version is written
 *   (kind 'transfer') with the program's line created or replaced and every other line carried
 *   over; the approved version stays readable.
 * - The same amount from the same allocation version again: nothing changes.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.ts';
import type { AuditActor } from '../../platform/audit/audit-context.ts';
import type { BudgetsContext } from './budgets.context.ts';
import { fail } from './budgets.errors.ts';
import {
  findBudgetOf,
  findFundSource,
  insertBudget,
  upsertFundSource,
  type LineRow,
} from './budgets.queries.ts';
import { checkBudgetUnit, writeNewVersion } from './budgets.service.ts';
import { TRANSFERS_RECEIVED } from './classifications.ts';
import { checkAmount, copiedLine } from './line-rules.ts';
import { insertLines, selectLines, updateLineRow } from './lines.queries.ts';

export interface TransferRevenue {
  /** The receiving administration (province, district or commune). */
  unitCode: string;
  fiscalYear: number;
  /** The transfer program's code: it becomes the line's fund source. */
  programCode: string;
  programNameKm: string;
  programNameEn: string;
  /** Whole riel, not negative. */
  amount: number;
  /** The version of the published allocation this amount comes from. */
  allocationVersion: number;
  /** Where the figure comes from, e.g. 'transfers allocation 12' or the sub-decree. */
  source: string;
  /** Who publishes (defaults to the system). */
  actor?: AuditActor;
}

export interface TransferRevenueResult {
  budgetId: number;
  lineId: number;
  version: number;
  changed: boolean;
}

/** Who publishes when the caller names no one. */
const TRANSFERS_AUDIT: AuditActor = {
  actorUserId: null,
  actorLogin: 'transfers',
  assignmentId: null,
  requestId: null,
  ip: null,
};

/** The actor of a transfer revenue: the publisher the caller names, or the transfers module. */
export function transferActor(input: Pick<TransferRevenue, 'actor'>): Actor {
  const audit = input.actor ?? TRANSFERS_AUDIT;
  return { audit, userId: audit.actorUserId, principal: null };
}

/** The stable key of a program's line in every version of a budget (so its actuals follow it). */
export const transferLineKey = (programCode: string) => `transfer:${programCode}`;

/**
 * Creates or replaces the system-owned revenue line of a published transfer. Run it with the
 * context bound to the caller's open transaction (the `budgets` port does): the line commits or
 * rolls back with the publication.
 */
export async function recordTransferRevenue(
  ctx: BudgetsContext,
  actor: Actor,
  input: TransferRevenue,
): Promise<TransferRevenueResult> {
  const { db } = ctx;
  const amount = checkAmount(input.amount, 'budgets.transfer');
  const programCode = input.programCode.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(programCode)) {
    throw fail('budgets.transfer.bad_program_code', {
      title: `Not a usable program code: ${input.programCode}.`,
    });
  }
  if (!Number.isInteger(input.fiscalYear) || input.fiscalYear < 2000 || input.fiscalYear > 2100) {
    throw fail('budgets.transfer.bad_year', { title: `Not a fiscal year: ${input.fiscalYear}.` });
  }
  await checkBudgetUnit(ctx, input.unitCode);
  const existingSource = await findFundSource(db, programCode);
  if (existingSource && existingSource.kind !== 'transfer') {
    throw fail('budgets.transfer.fund_source_conflict', {
      title: `The fund source ${programCode} exists and is not a transfer program.`,
    });
  }
  await upsertFundSource(db, {
    code: programCode,
    kind: 'transfer',
    name_km: input.programNameKm,
    name_en: input.programNameEn,
    source: input.source,
  });

  let budget = await findBudgetOf(db, input.unitCode, input.fiscalYear, { lock: true });
  let created = false;
  if (!budget) {
    budget = await insertBudget(
      db,
      {
        unit_code: input.unitCode,
        fiscal_year: input.fiscalYear,
        council_decision_number: null,
        council_decision_date: null,
        approved_at: null,
      },
      {
        kind: 'original',
        reason: null,
        council_decision_number: null,
        council_decision_date: null,
        created_by: actor.userId,
      },
    );
    created = true;
  }

  const key = transferLineKey(programCode);
  const lines = await selectLines(db, budget.id, budget.current_version);
  const existing = lines.find((line) => line.line_key === key);
  if (
    existing &&
    existing.amount === amount &&
    existing.transfer_allocation_version === input.allocationVersion
  ) {
    return { budgetId: budget.id, lineId: existing.id, version: budget.current_version, changed: false };
  }
  const values = {
    line_key: key,
    direction: 'revenue' as const,
    economic_code: TRANSFERS_RECEIVED,
    functional_code: null,
    fund_source_code: programCode,
    program_code: programCode,
    description_km: input.programNameKm,
    description_en: input.programNameEn,
    amount,
    system_origin: 'transfer' as const,
    transfer_allocation_version: input.allocationVersion,
    transfer_source: input.source,
    is_example: budget.is_example,
  };

  let line: LineRow;
  let after = budget;
  if (budget.phase === 'proposed') {
    line = existing
      ? await updateLineRow(db, existing.id, values)
      : (await insertLines(db, [{ ...values, budget_id: budget.id, version: budget.current_version }]))[0]!;
  } else {
    after = await writeNewVersion(
      db,
      budget,
      {
        kind: 'transfer',
        reason: `${input.programNameEn} (${programCode}): allocation version ${input.allocationVersion} published`,
        councilDecisionNumber: null,
        councilDecisionDate: null,
        createdBy: actor.userId,
      },
      [...lines.filter((item) => item.line_key !== key).map(copiedLine), values],
    );
    line = (await selectLines(db, budget.id, after.current_version)).find((item) => item.line_key === key)!;
  }

  await ctx.audit.write(db, actor, {
    action: 'budgets.transfer_revenue.record',
    entityType: 'budgets.budget',
    entityId: String(budget.id),
    unitCode: budget.unit_code,
    before: existing
      ? {
          version: budget.current_version,
          amount: existing.amount,
          allocationVersion: existing.transfer_allocation_version,
        }
      : null,
    after: {
      createdBudget: created,
      phase: after.phase,
      version: after.current_version,
      programCode,
      amount,
      allocationVersion: input.allocationVersion,
      source: input.source,
    },
  });
  return { budgetId: budget.id, lineId: line.id, version: after.current_version, changed: true };
}

/**
 * The `budgets` port's form: the caller's transaction and the transfer (its publisher in
 * `input.actor`), as the transfers module calls it.
 */
export const transferRevenuePort =
  (ctx: BudgetsContext) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the caller's transaction over the whole schema
  (trx: Kysely<any>, input: TransferRevenue): Promise<TransferRevenueResult> =>
    recordTransferRevenue(ctx.bind(trx), transferActor(input), input);
