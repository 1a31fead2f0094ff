import { describe, expect, it } from 'vitest';
import { nextStep, problemColumns, problemKey, problemPage, type ImportProblem } from './import-report.ts';

function problem(at: Partial<ImportProblem> = {}): ImportProblem {
  return {
    code: 'x.import.bad',
    message: 'Bad',
    file: null,
    sheet: null,
    row: null,
    column: null,
    value: null,
    ...at,
  };
}

describe('problemColumns', () => {
  it('keeps only the columns some problem fills in, in a fixed order', () => {
    expect(problemColumns([problem({ value: 'abc', row: 3 }), problem({ sheet: 'S1' })])).toEqual([
      'sheet',
      'row',
      'value',
    ]);
  });

  it('needs no optional column for problems of the whole file', () => {
    expect(problemColumns([problem()])).toEqual([]);
    expect(problemColumns([])).toEqual([]);
  });

  it('counts row 0 as filled in, and an empty text as not', () => {
    expect(problemColumns([problem({ row: 0, column: '' })])).toEqual(['row']);
  });
});

describe('problemPage', () => {
  const items = Array.from({ length: 23 }, (_, i) => i);

  it('cuts the list into pages', () => {
    expect(problemPage(items, 1, 10)).toEqual({
      items: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      page: 1,
      pageSize: 10,
      total: 23,
    });
    expect(problemPage(items, 3, 10).items).toEqual([20, 21, 22]);
  });

  it('keeps the page within the pages there are', () => {
    expect(problemPage(items, 9, 10).page).toBe(3);
    expect(problemPage(items, 0, 10).page).toBe(1);
    expect(problemPage([], 2, 10)).toEqual({ items: [], page: 1, pageSize: 10, total: 0 });
  });
});

describe('problemKey', () => {
  it('is the error text of the same code', () => {
    expect(problemKey('budgets.import.amount_invalid')).toBe('errors.budgets.import.amount_invalid');
  });
});

describe('nextStep', () => {
  const yes = { allowApplyValid: true, acceptable: true };

  it('offers to apply a clean file', () => {
    expect(nextStep({ problems: [], rowsValid: 4 }, yes)).toBe('apply');
  });

  it('offers the valid rows of a file with problems, when the import takes them', () => {
    expect(nextStep({ problems: [problem()], rowsValid: 4 }, yes)).toBe('applyValid');
    expect(nextStep({ problems: [problem()], rowsValid: 4 }, { ...yes, allowApplyValid: false })).toBe(
      'none',
    );
  });

  it('offers nothing without a valid row, or when the import refuses the file', () => {
    expect(nextStep({ problems: [problem()], rowsValid: 0 }, yes)).toBe('none');
    expect(nextStep({ problems: [], rowsValid: 4 }, { ...yes, acceptable: false })).toBe('none');
  });
});
