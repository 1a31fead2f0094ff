/** The SQL of the daily overdue job (overdue.job.ts). */
import { sql, type Kysely } from 'kysely';
import type { OverdueTables } from './overdue.tables.ts';
import type { ServicesTables } from './services.tables.ts';

type OverdueDb = Kysely<OverdueTables & Pick<ServicesTables, 'services_application'>>;

export interface FlaggedApplication {
  trackingNumber: string;
  unitCode: string;
  dueDate: string;
  status: string;
}

/**
 * Flags every application overdue on `today` (the clock runs and the due date has passed: the
 * same rule as `overdueSql`) that has no flag for its due date yet; returns those flagged now.
 */
export async function flagNewlyOverdue(db: OverdueDb, today: string): Promise<FlaggedApplication[]> {
  const { rows } = await sql<FlaggedApplication>`
    with flagged as (
      insert into services_overdue_flag (application_id, due_date, flagged_on)
      select id, due_date, ${today}::date from services_application
      where status in ('received', 'under_review') and due_date < ${today}::date
      on conflict do nothing
      returning application_id, due_date
    )
    select a.tracking_number as "trackingNumber", a.unit_code as "unitCode",
           to_char(f.due_date, 'YYYY-MM-DD') as "dueDate", a.status::text as status
    from flagged f join services_application a on a.id = f.application_id
    order by a.tracking_number`.execute(db);
  return rows;
}
