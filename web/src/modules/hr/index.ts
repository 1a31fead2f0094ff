/**
 * People (hr): a unit's establishment and staff, a staff record, women in leadership, and a
 * section of the unit page leading to them. One lazy chunk for all of them: one loader in the
 * home page's code instead of four (its JavaScript budget is full).
 */
import { lazyPage, lazyUnitSection, type WebModule } from '../../lib/web-module.ts';

const pages = () => import('./pages.ts');

export const hrModule: WebModule = {
  name: 'hr',
  routes: [
    lazyPage('hr/units/:code', () => pages().then((m) => m.EstablishmentPage)),
    lazyPage('hr/persons/:id', () => pages().then((m) => m.PersonPage)),
    lazyPage('hr/leadership', () => pages().then((m) => m.LeadershipPage)),
  ],
  unitSections: [lazyUnitSection('hr', () => pages().then((m) => m.UnitHr))],
};
