/** SQL of the national login (oidc.service.ts). */
import { sql } from 'kysely';
import type { AccessDb } from './access.queries.ts';

export function insertPendingSignIn(
  db: AccessDb,
  row: { state: string; codeVerifier: string; nonce: string; nextPath: string; minutes: number },
) {
  return db
    .insertInto('access_oidc_pending')
    .values({
      state: row.state,
      code_verifier: row.codeVerifier,
      nonce: row.nonce,
      next_path: row.nextPath,
      expires_at: sql<Date>`now() + make_interval(mins => ${row.minutes})`,
    })
    .execute();
}

/** Takes the sign-in under way for this state (once: it is deleted), if it has not expired. */
export async function takePendingSignIn(db: AccessDb, state: string) {
  // Old ones go at the same time: abandoned sign-ins leave nothing behind for long.
  await db
    .deleteFrom('access_oidc_pending')
    .where('expires_at', '<', sql<Date>`now()`)
    .execute();
  return db
    .deleteFrom('access_oidc_pending')
    .where('state', '=', state)
    .returning(['code_verifier as codeVerifier', 'nonce', 'next_path as nextPath'])
    .executeTakeFirst();
}

export function findLinkedUser(db: AccessDb, issuer: string, subject: string) {
  return db
    .selectFrom('access_oidc_identity as i')
    .innerJoin('access_user as u', 'u.id', 'i.user_id')
    .select(['u.id', 'u.is_active as isActive'])
    .where('i.issuer', '=', issuer)
    .where('i.subject', '=', subject)
    .executeTakeFirst();
}

export function findUserByPhone(db: AccessDb, phone: string) {
  return db
    .selectFrom('access_user')
    .select(['id', 'is_active as isActive'])
    .where('phone', '=', phone)
    .executeTakeFirst();
}

export function linkIdentity(db: AccessDb, row: { issuer: string; subject: string; userId: number }) {
  return db
    .insertInto('access_oidc_identity')
    .values({ issuer: row.issuer, subject: row.subject, user_id: row.userId })
    .execute();
}
