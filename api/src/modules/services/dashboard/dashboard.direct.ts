/**
 * The same dashboard computed straight from services_application and services_fee_payment,
 * in one aggregate query, without the running totals: the oracle of the tests and the
 * baseline of the benchmark. It reads every application of the scope, so it slows down with
 * their number (seconds over a million); the API never calls it.
 */
import { sql } from 'kysely';
import type { GazetteerPort } from '../../gazetteer/index.ts';
import { assemble, cellOf, emptyCells, type Dashboard, type Sums } from './dashboard.figures.ts';
import { serviceNames } from './dashboard.queries.ts';
import type { DashboardDb, ServicesDashboardMonthTable } from './dashboard.tables.ts';

/** The sums the running totals keep, and the two figures only a direct count gives. */
interface DirectRow extends Omit<
  ServicesDashboardMonthTable,
  'scope_code' | 'month' | 'dimension' | 'value' | 'days_to_decision'
> {
  service_code: string | null;
  month: string | null;
  applicant_sex: string | null;
  applicant_age_group: string | null;
  disability: string | null;
  median_days: number | null;
  overdue_now: number;
}

export async function directDashboard(
  db: DashboardDb,
  /** The subtree comes from the gazetteer's port, as in the API (the caller hands it over). */
  gazetteer: Pick<GazetteerPort, 'subtreeCodesQuery'>,
  options: { unitCode: string | null; from: string; to: string; today: string },
): Promise<Dashboard> {
  const first = `${options.from}-01`;
  const last = `${options.to}-01`;
  const inScope =
    options.unitCode === null
      ? sql`true`
      : sql`a.unit_code in (${gazetteer.subtreeCodesQuery(db, [options.unitCode])})`;
  const { rows } = await sql<DirectRow>`
    with application as (
      select a.*, case a.applicant_disability when true then 'yes' when false then 'no' else 'unknown' end as disability
      from services_application a where ${inScope}
    ),
    span as (
      select min(least(filed_on, decided_on)) as first_day, max(decided_on) as last_day
      from application where decided_on is not null
    ),
    calendar as (
      select span.first_day + k as day,
        sum(case when extract(isodow from span.first_day + k) < 6
                   and not exists (select 1 from services_holiday h where h.day = span.first_day + k)
                 then 1 else 0 end) over (order by k) as n
      from span, generate_series(0, span.last_day - span.first_day) k
    ),
    event as (
      select x.service_code, x.applicant_sex, x.applicant_age_group, x.disability, e.*,
        e.day - (extract(day from e.day)::integer - 1) as month
      from application x
      left join calendar decided on decided.day = x.decided_on
      left join calendar filed on filed.day = x.filed_on and x.decided_on is not null
      cross join lateral (
        select x.filed_on as day, 1 as received, 0 as completed, 0 as on_time, null::integer as decision_days,
          0 as overdue, 0::bigint as fees_riel, 0 as fee_payments, 0 as rating, null::integer as stars
        union all
        select x.decided_on, 0, 1, case when x.decided_on <= x.due_date then 1 else 0 end,
          greatest(0, decided.n - filed.n - x.paused_working_days), 0, 0, 0, 0, null
        where x.decided_on is not null
        union all
        select x.filed_on, 0, 0, 0, null, 1, 0, 0, 0, null
        where x.status in ('received', 'under_review') and x.due_date < ${options.today}
        union all
        select f.paid_on, 0, 0, 0, null, 0, f.amount_riel, 1, 0, null
        from services_fee_payment f where f.application_id = x.id
        union all
        select ((x.rated_at at time zone 'UTC') + interval '7 hours')::date, 0, 0, 0, null, 0, 0, 0, 1, x.rating
        where x.rating is not null
      ) e
    )
    select service_code, month::text as month, applicant_sex, applicant_age_group, disability,
      coalesce(sum(received), 0)::integer as received, coalesce(sum(completed), 0)::integer as completed,
      coalesce(sum(on_time), 0)::integer as on_time,
      percentile_cont(0.5) within group (order by decision_days) as median_days,
      coalesce(sum(overdue), 0)::integer as overdue_now, coalesce(sum(fees_riel), 0)::bigint as fees_riel,
      coalesce(sum(fee_payments), 0)::integer as fee_payments, coalesce(sum(rating), 0)::integer as ratings,
      coalesce(sum(stars), 0)::integer as rating_sum,
      count(*) filter (where stars = 1)::integer as rated_1, count(*) filter (where stars = 2)::integer as rated_2,
      count(*) filter (where stars = 3)::integer as rated_3, count(*) filter (where stars = 4)::integer as rated_4,
      count(*) filter (where stars = 5)::integer as rated_5
    from event
    where month between ${first} and ${last}
    group by grouping sets ((service_code), (month), (applicant_sex), (applicant_age_group), (disability), ())
  `.execute(db);

  const cells = emptyCells();
  const medians = new Map<string, number | null>();
  for (const row of rows) {
    const sums: Sums = {
      received: row.received,
      completed: row.completed,
      onTime: row.on_time,
      days: new Map(),
      overdueNow: row.overdue_now,
      feesRiel: Number(row.fees_riel),
      feePayments: row.fee_payments,
      ratings: row.ratings,
      ratingSum: row.rating_sum,
      stars: [row.rated_1, row.rated_2, row.rated_3, row.rated_4, row.rated_5],
    };
    const median = row.median_days === null ? null : Number(row.median_days);
    const [dimension, key] =
      row.service_code !== null
        ? (['service', row.service_code] as const)
        : row.month !== null
          ? (['month', row.month.slice(0, 7)] as const)
          : row.applicant_sex !== null
            ? (['sex', row.applicant_sex] as const)
            : row.applicant_age_group !== null
              ? (['age_group', row.applicant_age_group] as const)
              : row.disability !== null
                ? (['disability', row.disability] as const)
                : (['total', ''] as const);
    if (dimension === 'total') {
      cells.total = sums;
      medians.set('total', median);
    } else {
      Object.assign(cellOf(cells[dimension], key), sums);
      medians.set(`${dimension}:${key}`, median);
    }
  }
  return assemble(
    { unitCode: options.unitCode, from: options.from, to: options.to, today: options.today },
    cells,
    await serviceNames(db, cells),
    medians,
  );
}
