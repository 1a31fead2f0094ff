/** Kysely functions over councils_function: (db, args) -> rows, no rules. */
import { sql, type Updateable } from 'kysely';
import type { CouncilsDb, CouncilsFunctionTable, FunctionRow } from './councils.tables.ts';

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
