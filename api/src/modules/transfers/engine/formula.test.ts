import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMULA_ERROR, FormulaError, formulaIndicators, parseFormula, parseFormulaText } from './formula.ts';
import { smallFormula } from './test-formulas.ts';

const BUILT_IN = new URL('./formulas/supplementary-commune-fund-2025.json', import.meta.url);

function formulaError(run: () => unknown): FormulaError {
  try {
    run();
  } catch (error) {
    if (error instanceof FormulaError) return error;
    throw error;
  }
  throw new Error('expected a FormulaError');
}

describe('parseFormula', () => {
  it('accepts the built-in supplementary commune fund, marked as an example', () => {
    const formula = parseFormulaText(fs.readFileSync(BUILT_IN, 'utf8'));
    expect(formula.components.map((component) => [component.code, component.sharePercent])).toEqual([
      ['equal', 30],
      ['population', 30],
      ['villages', 30],
      ['village-allocation', 10],
    ]);
    expect(formula.pool).toMatchObject({ kind: 'share_of_base', percent: 1, base: { isExample: true } });
    expect(formula.eligibility).toEqual({ levels: [3], excludeCodes: ['12'] });
    expect(formulaIndicators(formula)).toEqual(['population', 'villages']);
  });

  it('refuses component shares that do not add up to 100 %, with a stable code', () => {
    const formula = smallFormula();
    (formula.components[0] as { sharePercent: number }).sharePercent = 30;
    const error = formulaError(() => parseFormula(formula));
    expect(error.code).toBe(FORMULA_ERROR.weightsNot100);
    expect(error.statusCode).toBe(400);
    expect(error.errors).toEqual([
      { path: '/components', message: 'The components’ shares add up to 90 %, not 100 %.' },
    ]);
  });

  it('refuses criterion weights that do not add up to 100 %', () => {
    const formula = smallFormula();
    (formula.components[1]?.criteria[1] as { weightPercent: number }).weightPercent = 49.99;
    const error = formulaError(() => parseFormula(formula));
    expect(error.code).toBe('transfers.formula.weights_not_100');
    expect(error.errors[0]?.path).toBe('/components/1/criteria');
    expect(error.errors[0]?.message).toContain('99.99 %');
  });

  it('adds percents exactly: thirds written to 4 decimals make 100, not 99.99999999999999', () => {
    const formula = smallFormula();
    formula.components[1] = {
      ...(formula.components[1] as (typeof formula.components)[number]),
      criteria: [
        { kind: 'equal', weightPercent: 33.3333 },
        { kind: 'indicator', indicator: 'population', weightPercent: 33.3333 },
        { kind: 'indicator', indicator: 'villages', weightPercent: 33.3334 },
      ],
    };
    expect(0.1 + 0.2).not.toBe(0.3); // why floats are not used
    expect(() => parseFormula(formula)).not.toThrow();
  });

  it('refuses a bad shape with JSON pointers, and malformed JSON', () => {
    const error = formulaError(() => parseFormula({ ...smallFormula(), rounding: { unit: 0 }, extra: 1 }));
    expect(error.code).toBe(FORMULA_ERROR.invalid);
    expect(error.errors.map((item) => item.path)).toEqual(expect.arrayContaining(['/rounding/unit']));
    expect(formulaError(() => parseFormulaText('{ nope')).code).toBe(FORMULA_ERROR.invalid);
  });

  it('names the criterion’s field and what is allowed, not "Expected union value"', () => {
    const formula = smallFormula();
    const criteria = (formula.components[1] as { criteria: unknown[] }).criteria;
    criteria[0] = { kind: 'lottery', weightPercent: 50 };
    const unknownKind = formulaError(() => parseFormula(formula));
    expect(unknownKind.errors).toContainEqual({
      path: '/components/1/criteria/0/kind',
      message: 'Must be one of "equal", "indicator".',
    });
    criteria[0] = { kind: 'indicator', indicator: 'Population!', weightPercent: 50, colour: 'red' };
    const paths = formulaError(() => parseFormula(formula)).errors.map((item) => item.path);
    expect(paths).toEqual(
      expect.arrayContaining(['/components/1/criteria/0/indicator', '/components/1/criteria/0/colour']),
    );
    expect(JSON.stringify(formulaError(() => parseFormula(formula)).errors)).not.toContain('union');
  });

  it('refuses too many decimals, duplicate codes, a floor above the cap, limits off the rounding unit', () => {
    const formula = smallFormula({ floorPerUnit: 5_000, capPerUnit: 4_000 });
    (formula.components[0] as { sharePercent: number }).sharePercent = 40.00001;
    (formula.components[1] as { code: string }).code = 'admin';
    const error = formulaError(() => parseFormula(formula));
    expect(error.code).toBe(FORMULA_ERROR.invalid);
    expect(error.errors.map((item) => item.path)).toEqual([
      '/components/0/sharePercent',
      '/components/1/code',
      '/floorPerUnit',
    ]);
    const offUnit = formulaError(() => parseFormula(smallFormula({ capPerUnit: 1_500 })));
    expect(offUnit.errors).toEqual([
      { path: '/capPerUnit', message: 'Must be a multiple of the rounding unit (1000 riel).' },
    ]);
  });
});
