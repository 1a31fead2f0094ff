/** Plans: a unit's development plan, village needs, priorities and the 3-year investment program. */
import { lazyPage, lazyUnitSection, type WebModule } from '../../lib/web-module.ts';

export const plansModule: WebModule = {
  name: 'plans',
  routes: [
    lazyPage('plans/units/:code', () => import('./plans-page.tsx').then((m) => m.PlansPage)),
    lazyPage('plans/projects/:id', () => import('./project-page.tsx').then((m) => m.ProjectPage)),
  ],
  unitSections: [lazyUnitSection('plans', () => import('./unit-plans.tsx').then((m) => m.UnitPlans))],
};
