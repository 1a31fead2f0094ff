/**
 * Pure helpers of the budgets pages (tested in helpers.test.ts): who holds a permission at a
 * unit, lines grouped by direction, totals, the execution rate, the years to link to, the open
 * data addresses, and amounts typed by people.
 */

export type Direction = 'revenue' | 'expenditure';

interface LineLike {
  direction: Direction;
  amount: number;
  economicCode: string;
  actuals: { total: number };
}

/** Revenue lines first, then expenditure, each by economic class (the order of the budget book). */
export function groupLines<T extends LineLike>(lines: readonly T[]): { direction: Direction; lines: T[] }[] {
  return (['revenue', 'expenditure'] as const).map((direction) => ({
    direction,
    lines: lines
      .filter((line) => line.direction === direction)
      .sort((a, b) => a.economicCode.localeCompare(b.economicCode)),
  }));
}

export function sumOf<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((sum, item) => sum + value(item), 0);
}

/** actual / budget as a percent; null when nothing is budgeted (no rate to speak of). */
export function executionPercent(actual: number, budget: number): number | null {
  return budget === 0 ? null : (actual / budget) * 100;
}

/** Whether any line has actuals: the quarters are shown only then. */
export function hasActuals(lines: readonly LineLike[]): boolean {
  return lines.some((line) => line.actuals.total !== 0);
}

/** The years the unit profile links to when the API lists none: this year and the one before. */
export function yearsToLink(today: string): number[] {
  const year = Number(today.slice(0, 4));
  return [year + 1, year, year - 1];
}

export const TIERS = ['province', 'district', 'commune'] as const;
export type Tier = (typeof TIERS)[number];

/** The Fiscal Data Package of a year and tier, and its CSV resource (open-data.routes.ts). */
export function openDataLinks(year: number, tier: Tier): { descriptor: string; csv: string } {
  return {
    descriptor: `/api/open-data/budgets/${year}/datapackage.json?tier=${tier}`,
    csv: `/api/open-data/budgets/${year}/${tier}-budget-lines.csv`,
  };
}

/** The bars of the chart: one pair (budget, actual) per class, the largest budgets first. */
export function chartRows<T extends { code: string; budget: number; actual: number }>(
  items: readonly T[],
  limit = 12,
): T[] {
  return [...items]
    .filter((item) => item.budget !== 0 || item.actual !== 0)
    .sort((a, b) => b.budget - a.budget || a.code.localeCompare(b.code))
    .slice(0, limit);
}

/** The phases in which actuals are recorded and adjustments made (after approval). */
export const isPublished = (phase: string) => phase !== 'proposed';
