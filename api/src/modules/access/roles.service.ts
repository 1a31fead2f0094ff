/**
 * Roles and permissions: written from the manifests at every start (every module's
 * permissions, the built-in roles with the grants each manifest declares), and listed.
 */
import { permissionsGrantedTo, type ModuleManifest } from '../../platform/module.ts';
import type { AccessContext } from './access.context.ts';
import {
  listRolesWithPermissions,
  replaceRolePermissions,
  upsertBuiltInRole,
  upsertPermissions,
} from './access.queries.ts';
import { BUILT_IN_ROLES } from './roles.ts';

/** Writes every module's permissions and the built-in roles (idempotent, at every start). */
export async function syncRolesAndPermissions(
  ctx: AccessContext,
  modules: readonly ModuleManifest[],
): Promise<void> {
  const permissions = modules.flatMap((module) => module.permissions ?? []);
  await upsertPermissions(
    ctx.db,
    permissions.map((permission) => ({ ...permission, module: permission.code.split('.')[0] ?? '' })),
  );
  const allCodes = permissions.map((permission) => permission.code);
  for (const role of BUILT_IN_ROLES) {
    await upsertBuiltInRole(ctx.db, role);
    const wanted =
      role.permissions === '*'
        ? allCodes
        : permissionsGrantedTo(modules, role.code).filter((code) => allCodes.includes(code));
    await replaceRolePermissions(ctx.db, role.code, wanted);
  }
}

/** Roles and the permissions they bundle. */
export function listRoles(ctx: AccessContext) {
  return listRolesWithPermissions(ctx.db);
}
