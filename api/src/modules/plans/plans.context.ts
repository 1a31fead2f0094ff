/** What every plans service receives: its tables, its ports, the clock, audit and access. */
import type { Kysely } from 'kysely';
import type { ModuleContext } from '../../platform/context.ts';
import { tablesOf } from '../../platform/db/tables-of.ts';
import type { PortsOf } from '../../platform/ports.ts';
import type { GazetteerTables } from '../gazetteer/index.ts';
import type { PlansDb, PlansTables } from './plans.tables.ts';

export type PlansContext = ModuleContext<
  PlansTables,
  PortsOf<'gazetteer' | 'authenticator' | 'councilDecisions'>
>;

/** The handle as the gazetteer port takes it: the caller's database or transaction. */
export const portDb = (db: PlansDb): Kysely<GazetteerTables> => tablesOf<GazetteerTables>(db);
