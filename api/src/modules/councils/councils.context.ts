/** What every councils service receives: its tables, the gazetteer and notifications ports, the clock, audit, access. */
import type { Kysely } from 'kysely';
import type { ModuleContext } from '../../platform/context.ts';
import type { PortsOf } from '../../platform/ports.ts';
import type { GazetteerTables } from '../gazetteer/index.ts';
import type { CouncilsDb, CouncilsTables } from './councils.tables.ts';

export type CouncilsContext = ModuleContext<
  CouncilsTables,
  PortsOf<'gazetteer' | 'authenticator' | 'notifications'>
>;

/**
 * The handle as the gazetteer port takes it: each port function reads its own module's tables
 * on the caller's database or transaction (see platform/ports.ts).
 */
export const portDb = (db: CouncilsDb): Kysely<GazetteerTables> => db as unknown as Kysely<GazetteerTables>;
