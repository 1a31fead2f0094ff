/**
 * budgets: the budgets of the sub-national administrations (one per unit and fiscal year,
 * revenue and expenditure lines classified by economic and functional class, fund source and
 * program), through their phases (proposed → approved by the council → adjusted → executed),
 * with budget-against-actual reports rolled up the tree, the BOOST-style import and the open
 * fiscal data export (Fiscal Data Package).
 *
 * Other modules use it through this file:
 * - the transfers module calls recordTransferRevenue when an allocation is published;
 * - the services module will provide an OwnSourceRevenueSource (service fees), see
 *   own-source-revenue.ts.
 *
 * Two manifests: `budgetsModule` (/api/budgets, tables, permissions, demo data) and
 * `budgetsOpenDataModule`, which only mounts the public open data routes under /api/open-data.
 */
import type { ModuleManifest } from '../../platform/module.ts';
import { budgetRoutes } from './budgets.routes.ts';
import { syncClassifications } from './classifications.ts';
import { seedBudgetsDemo } from './demo-seed.ts';
import { openDataRoutes } from './open-data/open-data.routes.ts';
import { BUDGETS_PERMISSIONS } from './permissions.ts';

export type { BudgetsTables } from './budgets.tables.ts';
export {
  recordTransferRevenue,
  transferLineKey,
  type TransferRevenue,
  type TransferRevenueResult,
} from './transfer-revenue.service.ts';
export type { OwnSourceRevenueSource } from './own-source-revenue.ts';
export {
  loadFiscalDataPackage,
  readFiscalDataPackage,
  validateFiscalDataPackage,
  type FiscalDataPackage,
} from './open-data/fdp-reader.ts';

export const budgetsModule: ModuleManifest = {
  name: 'budgets',
  migrations: new URL('./migrations/', import.meta.url),
  routes: budgetRoutes,
  permissions: BUDGETS_PERMISSIONS,
  syncReferenceData: syncClassifications,
  // Runs after the gazetteer's seed (module order in modules.ts): its budgets sit at Kep's units.
  seedDemo: seedBudgetsDemo,
};

/** Public open data, under /api/open-data; no tables or permissions of its own. */
export const budgetsOpenDataModule: ModuleManifest = {
  name: 'budgets-open-data',
  routePrefix: 'open-data',
  routes: openDataRoutes,
};
