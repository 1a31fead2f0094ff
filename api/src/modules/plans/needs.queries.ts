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
