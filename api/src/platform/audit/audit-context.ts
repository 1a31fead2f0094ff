/**
 * Who did it, under which role assignment, in which request: the part of every audit record
 * that comes from the HTTP request rather than from the change itself.
 */
import type { FastifyRequest } from 'fastify';
import type { AuditEntry } from './audit.ts';

export type AuditActor = Pick<AuditEntry, 'actorUserId' | 'actorLogin' | 'assignmentId' | 'requestId' | 'ip'>;

export function auditActor(request: FastifyRequest): AuditActor {
  return {
    actorUserId: request.principal?.userId ?? null,
    actorLogin: request.principal?.login ?? null,
    assignmentId: request.access?.assignment?.id ?? null,
    requestId: request.id,
    ip: request.ip,
  };
}
