/**
 * The import's view of the database: the gazetteer's own tables (../gazetteer.tables.ts, which
 * also lists the history tables the import writes).
 */
import type { Kysely } from 'kysely';
import type { GazetteerTables } from '../gazetteer.tables.ts';

export type { GazetteerUnitEventTable } from '../gazetteer.tables.ts';

export type ImportDb = Kysely<GazetteerTables>;

/** Any handle on the database (the whole schema, a transaction): the import casts it to its tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- callers hold the full schema
export type AnyDb = Kysely<any>;

export const asImportDb = (db: AnyDb): ImportDb => db as ImportDb;
