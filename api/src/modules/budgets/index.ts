/**
 * budgets: the budgets of the sub-national administrations (one per unit and fiscal year,
 * revenue and expenditure lines classified by economic and functional class, fund source and
 * program), through their phases (proposed → approved by the council → adjusted → executed),
 * with budget-against-actual reports rolled up the tree, the BOOST-style import and the open
 * fiscal data export (Fiscal Data Package).
 *
 * Ports:
 * - provides `budgets` (BudgetsPort): the transfers module records the revenue of a published
 *   allocation through it;
 * - requires `ownSourceRevenue` (OwnSourceRevenueSource, declared here): the services module
 *   provides the fees it collected, which the reports show as own-source revenue.
 *
 * Two manifests: `budgetsModule` (/api/budgets, tables, permissions, demo data) and
 * `budgetsOpenDataModule`, which only mounts the public open data routes under /api/open-data.
 */
import { defineModule, type NoTables } from '../../platform/module.ts';
import { budgetRoutes } from './budgets.routes.ts';
import type { BudgetsTables } from './budgets.tables.ts';
import { syncClassifications } from './classifications.ts';
import { seedBudgetsDemo } from './demo-seed.ts';
import { openDataRoutes } from './open-data/open-data.routes.ts';
import type { OwnSourceRevenueSource } from './own-source-revenue.ts';
import { BUDGETS_ERRORS } from './budgets.errors.ts';
import { BUDGETS_PERMISSIONS } from './permissions.ts';
import {
  transferRevenuePort,
  transferRevenuesPort,
  type TransferRevenue,
  type TransferRevenueResult,
} from './transfer-revenue.service.ts';
import type { OpenDataContext } from './budgets.context.ts';
import type { Kysely } from 'kysely';

export type { BudgetsTables } from './budgets.tables.ts';
export {
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

/** What other modules may do to budgets. Every function takes the caller's transaction first. */
export interface BudgetsPort {
  /**
   * The amount of a published transfer becomes a revenue line of the unit's budget, in the
   * caller's transaction (the publisher in `input.actor`, or the transfers module).
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the caller's transaction over the whole schema
  recordTransferRevenue(trx: Kysely<any>, input: TransferRevenue): Promise<TransferRevenueResult>;
  /**
   * The same for many transfers at once (a published allocation's receiving units), in a few
   * statements whatever their number, with one audit record per budget as one at a time.
   * Results in the order given.
   */
  recordTransferRevenues(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the caller's transaction over the whole schema
    trx: Kysely<any>,
    inputs: readonly TransferRevenue[],
  ): Promise<TransferRevenueResult[]>;
}

declare module '../../platform/ports.ts' {
  interface PortRegistry {
    budgets: BudgetsPort;
    ownSourceRevenue: OwnSourceRevenueSource;
  }
}

export const budgetsModule = defineModule<
  BudgetsTables,
  'gazetteer' | 'authenticator' | 'ownSourceRevenue' | 'councilDecisions'
>({
  name: 'budgets',
  tags: [
    { name: 'budgets', description: 'SNA budgets: lines, phases, council decisions, actuals and reports.' },
  ],
  tables: [
    'budgets_economic_class',
    'budgets_functional_class',
    'budgets_fund_source',
    'budgets_budget',
    'budgets_version',
    'budgets_line',
    'budgets_actual',
  ],
  migrations: new URL('./migrations/', import.meta.url),
  errors: BUDGETS_ERRORS,
  permissions: BUDGETS_PERMISSIONS,
  grants: {
    national_officer: [
      'budgets.line.manage',
      'budgets.council_decision.record',
      'budgets.actual.record',
      'budgets.open_data.import',
    ],
    provincial_officer: ['budgets.line.manage', 'budgets.council_decision.record', 'budgets.actual.record'],
    district_officer: ['budgets.line.manage', 'budgets.council_decision.record', 'budgets.actual.record'],
    commune_clerk: ['budgets.line.manage', 'budgets.council_decision.record', 'budgets.actual.record'],
  },
  // councilDecisions: a budget's approval may point at the council's decision (councils module).
  requires: ['gazetteer', 'authenticator', 'ownSourceRevenue', 'councilDecisions'],
  provides: (ctx) => ({
    budgets: {
      recordTransferRevenue: transferRevenuePort(ctx),
      recordTransferRevenues: transferRevenuesPort(ctx),
    },
  }),
  routes: (ctx) => budgetRoutes(ctx),
  syncReferenceData: syncClassifications,
  // Runs after the gazetteer's seed (module order in modules.ts): its budgets sit at Kep's units.
  seedDemo: seedBudgetsDemo,
});

/** Public open data, under /api/open-data; no tables or permissions of its own. */
export const budgetsOpenDataModule = defineModule<NoTables, 'gazetteer'>({
  name: 'budgets-open-data',
  tags: [{ name: 'open data', description: 'Open fiscal data: budgets as Fiscal Data Packages.' }],
  tables: [],
  routePrefix: 'open-data',
  requires: ['gazetteer'],
  // The budgets module's second manifest: its routes read the budgets' tables (same module).
  routes: (ctx) => openDataRoutes(ctx as unknown as OpenDataContext),
});
