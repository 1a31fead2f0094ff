/**
 * Signing in and out, and one's own account: who am I, change my password. Every change runs
 * in a transaction together with its audit record.
 */
import type { Actor } from '../../platform/actor.ts';
import type { AccessContext } from './access.context.ts';
import { fail } from './access.errors.ts';
import {
  activeAssignments,
  findPasswordHash,
  findUserById,
  findUserForSignIn,
  updatePassword,
} from './access.queries.ts';
import { normaliseLogin } from './logins.ts';
import { checkPasswordPolicy, hashPassword, verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { newSecret, sha256 } from './secrets.ts';
import { revokeAllTokens } from './api-tokens.service.ts';
import { endSession, insertSession, revokeUserSessions } from './sessions.queries.ts';
import { forgiveSignInAttempt, reserveSignInAttempt } from './sign-in-throttle.ts';

export interface SignInInput {
  login: string;
  password: string;
  /** The client's address (the throttle's second key) and browser, stored with the session. */
  ip: string;
  userAgent: string | null;
}

/** One account with its active role assignments (404 for an unknown id). */
export async function userWithAssignments(ctx: AccessContext, userId: number) {
  const user = await findUserById(ctx.db, userId);
  if (!user) throw fail('access.user.not_found');
  return { ...user, assignments: await activeAssignments(ctx.db, userId) };
}

/** Checks the password (throttled per login and per address) and opens a session. */
export async function signIn(ctx: AccessContext, actor: Actor, input: SignInInput) {
  const login = normaliseLogin(input.login);
  const loginKey = login?.value ?? input.login.trim().toLowerCase().slice(0, 254);
  // Whoever signs in is recorded by the login they typed.
  const signer: Actor = { ...actor, audit: { ...actor.audit, actorLogin: loginKey } };

  const waitSeconds = await ctx.inTransaction((trx) => reserveSignInAttempt(trx, loginKey, input.ip));
  if (waitSeconds > 0) {
    await ctx.inTransaction((trx) =>
      ctx.audit.write(trx, signer, {
        action: 'auth.sign_in.throttled',
        entityType: 'access.login',
        entityId: loginKey,
      }),
    );
    throw fail('auth.sign_in.throttled', `Retry after ${waitSeconds} seconds.`);
  }

  const user = login ? await findUserForSignIn(ctx.db, login.kind, login.value) : undefined;
  const passwordOk = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);
  if (!user || !passwordOk || !user.isActive) {
    await ctx.inTransaction((trx) =>
      ctx.audit.write(trx, signer, {
        action: 'auth.sign_in.failed',
        entityType: 'access.login',
        entityId: loginKey,
      }),
    );
    throw fail('auth.sign_in.failed');
  }

  return ctx.inTransaction(async (trx) => {
    await forgiveSignInAttempt(trx, loginKey, input.ip);
    const session = await openSession(ctx, trx, signer, user.id, input);
    return { session, userId: user.id };
  });
}

/**
 * Opens a session for a person whose identity is settled (a password checked here, or a
 * national identity provider's answer, oidc.service.ts), with its audit record, in the
 * caller's transaction.
 */
export async function openSession(
  ctx: AccessContext,
  trx: Parameters<Parameters<AccessContext['inTransaction']>[0]>[0],
  signer: Actor,
  userId: number,
  client: { ip: string; userAgent: string | null },
  action = 'auth.sign_in',
): Promise<{ token: string; csrfToken: string }> {
  const token = newSecret();
  const csrfToken = newSecret(24);
  await insertSession(trx, {
    idHash: sha256(token),
    userId,
    csrfToken,
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
  });
  await ctx.audit.write(
    trx,
    { ...signer, audit: { ...signer.audit, actorUserId: userId } },
    { action, entityType: 'access.user', entityId: String(userId) },
  );
  return { token, csrfToken };
}

/** Ends the actor's session (nothing for a token or no session). */
export async function signOut(ctx: AccessContext, actor: Actor): Promise<void> {
  const sessionId = actor.principal?.sessionId;
  if (!sessionId) return;
  await ctx.inTransaction(async (trx) => {
    await endSession(trx, sessionId);
    await ctx.audit.write(trx, actor, {
      action: 'auth.sign_out',
      entityType: 'access.user',
      entityId: String(actor.principal?.userId),
    });
  });
}

/**
 * Signs the person out of every session (this one included) and revokes every API token:
 * for a lost phone, a shared computer, a token that may have leaked.
 */
export async function signOutEverywhere(
  ctx: AccessContext,
  actor: Actor,
): Promise<{ tokensRevoked: number }> {
  const principal = actor.principal;
  if (!principal) throw fail('auth.unauthenticated');
  return ctx.inTransaction(async (trx) => {
    await revokeUserSessions(trx, principal.userId);
    const tokensRevoked = await revokeAllTokens(ctx, trx, actor, {
      userId: principal.userId,
      reason: 'sign_out_everywhere',
    });
    await ctx.audit.write(trx, actor, {
      action: 'auth.sign_out_everywhere',
      entityType: 'access.user',
      entityId: String(principal.userId),
      after: { tokensRevoked },
    });
    return { tokensRevoked };
  });
}

/** The actor changes their own password; their other sessions end. */
export async function changeOwnPassword(
  ctx: AccessContext,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const principal = actor.principal;
  if (!principal) throw fail('auth.unauthenticated');
  const stored = await findPasswordHash(ctx.db, principal.userId);
  if (!stored || !(await verifyPassword(stored.passwordHash, input.currentPassword))) {
    throw fail('access.password.current_wrong');
  }
  checkPasswordPolicy(input.newPassword);
  if (input.newPassword === input.currentPassword) throw fail('access.password.unchanged');
  const hash = await hashPassword(input.newPassword);
  await ctx.inTransaction(async (trx) => {
    await updatePassword(trx, principal.userId, hash, false);
    await revokeUserSessions(trx, principal.userId, principal.sessionId);
    await ctx.audit.write(trx, actor, {
      action: 'access.user.password_change',
      entityType: 'access.user',
      entityId: String(principal.userId),
    });
  });
}
