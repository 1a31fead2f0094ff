/** SQL of the first-start loading of the commune figures: are they there? */
import type { TransfersDb } from './transfers.context.ts';

/** Does any figure come from this source? */
export async function hasFiguresFrom(db: TransfersDb, source: string): Promise<boolean> {
  const row = await db
    .selectFrom('transfers_indicator_value')
    .select('unit_code')
    .where('source', '=', source)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The figures of one indicator and year, every unit (the demo seed's population). */
export function selectIndicatorOfYear(db: TransfersDb, fiscalYear: number, indicator: string) {
  return db
    .selectFrom('transfers_indicator_value')
    .select(['unit_code', 'value'])
    .where('fiscal_year', '=', fiscalYear)
    .where('indicator', '=', indicator)
    .execute();
}
