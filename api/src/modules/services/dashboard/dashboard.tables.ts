/** The dashboard's running totals as Kysely sees them (see the migration 20261127150000). */
import type { Kysely } from 'kysely';
import type { ServicesTables } from '../services.tables.ts';

export const DIMENSIONS = ['service', 'sex', 'age_group', 'disability'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const DISABILITY_VALUES = ['yes', 'no', 'unknown'] as const;
export type DisabilityValue = (typeof DISABILITY_VALUES)[number];

export interface ServicesDashboardMonthTable {
  /** '' = the whole country; else the unit where filed or a unit above it. */
  scope_code: string;
  /** First day of the month, YYYY-MM-DD. */
  month: string;
  dimension: Dimension;
  value: string;
  received: number;
  completed: number;
  on_time: number;
  /** {"<working days>": decisions}. */
  days_to_decision: Record<string, number>;
  fees_riel: number;
  fee_payments: number;
  ratings: number;
  rating_sum: number;
  rated_1: number;
  rated_2: number;
  rated_3: number;
  rated_4: number;
  rated_5: number;
}

export interface ServicesDashboardOpenTable {
  scope_code: string;
  month: string;
  dimension: Dimension;
  value: string;
  due_date: string;
  open_count: number;
}

export interface DashboardTables extends ServicesTables {
  services_dashboard_month: ServicesDashboardMonthTable;
  services_dashboard_open: ServicesDashboardOpenTable;
}

export type DashboardDb = Kysely<DashboardTables>;
