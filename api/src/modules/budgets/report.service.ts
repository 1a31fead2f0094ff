/**
 * Budget against actual, per unit and year, rolled up the tree: a province's figures include its
 * districts' and communes' budgets (the gazetteer's closure table answers "which units lie
 * below"). Only published budgets (approved or later) count.
 *
 * For every line: approved = its amount in version 1 (0 for a line added by an adjustment),
 * budget = its amount in the version in force (0 for a line an adjustment dropped),
 * actual = the sum of its actuals.
 */
import { fail } from './budgets.errors.ts';
import { actualsOf } from './budgets.answers.ts';
import { portDb, type BudgetsContext } from './budgets.context.ts';
import { selectClassifications, type BudgetsDb, type LineRow } from './budgets.queries.ts';
import type { Figures, Report } from './budgets.schemas.ts';
import { checkBudgetUnit } from './budgets.service.ts';
import { OWN_SOURCE } from './classifications.ts';
import { selectActuals } from './lines.queries.ts';
import { selectLinesOfBudgets, selectPublishedBudgets } from './report.queries.ts';

/** One line of a published budget with its three figures. */
export interface ReportLine {
  budgetId: number;
  unitCode: string;
  direction: 'revenue' | 'expenditure';
  economicCode: string;
  functionalCode: string | null;
  fundSourceCode: string;
  approved: number;
  budget: number;
  actual: number;
}

const emptyFigures = (): Figures => ({ approved: 0, budget: 0, actual: 0, executionRate: null });

function add(figures: Figures, line: ReportLine): void {
  figures.approved += line.approved;
  figures.budget += line.budget;
  figures.actual += line.actual;
}

const withRate = <T extends Figures>(figures: T): T => ({
  ...figures,
  executionRate:
    figures.budget === 0 ? null : Math.round((figures.actual / figures.budget) * 10_000) / 10_000,
});

/** Sums lines into figures by a key, in the keys' order. */
export function sumBy<K extends string>(lines: readonly ReportLine[], keyOf: (line: ReportLine) => K | null) {
  const groups = new Map<K, Figures>();
  for (const line of lines) {
    const key = keyOf(line);
    if (key === null) continue;
    const figures = groups.get(key) ?? emptyFigures();
    add(figures, line);
    groups.set(key, figures);
  }
  return new Map(
    [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, f]) => [key, withRate(f)]),
  );
}

/** The lines of published budgets with their approved, in-force and actual amounts. */
export async function reportLines(
  db: BudgetsDb,
  budgets: readonly { id: number; unit_code: string }[],
): Promise<ReportLine[]> {
  const ids = budgets.map((budget) => budget.id);
  const unitOf = new Map(budgets.map((budget) => [budget.id, budget.unit_code]));
  const [current, first, actualRows] = await Promise.all([
    selectLinesOfBudgets(db, ids, 'current'),
    selectLinesOfBudgets(db, ids, 'first'),
    selectActuals(db, ids),
  ]);
  const actuals = actualsOf(actualRows);
  const keyOf = (line: LineRow) => `${line.budget_id}:${line.line_key}`;
  const asApproved = new Map(first.map((line) => [keyOf(line), line]));
  const inForce = new Map(current.map((line) => [keyOf(line), line]));
  return [...new Set([...asApproved.keys(), ...inForce.keys()])].map((key) => {
    // The line as in force, or as approved when an adjustment dropped it.
    const line = (inForce.get(key) ?? asApproved.get(key))!;
    return {
      budgetId: line.budget_id,
      unitCode: unitOf.get(line.budget_id)!,
      direction: line.direction,
      economicCode: line.economic_code,
      functionalCode: line.functional_code,
      fundSourceCode: line.fund_source_code,
      approved: asApproved.get(key)?.amount ?? 0,
      budget: inForce.get(key)?.amount ?? 0,
      actual: actuals.get(key)?.total ?? 0,
    };
  });
}

/**
 * The report of a unit's published budgets of a year (with rollup, those of its subtree too).
 * The fees the unit collected itself come from the `ownSourceRevenue` port (the services module).
 */
export async function budgetReport(
  ctx: BudgetsContext,
  input: { unitCode: string; fiscalYear: number; rollup: boolean },
): Promise<Report> {
  const { db } = ctx;
  const { unitCode, fiscalYear } = input;
  const options = { rollup: input.rollup, ownSourceRevenue: [ctx.ports.ownSourceRevenue] };
  await checkBudgetUnit(ctx, unitCode);
  const budgets = await selectPublishedBudgets(
    db,
    fiscalYear,
    options.rollup
      ? { within: ctx.ports.gazetteer.subtreeCodesQuery(portDb(db), [unitCode]) }
      : { codes: [unitCode] },
  );
  if (budgets.length === 0) {
    throw fail('budgets.report.no_budget', {
      title: `No published budget for ${unitCode} in ${fiscalYear}${options.rollup ? ' or below' : ''}.`,
    });
  }
  const lines = await reportLines(db, budgets);
  const classes = await selectClassifications(db);
  const byDirection = sumBy(lines, (line) => line.direction);
  const ownSource = sumBy(lines, (line) =>
    line.direction === 'revenue' && classes.fundSources.get(line.fundSourceCode)?.kind === 'own_source'
      ? OWN_SOURCE
      : null,
  );
  const names = (row: { name_km: string; name_en: string } | undefined, code: string) => ({
    code,
    nameKm: row?.name_km ?? code,
    nameEn: row?.name_en ?? code,
  });

  let serviceFeesCollected: number | null = null;
  for (const source of options.ownSourceRevenue ?? []) {
    for (const budget of budgets) {
      serviceFeesCollected =
        (serviceFeesCollected ?? 0) + (await source.feesCollected(db, budget.unit_code, fiscalYear));
    }
  }

  return {
    unitCode,
    fiscalYear,
    rollup: options.rollup,
    budgetsCounted: budgets.length,
    revenue: byDirection.get('revenue') ?? withRate(emptyFigures()),
    expenditure: byDirection.get('expenditure') ?? withRate(emptyFigures()),
    ownSourceRevenue: ownSource.get(OWN_SOURCE) ?? withRate(emptyFigures()),
    serviceFeesCollected,
    byEconomic: [...sumBy(lines, (line) => line.economicCode)].map(([code, figures]) => ({
      ...names(classes.economic.get(code), code),
      direction: classes.economic.get(code)?.direction ?? 'unknown',
      ...figures,
    })),
    byFunctional: [...sumBy(lines, (line) => line.functionalCode)].map(([code, figures]) => ({
      ...names(classes.functional.get(code), code),
      ...figures,
    })),
    byFundSource: [...sumBy(lines, (line) => `${line.direction}|${line.fundSourceCode}`)].map(
      ([key, figures]) => {
        const [direction, code] = key.split('|') as [string, string];
        const source = classes.fundSources.get(code);
        return { ...names(source, code), direction, kind: source?.kind ?? 'other', ...figures };
      },
    ),
    byUnit: budgets.map((budget) => {
      const own = lines.filter((line) => line.budgetId === budget.id);
      const sums = sumBy(own, (line) => line.direction);
      return {
        unitCode: budget.unit_code,
        phase: budget.phase,
        revenue: sums.get('revenue') ?? withRate(emptyFigures()),
        expenditure: sums.get('expenditure') ?? withRate(emptyFigures()),
      };
    }),
  };
}
