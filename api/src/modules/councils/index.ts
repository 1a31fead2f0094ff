/**
 * councils: the organs of each SNA (councils and their members, boards of governors,
 * committees, offices) and the register of functions each type of SNA or unit holds.
 * Reading is public; members' personal details (birth year, disability, indigenous identity)
 * are shown only to those who manage the organ, and to everyone else only as aggregates.
 */
import { defineModule } from '../../platform/module.ts';
import { councilRoutes } from './councils.routes.ts';
import type { CouncilsTables } from './councils.tables.ts';
import { COUNCILS_ERRORS } from './councils.errors.ts';
import { seedCouncilsDemo } from './demo-seed.ts';
import { COUNCILS_PERMISSIONS } from './permissions.ts';

export type { CouncilsTables } from './councils.tables.ts';

export const councilsModule = defineModule<CouncilsTables, 'gazetteer' | 'authenticator'>({
  name: 'councils',
  tags: [
    {
      name: 'councils',
      description: 'Councils, boards, committees, offices and the register of functions.',
    },
  ],
  tables: ['councils_organ', 'councils_member', 'councils_function'],
  migrations: new URL('./migrations/', import.meta.url),
  errors: COUNCILS_ERRORS,
  permissions: COUNCILS_PERMISSIONS,
  grants: {
    national_officer: ['councils.organ.manage', 'councils.function.manage'],
    provincial_officer: ['councils.organ.manage'],
    district_officer: ['councils.organ.manage'],
    commune_clerk: ['councils.organ.manage'],
  },
  requires: ['gazetteer', 'authenticator'],
  routes: (ctx) => councilRoutes(ctx),
  // Runs after the gazetteer's and the access module's seeds (module order in modules.ts).
  seedDemo: seedCouncilsDemo,
});
