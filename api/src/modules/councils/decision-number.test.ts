/** The numbering pattern of decisions, without a database: what is a pattern, what it writes. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DECISION_NUMBER_PATTERN,
  formatDecisionNumber,
  numberPatternProblem,
} from './decision-number.ts';

describe('decision numbering patterns', () => {
  it('writes the default number/year, padded numbers, Khmer digits and the office’s letters', () => {
    expect(DEFAULT_DECISION_NUMBER_PATTERN).toBe('{number}/{year}');
    expect(formatDecisionNumber(null, 3, 2026)).toBe('3/2026');
    expect(formatDecisionNumber('{number:3}/{year}', 7, 2026)).toBe('007/2026');
    expect(formatDecisionNumber('{number_km:3}/{year_km} ស.ក.ស', 12, 2026)).toBe('០១២/២០២៦ ស.ក.ស');
    // A number longer than the width is written whole.
    expect(formatDecisionNumber('{number:2}-{year}', 1234, 2027)).toBe('1234-2027');
  });

  it('accepts a pattern with the number once and the year once, and says why another is refused', () => {
    expect(numberPatternProblem('{number}/{year}')).toBeNull();
    expect(numberPatternProblem('លេខ {number_km:3} ស.ក.ស ឆ្នាំ {year_km}')).toBeNull();
    for (const bad of [
      '',
      '   ',
      '{number}',
      '{year}',
      '{number}/{number}/{year}',
      '{num}/{year}',
      '{number}/{year:2}',
      '{number:0}/{year}',
      '{number}/{year} {',
      `{number}/{year}${'x'.repeat(60)}`,
    ]) {
      expect(numberPatternProblem(bad), bad).not.toBeNull();
    }
  });
});
