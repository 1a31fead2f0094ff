/**
 * Sessions live in the database so that every API process knows them. The cookie holds a
 * random value; the table holds its sha256. A session ends at sign-out, after an absolute
 * lifetime, or after a period without use (idle timeout), whichever comes first.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { AccessDb } from './access.queries.ts';
import { newSecret, sha256 } from './secrets.ts';

export const SESSION_COOKIE = 'sndd_session';

const minutes = (value: string | undefined, fallback: number) => {
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
};
export const SESSION_POLICY = {
  idleMinutes: minutes(process.env.SESSION_IDLE_MINUTES, 30),
  maxMinutes: minutes(process.env.SESSION_MAX_HOURS, 12) * 60,
  /** last_seen_at is refreshed at most this often, to spare a write per request. */
  touchEverySeconds: 60,
};

export async function createSession(db: AccessDb, userId: number, request: FastifyRequest) {
  const token = newSecret();
  const csrfToken = newSecret(24);
  await db
    .insertInto('access_session')
    .values({
      id_hash: sha256(token),
      user_id: userId,
      csrf_token: csrfToken,
      expires_at: sql<Date>`now() + make_interval(mins => ${SESSION_POLICY.maxMinutes})`,
      ip: request.ip,
      user_agent: request.headers['user-agent']?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken, idHash: sha256(token) };
}

export function setSessionCookie(reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    // Secure whenever the request came over HTTPS (directly or through the load balancer);
    // plain HTTP only happens on a laptop or a training network.
    secure: 'auto',
    path: '/',
    maxAge: SESSION_POLICY.maxMinutes * 60,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** The live session for a cookie value, refreshing its idle clock. */
export async function findLiveSession(db: AccessDb, token: string) {
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
    .where('access_session.id_hash', '=', sha256(token))
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

export async function revokeSession(db: AccessDb, idHash: string): Promise<void> {
  await db
    .updateTable('access_session')
    .set({ revoked_at: sql`now()` })
    .where('id_hash', '=', idHash)
    .where('revoked_at', 'is', null)
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
