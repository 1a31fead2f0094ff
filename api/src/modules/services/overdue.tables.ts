/** The overdue job's own table (overdue.job.ts; migration 20261207190000_services_overdue_flag.sql). */
import type { Generated } from 'kysely';

export interface ServicesOverdueFlagTable {
  application_id: number;
  /** YYYY-MM-DD: the due date that passed. */
  due_date: string;
  /** YYYY-MM-DD: the Cambodian day the job found it overdue. */
  flagged_on: string;
  flagged_at: Generated<Date>;
}

export interface OverdueTables {
  services_overdue_flag: ServicesOverdueFlagTable;
}
