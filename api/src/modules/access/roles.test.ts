/**
 * Grants never escalate (an administrator gives only permissions they hold at the unit), so the
 * officers who run a subtree must hold everything the roles below them need: otherwise a
 * provincial hall could not appoint a district officer or a commune clerk. A module that gives a
 * new permission to a lower role and forgets the roles above fails here.
 */
import { describe, expect, it } from 'vitest';
import { modules } from '../../modules.ts';
import { BUILT_IN_ROLE_CODES, permissionsGrantedTo } from '../../platform/module.ts';
import { BUILT_IN_ROLES } from './roles.ts';

// Each module's manifest says which of its permissions each built-in role holds.
const permissionsOf = (code: string): string[] => permissionsGrantedTo(modules, code);

describe('built-in roles', () => {
  it('are the roles the manifests grant to, and every grant is a permission of the granting module', () => {
    expect(BUILT_IN_ROLES.map((role) => role.code).sort()).toEqual([...BUILT_IN_ROLE_CODES].sort());
    for (const module of modules) {
      const own = new Set((module.permissions ?? []).map((permission) => permission.code));
      const granted = Object.values(module.grants ?? {}).flat();
      expect(
        granted.filter((permission) => !own.has(permission)),
        module.name,
      ).toEqual([]);
    }
  });

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
