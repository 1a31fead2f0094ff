/**
 * What a module is, told by its manifest (its `index.ts` exports one, made with
 * `defineModule`): its name and what it owns (tables, migrations, error codes, permissions and
 * the built-in roles' grants of them, OpenAPI tags), what it serves (routes), what it gives
 * other modules (ports it provides) and takes from them (ports it requires), and the data it
 * loads (reference data at every start, a demo seed once).
 *
 * `modules.ts` lists the manifests; everything that needs the set of modules (the database
 * type, the role grants, the OpenAPI tags, the error-code check, the port wiring) is derived
 * from that one list. See docs/architecture.md ("The module contract").
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { ModuleContext } from './context.ts';
import type { ErrorRegistry } from './errors.ts';
import type { JobDefinition } from './jobs/job.ts';
import type { PortName, PortRegistry, PortsOf } from './ports.ts';

export interface PermissionDefinition {
  /** `module.resource.action`, e.g. `access.user.manage`. */
  code: string;
  descriptionEn: string;
  descriptionKm: string;
}

/**
 * The built-in roles (described, and written to the database, by the access module). Each
 * module says which of its own permissions each role holds, in its manifest's `grants`.
 */
export const BUILT_IN_ROLE_CODES = [
  'national_admin',
  'national_officer',
  'provincial_officer',
  'district_officer',
  'commune_clerk',
  'council_member',
  'auditor',
  'citizen',
] as const;
export type BuiltInRoleCode = (typeof BUILT_IN_ROLE_CODES)[number];

export interface OpenApiTag {
  name: string;
  description: string;
}

/**
 * @deprecated The shape seeds had before the module context; use `ModuleContext` (it has the
 * same `db` and `log`). Kept while modules move over.
 */
export interface SeedContext {
  db: Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  log: (message: string) => void;
}

/** What a module's first-start loading of reference data is told (see `loadReferenceData`). */
export interface ReferenceDataRequest {
  /**
   * `country`: the whole of every file (`npm start`); `sample`: the files cut to the places the
   * demo uses (the capital and provinces, Phnom Penh's khan, one rural district, Kep), so that
   * tests build a database in a second.
   */
  scope: 'country' | 'sample';
  /** For `sample`: the subtrees kept instead of the demo's places (tests of one province). */
  subtrees?: readonly string[];
  /** The folder of the files shipped with the platform (`reference-data/`). */
  directory: string;
  /** One progress line per step, with counts. */
  log: (message: string) => void;
}

export interface SeedResult {
  /** Lines printed once after the first start, e.g. the demo accounts. */
  announcements?: string[];
}

/**
 * A module as it defines itself, typed by its own tables and the ports it requires. `routes`,
 * `provides`, `syncReferenceData` and `seedDemo` each receive the module's context.
 */
export interface ModuleDefinition<Tables, Required extends PortName> {
  /** Short, lower-case: also the prefix of its migration ids, permissions and error codes. */
  name: string;
  /** The OpenAPI tags of its routes (the first is the module's own; usually just that one). */
  tags: readonly OpenApiTag[];
  /** The tables it owns: no other module reads or writes them (checked by the contract test). */
  tables: readonly (keyof Tables & string)[];
  /** Folder of timestamped `.sql` files. */
  migrations?: URL;
  /** Every error code its routes and imports can answer (see platform/errors.ts). */
  errors?: ErrorRegistry;
  /** The permissions its routes check. */
  permissions?: readonly PermissionDefinition[];
  /** Which of its permissions each built-in role holds (national_admin holds every permission). */
  grants?: Partial<Record<BuiltInRoleCode, readonly string[]>>;
  /** Ports of other modules it uses; `ctx.ports` holds them. */
  requires?: readonly Required[];
  /** Ports it offers others (declared in PortRegistry by its index.ts). */
  provides?: (ctx: ModuleContext<Tables, PortsOf<Required>>) => Partial<PortRegistry>;
  /** Registered under `/api/<routePrefix ?? name>`, or at `mountPath` when given. */
  routes?: (ctx: ModuleContext<Tables, PortsOf<Required>>) => FastifyPluginAsync;
  routePrefix?: string;
  /**
   * An absolute path to mount the routes at instead of under `/api`, for an API whose URLs a
   * published standard fixes (Open311 GeoReport v2 lives at `/open311/v2`). Its routes still
   * declare their access like any other (platform/auth checks `/api/` and `/open311/`).
   */
  mountPath?: string;
  /** Reference data written at every start, after migrations (idempotent), in one transaction. */
  syncReferenceData?: (
    ctx: ModuleContext<Tables, PortsOf<Required>>,
    allModules: readonly ModuleManifest[],
  ) => Promise<void>;
  /**
   * Official data shipped in `reference-data/` (the tree, its outlines, commune figures), loaded
   * after migrations when the database lacks it, through the module's own imports (each with its
   * history). It decides itself whether the data is there; a later start must cost a query.
   */
  loadReferenceData?: (
    ctx: ModuleContext<Tables, PortsOf<Required>>,
    request: ReferenceDataRequest,
  ) => Promise<void>;
  /** Demo data: run once per database (recorded in `platform_seed`), never in production. */
  seedDemo?: (ctx: ModuleContext<Tables, PortsOf<Required>>) => Promise<SeedResult | void>;
  /**
   * Its background jobs (platform/jobs/job.ts), each named `<module>.<job>`: what runs, the
   * retry policy, and for a scheduled job its cron line (Cambodia's time). Any module enqueues
   * one with `ctx.jobs.send(name, payload, { trx })`.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  jobs?: (ctx: ModuleContext<Tables, PortsOf<Required>>) => readonly JobDefinition<any>[];
}

/**
 * A manifest as the composition root holds it: the same fields with the module's own types
 * erased (the root holds modules of different tables in one list). `Tables` stays as a
 * phantom so the database type can be derived from the list.
 */
export interface ModuleManifest<Tables = unknown> {
  readonly name: string;
  readonly tags: readonly OpenApiTag[];
  readonly tables: readonly string[];
  readonly migrations?: URL;
  readonly errors?: ErrorRegistry;
  readonly permissions?: readonly PermissionDefinition[];
  readonly grants?: Partial<Record<BuiltInRoleCode, readonly string[]>>;
  readonly requires?: readonly PortName[];
  readonly provides?: (ctx: ModuleContext) => Partial<PortRegistry>;
  readonly routes?: (ctx: ModuleContext) => FastifyPluginAsync;
  readonly routePrefix?: string;
  readonly mountPath?: string;
  readonly syncReferenceData?: (ctx: ModuleContext, allModules: readonly ModuleManifest[]) => Promise<void>;
  readonly loadReferenceData?: (ctx: ModuleContext, request: ReferenceDataRequest) => Promise<void>;
  readonly seedDemo?: (ctx: ModuleContext) => Promise<SeedResult | void>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly jobs?: (ctx: ModuleContext) => readonly JobDefinition<any>[];
  /** Never set: carries the module's table types to `DatabaseOf`. */
  readonly __tables?: Tables;
}

/** Makes a manifest from a module's definition (the one cast from typed to erased is here). */
export function defineModule<Tables, Required extends PortName = never>(
  definition: ModuleDefinition<Tables, Required>,
): ModuleManifest<Tables> {
  return definition as unknown as ModuleManifest<Tables>;
}

/** The tables of a module that has none of its own (its manifest's `Tables`). */
export type NoTables = Record<never, never>;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;

type TablesOfManifest<M> = M extends ModuleManifest<infer Tables> ? Tables : never;

/** The whole database's tables: the intersection of every listed module's tables. */
export type DatabaseOf<List extends readonly ModuleManifest<unknown>[]> = UnionToIntersection<
  TablesOfManifest<List[number]>
>;

/** The permissions the listed modules grant a built-in role (national_admin: see the access module). */
export function permissionsGrantedTo(modules: readonly ModuleManifest[], roleCode: string): string[] {
  return modules.flatMap((module) => module.grants?.[roleCode as BuiltInRoleCode] ?? []);
}
