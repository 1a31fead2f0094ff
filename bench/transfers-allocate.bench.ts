/**
 * Transfer allocations at national size, in process (no database): the supplementary commune
 * fund for the real commune list of the PRISM file (1,694 codes; 1,570 eligible once Phnom Penh
 * is out), with every explanation and the equity figures. Targets: one allocation < 100 ms; a
 * sweep of 100 scenarios (the equal share moved from 10 % to 50 %) < 5 s.
 *
 * Baseline, measured in the same run: a plain floating-point loop that shares the same pool by
 * the same weights over the same inputs, without exact arithmetic, floors, rounding or
 * explanations: what the computation costs at the least.
 *
 * Population and villages are not in the PRISM file: population is its ID Poor total
 * households × 4.5 where present, villages a deterministic 3 to 20, enough to exercise the
 * arithmetic (the figures are not a real allocation).
 */
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../api/src/config.ts';
import { allocate } from '../api/src/modules/transfers/engine/allocate.ts';
import { equityOf } from '../api/src/modules/transfers/engine/equity.ts';
import { parseFormulaText, type Formula } from '../api/src/modules/transfers/engine/formula.ts';
import { readInputsCsv, type UnitInputs } from '../api/src/modules/transfers/engine/inputs.ts';
import { compareScenarios } from '../api/src/modules/transfers/engine/scenario.ts';
import { median, result, type BenchResult } from './harness.ts';

const POVERTY_CSV = path.resolve(
  repoRoot,
  '../shared/data/poverty-disaster-prism/commune_indicators_joined.csv',
);
const FORMULA = path.join(
  repoRoot,
  'api/src/modules/transfers/engine/formulas/supplementary-commune-fund-2025.json',
);
const REPEATS = Number(process.env.BENCH_TRANSFERS_REPEATS ?? 30);
const SCENARIOS = 100;

function communes(): UnitInputs[] {
  const { rows } = readInputsCsv(fs.readFileSync(POVERTY_CSV, 'utf8'), {
    codeColumn: 'commune_code',
    columns: { households: 'Total_HHs', poor: 'Total_Poor_12_HHs' },
  });
  return rows.map((row, index) => ({
    code: row.code,
    values: {
      population: Math.round((row.values.households ?? 2_000 + (index % 700)) * 4.5),
      villages: 3 + ((index * 7) % 18),
      poverty_rate: (row.values.poor ?? 0) / (row.values.households ?? 1),
    },
  }));
}

/**
 * The formula with the equal share at `equal` percent and the rest split 3 : 3 : 1 as in the
 * original, in hundredths of a percent; the last component takes what rounding leaves.
 */
function withEqualShare(base: Formula, equal: number): Formula {
  const equalHundredths = Math.round(equal * 100);
  const population = Math.round(((10_000 - equalHundredths) * 3) / 7);
  const hundredths = [equalHundredths, population, population, 10_000 - equalHundredths - 2 * population];
  return {
    ...base,
    components: base.components.map((component, c) => ({
      ...component,
      sharePercent: (hundredths[c] as number) / 100,
    })),
  };
}

/** The baseline: the same shares in floating point, one pass, nothing else. */
function plainLoop(formula: Formula, units: UnitInputs[]): number[] {
  const eligible = units.filter((unit) => !unit.code.startsWith('12') && unit.code.length === 6);
  const pool = 280_000_000_000;
  const totals = new Map<string, number>();
  for (const component of formula.components)
    for (const criterion of component.criteria)
      if (criterion.kind === 'indicator')
        totals.set(
          criterion.indicator,
          eligible.reduce((sum, unit) => sum + (unit.values[criterion.indicator] ?? 0), 0),
        );
  return eligible.map((unit) => {
    let amount = 0;
    for (const component of formula.components)
      for (const criterion of component.criteria) {
        const part = (pool * component.sharePercent * criterion.weightPercent) / 10_000;
        amount +=
          criterion.kind === 'equal'
            ? part / eligible.length
            : (part * (unit.values[criterion.indicator] ?? 0)) / (totals.get(criterion.indicator) ?? 1);
      }
    return Math.round(amount / 1000) * 1000;
  });
}

function time(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

export async function run(): Promise<BenchResult[]> {
  const units = communes();
  const formula = parseFormulaText(fs.readFileSync(FORMULA, 'utf8'));
  const options = { populationIndicator: 'population', povertyIndicator: 'poverty_rate' };
  const full = () => {
    const allocation = allocate(formula, units);
    return equityOf(allocation, units, options);
  };
  // Warm-up (JIT), not counted; and a check that the figure is of a real allocation.
  for (let i = 0; i < 3; i += 1) {
    full();
    plainLoop(formula, units);
  }
  const check = allocate(formula, units);
  if (check.totals.allocated !== check.pool.amount)
    throw new Error('the allocation does not add up to the pool');
  console.log(
    `  ${units.length} communes read, ${check.units.length} allocated, ${check.excluded.length} excluded; ` +
      `${check.units.length * check.units[0]!.parts.length} explanation parts`,
  );

  const allocations: number[] = [];
  const baselines: number[] = [];
  for (let i = 0; i < REPEATS; i += 1) {
    allocations.push(time(full));
    baselines.push(time(() => plainLoop(formula, units)));
  }

  const scenarios = Array.from({ length: SCENARIOS }, (_, i) =>
    parseFormulaText(JSON.stringify(withEqualShare(formula, 10 + (40 * i) / (SCENARIOS - 1)))),
  );
  const sweep = time(() => {
    const baseline = allocate(formula, units);
    for (const scenario of scenarios) compareScenarios(baseline, allocate(scenario, units), units, options);
  });
  const sweepBaseline = time(() => {
    for (const scenario of scenarios) plainLoop(scenario, units);
  });

  const one = median(allocations);
  return [
    result({
      name: `allocation with explanations and equity, ${check.units.length} communes (median of ${REPEATS})`,
      unit: 'ms',
      figure: one,
      baselineName: 'plain floating-point loop, no explanations',
      baseline: median(baselines),
      target: { text: '< 100 ms', met: one < 100 },
    }),
    result({
      name: `sweep of ${SCENARIOS} scenarios compared with the baseline (gains, losses, equity)`,
      unit: 'ms',
      figure: sweep,
      baselineName: `plain loop × ${SCENARIOS}`,
      baseline: sweepBaseline,
      target: { text: '< 5000 ms', met: sweep < 5000 },
    }),
  ];
}
