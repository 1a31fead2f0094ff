import { describe, expect, it } from 'vitest';
import {
  countTicks,
  defaultPeriod,
  defaultUnit,
  filtersQuery,
  isMonth,
  mayView,
  meanStars,
  medianDecimals,
  monthChoices,
  monthRange,
  periodProblem,
  ratePercent,
  shares,
  shiftMonth,
} from './helpers.ts';

describe('months', () => {
  it('recognises YYYY-MM only', () => {
    expect(isMonth('2026-01')).toBe(true);
    expect(isMonth('2026-12')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-00')).toBe(false);
    expect(isMonth('2026-1')).toBe(false);
    expect(isMonth(null)).toBe(false);
  });

  it('shifts across years', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
    expect(shiftMonth('2026-11', -11)).toBe('2025-12');
    expect(shiftMonth('2026-03', -27)).toBe('2023-12');
  });

  it('lists every month of a range, both ends included, and none when reversed', () => {
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthRange('2026-05', '2026-05')).toEqual(['2026-05']);
    expect(monthRange('2026-05', '2026-04')).toEqual([]);
  });

  it('defaults to the last twelve months, this one included, as the API does', () => {
    expect(defaultPeriod('2026-11-27')).toEqual({ from: '2025-12', to: '2026-11' });
    expect(defaultPeriod('2026-01-01')).toEqual({ from: '2025-02', to: '2026-01' });
    const { from, to } = defaultPeriod('2026-11-27');
    expect(monthRange(from, to)).toHaveLength(12);
  });

  it('refuses a period out of order or longer than 120 months, as the API does', () => {
    expect(periodProblem('2026-01', '2026-01')).toBeNull();
    expect(periodProblem('2026-02', '2026-01')).toBe('order');
    expect(periodProblem('2016-12', '2026-11')).toBeNull();
    expect(periodProblem('2016-11', '2026-11')).toBe('length');
  });

  it('offers the latest month first, ten years back', () => {
    const months = monthChoices('2026-11-27');
    expect(months[0]).toBe('2026-11');
    expect(months).toHaveLength(120);
    expect(months.at(-1)).toBe('2016-12');
  });
});

describe('units', () => {
  it('start at the country for national holders, else at their first unit', () => {
    expect(defaultUnit([null, '23'])).toBeNull();
    expect(defaultUnit(['23', null])).toBeNull();
    expect(defaultUnit(['2302', '2301'])).toBe('2302');
    expect(defaultUnit([])).toBeUndefined();
  });

  it('may be seen at or below the person’s own units, anything nationally', () => {
    expect(mayView(['2302'], '2302')).toBe(true);
    expect(mayView(['2302'], '230201')).toBe(true);
    expect(mayView(['2302'], '23')).toBe(false);
    expect(mayView(['2302'], '2301')).toBe(false);
    expect(mayView(['2302'], null)).toBe(false);
    expect(mayView([null], null)).toBe(true);
    expect(mayView([null], '12')).toBe(true);
  });
});

describe('the filters', () => {
  it('are the same query for the answer and the downloads; the country has no unit', () => {
    expect(filtersQuery({ unit: '2302', from: '2025-12', to: '2026-11' })).toBe(
      'unit=2302&from=2025-12&to=2026-11',
    );
    expect(filtersQuery({ unit: null, from: '2025-12', to: '2026-11' })).toBe('from=2025-12&to=2026-11');
  });
});

describe('figures', () => {
  it('show a rate as a percent with one decimal, none when nothing was completed', () => {
    expect(ratePercent(1)).toBe(100);
    expect(ratePercent(2 / 3)).toBe(66.7);
    expect(ratePercent(0)).toBe(0);
    expect(ratePercent(null)).toBeNull();
  });

  it('show a median whole, or with its half', () => {
    expect(medianDecimals(4)).toBe(0);
    expect(medianDecimals(3.5)).toBe(1);
    expect(medianDecimals(0)).toBe(0);
  });

  it('round mean stars to one decimal', () => {
    expect(meanStars(4.25)).toBe(4.3);
    expect(meanStars(13 / 3)).toBe(4.3);
    expect(meanStars(null)).toBeNull();
  });

  it('share a distribution out of its sum', () => {
    expect(shares([1, 0, 0, 1, 2])).toEqual([0.25, 0, 0, 0.25, 0.5]);
    expect(shares([0, 0, 0, 0, 0])).toEqual([0, 0, 0, 0, 0]);
  });

  it('tick counts in whole numbers from zero', () => {
    expect(countTicks(0)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1].filter(Number.isInteger));
    expect(countTicks(3).every(Number.isInteger)).toBe(true);
    expect(countTicks(3)[0]).toBe(0);
    expect(Math.max(...countTicks(47))).toBeGreaterThanOrEqual(40);
  });
});
