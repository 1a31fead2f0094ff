/**
 * transfers: formula-based fiscal transfers to SNAs (NP-2 component 4). Programs and their
 * formulas per fiscal year (JSON documents, docs/transfer-formula.md), the yearly figures of
 * units, allocations computed and explained unit by unit with equity figures, scenarios, and
 * the path draft -> approved -> published, after which each amount is revenue of the unit's
 * budget (through the `budgets` port). The computation itself is the pure engine in ./engine,
 * also used by `npm run transfers` without a database.
 */
import { defineModule } from '../../platform/module.ts';
import { seedTransfersDemo } from './demo-seed.ts';
import { TRANSFERS_PERMISSIONS } from './permissions.ts';
import { loadReferenceFigures } from './reference-figures.ts';
import { TRANSFERS_ERRORS } from './transfers.errors.ts';
import { transfersRoutes } from './transfers.routes.ts';
import type { TransfersTables } from './transfers.tables.ts';

export type { TransfersTables } from './transfers.tables.ts';
/** The formula in force that the demo seed loads (its file, with the source it cites). */
export { BUILT_IN_FORMULA_FILE } from './demo-seed.ts';
/** `npm run transfers -- allocate …`: the engine on files, without a database (api/src/cli/transfers.ts). */
export { runAllocate, USAGE, type AllocateOutput } from './engine/allocate-cli.ts';

export const transfersModule = defineModule<TransfersTables, 'gazetteer' | 'budgets'>({
  name: 'transfers',
  tags: [
    { name: 'transfers', description: 'Formula-based transfers: formulas, figures, allocations, scenarios.' },
  ],
  tables: [
    'transfers_program',
    'transfers_formula',
    'transfers_indicator_value',
    'transfers_allocation',
    'transfers_allocation_line',
  ],
  migrations: new URL('./migrations/', import.meta.url),
  errors: TRANSFERS_ERRORS,
  permissions: TRANSFERS_PERMISSIONS,
  grants: {
    national_officer: [
      'transfers.formula.manage',
      'transfers.indicator.manage',
      'transfers.allocation.compute',
      'transfers.allocation.approve',
    ],
    provincial_officer: ['transfers.indicator.manage'],
  },
  requires: ['gazetteer', 'budgets'],
  routes: (ctx) => transfersRoutes(ctx),
  // The commune figures of reference-data/ on the first start (after the gazetteer's tree).
  loadReferenceData: (ctx, request) => loadReferenceFigures(ctx, request),
  // After the budgets module (revenue lines); the figures come from the reference data.
  seedDemo: seedTransfersDemo,
});
