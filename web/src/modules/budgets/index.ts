/** SNA budgets (lines, decisions, actuals), their reports and the open fiscal data. */
import { lazyPage, lazyUnitSection, type WebModule } from '../../lib/web-module.ts';

export const budgetsModule: WebModule = {
  name: 'budgets',
  routes: [
    lazyPage('budgets/:unitCode/:year', () => import('./budget-page.tsx').then((m) => m.BudgetPage)),
    lazyPage('budgets/:unitCode/:year/report', () => import('./report-page.tsx').then((m) => m.ReportPage)),
    lazyPage('open-data', () => import('./open-data-page.tsx').then((m) => m.OpenDataPage)),
  ],
  nav: [{ to: '/open-data', label: 'budgets.nav', order: 100 }],
  unitSections: [lazyUnitSection('budgets', () => import('./unit-budgets.tsx').then((m) => m.UnitBudgets))],
};
