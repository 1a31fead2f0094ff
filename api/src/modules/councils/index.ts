/**
 * councils: the organs of each SNA (councils and their members, boards of governors,
 * committees, offices) and the register of functions each type of SNA or unit holds.
 */
import type { ModuleManifest } from '../../platform/module.ts';
import { councilRoutes } from './councils.routes.ts';

export const councilsModule: ModuleManifest = {
  name: 'councils',
  migrations: new URL('./migrations/', import.meta.url),
  routes: councilRoutes,
};
