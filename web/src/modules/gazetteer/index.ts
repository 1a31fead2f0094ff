/**
 * The gazetteer: the administrative units, their profiles, changes and map, and the national
 * import. Its texts are in the main catalogues (the layout and shared pages use them).
 */
import { lazyPage, type WebModule } from '../../lib/web-module.ts';

export const gazetteerModule: WebModule = {
  name: 'gazetteer',
  routes: [
    lazyPage('units', () => import('./units-page.tsx').then((m) => m.UnitsPage)),
    lazyPage('units/changes', () => import('./changes-page.tsx').then((m) => m.ChangesPage)),
    lazyPage('units/:code', () => import('./unit-page.tsx').then((m) => m.UnitPage)),
    lazyPage('map', () => import('./map-page.tsx').then((m) => m.MapPage)),
    lazyPage('admin/gazetteer-import', () => import('./import-page.tsx').then((m) => m.ImportPage)),
  ],
  nav: [
    { to: '/units', label: 'nav.units', order: 10 },
    { to: '/map', label: 'nav.map', order: 20 },
    {
      to: '/admin/gazetteer-import',
      label: 'nav.gazetteerImport',
      order: 120,
      shows: (session) => session.can('gazetteer.import.run'),
    },
  ],
};
