/** Periods as DHIS2 writes them, and the values' checks and ratios (pure). */
import { describe, expect, it } from 'vitest';
import { parsePeriod, periodsHolding } from './periods.ts';
import { checkValue, indicatorValue } from './values.ts';

describe('periods', () => {
  it('reads years (the fiscal year is the calendar year), quarters and months with their days', () => {
    expect(parsePeriod('2025')).toEqual({
      code: '2025',
      type: 'yearly',
      year: 2025,
      start: '2025-01-01',
      end: '2025-12-31',
    });
    expect(parsePeriod('2024Q1')).toMatchObject({
      type: 'quarterly',
      start: '2024-01-01',
      end: '2024-03-31',
    });
    expect(parsePeriod('202402')).toMatchObject({ type: 'monthly', start: '2024-02-01', end: '2024-02-29' });
    expect(parsePeriod('202502')?.end).toBe('2025-02-28');
    for (const bad of ['2025Q5', '202513', '202500', '25', '2025-01', '2025W01', '', '1800', '20250101']) {
      expect(parsePeriod(bad), bad).toBeNull();
    }
  });

  it('counts a month in its quarter and year, a quarter in its year', () => {
    expect(periodsHolding(parsePeriod('202511')!)).toEqual(['202511', '2025Q4', '2025']);
    expect(periodsHolding(parsePeriod('2025Q2')!)).toEqual(['2025Q2', '2025']);
    expect(periodsHolding(parsePeriod('2025')!)).toEqual(['2025']);
  });
});

describe('values', () => {
  it('checks a value against its type', () => {
    expect(checkValue('integer_zero_or_positive', '12')).toBe('12');
    expect(checkValue('integer_zero_or_positive', -1)).toBeNull();
    expect(checkValue('integer_zero_or_positive', '1.5')).toBeNull();
    expect(checkValue('integer', -4)).toBe('-4');
    expect(checkValue('number', '2.25')).toBe('2.25');
    expect(checkValue('percentage', 101)).toBeNull();
    expect(checkValue('number', Number.POSITIVE_INFINITY)).toBeNull();
    expect(checkValue('number', '1e5')).toBeNull();
    expect(checkValue('number', 'abc')).toBeNull();
  });

  it('gives a ratio no value for a zero or missing denominator, never Infinity', () => {
    expect(indicatorValue(3, 4, 100)).toBe(75);
    expect(indicatorValue(3, 0, 100)).toBeNull();
    expect(indicatorValue(3, null, 100)).toBeNull();
    expect(indicatorValue(null, 4, 100)).toBeNull();
    expect(indicatorValue(7, undefined, 1)).toBe(7);
  });
});
