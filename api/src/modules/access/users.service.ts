/**
 * The administration of accounts inside the administrator's own scope: list, read, create,
 * change (rename, move, disable, enable) and reset a password. Every change runs in a
 * transaction together with its audit record.
 */
import type { Actor } from '../../platform/actor.ts';
import { forbidden } from '../../platform/auth/access-control.ts';
import { fetchPage, type PageResult } from '../../platform/http/paging.ts';
import type { AccessContext } from './access.context.ts';
import { fail } from './access.errors.ts';
import {
  activeAssignments,
  findUserById,
  findUserWithLogins,
  insertUser,
  selectUsers,
  updatePassword,
  updateUserFields,
  type AccessDb,
  type UnitCodesQuery,
} from './access.queries.ts';
import type { CreateUserBody, UpdateUserBody, UserListQuery } from './access.schemas.ts';
import { normaliseLogin } from './logins.ts';
import { checkPasswordPolicy, hashPassword } from './passwords.ts';
import { assignmentHolding } from './scope.ts';
import { revokeAllTokens } from './api-tokens.service.ts';
import { revokeUserSessions } from './sessions.queries.ts';

export { userWithAssignments } from './sign-in.service.ts';

/** The unit an account belongs to, for the access check of routes that name an account. */
export async function unitOfUser(ctx: AccessContext, userId: number): Promise<string | null> {
  const user = await findUserById(ctx.db, userId);
  if (!user) throw fail('access.user.not_found');
  return user.homeUnitCode;
}

/** A unit an account or an assignment names must exist (null: national). */
export async function requireUnit(ctx: AccessContext, unitCode: string | null): Promise<void> {
  if (unitCode !== null && !(await ctx.ports.gazetteer.unitExists(ctx.db, unitCode))) {
    throw ctx.ports.gazetteer.unknownUnit(unitCode);
  }
}

/**
 * Accounts whose home unit lies in `scope` (the subtrees the route's access check found the
 * caller may see, or 'all'); national accounts are visible to national callers only.
 */
export function listUsers(
  ctx: AccessContext,
  input: UserListQuery & { scope: 'all' | string[] },
): Promise<PageResult<unknown>> {
  const subtree = (codes: string[]) =>
    ctx.ports.gazetteer.subtreeCodesQuery(ctx.db, codes) as unknown as UnitCodesQuery;
  const inUnits: UnitCodesQuery[] = [];
  if (input.scope !== 'all') inUnits.push(subtree(input.scope));
  if (input.within) inUnits.push(subtree([input.within]));
  return fetchPage(selectUsers(ctx.db, { inUnits, active: input.active, q: input.q }), {
    page: input.page,
    pageSize: input.pageSize,
    sort: input.sort,
    columns: {
      displayName: 'access_user.display_name',
      createdAt: 'access_user.created_at',
      id: 'access_user.id',
    },
    tieBreak: 'access_user.id',
  });
}

function loginsOf(input: { email?: string | undefined; phone?: string | undefined }) {
  const email = input.email ? normaliseLogin(input.email) : null;
  const phone = input.phone ? normaliseLogin(input.phone) : null;
  if (input.email && email?.kind !== 'email') throw fail('access.user.email_invalid');
  if (input.phone && phone?.kind !== 'phone') throw fail('access.user.phone_invalid');
  if (!email && !phone) throw fail('access.user.login_missing');
  return { email: email?.value ?? null, phone: phone?.value ?? null };
}

async function ensureLoginFree(
  db: AccessDb,
  logins: { email: string | null; phone: string | null },
  exceptId?: number,
) {
  if (await findUserWithLogins(db, logins, exceptId)) throw fail('access.user.login_taken');
}

export async function createUser(ctx: AccessContext, actor: Actor, input: CreateUserBody) {
  const logins = loginsOf(input);
  await requireUnit(ctx, input.homeUnitCode);
  checkPasswordPolicy(input.password);
  const hash = await hashPassword(input.password);
  return ctx.inTransaction(async (trx) => {
    await ensureLoginFree(trx, logins);
    const id = await insertUser(trx, {
      ...logins,
      displayName: input.displayName.trim(),
      homeUnitCode: input.homeUnitCode,
      passwordHash: hash,
      mustChangePassword: true,
    });
    const user = await findUserById(trx, id);
    await ctx.audit.write(trx, actor, {
      action: 'access.user.create',
      entityType: 'access.user',
      entityId: String(id),
      unitCode: input.homeUnitCode,
      after: user,
    });
    return { ...user!, assignments: [] };
  });
}

export async function updateUser(
  ctx: AccessContext,
  actor: Actor,
  input: UpdateUserBody & { userId: number },
) {
  const { userId } = input;
  if (input.homeUnitCode !== undefined) {
    await requireUnit(ctx, input.homeUnitCode);
    // Moving an account to another unit needs the right there too.
    if (!(await assignmentHolding(ctx, actor, 'access.user.manage', input.homeUnitCode))) {
      throw forbidden(`Needs the permission access.user.manage at unit ${input.homeUnitCode ?? 'national'}.`);
    }
  }
  if (actor.userId === userId && input.isActive === false) throw fail('access.user.cannot_disable_self');
  return ctx.inTransaction(async (trx) => {
    const before = await findUserById(trx, userId);
    if (!before) throw fail('access.user.not_found');
    await updateUserFields(trx, userId, {
      ...(input.displayName !== undefined ? { displayName: input.displayName.trim() } : {}),
      ...(input.isActive !== undefined ? { isActive: input.isActive } : {}),
      ...(input.homeUnitCode !== undefined ? { homeUnitCode: input.homeUnitCode } : {}),
    });
    if (input.isActive === false) {
      await revokeUserSessions(trx, userId);
      await revokeAllTokens(ctx, trx, actor, { userId, reason: 'account_disabled' });
    }
    const after = await findUserById(trx, userId);
    await ctx.audit.write(trx, actor, {
      action: 'access.user.update',
      entityType: 'access.user',
      entityId: String(userId),
      unitCode: after?.homeUnitCode ?? null,
      before,
      after,
    });
    return { ...after!, assignments: await activeAssignments(trx, userId) };
  });
}

/** A new password the person must change at next sign-in; their sessions and tokens end. */
export async function resetPassword(
  ctx: AccessContext,
  actor: Actor,
  input: { userId: number; newPassword: string },
): Promise<void> {
  const { userId } = input;
  checkPasswordPolicy(input.newPassword);
  const hash = await hashPassword(input.newPassword);
  await ctx.inTransaction(async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user) throw fail('access.user.not_found');
    await updatePassword(trx, userId, hash, true);
    await revokeUserSessions(trx, userId);
    // The tokens go too: they would otherwise work again once the person sets a new password.
    await revokeAllTokens(ctx, trx, actor, { userId, reason: 'password_reset' });
    await ctx.audit.write(trx, actor, {
      action: 'access.user.password_reset',
      entityType: 'access.user',
      entityId: String(userId),
      unitCode: user.homeUnitCode,
    });
  });
}
