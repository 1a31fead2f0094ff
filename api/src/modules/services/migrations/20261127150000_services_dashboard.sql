-- The office dashboard's running totals (see dashboard/README section "Dashboard" of the module).
--
-- The dashboard must answer over a million applications in well under a second, so it never
-- scans services_application: every change of an application adds to these totals in the same
-- transaction (dashboard/dashboard.maintain.ts), and services_dashboard_rebuild() below
-- recomputes them from the base tables (after a bulk load, or to check them).
--
-- Rolled up the administrative tree: an application filed at commune 230201 counts in the rows
-- of scope '230201', '2302', '23' and '' (the whole country). NCDD codes start with their
-- parent's code (a move between districts takes a new code), so the scopes are the prefixes.
-- The dashboard of any unit then reads only the rows of its own scope: a few thousand at most.
--
-- Each breakdown is kept on its own (`dimension`): by service, sex, age group and disability.
-- Crossing them all would make as many rows as applications. Totals and the monthly series
-- come from the `sex` rows, which split every application exactly once (unknown included).

-- Figures by the month in which each thing happened (Cambodia's calendar; `month` is its first
-- day): received by the filing day, completed (approved or rejected) by the decision day, fees
-- by the day paid, ratings by the day given.
create table services_dashboard_month (
  scope_code text not null check (scope_code ~ '^(([0-9]{2}){1,3})?$'),
  month date not null check (extract(day from month) = 1),
  dimension text not null check (dimension in ('service', 'sex', 'age_group', 'disability')),
  -- The service code; female|male|unknown; an age group; yes|no|unknown.
  value text not null,
  received integer not null default 0,
  completed integer not null default 0,
  -- Completed on or before the due date.
  on_time integer not null default 0,
  -- {"<working days>": count}: how many decisions took that many working days (the days the
  -- clock stood still waiting for the applicant not counted). The median is exact from it.
  days_to_decision jsonb not null default '{}',
  fees_riel bigint not null default 0,
  fee_payments integer not null default 0,
  ratings integer not null default 0,
  rating_sum integer not null default 0,
  rated_1 integer not null default 0,
  rated_2 integer not null default 0,
  rated_3 integer not null default 0,
  rated_4 integer not null default 0,
  rated_5 integer not null default 0,
  primary key (scope_code, month, dimension, value)
);

-- Applications whose clock runs (received or under review), by filing month and due date:
-- "overdue now" is the sum of the rows whose due date is before today, a figure that changes
-- with the date alone, without any write. Rows that fall to zero stay (a few per due date).
create table services_dashboard_open (
  scope_code text not null check (scope_code ~ '^(([0-9]{2}){1,3})?$'),
  month date not null check (extract(day from month) = 1),
  dimension text not null check (dimension in ('service', 'sex', 'age_group', 'disability')),
  value text not null,
  due_date date not null,
  open_count integer not null default 0,
  primary key (scope_code, month, dimension, value, due_date)
);

-- Recomputes both tables from services_application and services_fee_payment, with the same
-- rules as the incremental upkeep. Working days come from the holidays now recorded
-- (services_holiday; weekends always closed): the number of working days in (filed_on,
-- decided_on] less the paused working days, as workingDaysBetween() counts them.
-- work_mem: the groupings hash in memory rather than sort on disk (a million applications
-- make a few million groups at the bottom of the tree).
create function services_dashboard_rebuild() returns void language sql set work_mem = '256MB' as $$
  delete from services_dashboard_month;
  delete from services_dashboard_open;

  insert into services_dashboard_month (scope_code, month, dimension, value, received, completed,
    on_time, days_to_decision, fees_riel, fee_payments, ratings, rating_sum,
    rated_1, rated_2, rated_3, rated_4, rated_5)
  with span as (
    select min(least(filed_on, decided_on)) as first_day, max(decided_on) as last_day
    from services_application where decided_on is not null
  ),
  -- The running count of working days up to each day: working days in (a, b] = n(b) - n(a).
  calendar as (
    select span.first_day + k as day,
      sum(case when extract(isodow from span.first_day + k) < 6
                 and not exists (select 1 from services_holiday h where h.day = span.first_day + k)
               then 1 else 0 end) over (order by k) as n
    from span, generate_series(0, span.last_day - span.first_day) k
  ),
  application as (
    select a.*,
      case a.applicant_disability when true then 'yes' when false then 'no' else 'unknown' end as disability,
      case when a.decided_on is not null
        then greatest(0, decided.n - filed.n - a.paused_working_days) end as days
    from services_application a
    left join calendar decided on decided.day = a.decided_on
    left join calendar filed on filed.day = a.filed_on and a.decided_on is not null
  ),
  event as (
    select x.*, e.*
    from application x
    cross join lateral (
      select x.filed_on as day, 1 as received, 0 as completed, 0 as on_time, null::integer as decision_days,
        0::bigint as fees_riel, 0 as fee_payments, 0 as ratings, 0 as rating_sum, null::integer as stars
      union all
      select x.decided_on, 0, 1, case when x.decided_on <= x.due_date then 1 else 0 end, x.days,
        0, 0, 0, 0, null
      where x.decided_on is not null
      union all
      select ((x.rated_at at time zone 'UTC') + interval '7 hours')::date, 0, 0, 0, null,
        0, 0, 1, x.rating, x.rating
      where x.rating is not null
      union all
      select f.paid_on, 0, 0, 0, null, f.amount_riel, 1, 0, 0, null
      from services_fee_payment f where f.application_id = x.id
    ) e
  ),
  -- First by the unit where filed, then up the tree; the counts apart from the days to
  -- decision, so that each grouping keeps few and small groups.
  by_unit as (
    select x.unit_code, x.day - (extract(day from x.day)::integer - 1) as month, d.dimension, d.value,
      sum(x.received)::integer as received, sum(x.completed)::integer as completed,
      sum(x.on_time)::integer as on_time, sum(x.fees_riel) as fees_riel, sum(x.fee_payments)::integer as fee_payments,
      sum(x.ratings)::integer as ratings, sum(x.rating_sum)::integer as rating_sum,
      (count(*) filter (where x.stars = 1))::integer as rated_1, (count(*) filter (where x.stars = 2))::integer as rated_2,
      (count(*) filter (where x.stars = 3))::integer as rated_3, (count(*) filter (where x.stars = 4))::integer as rated_4,
      (count(*) filter (where x.stars = 5))::integer as rated_5
    from event x
    cross join lateral (values ('service', x.service_code), ('sex', x.applicant_sex),
      ('age_group', x.applicant_age_group), ('disability', x.disability)) d(dimension, value)
    group by 1, 2, 3, 4
  ),
  days_by_unit as (
    select x.unit_code, x.decided_on - (extract(day from x.decided_on)::integer - 1) as month, d.dimension, d.value,
      x.days, count(*)::integer as decisions
    from application x
    cross join lateral (values ('service', x.service_code), ('sex', x.applicant_sex),
      ('age_group', x.applicant_age_group), ('disability', x.disability)) d(dimension, value)
    where x.decided_on is not null
    group by 1, 2, 3, 4, 5
  ),
  days_by_scope as (
    select s.scope_code, u.month, u.dimension, u.value, u.days, sum(u.decisions)::integer as decisions
    from days_by_unit u
    cross join lateral (
      select '' as scope_code
      union all select left(u.unit_code, 2)
      union all select left(u.unit_code, 4) where length(u.unit_code) >= 4
      union all select left(u.unit_code, 6) where length(u.unit_code) >= 6
    ) s
    group by 1, 2, 3, 4, 5
  ),
  histogram as (
    select scope_code, month, dimension, value, jsonb_object_agg(days::text, decisions) as days_to_decision
    from days_by_scope
    group by 1, 2, 3, 4
  ),
  by_scope as (
    select s.scope_code, u.month, u.dimension, u.value,
      sum(u.received)::integer as received, sum(u.completed)::integer as completed, sum(u.on_time)::integer as on_time,
      sum(u.fees_riel) as fees_riel, sum(u.fee_payments)::integer as fee_payments, sum(u.ratings)::integer as ratings,
      sum(u.rating_sum)::integer as rating_sum, sum(u.rated_1)::integer as rated_1, sum(u.rated_2)::integer as rated_2,
      sum(u.rated_3)::integer as rated_3, sum(u.rated_4)::integer as rated_4, sum(u.rated_5)::integer as rated_5
    from by_unit u
    cross join lateral (
      select '' as scope_code
      union all select left(u.unit_code, 2)
      union all select left(u.unit_code, 4) where length(u.unit_code) >= 4
      union all select left(u.unit_code, 6) where length(u.unit_code) >= 6
    ) s
    group by 1, 2, 3, 4
  )
  select c.scope_code, c.month, c.dimension, c.value, c.received, c.completed, c.on_time,
    coalesce(h.days_to_decision, '{}'), c.fees_riel, c.fee_payments, c.ratings, c.rating_sum,
    c.rated_1, c.rated_2, c.rated_3, c.rated_4, c.rated_5
  from by_scope c
  left join histogram h using (scope_code, month, dimension, value);

  insert into services_dashboard_open (scope_code, month, dimension, value, due_date, open_count)
  select s.scope_code, a.filed_on - (extract(day from a.filed_on)::integer - 1), d.dimension, d.value,
    a.due_date, count(*)
  from services_application a
  cross join lateral (values ('service', a.service_code), ('sex', a.applicant_sex),
    ('age_group', a.applicant_age_group),
    ('disability', case a.applicant_disability when true then 'yes' when false then 'no' else 'unknown' end)
  ) d(dimension, value)
  cross join lateral (
    select '' as scope_code
    union all select left(a.unit_code, 2)
    union all select left(a.unit_code, 4) where length(a.unit_code) >= 4
    union all select left(a.unit_code, 6) where length(a.unit_code) >= 6
  ) s
  where a.status in ('received', 'under_review')
  group by 1, 2, 3, 4, 5;
$$;

-- Applications filed before this migration count from the start.
select services_dashboard_rebuild();
