/**
 * Kysely functions over access_api_token: (db, args) -> rows, no rules. Tokens are stored as
 * a sha256 hash (the token itself is shown once, by api-tokens.service.ts).
 */
import { sql } from 'kysely';
import type { AccessDb } from './access.queries.ts';

export function insertApiToken(
  db: AccessDb,
  token: { userId: number; name: string; tokenHash: string; prefix: string; expiresInDays: number },
) {
  return db
    .insertInto('access_api_token')
    .values({
      user_id: token.userId,
      name: token.name,
      token_hash: token.tokenHash,
      prefix: token.prefix,
      expires_at: sql<Date>`now() + make_interval(days => ${token.expiresInDays})`,
    })
    .returning(['id', 'name', 'prefix', 'created_at as createdAt', 'expires_at as expiresAt'])
    .executeTakeFirstOrThrow();
}

/** The live token with this hash (of an active user), noting its use at most once a minute. */
export async function findLiveToken(db: AccessDb, tokenHash: string) {
  const row = await db
    .selectFrom('access_api_token')
    .innerJoin('access_user', 'access_user.id', 'access_api_token.user_id')
    .select([
      'access_api_token.id',
      'access_api_token.user_id as userId',
      sql<boolean>`access_api_token.last_used_at is null or access_api_token.last_used_at < now() - interval '1 minute'`.as(
        'stale',
      ),
    ])
    .where('access_api_token.token_hash', '=', tokenHash)
    .where('access_api_token.revoked_at', 'is', null)
    .where('access_api_token.expires_at', '>', sql<Date>`now()`)
    .where('access_user.is_active', '=', true)
    .executeTakeFirst();
  if (row?.stale) {
    await db
      .updateTable('access_api_token')
      .set({ last_used_at: sql`now()` })
      .where('id', '=', row.id)
      .execute();
  }
  return row;
}

export function listApiTokens(db: AccessDb, userId: number) {
  return db
    .selectFrom('access_api_token')
    .select([
      'id',
      'name',
      'prefix',
      'created_at as createdAt',
      'expires_at as expiresAt',
      'last_used_at as lastUsedAt',
      'revoked_at as revokedAt',
    ])
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .execute();
}

/** Revokes one of the user's live tokens; undefined when there is none with this id. */
export function revokeApiToken(db: AccessDb, userId: number, tokenId: number) {
  return db
    .updateTable('access_api_token')
    .set({ revoked_at: sql`now()` })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
}

/** Revokes every live token of the user; the ids revoked, for their audit records. */
export async function revokeUserTokens(db: AccessDb, userId: number): Promise<number[]> {
  const rows = await db
    .updateTable('access_api_token')
    .set({ revoked_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((row) => row.id).sort((a, b) => a - b);
}
