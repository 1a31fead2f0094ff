/** Kysely functions over the councils tables: (db, args) -> rows, no rules. */
import { sql, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { GazetteerTables } from '../gazetteer/index.ts';
import { subtreeCodesQuery } from '../gazetteer/index.ts';
import type {
  CouncilsFunctionTable,
  CouncilsMemberTable,
  CouncilsOrganTable,
  CouncilsTables,
  OrganKind,
} from './councils.tables.ts';
import type { GroupedMembers } from './member-stats.ts';

export type CouncilsDb = Kysely<CouncilsTables>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const anyDb = (db: CouncilsDb) => db as unknown as Kysely<any>;

export type OrganRow = Selectable<CouncilsOrganTable>;
export type MemberRow = Selectable<CouncilsMemberTable>;
export type FunctionRow = Selectable<CouncilsFunctionTable>;

// Councils first, then the board, the committees and the offices: the order people read them in.
const KIND_ORDER = sql<number>`case kind when 'council' then 1 when 'board_of_governors' then 2
  when 'committee' then 3 else 4 end`;

// ---------------------------------------------------------------------------------- organs

export async function findOrgan(db: CouncilsDb, id: number): Promise<OrganRow | undefined> {
  return db.selectFrom('councils_organ').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOrganUnit(db: CouncilsDb, id: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('councils_organ')
    .select('unit_code')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.unit_code;
}

export async function selectOrgansOfUnit(
  db: CouncilsDb,
  unitCode: string,
  options: { kind?: OrganKind; sittingOn?: string; page: number; pageSize: number },
): Promise<{ rows: OrganRow[]; total: number }> {
  let query = db.selectFrom('councils_organ').where('unit_code', '=', unitCode);
  if (options.kind) query = query.where('kind', '=', options.kind);
  if (options.sittingOn) {
    const day = options.sittingOn;
    query = query.where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', day)]));
  }
  const [rows, counted] = await Promise.all([
    query
      .selectAll()
      .orderBy(KIND_ORDER)
      .orderBy('id')
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('total')).executeTakeFirst(),
  ]);
  return { rows, total: counted?.total ?? 0 };
}

export async function insertOrgan(
  db: CouncilsDb,
  values: Omit<OrganRow, 'id' | 'created_at' | 'updated_at' | 'is_example' | 'closed_on'> & {
    is_example?: boolean;
    closed_on?: string | null;
  },
): Promise<OrganRow> {
  return db.insertInto('councils_organ').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateOrgan(
  db: CouncilsDb,
  id: number,
  values: Updateable<CouncilsOrganTable>,
): Promise<OrganRow> {
  return db
    .updateTable('councils_organ')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

// ---------------------------------------------------------------------------------- members

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

export async function insertMember(
  db: CouncilsDb,
  values: Omit<MemberRow, 'id' | 'created_at' | 'updated_at' | 'is_example'> & { is_example?: boolean },
): Promise<MemberRow> {
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

// ---------------------------------------------------------------------------------- stats

/** Members in office on `day` in organs of `kind` sitting that day, grouped by their attributes. */
export async function selectGroupedMembers(
  db: CouncilsDb,
  args: { kind: OrganKind; day: string; within?: string; level?: number },
): Promise<{ organs: number; groups: GroupedMembers[] }> {
  let organs = db
    .selectFrom('councils_organ')
    .where('kind', '=', args.kind)
    .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', args.day)]))
    .where((eb) => eb.or([eb('term_start', 'is', null), eb('term_start', '<=', args.day)]));
  // The gazetteer's own rule: a unit's code has two digits per level.
  if (args.level !== undefined) organs = organs.where(sql<boolean>`length(unit_code) = ${args.level * 2}`);
  if (args.within !== undefined) {
    organs = organs.where('unit_code', 'in', subtreeCodesQuery(anyDb(db), [args.within]));
  }
  const [counted, groups] = await Promise.all([
    organs.select(sql<number>`count(*)::int`.as('total')).executeTakeFirst(),
    db
      .selectFrom('councils_member')
      .where('organ_id', 'in', organs.select('id'))
      .where('start_date', '<=', args.day)
      .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', args.day)]))
      .select([
        'sex',
        'role',
        'birth_year as birthYear',
        'has_disability as hasDisability',
        'is_indigenous as isIndigenous',
        'party',
        sql<number>`count(*)::int`.as('count'),
      ])
      .groupBy(['sex', 'role', 'birth_year', 'has_disability', 'is_indigenous', 'party'])
      .execute(),
  ]);
  return { organs: counted?.total ?? 0, groups };
}

// ---------------------------------------------------------------------------------- functions

export function selectFunctions(
  db: CouncilsDb,
  filters: { typeCode?: string; unitCode?: string; sector?: string },
) {
  let query = db.selectFrom('councils_function').selectAll();
  const { typeCode, unitCode } = filters;
  if (typeCode !== undefined && unitCode !== undefined) {
    query = query.where((eb) =>
      eb.or([eb('holder_type_code', '=', typeCode), eb('holder_unit_code', '=', unitCode)]),
    );
  } else if (typeCode !== undefined) {
    query = query.where('holder_type_code', '=', typeCode);
  } else if (unitCode !== undefined) {
    query = query.where('holder_unit_code', '=', unitCode);
  }
  if (filters.sector !== undefined) query = query.where('sector', '=', filters.sector);
  return query;
}

export async function findFunction(db: CouncilsDb, id: number): Promise<FunctionRow | undefined> {
  return db.selectFrom('councils_function').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findFunctionByHolder(
  db: CouncilsDb,
  code: string,
  holder: { typeCode: string | null; unitCode: string | null },
): Promise<FunctionRow | undefined> {
  return db
    .selectFrom('councils_function')
    .selectAll()
    .where('code', '=', code)
    .where(sql<boolean>`coalesce(holder_type_code, '') = ${holder.typeCode ?? ''}`)
    .where(sql<boolean>`coalesce(holder_unit_code, '') = ${holder.unitCode ?? ''}`)
    .executeTakeFirst();
}

export async function insertFunction(
  db: CouncilsDb,
  values: Omit<FunctionRow, 'id' | 'created_at' | 'updated_at' | 'is_example'> & { is_example?: boolean },
): Promise<FunctionRow> {
  return db.insertInto('councils_function').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateFunction(
  db: CouncilsDb,
  id: number,
  values: Updateable<CouncilsFunctionTable>,
): Promise<FunctionRow> {
  return db
    .updateTable('councils_function')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * An SNA type of the gazetteer (levels 1 to 3: villages hold no functions). Unit types are data
 * of the gazetteer (NP-2 renames the tiers), so they are read, not listed here; its index
 * exports the table types but no lookup of types.
 */
export async function snaTypeExists(db: CouncilsDb, code: string): Promise<boolean> {
  const row = await (db as unknown as Kysely<GazetteerTables>)
    .selectFrom('gazetteer_unit_type')
    .select('code')
    .where('code', '=', code)
    .where('level', '<=', 3)
    .executeTakeFirst();
  return row !== undefined;
}
