import { describe, expect, it } from 'vitest';
import { allocate } from './allocate.ts';
import { parseFormula } from './formula.ts';
import { compareScenarios } from './scenario.ts';
import { SMALL_UNITS, smallFormula } from './test-formulas.ts';

describe('compareScenarios', () => {
  it('shows who gains and who loses when weight moves from the equal share to development', () => {
    const formula = smallFormula();
    const baseline = allocate(parseFormula(formula), SMALL_UNITS);
    // 20 % equally, 80 % by population and villages: the small commune loses, the large gains.
    const scenarioFormula = smallFormula();
    (scenarioFormula.components[0] as { sharePercent: number }).sharePercent = 20;
    (scenarioFormula.components[1] as { sharePercent: number }).sharePercent = 80;
    const scenario = allocate(parseFormula(scenarioFormula), SMALL_UNITS);
    const comparison = compareScenarios(baseline, scenario, SMALL_UNITS);

    // Scenario by hand: 66,666.67 each equally; 400,000 by population (1:3:6), 400,000 by villages
    // (2:3:5) → A 66,666.67 + 40,000 + 80,000 = 186,666.67; B 66,666.67 + 120,000 + 120,000 =
    // 306,666.67; C 66,666.67 + 240,000 + 200,000 = 506,666.67. In thousands 186 + 306 + 506 =
    // 998: two thousands left, the remainders tie, so they go to the two lowest codes, A and B.
    expect(scenario.units.map((unit) => unit.amount)).toEqual([187_000, 307_000, 506_000]);
    expect(
      comparison.units.map(({ code, baseline: b, scenario: s, change }) => [code, b, s, change]),
    ).toEqual([
      ['010101', 224_000, 187_000, -37_000],
      ['010102', 313_000, 307_000, -6_000],
      ['010103', 463_000, 506_000, 43_000],
    ]);
    expect(comparison).toMatchObject({
      gainers: 1,
      losers: 2,
      unchanged: 0,
      totalBaseline: 1_000_000,
      totalScenario: 1_000_000,
    });
    expect(comparison.units[0]?.changePerPerson).toBe(-37);
    expect(comparison.largestGain?.code).toBe('010103');
    expect(comparison.largestLoss?.code).toBe('010101');
    // Less weight on the equal share sends the money where the people are: per person, more even.
    expect(comparison.equityAfter.gini as number).toBeLessThan(comparison.equityBefore.gini as number);
  });

  it('counts a unit eligible in one allocation only as 0 in the other', () => {
    const baseline = allocate(parseFormula(smallFormula()), SMALL_UNITS);
    const scenario = allocate(parseFormula(smallFormula({ eligibility: { levels: [3] } })), SMALL_UNITS);
    const comparison = compareScenarios(baseline, scenario, SMALL_UNITS);
    const phnomPenh = comparison.units.find((unit) => unit.code === '120101');
    expect(phnomPenh).toMatchObject({ baseline: 0, onlyIn: 'scenario', changePercent: null });
    expect(phnomPenh?.scenario).toBeGreaterThan(0);
    expect(comparison.totalScenario).toBe(1_000_000);
  });
});
