/**
 * The working days' arithmetic over the holidays, read once per year and kept in memory by
 * `HolidayCalendar`, one per database handle (`calendarFor`): see calendar.service.ts.
 */
import type { Kysely } from 'kysely';
import { selectHolidayDays } from './calendar.queries.ts';
import { addWorkingDays, workingDaysBetween } from './working-days.ts';

const calendars = new WeakMap<object, HolidayCalendar>();

/**
 * The calendar of a database handle, one per process: the services module and the Open311 API
 * both use it, so a holiday edited through /api/services moves Open311's due dates at once.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any module's view of the database
export function calendarFor(db: Kysely<any>): HolidayCalendar {
  let calendar = calendars.get(db);
  if (!calendar) {
    calendar = new HolidayCalendar(db);
    calendars.set(db, calendar);
  }
  return calendar;
}

/** Years after the start year that a due date may reach (time limits are at most 250 working days). */
const YEARS_AHEAD = 2;

export class HolidayCalendar {
  private readonly windows = new Map<number, { loadedAt: number; days: Promise<ReadonlySet<string>> }>();

  constructor(
    private readonly db: Kysely<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
    private readonly ttlMs = 60_000,
  ) {}

  /** The holidays of `year` and the two years after it: enough for any due date from a day of `year`. */
  holidaysFrom(year: number): Promise<ReadonlySet<string>> {
    const cached = this.windows.get(year);
    if (cached && Date.now() - cached.loadedAt < this.ttlMs) return cached.days;
    const days = this.load(year, year + YEARS_AHEAD);
    this.windows.set(year, { loadedAt: Date.now(), days });
    // A failed read must not stay in memory.
    days.catch(() => this.windows.delete(year));
    return days;
  }

  /** Forgets what was read; the next computation reads the database again. */
  invalidate(): void {
    this.windows.clear();
  }

  private async load(first: number, last: number): Promise<ReadonlySet<string>> {
    return new Set(await selectHolidayDays(this.db, first, last));
  }

  /** The due date of something started on `start` with a time limit of `days` working days. */
  async dueDate(start: string, days: number): Promise<string> {
    return addWorkingDays(start, days, await this.holidaysFrom(Number(start.slice(0, 4))));
  }

  /** Working days in (from, to]. */
  async workingDaysBetween(from: string, to: string): Promise<number> {
    return workingDaysBetween(from, to, await this.holidaysFrom(Number(from.slice(0, 4))));
  }
}
