import { describe, expect, it } from 'vitest';
import { ALLOCATION_ERROR, AllocationError, allocate } from './allocate.ts';
import { parseFormula } from './formula.ts';
import type { UnitInputs } from './inputs.ts';
import { SMALL_UNITS, smallFormula } from './test-formulas.ts';

function allocationError(run: () => unknown): AllocationError {
  try {
    run();
  } catch (error) {
    if (error instanceof AllocationError) return error;
    throw error;
  }
  throw new Error('expected an AllocationError');
}

const amounts = (result: ReturnType<typeof allocate>) =>
  Object.fromEntries(result.units.map((unit) => [unit.code, unit.amount]));

describe('allocate: a small example worked by hand', () => {
  // Pool 1,000,000: 400,000 equally (133,333.33 each), 300,000 by population (1:3:6 of 10,000),
  // 300,000 by villages (2:3:5 of 10). A = 133,333.33 + 30,000 + 60,000 = 223,333.33,
  // B = 133,333.33 + 90,000 + 90,000 = 313,333.33, C = 133,333.33 + 180,000 + 150,000 = 463,333.33.
  // In thousands: 223 + 313 + 463 = 999, one thousand left; the three remainders tie (333.33),
  // so it goes to the lowest code, A.
  const result = allocate(parseFormula(smallFormula()), SMALL_UNITS);

  it('gives each commune its amount, rounded to 1,000 riel, adding up to the pool', () => {
    expect(amounts(result)).toEqual({ '010101': 224_000, '010102': 313_000, '010103': 463_000 });
    expect(result.pool).toMatchObject({ amount: 1_000_000, exact: '1000000.0000', undistributed: '0.0000' });
    expect(result.totals).toMatchObject({ allocated: 1_000_000, eligibleUnits: 3, excludedUnits: 2 });
  });

  it('lists the units left out, with the reason', () => {
    expect(result.excluded).toEqual([
      { code: '01', reason: 'level', detail: 'level 1, eligible: 3' },
      { code: '120101', reason: 'excluded_code', detail: 'excluded: 12' },
    ]);
  });

  it('explains an amount part by part, the parts adding up to it', () => {
    const a = result.units[0];
    expect(a).toMatchObject({
      code: '010101',
      level: 3,
      formulaAmount: '223333.3333',
      limit: null,
      amountBeforeRounding: '223333.3333',
      amount: 224_000,
      roundingAdjustment: '666.6667',
    });
    // Before rounding, the parts are the formula's (no floor or cap here). The rounded 224,000 is
    // spread as 400,000 : 90,000 : 180,000 (the formula parts × 3) → 133,731.34, 30,089.55,
    // 60,179.10; 223,999 in whole riel, the last riel to the largest remainder (.55).
    expect(a?.parts).toEqual([
      {
        component: 'admin',
        criterion: 'equal',
        kind: 'equal',
        indicator: null,
        inverse: false,
        weightPercent: 100,
        value: 1,
        total: '3',
        share: '0.333333333333',
        criterionPool: '400000.0000',
        formulaAmount: '133333.3333',
        amountBeforeRounding: '133333.3333',
        amount: 133_731,
      },
      expect.objectContaining({
        component: 'development',
        criterion: 'population',
        value: 1000,
        total: '10000',
        share: '0.100000000000',
        criterionPool: '300000.0000',
        formulaAmount: '30000.0000',
        amountBeforeRounding: '30000.0000',
        amount: 30_090,
      }),
      expect.objectContaining({
        criterion: 'villages',
        value: 2,
        total: '10',
        share: '0.200000000000',
        formulaAmount: '60000.0000',
        amount: 60_179,
      }),
    ]);
    for (const unit of result.units)
      expect(unit.parts.reduce((sum, part) => sum + part.amount, 0)).toBe(unit.amount);
  });

  it('splits the pool into component pools that add up to it', () => {
    expect(result.components.map(({ code, pool, exact }) => ({ code, pool, exact }))).toEqual([
      { code: 'admin', pool: 400_000, exact: '400000.0000' },
      { code: 'development', pool: 600_000, exact: '600000.0000' },
    ]);
    expect(result.components.reduce((sum, component) => sum + component.allocated, 0)).toBe(1_000_000);
  });

  it('gives the same answer whatever the order of the units', () => {
    expect(allocate(parseFormula(smallFormula()), [...SMALL_UNITS].reverse())).toEqual(result);
  });
});

describe('allocate: floors and caps', () => {
  it('holds a unit at the cap and shares the rest among the others in proportion', () => {
    // C (463,333) is capped at 400,000; A and B share 600,000 as 223,333 : 313,333 = 670 : 940
    // → 249,689.44 and 350,310.56; 249 + 350 + 400 = 999 thousand, the last to A (689 > 311).
    const result = allocate(parseFormula(smallFormula({ capPerUnit: 400_000 })), SMALL_UNITS);
    expect(amounts(result)).toEqual({ '010101': 250_000, '010102': 350_000, '010103': 400_000 });
    expect(result.units.map((unit) => unit.limit)).toEqual([null, null, 'cap']);
    expect(result.units[0]?.amountBeforeRounding).toBe('249689.4410');
    expect(result.totals).toMatchObject({ capped: 1, floored: 0 });
  });

  it('raises a unit to the floor and takes the difference from the others in proportion', () => {
    // A is raised to 250,000; B and C share 750,000 as 940 : 1,390 → 302,575.11 and 447,424.89.
    const result = allocate(parseFormula(smallFormula({ floorPerUnit: 250_000 })), SMALL_UNITS);
    expect(amounts(result)).toEqual({ '010101': 250_000, '010102': 303_000, '010103': 447_000 });
    expect(result.units.map((unit) => unit.limit)).toEqual(['floor', null, null]);
  });

  it('applies a floor and a cap together', () => {
    // A floored (250,000), C capped (440,000), B takes the remaining 310,000.
    const result = allocate(
      parseFormula(smallFormula({ floorPerUnit: 250_000, capPerUnit: 440_000 })),
      SMALL_UNITS,
    );
    expect(amounts(result)).toEqual({ '010101': 250_000, '010102': 310_000, '010103': 440_000 });
    expect(result.units.map((unit) => unit.limit)).toEqual(['floor', null, 'cap']);
    expect(result.units[1]?.parts.reduce((sum, part) => sum + part.amount, 0)).toBe(310_000);
  });

  it('refuses floors the pool cannot pay and caps that leave money over', () => {
    expect(
      allocationError(() => allocate(parseFormula(smallFormula({ floorPerUnit: 400_000 })), SMALL_UNITS))
        .code,
    ).toBe(ALLOCATION_ERROR.floorsAbovePool);
    expect(
      allocationError(() => allocate(parseFormula(smallFormula({ capPerUnit: 300_000 })), SMALL_UNITS)).code,
    ).toBe(ALLOCATION_ERROR.capsBelowPool);
  });
});

describe('allocate: pools and criteria', () => {
  it('takes a percent of a base, rounded down to the rounding unit', () => {
    // 1.5 % of 123,456,789 = 1,851,851.835: 1,851,000 distributed, 851.835 not.
    const result = allocate(
      parseFormula(
        smallFormula({
          pool: { kind: 'share_of_base', percent: 1.5, base: { label: 'revenue', amount: 123_456_789 } },
        }),
      ),
      SMALL_UNITS,
    );
    expect(result.pool).toMatchObject({
      amount: 1_851_000,
      exact: '1851851.8350',
      undistributed: '851.8350',
    });
    expect(result.totals.allocated).toBe(1_851_000);
  });

  it('shares an inverse criterion in proportion to 1/value', () => {
    const formula = parseFormula(
      smallFormula({
        pool: { kind: 'fixed', amount: 700_000 },
        rounding: { unit: 1 },
        components: [
          {
            code: 'capacity',
            nameKm: 'សមត្ថភាព',
            nameEn: 'Capacity',
            sharePercent: 100,
            criteria: [
              { kind: 'indicator', indicator: 'revenue_per_person', weightPercent: 100, inverse: true },
            ],
          },
        ],
      }),
    );
    const units: UnitInputs[] = [
      { code: '010101', values: { revenue_per_person: 1 } },
      { code: '010102', values: { revenue_per_person: 2 } },
      { code: '010103', values: { revenue_per_person: 4 } },
    ];
    expect(amounts(allocate(formula, units))).toEqual({
      '010101': 400_000,
      '010102': 200_000,
      '010103': 100_000,
    });
  });

  it('reads decimal values exactly', () => {
    const formula = parseFormula(
      smallFormula({
        rounding: { unit: 1 },
        components: [
          {
            code: 'area',
            nameKm: 'ផ្ទៃដី',
            nameEn: 'Area',
            sharePercent: 100,
            criteria: [{ kind: 'indicator', indicator: 'area_km2', weightPercent: 100 }],
          },
        ],
      }),
    );
    const units: UnitInputs[] = [
      { code: '010101', values: { area_km2: 0.1 } },
      { code: '010102', values: { area_km2: 0.2 } },
      { code: '010103', values: { area_km2: 0.7 } },
    ];
    expect(amounts(allocate(formula, units))).toEqual({
      '010101': 100_000,
      '010102': 200_000,
      '010103': 700_000,
    });
  });
});

describe('allocate: bad input computes nothing', () => {
  it('lists every unit missing a figure', () => {
    const units: UnitInputs[] = [
      { code: '010101', values: { villages: 2 } },
      { code: '010102', values: { population: 3000 } },
      { code: '010103', values: {} },
      { code: '120101', values: {} }, // excluded: not asked for
    ];
    const error = allocationError(() => allocate(parseFormula(smallFormula()), units));
    expect(error.code).toBe('transfers.input.missing_value');
    expect(error.statusCode).toBe(422);
    expect(error.units.map((unit) => `${unit.code}:${unit.indicator}`)).toEqual([
      '010101:population',
      '010102:villages',
      '010103:population',
      '010103:villages',
    ]);
    expect(error.errors[0]).toEqual({
      path: '/units/010101/values/population',
      message: 'No value of population.',
    });
  });

  it('refuses a negative population', () => {
    const units = SMALL_UNITS.map((unit) =>
      unit.code === '010102' ? { ...unit, values: { ...unit.values, population: -5 } } : unit,
    );
    const error = allocationError(() => allocate(parseFormula(smallFormula()), units));
    expect(error.code).toBe('transfers.input.negative_value');
    expect(error.units).toEqual([
      { code: '010102', indicator: 'population', message: 'population is negative (-5).' },
    ]);
  });

  it('refuses the same unit twice, a criterion nobody has, and no eligible unit', () => {
    expect(
      allocationError(() =>
        allocate(parseFormula(smallFormula()), [...SMALL_UNITS, SMALL_UNITS[0] as UnitInputs]),
      ).code,
    ).toBe(ALLOCATION_ERROR.duplicateCode);
    const noVillages = SMALL_UNITS.map((unit) => ({ ...unit, values: { ...unit.values, villages: 0 } }));
    expect(allocationError(() => allocate(parseFormula(smallFormula()), noVillages)).code).toBe(
      ALLOCATION_ERROR.zeroTotal,
    );
    expect(
      allocationError(() => allocate(parseFormula(smallFormula()), [SMALL_UNITS[1] as UnitInputs])).code,
    ).toBe(ALLOCATION_ERROR.noEligibleUnits);
  });

  it('asks for a type when the formula chooses by type', () => {
    const formula = parseFormula(smallFormula({ eligibility: { types: ['sangkat'] } }));
    const units: UnitInputs[] = [
      { code: '010101', type: 'commune', values: { population: 1, villages: 1 } },
      { code: '010102', values: { population: 1, villages: 1 } },
    ];
    expect(allocationError(() => allocate(formula, units)).code).toBe(ALLOCATION_ERROR.missingType);
    const typed = allocate(formula, [...units.slice(0, 1), { ...units[1], type: 'sangkat' } as UnitInputs]);
    expect(typed.units.map((unit) => unit.code)).toEqual(['010102']);
    expect(typed.excluded).toEqual([
      { code: '010101', reason: 'type', detail: 'type commune, eligible: sangkat' },
    ]);
  });

  it('keeps only the listed units when the formula has an include list', () => {
    const formula = parseFormula(smallFormula({ eligibility: { includeCodes: ['010102', '010103'] } }));
    const result = allocate(formula, SMALL_UNITS);
    expect(result.units.map((unit) => unit.code)).toEqual(['010102', '010103']);
    expect(result.excluded.map((unit) => `${unit.code}:${unit.reason}`)).toEqual([
      '01:not_included',
      '010101:not_included',
      '120101:not_included',
    ]);
  });
});
