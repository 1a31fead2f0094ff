/** The councils module's tables as Kysely sees them (columns in snake_case, as in the SQL). */
import type { Generated, Kysely, Selectable } from 'kysely';

export const ORGAN_KINDS = ['council', 'board_of_governors', 'committee', 'office'] as const;
export type OrganKind = (typeof ORGAN_KINDS)[number];

export const MEMBER_ROLES = [
  'chief',
  'deputy',
  'member',
  'governor',
  'deputy_governor',
  'head',
  'secretary',
] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const SEXES = ['female', 'male'] as const;
export type Sex = (typeof SEXES)[number];

export interface CouncilsOrganTable {
  id: Generated<number>;
  unit_code: string;
  kind: OrganKind;
  name_km: string;
  name_en: string;
  term_start: string | null;
  term_end: string | null;
  closed_on: string | null;
  legal_reference: string | null;
  source: string | null;
  is_example: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CouncilsMemberTable {
  id: Generated<number>;
  organ_id: number;
  name_km: string;
  name_latin: string;
  role: MemberRole;
  sex: Sex;
  birth_year: number | null;
  has_disability: boolean | null;
  is_indigenous: boolean | null;
  party: string | null;
  start_date: string;
  end_date: string | null;
  source: string | null;
  is_example: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CouncilsFunctionTable {
  id: Generated<number>;
  code: string;
  name_km: string;
  name_en: string;
  sector: string;
  holder_type_code: string | null;
  holder_unit_code: string | null;
  legal_instrument: string;
  date_assigned: string;
  transferred_from: string | null;
  source: string;
  is_example: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CouncilsTables {
  councils_organ: CouncilsOrganTable;
  councils_member: CouncilsMemberTable;
  councils_function: CouncilsFunctionTable;
}

/** The module's database view (its context's `db`, or a transaction of it). */
export type CouncilsDb = Kysely<CouncilsTables>;
export type OrganRow = Selectable<CouncilsOrganTable>;
export type MemberRow = Selectable<CouncilsMemberTable>;
export type FunctionRow = Selectable<CouncilsFunctionTable>;
