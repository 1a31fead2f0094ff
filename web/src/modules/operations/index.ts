/**
 * Operations: the background jobs that failed (the dead-letter list), for national
 * administrators, at /operations/jobs; each can be run again.
 */
import { lazyPage, type WebModule } from '../../lib/web-module.ts';

import { MANAGE_JOBS } from './permissions.ts';

export const operationsModule: WebModule = {
  name: 'operations',
  routes: [lazyPage('operations/jobs', () => import('./failed-jobs-page.tsx').then((m) => m.FailedJobsPage))],
  nav: [
    {
      to: '/operations/jobs',
      label: 'operations.nav.jobs',
      order: 140,
      shows: (session) => session.can(MANAGE_JOBS),
    },
  ],
};
