/**
 * Results: a data entry form per data set, unit and period (typed values kept on the device
 * until sent) at /results/entry, and an indicator rolled up over the tree by level, period and
 * sex/age/disability at /results/analytics.
 */
import { lazyPage, type WebModule } from '../../lib/web-module.ts';
import { ENTER_VALUES, READ_ANALYTICS } from './permissions.ts';

export const resultsModule: WebModule = {
  name: 'results',
  routes: [
    lazyPage('results/entry', () => import('./entry-page.tsx').then((m) => m.EntryPage)),
    lazyPage('results/analytics', () => import('./analytics-page.tsx').then((m) => m.AnalyticsPage)),
  ],
  nav: [
    {
      to: '/results/entry',
      label: 'results.nav.entry',
      order: 95,
      shows: (session) => session.can(ENTER_VALUES),
    },
    {
      to: '/results/analytics',
      label: 'results.nav.analytics',
      order: 96,
      shows: (session) => session.can(READ_ANALYTICS),
    },
  ],
};
