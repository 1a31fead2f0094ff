/**
 * operations: what an operator of the platform sees of its running, beyond /api/health and
 * /api/metrics: the background jobs that failed (the dead-letter list of platform/jobs) and
 * their retry. It owns no table: the jobs are pg-boss's, read through platform/jobs.
 */
import { defineModule, type NoTables } from '../../platform/module.ts';
import { jobRoutes } from './jobs.routes.ts';
import { OPERATIONS_ERRORS } from './operations.errors.ts';
import { OPERATIONS_PERMISSIONS } from './permissions.ts';

export const operationsModule = defineModule<NoTables>({
  name: 'operations',
  tags: [{ name: 'operations', description: 'Running the platform: background jobs that failed.' }],
  tables: [],
  errors: OPERATIONS_ERRORS,
  permissions: OPERATIONS_PERMISSIONS,
  // national_admin holds every permission; no other role runs the platform.
  grants: {},
  routes: jobRoutes,
  routePrefix: 'jobs',
});
