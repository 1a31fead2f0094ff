/** Kysely functions for the members' statistics: (db, args) -> rows, no rules. */
import { sql } from 'kysely';
import type { GazetteerPort } from '../gazetteer/index.ts';
import type { CouncilsDb, OrganKind } from './councils.tables.ts';
import type { GroupedMembers } from './member-stats.ts';

/** A subquery of unit codes, as the gazetteer port builds it. */
export type UnitCodes =
  ReturnType<GazetteerPort['subtreeCodesQuery']> | ReturnType<GazetteerPort['unitCodesOfLevelsQuery']>;

/** Members in office on `day` in organs of `kind` sitting that day, grouped by their attributes. */
export async function selectGroupedMembers(
  db: CouncilsDb,
  args: {
    kind: OrganKind;
    day: string;
    /** The codes of the subtree to count in (the gazetteer port's subtreeCodesQuery). */
    within?: UnitCodes;
    /** The codes of the units of one level (the gazetteer port's unitCodesOfLevelsQuery). */
    ofLevel?: UnitCodes;
  },
): Promise<{ organs: number; groups: GroupedMembers[] }> {
  let organs = db
    .selectFrom('councils_organ')
    .where('kind', '=', args.kind)
    .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', args.day)]))
    .where((eb) => eb.or([eb('term_start', 'is', null), eb('term_start', '<=', args.day)]));
  if (args.ofLevel !== undefined) organs = organs.where('unit_code', 'in', args.ofLevel);
  if (args.within !== undefined) {
    organs = organs.where('unit_code', 'in', args.within);
  }
  const [counted, groups] = await Promise.all([
    organs.select(sql<number>`count(*)::int`.as('total')).executeTakeFirst(),
    db
      .selectFrom('councils_member')
      .where('organ_id', 'in', organs.select('id'))
      .where('start_date', '<=', args.day)
      .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', args.day)]))
      .select([
        'sex',
        'role',
        'birth_year as birthYear',
        'has_disability as hasDisability',
        'is_indigenous as isIndigenous',
        'party',
        sql<number>`count(*)::int`.as('count'),
      ])
      .groupBy(['sex', 'role', 'birth_year', 'has_disability', 'is_indigenous', 'party'])
      .execute(),
  ]);
  return { organs: counted?.total ?? 0, groups };
}
