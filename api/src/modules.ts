/**
 * The module list: the one place that knows which NP-2 modules make up the platform, in the
 * order their routes register and their demo data loads (a module's seed may rely on those
 * before it).
 */
import { fileURLToPath } from 'node:url';
import { collectMigrations, type Migration, type MigrationSource } from './platform/db/migrations.ts';
import type { ModuleManifest } from './platform/module.ts';
import { gazetteerModule } from './modules/gazetteer/index.ts';

export const modules: readonly ModuleManifest[] = [gazetteerModule];

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
