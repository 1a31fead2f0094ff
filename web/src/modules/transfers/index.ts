/** Fiscal transfers to the sub-national administrations: formulas, scenarios, allocations, figures. */
import { lazyPage, lazyUnitSection, type WebModule } from '../../lib/web-module.ts';

export const transfersModule: WebModule = {
  name: 'transfers',
  routes: [
    lazyPage('transfers', () => import('./transfers-page.tsx').then((m) => m.TransfersPage)),
    lazyPage('transfers/allocations/:id', () =>
      import('./allocation-page.tsx').then((m) => m.AllocationPage),
    ),
    lazyPage('transfers/scenario', () => import('./scenario-page.tsx').then((m) => m.ScenarioPage)),
    lazyPage('transfers/figures', () => import('./figures-page.tsx').then((m) => m.FiguresPage)),
    lazyPage('transfers/formulas', () => import('./formulas-page.tsx').then((m) => m.FormulasPage)),
    lazyPage('transfers/formulas/:id', () => import('./formula-page.tsx').then((m) => m.FormulaPage)),
  ],
  nav: [{ to: '/transfers', label: 'transfers.nav', order: 90 }],
  unitSections: [
    lazyUnitSection('transfers', () => import('./unit-transfers.tsx').then((m) => m.UnitTransfers)),
  ],
};
