/** SQL of the transfer programs: (db, args) -> rows, no rules. */
import type { Insertable } from 'kysely';
import type { TransfersDb } from './transfers.context.ts';
import type { TransfersProgramTable } from './transfers.tables.ts';

export function selectPrograms(db: TransfersDb) {
  return db.selectFrom('transfers_program').selectAll().orderBy('code').execute();
}

export async function programExists(db: TransfersDb, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('transfers_program')
    .select('code')
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

export function insertProgram(db: TransfersDb, values: Insertable<TransfersProgramTable>) {
  return db.insertInto('transfers_program').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Marks every program as real (not an example): the demo seed's programs are NP-2's own. */
export async function markProgramsReal(db: TransfersDb): Promise<void> {
  await db.updateTable('transfers_program').set({ is_example: false }).execute();
}
