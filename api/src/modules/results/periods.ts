/**
 * Periods as DHIS2 writes them: `2025` a year, `2025Q1` a quarter, `202501` a month. Cambodia's
 * fiscal year is the calendar year (Law on Public Finance System), so the fiscal year is the
 * yearly period: no separate type. Pure: no I/O.
 */
import type { PeriodType } from './results.tables.ts';

export interface Period {
  code: string;
  type: PeriodType;
  year: number;
  /** First and last day, YYYY-MM-DD. */
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The period a code names, or null when it is not one (years 1900-2100). */
export function parsePeriod(code: string): Period | null {
  let match = /^(\d{4})$/.exec(code);
  if (match) {
    const year = Number(match[1]);
    if (year < 1900 || year > 2100) return null;
    return { code, type: 'yearly', year, start: `${year}-01-01`, end: `${year}-12-31` };
  }
  match = /^(\d{4})Q([1-4])$/.exec(code);
  if (match) {
    const year = Number(match[1]);
    if (year < 1900 || year > 2100) return null;
    const quarter = Number(match[2]);
    const first = (quarter - 1) * 3 + 1;
    const last = first + 2;
    return {
      code,
      type: 'quarterly',
      year,
      start: `${year}-${pad(first)}-01`,
      end: `${year}-${pad(last)}-${pad(lastDay(year, last))}`,
    };
  }
  match = /^(\d{4})(0[1-9]|1[0-2])$/.exec(code);
  if (match) {
    const year = Number(match[1]);
    if (year < 1900 || year > 2100) return null;
    const month = Number(match[2]);
    return {
      code,
      type: 'monthly',
      year,
      start: `${year}-${pad(month)}-01`,
      end: `${year}-${pad(month)}-${pad(lastDay(year, month))}`,
    };
  }
  return null;
}

/** The months of a year, as period codes (for forms and benchmarks). */
export function monthsOf(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}${pad(i + 1)}`);
}

/** The period itself and every longer period holding it: a month, its quarter, its year. */
export function periodsHolding(period: Period): string[] {
  const year = String(period.year);
  if (period.type === 'yearly') return [period.code];
  if (period.type === 'quarterly') return [period.code, year];
  const month = Number(period.code.slice(4, 6));
  return [period.code, `${year}Q${Math.ceil(month / 3)}`, year];
}
