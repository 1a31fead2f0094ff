/**
 * Role assignments: giving a role at a unit (inside the administrator's scope, never more
 * than they hold there) and withdrawing one. Each change runs in a transaction together with
 * its audit record, recorded against the account so that its history shows every role.
 */
import type { Actor } from '../../platform/actor.ts';
import type { AccessContext } from './access.context.ts';
import { fail } from './access.errors.ts';
import {
  activeAssignments,
  findAssignment,
  findLiveAssignment,
  findRole,
  findUserById,
  insertAssignment,
  markAssignmentRevoked,
  rolePermissions,
} from './access.queries.ts';
import type { GrantBody } from './access.schemas.ts';
import { assignmentHolding } from './scope.ts';
import { requireUnit } from './users.service.ts';

/** The unit of a live assignment, for the access check of the route that withdraws it. */
export async function unitOfAssignment(ctx: AccessContext, assignmentId: number): Promise<string | null> {
  const assignment = await findAssignment(ctx.db, assignmentId);
  if (!assignment || assignment.revokedAt) throw fail('access.assignment.not_found');
  return assignment.unitCode;
}

function assignableAt(role: { assignable_at: string }, unitCode: string | null): boolean {
  if (role.assignable_at === 'any') return true;
  if (role.assignable_at === 'root') return unitCode === null;
  return unitCode !== null && unitCode.length === Number(role.assignable_at) * 2;
}

export async function grantRole(ctx: AccessContext, actor: Actor, input: GrantBody & { userId: number }) {
  const { userId } = input;
  const role = await findRole(ctx.db, input.roleCode);
  if (!role) throw fail('access.role.not_found', { title: `There is no role ${input.roleCode}.` });
  await requireUnit(ctx, input.unitCode);
  if (!assignableAt(role, input.unitCode)) {
    throw fail('access.assignment.wrong_level', {
      title: `The role ${role.code} cannot be given at this level of the tree.`,
    });
  }
  // The assignment's own unit must be inside the administrator's scope…
  const using = await assignmentHolding(ctx, actor, 'access.assignment.manage', input.unitCode);
  if (!using) throw fail('access.assignment.out_of_scope');
  // …and nobody can hand out more than they hold there (no escalation).
  for (const permission of await rolePermissions(ctx.db, role.code)) {
    if (!(await assignmentHolding(ctx, actor, permission, input.unitCode))) {
      throw fail('access.assignment.escalation', {
        title: `You cannot give a role with the permission ${permission}, which you do not hold there.`,
      });
    }
  }
  return ctx.inTransaction(async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user) throw fail('access.user.not_found');
    if (await findLiveAssignment(trx, userId, role.code, input.unitCode))
      throw fail('access.assignment.exists');
    const created = await insertAssignment(trx, {
      userId,
      roleCode: role.code,
      unitCode: input.unitCode,
      createdBy: actor.userId,
    });
    // The audit record names the assignment that allowed the grant.
    await ctx.audit.write(
      trx,
      { ...actor, audit: { ...actor.audit, assignmentId: using.id } },
      {
        action: 'access.assignment.grant',
        // Recorded against the account, so that its history shows every role it was given.
        entityType: 'access.user',
        entityId: String(userId),
        unitCode: user.homeUnitCode,
        after: { assignment: created },
      },
    );
    return { ...user, assignments: await activeAssignments(trx, userId) };
  });
}

export async function revokeRole(
  ctx: AccessContext,
  actor: Actor,
  input: { assignmentId: number },
): Promise<void> {
  await ctx.inTransaction(async (trx) => {
    const before = await findAssignment(trx, input.assignmentId);
    if (!before || before.revokedAt) throw fail('access.assignment.not_found');
    if (before.userId === actor.userId && before.roleCode === 'national_admin') {
      throw fail('access.assignment.cannot_revoke_own_admin');
    }
    await markAssignmentRevoked(trx, input.assignmentId, actor.userId);
    await ctx.audit.write(trx, actor, {
      action: 'access.assignment.revoke',
      entityType: 'access.user',
      entityId: String(before.userId),
      unitCode: (await findUserById(trx, before.userId))?.homeUnitCode ?? null,
      before: { assignment: before },
    });
  });
}
