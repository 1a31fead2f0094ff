/** SQL of the formula documents: (db, args) -> rows, no rules. */
import type { Insertable } from 'kysely';
import type { TransfersDb } from './transfers.context.ts';
import type { TransfersFormulaTable } from './transfers.tables.ts';

export async function latestFormulaVersion(
  db: TransfersDb,
  programCode: string,
  fiscalYear: number,
): Promise<number> {
  const row = await db
    .selectFrom('transfers_formula')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('program_code', '=', programCode)
    .where('fiscal_year', '=', fiscalYear)
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}

export function insertFormula(db: TransfersDb, values: Insertable<TransfersFormulaTable>) {
  return db
    .insertInto('transfers_formula')
    .values(values)
    .returning(['id', 'program_code', 'fiscal_year', 'version', 'created_at'])
    .executeTakeFirstOrThrow();
}

export function findFormula(db: TransfersDb, id: number) {
  return db
    .selectFrom('transfers_formula')
    .select(['id', 'document', 'is_example'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** One page of formula versions (newest year first, then program, newest version first) and the total. */
export async function selectFormulaPage(
  db: TransfersDb,
  filter: { programCode?: string | undefined; fiscalYear?: number | undefined },
  page: { limit: number; offset: number },
) {
  let select = db.selectFrom('transfers_formula');
  if (filter.programCode) select = select.where('program_code', '=', filter.programCode);
  if (filter.fiscalYear) select = select.where('fiscal_year', '=', filter.fiscalYear);
  const total = await select.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await select
    .select(['id', 'program_code', 'fiscal_year', 'version', 'legal_reference', 'is_example', 'created_at'])
    .orderBy('fiscal_year', 'desc')
    .orderBy('program_code')
    .orderBy('version', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows, total: Number(total?.n ?? 0) };
}
