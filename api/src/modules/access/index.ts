/**
 * access: who may do what, where. Accounts (e-mail or phone and an argon2id password),
 * sessions in the database, API tokens, sign-in throttling, roles that bundle permissions,
 * and role assignments at units of the administrative tree. The enforcement itself lives in
 * platform/auth; this module supplies the authenticator and the data.
 */
import type { Kysely } from 'kysely';
import type { Authenticator } from '../../platform/auth/principal.ts';
import type { ModuleManifest } from '../../platform/module.ts';
import { tablesOf } from '../../platform/db/tables-of.ts';
import type { AccessTables } from './access.tables.ts';
import { accessRoutes } from './access.routes.ts';
import { syncRolesAndPermissions } from './access.service.ts';
import { createAuthenticator } from './authenticator.ts';
import { seedAccessDemo } from './demo-seed.ts';
import { ACCESS_PERMISSIONS } from './roles.ts';

export type { AccessTables } from './access.tables.ts';
export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-seed.ts';
export { BUILT_IN_ROLES } from './roles.ts';
export { ARGON2_OPTIONS, hashPassword, verifyPassword } from './passwords.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const accessAuthenticator = (db: Kysely<any>): Authenticator =>
  createAuthenticator(tablesOf<AccessTables>(db));

export const accessModule: ModuleManifest = {
  name: 'access',
  migrations: new URL('./migrations/', import.meta.url),
  routes: accessRoutes,
  routePrefix: '',
  permissions: ACCESS_PERMISSIONS,
  syncReferenceData: syncRolesAndPermissions,
  seedDemo: seedAccessDemo,
};
