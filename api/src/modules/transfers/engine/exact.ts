/**
 * Exact arithmetic for money. Percents, amounts and indicator values arrive as JS numbers; they
 * are read as the decimals they print as (0.1 is one tenth, not 0.1000000000000000055…) and
 * computed on with BigInt, so that sums are exact and the same inputs always give the same riel.
 */

/** A percent is read with at most this many decimals (12.3456 %). */
export const PERCENT_DECIMALS = 4;
/** A percent scaled to an integer: 100 % = 10^6. */
export const PERCENT_ONE_HUNDRED = 10n ** BigInt(PERCENT_DECIMALS + 2);

export interface Decimal {
  /** The digits as an integer: 12.5 → 125n. */
  units: bigint;
  /** How many of the digits are decimals: 12.5 → 1. */
  scale: number;
}

const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

/** The exact decimal a finite number prints as (`String(value)`, exponent included). */
export function decimalOf(value: number): Decimal {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
  if (Number.isSafeInteger(value)) return { units: BigInt(value), scale: 0 };
  const match = NUMBER_TEXT.exec(String(value));
  if (!match) throw new RangeError(`Unexpected number text: ${String(value)}`);
  const [, sign, whole = '0', fraction = '', exponent = '0'] = match;
  let units = BigInt(whole + fraction);
  let scale = fraction.length - Number(exponent);
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { units: sign === '-' ? -units : units, scale };
}

/** The number as an integer count of 10^-scale: scaled(1.5, 2) = 150n. Undefined when it has more decimals. */
export function scaled(value: number, scale: number): bigint | undefined {
  const decimal = decimalOf(value);
  if (decimal.scale > scale) return undefined;
  return decimal.units * 10n ** BigInt(scale - decimal.scale);
}

/** A percent as an integer where 100 % = 10^6; undefined when it has more than 4 decimals. */
export function percentUnits(percent: number): bigint | undefined {
  return scaled(percent, PERCENT_DECIMALS);
}

export function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function lcm(a: bigint, b: bigint): bigint {
  return a === 0n || b === 0n ? 0n : (a / gcd(a, b)) * b;
}

/** Floor division for non-negative numerators and positive denominators. */
export function divFloor(numerator: bigint, denominator: bigint): bigint {
  return numerator / denominator;
}

/**
 * numerator/denominator as a decimal string with `decimals` places, rounded half up
 * (non-negative values only, which is all money and shares are here).
 */
export function formatRatio(numerator: bigint, denominator: bigint, decimals: number): string {
  if (denominator <= 0n || numerator < 0n) throw new RangeError('formatRatio expects n >= 0, d > 0');
  const rounded = (numerator * TEN_POWERS[decimals]! * 2n + denominator) / (denominator * 2n);
  if (decimals === 0) return rounded.toString();
  // One division, then the decimal point is put in the digits: cheaper than a second division.
  const digits = rounded.toString().padStart(decimals + 1, '0');
  return `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

const TEN_POWERS = Array.from({ length: 40 }, (_, power) => 10n ** BigInt(power));

/** An integer count of 10^-scale as a decimal string without trailing zeros (125n, 1 → "12.5"). */
export function formatScaled(units: bigint, scale: number): string {
  if (scale === 0) return units.toString();
  const text = formatRatio(units, 10n ** BigInt(scale), scale);
  return text.replace(/\.?0+$/, '');
}

/**
 * Largest remainder (Hamilton) apportionment: shares `total` whole parts among claims whose
 * exact quotas are numerators[i] / denominator (the quotas must add up to `total` exactly).
 * Each claim gets the whole part of its quota; the parts left over go one each to the largest
 * remainders, ties to the earlier index. Callers order claims so that "earlier" is a stable
 * rule (units by code, components and parts in formula order).
 */
export function largestRemainder(
  total: bigint,
  numerators: readonly bigint[],
  denominator: bigint,
): bigint[] {
  const result = numerators.map((numerator) => numerator / denominator);
  let left = total - result.reduce((sum, part) => sum + part, 0n);
  if (left < 0n || left > BigInt(numerators.length))
    throw new RangeError('largestRemainder: the quotas do not add up to the total');
  if (left === 0n) return result;
  const order = numerators
    .map((numerator, index) => ({ index, remainder: numerator % denominator }))
    .filter((claim) => claim.remainder > 0n)
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const claim of order) {
    if (left === 0n) break;
    result[claim.index] = (result[claim.index] as bigint) + 1n;
    left -= 1n;
  }
  if (left !== 0n) throw new RangeError('largestRemainder: the quotas do not add up to the total');
  return result;
}
