/**
 * A national staff register (#18): positions spread over every commune, district and province
 * of a country-sized tree (the sample's real units plus 25 provinces × 8 districts × 8
 * communes, as the dashboard benchmark builds it), persons, and ten years of assignments (each
 * person three: two ended, one in force), generated set-based in SQL. On PostgreSQL.
 *
 * Sizes: BENCH_HR_POSITIONS (150,000) and BENCH_HR_STAFF (120,000), the issue's; --smoke: tiny.
 *
 * Figures, each with a hand-written SQL baseline in the same run and their ratio:
 * - a unit's establishment page (listPositions: 50 positions with status and holders today,
 *   and the count) p95 over random units, against one hand-written query of the same rows and
 *   one count (target < 20 ms);
 * - the national women-in-leadership roll-up by province and grade (leadershipRollUp, through
 *   the gazetteer port, with level, age group, disability and council members by sex) against
 *   one hand-written aggregate joining the tree's closure (target < 100 ms, median).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../api/src/modules.ts';
import { modules, prepareDatabase } from '../api/src/modules.ts';
import { leadershipRollUp, listPositions, type HrContext } from '../api/src/modules/hr/index.ts';
import { createDb } from '../api/src/platform/db/create-db.ts';
import { wireModules } from '../api/src/platform/wiring.ts';
import {
  type BenchResult,
  createBenchDatabase,
  dropBenchDatabase,
  median,
  percentile,
  result,
  smoke,
} from './harness.ts';
import { seedTree } from './services-dashboard.bench.ts';

const POSITIONS = Number(process.env.BENCH_HR_POSITIONS ?? 150_000);
const STAFF = Number(process.env.BENCH_HR_STAFF ?? 120_000);
const SAMPLES = Number(process.env.BENCH_HR_SAMPLES ?? 200);

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/** Positions, persons and three assignments each (2016-2019 and 2020-2022 ended, 2023 on in force). */
async function seedRegister(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`set local statement_timeout = 0`.execute(trx);
    await sql`select setseed(0.18)`.execute(trx);
    await sql`create temporary table bench_unit on commit drop as
      select row_number() over (order by code) as n, code from gazetteer_unit where level <= 3 and valid_to is null`.execute(
      trx,
    );
    await sql`
      insert into hr_position (unit_code, organ, title_km, title_en, category_code, grade_code, level, funding_source,
        is_example)
      select u.code, (array['administration','board_support','clerk_office','council_support'])[1 + k % 4],
        'មុខតំណែងឧទាហរណ៍ ' || k, 'Example position ' || k,
        (array['cs_a','cs_b','cs_c'])[1 + (k / 7) % 3],
        (array['a1','a2','a3','b1','b2','b3','c1','c2','c3'])[1 + 3 * ((k / 7) % 3) + k % 3],
        case when k % 10 = 0 then 'leadership' when k % 4 = 0 then 'management' else 'staff' end,
        'sna_budget', true
      from generate_series(1, ${POSITIONS}::int) k
      join bench_unit u on u.n = 1 + k % (select count(*) from bench_unit)`.execute(trx);
    await sql`
      insert into hr_person (unit_code, name_km, name_latin, sex, birth_date, has_disability, is_example)
      select p.unit_code, 'ឧទាហរណ៍ ' || k, 'Example ' || k, case when random() < 0.3 then 'female' else 'male' end,
        date '1965-01-01' + (random() * 12000)::int, case when k % 40 = 0 then true when k % 3 = 0 then null else false end,
        true
      from generate_series(1, ${STAFF}::int) k join hr_position p on p.id = k`.execute(trx);
    await sql`
      insert into hr_assignment (person_id, position_id, kind, start_date, end_date, end_reason, is_example)
      select pe.id, 1 + (pe.id * 7 + s) % ${POSITIONS}::int,
        (array['substantive','acting','secondment'])[1 + (pe.id + s) % 3],
        (array[date '2016-01-01', date '2020-01-01'])[s], (array[date '2019-12-31', date '2022-12-31'])[s],
        'transfer', true
      from hr_person pe cross join generate_series(1, 2) s`.execute(trx);
    await sql`
      insert into hr_assignment (person_id, position_id, kind, start_date, is_example)
      select pe.id, pe.id, 'substantive', date '2023-01-01', true from hr_person pe`.execute(trx);
  });
  await sql`analyze`.execute(db);
}

/** The baseline of the establishment page: the page's positions with status and holders, and the count. */
async function baselinePage(db: Kysely<Database>, unit: string, day: string) {
  const rows = await sql`
    select p.*, case when p.state <> 'open' then p.state when a.id is null then 'vacant' else 'occupied' end as status,
      a.id as assignment_id, pe.id as person_id, pe.name_km, pe.name_latin, pe.sex
    from (select * from hr_position where unit_code = ${unit} order by id desc limit 50) p
    left join hr_assignment a on a.position_id = p.id and a.start_date <= ${day}
      and (a.end_date is null or a.end_date >= ${day})
    left join hr_person pe on pe.id = a.person_id
    order by p.id desc`.execute(db);
  const total = await sql`select count(*) from hr_position where unit_code = ${unit}`.execute(db);
  return { rows, total };
}

/** The baseline of the roll-up: holders in force by province, sex and grade, joining the tree's closure. */
const baselineRollUp = (db: Kysely<Database>, day: string) =>
  sql<{ province: string; sex: string; grade_code: string | null; n: number }>`
    select c.ancestor_code as province, pe.sex, p.grade_code, count(distinct pe.id)::int as n
    from hr_assignment a
    join hr_position p on p.id = a.position_id
    join hr_person pe on pe.id = a.person_id
    join gazetteer_unit_closure c on c.descendant_code = p.unit_code
    join gazetteer_unit pu on pu.code = c.ancestor_code and pu.level = 1 and pu.valid_to is null
    where a.start_date <= ${day} and (a.end_date is null or a.end_date >= ${day})
    group by 1, 2, 3`.execute(db);

export async function run(): Promise<BenchResult[]> {
  const url = await createBenchDatabase('sndd_bench_hr');
  if (!url) {
    console.warn('  PostgreSQL not reachable (set DATABASE_URL): skipping the hr benchmark');
    return [];
  }
  const db = await createDb<Database>({ databaseUrl: url, poolMax: 10 });
  try {
    await prepareDatabase(db.kysely as never, { demoData: false, referenceData: 'sample' });
    if (!smoke) await seedTree(db.kysely as never);
    const seeding = await timed(() => seedRegister(db.kysely));
    const counts = (
      await sql<{ positions: number; persons: number; assignments: number; units: number }>`
        select (select count(*) from hr_position)::int as positions, (select count(*) from hr_person)::int as persons,
          (select count(*) from hr_assignment)::int as assignments,
          (select count(distinct unit_code) from hr_position)::int as units`.execute(db.kysely)
    ).rows[0]!;
    console.log(
      `  seeded ${counts.positions} positions in ${counts.units} units, ${counts.persons} persons, ` +
        `${counts.assignments} assignments (2016-2026) in ${(seeding.ms / 1000).toFixed(1)} s`,
    );
    const ctx = wireModules(db.kysely, modules).contextOf('hr') as unknown as HrContext;
    const day = ctx.today();
    const rounds = smoke ? 2 : 15;

    // The roll-up: the module's totals must be the baseline's before it is timed.
    const answer = await leadershipRollUp(ctx, {});
    const oracle = (await baselineRollUp(db.kysely, day)).rows;
    const oracleFemale = oracle.filter((row) => row.sex === 'female').reduce((sum, row) => sum + row.n, 0);
    const oracleAll = oracle.reduce((sum, row) => sum + row.n, 0);
    if (answer.totals.female !== oracleFemale || answer.totals.female + answer.totals.male !== oracleAll)
      throw new Error(
        `the roll-up differs from the hand-written aggregate: ${answer.totals.female}/${answer.totals.male} vs ${oracleFemale}/${oracleAll}`,
      );
    const rollUps: number[] = [];
    const rollUpBaselines: number[] = [];
    for (let i = 0; i < rounds; i += 1) {
      rollUps.push((await timed(() => leadershipRollUp(ctx, {}))).ms);
      rollUpBaselines.push((await timed(() => baselineRollUp(db.kysely, day))).ms);
    }

    // A unit's establishment page, p95 over random units (the same ones for both).
    const units = (
      await sql<{ unit_code: string }>`select unit_code from (select distinct unit_code from hr_position) u
        order by md5(unit_code) limit ${SAMPLES}`.execute(db.kysely)
    ).rows.map((row) => row.unit_code);
    const pages: number[] = [];
    const pageBaselines: number[] = [];
    for (const unit of [...units.slice(0, 3), ...units]) {
      const query = { unitCode: unit, query: { page: 1, pageSize: 50 } };
      pages.push((await timed(() => listPositions(ctx, query))).ms);
      pageBaselines.push((await timed(() => baselinePage(db.kysely, unit, day))).ms);
    }
    pages.splice(0, 3);
    pageBaselines.splice(0, 3);

    const rollUpMs = median(rollUps);
    const pageP95 = percentile(pages, 95);
    return [
      result({
        name: `a unit's establishment page (50 positions, status and holders), p95 of ${units.length} units; ${counts.positions} positions`,
        unit: 'ms',
        figure: pageP95,
        baselineName: 'one hand-written join query and a count, p95',
        baseline: percentile(pageBaselines, 95),
        target: { text: '< 20 ms', met: pageP95 < 20 },
      }),
      result({
        name: `national women-in-leadership roll-up by province and grade, ${counts.persons} staff, ${counts.assignments} assignments (median of ${rounds})`,
        unit: 'ms',
        figure: rollUpMs,
        baselineName: 'one hand-written aggregate over the closure',
        baseline: median(rollUpBaselines),
        target: { text: '< 100 ms', met: rollUpMs < 100 },
      }),
    ];
  } finally {
    await db.close();
    await dropBenchDatabase(url);
  }
}
