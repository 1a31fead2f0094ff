/** The budgets module's tables as Kysely sees them (columns in snake_case, as in the SQL). */
import type { Generated } from 'kysely';

export const DIRECTIONS = ['revenue', 'expenditure'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** The phases of a budget, in order: the last step taken. */
export const PHASES = ['proposed', 'approved', 'adjusted', 'executed'] as const;
export type Phase = (typeof PHASES)[number];

export const FUND_SOURCE_KINDS = [
  'own_source',
  'transfer',
  'development_partner',
  'national',
  'other',
] as const;
export type FundSourceKind = (typeof FUND_SOURCE_KINDS)[number];

export type VersionKind = 'original' | 'adjustment' | 'transfer';

export interface BudgetsEconomicClassTable {
  code: string;
  parent_code: string | null;
  direction: Direction;
  name_km: string;
  name_en: string;
  source: string;
  is_example: Generated<boolean>;
}

export interface BudgetsFunctionalClassTable {
  code: string;
  parent_code: string | null;
  name_km: string;
  name_en: string;
  source: string;
  is_example: Generated<boolean>;
}

export interface BudgetsFundSourceTable {
  code: string;
  kind: FundSourceKind;
  name_km: string;
  name_en: string;
  source: string;
  is_example: Generated<boolean>;
}

export interface BudgetsBudgetTable {
  id: Generated<number>;
  unit_code: string;
  fiscal_year: number;
  phase: Generated<Phase>;
  current_version: Generated<number>;
  council_decision_number: string | null;
  council_decision_date: string | null;
  /** The councils module's decision behind the approval; null: a typed (legacy) reference. */
  council_decision_id: Generated<number | null>;
  approved_at: Date | null;
  origin: Generated<string>;
  is_example: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface BudgetsVersionTable {
  budget_id: number;
  version: number;
  kind: VersionKind;
  reason: string | null;
  council_decision_number: string | null;
  council_decision_date: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface BudgetsLineTable {
  id: Generated<number>;
  budget_id: number;
  version: number;
  line_key: string;
  direction: Direction;
  economic_code: string;
  functional_code: string | null;
  fund_source_code: string;
  program_code: string | null;
  description_km: string | null;
  description_en: string | null;
  amount: number;
  system_origin: 'transfer' | null;
  transfer_allocation_version: number | null;
  transfer_source: string | null;
  is_example: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface BudgetsActualTable {
  budget_id: number;
  line_key: string;
  /** 1-4, or 0 for a whole year not broken down by quarter (imported figures). */
  quarter: number;
  amount: number;
  updated_at: Generated<Date>;
}

export interface BudgetsTables {
  budgets_economic_class: BudgetsEconomicClassTable;
  budgets_functional_class: BudgetsFunctionalClassTable;
  budgets_fund_source: BudgetsFundSourceTable;
  budgets_budget: BudgetsBudgetTable;
  budgets_version: BudgetsVersionTable;
  budgets_line: BudgetsLineTable;
  budgets_actual: BudgetsActualTable;
}
