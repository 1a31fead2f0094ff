/**
 * Who is calling, as the access layer sees it: a signed-in user with role assignments, each
 * at a unit of the administrative tree (null = the root, national) and bringing the
 * permissions of its role. The platform knows nothing of how users are stored; the access
 * module loads principals and hands them over through `Authenticator`.
 */
import type { FastifyRequest } from 'fastify';

export interface PrincipalAssignment {
  id: number;
  roleCode: string;
  /** The unit whose subtree this assignment covers; null for a national assignment. */
  unitCode: string | null;
  permissions: ReadonlySet<string>;
}

export interface Principal {
  userId: number;
  login: string;
  displayName: string;
  assignments: readonly PrincipalAssignment[];
  /** After an administrator's reset: only the own-account routes work until the password is changed. */
  mustChangePassword: boolean;
  /** How the request proved who it is: a session cookie (needs CSRF on writes) or a bearer token. */
  via: 'session' | 'token';
  sessionId?: string;
  csrfToken?: string;
}

export interface Authenticator {
  /** The principal of this request, or null when it carries no valid credentials. */
  authenticate(request: FastifyRequest): Promise<Principal | null>;
}

/** Answers tree questions for the access layer (implemented by the gazetteer). */
export interface Jurisdiction {
  isUnitWithin(unitCode: string, scopeCode: string): Promise<boolean>;
}
