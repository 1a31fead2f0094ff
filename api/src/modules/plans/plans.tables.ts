/** The plans module's tables as Kysely sees them (columns in snake_case, as in the SQL). */
import type { Generated, Kysely, Selectable } from 'kysely';

export const PLAN_STATUSES = ['draft', 'reviewed', 'approved'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PROJECT_STATUSES = ['proposal', 'committed', 'ongoing', 'completed', 'dropped'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const PROJECT_KINDS = ['infrastructure', 'service'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];
export const CLIMATE_MARKERS = ['none', 'adaptation', 'mitigation', 'both'] as const;
export type ClimateMarker = (typeof CLIMATE_MARKERS)[number];
export const VULNERABLE_GROUPS = ['women', 'children', 'elderly', 'disabled', 'indigenous', 'poor'] as const;
export type VulnerableGroup = (typeof VULNERABLE_GROUPS)[number];

interface CodeNameTable {
  code: string;
  name_km: string;
  name_en: string;
  sort_order: number;
}

export interface PlansPlanTable {
  id: Generated<number>;
  unit_code: string;
  first_year: number;
  last_year: number;
  vision_km: string;
  vision_en: string | null;
  status: Generated<PlanStatus>;
  council_decision_id: number | null;
  approved_on: string | null;
  is_example: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PlansGoalTable {
  id: Generated<number>;
  plan_id: number;
  sector_code: string;
  text_km: string;
  text_en: string | null;
  sort_order: number;
}

export interface PlansIndicatorTable {
  id: Generated<number>;
  plan_id: number;
  sector_code: string;
  name_km: string;
  name_en: string | null;
  measure: string;
  baseline: string | number;
  baseline_year: number;
  sort_order: number;
}

export interface PlansIndicatorTargetTable {
  indicator_id: number;
  year: number;
  target: string | number;
}

export interface PlansCalendarStepTable {
  id: Generated<number>;
  plan_id: number;
  step_km: string;
  step_en: string | null;
  owner: string;
  start_date: string;
  end_date: string;
  sort_order: number;
}

export interface PlansNeedTable {
  id: Generated<number>;
  unit_code: string;
  village_code: string;
  meeting_date: string;
  need_text: string;
  sector_code: string;
  attendees_female: number;
  attendees_male: number;
  vulnerable_groups: string[];
  is_example: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface PlansPriorityTable {
  id: Generated<number>;
  unit_code: string;
  year: number;
  rank: number;
  title_km: string;
  title_en: string | null;
  sector_code: string;
  reason: string;
  is_example: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface PlansPriorityNeedTable {
  priority_id: number;
  need_id: number;
}

export interface PlansProgramTable {
  unit_code: string;
  first_year: number;
  council_decision_id: number | null;
  approved_on: string | null;
  updated_at: Generated<Date>;
}

export interface PlansProgramRollTable {
  id: Generated<number>;
  unit_code: string;
  from_year: number;
  to_year: number;
  carried: number;
  rolled_at: Generated<Date>;
}

export interface PlansProjectTable {
  id: Generated<number>;
  unit_code: string;
  title_km: string;
  title_en: string;
  sector_code: string;
  kind: ProjectKind;
  output_text: string;
  output_quantity: string | number;
  output_unit: string;
  status: Generated<ProjectStatus>;
  gender_marker: boolean;
  gender_reason: string | null;
  climate_marker: ClimateMarker;
  climate_reason: string | null;
  priority_id: number | null;
  is_example: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PlansProjectLocationTable {
  project_id: number;
  unit_code: string;
}

export interface PlansProjectCostTable {
  project_id: number;
  year: number;
  fund_source_code: string;
  amount: string | number;
}

export interface PlansTables {
  plans_sector: CodeNameTable;
  plans_fund_source: CodeNameTable;
  plans_plan: PlansPlanTable;
  plans_goal: PlansGoalTable;
  plans_indicator: PlansIndicatorTable;
  plans_indicator_target: PlansIndicatorTargetTable;
  plans_calendar_step: PlansCalendarStepTable;
  plans_need: PlansNeedTable;
  plans_priority: PlansPriorityTable;
  plans_priority_need: PlansPriorityNeedTable;
  plans_program: PlansProgramTable;
  plans_program_roll: PlansProgramRollTable;
  plans_project: PlansProjectTable;
  plans_project_location: PlansProjectLocationTable;
  plans_project_cost: PlansProjectCostTable;
}

export type PlansDb = Kysely<PlansTables>;
export type PlanRow = Selectable<PlansPlanTable>;
export type NeedRow = Selectable<PlansNeedTable>;
export type PriorityRow = Selectable<PlansPriorityTable>;
export type ProjectRow = Selectable<PlansProjectTable>;
