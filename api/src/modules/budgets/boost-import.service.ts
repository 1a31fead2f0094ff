/**
 * The BOOST import, under the one import contract (platform/http/imports.ts): a dry run (the
 * default) reports every problem and the budgets the file would make, writing nothing; applying
 * creates one published budget per unit and year, in one transaction, and refuses a file that
 * has problems (422 budgets.import.has_problems) unless asked to apply the valid rows
 * (`applyValid`). The file is read and checked in boost-check.ts.
 *
 * Imported budgets carry the import as their origin and no council decision: they are the
 * record of budgets approved outside the platform. Executed amounts are yearly totals, recorded as
 * actuals of the whole year (quarter 0).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Actor } from '../../platform/actor.ts';
import { checkBoostCsv, type BoostRow } from './boost-check.ts';
import { portDb, type BudgetsContext } from './budgets.context.ts';
import { fail } from './budgets.errors.ts';
import { insertBudget, originalVersion, type BudgetsDb } from './budgets.queries.ts';
import type { BoostImportReport } from './budgets.schemas.ts';
import { insertLines, upsertActual } from './lines.queries.ts';

function groupByBudget(rows: readonly BoostRow[]) {
  const groups = new Map<string, BoostRow[]>();
  for (const row of rows) {
    const key = `${row.unitCode}|${row.fiscalYear}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].sort(
    (a, b) => a[0]!.fiscalYear - b[0]!.fiscalYear || a[0]!.unitCode.localeCompare(b[0]!.unitCode),
  );
}

const sumOf = (rows: readonly BoostRow[], amount: (row: BoostRow) => number) =>
  rows.reduce((sum, row) => sum + amount(row), 0);

export async function importBoostCsv(
  ctx: BudgetsContext,
  actor: Actor,
  input: { file: { name: string; data: Buffer }; dryRun: boolean; applyValid: boolean },
): Promise<BoostImportReport> {
  const { file, dryRun } = input;
  const checksum = createHash('sha256').update(file.data).digest('hex');
  const run = async (trx: BudgetsDb): Promise<BoostImportReport> => {
    const check = await checkBoostCsv(ctx.bind(trx), file.data.toString('utf8'));
    const groups = groupByBudget(check.valid);
    const budgets: BoostImportReport['budgets'] = groups.map((rows) => ({
      unitCode: rows[0]!.unitCode,
      fiscalYear: rows[0]!.fiscalYear,
      lines: rows.length,
      revenueApproved: sumOf(rows, (row) => (row.line.direction === 'revenue' ? row.line.amount : 0)),
      expenditureApproved: sumOf(rows, (row) => (row.line.direction === 'expenditure' ? row.line.amount : 0)),
      executed: sumOf(rows, (row) => row.executed ?? 0),
      budgetId: null,
    }));
    const report: BoostImportReport = {
      fileName: file.name,
      checksum,
      dryRun,
      applied: false,
      rowsRead: check.rows,
      rowsValid: check.valid.length,
      rowsApplied: 0,
      problems: check.problems,
      budgets,
    };
    if (dryRun) return report;
    if (check.problems.length > 0 && !input.applyValid) {
      throw fail('budgets.import.has_problems', `${check.problems.length} problem(s).`);
    }
    for (const [index, rows] of groups.entries()) {
      const first = rows[0]!;
      await ctx.ports.gazetteer.getUnit(portDb(trx), first.unitCode);
      const executed = rows.some((row) => row.executed !== null);
      const budget = await insertBudget(
        trx,
        {
          unit_code: first.unitCode,
          fiscal_year: first.fiscalYear,
          phase: executed ? 'executed' : 'approved',
          council_decision_number: null,
          council_decision_date: null,
          approved_at: ctx.clock.now(),
          origin: `import:${file.name}#${checksum.slice(0, 12)}`,
        },
        originalVersion(actor.userId),
      );
      const keys = rows.map(() => randomUUID());
      await insertLines(
        trx,
        rows.map((row, position) => ({
          ...row.line,
          budget_id: budget.id,
          version: 1,
          line_key: keys[position]!,
        })),
      );
      for (const [position, row] of rows.entries()) {
        if (row.executed === null) continue;
        await upsertActual(trx, {
          budget_id: budget.id,
          line_key: keys[position]!,
          quarter: 0,
          amount: row.executed,
        });
      }
      budgets[index]!.budgetId = budget.id;
      await ctx.audit.write(trx, actor, {
        action: 'budgets.budget.import',
        entityType: 'budgets.budget',
        entityId: String(budget.id),
        unitCode: budget.unit_code,
        after: { ...budgets[index], phase: budget.phase, origin: budget.origin },
      });
    }
    return { ...report, applied: groups.length > 0, rowsApplied: check.valid.length };
  };
  // The dry run reads only; applying writes everything or nothing.
  return dryRun ? run(ctx.db) : ctx.inTransaction(run);
}
