/**
 * Equity of an allocation: how evenly the money reaches people. Every figure is per person: a
 * unit's amount divided by its population, each person counted once (so the indices are
 * population-weighted: a commune of 20,000 people weighs twice one of 10,000).
 *
 *   - Gini: 1 − Σ (X_i − X_{i−1})(Y_i + Y_{i−1}) over the Lorenz curve below (0 = everyone gets
 *     the same per person; towards 1 = a few get it all).
 *   - Theil T: Σ s_i ln(s_i / p_i), s = share of the money, p = share of the people (0 = equal).
 *   - Coefficient of variation: the population-weighted standard deviation of the per-person
 *     amounts over their mean.
 *   - Max/min ratio of the per-person amounts (null when a unit gets nothing).
 *   - Pearson correlation, across units (unweighted), of the per-person amount with a poverty
 *     rate, when the units have one: positive = poorer units get more per person.
 *   - Lorenz curve: units sorted by per-person amount, cumulative share of the people against
 *     cumulative share of the money, thinned to at most 101 points.
 *
 * Units with no population (0 or missing) cannot have a per-person amount: they are listed
 * apart and left out of every index. Floating point is fine here: these are statistics, not money.
 */
import type { AllocationResult } from './allocate.ts';
import type { UnitInputs } from './inputs.ts';

export interface EquityOptions {
  /** The indicator holding the population, e.g. `population`. */
  populationIndicator: string;
  /** The indicator holding a poverty rate (a share or a percent), for the correlation. */
  povertyIndicator?: string;
}

export interface PerPerson {
  code: string;
  amount: number;
  population: number;
  perPerson: number;
}

export interface EquityFigures {
  units: PerPerson[];
  /** Codes of allocated units without a population. */
  withoutPopulation: string[];
  totalAmount: number;
  totalPopulation: number;
  meanPerPerson: number | null;
  minPerPerson: { code: string; perPerson: number } | null;
  maxPerPerson: { code: string; perPerson: number } | null;
  gini: number | null;
  theil: number | null;
  coefficientOfVariation: number | null;
  maxMinRatio: number | null;
  /** null without a poverty indicator, or when either series is constant. */
  povertyCorrelation: number | null;
  /** [population share, amount share] pairs from [0, 0] to [1, 1]. */
  lorenz: [number, number][];
}

export const LORENZ_MAX_POINTS = 101;

export function equityOf(
  result: Pick<AllocationResult, 'units'>,
  units: readonly UnitInputs[],
  options: EquityOptions,
): EquityFigures {
  const inputsByCode = new Map(units.map((unit) => [unit.code, unit]));
  const rows: (PerPerson & { poverty: number | undefined })[] = [];
  const withoutPopulation: string[] = [];
  for (const allocated of result.units) {
    const values = inputsByCode.get(allocated.code)?.values;
    const population = values?.[options.populationIndicator];
    if (population === undefined || !(population > 0)) {
      withoutPopulation.push(allocated.code);
      continue;
    }
    rows.push({
      code: allocated.code,
      amount: allocated.amount,
      population,
      perPerson: allocated.amount / population,
      poverty: options.povertyIndicator ? values?.[options.povertyIndicator] : undefined,
    });
  }
  const totalAmount = rows.reduce((sum, row) => sum + row.amount, 0);
  const totalPopulation = rows.reduce((sum, row) => sum + row.population, 0);
  const perPersonUnits = rows.map(({ code, amount, population, perPerson }) => ({
    code,
    amount,
    population,
    perPerson,
  }));
  if (rows.length === 0 || totalAmount <= 0)
    return {
      units: perPersonUnits,
      withoutPopulation,
      totalAmount,
      totalPopulation,
      meanPerPerson: rows.length === 0 ? null : 0,
      minPerPerson: null,
      maxPerPerson: null,
      gini: null,
      theil: null,
      coefficientOfVariation: null,
      maxMinRatio: null,
      povertyCorrelation: null,
      lorenz: [
        [0, 0],
        [1, 1],
      ],
    };

  const mean = totalAmount / totalPopulation;
  // Ties in per-person amount are ordered by code so the curve is the same on every run.
  const sorted = [...rows].sort((a, b) => a.perPerson - b.perPerson || (a.code < b.code ? -1 : 1));
  const curve: [number, number][] = [[0, 0]];
  let people = 0;
  let money = 0;
  let gini = 1;
  let theil = 0;
  let variance = 0;
  for (const row of sorted) {
    const [lastX, lastY] = curve[curve.length - 1] as [number, number];
    people += row.population;
    money += row.amount;
    const x = people / totalPopulation;
    const y = money / totalAmount;
    gini -= (x - lastX) * (y + lastY);
    curve.push([x, y]);
    const moneyShare = row.amount / totalAmount;
    const peopleShare = row.population / totalPopulation;
    if (moneyShare > 0) theil += moneyShare * Math.log(moneyShare / peopleShare);
    variance += peopleShare * (row.perPerson - mean) ** 2;
  }
  curve[curve.length - 1] = [1, 1]; // no rounding drift at the end

  const first = sorted[0] as PerPerson;
  const last = sorted[sorted.length - 1] as PerPerson;
  const withPoverty = rows.filter((row) => row.poverty !== undefined && Number.isFinite(row.poverty));
  return {
    units: perPersonUnits,
    withoutPopulation,
    totalAmount,
    totalPopulation,
    meanPerPerson: mean,
    minPerPerson: { code: first.code, perPerson: first.perPerson },
    maxPerPerson: { code: last.code, perPerson: last.perPerson },
    gini: clean(gini),
    theil: clean(theil),
    coefficientOfVariation: clean(Math.sqrt(variance) / mean),
    maxMinRatio: first.perPerson > 0 ? last.perPerson / first.perPerson : null,
    povertyCorrelation:
      options.povertyIndicator && withPoverty.length >= 2
        ? pearson(
            withPoverty.map((row) => row.perPerson),
            withPoverty.map((row) => row.poverty as number),
          )
        : null,
    lorenz: thin(curve, LORENZ_MAX_POINTS),
  };
}

/** Pearson's r; null when either series does not vary. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  const meanX = xs.reduce((sum, x) => sum + x, 0) / n;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / n;
  let covariance = 0;
  let varianceX = 0;
  let varianceY = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = (xs[i] as number) - meanX;
    const dy = (ys[i] as number) - meanY;
    covariance += dx * dy;
    varianceX += dx * dx;
    varianceY += dy * dy;
  }
  if (varianceX === 0 || varianceY === 0) return null;
  return covariance / Math.sqrt(varianceX * varianceY);
}

/** At most `max` points, evenly spaced along the list, always keeping the first and the last. */
function thin(points: [number, number][], max: number): [number, number][] {
  if (points.length <= max) return points;
  const step = (points.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => points[Math.round(i * step)] as [number, number]);
}

/** Indices of perfectly equal allocations come out as 1e-17 and the like: call that 0. */
function clean(value: number): number {
  return Math.abs(value) < 1e-12 ? 0 : value;
}
