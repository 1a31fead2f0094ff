/**
 * Personal API tokens for machine clients (`Authorization: Bearer sndd_…`). Stored as a
 * sha256 hash, shown once, always with an expiry, revocable; a disabled user's tokens stop
 * working at once.
 */
import { sql } from 'kysely';
import type { AccessDb } from './access.queries.ts';
import { newSecret, sha256 } from './secrets.ts';

export const TOKEN_PREFIX = 'sndd_';
export const MAX_TOKEN_DAYS = 366;

export async function createApiToken(db: AccessDb, userId: number, name: string, expiresInDays: number) {
  const token = `${TOKEN_PREFIX}${newSecret()}`;
  const row = await db
    .insertInto('access_api_token')
    .values({
      user_id: userId,
      name,
      token_hash: sha256(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      expires_at: sql<Date>`now() + make_interval(days => ${expiresInDays})`,
    })
    .returning(['id', 'name', 'prefix', 'created_at as createdAt', 'expires_at as expiresAt'])
    .executeTakeFirstOrThrow();
  return { ...row, token };
}

export async function findLiveToken(db: AccessDb, token: string) {
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
    .where('access_api_token.token_hash', '=', sha256(token))
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
