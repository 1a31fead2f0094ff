/**
 * Published transfers appear as revenue of the receiving unit by themselves: the transfers
 * module calls recordTransferRevenues inside the transaction that publishes an allocation, with
 * every receiving unit at once (recordTransferRevenue is the same for one unit). The line it writes is system-owned (users cannot change or drop it), its
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
import { portDb, type BudgetsContext } from './budgets.context.ts';
import { fail } from './budgets.errors.ts';
import type { AuditChange } from '../../platform/context.ts';
import {
  findBudgetsOf,
  findFundSource,
  insertBudgets,
  openedBudget,
  originalVersion,
  upsertFundSource,
  type BudgetRow,
  type LineRow,
  type NewLine,
} from './budgets.queries.ts';
import { checkBudgetUnit, writeNewVersion } from './budgets.service.ts';
import { TRANSFERS_RECEIVED } from './classifications.ts';
import { checkAmount, copiedLine } from './line-rules.ts';
import { insertLines, selectCurrentLinesOf, selectLines, updateLineRows } from './lines.queries.ts';

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
  const [result] = await recordTransferRevenues(ctx, [{ input, actor }]);
  return result!;
}

interface Checked {
  input: TransferRevenue;
  actor: Actor;
  amount: number;
  programCode: string;
}

/** The line a transfer writes, whatever the budget's phase. */
const lineValues = (item: Checked, budget: BudgetRow) => ({
  line_key: transferLineKey(item.programCode),
  direction: 'revenue' as const,
  economic_code: TRANSFERS_RECEIVED,
  functional_code: null,
  fund_source_code: item.programCode,
  program_code: item.programCode,
  description_km: item.input.programNameKm,
  description_en: item.input.programNameEn,
  amount: item.amount,
  system_origin: 'transfer' as const,
  transfer_allocation_version: item.input.allocationVersion,
  transfer_source: item.input.source,
  is_example: budget.is_example,
});

/**
 * Many transfers at once (a published allocation: one per receiving unit), each with the same
 * rules and the same audit record per budget as `recordTransferRevenue`, in a few statements:
 * the units checked with one read, the budgets read and locked with one, the missing ones opened
 * with one insert, the current lines read with one, new lines inserted and replaced ones updated
 * in batches, and the audit records appended under one take of the chain's lock. A budget past
 * its proposal gets its own new version, as one at a time. Results come in the order given.
 */
export async function recordTransferRevenues(
  ctx: BudgetsContext,
  items: readonly { input: TransferRevenue; actor: Actor }[],
): Promise<TransferRevenueResult[]> {
  const { db } = ctx;
  if (items.length === 0) return [];
  const checked: Checked[] = items.map(({ input, actor }) => {
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
    return { input, actor, amount, programCode };
  });
  // The same budget twice in one batch: one after the other, each seeing the one before.
  const keys = new Set(checked.map((item) => `${item.input.unitCode}/${item.input.fiscalYear}`));
  if (keys.size < checked.length && checked.length > 1) {
    const results: TransferRevenueResult[] = [];
    for (const item of items) results.push(...(await recordTransferRevenues(ctx, [item])));
    return results;
  }

  // The units: today's administrations in one read; any other code (an abolished unit, a
  // village, an unknown code) is checked on its own, with the same answer as one at a time.
  const units = [...new Set(checked.map((item) => item.input.unitCode))];
  const administrations =
    units.length > 1
      ? new Set(
          (await ctx.ports.gazetteer.currentUnits(portDb(db), { levels: [1, 2, 3] })).map(
            (unit) => unit.code,
          ),
        )
      : new Set<string>();
  for (const code of units) if (!administrations.has(code)) await checkBudgetUnit(ctx, code);

  const programs = new Set<string>();
  for (const item of checked) {
    if (programs.has(item.programCode)) continue;
    programs.add(item.programCode);
    const existingSource = await findFundSource(db, item.programCode);
    if (existingSource && existingSource.kind !== 'transfer') {
      throw fail('budgets.transfer.fund_source_conflict', {
        title: `The fund source ${item.programCode} exists and is not a transfer program.`,
      });
    }
    await upsertFundSource(db, {
      code: item.programCode,
      kind: 'transfer',
      name_km: item.input.programNameKm,
      name_en: item.input.programNameEn,
      source: item.input.source,
    });
  }

  // Budgets: read and locked per fiscal year, the missing ones opened together.
  const budgets = new Map<string, BudgetRow>();
  const created = new Set<number>();
  const keyOf = (unitCode: string, fiscalYear: number) => `${unitCode}/${fiscalYear}`;
  for (const fiscalYear of new Set(checked.map((item) => item.input.fiscalYear))) {
    const ofYear = checked.filter((item) => item.input.fiscalYear === fiscalYear);
    for (const budget of await findBudgetsOf(
      db,
      ofYear.map((item) => item.input.unitCode),
      fiscalYear,
      { lock: true },
    ))
      budgets.set(keyOf(budget.unit_code, budget.fiscal_year), budget);
    const missing = ofYear.filter((item) => !budgets.has(keyOf(item.input.unitCode, fiscalYear)));
    // Budgets opened by different publishers record each its own creator.
    for (const createdBy of new Set(missing.map((item) => item.actor.userId))) {
      const opened = await insertBudgets(
        db,
        missing
          .filter((item) => item.actor.userId === createdBy)
          .map((item) => openedBudget(item.input.unitCode, fiscalYear)),
        originalVersion(createdBy),
      );
      for (const budget of opened) {
        budgets.set(keyOf(budget.unit_code, budget.fiscal_year), budget);
        created.add(budget.id);
      }
    }
  }

  const linesOf = new Map<number, LineRow[]>();
  for (const line of await selectCurrentLinesOf(
    db,
    [...budgets.values()].map((budget) => budget.id),
  ))
    linesOf.set(line.budget_id, [...(linesOf.get(line.budget_id) ?? []), line]);

  const results: (TransferRevenueResult | undefined)[] = [];
  const toInsert: { index: number; line: NewLine }[] = [];
  const toUpdate: { index: number; id: number; values: ReturnType<typeof lineValues> }[] = [];
  const audits: { actor: Actor; change: AuditChange }[] = [];
  for (const [index, item] of checked.entries()) {
    const budget = budgets.get(keyOf(item.input.unitCode, item.input.fiscalYear))!;
    const key = transferLineKey(item.programCode);
    const lines = linesOf.get(budget.id) ?? [];
    const existing = lines.find((line) => line.line_key === key);
    if (
      existing &&
      existing.amount === item.amount &&
      existing.transfer_allocation_version === item.input.allocationVersion
    ) {
      results[index] = {
        budgetId: budget.id,
        lineId: existing.id,
        version: budget.current_version,
        changed: false,
      };
      continue;
    }
    const values = lineValues(item, budget);
    let after = budget;
    if (budget.phase === 'proposed') {
      if (existing) toUpdate.push({ index, id: existing.id, values });
      else
        toInsert.push({ index, line: { ...values, budget_id: budget.id, version: budget.current_version } });
    } else {
      after = await writeNewVersion(
        db,
        budget,
        {
          kind: 'transfer',
          reason: `${item.input.programNameEn} (${item.programCode}): allocation version ${item.input.allocationVersion} published`,
          councilDecisionNumber: null,
          councilDecisionDate: null,
          createdBy: item.actor.userId,
        },
        [...lines.filter((line) => line.line_key !== key).map(copiedLine), values],
      );
      const line = (await selectLines(db, budget.id, after.current_version)).find(
        (candidate) => candidate.line_key === key,
      )!;
      results[index] = {
        budgetId: budget.id,
        lineId: line.id,
        version: after.current_version,
        changed: true,
      };
    }
    audits.push({
      actor: item.actor,
      change: {
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
          createdBudget: created.has(budget.id),
          phase: after.phase,
          version: after.current_version,
          programCode: item.programCode,
          amount: item.amount,
          allocationVersion: item.input.allocationVersion,
          source: item.input.source,
        },
      },
    });
  }

  for (let start = 0; start < toInsert.length; start += 500) {
    const batch = toInsert.slice(start, start + 500);
    const inserted = await insertLines(
      db,
      batch.map((entry) => entry.line),
    );
    batch.forEach((entry, position) => {
      const line = inserted[position]!;
      results[entry.index] = {
        budgetId: line.budget_id,
        lineId: line.id,
        version: line.version,
        changed: true,
      };
    });
  }
  const updated = new Map((await updateLineRows(db, toUpdate)).map((line) => [line.id, line] as const));
  for (const entry of toUpdate) {
    const line = updated.get(entry.id)!;
    results[entry.index] = {
      budgetId: line.budget_id,
      lineId: line.id,
      version: line.version,
      changed: true,
    };
  }

  // One record per budget, as one at a time; consecutive records of one publisher are written
  // together (and in chunks, so that no statement nears PostgreSQL's limit of parameters).
  const publisher = (actor: Actor) => JSON.stringify(actor.audit);
  for (let start = 0; start < audits.length;) {
    let end = start + 1;
    while (
      end < audits.length &&
      end - start < 1000 &&
      publisher(audits[end]!.actor) === publisher(audits[start]!.actor)
    )
      end += 1;
    await ctx.audit.writeMany(
      db,
      audits[start]!.actor,
      audits.slice(start, end).map((entry) => entry.change),
    );
    start = end;
  }
  return results.map((result) => result!);
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

/** The port's batched form: many transfers in the caller's transaction, in a few statements. */
export const transferRevenuesPort =
  (ctx: BudgetsContext) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the caller's transaction over the whole schema
  (trx: Kysely<any>, inputs: readonly TransferRevenue[]): Promise<TransferRevenueResult[]> =>
    recordTransferRevenues(
      ctx.bind(trx),
      inputs.map((input) => ({ input, actor: transferActor(input) })),
    );
