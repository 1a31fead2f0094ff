/**
 * What the services' functions need besides their arguments: the database, the working-day
 * calendar, the notification channel, the attachment store and the filing queue (one set per
 * application instance, made by createServicesContext in filing-queue.ts), and who is acting.
 */
import type { FastifyRequest } from 'fastify';
import type { AuditActor } from '../../platform/audit/audit-context.ts';
import type { GroupCommit } from '../../platform/db/group-commit.ts';
import { auditActor } from '../../platform/audit/audit-context.ts';
import type { Authenticator, Principal } from '../../platform/auth/principal.ts';
import { isUnitWithin } from '../gazetteer/index.ts';
import type { CheckedFiling, WrittenFiling } from './applications.service.ts';
import type { AttachmentStore } from './attachments.ts';
import type { HolidayCalendar } from './calendar.service.ts';
import type { NotificationChannel } from './notifications.ts';
import type { ServicesDb } from './services.tables.ts';

export interface ServicesContext {
  db: ServicesDb;
  calendar: HolidayCalendar;
  channel: NotificationChannel;
  attachments: AttachmentStore;
  /** Public routes run no access check: a caller who is signed in anyway is looked up with this. */
  authenticator: Authenticator;
  /** Writes checked filings in batches (filing-queue.ts: createServicesContext makes it). */
  filings: GroupCommit<CheckedFiling, WrittenFiling>;
}

/** Who acts: for the audit record, the event rows, and the checks of services that allow several kinds of caller. */
export interface Actor {
  audit: AuditActor;
  userId: number | null;
  principal: Principal | null;
}

export function actorOf(request: FastifyRequest): Actor {
  return {
    audit: auditActor(request),
    userId: request.principal?.userId ?? null,
    principal: request.principal ?? null,
  };
}

/** The demo seed and scripts: no person, no request. */
export const SYSTEM_ACTOR: Actor = {
  audit: { actorUserId: null, actorLogin: 'system', assignmentId: null, requestId: null, ip: null },
  userId: null,
  principal: null,
};

export const FILE_APPLICATIONS = 'services.application.file';
export const PROCESS_APPLICATIONS = 'services.application.process';
export const HANDLE_COMPLAINTS = 'services.complaint.handle';
export const MANAGE_STANDARDS = 'services.standard.manage';
export const MANAGE_CALENDAR = 'services.calendar.manage';
export const READ_OUTBOX = 'services.outbox.read';

/** Does the principal hold one of the permissions at `unitCode` (an assignment at the unit or above, or national)? */
export async function holdsAt(
  db: ServicesDb,
  principal: Principal | null,
  permissions: readonly string[],
  unitCode: string,
): Promise<boolean> {
  if (!principal || principal.mustChangePassword) return false;
  for (const assignment of principal.assignments) {
    if (!permissions.some((permission) => assignment.permissions.has(permission))) continue;
    if (assignment.unitCode === null) return true;
    if (await isUnitWithin(db, unitCode, assignment.unitCode)) return true;
  }
  return false;
}

/**
 * On a public route: the caller, if signed in. A cookie session counts only with its CSRF
 * token, so that another site cannot act in a citizen's name through their browser.
 */
export async function optionalPrincipal(
  ctx: ServicesContext,
  request: FastifyRequest,
): Promise<Principal | null> {
  const principal = await ctx.authenticator.authenticate(request);
  if (!principal) return null;
  if (principal.via === 'session' && request.headers['x-csrf-token'] !== principal.csrfToken) return null;
  return principal;
}
