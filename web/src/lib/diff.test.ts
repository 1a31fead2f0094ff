import { describe, expect, it } from 'vitest';
import { changesOf } from './diff.ts';

describe('changesOf', () => {
  it('lists the fields of a creation', () => {
    expect(changesOf(null, { id: 3, displayName: 'Sok', isActive: true, createdAt: 'x' })).toEqual([
      { field: 'displayName', before: undefined, after: 'Sok' },
      { field: 'isActive', before: undefined, after: true },
    ]);
  });

  it('keeps only what an update changed', () => {
    const before = { displayName: 'Sok', isActive: true, updatedAt: '1' };
    const after = { displayName: 'Sok', isActive: false, updatedAt: '2' };
    expect(changesOf(before, after)).toEqual([{ field: 'isActive', before: true, after: false }]);
  });

  it('lists the fields of a deletion', () => {
    expect(changesOf({ roleCode: 'commune_clerk', unitCode: '230201' }, null)).toEqual([
      { field: 'roleCode', before: 'commune_clerk', after: undefined },
      { field: 'unitCode', before: '230201', after: undefined },
    ]);
  });

  it('compares plain values as one change', () => {
    expect(changesOf('a', 'b')).toEqual([{ field: '', before: 'a', after: 'b' }]);
    expect(changesOf(null, null)).toEqual([]);
  });
});
