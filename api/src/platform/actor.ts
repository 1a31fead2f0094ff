/**
 * Who acts, as services see it: the person (if any), the role assignment that allowed the
 * change, and the request it came in (for the audit record). Routes build it from the request
 * with `actorOf`; a seed, a command-line entry or a job uses `SYSTEM_ACTOR` (or `cliActor`).
 * A service never sees a Fastify request, only an Actor.
 */
import type { FastifyRequest } from 'fastify';
import { auditActor, type AuditActor } from './audit/audit-context.ts';
import type { Principal } from './auth/principal.ts';

export interface Actor {
  /** The part of every audit record that says who, under which assignment, from which request. */
  audit: AuditActor;
  userId: number | null;
  /** The signed-in caller with their assignments; null for anonymous callers and the system. */
  principal: Principal | null;
}

export function actorOf(request: FastifyRequest): Actor {
  return {
    audit: auditActor(request),
    userId: request.principal?.userId ?? null,
    principal: request.principal ?? null,
  };
}

/** The demo seed, start-up work and jobs: no person, no request. */
export const SYSTEM_ACTOR: Actor = {
  audit: { actorUserId: null, actorLogin: 'system', assignmentId: null, requestId: null, ip: null },
  userId: null,
  principal: null,
};

/** A command-line entry run by an operator on the server (the import, the migration). */
export function cliActor(login: string): Actor {
  return { ...SYSTEM_ACTOR, audit: { ...SYSTEM_ACTOR.audit, actorLogin: login } };
}
