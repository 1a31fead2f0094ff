/**
 * Pure: the dashboard's figures from summed counts, the exact median from a histogram of
 * whole days, the labels of each breakdown, and the shape of an answer. Both the fast read
 * (dashboard.service.ts) and the direct computation over the base table
 * (dashboard.direct.ts) end here, so that they can only differ in their counts.
 */
import { AGE_GROUPS, SEXES } from '../services.tables.ts';
import { DISABILITY_VALUES } from './dashboard.tables.ts';

/** Raw counts of one cell (a service, a month, a sex…, or the total). */
export interface Sums {
  received: number;
  completed: number;
  onTime: number;
  /** Working days to decision → decisions. */
  days: Map<number, number>;
  overdueNow: number;
  feesRiel: number;
  feePayments: number;
  ratings: number;
  ratingSum: number;
  /** Ratings with 1…5 stars. */
  stars: [number, number, number, number, number];
}

export interface Figures {
  received: number;
  completed: number;
  onTime: number;
  /** onTime / completed; null when nothing was completed. */
  onTimeRate: number | null;
  /** Median working days from filing to decision; null when nothing was completed. */
  medianDays: number | null;
  overdueNow: number;
  feesRiel: number;
  feePayments: number;
  satisfaction: {
    count: number;
    /** Mean stars (1–5); null when nobody rated. */
    mean: number | null;
    /** Ratings with 1, 2, 3, 4 and 5 stars. */
    distribution: number[];
  };
}

export interface DashboardRow extends Figures {
  /** Service code, YYYY-MM, female|male|unknown, an age group, yes|no|unknown. */
  key: string;
  labelKm: string;
  labelEn: string;
}

export interface Dashboard {
  /** null: the whole country. */
  unitCode: string | null;
  /** YYYY-MM, inclusive. */
  from: string;
  to: string;
  /** The day "overdue now" was counted on (Cambodia). */
  today: string;
  total: Figures;
  byService: DashboardRow[];
  byMonth: DashboardRow[];
  bySex: DashboardRow[];
  byAgeGroup: DashboardRow[];
  byDisability: DashboardRow[];
}

export const BREAKDOWNS = ['byService', 'byMonth', 'bySex', 'byAgeGroup', 'byDisability'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export const emptySums = (): Sums => ({
  received: 0,
  completed: 0,
  onTime: 0,
  days: new Map(),
  overdueNow: 0,
  feesRiel: 0,
  feePayments: 0,
  ratings: 0,
  ratingSum: 0,
  stars: [0, 0, 0, 0, 0],
});

export function addInto(target: Sums, source: Sums): void {
  target.received += source.received;
  target.completed += source.completed;
  target.onTime += source.onTime;
  for (const [days, count] of source.days) target.days.set(days, (target.days.get(days) ?? 0) + count);
  target.overdueNow += source.overdueNow;
  target.feesRiel += source.feesRiel;
  target.feePayments += source.feePayments;
  target.ratings += source.ratings;
  target.ratingSum += source.ratingSum;
  source.stars.forEach((count, index) => (target.stars[index] = (target.stars[index] ?? 0) + count));
}

/**
 * The median of whole numbers given as value → count: the middle value, or the mean of the
 * two middle values when the count is even (as percentile_cont(0.5) gives it). Exact.
 */
export function medianOfHistogram(histogram: ReadonlyMap<number, number>): number | null {
  const entries = [...histogram].filter(([, count]) => count > 0).sort((a, b) => a[0] - b[0]);
  const n = entries.reduce((sum, [, count]) => sum + count, 0);
  if (n === 0) return null;
  const lowRank = Math.ceil(n / 2);
  const highRank = Math.floor(n / 2) + 1;
  let seen = 0;
  let low: number | null = null;
  for (const [value, count] of entries) {
    seen += count;
    if (low === null && seen >= lowRank) low = value;
    if (seen >= highRank) return ((low ?? value) + value) / 2;
  }
  return low;
}

/** The figures of a cell; `median` overrides the histogram's (the direct computation gives its own). */
export function figuresOf(sums: Sums, median?: number | null): Figures {
  return {
    received: sums.received,
    completed: sums.completed,
    onTime: sums.onTime,
    onTimeRate: sums.completed > 0 ? sums.onTime / sums.completed : null,
    medianDays: median !== undefined ? median : medianOfHistogram(sums.days),
    overdueNow: sums.overdueNow,
    feesRiel: sums.feesRiel,
    feePayments: sums.feePayments,
    satisfaction: {
      count: sums.ratings,
      mean: sums.ratings > 0 ? sums.ratingSum / sums.ratings : null,
      distribution: [...sums.stars],
    },
  };
}

export const SEX_LABELS: Record<string, [string, string]> = {
  female: ['ស្រី', 'Female'],
  male: ['ប្រុស', 'Male'],
  unknown: ['មិនបានបញ្ជាក់', 'Not stated'],
};

export const DISABILITY_LABELS: Record<string, [string, string]> = {
  yes: ['មានពិការភាព', 'With a disability'],
  no: ['គ្មានពិការភាព', 'Without a disability'],
  unknown: ['មិនបានបញ្ជាក់', 'Not stated'],
};

export const ageGroupLabel = (group: string): [string, string] =>
  group === 'unknown' ? ['មិនបានបញ្ជាក់', 'Not stated'] : [`${group} ឆ្នាំ`, `${group} years`];

/** Every month from `from` to `to` (YYYY-MM), inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7));
  while (year * 12 + month <= last) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** Cells keyed by breakdown, as both computations fill them. */
export interface Cells {
  total: Sums;
  service: Map<string, Sums>;
  month: Map<string, Sums>;
  sex: Map<string, Sums>;
  age_group: Map<string, Sums>;
  disability: Map<string, Sums>;
}

export const emptyCells = (): Cells => ({
  total: emptySums(),
  service: new Map(),
  month: new Map(),
  sex: new Map(),
  age_group: new Map(),
  disability: new Map(),
});

export function cellOf(cells: Map<string, Sums>, key: string): Sums {
  let sums = cells.get(key);
  if (!sums) {
    sums = emptySums();
    cells.set(key, sums);
  }
  return sums;
}

/**
 * The answer. Months, sexes, age groups and disability are listed in full (zeros included,
 * for charts); services only when something happened to them. `medians` (direct computation
 * only) gives the median of each cell by `${breakdown}:${key}` and `total`.
 */
export function assemble(
  header: Pick<Dashboard, 'unitCode' | 'from' | 'to' | 'today'>,
  cells: Cells,
  serviceNames: ReadonlyMap<string, { nameKm: string; nameEn: string }>,
  medians?: ReadonlyMap<string, number | null>,
): Dashboard {
  const figures = (sums: Sums, medianKey: string) =>
    figuresOf(sums, medians ? (medians.get(medianKey) ?? null) : undefined);
  const rows = (
    dimension: Exclude<keyof Cells, 'total'>,
    keys: readonly string[],
    label: (key: string) => [string, string],
  ): DashboardRow[] =>
    keys.map((key) => {
      const [labelKm, labelEn] = label(key);
      return {
        key,
        labelKm,
        labelEn,
        ...figures(cells[dimension].get(key) ?? emptySums(), `${dimension}:${key}`),
      };
    });
  const services = [...cells.service.keys()].sort();
  return {
    ...header,
    total: figures(cells.total, 'total'),
    byService: rows('service', services, (code) => {
      const names = serviceNames.get(code);
      return [names?.nameKm ?? code, names?.nameEn ?? code];
    }),
    byMonth: rows('month', monthsBetween(header.from, header.to), (month) => [month, month]),
    bySex: rows('sex', SEXES, (sex) => SEX_LABELS[sex] ?? [sex, sex]),
    byAgeGroup: rows('age_group', AGE_GROUPS, ageGroupLabel),
    byDisability: rows(
      'disability',
      DISABILITY_VALUES,
      (value) => DISABILITY_LABELS[value] ?? [value, value],
    ),
  };
}
