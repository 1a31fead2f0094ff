/**
 * gazetteer: the administrative tree (capital and provinces; municipalities, districts and
 * khans; communes and sangkats; villages). Every other module hangs its records on a unit and
 * reads the tree only through the `gazetteer` port declared here (and the platform's
 * `jurisdiction` port, which the access check uses).
 */
import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../../platform/context.ts';
import { defineModule } from '../../platform/module.ts';
import type { AnyDb } from '../../platform/ports.ts';
import { boundaryRoutes } from './boundaries/boundaries.routes.ts';
import type { GazetteerContext } from './gazetteer.context.ts';
import { GAZETTEER_ERRORS } from './gazetteer.errors.ts';
import { gazetteerRoutes } from './gazetteer.routes.ts';
import {
  currentUnits,
  descendantCountsOfLevel,
  getCurrentUnit,
  getUnit,
  isUnitWithin,
  subtreeCodesQuery,
  unitAncestors,
  unitsWithAncestors,
  unitExists,
  unitCodesOfLevelsQuery,
  unitNames,
  unknownUnit,
} from './gazetteer.service.ts';
import type { BoundaryTables } from './boundaries/boundaries.tables.ts';
import type { GazetteerSearchTables } from './search/search.tables.ts';
import { importRoutes } from './import/import.routes.ts';
import { restructureRoutes } from './restructure.routes.ts';
import { GAZETTEER_PERMISSIONS } from './permissions.ts';
import { loadGazetteerReferenceData } from './reference/load-reference-data.ts';
import { syncSearchIndex } from './search/search-index.ts';
import { searchRoutes } from './search.routes.ts';

export type { GazetteerTables } from './gazetteer.tables.ts';
/** For the oracles of tests and benchmarks (services' direct dashboard); modules use the port. */
export { subtreeCodesQuery };
/** The command-line imports, run by api/src/cli/import.ts with the database it opens. */
export { runBoundariesImport } from './boundaries/boundaries-cli.ts';
export { runGazetteerImport } from './import/import-cli.ts';
/** The places of the demo's examples (the reference data's `sample` scope). */
export { GAZETTEER_FILE, SAMPLE_SUBTREES } from './reference/load-reference-data.ts';
/** The official tree loaded from files, as tests of other modules load the real country. */
export { CLI_ACTOR } from './import/apply.ts';
export { runImport } from './import/run-import.ts';
/** The one normalisation of names for search, which the services catalogue shares. */
export { normaliseKhmer, normaliseLatin, queryScript } from './search/normalise.ts';

/** What other modules may ask of the tree. Every function takes the caller's database handle first. */
export interface GazetteerPort {
  getUnit: typeof getUnit;
  isUnitWithin: typeof isUnitWithin;
  unitAncestors: typeof unitAncestors;
  /** Several units in one query: type, level and ancestors (root first) of each known code. */
  unitsWithAncestors: typeof unitsWithAncestors;
  unitNames: typeof unitNames;
  unitExists: typeof unitExists;
  /** The error for a unit a request names and the tree does not hold: gazetteer.unit.unknown, one code for all. */
  unknownUnit: typeof unknownUnit;
  /** A subquery of the codes in the subtrees of the given units, for `where unit_code in (…)`. */
  subtreeCodesQuery: (db: AnyDb, scopeCodes: string[]) => ReturnType<typeof subtreeCodesQuery>;
  /** A unit of today's tree (gazetteer.unit.not_found when unknown or abolished). */
  getCurrentUnit: typeof getCurrentUnit;
  /** The units not abolished of some levels and/or types, with names (e.g. those a formula shares among). */
  currentUnits: typeof currentUnits;
  /** For each unit, how many units of a level lie below it (e.g. villages per commune). */
  descendantCountsOfLevel: typeof descendantCountsOfLevel;
  /** A subquery of the codes of the units of some levels, for `where unit_code in (…)`. */
  unitCodesOfLevelsQuery: typeof unitCodesOfLevelsQuery;
}

declare module '../../platform/ports.ts' {
  interface PortRegistry {
    gazetteer: GazetteerPort;
  }
}

// One plugin per concern, all under /api/gazetteer.
const routes = (ctx: GazetteerContext) => async (app: FastifyInstance) => {
  await app.register(gazetteerRoutes(ctx));
  await app.register(searchRoutes(ctx));
  await app.register(boundaryRoutes(ctx));
  await app.register(importRoutes(ctx));
  await app.register(restructureRoutes(ctx));
};

/** Every table the module owns: the tree's, the outlines' and the search index's. */
type GazetteerModuleTables = BoundaryTables & GazetteerSearchTables;

/**
 * The module's context as its services take it: typed to the tree's tables, which most of them
 * use; the outlines and the search index view the same database through their own table types
 * (boundaries.tables.ts, search.tables.ts).
 */
const servicesContext = (ctx: ModuleContext<GazetteerModuleTables>) => ctx as unknown as GazetteerContext;
/** The same context viewed through the search index's tables (search.tables.ts). */
const searchContext = (ctx: ModuleContext<GazetteerModuleTables>) =>
  ctx as unknown as ModuleContext<GazetteerSearchTables>;

export const gazetteerModule = defineModule<GazetteerModuleTables>({
  name: 'gazetteer',
  tags: [{ name: 'gazetteer', description: 'The administrative tree.' }],
  tables: [
    'gazetteer_unit_type',
    'gazetteer_unit',
    'gazetteer_unit_closure',
    'gazetteer_import',
    'gazetteer_unit_version',
    'gazetteer_unit_event',
    'gazetteer_tree_revision',
    'gazetteer_unit_boundary',
    'gazetteer_unit_search',
    'gazetteer_unit_search_part',
    'gazetteer_unit_search_sync',
  ],
  migrations: new URL('./migrations/', import.meta.url),
  errors: GAZETTEER_ERRORS,
  permissions: GAZETTEER_PERMISSIONS,
  grants: {
    national_officer: ['gazetteer.unit.manage', 'gazetteer.import.run'],
    provincial_officer: ['gazetteer.unit.manage'],
    district_officer: ['gazetteer.unit.manage'],
    commune_clerk: ['gazetteer.unit.manage'],
  },
  provides: () => ({
    gazetteer: {
      getUnit,
      isUnitWithin,
      unitAncestors,
      unitsWithAncestors,
      unitNames,
      unitExists,
      unknownUnit,
      subtreeCodesQuery,
      getCurrentUnit,
      currentUnits,
      descendantCountsOfLevel,
      unitCodesOfLevelsQuery,
    },
    jurisdiction: { isUnitWithin },
  }),
  routes: (ctx) => routes(servicesContext(ctx)),
  // The official tree (NCDD, 2024-10-14) and the outlines of three levels, from reference-data/,
  // on the first start (an import with its history); a tree already imported is left alone.
  // The tree is not an example: the module has no demo seed.
  loadReferenceData: (ctx, request) => loadGazetteerReferenceData(servicesContext(ctx), request),
  // Search keys are computed in TypeScript (Khmer normalisation), so they are kept up to date
  // at every start (an import writes those of the units it changes); a start with the tree
  // unchanged since the last sync costs one query.
  syncReferenceData: (ctx) => syncSearchIndex(searchContext(ctx)),
});
