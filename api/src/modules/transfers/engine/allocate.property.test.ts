/**
 * Properties of allocate() over random formulas and units (fast-check). What is asserted is
 * exactly what the algorithm guarantees (see allocate.ts):
 *   - the amounts add up to the pool exactly, none is negative, each is a multiple of the
 *     rounding unit, and each unit's parts add up to its amount;
 *   - two units with the same inputs get amounts that are equal or exactly one rounding unit
 *     apart, and then the lower code has the larger;
 *   - raising one unit's value of a criterion never lowers its amount (exactly, without floors
 *     or caps; by at most one rounding unit with them);
 *   - the same inputs, in any order, give the same result.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from './allocate.ts';
import { parseFormula, type Formula } from './formula.ts';
import type { UnitInputs } from './inputs.ts';
import { smallFormula } from './test-formulas.ts';

const INDICATORS = ['population', 'villages', 'area_km2'] as const;

/** Integers ≥ 0 adding up to 10,000 (basis points), i.e. percents with 2 decimals adding to 100. */
const basisPoints = (count: number) =>
  fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: count, maxLength: count }).map((raw) => {
    const total = raw.reduce((sum, value) => sum + value, 0);
    const points = raw.map((value) => Math.floor((value * 10_000) / total));
    points[0] = (points[0] as number) + 10_000 - points.reduce((sum, value) => sum + value, 0);
    return points.map((point) => point / 100);
  });

const criterion = fc.constantFrom(
  { kind: 'equal' as const },
  ...INDICATORS.map((indicator) => ({ kind: 'indicator' as const, indicator })),
);

const componentsArb = fc.integer({ min: 1, max: 3 }).chain((count) =>
  fc
    .tuple(
      basisPoints(count),
      fc.array(
        fc.uniqueArray(criterion, { minLength: 1, maxLength: 4, selector: (item) => JSON.stringify(item) }),
        {
          minLength: count,
          maxLength: count,
        },
      ),
    )
    .chain(([shares, criteriaLists]) =>
      fc.tuple(...criteriaLists.map((criteria) => basisPoints(criteria.length))).map((weights) =>
        shares.map((sharePercent, c) => ({
          code: `c${c}`,
          nameKm: 'សមាសភាគ',
          nameEn: `Component ${c}`,
          sharePercent,
          criteria: (criteriaLists[c] ?? []).map((item, k) => ({
            ...item,
            weightPercent: weights[c]?.[k] ?? 0,
          })),
        })),
      ),
    ),
);

const unitsArb = fc
  .array(
    fc.record({
      population: fc.integer({ min: 0, max: 200_000 }),
      villages: fc.integer({ min: 1, max: 40 }),
      area_km2: fc.integer({ min: 1, max: 100_000 }).map((hundredths) => hundredths / 100),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .map((rows) =>
    rows.map((values, index): UnitInputs => ({
      code: `01${String(Math.floor(index / 10) + 1).padStart(2, '0')}${String((index % 10) + 1).padStart(2, '0')}`,
      values: { ...values, population: values.population + 1 },
    })),
  );

interface Case {
  formula: Formula;
  units: UnitInputs[];
}

/** A formula and units; with `limits`, a feasible floor and/or cap. */
const caseArb = (limits: boolean) =>
  fc
    .record({
      components: componentsArb,
      units: unitsArb,
      roundingUnit: fc.constantFrom(1, 100, 1000),
      poolUnits: fc.integer({ min: 1, max: 5_000_000 }),
      floorFraction: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
      capFraction: fc.option(fc.double({ min: 1, max: 3, noNaN: true }), { nil: undefined }),
    })
    .map(({ components, units, roundingUnit, poolUnits, floorFraction, capFraction }): Case => {
      const pool = poolUnits * roundingUnit;
      const perUnit = pool / units.length;
      const toUnit = (amount: number, up: boolean) =>
        (up ? Math.ceil(amount / roundingUnit) : Math.floor(amount / roundingUnit)) * roundingUnit;
      const formula = smallFormula({
        pool: { kind: 'fixed', amount: pool },
        components,
        eligibility: { levels: [3] },
        rounding: { unit: roundingUnit },
        ...(limits && floorFraction !== undefined
          ? { floorPerUnit: toUnit(perUnit * floorFraction, false) }
          : {}),
        ...(limits && capFraction !== undefined ? { capPerUnit: toUnit(perUnit * capFraction, true) } : {}),
      });
      return { formula: parseFormula(formula), units };
    });

const RUNS = { numRuns: 150 };

describe('allocate properties', () => {
  it('adds up exactly to the pool; no amount negative; multiples of the rounding unit; parts add up', () => {
    fc.assert(
      fc.property(fc.oneof(caseArb(false), caseArb(true)), ({ formula, units }) => {
        const result = allocate(formula, units);
        expect(result.units.reduce((sum, unit) => sum + unit.amount, 0)).toBe(result.pool.amount);
        for (const unit of result.units) {
          expect(unit.amount).toBeGreaterThanOrEqual(0);
          expect(unit.amount % formula.rounding.unit).toBe(0);
          expect(unit.parts.reduce((sum, part) => sum + part.amount, 0)).toBe(unit.amount);
          for (const part of unit.parts) expect(part.amount).toBeGreaterThanOrEqual(0);
          if (formula.floorPerUnit !== undefined)
            expect(unit.amount).toBeGreaterThanOrEqual(formula.floorPerUnit);
          if (formula.capPerUnit !== undefined) expect(unit.amount).toBeLessThanOrEqual(formula.capPerUnit);
        }
      }),
      RUNS,
    );
  });

  it('gives units with equal inputs equal amounts, or one rounding unit more to the lower code', () => {
    fc.assert(
      fc.property(fc.oneof(caseArb(false), caseArb(true)), fc.nat(), ({ formula, units }, pick) => {
        const twin = units[pick % units.length] as UnitInputs;
        const withTwin = [...units, { code: '019999', values: { ...twin.values } }];
        if (formula.capPerUnit !== undefined && formula.capPerUnit * withTwin.length < formula.rounding.unit)
          return;
        let result;
        try {
          result = allocate(formula, withTwin);
        } catch {
          return; // one more unit can make a floor unaffordable; that is another test's business
        }
        const a = result.units.find((unit) => unit.code === twin.code)?.amount as number;
        const b = result.units.find((unit) => unit.code === '019999')?.amount as number;
        expect([0, formula.rounding.unit]).toContain(a - b);
      }),
      RUNS,
    );
  });

  it('never lowers a unit’s amount when one of its criterion values rises (exactly, without limits)', () => {
    fc.assert(
      fc.property(
        caseArb(false),
        fc.nat(),
        fc.constantFrom(...INDICATORS),
        fc.integer({ min: 1, max: 50_000 }),
        ({ formula, units }, pick, indicator, raise) => {
          const target = units[pick % units.length] as UnitInputs;
          const before = allocate(formula, units).units.find((unit) => unit.code === target.code)
            ?.amount as number;
          const raised = units.map((unit) =>
            unit === target
              ? { ...unit, values: { ...unit.values, [indicator]: (unit.values[indicator] ?? 0) + raise } }
              : unit,
          );
          const after = allocate(formula, raised).units.find((unit) => unit.code === target.code)
            ?.amount as number;
          expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('lowers it by at most one rounding unit with floors and caps', () => {
    fc.assert(
      fc.property(
        caseArb(true),
        fc.nat(),
        fc.constantFrom(...INDICATORS),
        fc.integer({ min: 1, max: 50_000 }),
        ({ formula, units }, pick, indicator, raise) => {
          const target = units[pick % units.length] as UnitInputs;
          const before = allocate(formula, units).units.find((unit) => unit.code === target.code)
            ?.amount as number;
          const raised = units.map((unit) =>
            unit === target
              ? { ...unit, values: { ...unit.values, [indicator]: (unit.values[indicator] ?? 0) + raise } }
              : unit,
          );
          const after = allocate(formula, raised).units.find((unit) => unit.code === target.code)
            ?.amount as number;
          expect(after).toBeGreaterThanOrEqual(before - formula.rounding.unit);
        },
      ),
      RUNS,
    );
  });

  it('gives the same result for the same inputs, in any order', () => {
    fc.assert(
      fc.property(
        fc
          .oneof(caseArb(false), caseArb(true))
          .chain((testCase) =>
            fc.tuple(
              fc.constant(testCase),
              fc.shuffledSubarray(testCase.units, { minLength: testCase.units.length }),
            ),
          ),
        ([{ formula, units }, shuffled]) => {
          const first = allocate(formula, units);
          expect(allocate(formula, units)).toEqual(first);
          expect(allocate(formula, shuffled)).toEqual(first);
          expect(JSON.stringify(allocate(formula, shuffled))).toBe(JSON.stringify(first));
        },
      ),
      RUNS,
    );
  });
});
