/**
 * Women in leadership, pure: the staff figures of each group of units (rows of sex, grade,
 * position level, age group, disability and a count) summed into the shapes the page shows,
 * and the share of women. No I/O.
 */
import type { StaffFigureRow } from './hr.queries.ts';
import { AGE_GROUPS, type AgeGroup, type SexCount } from './hr.schemas.ts';
import { POSITION_LEVELS, type PositionLevel } from './hr.tables.ts';

export const DEFAULT_TARGET_PERCENT = 38;

/** Women's share in percent with one decimal; null when nobody is counted. */
export function womenPercent(count: SexCount): number | null {
  const total = count.female + count.male;
  return total === 0 ? null : Math.round((count.female / total) * 1000) / 10;
}

class Tally<K> {
  private readonly counts = new Map<K, SexCount>();
  add(key: K, sex: 'female' | 'male', n: number) {
    const count = this.counts.get(key) ?? { female: 0, male: 0 };
    count[sex] += n;
    this.counts.set(key, count);
  }
  get(key: K): SexCount {
    return this.counts.get(key) ?? { female: 0, male: 0 };
  }
  keys(): K[] {
    return [...this.counts.keys()];
  }
}

const byGradeOrder = (a: string | null, b: string | null) => (a ?? '~').localeCompare(b ?? '~');

export function summarise(rows: readonly StaffFigureRow[]) {
  const total = new Tally<'all'>();
  const leadership = new Tally<'all'>();
  const level = new Tally<PositionLevel>();
  const grade = new Tally<string | null>();
  const age = new Tally<AgeGroup>();
  const disability = new Tally<'yes' | 'no' | 'unknown'>();
  const groups = new Map<
    string,
    { all: Tally<'all'>; leadership: Tally<'all'>; grade: Tally<string | null> }
  >();
  for (const row of rows) {
    total.add('all', row.sex, row.n);
    if (row.level === 'leadership') leadership.add('all', row.sex, row.n);
    level.add(row.level, row.sex, row.n);
    grade.add(row.grade_code, row.sex, row.n);
    age.add(row.age_group as AgeGroup, row.sex, row.n);
    disability.add(row.disability, row.sex, row.n);
    let group = groups.get(row.group_code);
    if (group === undefined) {
      group = { all: new Tally(), leadership: new Tally(), grade: new Tally() };
      groups.set(row.group_code, group);
    }
    group.all.add('all', row.sex, row.n);
    if (row.level === 'leadership') group.leadership.add('all', row.sex, row.n);
    group.grade.add(row.grade_code, row.sex, row.n);
  }
  const withShare = (count: SexCount) => ({ ...count, womenPercent: womenPercent(count) });
  return {
    totals: withShare(total.get('all')),
    leadership: withShare(leadership.get('all')),
    byLevel: POSITION_LEVELS.map((key) => ({ level: key, ...level.get(key) })),
    byGrade: grade
      .keys()
      .sort(byGradeOrder)
      .map((key) => ({ gradeCode: key, ...grade.get(key) })),
    byAgeGroup: AGE_GROUPS.map((key) => ({ ageGroup: key, ...age.get(key) })),
    byDisability: (['yes', 'no', 'unknown'] as const).map((key) => ({
      disability: key,
      ...disability.get(key),
    })),
    group(code: string) {
      const found = groups.get(code);
      const all = found?.all.get('all') ?? { female: 0, male: 0 };
      return {
        ...all,
        womenPercent: womenPercent(all),
        leadership: found?.leadership.get('all') ?? { female: 0, male: 0 },
        byGrade: found
          ? found.grade
              .keys()
              .sort(byGradeOrder)
              .map((key) => ({ gradeCode: key, ...found.grade.get(key) }))
          : [],
      };
    },
  };
}
