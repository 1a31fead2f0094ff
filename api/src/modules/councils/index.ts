/**
 * councils: the organs of each SNA (councils and their members, boards of governors,
 * committees, offices) and the register of functions each type of SNA or unit holds.
 * Reading is public; members' personal details (birth year, disability, indigenous identity)
 * are shown only to those who manage the organ, and to everyone else only as aggregates.
 */
import type { ModuleManifest } from '../../platform/module.ts';
import { councilRoutes } from './councils.routes.ts';
import { seedCouncilsDemo } from './demo-seed.ts';
import { COUNCILS_PERMISSIONS } from './permissions.ts';

export type { CouncilsTables } from './councils.tables.ts';

export const councilsModule: ModuleManifest = {
  name: 'councils',
  migrations: new URL('./migrations/', import.meta.url),
  routes: councilRoutes,
  permissions: COUNCILS_PERMISSIONS,
  // Runs after the gazetteer's and the access module's seeds (module order in modules.ts).
  seedDemo: seedCouncilsDemo,
};
