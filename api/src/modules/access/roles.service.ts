/**
 * Roles and permissions: written from the manifests at every start (every module's
 * permissions, the built-in roles with the grants each manifest declares), and listed.
 */
import {
  permissionsGrantedTo,
  type ModuleManifest,
  type PermissionDefinition,
} from '../../platform/module.ts';
import type { AccessContext } from './access.context.ts';
import {
  listRolesWithPermissions,
  replaceRolePermissions,
  selectPermissions,
  upsertBuiltInRole,
  upsertPermissions,
} from './access.queries.ts';
import { BUILT_IN_ROLES } from './roles.ts';

/**
 * Writes every module's permissions and the built-in roles (idempotent, at every start). What
 * is stored is read first (two queries) and nothing is written when it is already what the
 * manifests say, as on every start after the first.
 */
export async function syncRolesAndPermissions(
  ctx: AccessContext,
  modules: readonly ModuleManifest[],
): Promise<void> {
  const permissions = modules.flatMap((module) => module.permissions ?? []);
  const allCodes = permissions.map((permission) => permission.code);
  const grants = BUILT_IN_ROLES.map((role) => ({
    role,
    wanted:
      role.permissions === '*'
        ? allCodes
        : permissionsGrantedTo(modules, role.code).filter((code) => allCodes.includes(code)),
  }));
  if (await alreadyInSync(ctx, permissions, grants)) return;
  await upsertPermissions(
    ctx.db,
    permissions.map((permission) => ({ ...permission, module: permission.code.split('.')[0] ?? '' })),
  );
  for (const { role, wanted } of grants) {
    await upsertBuiltInRole(ctx.db, role);
    await replaceRolePermissions(ctx.db, role.code, wanted);
  }
}

/** Would the sync change nothing? Every permission and built-in role stored as the manifests say. */
async function alreadyInSync(
  ctx: AccessContext,
  permissions: readonly PermissionDefinition[],
  grants: readonly { role: (typeof BUILT_IN_ROLES)[number]; wanted: readonly string[] }[],
): Promise<boolean> {
  const stored = new Map((await selectPermissions(ctx.db)).map((row) => [row.code, row]));
  for (const permission of permissions) {
    const row = stored.get(permission.code);
    if (row?.descriptionEn !== permission.descriptionEn || row.descriptionKm !== permission.descriptionKm)
      return false;
  }
  const roles = new Map((await listRolesWithPermissions(ctx.db)).map((row) => [row.code, row]));
  const sorted = (codes: readonly string[]) => [...new Set(codes)].sort().join(' ');
  return grants.every(({ role, wanted }) => {
    const row = roles.get(role.code);
    return (
      row !== undefined &&
      row.isBuiltin &&
      row.nameKm === role.nameKm &&
      row.nameEn === role.nameEn &&
      row.descriptionEn === role.descriptionEn &&
      row.assignableAt === role.assignableAt &&
      sorted(row.permissions) === sorted(wanted) &&
      row.permissions.length === new Set(wanted).size
    );
  });
}

/** Roles and the permissions they bundle. */
export function listRoles(ctx: AccessContext) {
  return listRolesWithPermissions(ctx.db);
}
