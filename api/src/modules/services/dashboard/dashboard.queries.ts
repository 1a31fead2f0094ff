/** The SQL of reading the dashboard's running totals (the upkeep's SQL is in dashboard.maintain.ts). */
import { sql } from 'kysely';
import type { Cells } from './dashboard.figures.ts';
import type { DashboardDb } from './dashboard.tables.ts';

/** The month rows of one scope ('' for the country) between two first-of-month days. */
export async function selectMonthRows(db: DashboardDb, scope: string, first: string, last: string) {
  return db
    .selectFrom('services_dashboard_month')
    .selectAll()
    .where('scope_code', '=', scope)
    .where('month', '>=', first)
    .where('month', '<=', last)
    .execute();
}

/** Open applications already past their due date on `today`, by month, dimension and value. */
export async function selectOverdueRows(
  db: DashboardDb,
  scope: string,
  first: string,
  last: string,
  today: string,
) {
  return db
    .selectFrom('services_dashboard_open')
    .select(['month', 'dimension', 'value', sql<number>`sum(open_count)::integer`.as('overdue')])
    .where('scope_code', '=', scope)
    .where('month', '>=', first)
    .where('month', '<=', last)
    .where('due_date', '<', today)
    .groupBy(['month', 'dimension', 'value'])
    .execute();
}

/** The current names of the services that appear. */
export async function serviceNames(
  db: DashboardDb,
  cells: Pick<Cells, 'service'>,
): Promise<Map<string, { nameKm: string; nameEn: string }>> {
  const codes = [...cells.service.keys()];
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('services_standard as s')
    .innerJoin('services_standard_version as v', (join) =>
      join.onRef('v.standard_id', '=', 's.id').onRef('v.version', '=', 's.current_version'),
    )
    .select(['s.code', 'v.name_km', 'v.name_en'])
    .where('s.code', 'in', codes)
    .execute();
  return new Map(rows.map((row) => [row.code, { nameKm: row.name_km, nameEn: row.name_en }]));
}
