/**
 * The status path of an application, one step at a time, by an officer of its office:
 *   received → under_review → more_info_needed → under_review (the clock stood still meanwhile:
 *   the due date moves on by the working days it waited) → approved | rejected
 *   approved → ready_for_collection → closed;  rejected → ready_for_collection | closed
 * Each step in one transaction with its event row, its notification and its audit record.
 */
import type { Actor } from '../../platform/actor.ts';
import {
  findApplicationUnit,
  insertEvent,
  lockApplication,
  updateApplication,
} from './applications.queries.ts';
import type { Application, TransitionBody } from './applications.schemas.ts';
import {
  applicationNotFound,
  audited,
  backdated,
  NEXT_STATUSES,
  notify,
  toApplication,
  trackingNumberOf,
} from './application-views.ts';
import type { ServicesContext } from './context.ts';
import { dashboardOnTransition } from './dashboard/dashboard.maintain.ts';
import { fail } from './services.errors.ts';
import { APPLICATION_STATUSES, type ApplicationStatus } from './services.tables.ts';
import { findVersionById } from './standards.queries.ts';

/** Steps whose note the applicant must read: why more is needed, why it was refused. */
const NOTE_REQUIRED: readonly ApplicationStatus[] = ['more_info_needed', 'rejected'];

/** Unit locator for the access check: the unit where the application was filed. */
export async function unitOfApplication(ctx: ServicesContext, typed: string): Promise<string> {
  const unit = await findApplicationUnit(ctx.db, trackingNumberOf(typed));
  if (unit === undefined) throw applicationNotFound();
  return unit;
}

/**
 * One step of the status path, by an officer of the responsible unit (the access check saw
 * to that). Out of order: 409 services.application.invalid_transition, and nothing changes.
 */
export async function changeStatus(
  ctx: ServicesContext,
  actor: Actor,
  typed: string,
  body: TransitionBody,
  options: { on?: string } = {},
): Promise<Application> {
  const number = trackingNumberOf(typed);
  if (!(APPLICATION_STATUSES as readonly string[]).includes(body.to)) {
    throw fail('services.application.bad_status', {
      title: `A status is one of: ${APPLICATION_STATUSES.join(', ')}.`,
      detail: body.to,
    });
  }
  const to = body.to as ApplicationStatus;
  const note = body.note?.trim() || null;
  if (NOTE_REQUIRED.includes(to) && note === null) {
    throw fail('services.application.note_required');
  }
  const today = options.on ?? ctx.today();
  const row = await ctx.inTransaction(async (trx) => {
    const before = await lockApplication(trx, number);
    if (!before) throw applicationNotFound();
    if (!NEXT_STATUSES[before.status].includes(to)) {
      throw fail('services.application.invalid_transition', {
        title: `An application that is ${before.status} cannot become ${to}.`,
        detail: `Next steps from ${before.status}: ${NEXT_STATUSES[before.status].join(', ') || 'none'}.`,
      });
    }
    let dueDate = before.due_date;
    let pausedDays = before.paused_working_days;
    let pausedSince = before.paused_since;
    if (to === 'more_info_needed') pausedSince = today;
    if (before.status === 'more_info_needed' && before.paused_since !== null) {
      // The clock stood still from the day it stopped: the due date moves on by the working days that passed.
      const waited = await ctx.calendar.workingDaysBetween(before.paused_since, today);
      dueDate = await ctx.calendar.dueDate(before.due_date, waited);
      pausedDays += waited;
      pausedSince = null;
    }
    const after = await updateApplication(trx, before.id, {
      status: to,
      due_date: dueDate,
      paused_since: pausedSince,
      paused_working_days: pausedDays,
      status_changed_at: options.on ? backdated(options.on) : new Date(),
      ...(to === 'approved' || to === 'rejected' ? { decided_on: today } : {}),
      ...(to === 'closed' ? { closed_on: today } : {}),
    });
    await insertEvent(trx, {
      application_id: after.id,
      from_status: before.status,
      to_status: to,
      note,
      due_date: dueDate,
      actor_user_id: actor.userId,
      ...(options.on ? { occurred_at: backdated(options.on) } : {}),
    });
    const version = await findVersionById(trx, after.standard_version_id);
    await notify(ctx, trx, after, version!, note);
    await ctx.audit.write(trx, actor, {
      action: 'services.application.transition',
      entityType: 'services.application',
      entityId: after.tracking_number,
      unitCode: after.unit_code,
      before: audited(before),
      after: { ...audited(after), note },
    });
    await dashboardOnTransition(trx, ctx.calendar, before, after);
    return after;
  });
  return toApplication(ctx, row);
}
