/**
 * The calendar page's pure parts: which years to offer, the year in the address, a date's
 * weekday, and the edit form's rows to and from the API's shape. No React, no i18next: tested
 * in helpers.test.ts.
 */
import { parseNumber } from '../../../lib/numbers.ts';

/** The API's bounds for a year (YearParams in api/src/modules/services/standards.schemas.ts). */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

/** The API's bound for the due-date helper (DueDateQuery: at most 250 working days). */
export const MAX_DAYS = 250;

/** This year, the two before and the two after; a year from the address is added when outside them. */
export function yearChoices(thisYear: number, shown?: number): number[] {
  const years = [-2, -1, 0, 1, 2].map((offset) => thisYear + offset);
  if (shown !== undefined && !years.includes(shown)) years.push(shown);
  return years.sort((a, b) => a - b);
}

/** The `?year=` of the address when it is a year the API knows, otherwise this year. */
export function yearFromAddress(param: string | null, thisYear: number): number {
  if (param === null || !/^\d{4}$/.test(param)) return thisYear;
  const year = Number(param);
  return year >= FIRST_YEAR && year <= LAST_YEAR ? year : thisYear;
}

/** 0 (Sunday) to 6 (Saturday) for a YYYY-MM-DD day, whatever the browser's time zone. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export interface HolidayRow {
  /** A key for React that stays with the row while its date is edited. */
  key: number;
  date: string;
  nameKm: string;
  nameEn: string;
}

export interface HolidayInput {
  date: string;
  nameKm: string;
  nameEn: string;
}

let nextKey = 1;

export function newRow(values: Partial<HolidayInput> = {}): HolidayRow {
  nextKey += 1;
  return { key: nextKey, date: values.date ?? '', nameKm: values.nameKm ?? '', nameEn: values.nameEn ?? '' };
}

export function rowsOf(holidays: readonly HolidayInput[]): HolidayRow[] {
  return holidays.map((holiday) => newRow(holiday));
}

/** The one source of a year's list (every holiday of a year is saved with the same one). */
export function sourceOf(holidays: readonly { source: string }[]): string {
  return [...new Set(holidays.map((holiday) => holiday.source))].join(' / ');
}

/** The body of PUT /api/services/calendar/{year}, names trimmed, in the order of the days. */
export function bodyOf(rows: readonly HolidayRow[], source: string, isExample: boolean) {
  return {
    holidays: rows
      .map((row) => ({ date: row.date, nameKm: row.nameKm.trim(), nameEn: row.nameEn.trim() }))
      .sort((a, b) => a.date.localeCompare(b.date)),
    source: source.trim(),
    isExample,
  };
}

/**
 * What the form must have before it is sent: a source and, on every row, a day and both names.
 * Whether a day falls in the year or is listed twice is the API's to say (its stable codes).
 */
export function formProblems(
  rows: readonly HolidayRow[],
  source: string,
): { source: boolean; rows: number[] } {
  return {
    source: source.trim() === '',
    rows: rows
      .filter((row) => row.date === '' || row.nameKm.trim() === '' || row.nameEn.trim() === '')
      .map((row) => row.key),
  };
}

/** The number of working days typed in the due-date helper, or null when it is not one. */
export function daysFromText(text: string): number | null {
  return parseNumber(text, { max: MAX_DAYS });
}
