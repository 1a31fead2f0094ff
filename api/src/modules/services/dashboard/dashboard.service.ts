/**
 * The office dashboard: reads the running totals of one scope (a unit and everything below
 * it, or the country) for a span of months, and turns them into figures. It reads a few
 * hundred to a few thousand rows whatever the number of applications.
 */
import { fail } from '../services.errors.ts';
import type { ServicesModuleContext } from '../context.ts';
import { selectMonthRows, selectOverdueRows, serviceNames } from './dashboard.queries.ts';
import {
  assemble,
  cellOf,
  emptyCells,
  addInto,
  emptySums,
  type Dashboard,
  type Sums,
} from './dashboard.figures.ts';
import type { DashboardDb, Dimension } from './dashboard.tables.ts';

export interface DashboardQuery {
  /** A unit code; absent: the whole country. */
  unit?: string;
  /** YYYY-MM; default: eleven months before `to`. */
  from?: string;
  /** YYYY-MM; default: this month. */
  to?: string;
}

/** At most ten years in one answer. */
const MAX_MONTHS = 120;

const badPeriod = (detail: string) => fail('services.dashboard.bad_period', detail);

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthText = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/** The period asked for, with its defaults (the last twelve months, this one included). */
export function periodOf(
  query: Pick<DashboardQuery, 'from' | 'to'>,
  today: string,
): { from: string; to: string } {
  const to = query.to ?? today.slice(0, 7);
  const from = query.from ?? monthText(monthIndex(to) - 11);
  for (const month of [from, to]) {
    if (!/^[0-9]{4}-(0[1-9]|1[0-2])$/.test(month)) throw badPeriod(`Not a month: ${month}.`);
  }
  if (from > to) throw badPeriod(`${from} is after ${to}.`);
  if (monthIndex(to) - monthIndex(from) + 1 > MAX_MONTHS) throw badPeriod(`${from} to ${to} is too long.`);
  return { from, to };
}

/** The unit asked about, checked against the tree; null for the country. */
export async function scopeOf(ctx: ServicesModuleContext, unit: string | undefined): Promise<string | null> {
  if (unit === undefined) return null;
  if (!(await ctx.ports.gazetteer.unitExists(ctx.db, unit))) throw ctx.ports.gazetteer.unknownUnit(unit);
  return unit;
}

export async function readDashboard(ctx: ServicesModuleContext, query: DashboardQuery): Promise<Dashboard> {
  const db = ctx.db as unknown as DashboardDb;
  const today = ctx.today();
  const { from, to } = periodOf(query, today);
  const unitCode = await scopeOf(ctx, query.unit);
  const scope = unitCode ?? '';
  const first = `${from}-01`;
  const last = `${to}-01`;

  const [monthRows, openRows] = await Promise.all([
    selectMonthRows(db, scope, first, last),
    selectOverdueRows(db, scope, first, last, today),
  ]);

  const cells = emptyCells();
  const place = (dimension: Dimension, value: string, month: string, sums: Sums) => {
    addInto(cellOf(cells[dimension], value), sums);
    // Every application has exactly one sex (unknown included): the sex rows give the
    // totals and the monthly series.
    if (dimension === 'sex') {
      addInto(cells.total, sums);
      addInto(cellOf(cells.month, month.slice(0, 7)), sums);
    }
  };
  for (const row of monthRows) {
    const sums: Sums = {
      received: row.received,
      completed: row.completed,
      onTime: row.on_time,
      days: new Map(Object.entries(row.days_to_decision).map(([days, count]) => [Number(days), count])),
      overdueNow: 0,
      feesRiel: Number(row.fees_riel),
      feePayments: row.fee_payments,
      ratings: row.ratings,
      ratingSum: row.rating_sum,
      stars: [row.rated_1, row.rated_2, row.rated_3, row.rated_4, row.rated_5],
    };
    place(row.dimension, row.value, row.month, sums);
  }
  for (const row of openRows) {
    if (row.overdue === 0) continue;
    place(row.dimension, row.value, row.month, { ...emptySums(), overdueNow: row.overdue });
  }
  return assemble({ unitCode, from, to, today }, cells, await serviceNames(db, cells));
}
