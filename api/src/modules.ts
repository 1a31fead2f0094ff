/**
 * The module list: the one place that knows which NP-2 modules make up the platform, in the
 * order their routes register and their demo data loads (a module's seed may rely on those
 * before it).
 */
import { fileURLToPath } from 'node:url';
import { collectMigrations, type Migration, type MigrationSource } from './platform/db/migrations.ts';
import type { ModuleManifest } from './platform/module.ts';
import type { Kysely } from 'kysely';
import { accessModule } from './modules/access/index.ts';
import { auditModule } from './modules/audit/index.ts';
import { budgetsModule, budgetsOpenDataModule } from './modules/budgets/index.ts';
import { councilsModule } from './modules/councils/index.ts';
import { gazetteerModule } from './modules/gazetteer/index.ts';
import { servicesModule } from './modules/services/index.ts';
import { open311Module } from './modules/services/open311/index.ts';
import { transfersModule } from './modules/transfers/index.ts';
import { migrate } from './platform/db/migrations.ts';
import { seedDemoData } from './platform/db/seeds.ts';

// The gazetteer comes first: the access module's demo accounts sit at its units.
export const modules: readonly ModuleManifest[] = [
  gazetteerModule,
  accessModule,
  auditModule,
  councilsModule,
  servicesModule,
  // Open311 GeoReport v2 over the services module, mounted at /open311/v2.
  open311Module,
  budgetsModule,
  budgetsOpenDataModule,
  // After budgets: publishing an allocation writes revenue lines of budgets.
  transfersModule,
];

const platformMigrations: MigrationSource = {
  module: 'platform',
  directory: fileURLToPath(new URL('./platform/db/migrations/', import.meta.url)),
};

export function allMigrations(): Migration[] {
  return collectMigrations([
    platformMigrations,
    ...modules.flatMap((module) =>
      module.migrations ? [{ module: module.name, directory: module.migrations }] : [],
    ),
  ]);
}

/**
 * Brings a database up to date: migrations, then every module's reference data (roles,
 * permissions), then — unless told not to — the demo data of modules that have not loaded it.
 * `npm start`, the tests and the benchmarks all prepare databases this one way.
 */
export async function prepareDatabase(
  db: Kysely<unknown>,
  options: { demoData: boolean; log?: (message: string) => void },
): Promise<{ applied: string[]; seeded: string[]; announcements: string[] }> {
  const log = options.log ?? (() => {});
  const applied = await migrate(db, allMigrations(), log);
  await db.transaction().execute(async (trx) => {
    for (const module of modules) await module.syncReferenceData?.({ db: trx, log }, modules);
  });
  const demo = options.demoData ? await seedDemoData(db, modules, log) : { seeded: [], announcements: [] };
  return { applied, ...demo };
}
