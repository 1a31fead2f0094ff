/**
 * access: who may do what, where. Accounts (e-mail or phone and an argon2id password),
 * sessions in the database, API tokens, sign-in throttling, roles that bundle permissions,
 * and role assignments at units of the administrative tree. The enforcement itself lives in
 * platform/auth; this module provides the `authenticator` port it uses, and writes the
 * built-in roles with the grants every module's manifest declares.
 */
import { defineModule } from '../../platform/module.ts';
import { ACCESS_ERRORS } from './access.errors.ts';
import type { AccessTables } from './access.tables.ts';
import { accessRoutes } from './access.routes.ts';
import { syncRolesAndPermissions } from './roles.service.ts';
import { createAuthenticator } from './authenticator.ts';
import { seedAccessDemo } from './demo-seed.ts';
import { accessJobs } from './expired-purge.job.ts';
import { ACCESS_PERMISSIONS } from './roles.ts';

export type { AccessTables } from './access.tables.ts';
export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-seed.ts';
export { BUILT_IN_ROLES } from './roles.ts';
export { ARGON2_OPTIONS, hashPassword, verifyPassword } from './passwords.ts';
/** The first national administrator, created by `npm run admin:create` (api/src/cli/). */
export { createFirstAdministrator } from './first-admin.service.ts';
export type { AccessContext } from './access.context.ts';

export const accessModule = defineModule<AccessTables, 'gazetteer' | 'notifications'>({
  name: 'access',
  tags: [
    { name: 'auth', description: 'Signing in and out; one’s own account and API tokens.' },
    { name: 'access', description: 'Roles, accounts and role assignments at units of the tree.' },
  ],
  tables: [
    'access_permission',
    'access_role',
    'access_role_permission',
    'access_user',
    'access_assignment',
    'access_session',
    'access_api_token',
    'access_sign_in_throttle',
    'access_oidc_identity',
    'access_oidc_pending',
    'access_phone_code',
  ],
  migrations: new URL('./migrations/', import.meta.url),
  errors: ACCESS_ERRORS,
  permissions: ACCESS_PERMISSIONS,
  grants: {
    national_officer: ['access.user.read'],
    provincial_officer: ['access.user.read', 'access.user.manage', 'access.assignment.manage'],
    district_officer: ['access.user.read'],
    commune_clerk: ['access.user.read'],
    auditor: ['access.user.read'],
  },
  // notifications: the one-time codes of citizens' sign-up and recovery go out by SMS.
  requires: ['gazetteer', 'notifications'],
  provides: (ctx) => ({ authenticator: createAuthenticator(ctx.db) }),
  routes: accessRoutes,
  routePrefix: '',
  syncReferenceData: syncRolesAndPermissions,
  // After the gazetteer's seed: the demo accounts sit at its units.
  seedDemo: seedAccessDemo,
  // Ended sessions and stale national sign-ins, every night (expired-purge.job.ts).
  jobs: accessJobs,
});
