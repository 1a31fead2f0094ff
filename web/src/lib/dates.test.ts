import { describe, expect, it } from 'vitest';
import { dateProblem } from '../components/date-input.tsx';
import { isoDate, isoOfLocal, localDate, parseTypedDate, typedDate } from './dates.ts';

describe('dates as people type them', () => {
  it('reads day/month/year in Khmer or Latin digits, with any usual separator, and ISO', () => {
    for (const text of [
      '20/11/2026',
      '២០/១១/២០២៦',
      '20.11.2026',
      '20-11-2026',
      ' 20 / 11 / 2026 ',
      '2026-11-20',
    ])
      expect(parseTypedDate(text), text).toBe('2026-11-20');
    expect(parseTypedDate('៥/៣/២០២៤')).toBe('2024-03-05');
  });

  it('never guesses: month-first, days that do not exist and partial dates are refused', () => {
    for (const text of [
      '11/20/2026',
      '31/02/2026',
      '29/02/2027',
      '20/11',
      '2026',
      '',
      'tomorrow',
      '20/11/26',
    ])
      expect(parseTypedDate(text), text).toBeNull();
    expect(parseTypedDate('29/02/2028')).toBe('2028-02-29');
    expect(isoDate(1899, 1, 1)).toBeNull();
  });

  it('writes a date back as it is typed, in Khmer digits when the reader has them', () => {
    expect(typedDate('2026-11-05', { lang: 'km', khmerDigits: true })).toBe('០៥/១១/២០២៦');
    expect(typedDate('2026-11-05', { lang: 'en', khmerDigits: false })).toBe('05/11/2026');
    expect(parseTypedDate(typedDate('2026-01-31', { lang: 'km', khmerDigits: true }))).toBe('2026-01-31');
  });

  it('gives calendar widgets a local midnight and takes their day back unchanged', () => {
    const day = localDate('2026-12-31');
    expect(day?.getDate()).toBe(31);
    expect(isoOfLocal(day as Date)).toBe('2026-12-31');
    expect(localDate('2026-02-30')).toBeNull();
  });

  it('says what is wrong with a typed date: not one, or outside the bounds', () => {
    expect(dateProblem('', '2026-01-01')).toBeNull();
    expect(dateProblem('32/01/2026')).toBe('invalid');
    expect(dateProblem('31/12/2025', '2026-01-01', '2026-12-31')).toBe('range');
    expect(dateProblem('០១/០១/២០២៧', '2026-01-01', '2026-12-31')).toBe('range');
    expect(dateProblem('01/01/2026', '2026-01-01', '2026-12-31')).toBeNull();
  });
});
