/**
 * transfers: formula-based fiscal transfers to SNAs (NP-2 component 4). Programs and their
 * formulas per fiscal year (JSON documents, docs/transfer-formula.md), the yearly figures of
 * units, allocations computed and explained unit by unit with equity figures, scenarios, and
 * the path draft -> approved -> published, after which each amount is revenue of the unit's
 * budget. The computation itself is the pure engine in ./engine, also used by
 * `npm run transfers` without a database.
 */
import type { ModuleManifest } from '../../platform/module.ts';
import { seedTransfersDemo } from './demo-seed.ts';
import { TRANSFERS_PERMISSIONS } from './permissions.ts';
import { transfersRoutes } from './transfers.routes.ts';

export type { TransfersTables } from './transfers.tables.ts';

export const transfersModule: ModuleManifest = {
  name: 'transfers',
  migrations: new URL('./migrations/', import.meta.url),
  routes: transfersRoutes,
  permissions: TRANSFERS_PERMISSIONS,
  // After the gazetteer's seed (Kep's communes) and the budgets module (revenue lines).
  seedDemo: seedTransfersDemo,
};
