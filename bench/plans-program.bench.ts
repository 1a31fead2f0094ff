/**
 * A national investment program (#16): every commune, district and province of a country-sized
 * tree (the sample's real units plus 25 provinces × 8 districts × 8 communes, as the dashboard
 * benchmark builds it: about 1,650 communes) with 30 projects each, costs over the 3 program
 * years from one or two fund sources, generated set-based in SQL. On PostgreSQL.
 *
 * Figures, each with a hand-written SQL baseline in the same run and their ratio:
 * - the national roll-up by sector and fund source of a year (rollUp, as the module answers
 *   it through the gazetteer port) against one aggregate query over the two tables
 *   (target < 100 ms, median);
 * - a commune's program page (listProjects: a page of projects with places and costs of a
 *   year, two statements: the page with its parts and total, the places' names) p95 over random
 *   communes, against one join query selecting the same rows (target < 20 ms);
 * - rolling the whole country to the next year (rollNationalProgram: set-based, with a roll
 *   record and an audit record per SNA) against the three bare statements, run first and rolled
 *   back (target < 30 s).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../api/src/modules.ts';
import { modules, prepareDatabase } from '../api/src/modules.ts';
import { rollNationalProgram, rollUp, type PlansContext } from '../api/src/modules/plans/index.ts';
import { SYSTEM_ACTOR } from '../api/src/platform/actor.ts';
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

const PROJECTS = Number(process.env.BENCH_PLANS_PROJECTS ?? 30);
const SAMPLES = Number(process.env.BENCH_PLANS_SAMPLES ?? 200);
const FIRST_YEAR = 2027;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/** Programs, projects, places and costs for every SNA of the tree, in one transaction. */
export async function seedProgram(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`set local statement_timeout = 0`.execute(trx);
    await sql`select setseed(0.16)`.execute(trx);
    await sql`
      insert into plans_program (unit_code, first_year)
      select code, ${FIRST_YEAR}::int from gazetteer_unit where level <= 3 and valid_to is null`.execute(trx);
    await sql`
      insert into plans_project (unit_code, title_km, title_en, sector_code, kind, output_text, output_quantity,
        output_unit, status, gender_marker, gender_reason, climate_marker, climate_reason, is_example)
      select p.unit_code, 'គម្រោងឧទាហរណ៍ ' || k, 'Example project ' || k,
        (array['economic','social','natural_resources','administration_security','gender'])[1 + (k % 5)],
        case when k % 3 = 0 then 'service' else 'infrastructure' end, 'Example output', 1 + k % 7, 'km',
        (array['proposal','committed','ongoing','completed','dropped'])[1 + floor(random() * 5)::int],
        k % 4 = 0, case when k % 4 = 0 then 'Example reason' end, 'none', null, true
      from plans_program p cross join generate_series(1, ${PROJECTS}::int) k`.execute(trx);
    await sql`
      insert into plans_project_location (project_id, unit_code)
      select id, unit_code from plans_project where length(unit_code) = 6`.execute(trx);
    // Three years, the Commune/Sangkat Fund always and one other source for about half.
    await sql`
      insert into plans_project_cost (project_id, year, fund_source_code, amount)
      select p.id, y, 'commune_fund', (1 + floor(random() * 100)) * 1000000
      from plans_project p cross join generate_series(${FIRST_YEAR}::int, ${FIRST_YEAR + 2}::int) y`.execute(
      trx,
    );
    await sql`
      insert into plans_project_cost (project_id, year, fund_source_code, amount)
      select p.id, y, (array['district_fund','line_department','ngo','development_partner','citizens'])[1 + (p.id % 5)::int],
        (1 + floor(random() * 50)) * 1000000
      from plans_project p cross join generate_series(${FIRST_YEAR}::int, ${FIRST_YEAR + 2}::int) y
      where (p.id + y) % 2 = 0`.execute(trx);
  });
  // The steady state of a live database (autovacuum has run): the visibility map set, so that
  // the roll-up can read the covering index of a year's costs alone.
  await sql`vacuum analyze plans_project_cost`.execute(db);
  await sql`analyze`.execute(db);
}

/** The baseline of the roll-up: one aggregate over the two tables, written by hand. */
const baselineRollUp = (db: Kysely<Database>, year: number) =>
  sql`select p.sector_code, c.fund_source_code, sum(c.amount) as amount, count(distinct p.id) as projects
    from plans_project_cost c join plans_project p on p.id = c.project_id
    where c.year = ${year} and p.status <> 'dropped'
    group by 1, 2 order by 1, 2`.execute(db);

/** The baseline of a commune's program page: the page's projects and their costs, one join. */
const baselinePage = (db: Kysely<Database>, unit: string, year: number) =>
  sql`select p.*, c.year, c.fund_source_code, c.amount
    from (select * from plans_project p where p.unit_code = ${unit}
      and exists (select 1 from plans_project_cost c where c.project_id = p.id and c.year = ${year})
      order by id limit 50) p
    join plans_project_cost c on c.project_id = p.id order by p.id, c.year`.execute(db);

/** The baseline of the national roll: the same three statements, bare (no roll records, no audit). */
async function baselineRoll(db: Kysely<Database>, fromYear: number): Promise<void> {
  await sql`update plans_program set first_year = ${fromYear + 1}, council_decision_id = null, approved_on = null
    where first_year = ${fromYear}`.execute(db);
  await sql`insert into plans_project_cost (project_id, year, fund_source_code, amount)
    select c.project_id, ${fromYear + 1}, c.fund_source_code, c.amount
    from plans_project_cost c join plans_project p on p.id = c.project_id
    where c.year = ${fromYear} and p.status in ('proposal', 'committed', 'ongoing')
    on conflict (project_id, year, fund_source_code) do update set amount = plans_project_cost.amount + excluded.amount`.execute(
    db,
  );
  await sql`delete from plans_project_cost c using plans_project p
    where p.id = c.project_id and c.year = ${fromYear} and p.status in ('proposal', 'committed', 'ongoing')`.execute(
    db,
  );
}

class Rollback extends Error {}

export async function run(): Promise<BenchResult[]> {
  const url = await createBenchDatabase('sndd_bench_plans');
  if (!url) {
    console.warn('  PostgreSQL not reachable (set DATABASE_URL): skipping the plans benchmark');
    return [];
  }
  const db = await createDb<Database>({ databaseUrl: url, poolMax: 10 });
  try {
    await prepareDatabase(db.kysely as never, { demoData: false, referenceData: 'sample' });
    if (!smoke) await seedTree(db.kysely as never);
    const seeding = await timed(() => seedProgram(db.kysely));
    const counts = (
      await sql<{ communes: number; projects: number; years: number; costs: number }>`
        select (select count(*) from plans_program where length(unit_code) = 6)::int as communes,
          (select count(*) from plans_project)::int as projects,
          (select count(distinct (project_id, year)) from plans_project_cost)::int as years,
          (select count(*) from plans_project_cost)::int as costs`.execute(db.kysely)
    ).rows[0]!;
    console.log(
      `  seeded ${counts.communes} commune programs, ${counts.projects} projects, ${counts.years} project-years ` +
        `(${counts.costs} cost rows) in ${(seeding.ms / 1000).toFixed(1)} s`,
    );
    const ctx = wireModules(db.kysely, modules).contextOf('plans') as unknown as PlansContext;
    const { listProjects } = await import('../api/src/modules/plans/projects.service.ts');
    const rounds = smoke ? 2 : 15;

    // The national roll-up: the module's answer must be the baseline's before it is timed.
    const answer = await rollUp(ctx, { year: FIRST_YEAR });
    const oracle = (await baselineRollUp(db.kysely, FIRST_YEAR)).rows as { amount: string }[];
    const sum = (rows: { amount: string | number }[]) =>
      rows.reduce((total, row) => total + Number(row.amount), 0);
    if (answer.length !== oracle.length || sum(answer) !== sum(oracle))
      throw new Error('the roll-up differs from the hand-written aggregate');
    const rollUps: number[] = [];
    const rollUpBaselines: number[] = [];
    for (let i = 0; i < rounds; i += 1) {
      rollUps.push((await timed(() => rollUp(ctx, { year: FIRST_YEAR }))).ms);
      rollUpBaselines.push((await timed(() => baselineRollUp(db.kysely, FIRST_YEAR))).ms);
    }

    // A commune's program page, p95 over random communes (the same ones for both).
    const communes = (
      await sql<{ unit_code: string }>`select unit_code from plans_program where length(unit_code) = 6
        order by md5(unit_code) limit ${SAMPLES}`.execute(db.kysely)
    ).rows.map((row) => row.unit_code);
    const pages: number[] = [];
    const pageBaselines: number[] = [];
    for (const unit of [...communes.slice(0, 3), ...communes]) {
      const query = { unit, year: FIRST_YEAR, page: 1, pageSize: 50 };
      pages.push((await timed(() => listProjects(ctx, query))).ms);
      pageBaselines.push((await timed(() => baselinePage(db.kysely, unit, FIRST_YEAR))).ms);
    }
    pages.splice(0, 3);
    pageBaselines.splice(0, 3);

    // Rolling the country: the bare statements first, rolled back, then the module's roll.
    const baselineRolled = await timed(async () => {
      try {
        await db.kysely.transaction().execute(async (trx) => {
          await sql`set local statement_timeout = 0`.execute(trx);
          await baselineRoll(trx, FIRST_YEAR);
          throw new Rollback();
        });
      } catch (error) {
        if (!(error instanceof Rollback)) throw error;
      }
    });
    const rolled = await timed(() => rollNationalProgram(ctx, SYSTEM_ACTOR, { fromYear: FIRST_YEAR }));
    console.log(`  rolled ${rolled.value.programs} programs, ${rolled.value.carried} projects carried`);

    const rollUpMs = median(rollUps);
    const pageP95 = percentile(pages, 95);
    return [
      result({
        name: `national roll-up by sector and fund source, ${counts.years} project-years (median of ${rounds})`,
        unit: 'ms',
        figure: rollUpMs,
        baselineName: 'one hand-written aggregate query',
        baseline: median(rollUpBaselines),
        target: { text: '< 100 ms', met: rollUpMs < 100 },
      }),
      result({
        name: `a commune's program page (50 projects of a year, places and costs), p95 of ${communes.length}`,
        unit: 'ms',
        figure: pageP95,
        baselineName: 'one hand-written join query, p95',
        baseline: percentile(pageBaselines, 95),
        target: { text: '< 20 ms', met: pageP95 < 20 },
      }),
      result({
        name: `rolling the whole country to ${FIRST_YEAR + 1} (${rolled.value.programs} programs, audited)`,
        unit: 'ms',
        figure: rolled.ms,
        baselineName: 'the three bare statements, rolled back',
        baseline: baselineRolled.ms,
        target: { text: '< 30000 ms', met: rolled.ms < 30_000 },
      }),
    ];
  } finally {
    await db.close();
    await dropBenchDatabase(url);
  }
}
