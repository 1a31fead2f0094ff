/** Who may act where, as the access module's services ask it of the actor. */
import type { Actor } from '../../platform/actor.ts';
import type { PrincipalAssignment } from '../../platform/auth/principal.ts';
import type { AccessContext } from './access.context.ts';

/**
 * The actor's assignment that holds `permission` at `unitCode` (null: national), if any: a
 * national one, or one at the unit or above it. For a second unit in one request (the route's
 * access check has judged the first).
 */
export async function assignmentHolding(
  ctx: AccessContext,
  actor: Actor,
  permission: string,
  unitCode: string | null,
): Promise<PrincipalAssignment | undefined> {
  for (const assignment of actor.principal?.assignments ?? []) {
    if (!assignment.permissions.has(permission)) continue;
    if (assignment.unitCode === null) return assignment;
    if (unitCode !== null && (await ctx.ports.gazetteer.isUnitWithin(ctx.db, unitCode, assignment.unitCode)))
      return assignment;
  }
  return undefined;
}
