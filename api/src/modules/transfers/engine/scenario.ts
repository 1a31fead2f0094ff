/**
 * A scenario against a baseline: the same units under two allocations (another formula, other
 * weights, another pool). Per unit, the gain or loss and the change per person; how many gain,
 * lose or stay; and the equity figures before and after. A unit eligible in only one of the two
 * counts as 0 in the other, and is marked so.
 */
import type { AllocationResult } from './allocate.ts';
import { equityOf, type EquityFigures, type EquityOptions } from './equity.ts';
import type { UnitInputs } from './inputs.ts';

export interface UnitChange {
  code: string;
  baseline: number;
  scenario: number;
  /** scenario − baseline, riel. */
  change: number;
  /** change / baseline × 100; null when the baseline is 0. */
  changePercent: number | null;
  /** change / population; null without a population. */
  changePerPerson: number | null;
  /** Eligible in one allocation only. */
  onlyIn: 'baseline' | 'scenario' | null;
}

export interface ScenarioComparison {
  units: UnitChange[];
  gainers: number;
  losers: number;
  unchanged: number;
  totalBaseline: number;
  totalScenario: number;
  /** The largest gain and loss, riel (0 when nobody gains or loses). */
  largestGain: UnitChange | null;
  largestLoss: UnitChange | null;
  equityBefore: EquityFigures;
  equityAfter: EquityFigures;
}

export function compareScenarios(
  baseline: AllocationResult,
  scenario: AllocationResult,
  units: readonly UnitInputs[],
  options: EquityOptions = { populationIndicator: 'population' },
): ScenarioComparison {
  const before = new Map(baseline.units.map((unit) => [unit.code, unit.amount]));
  const after = new Map(scenario.units.map((unit) => [unit.code, unit.amount]));
  const population = new Map(units.map((unit) => [unit.code, unit.values[options.populationIndicator]]));
  const codes = [...new Set([...before.keys(), ...after.keys()])].sort();
  const changes = codes.map((code): UnitChange => {
    const baselineAmount = before.get(code) ?? 0;
    const scenarioAmount = after.get(code) ?? 0;
    const change = scenarioAmount - baselineAmount;
    const people = population.get(code);
    return {
      code,
      baseline: baselineAmount,
      scenario: scenarioAmount,
      change,
      changePercent: baselineAmount > 0 ? (change / baselineAmount) * 100 : null,
      changePerPerson: people !== undefined && people > 0 ? change / people : null,
      onlyIn: !after.has(code) ? 'baseline' : !before.has(code) ? 'scenario' : null,
    };
  });
  let largestGain: UnitChange | null = null;
  let largestLoss: UnitChange | null = null;
  for (const item of changes) {
    if (item.change > 0 && (!largestGain || item.change > largestGain.change)) largestGain = item;
    if (item.change < 0 && (!largestLoss || item.change < largestLoss.change)) largestLoss = item;
  }
  return {
    units: changes,
    gainers: changes.filter((item) => item.change > 0).length,
    losers: changes.filter((item) => item.change < 0).length,
    unchanged: changes.filter((item) => item.change === 0).length,
    totalBaseline: baseline.units.reduce((sum, unit) => sum + unit.amount, 0),
    totalScenario: scenario.units.reduce((sum, unit) => sum + unit.amount, 0),
    largestGain,
    largestLoss,
    equityBefore: baselineEquity(baseline, units, options),
    equityAfter: equityOf(scenario, units, options),
  };
}

// A sweep compares many scenarios with one baseline: its equity figures are computed once per
// baseline, inputs and options (results are not changed after they are made).
const equityCache = new WeakMap<
  AllocationResult,
  WeakMap<readonly UnitInputs[], Map<string, EquityFigures>>
>();
function baselineEquity(
  baseline: AllocationResult,
  units: readonly UnitInputs[],
  options: EquityOptions,
): EquityFigures {
  const byUnits =
    equityCache.get(baseline) ?? new WeakMap<readonly UnitInputs[], Map<string, EquityFigures>>();
  equityCache.set(baseline, byUnits);
  const byOptions = byUnits.get(units) ?? new Map<string, EquityFigures>();
  byUnits.set(units, byOptions);
  const key = `${options.populationIndicator}\u0000${options.povertyIndicator ?? ''}`;
  const cached = byOptions.get(key);
  if (cached) return cached;
  const figures = equityOf(baseline, units, options);
  byOptions.set(key, figures);
  return figures;
}
