/** The search index's tables (kept by search-index.ts) and the Kysely view over them. */
import type { Generated, Kysely } from 'kysely';
import type { GazetteerTables } from '../gazetteer.tables.ts';

export interface GazetteerUnitSearchTable {
  code: string;
  level: number;
  key_km: string;
  key_latin: string;
  /** The official Latin name folded (foldLatin). */
  key_fold: string;
  /** The UNGEGN romanisation of the Khmer name, folded. */
  key_roman: string;
  /** That romanisation with its diacritics, shown beside a result it helped find. */
  romanised: string;
  names_hash: string;
}

export interface GazetteerUnitSearchPartTable {
  code: string;
  level: number;
  script: 'km' | 'latin';
  part: string;
}

/** The tree's revision and normaliser's version the index was last found current for. */
export interface GazetteerUnitSearchSyncTable {
  singleton: Generated<boolean>;
  tree_revision: number;
  normaliser_version: number;
  synced_at: Generated<Date>;
}

export interface GazetteerSearchTables extends GazetteerTables {
  gazetteer_unit_search: GazetteerUnitSearchTable;
  gazetteer_unit_search_part: GazetteerUnitSearchPartTable;
  gazetteer_unit_search_sync: GazetteerUnitSearchSyncTable;
}

export type SearchDb = Kysely<GazetteerSearchTables>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function asSearchDb(db: Kysely<any>): SearchDb {
  return db as SearchDb;
}
