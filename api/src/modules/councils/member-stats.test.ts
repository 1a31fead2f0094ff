/** The pure aggregation behind /api/councils/stats. */
import { describe, expect, it } from 'vitest';
import { ageGroup, breakdowns, type GroupedMembers } from './member-stats.ts';

describe('age groups', () => {
  it('places each age at the right side of every boundary, from the birth year alone', () => {
    expect(ageGroup(2008, 2026)).toBe('18-34');
    expect(ageGroup(1992, 2026)).toBe('18-34'); // 34
    expect(ageGroup(1991, 2026)).toBe('35-49'); // 35
    expect(ageGroup(1977, 2026)).toBe('35-49'); // 49
    expect(ageGroup(1976, 2026)).toBe('50-64'); // 50
    expect(ageGroup(1962, 2026)).toBe('50-64'); // 64
    expect(ageGroup(1961, 2026)).toBe('65+'); // 65
    expect(ageGroup(null, 2026)).toBe('unknown');
    expect(ageGroup(2010, 2026)).toBe('unknown'); // 16: a typing error, not a councillor
  });
});

describe('breakdowns', () => {
  const row = (over: Partial<GroupedMembers>): GroupedMembers => ({
    sex: 'male',
    role: 'member',
    birthYear: 1970,
    hasDisability: false,
    isIndigenous: false,
    party: 'A',
    count: 1,
    ...over,
  });

  it('splits every breakdown by sex and computes the shares of women', () => {
    const result = breakdowns(
      [
        row({ sex: 'female', role: 'chief', count: 1 }),
        row({ role: 'chief', count: 3 }),
        row({ sex: 'female', hasDisability: null, birthYear: null, count: 2 }),
        row({ hasDisability: true, party: null, count: 2 }),
      ],
      'council',
      2026,
    );
    expect(result.seats).toEqual({ female: 3, male: 5, total: 8 });
    expect(result.chiefs).toEqual({ female: 1, male: 3, total: 4 });
    expect(result.womenShareOfSeats).toBe(0.375);
    expect(result.womenShareOfChiefs).toBe(0.25);
    expect(result.byAgeGroup).toEqual([
      { group: '18-34', female: 0, male: 0, total: 0 },
      { group: '35-49', female: 0, male: 0, total: 0 },
      { group: '50-64', female: 1, male: 5, total: 6 },
      { group: '65+', female: 0, male: 0, total: 0 },
      { group: 'unknown', female: 2, male: 0, total: 2 },
    ]);
    expect(result.byDisability).toEqual([
      { group: 'with_disability', female: 0, male: 2, total: 2 },
      { group: 'without_disability', female: 1, male: 3, total: 4 },
      { group: 'unknown', female: 2, male: 0, total: 2 },
    ]);
    expect(result.byParty).toEqual([
      { party: 'A', female: 3, male: 3, total: 6 },
      { party: null, female: 0, male: 2, total: 2 },
    ]);
  });

  it('counts the head of each kind of organ as its chief, and gives no share without seats', () => {
    expect(
      breakdowns([row({ role: 'governor', sex: 'female' })], 'board_of_governors', 2026).chiefs.female,
    ).toBe(1);
    expect(breakdowns([row({ role: 'chief', sex: 'female' })], 'committee', 2026).chiefs.total).toBe(0);
    const none = breakdowns([], 'council', 2026);
    expect(none.womenShareOfSeats).toBeNull();
    expect(none.womenShareOfChiefs).toBeNull();
  });
});
