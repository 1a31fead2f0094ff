/** People (hr): a unit's establishment and staff, a staff record, women in leadership. */
import { lazyPage, lazyUnitSection, type WebModule } from '../../lib/web-module.ts';

export const hrModule: WebModule = {
  name: 'hr',
  routes: [
    lazyPage('hr/units/:code', () => import('./establishment-page.tsx').then((m) => m.EstablishmentPage)),
    lazyPage('hr/persons/:id', () => import('./person-page.tsx').then((m) => m.PersonPage)),
    lazyPage('hr/leadership', () => import('./leadership-page.tsx').then((m) => m.LeadershipPage)),
  ],
  unitSections: [lazyUnitSection('hr', () => import('./unit-hr.tsx').then((m) => m.UnitHr))],
};
