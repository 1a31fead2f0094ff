/** Kysely functions over councils_member: (db, args) -> rows, no rules. */
import { sql, type Updateable } from 'kysely';
import type { CouncilsDb, CouncilsMemberTable, MemberRow } from './councils.tables.ts';

export async function findMember(db: CouncilsDb, id: number): Promise<MemberRow | undefined> {
  return db.selectFrom('councils_member').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findMemberUnit(db: CouncilsDb, id: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('councils_member')
    .innerJoin('councils_organ', 'councils_organ.id', 'councils_member.organ_id')
    .select('councils_organ.unit_code')
    .where('councils_member.id', '=', id)
    .executeTakeFirst();
  return row?.unit_code;
}

/** Members of the given organs, heads first; only those in office on `inOfficeOn` when given. */
export async function selectMembers(
  db: CouncilsDb,
  organIds: number[],
  inOfficeOn?: string,
): Promise<MemberRow[]> {
  if (organIds.length === 0) return [];
  let query = db.selectFrom('councils_member').selectAll().where('organ_id', 'in', organIds);
  if (inOfficeOn) {
    query = query
      .where('start_date', '<=', inOfficeOn)
      .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', inOfficeOn)]));
  }
  return query
    .orderBy(
      sql`case role when 'chief' then 1 when 'governor' then 1 when 'head' then 1 when 'deputy' then 2
        when 'deputy_governor' then 2 when 'secretary' then 3 else 4 end`,
    )
    .orderBy('start_date')
    .orderBy('id')
    .execute();
}

/** A member to insert: contacts and the example flag optional. */
type NewMember = Omit<MemberRow, 'id' | 'created_at' | 'updated_at' | 'is_example' | 'phone' | 'email'> & {
  is_example?: boolean;
  phone?: string | null;
  email?: string | null;
};

export async function insertMembers(db: CouncilsDb, values: NewMember[]): Promise<MemberRow[]> {
  if (values.length === 0) return [];
  return db.insertInto('councils_member').values(values).returningAll().execute();
}

export async function insertMember(db: CouncilsDb, values: NewMember): Promise<MemberRow> {
  return db.insertInto('councils_member').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateMember(
  db: CouncilsDb,
  id: number,
  values: Updateable<CouncilsMemberTable>,
): Promise<MemberRow> {
  return db
    .updateTable('councils_member')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Members of the organ whose mandate runs past `lastDay` (or has no end). */
export async function selectMembersSittingAfter(
  db: CouncilsDb,
  organId: number,
  lastDay: string,
): Promise<MemberRow[]> {
  return db
    .selectFrom('councils_member')
    .selectAll()
    .where('organ_id', '=', organId)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>', lastDay)]))
    .orderBy('id')
    .execute();
}

/** Another member of the organ holding `role` during part of [start, end] (inclusive, end null = open). */
export async function findOverlappingHolder(
  db: CouncilsDb,
  args: { organId: number; role: string; start: string; end: string | null; exceptMemberId?: number },
): Promise<MemberRow | undefined> {
  let query = db
    .selectFrom('councils_member')
    .selectAll()
    .where('organ_id', '=', args.organId)
    .where('role', '=', args.role as MemberRow['role'])
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', args.start)]));
  if (args.end !== null) query = query.where('start_date', '<=', args.end);
  if (args.exceptMemberId !== undefined) query = query.where('id', '<>', args.exceptMemberId);
  return query.orderBy('id').executeTakeFirst();
}
