/**
 * The composition root: the one list of the NP-2 modules that make up the platform, in the
 * order their routes register and their demo data loads (a module's seed may rely on those
 * before it). Everything that needs the set of modules is derived from this list: the
 * database type below, the built-in roles' permissions (each manifest's `grants`), the OpenAPI
 * tags, the error codes the web must translate, and the wiring of ports (platform/wiring.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { repoRoot } from './config.ts';
import type { AuditTables } from './platform/audit/audit.ts';
import {
  collectMigrations,
  migrate,
  type Migration,
  type MigrationSource,
} from './platform/db/migrations.ts';
import { seedDemoData } from './platform/db/seeds.ts';
import { prepareJobStore } from './platform/jobs/job-queue.ts';
import type { DatabaseOf, ModuleManifest } from './platform/module.ts';
import { wireModules } from './platform/wiring.ts';
import { accessModule } from './modules/access/index.ts';
import { auditModule } from './modules/audit/index.ts';
import { budgetsModule, budgetsOpenDataModule } from './modules/budgets/index.ts';
import { councilsModule } from './modules/councils/index.ts';
import { gazetteerModule } from './modules/gazetteer/index.ts';
import { hrModule } from './modules/hr/index.ts';
import { notificationsModule } from './modules/notifications/index.ts';
import { operationsModule } from './modules/operations/index.ts';
import { plansModule } from './modules/plans/index.ts';
import { resultsModule } from './modules/results/index.ts';
import { servicesModule } from './modules/services/index.ts';
import { open311Module } from './modules/services/open311/index.ts';
import { transfersModule } from './modules/transfers/index.ts';

export const modules = [
  // First: every other module's records sit at units of the tree.
  gazetteerModule,
  // The demo accounts sit at the gazetteer's units.
  accessModule,
  auditModule,
  councilsModule,
  // The one outbox: services (and later councils) write their messages through its port.
  notificationsModule,
  // Provides the fees collected (own-source revenue) that budgets' reports show.
  servicesModule,
  // Open311 GeoReport v2 over the services module, mounted at /open311/v2.
  open311Module,
  budgetsModule,
  budgetsOpenDataModule,
  // After budgets: publishing an allocation writes revenue lines of budgets (the `budgets` port).
  transfersModule,
  // After councils: approving a plan or program checks the council's decision (councilDecisions).
  plansModule,
  // After councils: a commune's contract assistants are counted against its council's size (councilSeats).
  hrModule,
  // Results frameworks, figures and their roll-ups over the tree (the gazetteer port only).
  resultsModule,
  // Running the platform: the background jobs that failed (no tables, no seed).
  operationsModule,
] as const satisfies readonly ModuleManifest[];

/** The whole database as Kysely sees it: every module's tables and the platform's own. */
export type Database = DatabaseOf<typeof modules> & AuditTables;
export type DatabaseClient = Kysely<Database>;

const platformMigrations: MigrationSource = {
  module: 'platform',
  directory: fileURLToPath(new URL('./platform/db/migrations/', import.meta.url)),
};

export function allMigrations(): Migration[] {
  return collectMigrations([
    platformMigrations,
    ...modules.flatMap((module) =>
      module.migrations ? [{ module: module.name, directory: fileURLToPath(module.migrations) }] : [],
    ),
  ]);
}

/**
 * Which official reference data a database is given on its first start: `country` (the default,
 * `npm start`), the whole of `reference-data/`; `sample`, the same files cut to the places the
 * demo uses (tests and benchmarks that need the demo but not 16,457 units); `none`, nothing
 * (command-line entries, and tests that bring their own tree); `{ sampleOf }`, the provinces
 * and the subtrees named (tests of one province).
 */
export type ReferenceDataScope = 'country' | 'sample' | 'none' | { sampleOf: readonly string[] };

export const REFERENCE_DATA_DIR = path.join(repoRoot, 'reference-data');

/**
 * Brings a database up to date: migrations, then the official reference data each module ships
 * (loaded once: a later start finds it there), then every module's reference data synchronised
 * at every start (roles, permissions, search keys), then — unless told not to — the demo data
 * of modules that have not loaded it. `npm start`, the command-line entries, the tests and the
 * benchmarks all prepare databases this one way.
 */
export async function prepareDatabase(
  db: Kysely<unknown>,
  options: { demoData: boolean; referenceData?: ReferenceDataScope; log?: (message: string) => void },
): Promise<{ applied: string[]; seeded: string[]; skipped: string[]; announcements: string[] }> {
  const log = options.log ?? (() => {});
  const applied = await migrate(db, allMigrations(), log);
  const wired = wireModules(db, modules, { log });
  // The job queue's own schema (pg-boss's migrations) and one queue per declared job: before
  // the seeds, which may enqueue.
  await prepareJobStore(db, wired.jobs);
  const wanted = options.referenceData ?? 'country';
  if (wanted !== 'none') {
    const scope = typeof wanted === 'object' ? 'sample' : wanted;
    const subtrees = typeof wanted === 'object' ? { subtrees: wanted.sampleOf } : {};
    // Each module's own imports open their transactions: a load that fails leaves nothing.
    for (const module of modules) {
      await module.loadReferenceData?.(wired.contextOf(module.name), {
        scope,
        ...subtrees,
        directory: REFERENCE_DATA_DIR,
        log,
      });
    }
  }
  await db.transaction().execute(async (trx) => {
    for (const module of modules) {
      await module.syncReferenceData?.(wired.contextOf(module.name).bind(trx), modules);
    }
  });
  const demo = options.demoData
    ? await seedDemoData(db, modules, (name, trx) => wired.contextOf(name).bind(trx), log)
    : { seeded: [], skipped: [], announcements: [] };
  return { applied, ...demo };
}
