/** Kysely functions over village needs and commune priorities: (db, args) -> rows, no rules. */
import { sql } from 'kysely';
import type { NeedRow, PlansDb, PriorityRow } from './plans.tables.ts';

export async function selectNeedsOfUnit(
  db: PlansDb,
  unitCode: string,
  options: { sector?: string; page: number; pageSize: number },
): Promise<{ rows: NeedRow[]; total: number }> {
  let query = db.selectFrom('plans_need').where('unit_code', '=', unitCode);
  if (options.sector !== undefined) query = query.where('sector_code', '=', options.sector);
  const [rows, counted] = await Promise.all([
    query
      .selectAll()
      .orderBy('meeting_date', 'desc')
      .orderBy('id', 'desc')
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('total')).executeTakeFirst(),
  ]);
  return { rows, total: counted?.total ?? 0 };
}

export function insertNeed(
  db: PlansDb,
  values: Omit<NeedRow, 'id' | 'created_at' | 'is_example'> & { is_example?: boolean },
): Promise<NeedRow> {
  return db.insertInto('plans_need').values(values).returningAll().executeTakeFirstOrThrow();
}

export function selectNeedsByIds(db: PlansDb, ids: readonly number[]): Promise<NeedRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('plans_need')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
}

export async function selectPrioritiesOfUnit(
  db: PlansDb,
  unitCode: string,
  options: { year?: number; page: number; pageSize: number },
): Promise<{ rows: PriorityRow[]; total: number }> {
  let query = db.selectFrom('plans_priority').where('unit_code', '=', unitCode);
  if (options.year !== undefined) query = query.where('year', '=', options.year);
  const [rows, counted] = await Promise.all([
    query
      .selectAll()
      .orderBy('year', 'desc')
      .orderBy('rank')
      .orderBy('id')
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('total')).executeTakeFirst(),
  ]);
  return { rows, total: counted?.total ?? 0 };
}

export async function isRankTaken(
  db: PlansDb,
  unitCode: string,
  year: number,
  rank: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('plans_priority')
    .select('id')
    .where('unit_code', '=', unitCode)
    .where('year', '=', year)
    .where('rank', '=', rank)
    .executeTakeFirst();
  return row !== undefined;
}

export function insertPriority(
  db: PlansDb,
  values: Omit<PriorityRow, 'id' | 'created_at' | 'is_example'> & { is_example?: boolean },
): Promise<PriorityRow> {
  return db.insertInto('plans_priority').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function insertPriorityNeeds(db: PlansDb, priorityId: number, needIds: readonly number[]) {
  if (needIds.length > 0) {
    await db
      .insertInto('plans_priority_need')
      .values(needIds.map((need_id) => ({ priority_id: priorityId, need_id })))
      .execute();
  }
}

export function selectNeedsOfPriorities(db: PlansDb, priorityIds: readonly number[]) {
  if (priorityIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('plans_priority_need')
    .innerJoin('plans_need', 'plans_need.id', 'plans_priority_need.need_id')
    .select(['priority_id', 'plans_need.id', 'need_text', 'village_code'])
    .where('priority_id', 'in', [...priorityIds])
    .orderBy('plans_need.id')
    .execute();
}

export async function findPriority(db: PlansDb, id: number): Promise<PriorityRow | undefined> {
  return db.selectFrom('plans_priority').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockNeed(db: PlansDb, id: number): Promise<NeedRow | undefined> {
  return db.selectFrom('plans_need').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function lockPriority(db: PlansDb, id: number): Promise<PriorityRow | undefined> {
  return db.selectFrom('plans_priority').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findNeedUnit(db: PlansDb, id: number): Promise<string | undefined> {
  const row = await db.selectFrom('plans_need').select('unit_code').where('id', '=', id).executeTakeFirst();
  return row?.unit_code;
}

export function updateNeedRow(
  db: PlansDb,
  id: number,
  values: Omit<NeedRow, 'id' | 'created_at' | 'is_example' | 'unit_code'>,
): Promise<NeedRow> {
  return db
    .updateTable('plans_need')
    .set(values)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The priorities that merge a need (a need in use is not deleted). */
export async function prioritiesOfNeed(db: PlansDb, needId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('plans_priority_need')
    .select('priority_id')
    .where('need_id', '=', needId)
    .execute();
  return rows.map((row) => row.priority_id);
}

export async function deleteNeedRow(db: PlansDb, id: number): Promise<void> {
  await db.deleteFrom('plans_need').where('id', '=', id).execute();
}

/** Is the rank of that year taken by another priority of the unit than `except`? */
export async function isRankTakenByOther(
  db: PlansDb,
  unitCode: string,
  year: number,
  rank: number,
  except: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('plans_priority')
    .select('id')
    .where('unit_code', '=', unitCode)
    .where('year', '=', year)
    .where('rank', '=', rank)
    .where('id', '<>', except)
    .executeTakeFirst();
  return row !== undefined;
}

export function updatePriorityRow(
  db: PlansDb,
  id: number,
  values: Omit<PriorityRow, 'id' | 'created_at' | 'is_example' | 'unit_code'>,
): Promise<PriorityRow> {
  return db
    .updateTable('plans_priority')
    .set(values)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deletePriorityNeeds(db: PlansDb, priorityId: number): Promise<number[]> {
  const rows = await db
    .deleteFrom('plans_priority_need')
    .where('priority_id', '=', priorityId)
    .returning('need_id')
    .execute();
  return rows.map((row) => row.need_id);
}

/** The projects that carry a priority (a priority in use is not deleted). */
export async function projectsOfPriority(db: PlansDb, priorityId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('plans_project')
    .select('id')
    .where('priority_id', '=', priorityId)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

export async function deletePriorityRow(db: PlansDb, id: number): Promise<void> {
  await db.deleteFrom('plans_priority').where('id', '=', id).execute();
}
