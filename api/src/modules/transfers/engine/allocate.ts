/**
 * allocate(formula, units): who gets how much, and why. Pure and deterministic: no I/O, no
 * clock, no randomness, and units are taken in code order whatever order they come in.
 *
 * The steps, each exact (BigInt rationals; no floating point touches an amount):
 *   1. Eligibility: level, type, include and exclude lists. Every unit left out is listed with
 *      its reason.
 *   2. Checks: every eligible unit has every figure the formula needs, none negative; nothing is
 *      computed otherwise.
 *   3. The pool: a fixed amount, or percent × base, rounded down to the rounding unit (the few
 *      riel below one rounding unit are reported as undistributed).
 *   4. The formula amount of each unit: for every component and criterion,
 *      pool × component share × criterion weight × value / total of the values.
 *   5. Floors and caps: units below the floor are raised to it, units above the cap held at it,
 *      and the rest shared among the others in proportion to their formula amounts, until no
 *      unit breaks a limit. Solved exactly in one pass over the breakpoints, which is where the
 *      repeated redistribution ends.
 *   6. Rounding to the rounding unit by largest remainder, ties to the lower unit code: the
 *      amounts add up to the pool exactly.
 *   7. The explanation: each unit's amount spread over its parts (component × criterion) in
 *      proportion, to the whole riel, again by largest remainder, so the parts add up to the
 *      unit's amount.
 *
 * What this guarantees (and allocate.property.test.ts checks):
 *   - the amounts add up exactly to the pool, and none is negative;
 *   - two units with the same inputs get the same amount or amounts one rounding unit apart
 *     (their remainders tie; the lower code takes the extra unit);
 *   - raising one unit's value of a (non-inverse) criterion never lowers its amount when the
 *     formula has no floor or cap: the other units' exact amounts can only fall, so none of
 *     them can overtake it for a leftover rounding unit. With floors or caps the others' exact
 *     amounts may rise too, and the guarantee is within one rounding unit.
 */
import { AppError } from '../../../platform/http/problem.ts';
import {
  formatRatio,
  formatScaled,
  gcd,
  largestRemainder,
  lcm,
  percentUnits,
  scaled,
  decimalOf,
  PERCENT_ONE_HUNDRED,
} from './exact.ts';
import { criterionKey, type Criterion, type Formula } from './formula.ts';
import { levelOfCode, type UnitInputs } from './inputs.ts';

export const ALLOCATION_ERROR = {
  missingValue: 'transfers.input.missing_value',
  negativeValue: 'transfers.input.negative_value',
  badValue: 'transfers.input.bad_value',
  duplicateCode: 'transfers.input.duplicate_code',
  missingLevel: 'transfers.input.missing_level',
  missingType: 'transfers.input.missing_type',
  zeroValueInverse: 'transfers.input.zero_value_inverse',
  zeroTotal: 'transfers.input.zero_total',
  noEligibleUnits: 'transfers.allocation.no_eligible_units',
  floorsAbovePool: 'transfers.allocation.floors_above_pool',
  capsBelowPool: 'transfers.allocation.caps_below_pool',
} as const;
export type AllocationErrorCode = (typeof ALLOCATION_ERROR)[keyof typeof ALLOCATION_ERROR];

export interface UnitProblem {
  code: string;
  indicator?: string;
  message: string;
}

/** Inputs an allocation cannot be computed from; `units` lists every unit concerned. Answers 422. */
export class AllocationError extends AppError {
  declare readonly errors: { path: string; message: string }[];
  constructor(
    code: AllocationErrorCode,
    message: string,
    readonly units: UnitProblem[] = [],
  ) {
    // The same list in the problem+json `errors` shape.
    super(
      422,
      code,
      message,
      undefined,
      units.map((unit) => ({
        path: `/units/${unit.code}${unit.indicator ? `/values/${unit.indicator}` : ''}`,
        message: unit.message,
      })),
    );
    this.name = 'AllocationError';
  }
}

/** Decimals shown in the explanation's decimal strings. */
export const AMOUNT_DECIMALS = 4;
export const SHARE_DECIMALS = 12;
/** An inverse criterion uses 1/value to this many decimals. */
export const INVERSE_DECIMALS = 15;

export interface AllocationPart {
  component: string;
  /** `equal`, the indicator name, or `name (inverse)`. */
  criterion: string;
  kind: Criterion['kind'];
  indicator: string | null;
  inverse: boolean;
  /** The criterion's weight within its component, percent. */
  weightPercent: number;
  /** The unit's value: 1 for an equal share, the indicator's value otherwise (before inverting). */
  value: number;
  /** The sum of the values used over the eligible units (for an inverse criterion, of 1/value). */
  total: string;
  /** The unit's share of this criterion's pool: value used / total. */
  share: string;
  /** Pool × component share × weight. */
  criterionPool: string;
  /** criterionPool × share: what the formula alone gives. */
  formulaAmount: string;
  /** After floors and caps, before rounding. */
  amountBeforeRounding: string;
  /** Whole riel; a unit's parts add up to its amount. */
  amount: number;
}

export interface UnitAllocation {
  code: string;
  level?: number;
  type?: string;
  /** The sum of the parts' formula amounts. */
  formulaAmount: string;
  /** Held at the floor or the cap; null when shared by the formula (and the redistribution). */
  limit: 'floor' | 'cap' | null;
  amountBeforeRounding: string;
  /** Whole riel, a multiple of the rounding unit. */
  amount: number;
  /** amount − amountBeforeRounding. */
  roundingAdjustment: string;
  parts: AllocationPart[];
}

export interface ExcludedUnit {
  code: string;
  reason: 'level' | 'type' | 'excluded_code' | 'not_included';
  detail: string;
}

export interface ComponentAllocation {
  code: string;
  nameKm: string;
  nameEn: string;
  sharePercent: number;
  /** Pool × share, exactly. */
  exact: string;
  /** Pool × share in rounding units by largest remainder: the components' pools add up to the pool. */
  pool: number;
  /** The sum of the units' parts of this component: the pool, moved by floors, caps and rounding. */
  allocated: number;
}

export interface AllocationResult {
  program: Formula['program'];
  fiscalYear: number;
  version: number;
  legalReference: Formula['legalReference'];
  roundingUnit: number;
  pool: {
    /** Distributed: a multiple of the rounding unit. */
    amount: number;
    /** Before rounding to the rounding unit. */
    exact: string;
    /** exact − amount: less than one rounding unit, not distributed. */
    undistributed: string;
    /** How it was reached, in words. */
    basis: string;
    isExample: boolean;
  };
  components: ComponentAllocation[];
  floorPerUnit: number | null;
  capPerUnit: number | null;
  /** Eligible units in code order. */
  units: UnitAllocation[];
  excluded: ExcludedUnit[];
  totals: {
    allocated: number;
    eligibleUnits: number;
    excludedUnits: number;
    floored: number;
    capped: number;
  };
}

interface CriterionPlan {
  component: string;
  criterion: Criterion;
  /** Pool × share × weight × 10^12 (percents scaled to 10^6 each). */
  poolUnits: bigint;
  /** Per eligible unit, the value used, as integers of one common scale. */
  used: bigint[];
  total: bigint;
  scale: number;
}

const TWELVE = PERCENT_ONE_HUNDRED * PERCENT_ONE_HUNDRED;

export function allocate(formula: Formula, inputs: readonly UnitInputs[]): AllocationResult {
  const rounding = BigInt(formula.rounding.unit);

  // 1. Eligibility, in code order.
  const sorted = [...inputs].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const duplicates = sorted.filter((unit, index) => index > 0 && sorted[index - 1]?.code === unit.code);
  if (duplicates.length > 0)
    throw new AllocationError(
      ALLOCATION_ERROR.duplicateCode,
      'A unit appears more than once in the inputs.',
      [...new Set(duplicates.map((unit) => unit.code))].map((code) => ({
        code,
        message: 'Appears more than once.',
      })),
    );
  const { eligible, excluded } = selectEligible(formula, sorted);
  if (eligible.length === 0)
    throw new AllocationError(ALLOCATION_ERROR.noEligibleUnits, 'No unit in the inputs is eligible.');

  // 2. Every figure the formula needs, present and usable, for every eligible unit.
  checkValues(formula, eligible);

  // 3. The pool.
  const pool = poolOf(formula);
  const poolAmount = (pool.exactNumerator / pool.exactDenominator / rounding) * rounding;

  // 4. Formula amounts: unit u gets Σ_k pool_k × used_k[u] / total_k, pool_k = poolUnits_k / 10^12
  //    = p_k / q_k in lowest terms. With L = lcm(q_k × total_k), that is N_u / L,
  //    N_u = Σ_k p_k × used_k[u] × (L / (q_k × total_k)). Lowest terms keep the integers short.
  const plans = planCriteria(formula, poolAmount, eligible);
  const reduced = plans.map((plan) => {
    const divisor = gcd(plan.poolUnits, TWELVE) || 1n;
    return { p: plan.poolUnits / divisor, q: (TWELVE / divisor) * plan.total };
  });
  const formulaDenominator = reduced.reduce((acc, item) => (item.p === 0n ? acc : lcm(acc, item.q)), 1n);
  const multipliers = reduced.map((item) => (item.p === 0n ? 0n : (item.p * formulaDenominator) / item.q));
  const partNumerators = eligible.map((_, u) =>
    plans.map((plan, k) => (multipliers[k] as bigint) * (plan.used[u] as bigint)),
  );
  const formulaNumerators = partNumerators.map((parts) => parts.reduce((sum, part) => sum + part, 0n));

  const criteriaPoolTotal = plans.reduce((sum, plan) => sum + plan.poolUnits, 0n);

  // 5. Floors and caps.
  const limited = applyLimits(formula, poolAmount, formulaNumerators, formulaDenominator);

  // 6. Rounding: largest remainder in rounding units, ties to the lower code (units are in code order).
  const roundedUnits = largestRemainder(
    poolAmount / rounding,
    limited.numerators,
    limited.denominator * rounding,
  );

  // 7. Explanations. Strings that are the same for every unit are made once; without floors and
  // caps the amounts before rounding are the formula amounts (this step is most of the time).
  const criterionPools = plans.map((plan) => formatRatio(plan.poolUnits, TWELVE, AMOUNT_DECIMALS));
  const totals = plans.map((plan) => formatScaled(plan.total, plan.scale));
  const unlimited = limited.denominator === formulaDenominator;
  const units: UnitAllocation[] = eligible.map((unit, u) => {
    const amount = (roundedUnits[u] as bigint) * rounding;
    const numerator = limited.numerators[u] as bigint;
    const formulaNumerator = formulaNumerators[u] as bigint;
    const parts = partNumerators[u] as bigint[];
    // Parts follow the formula's proportions; a unit the formula gives nothing (raised by a
    // floor) spreads its amount in proportion to the criteria's pools instead.
    const weights = formulaNumerator > 0n ? parts : plans.map((plan) => plan.poolUnits);
    const weightTotal = formulaNumerator > 0n ? formulaNumerator : criteriaPoolTotal;
    const roundedParts =
      weightTotal === 0n
        ? parts.map(() => 0n)
        : largestRemainder(
            amount,
            weights.map((weight) => weight * amount),
            weightTotal,
          );
    const formulaAmount = formatRatio(formulaNumerator, formulaDenominator, AMOUNT_DECIMALS);
    return {
      code: unit.code,
      ...(unit.level !== undefined ? { level: unit.level } : {}),
      ...(unit.type !== undefined ? { type: unit.type } : {}),
      formulaAmount,
      limit: limited.limits[u] ?? null,
      amountBeforeRounding: unlimited
        ? formulaAmount
        : formatRatio(numerator, limited.denominator, AMOUNT_DECIMALS),
      amount: Number(amount),
      roundingAdjustment: signedRatio(amount * limited.denominator - numerator, limited.denominator),
      parts: plans.map((plan, k) => {
        const criterion = plan.criterion;
        const weight = weights[k] as bigint;
        const partFormulaAmount = formatRatio(parts[k] as bigint, formulaDenominator, AMOUNT_DECIMALS);
        return {
          component: plan.component,
          criterion: criterionKey(criterion),
          kind: criterion.kind,
          indicator: criterion.kind === 'indicator' ? criterion.indicator : null,
          inverse: criterion.kind === 'indicator' && criterion.inverse === true,
          weightPercent: criterion.weightPercent,
          value: criterion.kind === 'indicator' ? (unit.values[criterion.indicator] as number) : 1,
          total: totals[k] as string,
          share: formatRatio(plan.used[u] as bigint, plan.total, SHARE_DECIMALS),
          criterionPool: criterionPools[k] as string,
          formulaAmount: partFormulaAmount,
          amountBeforeRounding:
            unlimited && formulaNumerator > 0n
              ? partFormulaAmount
              : weightTotal === 0n
                ? '0.0000'
                : formatRatio(numerator * weight, limited.denominator * weightTotal, AMOUNT_DECIMALS),
          amount: Number(roundedParts[k]),
        };
      }),
    };
  });

  // Component pools (a report line: what the formula sets aside for each component).
  const shares = formula.components.map((component) => percentUnits(component.sharePercent) as bigint);
  const componentUnits = largestRemainder(
    poolAmount / rounding,
    shares.map((share) => share * (poolAmount / rounding)),
    PERCENT_ONE_HUNDRED,
  );
  const components = formula.components.map((component, c) => ({
    code: component.code,
    nameKm: component.nameKm,
    nameEn: component.nameEn,
    sharePercent: component.sharePercent,
    exact: formatRatio(poolAmount * (shares[c] as bigint), PERCENT_ONE_HUNDRED, AMOUNT_DECIMALS),
    pool: Number((componentUnits[c] as bigint) * rounding),
    allocated: units.reduce(
      (sum, unit) =>
        sum +
        unit.parts.reduce((inner, part) => inner + (part.component === component.code ? part.amount : 0), 0),
      0,
    ),
  }));

  const exactPool = formatRatio(pool.exactNumerator, pool.exactDenominator, AMOUNT_DECIMALS);
  return {
    program: formula.program,
    fiscalYear: formula.fiscalYear,
    version: formula.version,
    legalReference: formula.legalReference,
    roundingUnit: formula.rounding.unit,
    pool: {
      amount: Number(poolAmount),
      exact: exactPool,
      undistributed: formatRatio(
        pool.exactNumerator - poolAmount * pool.exactDenominator,
        pool.exactDenominator,
        AMOUNT_DECIMALS,
      ),
      basis: pool.basis,
      isExample: pool.isExample,
    },
    components,
    floorPerUnit: formula.floorPerUnit ?? null,
    capPerUnit: formula.capPerUnit ?? null,
    units,
    excluded,
    totals: {
      allocated: units.reduce((sum, unit) => sum + unit.amount, 0),
      eligibleUnits: units.length,
      excludedUnits: excluded.length,
      floored: units.filter((unit) => unit.limit === 'floor').length,
      capped: units.filter((unit) => unit.limit === 'cap').length,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// 1. Eligibility
// ---------------------------------------------------------------------------------------------

function selectEligible(
  formula: Formula,
  units: readonly UnitInputs[],
): { eligible: UnitInputs[]; excluded: ExcludedUnit[] } {
  const { levels, types, includeCodes, excludeCodes } = formula.eligibility;
  const eligible: UnitInputs[] = [];
  const excluded: ExcludedUnit[] = [];
  const missingLevel: UnitProblem[] = [];
  const missingType: UnitProblem[] = [];
  for (const unit of units) {
    const level = unit.level ?? levelOfCode(unit.code);
    if (levels && level === undefined) {
      missingLevel.push({ code: unit.code, message: 'No level, and the code does not tell it.' });
      continue;
    }
    if (types && unit.type === undefined) {
      missingType.push({ code: unit.code, message: 'No unit type, and the formula chooses by type.' });
      continue;
    }
    if (levels && !levels.includes(level as number)) {
      excluded.push({
        code: unit.code,
        reason: 'level',
        detail: `level ${level}, eligible: ${levels.join(', ')}`,
      });
      continue;
    }
    if (types && !types.includes(unit.type as string)) {
      excluded.push({
        code: unit.code,
        reason: 'type',
        detail: `type ${unit.type}, eligible: ${types.join(', ')}`,
      });
      continue;
    }
    const excludedBy = excludeCodes?.find((prefix) => unit.code.startsWith(prefix));
    if (excludedBy !== undefined) {
      excluded.push({ code: unit.code, reason: 'excluded_code', detail: `excluded: ${excludedBy}` });
      continue;
    }
    if (includeCodes && !includeCodes.some((prefix) => unit.code.startsWith(prefix))) {
      excluded.push({ code: unit.code, reason: 'not_included', detail: 'not in the list of included units' });
      continue;
    }
    eligible.push(level !== undefined && unit.level === undefined ? { ...unit, level } : unit);
  }
  if (missingLevel.length > 0)
    throw new AllocationError(ALLOCATION_ERROR.missingLevel, 'Units without a level.', missingLevel);
  if (missingType.length > 0)
    throw new AllocationError(ALLOCATION_ERROR.missingType, 'Units without a type.', missingType);
  return { eligible, excluded };
}

// ---------------------------------------------------------------------------------------------
// 2. Checks
// ---------------------------------------------------------------------------------------------

function checkValues(formula: Formula, eligible: readonly UnitInputs[]): void {
  const missing: UnitProblem[] = [];
  const negative: UnitProblem[] = [];
  const bad: UnitProblem[] = [];
  const zeroInverse: UnitProblem[] = [];
  const indicators = new Map<string, boolean>();
  for (const component of formula.components)
    for (const criterion of component.criteria)
      if (criterion.kind === 'indicator')
        indicators.set(
          criterion.indicator,
          (indicators.get(criterion.indicator) ?? false) || !!criterion.inverse,
        );
  for (const unit of eligible)
    for (const [indicator, inverse] of indicators) {
      const value = unit.values[indicator];
      if (value === undefined || value === null)
        missing.push({ code: unit.code, indicator, message: `No value of ${indicator}.` });
      else if (typeof value !== 'number' || !Number.isFinite(value))
        bad.push({ code: unit.code, indicator, message: `${indicator} is not a number.` });
      else if (value < 0)
        negative.push({ code: unit.code, indicator, message: `${indicator} is negative (${value}).` });
      else if (inverse && value === 0)
        zeroInverse.push({
          code: unit.code,
          indicator,
          message: `${indicator} is 0: its inverse is undefined.`,
        });
    }
  if (missing.length > 0)
    throw new AllocationError(
      ALLOCATION_ERROR.missingValue,
      `${new Set(missing.map((problem) => problem.code)).size} eligible units lack a figure the formula needs.`,
      missing,
    );
  if (bad.length > 0)
    throw new AllocationError(ALLOCATION_ERROR.badValue, 'Values that are not numbers.', bad);
  if (negative.length > 0)
    throw new AllocationError(ALLOCATION_ERROR.negativeValue, 'Negative values.', negative);
  if (zeroInverse.length > 0)
    throw new AllocationError(
      ALLOCATION_ERROR.zeroValueInverse,
      'Zero values under an inverse criterion.',
      zeroInverse,
    );
}

// ---------------------------------------------------------------------------------------------
// 3. The pool
// ---------------------------------------------------------------------------------------------

function poolOf(formula: Formula): {
  exactNumerator: bigint;
  exactDenominator: bigint;
  basis: string;
  isExample: boolean;
} {
  if (formula.pool.kind === 'fixed')
    return {
      exactNumerator: BigInt(formula.pool.amount),
      exactDenominator: 1n,
      basis: `fixed amount of ${formula.pool.amount} riel`,
      isExample: formula.pool.isExample === true,
    };
  const percent = percentUnits(formula.pool.percent) as bigint;
  return {
    exactNumerator: BigInt(formula.pool.base.amount) * percent,
    exactDenominator: PERCENT_ONE_HUNDRED,
    basis: `${formula.pool.percent} % of ${formula.pool.base.label} (${formula.pool.base.amount} riel)`,
    isExample: formula.pool.base.isExample === true,
  };
}

// ---------------------------------------------------------------------------------------------
// 4. Criteria
// ---------------------------------------------------------------------------------------------

function planCriteria(
  formula: Formula,
  poolAmount: bigint,
  eligible: readonly UnitInputs[],
): CriterionPlan[] {
  const plans: CriterionPlan[] = [];
  const zeroTotals: UnitProblem[] = [];
  for (const component of formula.components) {
    const share = percentUnits(component.sharePercent) as bigint;
    for (const criterion of component.criteria) {
      const weight = percentUnits(criterion.weightPercent) as bigint;
      const poolUnits = poolAmount * share * weight;
      let used: bigint[];
      let scale = 0;
      if (criterion.kind === 'equal') used = eligible.map(() => 1n);
      else {
        const values = eligible.map((unit) => unit.values[criterion.indicator] as number);
        scale = Math.max(0, ...values.map((value) => decimalOf(value).scale));
        const integers = values.map((value) => scaled(value, scale) as bigint);
        if (criterion.inverse) {
          // 1/v with v = n / 10^scale is 10^scale / n, kept to INVERSE_DECIMALS places.
          const numerator = 10n ** BigInt(scale + INVERSE_DECIMALS);
          used = integers.map((n) => (2n * numerator + n) / (2n * n));
          scale = INVERSE_DECIMALS;
        } else used = integers;
      }
      const total = used.reduce((sum, value) => sum + value, 0n);
      if (total === 0n && poolUnits > 0n)
        zeroTotals.push({
          code: '*',
          indicator: criterion.kind === 'indicator' ? criterion.indicator : undefined,
          message: `Every eligible unit has 0 for ${criterionKey(criterion)} (component ${component.code}): its pool cannot be shared.`,
        });
      plans.push({ component: component.code, criterion, poolUnits, used, total, scale });
    }
  }
  if (zeroTotals.length > 0)
    throw new AllocationError(ALLOCATION_ERROR.zeroTotal, 'A criterion has nothing to share by.', zeroTotals);
  return plans;
}

// ---------------------------------------------------------------------------------------------
// 5. Floors and caps
// ---------------------------------------------------------------------------------------------

/** A rational μ = a / b, a ≥ 0, b > 0. */
interface Ratio {
  a: bigint;
  b: bigint;
}
const less = (x: Ratio, y: Ratio) => x.a * y.b < y.a * x.b;

/**
 * Each unit gets clamp(μ × N_u, floor, cap), with the one μ at which the amounts add up to the
 * pool. The sum is continuous and non-decreasing in μ and bends only where a unit meets its
 * floor (μ = floor / N_u) or its cap (μ = cap / N_u): binary search over those breakpoints
 * finds the stretch where it reaches the pool, and on that stretch μ solves a linear equation.
 * Units held at a limit get it exactly; the others share what is left in proportion to N_u.
 * Amounts come back as numerators over one common denominator.
 */
function applyLimits(
  formula: Formula,
  pool: bigint,
  formulaNumerators: readonly bigint[],
  formulaDenominator: bigint,
): { numerators: bigint[]; denominator: bigint; limits: ('floor' | 'cap' | null)[] } {
  const hasFloor = formula.floorPerUnit !== undefined && formula.floorPerUnit > 0;
  const hasCap = formula.capPerUnit !== undefined;
  const count = BigInt(formulaNumerators.length);
  if (!hasFloor && !hasCap)
    return {
      numerators: [...formulaNumerators],
      denominator: formulaDenominator,
      limits: formulaNumerators.map(() => null),
    };
  const floor = hasFloor ? BigInt(formula.floorPerUnit as number) : 0n;
  const cap = hasCap ? BigInt(formula.capPerUnit as number) : 0n;
  if (floor * count > pool)
    throw new AllocationError(
      ALLOCATION_ERROR.floorsAbovePool,
      `The floor for ${count} units (${floor * count} riel) is more than the pool (${pool} riel).`,
    );
  if (hasCap && cap * count < pool)
    throw new AllocationError(
      ALLOCATION_ERROR.capsBelowPool,
      `The cap for ${count} units (${cap * count} riel) is less than the pool (${pool} riel).`,
    );

  type Side = 'floor' | 'cap' | null;
  const sideAt = (mu: Ratio, n: bigint): Side => {
    const amount = mu.a * n; // compare μ·n with the limits, all times b
    if (hasFloor && amount <= floor * mu.b) return 'floor';
    if (hasCap && amount >= cap * mu.b) return 'cap';
    return null;
  };
  // Sum of the clamped amounts at μ, compared with the pool: -1, 0, 1.
  const compareSum = (mu: Ratio): number => {
    let sum = 0n;
    for (const n of formulaNumerators) {
      const side = sideAt(mu, n);
      sum += side === 'floor' ? floor * mu.b : side === 'cap' ? cap * mu.b : mu.a * n;
    }
    const target = pool * mu.b;
    return sum < target ? -1 : sum > target ? 1 : 0;
  };

  const breakpoints: Ratio[] = [];
  for (const n of formulaNumerators)
    if (n > 0n) {
      if (hasFloor) breakpoints.push({ a: floor, b: n });
      if (hasCap) breakpoints.push({ a: cap, b: n });
    }
  breakpoints.sort((x, y) => (less(x, y) ? -1 : less(y, x) ? 1 : 0));
  // The last breakpoint whose sum is at most the pool.
  let low = -1;
  let high = breakpoints.length;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (compareSum(breakpoints[middle] as Ratio) <= 0) low = middle;
    else high = middle;
  }
  const lowPoint = low >= 0 ? (breakpoints[low] as Ratio) : undefined;
  const highPoint = high < breakpoints.length ? (breakpoints[high] as Ratio) : undefined;
  // A μ strictly inside the stretch (or at the breakpoint itself when it hits the pool) fixes who is held.
  const probe: Ratio =
    lowPoint && compareSum(lowPoint) === 0
      ? lowPoint
      : lowPoint && highPoint
        ? { a: lowPoint.a * highPoint.b + highPoint.a * lowPoint.b, b: 2n * lowPoint.b * highPoint.b }
        : lowPoint
          ? { a: lowPoint.a * 2n, b: lowPoint.b }
          : highPoint
            ? { a: highPoint.a, b: highPoint.b * 2n }
            : { a: 1n, b: 1n };
  const limits = formulaNumerators.map((n) => sideAt(probe, n));
  let held = 0n;
  let freeTotal = 0n;
  formulaNumerators.forEach((n, u) => {
    const side = limits[u];
    if (side === 'floor') held += floor;
    else if (side === 'cap') held += cap;
    else freeTotal += n;
  });
  const rest = pool - held;
  if (freeTotal === 0n && rest !== 0n)
    // Only when units the formula gives nothing cannot take the money the capped ones leave.
    throw new AllocationError(
      rest > 0n ? ALLOCATION_ERROR.capsBelowPool : ALLOCATION_ERROR.floorsAbovePool,
      'The floors and caps cannot be met with this pool.',
    );
  const denominator = freeTotal > 0n ? freeTotal : 1n;
  const numerators = formulaNumerators.map((n, u) => {
    const side = limits[u];
    if (side === 'floor') return floor * denominator;
    if (side === 'cap') return cap * denominator;
    return rest * n;
  });
  return { numerators, denominator, limits };
}

function signedRatio(numerator: bigint, denominator: bigint): string {
  const negative = numerator < 0n;
  const text = formatRatio(negative ? -numerator : numerator, denominator, AMOUNT_DECIMALS);
  return negative && /[1-9]/.test(text) ? `-${text}` : text;
}
