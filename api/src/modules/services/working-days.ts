/**
 * Working days: Monday to Friday, except public holidays. Pure functions over calendar days
 * written YYYY-MM-DD (Cambodia has one time zone and no daylight saving, so a day is a day);
 * no I/O. The holidays come from the calendar the national level keeps (calendar.service.ts).
 */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (a Thursday), for arithmetic without time zones. */
export function dayNumber(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
}

export function dayText(number: number): string {
  return new Date(number * DAY_MS).toISOString().slice(0, 10);
}

/** Saturday and Sunday: government offices are closed. */
export function isWeekendDay(number: number): boolean {
  const weekday = (number + 4) % 7; // 0 Sunday … 6 Saturday (1970-01-01 was a Thursday, 4)
  return weekday === 0 || weekday === 6;
}

export function isWorkingDay(day: string, holidays: ReadonlySet<string>): boolean {
  return !isWeekendDay(dayNumber(day)) && !holidays.has(day);
}

/**
 * The day on which `n` working days after `start` have passed. The start day itself never
 * counts (an application filed on Friday afternoon with a time limit of 1 working day is due
 * on Monday), so `n = 0` gives `start`. Weekends and the given holidays are skipped.
 */
export function addWorkingDays(start: string, n: number, holidays: ReadonlySet<string>): string {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`addWorkingDays: n must be a whole number ≥ 0, not ${n}`);
  let day = dayNumber(start);
  let left = n;
  while (left > 0) {
    day += 1;
    if (!isWeekendDay(day) && !holidays.has(dayText(day))) left -= 1;
  }
  return dayText(day);
}

/**
 * Working days in (from, to]: how many working days passed between two days (0 when `to` is
 * not after `from`). Used for the days an application's clock stood still.
 */
export function workingDaysBetween(from: string, to: string, holidays: ReadonlySet<string>): number {
  const last = dayNumber(to);
  let count = 0;
  for (let day = dayNumber(from) + 1; day <= last; day += 1) {
    if (!isWeekendDay(day) && !holidays.has(dayText(day))) count += 1;
  }
  return count;
}

/** Today in Cambodia: the platform's clock (services use ctx.today(); tests and benchmarks this). */
export { todayInCambodia } from '../../platform/clock.ts';
