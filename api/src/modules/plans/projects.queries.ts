/**
 * Kysely functions over projects, their places and costs, and the programs they belong to:
 * (db, args) -> rows, no rules. `within` is a subquery of unit codes built by the gazetteer port
 * (a subtree): no code prefix ever stands for a subtree here.
 */
import { sql, type Updateable } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { GazetteerPort } from '../gazetteer/index.ts';
import type { PlansDb, PlansProjectTable, ProjectRow, ProjectStatus } from './plans.tables.ts';

export type UnitCodes = ReturnType<GazetteerPort['subtreeCodesQuery']>;

/** The statuses of a project still to finish: they carry when the program rolls. */
export const UNFINISHED: readonly ProjectStatus[] = ['proposal', 'committed', 'ongoing'];

export async function findProject(db: PlansDb, id: number): Promise<ProjectRow | undefined> {
  return db.selectFrom('plans_project').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockProject(db: PlansDb, id: number): Promise<ProjectRow | undefined> {
  return db.selectFrom('plans_project').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findProjectUnit(db: PlansDb, id: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('plans_project')
    .select('unit_code')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.unit_code;
}

/** A project with its costs (by year, then fund source order) and its places, in one row. */
export type ProjectWithParts = ProjectRow & {
  costs: { year: number; fund_source_code: string; amount: string }[];
  locations: { unit_code: string }[];
};

/** The project columns with their costs and places as JSON arrays: one statement per page. */
function withParts(db: PlansDb) {
  return db
    .selectFrom('plans_project')
    .selectAll('plans_project')
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('plans_project_cost')
          .innerJoin('plans_fund_source', 'plans_fund_source.code', 'plans_project_cost.fund_source_code')
          .select([
            'plans_project_cost.year',
            'plans_project_cost.fund_source_code',
            sql<string>`plans_project_cost.amount::text`.as('amount'),
          ])
          .whereRef('plans_project_cost.project_id', '=', 'plans_project.id')
          .orderBy('plans_project_cost.year')
          .orderBy('plans_fund_source.sort_order'),
      ).as('costs'),
      jsonArrayFrom(
        eb
          .selectFrom('plans_project_location')
          .select('plans_project_location.unit_code')
          .whereRef('plans_project_location.project_id', '=', 'plans_project.id')
          .orderBy('plans_project_location.unit_code'),
      ).as('locations'),
    ]);
}

/** Some projects with their parts, by id (a project's page, the answer of a change). */
export function selectProjectsWithParts(db: PlansDb, ids: readonly number[]): Promise<ProjectWithParts[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return withParts(db)
    .where('plans_project.id', 'in', [...ids])
    .orderBy('plans_project.id')
    .execute();
}

/**
 * A page of the projects of a subtree, with their parts and the total (a window count) in one
 * statement: a program page is this and the places' names. Past the last page the rows are
 * empty and the total unknown (-1): the caller counts.
 */
export async function selectProjects(
  db: PlansDb,
  options: {
    within: UnitCodes;
    year?: number;
    status?: ProjectStatus;
    sector?: string;
    page: number;
    pageSize: number;
  },
): Promise<{ rows: ProjectWithParts[]; total: number }> {
  let query = withParts(db).where('plans_project.unit_code', 'in', options.within);
  if (options.status !== undefined) query = query.where('plans_project.status', '=', options.status);
  if (options.sector !== undefined) query = query.where('plans_project.sector_code', '=', options.sector);
  if (options.year !== undefined) {
    const year = options.year;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('plans_project_cost')
          .select(sql`1`.as('one'))
          .whereRef('plans_project_cost.project_id', '=', 'plans_project.id')
          .where('plans_project_cost.year', '=', year),
      ),
    );
  }
  const rows = await query
    .select(sql<number>`(count(*) over ())::int`.as('total'))
    .orderBy('plans_project.id')
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
    .execute();
  if (rows.length > 0) return { rows, total: rows[0]!.total };
  if (options.page === 1) return { rows: [], total: 0 };
  const counted = await query
    .clearSelect()
    .select(sql<number>`count(*)::int`.as('total'))
    .executeTakeFirst();
  return { rows: [], total: counted?.total ?? 0 };
}

export function insertProject(
  db: PlansDb,
  values: Omit<ProjectRow, 'id' | 'created_at' | 'updated_at' | 'is_example' | 'status'> & {
    is_example?: boolean;
  },
): Promise<ProjectRow> {
  return db.insertInto('plans_project').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function insertLocations(db: PlansDb, projectId: number, codes: readonly string[]) {
  await db
    .insertInto('plans_project_location')
    .values(codes.map((unit_code) => ({ project_id: projectId, unit_code })))
    .execute();
}

export async function insertCosts(
  db: PlansDb,
  rows: { project_id: number; year: number; fund_source_code: string; amount: number }[],
) {
  if (rows.length > 0) await db.insertInto('plans_project_cost').values(rows).execute();
}

export function updateProject(
  db: PlansDb,
  id: number,
  values: Updateable<PlansProjectTable>,
): Promise<ProjectRow> {
  return db
    .updateTable('plans_project')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A project's places and costs (before they are written again, or the project deleted). */
export async function deletePartsOf(db: PlansDb, projectId: number): Promise<void> {
  await db.deleteFrom('plans_project_location').where('project_id', '=', projectId).execute();
  await db.deleteFrom('plans_project_cost').where('project_id', '=', projectId).execute();
}

export async function deleteProjectRow(db: PlansDb, id: number): Promise<void> {
  await db.deleteFrom('plans_project').where('id', '=', id).execute();
}

export function findPriorityUnit(db: PlansDb, id: number) {
  return db.selectFrom('plans_priority').select('unit_code').where('id', '=', id).executeTakeFirst();
}

// ---------------------------------------------------------------------------------- programs

export function findProgram(db: PlansDb, unitCode: string) {
  return db.selectFrom('plans_program').selectAll().where('unit_code', '=', unitCode).executeTakeFirst();
}

export function lockProgram(db: PlansDb, unitCode: string) {
  return db
    .selectFrom('plans_program')
    .selectAll()
    .where('unit_code', '=', unitCode)
    .forUpdate()
    .executeTakeFirst();
}

/** The program of a unit, made on its first project (starting at that project's first year). */
export async function ensureProgram(db: PlansDb, unitCode: string, firstYear: number) {
  await db
    .insertInto('plans_program')
    .values({ unit_code: unitCode, first_year: firstYear, council_decision_id: null, approved_on: null })
    .onConflict((oc) => oc.column('unit_code').doNothing())
    .execute();
  return (await lockProgram(db, unitCode))!;
}

export function approveProgramRow(db: PlansDb, unitCode: string, decisionId: number, on: string) {
  return db
    .updateTable('plans_program')
    .set({ council_decision_id: decisionId, approved_on: on, updated_at: sql`now()` })
    .where('unit_code', '=', unitCode)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Totals by year and fund source of the projects (not dropped) of the units of a subtree. */
export function selectProgramTotals(db: PlansDb, within: UnitCodes, years: readonly number[]) {
  return db
    .selectFrom('plans_project_cost')
    .innerJoin('plans_project', 'plans_project.id', 'plans_project_cost.project_id')
    .select([
      'plans_project_cost.year',
      'plans_project_cost.fund_source_code',
      sql<string>`sum(plans_project_cost.amount)::text`.as('amount'),
    ])
    .where('plans_project.unit_code', 'in', within)
    .where('plans_project.status', '<>', 'dropped')
    .where('plans_project_cost.year', 'in', [...years])
    .groupBy(['plans_project_cost.year', 'plans_project_cost.fund_source_code'])
    .orderBy('plans_project_cost.year')
    .orderBy('plans_project_cost.fund_source_code')
    .execute();
}

/**
 * Rolls the programs of the given units (all programs starting in `fromYear` when `units` is
 * 'all') one year on, set-based: the first-year costs of unfinished projects move into the
 * next year (added to what is there), the program's first year moves on and its approval is
 * cleared (new years need a new decision), and a roll record is written per program. Returns
 * the rolled programs with how many projects carried.
 */
export async function rollPrograms(
  db: PlansDb,
  fromYear: number,
  units: readonly string[] | 'all',
): Promise<{ unit_code: string; carried: number }[]> {
  const unitFilter =
    units === 'all' ? sql`true` : sql`pr.unit_code in (${sql.join(units.map((unit) => sql`${unit}`))})`;
  const unfinished = sql.join(UNFINISHED.map((status) => sql`${status}`));
  const rolled = await sql<{ unit_code: string; carried: number }>`
    with programs as (
      update plans_program pr set first_year = ${fromYear + 1}, council_decision_id = null,
        approved_on = null, updated_at = now()
      where pr.first_year = ${fromYear} and ${unitFilter}
      returning pr.unit_code
    ),
    carried as (
      select p.unit_code, count(distinct c.project_id)::int as carried
      from plans_project_cost c join plans_project p on p.id = c.project_id
      where c.year = ${fromYear} and p.status in (${unfinished})
        and p.unit_code in (select unit_code from programs)
      group by p.unit_code
    ),
    rolls as (
      insert into plans_program_roll (unit_code, from_year, to_year, carried)
      select programs.unit_code, ${fromYear}, ${fromYear + 1}, coalesce(carried.carried, 0)
      from programs left join carried using (unit_code)
      returning unit_code, carried
    )
    select unit_code, carried from rolls order by unit_code`.execute(db);
  if (rolled.rows.length === 0) return [];
  const rolledUnits = sql`(select unit_code from plans_program_roll where from_year = ${fromYear}
      and to_year = ${fromYear + 1} and ${units === 'all' ? sql`true` : sql`unit_code in (${sql.join(units.map((unit) => sql`${unit}`))})`})`;
  await sql`
    insert into plans_project_cost (project_id, year, fund_source_code, amount)
    select c.project_id, ${fromYear + 1}, c.fund_source_code, c.amount
    from plans_project_cost c join plans_project p on p.id = c.project_id
    where c.year = ${fromYear} and p.status in (${unfinished}) and p.unit_code in ${rolledUnits}
    on conflict (project_id, year, fund_source_code)
      do update set amount = plans_project_cost.amount + excluded.amount`.execute(db);
  await sql`
    delete from plans_project_cost c using plans_project p
    where p.id = c.project_id and c.year = ${fromYear} and p.status in (${unfinished})
      and p.unit_code in ${rolledUnits}`.execute(db);
  return rolled.rows;
}

/** National roll-up: amounts by sector and fund source of one year (dropped projects left out). */
export function selectRollUp(db: PlansDb, year: number, within?: UnitCodes) {
  let query = db
    .selectFrom('plans_project_cost')
    .innerJoin('plans_project', 'plans_project.id', 'plans_project_cost.project_id')
    .select([
      'plans_project.sector_code',
      'plans_project_cost.fund_source_code',
      sql<string>`sum(plans_project_cost.amount)::text`.as('amount'),
      // A project has one cost row per year and fund source (the key), so each row of a group
      // is a different project: count(*), not a sort for count(distinct).
      sql<number>`count(*)::int`.as('projects'),
    ])
    .where('plans_project_cost.year', '=', year)
    .where('plans_project.status', '<>', 'dropped');
  if (within !== undefined) query = query.where('plans_project.unit_code', 'in', within);
  return query
    .groupBy(['plans_project.sector_code', 'plans_project_cost.fund_source_code'])
    .orderBy('plans_project.sector_code')
    .orderBy('plans_project_cost.fund_source_code')
    .execute();
}
