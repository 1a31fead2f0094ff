import { describe, expect, it } from 'vitest';
import { classOf, classRanges, paletteFor, quantileBreaks, SEQUENTIAL_PALETTE } from './classes.ts';

describe('quantile classes', () => {
  it('splits ten values into five classes of two', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const classes = quantileBreaks(values);
    expect(classes.breaks).toEqual([3, 5, 7, 9]);
    expect(values.map((v) => classOf(v, classes.breaks))).toEqual([0, 0, 0, 1, 1, 2, 2, 3, 3, 4]);
    expect(classRanges(classes)).toEqual([
      [1, 3],
      [3, 5],
      [5, 7],
      [7, 9],
      [9, 10],
    ]);
  });

  it('starts each class of whole numbers one above the previous one', () => {
    const classes = quantileBreaks([0, 0, 0, 0, 0, 0, 0, 18]);
    expect(classes.breaks).toEqual([0]);
    expect(classRanges(classes, true)).toEqual([
      [0, 0],
      [1, 18],
    ]);
  });

  it('keeps equal values in one class and never an empty last class', () => {
    const classes = quantileBreaks([4, 4, 4, 4]);
    expect(classes.breaks).toEqual([]);
    expect(classRanges(classes)).toEqual([[4, 4]]);
    expect(paletteFor(1)).toHaveLength(1);
  });

  it('handles no values', () => {
    expect(quantileBreaks([])).toEqual({ breaks: [], min: 0, max: 0 });
  });

  it('spreads a short palette from light to dark', () => {
    expect(paletteFor(2)).toEqual([SEQUENTIAL_PALETTE[0], SEQUENTIAL_PALETTE[4]]);
    expect(paletteFor(5)).toEqual([...SEQUENTIAL_PALETTE]);
  });
});
