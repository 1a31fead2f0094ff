/**
 * Pure pieces of the office dashboard: months (YYYY-MM) and periods, the unit a person looks at
 * by default and whether a chosen unit is theirs to see, the filters as a query string (the
 * same for the JSON, the CSV and the Excel file), and figures that may be missing (a rate or a
 * median when nothing was completed).
 */
import { holdsAt } from '../../../lib/scope.ts';
import { scaleLinear } from 'd3-scale';

/** The API refuses longer periods (services.dashboard.bad_period). */
export const MAX_MONTHS = 120;

const MONTH = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

export function isMonth(text: string | null | undefined): text is string {
  return typeof text === 'string' && MONTH.test(text);
}

/** Months since year 0, so that months can be counted and shifted. */
export function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export function monthOfIndex(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function shiftMonth(month: string, by: number): string {
  return monthOfIndex(monthIndex(month) + by);
}

/** Every month from `from` to `to`, both included; empty when `from` is after `to`. */
export function monthRange(from: string, to: string): string[] {
  const months: string[] = [];
  for (let index = monthIndex(from); index <= monthIndex(to); index += 1) months.push(monthOfIndex(index));
  return months;
}

/** The default period, as the API's: the last twelve months, this one included. */
export function defaultPeriod(today: string): { from: string; to: string } {
  const to = today.slice(0, 7);
  return { from: shiftMonth(to, -11), to };
}

/** A period the API accepts: two months, in order, at most MAX_MONTHS long. */
export function periodProblem(from: string, to: string): 'order' | 'length' | null {
  if (from > to) return 'order';
  if (monthIndex(to) - monthIndex(from) + 1 > MAX_MONTHS) return 'length';
  return null;
}

/** The months the period selects offer: the latest first, back `years` years. */
export function monthChoices(today: string, years = 10): string[] {
  const last = today.slice(0, 7);
  return monthRange(shiftMonth(last, -(years * 12 - 1)), last).reverse();
}

/**
 * The unit a person sees first: the country for someone who holds the permission nationally,
 * otherwise the first unit where they hold it; undefined when they hold it nowhere.
 */
export function defaultUnit(units: readonly (string | null)[]): string | null | undefined {
  if (units.includes(null)) return null;
  return units[0] ?? undefined;
}

/**
 * Whether the person may see this unit (null: the country): national holders see everything,
 * others their units and what is below them. The picker also offers the units above theirs
 * (to reach them), which they may not see.
 */
export function mayView(units: readonly (string | null)[], unit: string | null): boolean {
  return holdsAt(units, unit);
}

export interface DashboardFilters {
  /** null: the whole country. */
  unit: string | null;
  from: string;
  to: string;
}

/** The filters as the API reads them; the same for the JSON answer and the two downloads. */
export function filtersQuery({ unit, from, to }: DashboardFilters): string {
  const params = new URLSearchParams();
  if (unit !== null) params.set('unit', unit);
  params.set('from', from);
  params.set('to', to);
  return params.toString();
}

/** On-time rate (0…1) as a percent with one decimal at most; null when nothing was completed. */
export function ratePercent(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1000) / 10;
}

/** A median of working days: whole, or ending in .5 when the count is even. */
export function medianDecimals(median: number): 0 | 1 {
  return Number.isInteger(median) ? 0 : 1;
}

/** Mean stars with one decimal. */
export function meanStars(mean: number | null): number | null {
  return mean === null ? null : Math.round(mean * 10) / 10;
}

/** Each count of a distribution as a share of their sum (0…1); zeros when there is none. */
export function shares(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  return counts.map((count) => (total === 0 ? 0 : count / total));
}

/** Whole-number ticks only: counts of applications have no fractions. */
export function countTicks(max: number): number[] {
  const y = scaleLinear()
    .domain([0, Math.max(1, max)])
    .nice();
  return y.ticks(5).filter((tick) => Number.isInteger(tick));
}
