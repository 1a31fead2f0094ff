/** Kysely functions that keep the classifications: (db, rows), no rules. */
import type { Insertable } from 'kysely';
import type { BudgetsDb } from './budgets.queries.ts';
import type {
  BudgetsEconomicClassTable,
  BudgetsFunctionalClassTable,
  BudgetsFundSourceTable,
} from './budgets.tables.ts';

export async function upsertEconomicClasses(
  db: BudgetsDb,
  rows: Insertable<BudgetsEconomicClassTable>[],
): Promise<void> {
  await db
    .insertInto('budgets_economic_class')
    .values(rows)
    .onConflict((conflict) =>
      conflict.column('code').doUpdateSet((eb) => ({
        direction: eb.ref('excluded.direction'),
        name_km: eb.ref('excluded.name_km'),
        name_en: eb.ref('excluded.name_en'),
        source: eb.ref('excluded.source'),
        is_example: eb.ref('excluded.is_example'),
      })),
    )
    .execute();
}

export async function upsertFunctionalClasses(
  db: BudgetsDb,
  rows: Insertable<BudgetsFunctionalClassTable>[],
): Promise<void> {
  await db
    .insertInto('budgets_functional_class')
    .values(rows)
    .onConflict((conflict) =>
      conflict.column('code').doUpdateSet((eb) => ({
        name_km: eb.ref('excluded.name_km'),
        name_en: eb.ref('excluded.name_en'),
        source: eb.ref('excluded.source'),
      })),
    )
    .execute();
}

export async function upsertFundSources(
  db: BudgetsDb,
  rows: Insertable<BudgetsFundSourceTable>[],
): Promise<void> {
  await db
    .insertInto('budgets_fund_source')
    .values(rows)
    .onConflict((conflict) =>
      conflict.column('code').doUpdateSet((eb) => ({
        kind: eb.ref('excluded.kind'),
        name_km: eb.ref('excluded.name_km'),
        name_en: eb.ref('excluded.name_en'),
        source: eb.ref('excluded.source'),
      })),
    )
    .execute();
}
