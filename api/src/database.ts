/**
 * The whole database as Kysely sees it: the union of every module's tables. Only the
 * composition root uses this type; a module sees its own tables.
 */
import type { Kysely } from 'kysely';
import type { GazetteerTables } from './modules/gazetteer/index.ts';

export type Database = GazetteerTables;

export type DatabaseClient = Kysely<Database>;
