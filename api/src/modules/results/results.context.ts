/** What every results service receives: its tables, the gazetteer port, the clock, audit, access. */
import type { Kysely } from 'kysely';
import type { ModuleContext } from '../../platform/context.ts';
import type { PortsOf } from '../../platform/ports.ts';
import type { GazetteerTables } from '../gazetteer/index.ts';
import type { ResultsDb, ResultsTables } from './results.tables.ts';

export type ResultsContext = ModuleContext<ResultsTables, PortsOf<'gazetteer'>>;

/** The handle as the gazetteer port takes it (each port function reads its own tables on it). */
export const portDb = (db: ResultsDb): Kysely<GazetteerTables> => db as unknown as Kysely<GazetteerTables>;

/** Each unit with its chain of ancestors (itself included), as pairs, asked of the gazetteer port. */
export async function ancestryOf(
  ctx: ResultsContext,
  db: ResultsDb,
  units: Iterable<string>,
): Promise<{ unit: string; ancestor: string }[]> {
  const pairs: { unit: string; ancestor: string }[] = [];
  for (const unit of new Set(units)) {
    for (const ancestor of await ctx.ports.gazetteer.unitAncestors(portDb(db), unit)) {
      pairs.push({ unit, ancestor });
    }
  }
  return pairs;
}
