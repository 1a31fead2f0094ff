/** Kysely functions over the development plans and the code lists: (db, args) -> rows, no rules. */
import { sql, type Updateable } from 'kysely';
import type { PlanRow, PlansDb, PlansPlanTable } from './plans.tables.ts';

export function selectSectors(db: PlansDb) {
  return db.selectFrom('plans_sector').select(['code', 'name_km', 'name_en']).orderBy('sort_order').execute();
}

export function selectFundSources(db: PlansDb) {
  return db
    .selectFrom('plans_fund_source')
    .select(['code', 'name_km', 'name_en'])
    .orderBy('sort_order')
    .execute();
}

export async function findPlan(db: PlansDb, id: number): Promise<PlanRow | undefined> {
  return db.selectFrom('plans_plan').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockPlan(db: PlansDb, id: number): Promise<PlanRow | undefined> {
  return db.selectFrom('plans_plan').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findPlanUnit(db: PlansDb, id: number): Promise<string | undefined> {
  const row = await db.selectFrom('plans_plan').select('unit_code').where('id', '=', id).executeTakeFirst();
  return row?.unit_code;
}

export async function isPlanYearTaken(db: PlansDb, unitCode: string, firstYear: number): Promise<boolean> {
  const row = await db
    .selectFrom('plans_plan')
    .select('id')
    .where('unit_code', '=', unitCode)
    .where('first_year', '=', firstYear)
    .executeTakeFirst();
  return row !== undefined;
}

export async function selectPlansOfUnit(
  db: PlansDb,
  unitCode: string,
  page: { page: number; pageSize: number },
): Promise<{ rows: PlanRow[]; total: number }> {
  const query = db.selectFrom('plans_plan').where('unit_code', '=', unitCode);
  const [rows, counted] = await Promise.all([
    query
      .selectAll()
      .orderBy('first_year', 'desc')
      .orderBy('id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('total')).executeTakeFirst(),
  ]);
  return { rows, total: counted?.total ?? 0 };
}

export function insertPlan(
  db: PlansDb,
  values: Pick<PlanRow, 'unit_code' | 'first_year' | 'last_year' | 'vision_km' | 'vision_en'> & {
    is_example?: boolean;
  },
): Promise<PlanRow> {
  return db.insertInto('plans_plan').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updatePlan(db: PlansDb, id: number, values: Updateable<PlansPlanTable>): Promise<PlanRow> {
  return db
    .updateTable('plans_plan')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertGoals(
  db: PlansDb,
  rows: {
    plan_id: number;
    sector_code: string;
    text_km: string;
    text_en: string | null;
    sort_order: number;
  }[],
): Promise<void> {
  if (rows.length > 0) await db.insertInto('plans_goal').values(rows).execute();
}

export async function insertIndicator(
  db: PlansDb,
  row: {
    plan_id: number;
    sector_code: string;
    name_km: string;
    name_en: string | null;
    measure: string;
    baseline: number;
    baseline_year: number;
    sort_order: number;
  },
  targets: { year: number; target: number }[],
): Promise<void> {
  const { id } = await db.insertInto('plans_indicator').values(row).returning('id').executeTakeFirstOrThrow();
  if (targets.length > 0) {
    await db
      .insertInto('plans_indicator_target')
      .values(targets.map((target) => ({ indicator_id: id, ...target })))
      .execute();
  }
}

export async function insertSteps(
  db: PlansDb,
  rows: {
    plan_id: number;
    step_km: string;
    step_en: string | null;
    owner: string;
    start_date: string;
    end_date: string;
    sort_order: number;
  }[],
): Promise<void> {
  if (rows.length > 0) await db.insertInto('plans_calendar_step').values(rows).execute();
}

export async function selectPlanParts(db: PlansDb, planId: number) {
  const [goals, indicators, targets, steps] = await Promise.all([
    db.selectFrom('plans_goal').selectAll().where('plan_id', '=', planId).orderBy('sort_order').execute(),
    db
      .selectFrom('plans_indicator')
      .selectAll()
      .where('plan_id', '=', planId)
      .orderBy('sort_order')
      .execute(),
    db
      .selectFrom('plans_indicator_target')
      .innerJoin('plans_indicator', 'plans_indicator.id', 'plans_indicator_target.indicator_id')
      .select(['indicator_id', 'year', 'target'])
      .where('plans_indicator.plan_id', '=', planId)
      .orderBy('year')
      .execute(),
    db
      .selectFrom('plans_calendar_step')
      .selectAll()
      .where('plan_id', '=', planId)
      .orderBy('sort_order')
      .execute(),
  ]);
  return { goals, indicators, targets, steps };
}
