/**
 * The whole database as Kysely sees it: the union of every module's tables. Only the
 * composition root uses this type; a module sees its own tables.
 */
import type { Kysely } from 'kysely';
import type { AccessTables } from './modules/access/index.ts';
import type { BudgetsTables } from './modules/budgets/index.ts';
import type { GazetteerTables } from './modules/gazetteer/index.ts';
import type { ServicesTables } from './modules/services/index.ts';
import type { TransfersTables } from './modules/transfers/index.ts';
import type { AuditTables } from './platform/audit/audit.ts';

export type Database = GazetteerTables &
  AccessTables &
  AuditTables &
  BudgetsTables &
  ServicesTables &
  TransfersTables;

export type DatabaseClient = Kysely<Database>;
