import { describe, expect, it } from 'vitest';
import {
  bodyOf,
  daysFromText,
  formProblems,
  newRow,
  rowsOf,
  sourceOf,
  weekdayOf,
  yearChoices,
  yearFromAddress,
} from './helpers.ts';

describe('the calendar page’s helpers', () => {
  it('offer this year, the two before and the two after, and a year from the address', () => {
    expect(yearChoices(2026)).toEqual([2024, 2025, 2026, 2027, 2028]);
    expect(yearChoices(2026, 2027)).toEqual([2024, 2025, 2026, 2027, 2028]);
    expect(yearChoices(2026, 2030)).toEqual([2024, 2025, 2026, 2027, 2028, 2030]);
  });

  it('read the year of the address, falling back to this year', () => {
    expect(yearFromAddress(null, 2026)).toBe(2026);
    expect(yearFromAddress('2029', 2026)).toBe(2029);
    expect(yearFromAddress('29', 2026)).toBe(2026);
    expect(yearFromAddress('1999', 2026)).toBe(2026);
    expect(yearFromAddress('2101', 2026)).toBe(2026);
    expect(yearFromAddress('abc', 2026)).toBe(2026);
  });

  it('give the weekday of a day whatever the time zone', () => {
    expect(weekdayOf('2026-01-01')).toBe(4); // Thursday
    expect(weekdayOf('2029-04-14')).toBe(6); // Saturday
    expect(weekdayOf('2030-12-29')).toBe(0); // Sunday
  });

  it('turn rows into the API’s body: trimmed, in the order of the days', () => {
    const rows = rowsOf([
      { date: '2029-05-01', nameKm: ' ទិវាពលកម្ម ', nameEn: 'Labour Day ' },
      { date: '2029-01-01', nameKm: 'ចូលឆ្នាំសកល', nameEn: 'New Year' },
    ]);
    expect(new Set(rows.map((row) => row.key)).size).toBe(2);
    expect(bodyOf(rows, ' Sub-decree No. 1 ', false)).toEqual({
      holidays: [
        { date: '2029-01-01', nameKm: 'ចូលឆ្នាំសកល', nameEn: 'New Year' },
        { date: '2029-05-01', nameKm: 'ទិវាពលកម្ម', nameEn: 'Labour Day' },
      ],
      source: 'Sub-decree No. 1',
      isExample: false,
    });
  });

  it('ask for a source and complete rows before sending', () => {
    const full = newRow({ date: '2029-01-01', nameKm: 'ក', nameEn: 'A' });
    const half = newRow({ date: '2029-01-02', nameKm: 'ខ' });
    expect(formProblems([full, half], '  ')).toEqual({ source: true, rows: [half.key] });
    expect(formProblems([full], 'Sub-decree')).toEqual({ source: false, rows: [] });
  });

  it('name the one source of a year’s list', () => {
    expect(sourceOf([])).toBe('');
    expect(sourceOf([{ source: 'A' }, { source: 'A' }])).toBe('A');
  });

  it('read a number of working days in Latin or Khmer digits, up to 250', () => {
    expect(daysFromText('15')).toBe(15);
    expect(daysFromText(' ១៥ ')).toBe(15);
    expect(daysFromText('0')).toBe(0);
    expect(daysFromText('250')).toBe(250);
    expect(daysFromText('251')).toBeNull();
    expect(daysFromText('')).toBeNull();
    expect(daysFromText('1.5')).toBeNull();
  });
});
