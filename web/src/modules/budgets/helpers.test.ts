import { describe, expect, it } from 'vitest';
import {
  chartRows,
  executionPercent,
  groupLines,
  hasActuals,
  openDataLinks,
  yearsToLink,
} from './helpers.ts';
import { parseNumber } from '../../lib/numbers.ts';

const line = (direction: 'revenue' | 'expenditure', economicCode: string, amount: number, actual = 0) => ({
  direction,
  economicCode,
  amount,
  actuals: { total: actual },
});

describe('groupLines', () => {
  it('puts revenue before expenditure, each ordered by economic class', () => {
    const groups = groupLines([
      line('expenditure', '64', 1),
      line('revenue', '74', 2),
      line('revenue', '71', 3),
    ]);
    expect(groups.map((group) => group.direction)).toEqual(['revenue', 'expenditure']);
    expect(groups[0]?.lines.map((item) => item.economicCode)).toEqual(['71', '74']);
    expect(groups[1]?.lines.map((item) => item.economicCode)).toEqual(['64']);
  });
});

describe('executionPercent and hasActuals', () => {
  it('divides actual by budget, with no rate for an empty budget', () => {
    expect(executionPercent(50, 200)).toBe(25);
    expect(executionPercent(10, 0)).toBeNull();
  });
  it('sees actuals only when one line has some', () => {
    expect(hasActuals([line('revenue', '71', 5)])).toBe(false);
    expect(hasActuals([line('revenue', '71', 5), line('expenditure', '60', 5, 2)])).toBe(true);
  });
});

describe('parseRiel', () => {
  it('reads Latin and Khmer digits with separators', () => {
    expect(parseNumber('1,500,000')).toBe(1_500_000);
    expect(parseNumber('១ ៥០០ ០០០')).toBe(1_500_000);
    expect(parseNumber('0')).toBe(0);
  });
  it('refuses negative, fractional-looking or empty amounts', () => {
    expect(parseNumber('-5')).toBeNull();
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('12a')).toBeNull();
    expect(parseNumber('99999999999999999999')).toBeNull();
  });
});

describe('yearsToLink and openDataLinks', () => {
  it('links next year, this year and last year', () => {
    expect(yearsToLink('2026-05-01')).toEqual([2027, 2026, 2025]);
  });
  it('names the descriptor and the CSV resource of a tier', () => {
    expect(openDataLinks(2026, 'commune')).toEqual({
      descriptor: '/api/open-data/budgets/2026/datapackage.json?tier=commune',
      csv: '/api/open-data/budgets/2026/commune-budget-lines.csv',
    });
  });
});

describe('chartRows', () => {
  it('keeps classes with a budget or an actual, the largest budgets first, at most the limit', () => {
    const rows = chartRows(
      [
        { code: 'a', budget: 10, actual: 0 },
        { code: 'b', budget: 0, actual: 0 },
        { code: 'c', budget: 30, actual: 5 },
        { code: 'd', budget: 20, actual: 1 },
      ],
      2,
    );
    expect(rows.map((row) => row.code)).toEqual(['c', 'd']);
  });
});
