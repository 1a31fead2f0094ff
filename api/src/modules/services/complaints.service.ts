/**
 * Complaints about a service, an office or an officer. Each goes to the ombudsman office of
 * the district responsible — the district (municipality, khan) above the office concerned; a
 * district or a province handles complaints about itself — and follows one path:
 *   received → under_investigation → decided (with a decision) → replied (with the reply sent
 *   to the complainant) → closed.
 * Anyone may complain, signed in or not, and follow the complaint by its number.
 */
import type { Actor } from '../../platform/actor.ts';
import { fetchPage, type PageResult } from '../../platform/http/paging.ts';
import { checkApplicant } from './applicants.ts';
import {
  findApplicationId,
  findApplicationNumber,
  findComplaint,
  findComplaintHandlingUnit,
  findStandardCode,
  findStandardId,
  insertComplaint,
  insertComplaintEvent,
  selectComplaintEvents,
  selectComplaintPage,
  updateComplaintStatus,
  type ComplaintRow,
} from './complaints.queries.ts';
import type {
  Complaint,
  ComplaintListQuery,
  ComplaintReplyBody,
  ComplaintSummary,
  ComplaintTransitionBody,
  FileComplaintBody,
  PublicComplaint,
} from './complaints.schemas.ts';
import { MAX_COMPLAINT_LENGTH } from './complaints.schemas.ts';
import type { ServicesContext } from './context.ts';
import { complaintMessageTexts } from './notifications.ts';
import { assertNotThrottled, countWrongPhone, samePhone } from './phone-check.ts';
import { fail } from './services.errors.ts';
import {
  COMPLAINT_STATUSES,
  COMPLAINT_SUBJECTS,
  type ComplaintStatus,
  type ComplaintSubject,
  type ServicesDb,
} from './services.tables.ts';
import { formatTrackingNumber, newTrackingNumber, parseTrackingNumber } from './tracking-number.ts';

export const NEXT_COMPLAINT_STATUSES: Record<ComplaintStatus, readonly ComplaintStatus[]> = {
  received: ['under_investigation'],
  under_investigation: ['decided'],
  decided: ['replied'],
  replied: ['closed'],
  closed: [],
};

export const complaintNotFound = () => fail('services.complaint.not_found');

function numberOf(typed: string): string {
  const number = parseTrackingNumber(typed);
  if (number === null) throw complaintNotFound();
  return number;
}

/**
 * The unit whose ombudsman office handles complaints about `unitCode`: the district above a
 * commune; a district or a province itself.
 */
export async function handlingUnitOf(ctx: ServicesContext, unitCode: string): Promise<string> {
  const { gazetteer } = ctx.ports;
  const unit = await gazetteer
    .getUnit(ctx.db as unknown as Parameters<typeof gazetteer.getUnit>[0], unitCode)
    .catch(() => {
      throw gazetteer.unknownUnit(unitCode);
    });
  if (unit.level <= 2) return unit.code;
  const ancestors = await gazetteer.unitAncestors(ctx.db, unitCode);
  // Codes have two digits per level: the district is the ancestor with four.
  const district = ancestors.find((code) => code.length === 4);
  if (!district) throw gazetteer.unknownUnit(unitCode, `No district above ${unitCode}.`);
  return district;
}

async function relatedCodes(db: ServicesDb, row: ComplaintRow) {
  const [serviceCode, applicationNumber] = await Promise.all([
    row.standard_id === null ? undefined : findStandardCode(db, row.standard_id),
    row.application_id === null ? undefined : findApplicationNumber(db, row.application_id),
  ]);
  return { serviceCode: serviceCode ?? null, applicationNumber: applicationNumber ?? null };
}

async function toComplaint(db: ServicesDb, row: ComplaintRow): Promise<Complaint> {
  const [codes, events] = await Promise.all([relatedCodes(db, row), selectComplaintEvents(db, row.id)]);
  return {
    trackingNumber: row.tracking_number,
    trackingNumberFormatted: formatTrackingNumber(row.tracking_number),
    subject: row.subject,
    concernedUnitCode: row.concerned_unit_code,
    handlingUnitCode: row.handling_unit_code,
    ...codes,
    officerName: row.officer_name,
    description: row.description,
    status: row.status,
    nextStatuses: [...NEXT_COMPLAINT_STATUSES[row.status]],
    complainant: {
      name: row.complainant_name,
      sex: row.complainant_sex,
      ageGroup: row.complainant_age_group,
      disability: row.complainant_disability,
      phone: row.complainant_phone,
      email: row.complainant_email,
      userId: row.complainant_user_id,
    },
    decision: row.decision,
    reply: row.reply,
    replyPublic: row.reply_public,
    filedAt: row.filed_at,
    filedOn: row.filed_on,
    decidedOn: row.decided_on,
    repliedOn: row.replied_on,
    closedOn: row.closed_on,
    events: events.map((event) => ({
      fromStatus: event.from_status,
      toStatus: event.to_status,
      note: event.note,
      occurredAt: event.occurred_at,
    })),
    isExample: row.is_example,
  };
}

/** The complaint as the audit trail keeps it: the case, not the complainant. */
function audited(row: ComplaintRow) {
  return {
    trackingNumber: row.tracking_number,
    subject: row.subject,
    concernedUnitCode: row.concerned_unit_code,
    handlingUnitCode: row.handling_unit_code,
    status: row.status,
    decision: row.decision,
    reply: row.reply,
  };
}

async function notify(ctx: ServicesContext, trx: ServicesDb, row: ComplaintRow, note: string | null) {
  if (row.complainant_phone === null && row.complainant_email === null) return;
  await ctx.channel.send(
    {
      topic: 'complaint.status',
      entityType: 'services.complaint',
      entityId: String(row.id),
      trackingNumber: row.tracking_number,
      status: row.status,
      unitCode: row.handling_unit_code,
      recipientAccountId: row.complainant_user_id,
      recipientPhone: row.complainant_phone,
      recipientEmail: row.complainant_email,
      ...complaintMessageTexts({ trackingNumber: row.tracking_number, status: row.status, note }),
    },
    trx,
  );
}

export async function fileComplaint(
  ctx: ServicesContext,
  actor: Actor,
  body: FileComplaintBody,
  options: { isExample?: boolean; filedOn?: string } = {},
): Promise<Complaint> {
  const { db } = ctx;
  if (!(COMPLAINT_SUBJECTS as readonly string[]).includes(body.subject)) {
    throw fail('services.complaint.bad_subject', {
      title: `A complaint is about one of: ${COMPLAINT_SUBJECTS.join(', ')}.`,
      detail: body.subject,
    });
  }
  const subject = body.subject as ComplaintSubject;
  const description = body.description.trim();
  if (description === '') throw fail('services.complaint.description_required');
  if (description.length > MAX_COMPLAINT_LENGTH) {
    throw fail('services.complaint.description_too_long', {
      title: `The description may have at most ${MAX_COMPLAINT_LENGTH} characters.`,
    });
  }
  if (subject === 'service' && !body.serviceCode) {
    throw fail('services.complaint.service_required');
  }
  if (subject === 'officer' && !body.officerName?.trim()) {
    throw fail('services.complaint.officer_required');
  }
  const complainant = checkApplicant({
    ...body.complainant,
    name: body.complainant?.name ?? actor.principal?.displayName ?? null,
  });
  let standardId: number | null = null;
  if (body.serviceCode) {
    const id = await findStandardId(db, body.serviceCode);
    if (id === undefined) throw fail('services.standard.unknown', body.serviceCode);
    standardId = id;
  }
  let applicationId: number | null = null;
  if (body.applicationNumber) {
    const number = parseTrackingNumber(body.applicationNumber);
    const id = number ? await findApplicationId(db, number) : undefined;
    if (id === undefined) throw fail('services.complaint.unknown_application', body.applicationNumber);
    applicationId = id;
  }
  const handlingUnit = await handlingUnitOf(ctx, body.unitCode);
  const today = options.filedOn ?? ctx.today();
  const row = await ctx.inTransaction(async (trx) => {
    let inserted: ComplaintRow | undefined;
    for (let attempt = 0; attempt < 5 && !inserted; attempt += 1) {
      inserted = await insertComplaint(trx, {
        tracking_number: newTrackingNumber(),
        subject,
        concerned_unit_code: body.unitCode,
        handling_unit_code: handlingUnit,
        standard_id: standardId,
        application_id: applicationId,
        officer_name: body.officerName?.trim() || null,
        description,
        status: 'received',
        complainant_user_id: actor.userId,
        complainant_name: complainant.name,
        complainant_sex: complainant.sex,
        complainant_age_group: complainant.ageGroup,
        complainant_disability: complainant.disability,
        complainant_phone: complainant.phone,
        complainant_email: complainant.email,
        filed_on: today,
        reply_public: body.publishReply ?? false,
        is_example: options.isExample ?? false,
      });
    }
    if (!inserted) throw new Error('Could not draw a free tracking number.');
    await insertComplaintEvent(trx, {
      complaint_id: inserted.id,
      from_status: null,
      to_status: 'received',
      note: null,
      actor_user_id: actor.userId,
    });
    await notify(ctx, trx, inserted, null);
    await ctx.audit.write(trx, actor, {
      action: 'services.complaint.file',
      entityType: 'services.complaint',
      entityId: inserted.tracking_number,
      unitCode: inserted.handling_unit_code,
      after: audited(inserted),
    });
    return inserted;
  });
  return toComplaint(ctx.db, row);
}

/** Unit locator for the access check: the unit whose ombudsman office handles the complaint. */
export async function unitOfComplaint(ctx: ServicesContext, typed: string): Promise<string> {
  const unit = await findComplaintHandlingUnit(ctx.db, numberOf(typed));
  if (unit === undefined) throw complaintNotFound();
  return unit;
}

export async function getComplaint(ctx: ServicesContext, typed: string): Promise<Complaint> {
  const { db } = ctx;
  const row = await findComplaint(db, numberOf(typed));
  if (!row) throw complaintNotFound();
  return toComplaint(db, row);
}

export async function changeComplaintStatus(
  ctx: ServicesContext,
  actor: Actor,
  typed: string,
  body: ComplaintTransitionBody,
): Promise<Complaint> {
  const number = numberOf(typed);
  if (!(COMPLAINT_STATUSES as readonly string[]).includes(body.to)) {
    throw fail('services.complaint.bad_status', {
      title: `A status is one of: ${COMPLAINT_STATUSES.join(', ')}.`,
      detail: body.to,
    });
  }
  const to = body.to as ComplaintStatus;
  const decision = body.decision?.trim() || null;
  const reply = body.reply?.trim() || null;
  if (to === 'decided' && decision === null) throw fail('services.complaint.decision_required');
  if (to === 'replied' && reply === null) throw fail('services.complaint.reply_required');
  const note = body.note?.trim() || null;
  const today = ctx.today();
  const row = await ctx.inTransaction(async (trx) => {
    const before = await findComplaint(trx, number, true);
    if (!before) throw complaintNotFound();
    if (!NEXT_COMPLAINT_STATUSES[before.status].includes(to)) {
      throw fail('services.complaint.invalid_transition', {
        title: `A complaint that is ${before.status} cannot become ${to}.`,
        detail: `Next steps from ${before.status}: ${NEXT_COMPLAINT_STATUSES[before.status].join(', ') || 'none'}.`,
      });
    }
    const after = await updateComplaintStatus(trx, before.id, to, {
      ...(to === 'decided' ? { decision, decided_on: today } : {}),
      ...(to === 'replied' ? { reply, replied_on: today } : {}),
      ...(to === 'closed' ? { closed_on: today } : {}),
    });
    await insertComplaintEvent(trx, {
      complaint_id: after.id,
      from_status: before.status,
      to_status: to,
      note,
      actor_user_id: actor.userId,
    });
    // The complainant is told each step; the reply itself is the message when the case is replied.
    await notify(ctx, trx, after, to === 'replied' ? reply : note);
    await ctx.audit.write(trx, actor, {
      action: 'services.complaint.transition',
      entityType: 'services.complaint',
      entityId: after.tracking_number,
      unitCode: after.handling_unit_code,
      before: audited(before),
      after: { ...audited(after), note },
    });
    return after;
  });
  return toComplaint(ctx.db, row);
}

/**
 * The public view by number: where the case stands and its dates, no personal data; the reply
 * only when the complainant agreed to publish it (else `replyWithheld`).
 */
export async function trackComplaint(ctx: ServicesContext, typed: string): Promise<PublicComplaint> {
  const row = await findComplaint(ctx.db, numberOf(typed));
  if (!row) throw complaintNotFound();
  return publicComplaint(ctx, row, row.reply_public);
}

/**
 * The reply, to the complainant only: signed in as the one who filed, or with the phone number
 * on file — wrong numbers throttled per number and per client address (phone-check.ts), as
 * ratings are. 403 services.complaint.not_complainant otherwise (an anonymous complaint with
 * no phone: its reply is public only if the complainant agreed).
 */
export async function complaintReply(
  ctx: ServicesContext,
  actor: Actor,
  typed: string,
  body: ComplaintReplyBody,
): Promise<PublicComplaint> {
  const number = numberOf(typed);
  const row = await findComplaint(ctx.db, number);
  if (!row) throw complaintNotFound();
  if (row.reply_public) return publicComplaint(ctx, row, true);
  const bySignedInComplainant = actor.userId !== null && actor.userId === row.complainant_user_id;
  if (!bySignedInComplainant) {
    const address = actor.audit.ip ?? 'unknown';
    await assertNotThrottled(ctx.db, number, address);
    if (!samePhone(body.phone, row.complainant_phone)) {
      await countWrongPhone(ctx.db, number, address);
      throw fail('services.complaint.not_complainant');
    }
  }
  return publicComplaint(ctx, row, true);
}

async function publicComplaint(
  ctx: ServicesContext,
  row: ComplaintRow,
  showReply: boolean,
): Promise<PublicComplaint> {
  const { db } = ctx;
  const [codes, events] = await Promise.all([relatedCodes(db, row), selectComplaintEvents(db, row.id)]);
  return {
    trackingNumber: row.tracking_number,
    subject: row.subject,
    concernedUnitCode: row.concerned_unit_code,
    handlingUnitCode: row.handling_unit_code,
    serviceCode: codes.serviceCode,
    status: row.status,
    filedOn: row.filed_on,
    decidedOn: row.decided_on,
    repliedOn: row.replied_on,
    closedOn: row.closed_on,
    reply: showReply ? row.reply : null,
    replyWithheld: !showReply && row.reply !== null,
    history: events.map((event) => ({ status: event.to_status, occurredAt: event.occurred_at })),
  };
}

const SORT_COLUMNS: Record<string, string> = {
  filedOn: 'c.id',
  status: 'c.status',
  trackingNumber: 'c.tracking_number',
};

export async function listComplaints(
  ctx: ServicesContext,
  scope: 'all' | string[],
  query: ComplaintListQuery,
): Promise<PageResult<ComplaintSummary>> {
  const { subtreeCodesQuery } = ctx.ports.gazetteer;
  const select = selectComplaintPage(ctx.db, {
    inScope: scope === 'all' ? undefined : subtreeCodesQuery(ctx.db, scope),
    inUnit: query.unitCode === undefined ? undefined : subtreeCodesQuery(ctx.db, [query.unitCode]),
    status: query.status,
    subject: query.subject,
  });
  const page = await fetchPage(select, {
    page: query.page,
    pageSize: query.pageSize,
    sort: query.sort,
    columns: SORT_COLUMNS,
    tieBreak: 'c.id',
  });
  return {
    ...page,
    items: page.items.map((row) => ({
      trackingNumber: row.tracking_number,
      subject: row.subject,
      concernedUnitCode: row.concerned_unit_code,
      handlingUnitCode: row.handling_unit_code,
      serviceCode: row.service_code,
      status: row.status,
      filedOn: row.filed_on,
      complainantName: row.complainant_name,
      isExample: row.is_example,
    })),
  };
}
