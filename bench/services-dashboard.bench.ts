/**
 * The office dashboard over 1,000,000 applications, on PostgreSQL (target: under 300 ms).
 *
 * Seeded with SQL (generate_series, a fixed random seed): 24 months of applications spread
 * over a country-sized tree (25 provinces × 8 districts × 8 communes; a third filed at the
 * district One Window Service Office, the rest at communes), 20 services with their time
 * limits and fees, sexes, age groups, disability, every status (a few percent still open, some
 * of them overdue), decisions early and late, fees for 70 %, ratings for a third of the closed
 * ones. The running totals are then built from those rows by services_dashboard_rebuild(),
 * the same rules the upkeep applies at each change (its time is reported).
 *
 * Figure: GET /api/services/dashboard over HTTP for a province and for the whole country, the
 * whole 24 months, p50 and p95 of sequential requests. Baseline, in the same run: the same
 * figures computed by one aggregate query over the base tables (dashboard.direct.ts, the
 * tests' oracle); the two answers are checked equal before anything is timed.
 */
import { isDeepStrictEqual } from 'node:util';
import { sql } from 'kysely';
import type { Database } from '../api/src/modules.ts';
import { prepareDatabase } from '../api/src/modules.ts';
import { DEMO_PASSWORD } from '../api/src/modules/access/index.ts';
import { subtreeCodesQuery } from '../api/src/modules/gazetteer/index.ts';
import { directDashboard } from '../api/src/modules/services/dashboard/dashboard.direct.ts';
import { rebuildDashboard } from '../api/src/modules/services/dashboard/dashboard.maintain.ts';
import type { Dashboard } from '../api/src/modules/services/dashboard/dashboard.figures.ts';
import type { DashboardDb } from '../api/src/modules/services/dashboard/dashboard.tables.ts';
import { dayNumber, dayText, todayInCambodia } from '../api/src/modules/services/working-days.ts';
import { createDb } from '../api/src/platform/db/create-db.ts';
import {
  type BenchResult,
  createBenchDatabase,
  dropBenchDatabase,
  median,
  percentile,
  result,
} from './harness.ts';
import { listenForBench } from './servers/app.ts';

const APPLICATIONS = Number(process.env.BENCH_DASHBOARD_APPLICATIONS ?? 1_000_000);
const REQUESTS = Number(process.env.BENCH_DASHBOARD_REQUESTS ?? 30);
const BASELINE_RUNS = Number(process.env.BENCH_DASHBOARD_BASELINE_RUNS ?? 3);
const SERVICES = 20;
const TARGET_MS = 300;

/** Where two JSON values first differ, for the error message. */
function firstDifference(a: unknown, b: unknown, at = '$'): string {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return `${at}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const [x, y] = [(a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]];
    if (!isDeepStrictEqual(x, y)) return firstDifference(x, y, `${at}.${key}`);
  }
  return at;
}

/** The pool stops statements after 30 s; seeding, the rebuild and the baseline may take longer. */
function withoutTimeout<T>(db: DashboardDb, work: (trx: DashboardDb) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`set local statement_timeout = 0`.execute(trx);
    return work(trx);
  });
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/**
 * Districts 01-08 under each province and communes 01-08 under each district, where the demo
 * tree has none of that code (Kep keeps its real units), as the gazetteer import would write
 * them: the closure triggers place each under its parents.
 */
export async function seedTree(db: DashboardDb): Promise<void> {
  for (const [level, type] of [
    [2, 'district'],
    [3, 'commune'],
  ] as const) {
    await sql`
      insert into gazetteer_unit (code, level, parent_code, type_code, name_km, name_latin, is_urban, source)
      select p.code || lpad(k::text, 2, '0'), ${level}, p.code, ${type}, 'ឈ្មោះ ' || p.code || lpad(k::text, 2, '0'),
        'Unit ' || p.code || lpad(k::text, 2, '0'), false, 'synthetic bench tree'
      from gazetteer_unit p cross join generate_series(1, 8) k
      where p.level = ${level - 1}
      order by 1
      on conflict (code) do nothing`.execute(db);
    await sql`analyze gazetteer_unit`.execute(db);
  }
}

/** 20 services (copies of a demo standard with their own code, time limit and fee), offered nowhere in particular. */
export async function seedServices(db: DashboardDb): Promise<void> {
  await sql`
    insert into services_standard (code, is_example)
    select 'bench.service_' || lpad(k::text, 2, '0'), true from generate_series(1, ${SERVICES}) k`.execute(
    db,
  );
  await sql`
    insert into services_standard_version (standard_id, version, sector, name_km, name_en, description_km,
      description_en, legal_basis, provider_tier, time_limit_days, fee_tiers, required_documents, form_fields,
      search_km, search_latin, source, is_example)
    select s.id, 1, t.sector, t.name_km || ' ' || right(s.code, 2), 'Bench service ' || right(s.code, 2), '', '',
      t.legal_basis, t.provider_tier, 1 + (right(s.code, 2)::integer * 7) % 30,
      jsonb_build_array(jsonb_build_object('code', 'standard', 'labelKm', 'ធម្មតា', 'labelEn', 'Standard',
        'amountRiel', ((right(s.code, 2)::integer * 13) % 10) * 25000)),
      '[]'::jsonb, '[]'::jsonb, t.search_km, t.search_latin, 'synthetic bench data', true
    from services_standard s
    cross join (select * from services_standard_version order by id limit 1) t
    where s.code like 'bench.service_%'`.execute(db);
}

/** The applications and their fees, with one random seed, in one transaction (one connection). */
export async function seedApplications(
  db: DashboardDb,
  today: string,
  applications = APPLICATIONS,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`set local statement_timeout = 0`.execute(trx);
    await sql`select setseed(0.2026)`.execute(trx);
    await sql`
      insert into services_application (tracking_number, standard_id, standard_version_id, service_code,
        unit_code, status, channel, applicant_name, applicant_sex, applicant_age_group, applicant_disability,
        field_values, description, filed_at, filed_on, due_date, paused_since, decided_on, closed_on,
        status_changed_at, rating, rated_at, is_example)
      with service as (
        select row_number() over (order by s.code) - 1 as k, s.id, v.id as version_id, s.code, v.time_limit_days
        from services_standard s join services_standard_version v on v.standard_id = s.id
        where s.code like 'bench.service_%'
      ),
      draw as (
        select i, random() as r_province, random() as r_district, random() as r_commune, random() as r_owso,
          random() as r_service, random() as r_day, random() as r_status, random() as r_speed, random() as r_sex,
          random() as r_age, random() as r_disability, random() as r_rating, random() as r_rated
        from generate_series(1, ${applications}) i
      ),
      shaped as (
        select d.*, s.id as standard_id, s.version_id, s.code, s.time_limit_days,
          lpad((1 + floor(d.r_province * 25))::text, 2, '0') || lpad((1 + floor(d.r_district * 8))::text, 2, '0')
            || case when d.r_owso < 0.35 then '' else lpad((1 + floor(d.r_commune * 8))::text, 2, '0') end as unit_code,
          ${today}::date - floor(d.r_day * 730)::integer as filed_on,
          case when d.r_status < 0.02 then 'received' when d.r_status < 0.04 then 'under_review'
               when d.r_status < 0.05 then 'more_info_needed' when d.r_status < 0.12 then 'approved'
               when d.r_status < 0.16 then 'rejected' when d.r_status < 0.22 then 'ready_for_collection'
               else 'closed' end as status
        from draw d join service s on s.k = floor(power(d.r_service, 1.4) * ${SERVICES})
      ),
      dated as (
        select x.*,
          x.filed_on + ceil(x.time_limit_days * 1.4)::integer as due_date,
          case when x.status in ('approved', 'rejected', 'ready_for_collection', 'closed')
               then least(${today}::date, x.filed_on + floor(power(x.r_speed, 2) * x.time_limit_days * 2.2)::integer)
          end as decided_on
        from shaped x
      )
      select 'Z' || lpad(upper(to_hex(i)), 7, '0'), standard_id, version_id, code, unit_code, status, 'counter',
        'Bench applicant', case when r_sex < 0.53 then 'female' when r_sex < 0.98 then 'male' else 'unknown' end,
        case when r_age < 0.04 then '0-17' when r_age < 0.40 then '18-34' when r_age < 0.70 then '35-49'
             when r_age < 0.88 then '50-64' when r_age < 0.97 then '65+' else 'unknown' end,
        case when r_disability < 0.06 then true when r_disability < 0.85 then false end,
        '{}'::jsonb, '', (filed_on::text || 'T09:00:00+07:00')::timestamptz, filed_on, due_date,
        case when status = 'more_info_needed' then filed_on + 1 end, decided_on,
        case when status = 'closed' then least(${today}::date, decided_on + 2) end,
        (coalesce(decided_on, filed_on)::text || 'T15:00:00+07:00')::timestamptz,
        case when status = 'closed' and r_rated < 0.35 then least(5, 1 + floor(power(r_rating, 0.6) * 5))::integer end,
        case when status = 'closed' and r_rated < 0.35
             then (least(${today}::date, decided_on + 3)::text || 'T10:00:00+07:00')::timestamptz end,
        true
      from dated`.execute(trx);
    await sql`
      insert into services_fee_payment (application_id, unit_code, fee_tier_code, amount_riel, receipt_number,
        paid_on, is_example)
      select a.id, a.unit_code, 'standard', (v.fee_tiers -> 0 ->> 'amountRiel')::bigint, 'B-' || a.id,
        a.filed_on, true
      from services_application a join services_standard_version v on v.id = a.standard_version_id
      where a.tracking_number like 'Z%' and a.id % 10 < 7`.execute(trx);
  });
}

export async function run(): Promise<BenchResult[]> {
  const url = await createBenchDatabase('sndd_bench_dashboard');
  if (!url) {
    console.warn('  PostgreSQL not reachable (set DATABASE_URL): skipping the dashboard benchmark');
    return [];
  }
  const db = await createDb<Database>({ databaseUrl: url, poolMax: 10 });
  try {
    await prepareDatabase(db.kysely as never, { demoData: true, referenceData: 'sample' });
    const dashboardDb = db.kysely as unknown as DashboardDb;
    const today = todayInCambodia();
    await seedTree(dashboardDb);
    await seedServices(dashboardDb);
    const seeding = await timed(() => seedApplications(dashboardDb, today));
    await sql`analyze`.execute(db.kysely);
    const rebuild = await timed(() => withoutTimeout(dashboardDb, (trx) => rebuildDashboard(trx)));
    await sql`analyze`.execute(db.kysely);
    const counts = await sql<{ applications: number; months: number; open: number }>`
      select (select count(*) from services_application) as applications,
        (select count(*) from services_dashboard_month) as months,
        (select count(*) from services_dashboard_open) as open`.execute(db.kysely);
    const count = counts.rows[0]!;
    console.log(
      `  seeded ${count.applications} applications in ${(seeding.ms / 1000).toFixed(1)} s; rebuilt the running totals ` +
        `(${count.months} monthly rows, ${count.open} open rows) in ${(rebuild.ms / 1000).toFixed(1)} s`,
    );

    const { app, port } = await listenForBench(db);
    try {
      const signIn = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { login: 'admin@sndd.example', password: DEMO_PASSWORD },
      });
      const cookie = signIn.cookies.find((item) => item.name === 'sndd_session');
      if (!cookie) throw new Error(`sign-in failed: ${signIn.body}`);
      const from = dayText(dayNumber(today) - 730).slice(0, 7);
      const to = today.slice(0, 7);

      const results: BenchResult[] = [];
      for (const [label, unit] of [
        ['a province (23)', '23'],
        ['the whole country', null],
      ] as const) {
        const target = `http://127.0.0.1:${port}/api/services/dashboard?from=${from}&to=${to}${unit ? `&unit=${unit}` : ''}`;
        const get = async (): Promise<Dashboard> => {
          const response = await fetch(target, { headers: { cookie: `sndd_session=${cookie.value}` } });
          if (response.status !== 200) throw new Error(`${target} answered ${response.status}`);
          return (await response.json()) as Dashboard;
        };
        // The answer must be the direct computation's before its speed means anything.
        const answer = await get();
        const direct = await withoutTimeout(dashboardDb, (trx) =>
          directDashboard(trx, { subtreeCodesQuery }, { unitCode: unit, from, to, today: answer.today }),
        );
        if (!isDeepStrictEqual(answer, direct))
          throw new Error(
            `the dashboard of ${label} differs from the direct computation at ${firstDifference(answer, direct)}`,
          );
        for (let i = 0; i < 3; i += 1) await get();
        const times: number[] = [];
        for (let i = 0; i < REQUESTS; i += 1) times.push((await timed(get)).ms);
        const baselines: number[] = [];
        for (let i = 0; i < BASELINE_RUNS; i += 1) {
          baselines.push(
            (
              await timed(() =>
                withoutTimeout(dashboardDb, (trx) =>
                  directDashboard(trx, { subtreeCodesQuery }, { unitCode: unit, from, to, today }),
                ),
              )
            ).ms,
          );
        }
        const p95 = percentile(times, 95);
        console.log(
          `  ${label}: ${answer.total.received} received, ${answer.total.completed} completed, ` +
            `${answer.total.overdueNow} overdue now; ${answer.byService.length} services, ${answer.byMonth.length} months`,
        );
        results.push(
          result({
            name: `GET /api/services/dashboard, ${label}, 24 months over ${count.applications} applications, p95 of ${REQUESTS}, PostgreSQL`,
            unit: 'ms',
            figure: p95,
            baselineName: `one aggregate query over the base tables (median of ${BASELINE_RUNS})`,
            baseline: median(baselines),
            target: { text: `< ${TARGET_MS} ms`, met: p95 < TARGET_MS },
          }),
          result({
            name: `GET /api/services/dashboard, ${label}, p50 of ${REQUESTS}, PostgreSQL`,
            unit: 'ms',
            figure: percentile(times, 50),
            baselineName: `one aggregate query over the base tables (median of ${BASELINE_RUNS})`,
            baseline: median(baselines),
          }),
        );
      }
      results.push(
        result({
          name: `services_dashboard_rebuild() over ${count.applications} applications`,
          unit: 'ms',
          figure: rebuild.ms,
          baselineName: 'seeding the applications and fees with SQL',
          baseline: seeding.ms,
        }),
      );
      return results;
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
    await dropBenchDatabase(url);
  }
}
