/** Kysely functions over councils_organ: (db, args) -> rows, no rules. */
import { sql, type Updateable } from 'kysely';
import type { CouncilsDb, CouncilsOrganTable, OrganKind, OrganRow } from './councils.tables.ts';

// Councils first, then the board, the committees and the offices: the order people read them in.
const KIND_ORDER = sql<number>`case kind when 'council' then 1 when 'board_of_governors' then 2
  when 'committee' then 3 else 4 end`;

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
  values: Omit<
    OrganRow,
    'id' | 'created_at' | 'updated_at' | 'is_example' | 'closed_on' | 'decision_number_pattern'
  > & {
    is_example?: boolean;
    closed_on?: string | null;
    decision_number_pattern?: string | null;
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
