/**
 * Applications: filing (online by a citizen, at the counter by an officer), the status path
 * with its clock, the fee, attachments, the rating, and the public tracking view. Every change
 * runs in one transaction with its event row, its notification and its audit record.
 *
 * The status path (NEXT_STATUSES):
 *   received → under_review → more_info_needed → under_review (the clock stood still meanwhile:
 *   the due date moves on by the working days it waited) → approved | rejected
 *   approved → ready_for_collection → closed;  rejected → ready_for_collection | closed
 */
import { createHash, randomBytes } from 'node:crypto';
import { forbidden } from '../../platform/auth/access-control.ts';
import { writeAudit, writeAuditRecords } from '../../platform/audit/audit.ts';
import { fetchPage, type PageResult } from '../../platform/http/paging.ts';
import { subtreeCodesQuery } from '../gazetteer/index.ts';
import { checkApplicant, normalisePhone, type Applicant as ApplicantFacts } from './applicants.ts';
import {
  CLOCK_RUNNING,
  findApplication,
  findApplicationUnit,
  findFee,
  findFeeByReceipt,
  insertApplications,
  insertAttachment,
  insertEvent,
  insertEvents,
  insertFee,
  lockApplication,
  overdueSql,
  selectApplicationList,
  selectAttachments,
  selectEvents,
  sumFees,
  updateApplication,
  type ApplicationRow,
  type EventRow,
} from './applications.queries.ts';
import type {
  Application,
  ApplicationListQuery,
  ApplicationSummary,
  FeeBody,
  MyApplicationsQuery,
  PublicTracking,
  RatingBody,
  TransitionBody,
} from './applications.schemas.ts';
import { MAX_DESCRIPTION_LENGTH } from './applications.schemas.ts';
import { checkAttachment, checkFileName, MAX_ATTACHMENTS_PER_APPLICATION } from './attachments.ts';
import {
  dashboardOnFeePaid,
  dashboardOnFiled,
  dashboardOnRated,
  dashboardOnTransition,
} from './dashboard/dashboard.maintain.ts';
import {
  FILE_APPLICATIONS,
  holdsAt,
  PROCESS_APPLICATIONS,
  type Actor,
  type ServicesContext,
} from './context.ts';
import { validateFieldValues } from './form-fields.ts';
import { applicationMessageTexts } from './notifications.ts';
import { findOfferedVersionCached, findVersionById, type StandardVersionRow } from './standards.queries.ts';
import {
  APPLICATION_STATUSES,
  type ApplicationStatus,
  type FilingChannel,
  type ServicesDb,
} from './services.tables.ts';
import { fail } from './services.errors.ts';
import { formatTrackingNumber, newTrackingNumber, parseTrackingNumber } from './tracking-number.ts';
import { inTransaction } from './transactions.ts';
import { todayInCambodia } from './working-days.ts';

export const NEXT_STATUSES: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  received: ['under_review'],
  under_review: ['more_info_needed', 'approved', 'rejected'],
  more_info_needed: ['under_review'],
  approved: ['ready_for_collection'],
  rejected: ['ready_for_collection', 'closed'],
  ready_for_collection: ['closed'],
  closed: [],
};

/** Steps whose note the applicant must read: why more is needed, why it was refused. */
const NOTE_REQUIRED: readonly ApplicationStatus[] = ['more_info_needed', 'rejected'];

export const applicationNotFound = () => fail('services.application.not_found');

/** The stored form of a typed tracking number; 404 when it cannot be one (its check character is wrong). */
export function trackingNumberOf(typed: string): string {
  const number = parseTrackingNumber(typed);
  if (number === null) throw applicationNotFound();
  return number;
}

/** A past day as a moment (9 o'clock in Cambodia): for the demo seed's back-dated cases. */
const backdated = (day: string) => new Date(`${day}T09:00:00+07:00`);

export const isOverdue = (row: Pick<ApplicationRow, 'status' | 'due_date'>, today = todayInCambodia()) =>
  CLOCK_RUNNING.includes(row.status) && row.due_date < today;

/** What the audit trail keeps of an application: the case, never the applicant's personal details. */
function audited(row: ApplicationRow) {
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

// ------------------------------------------------------------------ answers

/**
 * The full view of an application. `known` is what the caller already holds (a new filing has
 * one event, no fee, no files), so that filing answers without reading its own rows back.
 */
async function toApplication(
  db: ServicesDb,
  row: ApplicationRow,
  known?: { version: StandardVersionRow; events: EventRow[] },
): Promise<Application> {
  const [standard, events, fee, attachments] = known
    ? [known.version, known.events, undefined, []]
    : await Promise.all([
        findVersionById(db, row.standard_version_id),
        selectEvents(db, row.id),
        findFee(db, row.id),
        selectAttachments(db, row.id),
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
    isOverdue: isOverdue(row),
    fee: fee
      ? {
          tierCode: fee.fee_tier_code,
          amountRiel: fee.amount_riel,
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

async function notify(
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

// ------------------------------------------------------------------ filing

export interface FilingInput {
  serviceCode: string;
  unitCode: string;
  values: Record<string, unknown>;
  description?: string;
  applicant: ApplicantFacts;
  channel: FilingChannel;
  /** The citizen's account (online and Open311 filings by a signed-in person). */
  applicantUserId: number | null;
  /** For the demo seed: a filing day in the past. */
  filedOn?: string;
  isExample?: boolean;
}

/** A filing that passed every check, ready to be written (alone or with others). */
export interface CheckedFiling {
  actor: Actor;
  input: FilingInput;
  version: StandardVersionRow;
  values: ApplicationRow['field_values'];
  description: string;
  today: string;
  dueDate: string;
}

/** A written filing: its row and its first event. */
export interface WrittenFiling {
  inserted: ApplicationRow;
  event: EventRow;
}

/**
 * Files an application. Bad input is refused before anything is written:
 *   services.standard.unknown (400), services.standard.not_offered (400),
 *   services.application.{unknown_field, missing_field, value_not_in_list, bad_field_value,
 *   description_too_long, applicant_name_required} (400), services.applicant.* (400).
 * The checked filing is then written with the filings that arrive meanwhile, in one
 * transaction (ctx.filings, a group commit: see writeFilings); inside a caller's transaction
 * (the demo seed), it is written there, alone.
 */
export async function fileApplication(
  ctx: ServicesContext,
  actor: Actor,
  input: FilingInput,
): Promise<Application> {
  const filing = await checkFiling(ctx, actor, input);
  const written = ctx.db.isTransaction
    ? (await writeFilings(ctx, ctx.db, [filing]))[0]!
    : await ctx.filings.submit(filing);
  return toApplication(ctx.db, written.inserted, { version: filing.version, events: [written.event] });
}

async function checkFiling(ctx: ServicesContext, actor: Actor, input: FilingInput): Promise<CheckedFiling> {
  const description = (input.description ?? '').trim();
  if (description.length > MAX_DESCRIPTION_LENGTH) {
    throw fail('services.application.description_too_long', {
      title: `The description may have at most ${MAX_DESCRIPTION_LENGTH} characters.`,
    });
  }
  if (input.applicant.name === null) {
    throw fail('services.application.applicant_name_required');
  }
  const today = input.filedOn ?? todayInCambodia();
  // Reference data, remembered for a few seconds (standards.queries.ts): one round trip less per filing.
  const version = await findOfferedVersionCached(ctx.db, input.serviceCode, input.unitCode, today);
  if (!version) throw fail('services.standard.unknown', input.serviceCode);
  if (!version.offered) {
    throw fail('services.standard.not_offered', `${input.serviceCode} at ${input.unitCode} on ${today}`);
  }
  const values = validateFieldValues(version.form_fields, input.values);
  const dueDate = await ctx.calendar.dueDate(today, version.time_limit_days);
  return { actor, input, version, values, description, today, dueDate };
}

/**
 * Writes checked filings in the transaction `trx`, all or none: the applications (one insert;
 * tracking numbers that clash are drawn again), their first events, the notifications, the audit
 * records (one take of the chain's lock) and the dashboard's totals (each row once). Results
 * come in the order of `filings`.
 */
export async function writeFilings(
  ctx: Pick<ServicesContext, 'channel'>,
  trx: ServicesDb,
  filings: readonly CheckedFiling[],
): Promise<WrittenFiling[]> {
  const rows = filings.map(({ actor, input, version, values, description, today, dueDate }) => ({
    standard_id: version.standard_id,
    standard_version_id: version.id,
    service_code: version.code,
    unit_code: input.unitCode,
    status: 'received' as const,
    channel: input.channel,
    applicant_user_id: input.applicantUserId,
    applicant_name: input.applicant.name!,
    applicant_sex: input.applicant.sex,
    applicant_age_group: input.applicant.ageGroup,
    applicant_disability: input.applicant.disability,
    applicant_phone: input.applicant.phone,
    applicant_email: input.applicant.email,
    field_values: values,
    description,
    filed_by_user_id: actor.userId,
    filed_on: today,
    ...(input.filedOn
      ? { filed_at: backdated(input.filedOn), status_changed_at: backdated(input.filedOn) }
      : {}),
    due_date: dueDate,
    is_example: input.isExample ?? false,
  }));
  const inserted = new Array<ApplicationRow | undefined>(filings.length);
  // A clash of tracking numbers is rare (one in hundreds of millions): those that clashed draw again.
  for (let attempt = 0; attempt < 5 && inserted.includes(undefined); attempt += 1) {
    const pending = [...inserted.keys()].filter((index) => inserted[index] === undefined);
    const numbers = pending.map(() => newTrackingNumber());
    const written = await insertApplications(
      trx,
      pending.map((index, i) => ({ ...rows[index]!, tracking_number: numbers[i]! })),
    );
    const byNumber = new Map(written.map((row) => [row.tracking_number, row]));
    pending.forEach((index, i) => (inserted[index] = byNumber.get(numbers[i]!)));
  }
  if (inserted.includes(undefined)) throw new Error('Could not draw a free tracking number.');
  const applications = inserted as ApplicationRow[];

  const events = await insertEvents(
    trx,
    applications.map((application, index) => {
      const { actor, input, dueDate } = filings[index]!;
      return {
        application_id: application.id,
        from_status: null,
        to_status: 'received' as const,
        note: null,
        due_date: dueDate,
        actor_user_id: actor.userId,
        ...(input.filedOn ? { occurred_at: backdated(input.filedOn) } : {}),
      };
    }),
  );
  for (const [index, application] of applications.entries()) {
    await notify(ctx, trx, application, filings[index]!.version, null);
  }
  await writeAuditRecords(
    trx,
    applications.map((application, index) => ({
      ...filings[index]!.actor.audit,
      action: 'services.application.file',
      entityType: 'services.application',
      entityId: application.tracking_number,
      unitCode: application.unit_code,
      after: audited(application),
    })),
  );
  // The dashboard's running totals, after the audit records (whose lock orders the writers).
  await dashboardOnFiled(trx, applications);
  const eventOf = new Map(events.map((event) => [event.application_id, event]));
  return applications.map((application) => ({ inserted: application, event: eventOf.get(application.id)! }));
}

// ------------------------------------------------------------------ processing

/** Unit locator for the access check: the unit where the application was filed. */
export async function unitOfApplication(db: ServicesDb, typed: string): Promise<string> {
  const unit = await findApplicationUnit(db, trackingNumberOf(typed));
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
  const today = options.on ?? todayInCambodia();
  const row = await inTransaction(ctx.db, async (trx) => {
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
    await writeAudit(trx, {
      ...actor.audit,
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
  return toApplication(ctx.db, row);
}

/** Records the fee as paid, with its receipt: own-source revenue of the unit where it was filed. */
export async function recordFee(
  ctx: ServicesContext,
  actor: Actor,
  typed: string,
  body: FeeBody,
  options: { isExample?: boolean } = {},
): Promise<Application> {
  const number = trackingNumberOf(typed);
  const receipt = body.receiptNumber.trim();
  const row = await inTransaction(ctx.db, async (trx) => {
    const application = await lockApplication(trx, number);
    if (!application) throw applicationNotFound();
    const version = await findVersionById(trx, application.standard_version_id);
    const tier = version?.fee_tiers.find((item) => item.code === body.tierCode);
    if (!tier) throw fail('services.fee.unknown_tier', body.tierCode);
    if (tier.amountRiel !== body.amountRiel) {
      throw fail('services.fee.amount_mismatch', {
        title: `The published fee of this tier is ${tier.amountRiel} riel.`,
        detail: `Received ${body.amountRiel}.`,
      });
    }
    if (await findFee(trx, application.id)) throw fail('services.fee.already_paid');
    if (await findFeeByReceipt(trx, application.unit_code, receipt)) {
      throw fail('services.fee.duplicate_receipt', receipt);
    }
    const fee = await insertFee(trx, {
      application_id: application.id,
      unit_code: application.unit_code,
      fee_tier_code: tier.code,
      amount_riel: tier.amountRiel,
      receipt_number: receipt,
      paid_on: body.paidOn ?? todayInCambodia(),
      recorded_by: actor.userId,
      is_example: options.isExample ?? false,
    });
    await writeAudit(trx, {
      ...actor.audit,
      action: 'services.application.fee_paid',
      entityType: 'services.application',
      entityId: application.tracking_number,
      unitCode: application.unit_code,
      after: {
        tierCode: fee.fee_tier_code,
        amountRiel: fee.amount_riel,
        receiptNumber: fee.receipt_number,
        paidOn: fee.paid_on,
      },
    });
    await dashboardOnFeePaid(trx, application, fee);
    return application;
  });
  return toApplication(ctx.db, row);
}

/**
 * The applicant's rating, once, after closing: the signed-in applicant, or anyone holding the
 * tracking number and the phone number on file.
 */
export async function rateApplication(
  ctx: ServicesContext,
  actor: Actor,
  typed: string,
  body: RatingBody,
): Promise<PublicTracking> {
  const number = trackingNumberOf(typed);
  await inTransaction(ctx.db, async (trx) => {
    const application = await lockApplication(trx, number);
    if (!application) throw applicationNotFound();
    const bySignedInApplicant = actor.userId !== null && actor.userId === application.applicant_user_id;
    const phone = body.phone ? normalisePhone(body.phone) : null;
    const byPhone =
      phone !== null && application.applicant_phone !== null && phone === application.applicant_phone;
    if (!bySignedInApplicant && !byPhone) {
      throw fail('services.rating.not_applicant');
    }
    if (application.status !== 'closed') throw fail('services.rating.not_closed');
    if (application.rating !== null) throw fail('services.rating.already_rated');
    const after = await updateApplication(trx, application.id, {
      rating: body.stars,
      rating_comment: body.comment?.trim() || null,
      rated_at: new Date(),
    });
    await writeAudit(trx, {
      ...actor.audit,
      action: 'services.application.rate',
      entityType: 'services.application',
      entityId: after.tracking_number,
      unitCode: after.unit_code,
      after: { stars: after.rating, comment: after.rating_comment },
    });
    await dashboardOnRated(trx, after);
  });
  return trackApplication(ctx.db, number);
}

// ------------------------------------------------------------------ reading

/** The public view by tracking number: status and history, no personal data, no notes. */
export async function trackApplication(db: ServicesDb, typed: string): Promise<PublicTracking> {
  const row = await findApplication(db, trackingNumberOf(typed));
  if (!row) throw applicationNotFound();
  const [version, events, fee] = await Promise.all([
    findVersionById(db, row.standard_version_id),
    selectEvents(db, row.id),
    findFee(db, row.id),
  ]);
  return {
    trackingNumber: row.tracking_number,
    serviceCode: row.service_code,
    serviceNameKm: version?.name_km ?? '',
    serviceNameEn: version?.name_en ?? '',
    unitCode: row.unit_code,
    status: row.status,
    filedOn: row.filed_on,
    dueDate: row.due_date,
    isOverdue: isOverdue(row),
    decidedOn: row.decided_on,
    closedOn: row.closed_on,
    feePaid: fee !== undefined,
    rated: row.rating !== null,
    history: events.map((event) => ({
      status: event.to_status,
      occurredAt: event.occurred_at,
      dueDate: event.due_date,
    })),
  };
}

/** The applicant, or an officer who files or processes applications at its unit. */
async function mayOpen(ctx: ServicesContext, actor: Actor, row: ApplicationRow): Promise<boolean> {
  if (actor.userId !== null && actor.userId === row.applicant_user_id) return true;
  return holdsAt(ctx.db, actor.principal, [FILE_APPLICATIONS, PROCESS_APPLICATIONS], row.unit_code);
}

export async function getApplication(
  ctx: ServicesContext,
  actor: Actor,
  typed: string,
): Promise<Application> {
  const row = await findApplication(ctx.db, trackingNumberOf(typed));
  if (!row) throw applicationNotFound();
  if (!(await mayOpen(ctx, actor, row)))
    throw forbidden('Only the applicant and the officers of the office may open it.');
  return toApplication(ctx.db, row);
}

const SORT_COLUMNS: Record<string, string> = {
  filedAt: 'a.filed_at',
  dueDate: 'a.due_date',
  status: 'a.status',
  trackingNumber: 'a.tracking_number',
};

type ListRow = Awaited<ReturnType<ReturnType<typeof selectApplicationList>['execute']>>[number];

function toSummary(row: ListRow, today: string): ApplicationSummary {
  return {
    trackingNumber: row.tracking_number,
    serviceCode: row.service_code,
    serviceNameKm: row.name_km,
    serviceNameEn: row.name_en,
    unitCode: row.unit_code,
    status: row.status,
    channel: row.channel,
    applicantName: row.applicant_name,
    applicantSex: row.applicant_sex,
    applicantPhone: row.applicant_phone,
    filedOn: row.filed_on,
    dueDate: row.due_date,
    decidedOn: row.decided_on,
    isOverdue: isOverdue(row, today),
    feePaid: row.fee_paid,
    isExample: row.is_example,
  };
}

/** Applications of the units in the caller's scope ('all' for a national caller), filtered and paged. */
export async function listApplications(
  db: ServicesDb,
  scope: 'all' | string[],
  query: ApplicationListQuery,
): Promise<PageResult<ApplicationSummary>> {
  const today = todayInCambodia();
  let select = selectApplicationList(db);
  if (scope !== 'all') select = select.where('a.unit_code', 'in', subtreeCodesQuery(db, scope));
  if (query.unitCode !== undefined)
    select = select.where('a.unit_code', 'in', subtreeCodesQuery(db, [query.unitCode]));
  if (query.status !== undefined) select = select.where('a.status', '=', query.status);
  if (query.serviceCode !== undefined) select = select.where('a.service_code', '=', query.serviceCode);
  if (query.filedFrom !== undefined) select = select.where('a.filed_on', '>=', query.filedFrom);
  if (query.filedTo !== undefined) select = select.where('a.filed_on', '<=', query.filedTo);
  if (query.overdue !== undefined) {
    select = query.overdue
      ? select.where(overdueSql(today))
      : select.where((eb) => eb.not(overdueSql(today)));
  }
  const page = await fetchPage(select, {
    page: query.page,
    pageSize: query.pageSize,
    sort: query.sort,
    columns: SORT_COLUMNS,
    tieBreak: 'a.id',
  });
  return { ...page, items: page.items.map((row) => toSummary(row, today)) };
}

/** The signed-in citizen's own applications. */
export async function myApplications(
  db: ServicesDb,
  userId: number,
  query: MyApplicationsQuery,
): Promise<PageResult<ApplicationSummary>> {
  const today = todayInCambodia();
  const page = await fetchPage(selectApplicationList(db).where('a.applicant_user_id', '=', userId), {
    page: query.page,
    pageSize: query.pageSize,
    sort: query.sort,
    columns: SORT_COLUMNS,
    tieBreak: 'a.id',
  });
  return { ...page, items: page.items.map((row) => toSummary(row, today)) };
}

/**
 * Fees collected by one unit in one calendar year: own-source revenue of that SNA from
 * service fees (only the fees the unit itself collected, not those of units below it).
 * The budgets module reads this.
 */
export async function feesCollected(
  db: ServicesDb,
  unitCode: string,
  year: number,
): Promise<{ unitCode: string; year: number; totalRiel: number; payments: number }> {
  const { total, payments } = await sumFees(db, unitCode, year);
  return { unitCode, year, totalRiel: total, payments };
}

// ------------------------------------------------------------------ attachments

/**
 * Stores one attachment of an application (by the applicant or an officer of its office),
 * while it is still open. The bytes go to the store first and the row after; if the row
 * cannot be written the bytes are removed again, so nothing is left half-done.
 */
export async function addAttachment(
  ctx: ServicesContext,
  actor: Actor,
  typed: string,
  file: { fileName: string; bytes: Buffer },
): Promise<Application> {
  const number = trackingNumberOf(typed);
  const application = await findApplication(ctx.db, number);
  if (!application) throw applicationNotFound();
  if (!(await mayOpen(ctx, actor, application)))
    throw forbidden('Only the applicant and the officers of the office may add files.');
  const fileName = checkFileName(file.fileName);
  const contentType = checkAttachment(fileName, file.bytes);
  if (application.status === 'closed') throw fail('services.attachment.application_closed');
  const key = `${application.tracking_number.toLowerCase()}/${randomBytes(12).toString('hex')}`;
  await ctx.attachments.put(key, file.bytes, contentType);
  try {
    await inTransaction(ctx.db, async (trx) => {
      const locked = await lockApplication(trx, number);
      const existing = await selectAttachments(trx, locked!.id);
      if (existing.length >= MAX_ATTACHMENTS_PER_APPLICATION) {
        throw fail('services.attachment.too_many', {
          title: `An application has at most ${MAX_ATTACHMENTS_PER_APPLICATION} files.`,
        });
      }
      const row = await insertAttachment(trx, {
        application_id: locked!.id,
        storage_key: key,
        file_name: fileName,
        content_type: contentType,
        size_bytes: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        uploaded_by: actor.userId,
      });
      await writeAudit(trx, {
        ...actor.audit,
        action: 'services.attachment.add',
        entityType: 'services.application',
        entityId: locked!.tracking_number,
        unitCode: locked!.unit_code,
        after: {
          attachmentId: row.id,
          fileName: row.file_name,
          contentType: row.content_type,
          sizeBytes: row.size_bytes,
          sha256: row.sha256,
        },
      });
    });
  } catch (error) {
    await ctx.attachments.delete(key);
    throw error;
  }
  return toApplication(ctx.db, application);
}

export async function readAttachment(ctx: ServicesContext, actor: Actor, typed: string, id: number) {
  const application = await findApplication(ctx.db, trackingNumberOf(typed));
  if (!application) throw applicationNotFound();
  if (!(await mayOpen(ctx, actor, application)))
    throw forbidden('Only the applicant and the officers of the office may open its files.');
  const attachment = (await selectAttachments(ctx.db, application.id)).find((item) => item.id === id);
  const bytes = attachment ? await ctx.attachments.get(attachment.storage_key) : null;
  if (!attachment || !bytes) throw fail('services.attachment.not_found');
  return { fileName: attachment.file_name, contentType: attachment.content_type, bytes };
}

export { checkApplicant };
