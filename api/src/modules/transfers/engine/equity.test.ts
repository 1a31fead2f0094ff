import { describe, expect, it } from 'vitest';
import { equityOf, pearson } from './equity.ts';
import type { UnitInputs } from './inputs.ts';

/** An allocation of the given amounts to units of the given populations (codes 010101, 010102, …). */
function allocation(amounts: number[], populations: number[], poverty?: number[]) {
  const codes = amounts.map((_, i) => `0101${String(i + 1).padStart(2, '0')}`);
  const units: UnitInputs[] = codes.map((code, i) => ({
    code,
    values: {
      population: populations[i] as number,
      ...(poverty ? { poverty_rate: poverty[i] } : {}),
    },
  }));
  return { result: { units: codes.map((code, i) => ({ code, amount: amounts[i] as number })) }, units };
}

const figures = (amounts: number[], populations: number[], poverty?: number[]) => {
  const { result, units } = allocation(amounts, populations, poverty);
  return equityOf(result as never, units, {
    populationIndicator: 'population',
    povertyIndicator: 'poverty_rate',
  });
};

describe('equityOf', () => {
  it('finds no inequality when every person gets the same', () => {
    const equal = figures([1000, 3000, 6000], [10, 30, 60]);
    expect(equal).toMatchObject({
      gini: 0,
      theil: 0,
      coefficientOfVariation: 0,
      maxMinRatio: 1,
      meanPerPerson: 100,
    });
    expect(equal.lorenz).toEqual([
      [0, 0],
      [0.1, 0.1],
      [0.4, 0.4],
      [1, 1],
    ]);
  });

  it('gives the textbook figures for per-person amounts 1, 2, 3, 4, 5', () => {
    // Gini = Σ|xi − xj| / (2 n² μ) = 40 / 150; Theil = (1/15) Σ x ln(x/3);
    // CV = √(mean of (x − 3)²) / 3 = √2 / 3.
    const textbook = figures([1, 2, 3, 4, 5], [1, 1, 1, 1, 1]);
    expect(textbook.gini).toBeCloseTo(4 / 15, 12);
    expect(textbook.theil).toBeCloseTo(
      (1 * Math.log(1 / 3) + 2 * Math.log(2 / 3) + 4 * Math.log(4 / 3) + 5 * Math.log(5 / 3)) / 15,
      12,
    );
    expect(textbook.theil).toBeCloseTo(0.119688, 6);
    expect(textbook.coefficientOfVariation).toBeCloseTo(Math.SQRT2 / 3, 12);
    expect(textbook.maxMinRatio).toBe(5);
    expect(textbook.minPerPerson).toEqual({ code: '010101', perPerson: 1 });
    expect(textbook.maxPerPerson).toEqual({ code: '010105', perPerson: 5 });
  });

  it('reaches the discrete maximum when one unit of four gets everything', () => {
    const allToOne = figures([0, 0, 0, 100], [1, 1, 1, 1]);
    expect(allToOne.gini).toBeCloseTo(0.75, 12);
    expect(allToOne.theil).toBeCloseTo(Math.log(4), 12);
    expect(allToOne.maxMinRatio).toBeNull();
  });

  it('weights by population: two people at 1 and one at 3 is the same as three units 1, 1, 3', () => {
    const weighted = figures([2, 3], [2, 1]);
    const expanded = figures([1, 1, 3], [1, 1, 1]);
    expect(weighted.gini).toBeCloseTo(8 / 30, 12);
    expect(weighted.gini).toBeCloseTo(expanded.gini as number, 12);
    expect(weighted.theil).toBeCloseTo(expanded.theil as number, 12);
    expect(weighted.coefficientOfVariation).toBeCloseTo(expanded.coefficientOfVariation as number, 12);
  });

  it('correlates the per-person amount with poverty', () => {
    expect(figures([10, 20, 30], [1, 1, 1], [0.1, 0.2, 0.3]).povertyCorrelation).toBeCloseTo(1, 12);
    expect(figures([10, 20, 30], [1, 1, 1], [0.3, 0.2, 0.1]).povertyCorrelation).toBeCloseTo(-1, 12);
    expect(pearson([1, 2, 3], [5, 5, 5])).toBeNull();
    expect(pearson([1, 2, 3, 4], [2, 1, 4, 3])).toBeCloseTo(0.6, 12);
  });

  it('leaves out units without a population, and thins the Lorenz curve to 101 points', () => {
    const amounts = Array.from({ length: 500 }, (_, i) => (i + 1) * 10);
    const populations = amounts.map((_, i) => (i === 7 ? 0 : 100));
    const many = figures(amounts, populations);
    expect(many.withoutPopulation).toEqual(['010108']);
    expect(many.units).toHaveLength(499);
    expect(many.lorenz).toHaveLength(101);
    expect(many.lorenz[0]).toEqual([0, 0]);
    expect(many.lorenz[100]).toEqual([1, 1]);
    for (let i = 1; i < many.lorenz.length; i += 1) {
      const [x, y] = many.lorenz[i] as [number, number];
      const [px, py] = many.lorenz[i - 1] as [number, number];
      expect(x).toBeGreaterThan(px);
      expect(y).toBeGreaterThanOrEqual(py);
      expect(y).toBeLessThanOrEqual(x); // sorted ascending: the curve stays under the diagonal
    }
  });
});
