/**
 * Public services: the catalogue, fee boards, applying, tracking, the officers' cases and
 * complaints; and, in their own folders as in the API, the standards' management (admin/), the
 * working-day calendar (calendar/) and the office dashboard (dashboard/).
 */
import { lazyPage, type WebModule } from '../../lib/web-module.ts';

const PROCESS = 'services.application.process';
const FILE_APPLICATIONS = 'services.application.file';

export const servicesModule: WebModule = {
  name: 'services',
  routes: [
    lazyPage('services', () => import('./services-page.tsx').then((m) => m.ServicesPage)),
    lazyPage('services/board/:unitCode', () => import('./board-page.tsx').then((m) => m.BoardPage)),
    lazyPage('services/:code', () => import('./service-page.tsx').then((m) => m.ServicePage)),
    lazyPage('services/:code/apply', () => import('./apply-page.tsx').then((m) => m.ApplyPage)),
    lazyPage('track', () => import('./track-page.tsx').then((m) => m.TrackPage)),
    lazyPage('my/applications', () => import('./my-applications-page.tsx').then((m) => m.MyApplicationsPage)),
    lazyPage('applications', () => import('./applications-page.tsx').then((m) => m.ApplicationsPage)),
    lazyPage('applications/new', () => import('./counter-page.tsx').then((m) => m.CounterPage)),
    lazyPage('applications/:number', () => import('./application-page.tsx').then((m) => m.ApplicationPage)),
    lazyPage('complaints', () => import('./complaints-page.tsx').then((m) => m.ComplaintsPage)),
    lazyPage('complaints/new', () => import('./complaint-form-page.tsx').then((m) => m.ComplaintFormPage)),
    lazyPage('complaints/:number', () => import('./complaint-page.tsx').then((m) => m.ComplaintPage)),
    lazyPage('outbox', () => import('./outbox-page.tsx').then((m) => m.OutboxPage)),
    lazyPage('services/manage', () => import('./admin/manage-page.tsx').then((m) => m.ManagePage)),
    lazyPage('services/manage/new', () => import('./admin/edit-page.tsx').then((m) => m.NewStandardPage)),
    lazyPage('services/manage/:code', () => import('./admin/edit-page.tsx').then((m) => m.EditStandardPage)),
    lazyPage('services/calendar', () => import('./calendar/calendar-page.tsx').then((m) => m.CalendarPage)),
    lazyPage('services/dashboard', () =>
      import('./dashboard/dashboard-page.tsx').then((m) => m.DashboardPage),
    ),
  ],
  nav: [
    { to: '/services', label: 'services.nav.services', order: 30 },
    { to: '/track', label: 'services.nav.track', order: 40 },
    {
      to: '/my/applications',
      label: 'services.nav.mine',
      order: 50,
      shows: (session) => session.user !== null && !session.can(PROCESS),
    },
    {
      to: '/applications',
      label: 'services.nav.applications',
      order: 60,
      end: true,
      shows: (session) => session.can(PROCESS),
    },
    {
      // The clerk's most frequent task: filing for a person at the counter, one tap from the menu.
      to: '/applications/new',
      label: 'services.nav.counter',
      order: 65,
      shows: (session) => session.can(FILE_APPLICATIONS),
    },
    {
      to: '/complaints',
      label: 'services.nav.complaints',
      order: 70,
      end: true,
      shows: (session) => session.can('services.complaint.handle'),
    },
    {
      to: '/services/dashboard',
      label: 'servicesDashboard.nav',
      order: 80,
      shows: (session) => session.can('services.dashboard.read'),
    },
  ],
};
