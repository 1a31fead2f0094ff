/** What every results service receives: its tables, the gazetteer port, the clock, audit, access. */
import type { Kysely } from 'kysely';
import type { ModuleContext } from '../../platform/context.ts';
import type { PortsOf } from '../../platform/ports.ts';
import type { GazetteerTables } from '../gazetteer/index.ts';
import type { ResultsDb, ResultsTables } from './results.tables.ts';

export type ResultsContext = ModuleContext<ResultsTables, PortsOf<'gazetteer'>>;

/** The handle as the gazetteer port takes it (each port function reads its own tables on it). */
export const portDb = (db: ResultsDb): Kysely<GazetteerTables> => db as unknown as Kysely<GazetteerTables>;

/** Each unit with its chain of ancestors (itself included), as pairs: one query to the gazetteer port. */
export async function ancestryOf(
  ctx: ResultsContext,
  db: ResultsDb,
  units: Iterable<string>,
): Promise<{ unit: string; ancestor: string }[]> {
  const found = await ctx.ports.gazetteer.unitsWithAncestors(portDb(db), [...new Set(units)]);
  return [...found].flatMap(([unit, { ancestors }]) => ancestors.map((ancestor) => ({ unit, ancestor })));
}
