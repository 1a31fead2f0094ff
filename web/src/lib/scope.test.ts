import { describe, expect, it } from 'vitest';
import { holdsAt } from './scope.ts';

describe('holdsAt', () => {
  it('holds a permission at the unit, below it, or nationally, never beside or above it', () => {
    expect(holdsAt(['230201'], '230201')).toBe(true);
    expect(holdsAt(['2302'], '230201')).toBe(true);
    expect(holdsAt([null], '230201')).toBe(true);
    expect(holdsAt(['230202'], '230201')).toBe(false);
    expect(holdsAt(['230201'], '2302')).toBe(false);
    expect(holdsAt([], '23')).toBe(false);
  });

  it('reaches the national level only from a national assignment', () => {
    expect(holdsAt([null], null)).toBe(true);
    expect(holdsAt(['23'], null)).toBe(false);
  });
});
