/**
 * Grants never escalate (an administrator gives only permissions they hold at the unit), so the
 * officers who run a subtree must hold everything the roles below them need: otherwise a
 * provincial hall could not appoint a district officer or a commune clerk. A module that gives a
 * new permission to a lower role and forgets the roles above fails here.
 */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES } from './roles.ts';

const permissionsOf = (code: string): string[] => {
  const role = BUILT_IN_ROLES.find((candidate) => candidate.code === code);
  if (!role || role.permissions === '*') throw new Error(`no role ${code} with a permission list`);
  return [...role.permissions];
};

describe('built-in roles', () => {
  it.each([
    ['provincial_officer', 'district_officer'],
    ['provincial_officer', 'commune_clerk'],
    ['provincial_officer', 'council_member'],
    ['district_officer', 'commune_clerk'],
    ['district_officer', 'council_member'],
  ])('%s holds every permission of %s, so it can grant it', (above, below) => {
    const held = new Set(permissionsOf(above));
    expect(permissionsOf(below).filter((permission) => !held.has(permission))).toEqual([]);
  });
});
