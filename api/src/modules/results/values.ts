/** Checking one typed value against its data element's type; ratios. Pure: no I/O. */
import type { ValueType } from './results.tables.ts';

/** The value as stored (a decimal string), or null when it does not fit the type. */
export function checkValue(type: ValueType, raw: string | number): string | null {
  const text = typeof raw === 'number' ? (Number.isFinite(raw) ? String(raw) : '') : raw.trim();
  if (!/^-?\d{1,15}(\.\d{1,6})?$/.test(text)) return null;
  const value = Number(text);
  if (!Number.isFinite(value)) return null;
  switch (type) {
    case 'integer_zero_or_positive':
      return Number.isInteger(value) && value >= 0 ? String(value) : null;
    case 'integer':
      return Number.isInteger(value) ? String(value) : null;
    case 'percentage':
      return value >= 0 && value <= 100 ? text : null;
    case 'number':
      return text;
  }
}

/**
 * An indicator's value from its sums: factor × numerator ÷ denominator, or factor × numerator
 * without a denominator. No value (null) when the numerator is missing or the denominator is
 * missing or zero: never Infinity, never NaN.
 */
export function indicatorValue(
  numerator: number | null,
  denominator: number | null | undefined,
  factor: number,
): number | null {
  if (numerator === null) return null;
  if (denominator === undefined) return numerator * factor;
  if (denominator === null || denominator === 0) return null;
  return (numerator / denominator) * factor;
}
