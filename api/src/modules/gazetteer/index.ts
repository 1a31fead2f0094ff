/**
 * gazetteer: the administrative tree (capital and provinces; municipalities, districts and
 * khans; communes and sangkats; villages). Every other module hangs its records on a unit.
 * Other modules use it only through what this file exports.
 */
import type { ModuleManifest } from '../../platform/module.ts';
import { seedGazetteerDemo } from './demo-seed.ts';
import { gazetteerRoutes } from './gazetteer.routes.ts';

export type { GazetteerTables } from './gazetteer.tables.ts';
export { getUnit, isUnitWithin, subtreeCodesQuery, unitAncestors, unitExists } from './gazetteer.service.ts';

export const gazetteerModule: ModuleManifest = {
  name: 'gazetteer',
  migrations: new URL('./migrations/', import.meta.url),
  routes: gazetteerRoutes,
  seedDemo: seedGazetteerDemo,
};
