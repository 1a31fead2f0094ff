/** Scenarios: a formula changed by hand (weights, pool) against a stored one, on the same figures. Writes nothing. */
import { compute, EQUITY_INDICATORS } from './computation.service.ts';
import { allocate } from './engine/allocate.ts';
import { parseFormula } from './engine/formula.ts';
import { compareScenarios, type ScenarioComparison } from './engine/scenario.ts';
import { getFormula } from './formulas.service.ts';
import type { TransfersContext } from './transfers.context.ts';

export async function runScenario(
  ctx: TransfersContext,
  input: { baselineFormulaId: number; scenario: unknown; inputsYear?: number | undefined },
): Promise<ScenarioComparison> {
  const { formula: baseline } = await getFormula(ctx, input.baselineFormulaId);
  const scenario = parseFormula(input.scenario);
  const inputsYear = input.inputsYear ?? baseline.fiscalYear;
  const before = await compute(ctx, baseline, inputsYear);
  const after = allocate(scenario, before.inputs);
  return compareScenarios(before.result, after, before.inputs, EQUITY_INDICATORS);
}
