/**
 * Members in office on a day, counted (never listed): by sex, age group, disability, indigenous
 * people, role and party, over the organs of one kind in a subtree or the whole country.
 */
import type { MemberStats, StatsQuery } from './councils.schemas.ts';
import { portDb, type CouncilsContext } from './councils.context.ts';
import { breakdowns } from './member-stats.ts';
import { selectGroupedMembers } from './statistics.queries.ts';

export async function memberStats(ctx: CouncilsContext, query: StatsQuery): Promise<MemberStats> {
  const gazetteer = ctx.ports.gazetteer;
  const db = portDb(ctx.db);
  if (query.within !== undefined && !(await gazetteer.unitExists(db, query.within))) {
    throw gazetteer.unknownUnit(query.within);
  }
  const day = query.asOf ?? ctx.today();
  const { organs, groups } = await selectGroupedMembers(ctx.db, {
    kind: query.kind,
    day,
    within: query.within === undefined ? undefined : gazetteer.subtreeCodesQuery(db, [query.within]),
    ofLevel: query.level === undefined ? undefined : gazetteer.unitCodesOfLevelsQuery(db, [query.level]),
  });
  return {
    within: query.within ?? null,
    kind: query.kind,
    level: query.level ?? null,
    asOf: day,
    organs,
    ...breakdowns(groups, query.kind, Number(day.slice(0, 4))),
  };
}
