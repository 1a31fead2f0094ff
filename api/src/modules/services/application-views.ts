/**
 * What the application use cases share: the status path, the tracking number as typed, the
 * full view of an application, what the audit trail keeps of it, the message to the applicant
 * and who may open it.
 */
import type { Actor } from '../../platform/actor.ts';
import {
  CLOCK_RUNNING,
  findFee,
  selectAttachments,
  selectEvents,
  type ApplicationRow,
  type EventRow,
} from './applications.queries.ts';
import type { Application } from './applications.schemas.ts';
import { FILE_APPLICATIONS, PROCESS_APPLICATIONS, type ServicesContext } from './context.ts';
import { applicationMessageTexts } from './notifications.ts';
import { fail } from './services.errors.ts';
import type { ApplicationStatus, ServicesDb } from './services.tables.ts';
import { findVersionById, type StandardVersionRow } from './standards.queries.ts';
import { formatTrackingNumber, parseTrackingNumber } from './tracking-number.ts';

export const NEXT_STATUSES: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  received: ['under_review'],
  under_review: ['more_info_needed', 'approved', 'rejected'],
  more_info_needed: ['under_review'],
  approved: ['ready_for_collection'],
  rejected: ['ready_for_collection', 'closed'],
  ready_for_collection: ['closed'],
  closed: [],
};

export const applicationNotFound = () => fail('services.application.not_found');

/** The stored form of a typed tracking number; 404 when it cannot be one (its check character is wrong). */
export function trackingNumberOf(typed: string): string {
  const number = parseTrackingNumber(typed);
  if (number === null) throw applicationNotFound();
  return number;
}

/** A past day as a moment (9 o'clock in Cambodia): for the demo seed's back-dated cases. */
export const backdated = (day: string) => new Date(`${day}T09:00:00+07:00`);

export const isOverdue = (row: Pick<ApplicationRow, 'status' | 'due_date'>, today: string) =>
  CLOCK_RUNNING.includes(row.status) && row.due_date < today;

/** What the audit trail keeps of an application: the case, never the applicant's personal details. */
export function audited(row: ApplicationRow) {
  return {
    trackingNumber: row.tracking_number,
    serviceCode: row.service_code,
    standardVersionId: row.standard_version_id,
    unitCode: row.unit_code,
    status: row.status,
    channel: row.channel,
    dueDate: row.due_date,
    pausedSince: row.paused_since,
    pausedWorkingDays: row.paused_working_days,
    decidedOn: row.decided_on,
    closedOn: row.closed_on,
  };
}

/**
 * The full view of an application. `known` is what the caller already holds (a new filing has
 * one event, no fee, no files), so that filing answers without reading its own rows back.
 */
export async function toApplication(
  ctx: ServicesContext,
  row: ApplicationRow,
  known?: { version: StandardVersionRow; events: EventRow[] },
): Promise<Application> {
  const [standard, events, fee, attachments] = known
    ? [known.version, known.events, undefined, []]
    : await Promise.all([
        findVersionById(ctx.db, row.standard_version_id),
        selectEvents(ctx.db, row.id),
        findFee(ctx.db, row.id),
        selectAttachments(ctx.db, row.id),
      ]);
  return {
    trackingNumber: row.tracking_number,
    trackingNumberFormatted: formatTrackingNumber(row.tracking_number),
    serviceCode: row.service_code,
    standardVersion: standard?.version ?? 0,
    serviceNameKm: standard?.name_km ?? '',
    serviceNameEn: standard?.name_en ?? '',
    unitCode: row.unit_code,
    status: row.status,
    nextStatuses: [...NEXT_STATUSES[row.status]],
    channel: row.channel,
    applicant: {
      name: row.applicant_name,
      sex: row.applicant_sex,
      ageGroup: row.applicant_age_group,
      disability: row.applicant_disability,
      phone: row.applicant_phone,
      email: row.applicant_email,
      userId: row.applicant_user_id,
    },
    values: row.field_values,
    description: row.description,
    filedAt: row.filed_at,
    filedOn: row.filed_on,
    dueDate: row.due_date,
    pausedSince: row.paused_since,
    pausedWorkingDays: row.paused_working_days,
    decidedOn: row.decided_on,
    closedOn: row.closed_on,
    isOverdue: isOverdue(row, ctx.today()),
    fee: fee
      ? {
          tierCode: fee.fee_tier_code,
          amountRiel: fee.amount_riel,
          quantity: fee.quantity,
          receiptNumber: fee.receipt_number,
          paidOn: fee.paid_on,
        }
      : null,
    rating:
      row.rating !== null && row.rated_at !== null
        ? { stars: row.rating, comment: row.rating_comment, ratedAt: row.rated_at }
        : null,
    attachments: attachments.map((attachment) => ({
      id: attachment.id,
      fileName: attachment.file_name,
      contentType: attachment.content_type,
      sizeBytes: attachment.size_bytes,
      sha256: attachment.sha256,
      createdAt: attachment.created_at,
    })),
    events: events.map((event) => ({
      fromStatus: event.from_status,
      toStatus: event.to_status,
      note: event.note,
      dueDate: event.due_date,
      occurredAt: event.occurred_at,
    })),
    isExample: row.is_example,
  };
}

export async function notify(
  ctx: Pick<ServicesContext, 'channel'>,
  trx: ServicesDb,
  row: ApplicationRow,
  version: Pick<StandardVersionRow, 'name_km' | 'name_en'>,
  note: string | null,
) {
  // Nobody to tell: a person who gave neither a phone nor an e-mail follows the case by its number.
  if (row.applicant_phone === null && row.applicant_email === null) return;
  await ctx.channel.send(
    {
      topic: 'application.status',
      entityType: 'services.application',
      entityId: String(row.id),
      trackingNumber: row.tracking_number,
      status: row.status,
      unitCode: row.unit_code,
      recipientAccountId: row.applicant_user_id,
      recipientPhone: row.applicant_phone,
      recipientEmail: row.applicant_email,
      ...applicationMessageTexts({
        trackingNumber: row.tracking_number,
        serviceNameKm: version.name_km,
        serviceNameEn: version.name_en,
        status: row.status,
        dueDate: row.due_date,
        note,
      }),
    },
    trx,
  );
}

/** The applicant, or an officer who files or processes applications at its unit. */
export async function mayOpen(ctx: ServicesContext, actor: Actor, row: ApplicationRow): Promise<boolean> {
  if (actor.userId !== null && actor.userId === row.applicant_user_id) return true;
  return ctx.access.holdsAt(
    ctx.db,
    actor.principal,
    [FILE_APPLICATIONS, PROCESS_APPLICATIONS],
    row.unit_code,
  );
}
