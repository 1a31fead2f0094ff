/** The hr module's tables as Kysely sees them (columns in snake_case, as in the SQL). */
import type { Generated, Kysely, Selectable } from 'kysely';

export const ORGANS = ['administration', 'board_support', 'clerk_office', 'council_support'] as const;
export type Organ = (typeof ORGANS)[number];
export const POSITION_LEVELS = ['leadership', 'management', 'staff'] as const;
export type PositionLevel = (typeof POSITION_LEVELS)[number];
export const POSITION_STATES = ['open', 'frozen', 'closed'] as const;
export type PositionState = (typeof POSITION_STATES)[number];
/** What a position shows: vacant or occupied follow from the assignments in force. */
export const POSITION_STATUSES = ['vacant', 'occupied', 'frozen', 'closed'] as const;
export type PositionStatus = (typeof POSITION_STATUSES)[number];
export const FUNDING_SOURCES = [
  'national_budget',
  'sna_budget',
  'commune_fund',
  'district_fund',
  'development_partner',
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];
export const EMPLOYMENT_KINDS = ['civil_servant', 'contract'] as const;
export type EmploymentKind = (typeof EMPLOYMENT_KINDS)[number];
export const ASSIGNMENT_KINDS = ['substantive', 'acting', 'secondment', 'transfer'] as const;
export type AssignmentKind = (typeof ASSIGNMENT_KINDS)[number];
export const LEAVING_REASONS = [
  'retirement',
  'resignation',
  'dismissal',
  'death',
  'contract_end',
  'transfer',
  'other',
] as const;
export type LeavingReason = (typeof LEAVING_REASONS)[number];
export const SEXES = ['female', 'male'] as const;
export type Sex = (typeof SEXES)[number];

export interface HrCategoryTable {
  code: string;
  kind: EmploymentKind;
  name_km: string;
  name_en: string;
  source: string;
  is_example: boolean;
  sort_order: number;
}

export interface HrGradeTable {
  code: string;
  category_code: string;
  name_km: string;
  name_en: string;
  rank: number;
  is_example: Generated<boolean>;
}

export interface HrPositionTable {
  id: Generated<number>;
  unit_code: string;
  organ: Organ;
  title_km: string;
  title_en: string | null;
  category_code: string;
  grade_code: string | null;
  level: PositionLevel;
  function_code: string | null;
  state: Generated<PositionState>;
  funding_source: FundingSource;
  max_occupants: Generated<number>;
  is_example: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface HrEstablishmentTable {
  unit_type_code: string;
  year: number;
  approved_count: number;
  source: string | null;
  is_example: Generated<boolean>;
}

export interface HrPersonTable {
  id: Generated<number>;
  unit_code: string;
  name_km: string;
  name_latin: string;
  sex: Sex;
  birth_date: string | null;
  has_disability: boolean | null;
  ethnicity: string | null;
  phone: string | null;
  email: string | null;
  national_id: string | null;
  is_example: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface HrEmploymentTable {
  id: Generated<number>;
  person_id: number;
  unit_code: string;
  kind: EmploymentKind;
  category_code: string;
  grade_code: string | null;
  start_date: string;
  end_date: string | null;
  leaving_reason: LeavingReason | null;
  is_example: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface HrAssignmentTable {
  id: Generated<number>;
  person_id: number;
  position_id: number;
  kind: AssignmentKind;
  start_date: string;
  end_date: string | null;
  end_reason: string | null;
  is_example: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface HrLeadershipTargetTable {
  year: number;
  target_percent: string;
  source: string | null;
  updated_at: Generated<Date>;
}

export interface HrTables {
  hr_category: HrCategoryTable;
  hr_grade: HrGradeTable;
  hr_position: HrPositionTable;
  hr_establishment: HrEstablishmentTable;
  hr_person: HrPersonTable;
  hr_employment: HrEmploymentTable;
  hr_assignment: HrAssignmentTable;
  hr_leadership_target: HrLeadershipTargetTable;
}

export type HrDb = Kysely<HrTables>;
export type PositionRow = Selectable<HrPositionTable>;
export type PersonRow = Selectable<HrPersonTable>;
export type EmploymentRow = Selectable<HrEmploymentTable>;
export type AssignmentRow = Selectable<HrAssignmentTable>;
