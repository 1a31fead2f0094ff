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

/** One run of the gazetteer or boundaries import (dry runs included). */
export interface GazetteerImportTable {
  id: Generated<number>;
  kind: 'gazetteer' | 'boundaries';
  file_names: string[];
  file_checksums: string[];
  effective_date: string | null;
  dry_run: boolean;
  summary: unknown;
  created_by: number | null;
  created_at: Generated<Date>;
}

/** One state of a unit over [valid_from, valid_to); a null valid_from means "since before our records". */
export interface GazetteerUnitVersionTable {
  id: Generated<number>;
  code: string;
  parent_code: string | null;
  type_code: string;
  name_km: string;
  name_latin: string;
  is_urban: boolean;
  legal_reference: string | null;
  valid_from: string | null;
  valid_to: string | null;
}

export type GazetteerEventKind =
  'created' | 'renamed' | 'moved' | 'retyped' | 'abolished' | 'merged' | 'split' | 'reinstated';

/** One dated change of a unit with its legal reference; before/after hold the changed attributes (camelCase). */
export interface GazetteerUnitEventTable {
  id: Generated<number>;
  unit_code: string;
  kind: GazetteerEventKind;
  effective_date: string | null;
  legal_reference: string | null;
  before: unknown;
  after: unknown;
  related_codes: Generated<string[]>;
  note: string | null;
  import_id: number | null;
  recorded_by: number | null;
  recorded_at: Generated<Date>;
}

/** One row: bumped by every statement that writes gazetteer_unit or gazetteer_unit_version. */
export interface GazetteerTreeRevisionTable {
  singleton: boolean;
  revision: number;
}

export interface GazetteerTables {
  gazetteer_unit_type: GazetteerUnitTypeTable;
  gazetteer_unit: GazetteerUnitTable;
  gazetteer_unit_closure: GazetteerUnitClosureTable;
  gazetteer_import: GazetteerImportTable;
  gazetteer_unit_version: GazetteerUnitVersionTable;
  gazetteer_unit_event: GazetteerUnitEventTable;
  gazetteer_tree_revision: GazetteerTreeRevisionTable;
}
