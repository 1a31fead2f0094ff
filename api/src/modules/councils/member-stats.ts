/**
 * Pure aggregation of the people who sit in organs: counts by sex, and every other breakdown
 * (age group, disability, indigenous people, role, party) split by sex too, because no figure
 * about people is only a total where a breakdown is meaningful. No I/O: the queries hand over
 * counts grouped by the raw attributes; this file decides what the groups mean.
 */
import type { MemberRole, OrganKind, Sex } from './councils.tables.ts';
import { AGE_GROUPS } from './councils.schemas.ts';

export type AgeGroup = (typeof AGE_GROUPS)[number];

/** The role that heads each kind of organ: its "chief" in the women-in-leadership indicator. */
export const HEAD_ROLE: Record<OrganKind, MemberRole> = {
  council: 'chief',
  board_of_governors: 'governor',
  committee: 'head',
  office: 'head',
};

/**
 * Age from the birth year alone (the day is not recorded): the age reached during the year of
 * `asOfYear`. Under 18 cannot sit in an organ; such a year is treated as unknown (a typing error).
 */
export function ageGroup(birthYear: number | null, asOfYear: number): AgeGroup {
  if (birthYear === null) return 'unknown';
  const age = asOfYear - birthYear;
  if (age < 18) return 'unknown';
  if (age <= 34) return '18-34';
  if (age <= 49) return '35-49';
  if (age <= 64) return '50-64';
  return '65+';
}

export interface GroupedMembers {
  sex: Sex;
  role: MemberRole;
  birthYear: number | null;
  hasDisability: boolean | null;
  isIndigenous: boolean | null;
  party: string | null;
  count: number;
}

export interface BySex {
  female: number;
  male: number;
  total: number;
}

export interface MemberBreakdowns {
  seats: BySex;
  chiefs: BySex;
  womenShareOfSeats: number | null;
  womenShareOfChiefs: number | null;
  byAgeGroup: (BySex & { group: AgeGroup })[];
  byDisability: (BySex & { group: 'with_disability' | 'without_disability' | 'unknown' })[];
  byIndigenous: (BySex & { group: 'indigenous' | 'not_indigenous' | 'unknown' })[];
  byRole: (BySex & { group: MemberRole })[];
  byParty: (BySex & { party: string | null })[];
}

const empty = (): BySex => ({ female: 0, male: 0, total: 0 });

function add(target: BySex, sex: Sex, count: number): void {
  target[sex] += count;
  target.total += count;
}

/** Fixed groups are always listed (zeros included), so that charts keep their axes. */
function tally<G extends string>(groups: readonly G[]) {
  const map = new Map<G, BySex>(groups.map((group) => [group, empty()]));
  return {
    add: (group: G, sex: Sex, count: number) => {
      if (!map.has(group)) map.set(group, empty());
      add(map.get(group)!, sex, count);
    },
    rows: () => [...map].map(([group, counts]) => ({ group, ...counts })),
  };
}

const share = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;

export function breakdowns(
  rows: readonly GroupedMembers[],
  kind: OrganKind,
  asOfYear: number,
): MemberBreakdowns {
  const seats = empty();
  const chiefs = empty();
  const age = tally(AGE_GROUPS);
  const disability = tally(['with_disability', 'without_disability', 'unknown'] as const);
  const indigenous = tally(['indigenous', 'not_indigenous', 'unknown'] as const);
  const role = tally<MemberRole>([]);
  const party = new Map<string | null, BySex>();
  for (const row of rows) {
    add(seats, row.sex, row.count);
    if (row.role === HEAD_ROLE[kind]) add(chiefs, row.sex, row.count);
    age.add(ageGroup(row.birthYear, asOfYear), row.sex, row.count);
    disability.add(
      row.hasDisability === null ? 'unknown' : row.hasDisability ? 'with_disability' : 'without_disability',
      row.sex,
      row.count,
    );
    indigenous.add(
      row.isIndigenous === null ? 'unknown' : row.isIndigenous ? 'indigenous' : 'not_indigenous',
      row.sex,
      row.count,
    );
    role.add(row.role, row.sex, row.count);
    if (!party.has(row.party)) party.set(row.party, empty());
    add(party.get(row.party)!, row.sex, row.count);
  }
  return {
    seats,
    chiefs,
    womenShareOfSeats: share(seats.female, seats.total),
    womenShareOfChiefs: share(chiefs.female, chiefs.total),
    byAgeGroup: age.rows(),
    byDisability: disability.rows(),
    byIndigenous: indigenous.rows(),
    byRole: role.rows().sort((a, b) => b.total - a.total || a.group.localeCompare(b.group)),
    byParty: [...party]
      .map(([name, counts]) => ({ party: name, ...counts }))
      .sort((a, b) => b.total - a.total || (a.party ?? '').localeCompare(b.party ?? '')),
  };
}
