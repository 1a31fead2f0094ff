/**
 * Turns a request's credentials (the session cookie, or a bearer token) into a principal:
 * the user and their active role assignments with the permissions each brings.
 */
import type { FastifyRequest } from 'fastify';
import type { Authenticator, Principal } from '../../platform/auth/principal.ts';
import { activeAssignments, findUserById, type AccessDb } from './access.queries.ts';
import { findLiveToken } from './api-tokens.queries.ts';
import { sha256 } from './secrets.ts';
import { findLiveSession } from './sessions.queries.ts';
import { SESSION_COOKIE } from './sessions.ts';

export function loginOf(user: { email: string | null; phone: string | null }): string {
  return user.email ?? user.phone ?? '';
}

export async function loadPrincipal(
  db: AccessDb,
  userId: number,
  via: Principal['via'],
  session?: { idHash: string; csrfToken: string },
): Promise<Principal | null> {
  const user = await findUserById(db, userId);
  if (!user || !user.isActive) return null;
  const assignments = await activeAssignments(db, userId);
  return {
    userId,
    login: loginOf(user),
    displayName: user.displayName,
    mustChangePassword: user.mustChangePassword,
    via,
    ...(session ? { sessionId: session.idHash, csrfToken: session.csrfToken } : {}),
    assignments: assignments.map((assignment) => ({
      id: assignment.id,
      roleCode: assignment.roleCode,
      unitCode: assignment.unitCode,
      permissions: new Set(assignment.permissions),
    })),
  };
}

export function createAuthenticator(db: AccessDb): Authenticator {
  return {
    async authenticate(request: FastifyRequest) {
      const header = request.headers.authorization;
      if (header) {
        // A request that presents a token is judged by that token alone, never by a cookie.
        const match = /^Bearer\s+(\S+)$/i.exec(header);
        if (!match?.[1]) return null;
        const token = await findLiveToken(db, sha256(match[1]));
        return token ? loadPrincipal(db, token.userId, 'token') : null;
      }
      const cookie = request.cookies[SESSION_COOKIE];
      if (!cookie) return null;
      const session = await findLiveSession(db, sha256(cookie));
      return session ? loadPrincipal(db, session.userId, 'session', session) : null;
    },
  };
}
