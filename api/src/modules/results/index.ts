/**
 * results: results frameworks (NP-2's components and outcomes, and any other framework) with
 * their indicators, the data elements and data sets figures are collected in, the figures
 * themselves (partitioned by year) and an engine that rolls any indicator up the administrative
 * tree, over periods and by sex, age group and disability, from a pre-aggregation kept current
 * in the transaction that writes the figures.
 */
import { defineModule } from '../../platform/module.ts';
import { RESULTS_ERRORS } from './results.errors.ts';
import { resultsRoutes } from './results.routes.ts';
import { RESULTS_TABLE_NAMES, type ResultsTables } from './results.tables.ts';
import { seedResultsDemo } from './demo-seed.ts';
import { RESULTS_PERMISSIONS } from './permissions.ts';

export type { ResultsTables } from './results.tables.ts';
/** For tests and benchmarks: the pre-aggregation checked against a full recount. */
export { preAggregationDrift } from './analytics.service.ts';
export { recordDataValues } from './data-values.service.ts';
export { DEMO_ANSWERED_INDICATOR, DEMO_DATA_SET, DEMO_SERVED_INDICATOR } from './demo-seed.ts';

export const resultsModule = defineModule<ResultsTables, 'gazetteer'>({
  name: 'results',
  tags: [
    {
      name: 'results',
      description: 'Results frameworks, indicators, data sets, figures and their roll-ups over the tree.',
    },
  ],
  tables: [...RESULTS_TABLE_NAMES],
  migrations: new URL('./migrations/', import.meta.url),
  errors: RESULTS_ERRORS,
  permissions: RESULTS_PERMISSIONS,
  grants: {
    national_officer: ['results.value.enter', 'results.analytics.read', 'results.data.approve'],
    provincial_officer: ['results.value.enter', 'results.analytics.read', 'results.data.approve'],
    district_officer: ['results.value.enter', 'results.analytics.read', 'results.data.approve'],
    commune_clerk: ['results.value.enter', 'results.analytics.read'],
    council_member: ['results.analytics.read'],
  },
  requires: ['gazetteer'],
  routes: (ctx) => resultsRoutes(ctx),
  seedDemo: (ctx) => seedResultsDemo(ctx),
});
