/** What every budgets service receives: its tables, its ports, the clock, audit and access. */
import type { Kysely } from 'kysely';
import type { ModuleContext } from '../../platform/context.ts';
import { tablesOf } from '../../platform/db/tables-of.ts';
import type { PortsOf } from '../../platform/ports.ts';
import type { GazetteerTables } from '../gazetteer/index.ts';
import type { BudgetsDb } from './budgets.queries.ts';
import type { BudgetsTables } from './budgets.tables.ts';

export type BudgetsContext = ModuleContext<
  BudgetsTables,
  PortsOf<'gazetteer' | 'authenticator' | 'ownSourceRevenue' | 'councilDecisions'>
>;

/** The open data routes (their own manifest) read the budgets' tables and the tree. */
export type OpenDataContext = ModuleContext<BudgetsTables, PortsOf<'gazetteer'>>;

/** The handle as the gazetteer port takes it: the caller's database or transaction. */
export const portDb = (db: BudgetsDb): Kysely<GazetteerTables> => tablesOf<GazetteerTables>(db);
