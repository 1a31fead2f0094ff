/**
 * The history tables of migration 20261126050000_unit_history.sql as Kysely sees them, with
 * the gazetteer's other tables: ../gazetteer.tables.ts does not list these yet.
 */
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { GazetteerTables } from '../gazetteer.tables.ts';

// jsonb: read as a value, written as JSON text (the same on pg and PGlite).
type Json = ColumnType<unknown, string | null, string | null>;

export interface GazetteerImportTable {
  id: Generated<number>;
  kind: 'gazetteer' | 'boundaries';
  file_names: string[];
  file_checksums: string[];
  effective_date: string | null;
  dry_run: boolean;
  summary: Json;
  created_by: number | null;
  created_at: Generated<Date>;
}

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

export interface GazetteerUnitEventTable {
  id: Generated<number>;
  unit_code: string;
  kind: 'created' | 'renamed' | 'moved' | 'retyped' | 'abolished' | 'merged' | 'split' | 'reinstated';
  effective_date: string | null;
  legal_reference: string | null;
  before: Json;
  after: Json;
  related_codes: Generated<string[]>;
  note: string | null;
  import_id: number | null;
  recorded_by: number | null;
  recorded_at: Generated<Date>;
}

export interface ImportTables extends GazetteerTables {
  gazetteer_import: GazetteerImportTable;
  gazetteer_unit_version: GazetteerUnitVersionTable;
  gazetteer_unit_event: GazetteerUnitEventTable;
}

export type ImportDb = Kysely<ImportTables>;

/** Any handle on the database (the whole schema, a transaction): the import casts it to its tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- callers hold the full schema
export type AnyDb = Kysely<any>;

export const asImportDb = (db: AnyDb): ImportDb => db as ImportDb;
