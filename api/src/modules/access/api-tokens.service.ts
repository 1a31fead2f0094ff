/**
 * Personal API tokens for machine clients (`Authorization: Bearer sndd_…`). Stored as a
 * sha256 hash, shown once, always with an expiry, revocable; a disabled user's tokens stop
 * working at once. Each is the actor's own: these services act on the signed-in caller.
 */
import type { Actor } from '../../platform/actor.ts';
import type { AccessContext } from './access.context.ts';
import { fail } from './access.errors.ts';
import type { AccessDb } from './access.queries.ts';
import { insertApiToken, listApiTokens, revokeApiToken, revokeUserTokens } from './api-tokens.queries.ts';
import { newSecret, sha256 } from './secrets.ts';

export const TOKEN_PREFIX = 'sndd_';
export const MAX_TOKEN_DAYS = 366;

function signedInUser(actor: Actor): number {
  if (actor.userId === null) throw fail('auth.unauthenticated');
  return actor.userId;
}

export function listOwnTokens(ctx: AccessContext, actor: Actor) {
  return listApiTokens(ctx.db, signedInUser(actor));
}

/** A new token (the only time its value is shown). */
export function createOwnToken(
  ctx: AccessContext,
  actor: Actor,
  input: { name: string; expiresInDays: number },
) {
  const userId = signedInUser(actor);
  // A password someone else set (a reset) or a first password is not yet the person's own: a
  // token minted now would outlive the change that makes the account theirs.
  if (actor.principal?.mustChangePassword) throw fail('auth.password.change_required');
  return ctx.inTransaction(async (trx) => {
    const token = `${TOKEN_PREFIX}${newSecret()}`;
    const row = await insertApiToken(trx, {
      userId,
      name: input.name.trim(),
      tokenHash: sha256(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      expiresInDays: input.expiresInDays,
    });
    await ctx.audit.write(trx, actor, {
      action: 'auth.token.create',
      entityType: 'access.api_token',
      entityId: String(row.id),
      after: { name: row.name, prefix: row.prefix, expiresAt: row.expiresAt },
    });
    return { ...row, token };
  });
}

export async function revokeOwnToken(ctx: AccessContext, actor: Actor, input: { id: number }): Promise<void> {
  const userId = signedInUser(actor);
  await ctx.inTransaction(async (trx) => {
    const revoked = await revokeApiToken(trx, userId, input.id);
    if (!revoked) throw fail('auth.token.not_found');
    await ctx.audit.write(trx, actor, {
      action: 'auth.token.revoke',
      entityType: 'access.api_token',
      entityId: String(revoked.id),
    });
  });
}

/**
 * Revokes every live token of a user in the caller's transaction, one audit record each: when
 * an administrator resets the password or disables the account, and when the person signs out
 * everywhere. `reason` says which, in the records.
 */
export async function revokeAllTokens(
  ctx: AccessContext,
  trx: AccessDb,
  actor: Actor,
  input: {
    userId: number;
    reason:
      'password_reset' | 'account_disabled' | 'sign_out_everywhere' | 'password_recovery' | 'account_deleted';
  },
): Promise<number> {
  const ids = await revokeUserTokens(trx, input.userId);
  await ctx.audit.writeMany(
    trx,
    actor,
    ids.map((id) => ({
      action: 'auth.token.revoke',
      entityType: 'access.api_token',
      entityId: String(id),
      after: { reason: input.reason, userId: input.userId },
    })),
  );
  return ids.length;
}
