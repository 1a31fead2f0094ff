/**
 * Sessions live in the database so that every API process knows them. The cookie holds a
 * random value; the table holds its sha256. A session ends at sign-out, after an absolute
 * lifetime, or after a period without use (idle timeout), whichever comes first. Here: the
 * policy and the cookie (HTTP); the SQL is in sessions.queries.ts.
 */
import type { FastifyReply } from 'fastify';

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
