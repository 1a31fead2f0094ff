/** Kysely functions over access_session: (db, args) -> rows, no rules. */
import { sql } from 'kysely';
import type { AccessDb } from './access.queries.ts';
import { SESSION_POLICY } from './sessions.ts';

export async function insertSession(
  db: AccessDb,
  session: { idHash: string; userId: number; csrfToken: string; ip: string | null; userAgent: string | null },
): Promise<void> {
  await db
    .insertInto('access_session')
    .values({
      id_hash: session.idHash,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      expires_at: sql<Date>`now() + make_interval(mins => ${SESSION_POLICY.maxMinutes})`,
      ip: session.ip,
      user_agent: session.userAgent,
    })
    .execute();
}

/** The live session whose cookie value hashes to `idHash`, refreshing its idle clock. */
export async function findLiveSession(db: AccessDb, idHash: string) {
  const session = await db
    .selectFrom('access_session')
    .innerJoin('access_user', 'access_user.id', 'access_session.user_id')
    .select([
      'access_session.id_hash as idHash',
      'access_session.user_id as userId',
      'access_session.csrf_token as csrfToken',
      sql<boolean>`access_session.last_seen_at < now() - make_interval(secs => ${SESSION_POLICY.touchEverySeconds})`.as(
        'stale',
      ),
    ])
    .where('access_session.id_hash', '=', idHash)
    .where('access_session.revoked_at', 'is', null)
    .where('access_session.expires_at', '>', sql<Date>`now()`)
    .where(
      'access_session.last_seen_at',
      '>',
      sql<Date>`now() - make_interval(mins => ${SESSION_POLICY.idleMinutes})`,
    )
    .where('access_user.is_active', '=', true)
    .executeTakeFirst();
  if (session?.stale) {
    await db
      .updateTable('access_session')
      .set({ last_seen_at: sql`now()` })
      .where('id_hash', '=', session.idHash)
      .execute();
  }
  return session;
}

/** Sign-out: the session ends now. */
export async function endSession(db: AccessDb, idHash: string): Promise<void> {
  await db
    .updateTable('access_session')
    .set({ revoked_at: sql`now()` })
    .where('id_hash', '=', idHash)
    .execute();
}

/** After a password change or reset: every session of the user ends (but the one kept). */
export async function revokeUserSessions(db: AccessDb, userId: number, except?: string): Promise<void> {
  let query = db
    .updateTable('access_session')
    .set({ revoked_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (except) query = query.where('id_hash', '<>', except);
  await query.execute();
}
