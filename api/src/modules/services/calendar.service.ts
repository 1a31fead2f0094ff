/**
 * The working-day calendar: public holidays per year (weekends are always closed), kept by the
 * national level, and the due-date arithmetic over it.
 *
 * Filing must be fast (hundreds of applications a second), so the holidays are read once per
 * year and kept in memory by `HolidayCalendar`, one per database handle (`calendarFor`): the
 * services and Open311 routes of a process share it. An edit empties its memory at once;
 * another API process sees the edit within `ttlMs` (60 s by default), which is the time a
 * holiday list edited in advance can wait.
 */
import type { Actor } from '../../platform/actor.ts';
import { deleteHolidaysOfYear, insertHolidays, selectHolidaysOfYear } from './calendar.queries.ts';
import type { ServicesContext, ServicesModuleContext } from './context.ts';
import { fail } from './services.errors.ts';
import type { ServicesDb } from './services.tables.ts';
import { isWeekendDay, dayNumber } from './working-days.ts';

export interface Holiday {
  date: string;
  nameKm: string;
  nameEn: string;
  source: string;
  isExample: boolean;
}

export { calendarFor, HolidayCalendar } from './holiday-calendar.ts';

// ------------------------------------------------------------------ reading and editing

export async function holidaysOfYear(db: ServicesDb, year: number): Promise<Holiday[]> {
  const rows = await selectHolidaysOfYear(db, year);
  return rows.map((row) => ({
    date: row.day,
    nameKm: row.name_km,
    nameEn: row.name_en,
    source: row.source,
    isExample: row.is_example,
  }));
}

export interface CalendarYear {
  year: number;
  weekendDays: string[];
  holidays: Holiday[];
  /** Monday to Friday days that are not holidays. */
  workingDays: number;
  /** False when no holiday of the year is recorded yet: due dates then skip weekends only. */
  defined: boolean;
}

export async function calendarYear(ctx: ServicesModuleContext, year: number): Promise<CalendarYear> {
  const holidays = await holidaysOfYear(ctx.db, year);
  const first = dayNumber(`${year}-01-01`);
  const last = dayNumber(`${year}-12-31`);
  const closed = new Set(holidays.map((holiday) => dayNumber(holiday.date)));
  let workingDays = 0;
  for (let day = first; day <= last; day += 1) if (!isWeekendDay(day) && !closed.has(day)) workingDays += 1;
  return { year, weekendDays: ['saturday', 'sunday'], holidays, workingDays, defined: holidays.length > 0 };
}

export interface HolidayInput {
  date: string;
  nameKm: string;
  nameEn: string;
}

/** Replaces the holidays of one year (national), with their source, in one audited transaction. */
export async function replaceHolidays(
  ctx: ServicesContext,
  actor: Actor,
  year: number,
  input: { holidays: HolidayInput[]; source: string; isExample?: boolean },
): Promise<CalendarYear> {
  const seen = new Set<string>();
  for (const holiday of input.holidays) {
    if (!holiday.date.startsWith(`${year}-`)) {
      throw fail('services.calendar.date_outside_year', {
        title: `Every day must fall in ${year}.`,
        detail: holiday.date,
      });
    }
    if (seen.has(holiday.date)) {
      throw fail('services.calendar.duplicate_date', holiday.date);
    }
    seen.add(holiday.date);
  }
  await ctx.inTransaction(async (trx) => {
    const before = await holidaysOfYear(trx, year);
    await deleteHolidaysOfYear(trx, year);
    await insertHolidays(
      trx,
      input.holidays.map((holiday) => ({
        day: holiday.date,
        name_km: holiday.nameKm.trim(),
        name_en: holiday.nameEn.trim(),
        source: input.source.trim(),
        is_example: input.isExample ?? false,
      })),
    );
    await ctx.audit.write(trx, actor, {
      action: 'services.calendar.replace',
      entityType: 'services.calendar',
      entityId: String(year),
      unitCode: null,
      before,
      after: await holidaysOfYear(trx, year),
    });
  });
  ctx.calendar.invalidate();
  return calendarYear(ctx, year);
}
