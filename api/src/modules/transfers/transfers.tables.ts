/** The transfers module's tables as Kysely sees them (columns in snake_case, as in the SQL). */
import type { ColumnType, Generated } from 'kysely';

export const ALLOCATION_STATUSES = ['draft', 'approved', 'published', 'superseded'] as const;
export type AllocationStatus = (typeof ALLOCATION_STATUSES)[number];

// bigint and numeric columns come back as strings from both drivers; we write numbers.
type Big = ColumnType<string, number | string, number | string>;

export interface TransfersProgramTable {
  code: string;
  name_km: string;
  name_en: string;
  description_en: string | null;
  description_km: string | null;
  is_example: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface TransfersFormulaTable {
  id: Generated<number>;
  program_code: string;
  fiscal_year: number;
  version: number;
  document: ColumnType<unknown, string, string>;
  legal_reference: string;
  is_example: Generated<boolean>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface TransfersIndicatorValueTable {
  unit_code: string;
  fiscal_year: number;
  indicator: string;
  value: Big;
  source: string;
  is_example: Generated<boolean>;
  updated_at: Generated<Date>;
}

export interface TransfersAllocationTable {
  id: Generated<number>;
  formula_id: number;
  program_code: string;
  fiscal_year: number;
  version: number;
  status: AllocationStatus;
  pool: Big;
  summary: ColumnType<unknown, string, string>;
  correction_of: number | null;
  correction_reason: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  approved_by: string | null;
  approved_at: Date | null;
  published_by: string | null;
  published_at: Date | null;
}

export interface TransfersAllocationLineTable {
  allocation_id: number;
  unit_code: string;
  amount: Big;
  parts: ColumnType<unknown, string, string>;
}

export interface TransfersTables {
  transfers_program: TransfersProgramTable;
  transfers_formula: TransfersFormulaTable;
  transfers_indicator_value: TransfersIndicatorValueTable;
  transfers_allocation: TransfersAllocationTable;
  transfers_allocation_line: TransfersAllocationLineTable;
}
