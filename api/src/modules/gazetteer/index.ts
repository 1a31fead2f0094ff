/**
 * gazetteer: the administrative tree (capital and provinces; municipalities, districts and
 * khans; communes and sangkats; villages). Every other module hangs its records on a unit.
 * Other modules use it only through what this file exports.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ModuleManifest } from '../../platform/module.ts';
import { boundaryRoutes } from './boundaries/boundaries.routes.ts';
import { seedGazetteerDemo } from './demo-seed.ts';
import { gazetteerRoutes } from './gazetteer.routes.ts';
import { importRoutes } from './import/import.routes.ts';
import { restructureRoutes } from './restructure.routes.ts';
import { GAZETTEER_PERMISSIONS } from './permissions.ts';
import { syncSearchIndex } from './search/search-index.ts';
import { searchRoutes } from './search.routes.ts';

// One plugin per concern, all under /api/gazetteer.
const routes: FastifyPluginAsync = async (app) => {
  await app.register(gazetteerRoutes);
  await app.register(searchRoutes);
  await app.register(boundaryRoutes);
  await app.register(importRoutes);
  await app.register(restructureRoutes);
};

export type { GazetteerTables } from './gazetteer.tables.ts';
export {
  getUnit,
  isUnitWithin,
  subtreeCodesQuery,
  unitAncestors,
  unitExists,
  unitNames,
} from './gazetteer.service.ts';

export const gazetteerModule: ModuleManifest = {
  name: 'gazetteer',
  migrations: new URL('./migrations/', import.meta.url),
  routes,
  permissions: GAZETTEER_PERMISSIONS,
  // Search keys are computed in TypeScript (Khmer normalisation), so they are kept up to date
  // at every start and right after the demo seed writes its units.
  syncReferenceData: (context) => syncSearchIndex(context),
  seedDemo: async (context) => {
    await seedGazetteerDemo(context);
    await syncSearchIndex(context);
  },
};
