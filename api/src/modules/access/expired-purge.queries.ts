/** The SQL of the access module's purge of expired rows (expired-purge.job.ts). */
import { sql, type Kysely } from 'kysely';
import type { AccessTables } from './access.tables.ts';

type Db = Kysely<AccessTables>;

/**
 * Sessions that ended (expired or signed out) more than `keepDays` days ago: a session is a
 * credential, and once over it only says from where someone signed in, which the audit trail
 * keeps. National sign-ins under way (state, PKCE verifier, nonce) past their ten minutes.
 */
export async function purgeEndedRows(
  db: Db,
  keepDays: number,
): Promise<{ sessions: number; pendingSignIns: number }> {
  const cutoff = sql<Date>`now() - make_interval(days => ${keepDays})`;
  const sessions = await db
    .deleteFrom('access_session')
    .where((eb) => eb.or([eb('expires_at', '<', cutoff), eb('revoked_at', '<', cutoff)]))
    .executeTakeFirst();
  const pending = await db
    .deleteFrom('access_oidc_pending')
    .where('expires_at', '<', sql<Date>`now()`)
    .executeTakeFirst();
  return { sessions: Number(sessions.numDeletedRows), pendingSignIns: Number(pending.numDeletedRows) };
}
