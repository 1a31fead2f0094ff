/** The gazetteer's tables as Kysely sees them (columns in snake_case, as in the SQL). */
import type { Generated } from 'kysely';

export interface GazetteerUnitTypeTable {
  code: string;
  level: number;
  name_km: string;
  name_en: string;
  is_urban: boolean;
  source: string;
}

export interface GazetteerUnitTable {
  id: Generated<number>;
  code: string;
  level: number;
  parent_code: string | null;
  type_code: string;
  name_km: string;
  name_latin: string;
  is_urban: boolean;
  legal_reference: string | null;
  valid_from: string | null;
  valid_to: string | null;
  source: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** Every (ancestor, descendant) pair of the tree, each unit with itself at depth 0. Written by triggers only. */
export interface GazetteerUnitClosureTable {
  ancestor_code: string;
  descendant_code: string;
  depth: number;
}

export interface GazetteerTables {
  gazetteer_unit_type: GazetteerUnitTypeTable;
  gazetteer_unit: GazetteerUnitTable;
  gazetteer_unit_closure: GazetteerUnitClosureTable;
}
