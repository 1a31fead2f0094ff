/**
 * The web modules, one list: the router takes their pages and the menu their entries from it.
 * A module is added here and nowhere else in the shell.
 */
import type { WebModule } from '../lib/web-module.ts';
import { accessModule } from '../modules/access/index.ts';
import { budgetsModule } from '../modules/budgets/index.ts';
import { councilsModule } from '../modules/councils/index.ts';
import { gazetteerModule } from '../modules/gazetteer/index.ts';
import { hrModule } from '../modules/hr/index.ts';
import { notificationsModule } from '../modules/notifications/index.ts';
import { operationsModule } from '../modules/operations/index.ts';
import { plansModule } from '../modules/plans/index.ts';
import { resultsModule } from '../modules/results/index.ts';
import { servicesModule } from '../modules/services/index.ts';
import { transfersModule } from '../modules/transfers/index.ts';

export const WEB_MODULES: readonly WebModule[] = [
  gazetteerModule,
  servicesModule,
  transfersModule,
  budgetsModule,
  councilsModule,
  plansModule,
  hrModule,
  resultsModule,
  notificationsModule,
  accessModule,
  operationsModule,
];

/** Every module's menu entries, in their order. */
export const NAV_ENTRIES = WEB_MODULES.flatMap((module) => module.nav ?? []).sort(
  (a, b) => a.order - b.order,
);

/** The sections the modules add to a unit's page, in the modules' order. */
export const UNIT_SECTIONS = WEB_MODULES.flatMap((module) => module.unitSections ?? []);
