import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMO_HOLIDAYS } from './holidays-data.ts';
import {
  addWorkingDays,
  dayNumber,
  dayText,
  isWorkingDay,
  todayInCambodia,
  workingDaysBetween,
} from './working-days.ts';

const none = new Set<string>();
const holidays2026 = new Set((DEMO_HOLIDAYS[2026] ?? []).map((holiday) => holiday.date));

describe('addWorkingDays', () => {
  it('skips weekends and never counts the start day', () => {
    // 2026-11-27 is a Friday.
    expect(addWorkingDays('2026-11-27', 0, none)).toBe('2026-11-27');
    expect(addWorkingDays('2026-11-27', 1, none)).toBe('2026-11-30');
    expect(addWorkingDays('2026-11-28', 1, none)).toBe('2026-11-30'); // filed on a Saturday
    expect(addWorkingDays('2026-11-23', 5, none)).toBe('2026-11-30');
    expect(addWorkingDays('2026-11-23', 10, none)).toBe('2026-12-07');
  });

  it('skips a run of holidays such as Khmer New Year (14-16 April)', () => {
    const newYear = new Set(['2026-04-14', '2026-04-15', '2026-04-16']);
    // Monday 13 April + 1: Tuesday-Thursday are holidays, so Friday 17.
    expect(addWorkingDays('2026-04-13', 1, newYear)).toBe('2026-04-17');
    // Friday 10 April + 3: Mon 13, (Tue-Thu closed), Fri 17, Mon 20.
    expect(addWorkingDays('2026-04-10', 3, newYear)).toBe('2026-04-20');
    expect(addWorkingDays('2026-04-10', 3, none)).toBe('2026-04-15');
  });

  it('crosses the end of the year, with the new year’s holidays', () => {
    const days = new Set(['2026-12-29', '2027-01-01', '2027-01-07']);
    // Monday 28 December 2026 + 3: Wed 30, Thu 31, (Fri 1 Jan closed, weekend) Mon 4 January.
    expect(addWorkingDays('2026-12-28', 3, days)).toBe('2027-01-04');
    // + 6: Tue 5, Wed 6, (Thu 7 closed) Fri 8.
    expect(addWorkingDays('2026-12-28', 6, days)).toBe('2027-01-08');
    expect(addWorkingDays('2028-12-29', 1, none)).toBe('2029-01-01'); // a leap year's end
  });

  it('with the demo 2026 calendar: a 10-day limit filed before Pchum Ben', () => {
    // Mon 5 October + 10 working days: Tue 6 to Thu 8 (3), Fri 9 Pchum Ben, Mon 12 to Wed 14 (6),
    // Thu 15 King Father's commemoration, Fri 16 (7), Mon 19 to Wed 21 (10).
    expect(addWorkingDays('2026-10-05', 10, holidays2026)).toBe('2026-10-21');
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => addWorkingDays('2026-01-01', -1, none)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-01-01', 1.5, none)).toThrow(RangeError);
  });

  it('lands on a working day, after exactly n working days (any start, any holidays)', () => {
    const day = fc.integer({ min: dayNumber('2020-01-01'), max: dayNumber('2035-12-31') }).map(dayText);
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 1, max: 250 }),
        fc.uniqueArray(day, { maxLength: 40 }),
        (start, n, list) => {
          const holidays = new Set(list);
          const due = addWorkingDays(start, n, holidays);
          expect(isWorkingDay(due, holidays)).toBe(true);
          expect(workingDaysBetween(start, due, holidays)).toBe(n);
        },
      ),
    );
  });
});

describe('workingDaysBetween', () => {
  it('counts the working days in (from, to]', () => {
    expect(workingDaysBetween('2026-11-23', '2026-11-23', none)).toBe(0);
    expect(workingDaysBetween('2026-11-23', '2026-11-30', none)).toBe(5);
    expect(workingDaysBetween('2026-11-30', '2026-11-23', none)).toBe(0);
    expect(
      workingDaysBetween('2026-04-10', '2026-04-20', new Set(['2026-04-14', '2026-04-15', '2026-04-16'])),
    ).toBe(3);
  });
});

describe('todayInCambodia', () => {
  it('is UTC+07:00', () => {
    expect(todayInCambodia(new Date('2026-11-26T16:59:59Z'))).toBe('2026-11-26');
    expect(todayInCambodia(new Date('2026-11-26T17:00:00Z'))).toBe('2026-11-27');
  });
});
