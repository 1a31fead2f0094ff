/** The results module's tables as Kysely sees them (columns in snake_case, as in the SQL). */
import type { Generated, Kysely } from 'kysely';

export const PERIOD_TYPES = ['monthly', 'quarterly', 'yearly'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export const VALUE_TYPES = ['integer_zero_or_positive', 'integer', 'number', 'percentage'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

export const ELEMENT_KINDS = ['component', 'outcome', 'output', 'priority_action'] as const;
export type ElementKind = (typeof ELEMENT_KINDS)[number];

export interface ResultsFrameworkTable {
  code: string;
  name_km: string;
  name_en: string;
  source: string | null;
  is_example: Generated<boolean>;
}

export interface ResultsFrameworkElementTable {
  id: Generated<number>;
  framework_code: string;
  code: string;
  parent_id: number | null;
  kind: ElementKind;
  position: Generated<number>;
  name_km: string;
  name_en: string;
  source: string | null;
  is_example: Generated<boolean>;
}

export interface ResultsCategoryTable {
  code: string;
  name_km: string;
  name_en: string;
  position: Generated<number>;
}

export interface ResultsCategoryOptionTable {
  category_code: string;
  code: string;
  name_km: string;
  name_en: string;
  position: Generated<number>;
}

export interface ResultsCategoryComboTable {
  code: string;
  name_km: string;
  name_en: string;
  category_codes: string[];
}

export interface ResultsCategoryOptionComboTable {
  id: Generated<number>;
  combo_code: string;
  /** The option chosen in each category of the combination ({} for 'default'). */
  options: Record<string, string>;
}

export interface ResultsDataElementTable {
  code: string;
  name_km: string;
  name_en: string;
  value_type: ValueType;
  combo_code: string;
  source: string | null;
  is_example: Generated<boolean>;
}

export interface ResultsIndicatorTable {
  code: string;
  framework_element_id: number | null;
  name_km: string;
  name_en: string;
  definition_km: string;
  definition_en: string;
  unit_km: string;
  unit_en: string;
  numerator: string[];
  denominator: string[] | null;
  /** numeric: read as a string. */
  factor: Generated<string>;
  direction: 'higher_is_better' | 'lower_is_better';
  disaggregations: Generated<string[]>;
  data_source: string;
  owner: string;
  is_example: Generated<boolean>;
}

export interface ResultsIndicatorTargetTable {
  indicator_code: string;
  unit_code: string | null;
  year: number;
  kind: 'baseline' | 'target';
  value: string | number;
  is_example: Generated<boolean>;
}

export interface ResultsDataSetTable {
  code: string;
  name_km: string;
  name_en: string;
  period_type: PeriodType;
  is_example: Generated<boolean>;
}

export interface ResultsDataSetElementTable {
  data_set_code: string;
  data_element_code: string;
}

export interface ResultsDataSetUnitTypeTable {
  data_set_code: string;
  unit_type_code: string;
}

export interface ResultsDataSetStatusTable {
  data_set_code: string;
  unit_code: string;
  period: string;
  status: ApprovalStatus;
  changed_at: Generated<Date>;
  changed_by: number | null;
  /** The reason given with the last change (a return, an un-approval), or a note. */
  comment: string | null;
}

export const APPROVAL_STATUSES = ['open', 'submitted', 'returned', 'approved', 'locked'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export interface ResultsDataValueTable {
  year: number;
  data_element_code: string;
  period: string;
  unit_code: string;
  coc_id: number;
  value: string | number;
  data_set_code: string;
  period_start: string;
  period_end: string;
  updated_at: Generated<Date>;
  updated_by: number | null;
}

export interface ResultsValueAggTable {
  data_element_code: string;
  unit_code: string;
  period: string;
  coc_id: number;
  value: string | number;
  value_count: number;
}

export interface ResultsTables {
  results_framework: ResultsFrameworkTable;
  results_framework_element: ResultsFrameworkElementTable;
  results_category: ResultsCategoryTable;
  results_category_option: ResultsCategoryOptionTable;
  results_category_combo: ResultsCategoryComboTable;
  results_category_option_combo: ResultsCategoryOptionComboTable;
  results_data_element: ResultsDataElementTable;
  results_indicator: ResultsIndicatorTable;
  results_indicator_target: ResultsIndicatorTargetTable;
  results_data_set: ResultsDataSetTable;
  results_data_set_element: ResultsDataSetElementTable;
  results_data_set_unit_type: ResultsDataSetUnitTypeTable;
  results_data_set_status: ResultsDataSetStatusTable;
  results_data_value: ResultsDataValueTable;
  results_value_agg: ResultsValueAggTable;
  /** The pre-aggregation of approved (and locked) figures only. */
  results_value_agg_approved: ResultsValueAggTable;
}

export const RESULTS_TABLE_NAMES = [
  'results_framework',
  'results_framework_element',
  'results_category',
  'results_category_option',
  'results_category_combo',
  'results_category_option_combo',
  'results_data_element',
  'results_indicator',
  'results_indicator_target',
  'results_data_set',
  'results_data_set_element',
  'results_data_set_unit_type',
  'results_data_set_status',
  'results_data_value',
  'results_value_agg',
  'results_value_agg_approved',
] as const satisfies readonly (keyof ResultsTables)[];

/** The module's database view (its context's `db`, or a transaction of it). */
export type ResultsDb = Kysely<ResultsTables>;
