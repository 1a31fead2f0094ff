/**
 * Calendar dates as people type them and as the API takes them. The API speaks ISO
 * (`2026-11-20`); a Cambodian clerk writes day/month/year (`20/11/2026`), often with Khmer digits
 * (`២០/១១/២០២៦`) from a phone's Khmer keyboard. Pure functions, no time zone: a calendar date is
 * a day, not an instant.
 */
import { latinDigits } from './numbers.ts';
import { digits, type FormatOptions } from './format.ts';

const DAY_MONTH_YEAR = /^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{4})$/;
const YEAR_MONTH_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** The ISO date of a year, month and day, or null when there is no such day (31/02, 29/02/2027). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * A date typed by a person, as ISO, or null: "20/11/2026", "២០/១១/២០២៦", "20.11.2026",
 * "20-11-2026" and "2026-11-20" are all 20 November 2026; "11/20/2026" and "31/02/2026" are null
 * (day first, as in Cambodian documents; never guessed).
 */
export function parseTypedDate(text: string): string | null {
  const clean = latinDigits(text).trim();
  const ymd = YEAR_MONTH_DAY.exec(clean);
  if (ymd) return isoDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  const dmy = DAY_MONTH_YEAR.exec(clean);
  if (dmy) return isoDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  return null;
}

/** An ISO date as it is typed back: day/month/year, in Khmer digits when the reader has them. */
export function typedDate(iso: string, o: FormatOptions): string {
  const match = YEAR_MONTH_DAY.exec(iso);
  if (!match) return iso;
  return digits(`${pad(Number(match[3]))}/${pad(Number(match[2]))}/${match[1]}`, o);
}

/** A JavaScript Date at local midnight of an ISO date, as calendar widgets expect; null if not one. */
export function localDate(iso: string): Date | null {
  const match = YEAR_MONTH_DAY.exec(iso);
  if (!match || parseTypedDate(iso) === null) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** The ISO date of a local Date (the day a calendar widget picked). */
export function isoOfLocal(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
