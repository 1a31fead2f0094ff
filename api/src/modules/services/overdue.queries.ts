/** The SQL of the daily overdue job (overdue.job.ts). */
import { sql, type Kysely } from 'kysely';
import type { OverdueTables } from './overdue.tables.ts';
import type { ServicesTables } from './services.tables.ts';

type OverdueDb = Kysely<
  OverdueTables & Pick<ServicesTables, 'services_application' | 'services_application_event'>
>;

export interface FlaggedApplication {
  id: number;
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
    select a.id, a.tracking_number as "trackingNumber", a.unit_code as "unitCode",
           to_char(f.due_date, 'YYYY-MM-DD') as "dueDate", a.status::text as status
    from flagged f join services_application a on a.id = f.application_id
    order by a.tracking_number`.execute(db);
  return rows;
}

/**
 * The officers of each application: the accounts that filed it for the applicant or acted on
 * it (its events), the applicant's own account excepted. Application id → account ids.
 */
export async function officersOf(db: OverdueDb, applicationIds: number[]): Promise<Map<number, number[]>> {
  const officers = new Map<number, number[]>();
  if (applicationIds.length === 0) return officers;
  const { rows } = await sql<{ applicationId: number; accountId: number }>`
    select distinct a.id as "applicationId", o.account_id as "accountId"
    from services_application a
    cross join lateral (
      select a.filed_by_user_id as account_id
      union
      select e.actor_user_id from services_application_event e where e.application_id = a.id
    ) o
    where a.id in (${sql.join(applicationIds)}) and o.account_id is not null
      and o.account_id is distinct from a.applicant_user_id
    order by 1, 2`.execute(db);
  for (const row of rows)
    officers.set(row.applicationId, [...(officers.get(row.applicationId) ?? []), row.accountId]);
  return officers;
}
