/**
 * From the database to the engine: the inputs of an allocation (the units a formula shares
 * among, from the gazetteer port, each with its figures of the year) and the computation with
 * its equity figures. Writes nothing; allocations and scenarios both use it.
 */
import { allocate, type AllocationResult } from './engine/allocate.ts';
import { equityOf, type EquityFigures } from './engine/equity.ts';
import type { Formula } from './engine/formula.ts';
import type { UnitInputs } from './engine/inputs.ts';
import { selectFiguresOf } from './figures.queries.ts';
import type { TransfersContext } from './transfers.context.ts';

/** The figure that turns amounts into amounts per person, and the one equity is checked against. */
export const POPULATION = 'population';
export const POVERTY = 'poverty_rate';
/** Counted from the tree when no figure is stored: the units of level 4 below a unit. */
export const VILLAGES = 'villages';
const VILLAGE_LEVEL = 4;

export const EQUITY_INDICATORS = { populationIndicator: POPULATION, povertyIndicator: POVERTY };

/** The indicators a formula shares by, plus those the equity figures need. */
function indicatorsOf(formula: Formula): string[] {
  const names = new Set<string>([POPULATION, POVERTY]);
  for (const component of formula.components)
    for (const criterion of component.criteria)
      if (criterion.kind === 'indicator') names.add(criterion.indicator);
  return [...names];
}

/**
 * The inputs of an allocation: the current units at the formula's levels (all units when it
 * names none), each with its figures of the year. A formula that shares by villages counts
 * them in the tree for units that have no stored figure.
 */
export async function gatherInputs(
  ctx: TransfersContext,
  formula: Formula,
  inputsYear: number,
): Promise<UnitInputs[]> {
  const gazetteer = ctx.ports.gazetteer;
  const units = await gazetteer.currentUnits(ctx.db, {
    levels: formula.eligibility.levels,
    types: formula.eligibility.types,
  });
  const values = await selectFiguresOf(ctx.db, inputsYear, indicatorsOf(formula));
  const byUnit = new Map<string, Record<string, number>>();
  for (const value of values) {
    const record = byUnit.get(value.unit_code) ?? {};
    record[value.indicator] = Number(value.value);
    byUnit.set(value.unit_code, record);
  }
  const villages = formula.components.some((component) =>
    component.criteria.some(
      (criterion) => criterion.kind === 'indicator' && criterion.indicator === VILLAGES,
    ),
  )
    ? await gazetteer.descendantCountsOfLevel(ctx.db, VILLAGE_LEVEL)
    : new Map<string, number>();
  return units.map((unit) => {
    const own = byUnit.get(unit.code) ?? {};
    const counted = villages.get(unit.code);
    return {
      code: unit.code,
      level: unit.level,
      type: unit.typeCode,
      values: own[VILLAGES] === undefined && counted !== undefined ? { ...own, [VILLAGES]: counted } : own,
    };
  });
}

export interface Computed {
  result: AllocationResult;
  equity: EquityFigures;
  inputs: UnitInputs[];
}

/** Computes an allocation and its equity figures from the database's figures, writing nothing. */
export async function compute(
  ctx: TransfersContext,
  formula: Formula,
  inputsYear: number,
): Promise<Computed> {
  const inputs = await gatherInputs(ctx, formula, inputsYear);
  const result = allocate(formula, inputs);
  const equity = equityOf(result, inputs, EQUITY_INDICATORS);
  return { result, equity, inputs };
}
