/** Every SQL statement of the annual public forums and their questions. */
import { sql, type Updateable } from 'kysely';
import type {
  CouncilsDb,
  CouncilsForumQuestionTable,
  CouncilsForumTable,
  ForumQuestionRow,
  ForumRow,
} from './councils.tables.ts';

/** A forum with how many questions it heard and how many have an answer. */
export type ForumWithCounts = ForumRow & { question_count: number; answered_count: number };

const withCounts = (db: CouncilsDb) =>
  db
    .selectFrom('councils_forum as f')
    .selectAll('f')
    .select([
      sql<number>`(select count(*)::int from councils_forum_question q where q.forum_id = f.id)`.as(
        'question_count',
      ),
      sql<number>`(select count(*)::int from councils_forum_question q where q.forum_id = f.id and q.answer_km is not null)`.as(
        'answered_count',
      ),
    ]);

export async function findForum(db: CouncilsDb, id: number): Promise<ForumWithCounts | undefined> {
  return withCounts(db).where('f.id', '=', id).executeTakeFirst();
}

export async function lockForum(db: CouncilsDb, id: number): Promise<ForumRow | undefined> {
  return db.selectFrom('councils_forum').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findForumUnit(db: CouncilsDb, id: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('councils_forum')
    .select('unit_code')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.unit_code;
}

export async function findForumOfYear(
  db: CouncilsDb,
  organId: number,
  year: number,
): Promise<{ id: number } | undefined> {
  return db
    .selectFrom('councils_forum')
    .select('id')
    .where('organ_id', '=', organId)
    .where('forum_year', '=', year)
    .executeTakeFirst();
}

export async function insertForum(
  db: CouncilsDb,
  values: Omit<ForumRow, 'id' | 'created_at' | 'updated_at' | 'is_example'> & { is_example?: boolean },
): Promise<ForumRow> {
  return db.insertInto('councils_forum').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateForum(
  db: CouncilsDb,
  id: number,
  values: Updateable<CouncilsForumTable>,
): Promise<ForumRow> {
  return db
    .updateTable('councils_forum')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A unit's forums, latest year first. */
export async function selectForums(
  db: CouncilsDb,
  filter: { unitCode: string; year?: number; page: number; pageSize: number },
): Promise<{ rows: ForumWithCounts[]; total: number }> {
  let query = withCounts(db).where('f.unit_code', '=', filter.unitCode);
  let counted = db.selectFrom('councils_forum').where('unit_code', '=', filter.unitCode);
  if (filter.year !== undefined) {
    query = query.where('f.forum_year', '=', filter.year);
    counted = counted.where('forum_year', '=', filter.year);
  }
  const rows = await query
    .orderBy('f.forum_year', 'desc')
    .orderBy('f.id', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  const total = await counted.select(sql<number>`count(*)::int`.as('total')).executeTakeFirst();
  return { rows, total: total?.total ?? 0 };
}

/** A forum's questions in the order they were raised. */
export async function selectForumQuestions(
  db: CouncilsDb,
  filter: { forumId: number; page: number; pageSize: number },
): Promise<{ rows: ForumQuestionRow[]; total: number }> {
  const base = db.selectFrom('councils_forum_question').where('forum_id', '=', filter.forumId);
  const rows = await base
    .selectAll()
    .orderBy('position')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  const total = await base.select(sql<number>`count(*)::int`.as('total')).executeTakeFirst();
  return { rows, total: total?.total ?? 0 };
}

/** Appends a question after the forum's last (the forum row is locked by the caller). */
export async function insertForumQuestion(
  db: CouncilsDb,
  values: Omit<ForumQuestionRow, 'id' | 'position' | 'created_at' | 'updated_at'>,
): Promise<ForumQuestionRow> {
  return db
    .insertInto('councils_forum_question')
    .values({
      ...values,
      position: sql<number>`(select coalesce(max(position), 0) + 1 from councils_forum_question where forum_id = ${values.forum_id})`,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findForumQuestion(db: CouncilsDb, id: number): Promise<ForumQuestionRow | undefined> {
  return db.selectFrom('councils_forum_question').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findForumQuestionUnit(db: CouncilsDb, id: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('councils_forum_question as q')
    .innerJoin('councils_forum as f', 'f.id', 'q.forum_id')
    .select('f.unit_code')
    .where('q.id', '=', id)
    .executeTakeFirst();
  return row?.unit_code;
}

export async function updateForumQuestion(
  db: CouncilsDb,
  id: number,
  values: Updateable<CouncilsForumQuestionTable>,
): Promise<ForumQuestionRow> {
  return db
    .updateTable('councils_forum_question')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
