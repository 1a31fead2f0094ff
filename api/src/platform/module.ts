/**
 * What a module tells the composition root about itself (its manifest, in its index.ts):
 * its name, its SQL migrations, its HTTP routes and its demo data. `modules.ts` lists the
 * modules; nothing else needs to know they exist.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';

export interface SeedContext {
  // The composition root knows the full schema; a module's seed casts to its own tables.
  db: Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  log: (message: string) => void;
}

export interface SeedResult {
  /** Lines printed once after the first start, e.g. the demo accounts. */
  announcements?: string[];
}

export interface PermissionDefinition {
  /** `module.resource.action`, e.g. `access.user.manage`. */
  code: string;
  descriptionEn: string;
  descriptionKm: string;
}

export interface ModuleManifest {
  /** Short, lower-case: also the prefix of its migration ids, permissions and error codes. */
  name: string;
  /** Folder of timestamped `.sql` files. */
  migrations?: URL;
  /** Registered under `/api/<routePrefix ?? name>`, or at `mountPath` when given. */
  routes?: FastifyPluginAsync;
  routePrefix?: string;
  /**
   * An absolute path to mount the routes at instead of under `/api`, for an API whose URLs a
   * published standard fixes (Open311 GeoReport v2 lives at `/open311/v2`). Its routes still
   * declare their access like any other (platform/auth checks `/api/` and `/open311/`).
   */
  mountPath?: string;
  /** The permissions this module's routes check; roles bundle them. */
  permissions?: PermissionDefinition[];
  /** Reference data written at every start, after migrations (idempotent). */
  syncReferenceData?: (context: SeedContext, allModules: readonly ModuleManifest[]) => Promise<void>;
  /** Demo data: run once per database (recorded in `platform_seed`), never in production. */
  seedDemo?: (context: SeedContext) => Promise<SeedResult | void>;
}
