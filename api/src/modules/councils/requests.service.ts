/**
 * Citizens' requests to councils (#15 item 5). Anyone, signed in or not, with a Cambodian phone
 * number, asks the council of a unit something about a place within it (jurisdiction: the place
 * is in the council's area), in Khmer; the request is acknowledged with a number. Those who
 * manage the council's meetings put it on the agenda of a planned meeting, or record the
 * answer (by the chief, or by the council with its decision), or refer it. The answer is public
 * unless the person asked otherwise; the person's name and phone never are. Filing is throttled
 * per phone and per client address with the platform's throttle (shared by every process).
 */
import type { Actor } from '../../platform/actor.ts';
import type { PageResult } from '../../platform/http/paging.ts';
import { AppError } from '../../platform/http/problem.ts';
import { throttleOn } from '../../platform/throttle/throttle.ts';
import {
  formatRequestNumber,
  newRequestNumber,
  normalisePhone,
  parseRequestNumber,
} from './request-number.ts';
import type { CouncilsContext } from './councils.context.ts';
import { portDb } from './councils.context.ts';
import { COUNCILS_ERRORS, fail } from './councils.errors.ts';
import type {
  AgendaRequestBody,
  AnswerRequestBody,
  CitizenRequest,
  FileRequestBody,
  RequestListQuery,
  RequestStats,
  RequestStatsQuery,
} from './councils.schemas.ts';
import {
  REQUEST_KINDS,
  REQUEST_TOPICS,
  SEXES,
  type CouncilsDb,
  type RequestKind,
  type RequestRow,
  type RequestStatus,
  type RequestTopic,
  type Sex,
} from './councils.tables.ts';
import { findDecision } from './decisions.queries.ts';
import { findMeeting, lockMeeting } from './meetings.queries.ts';
import { MANAGE_MEETINGS } from './meetings.service.ts';
import {
  appendAgendaItem,
  countRequestsBy,
  findRequestByNumber,
  findSittingCouncil,
  insertRequest,
  lockRequest,
  selectRequests,
  updateRequest,
} from './requests.queries.ts';

/** Requests one phone may file in a day, and one client address in an hour. */
export const REQUEST_FILING_RULES = {
  phone: { maxFailures: 5, windowMinutes: 24 * 60, lockMinutes: 60 },
  address: { maxFailures: 20, windowMinutes: 60, lockMinutes: 60 },
} as const;

const throttle = throttleOn('councils_request_throttle');

/** 429 with the seconds to wait (the route sends them as Retry-After). */
export class RequestThrottled extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      'councils.request.throttled',
      COUNCILS_ERRORS['councils.request.throttled'].title,
      `Retry after ${retryAfterSeconds} seconds.`,
    );
  }
}

const KHMER = /[\u1780-\u17FF]/;
const CLOSED: RequestStatus[] = ['answered', 'referred'];

const toDay = (value: Date | string) =>
  new Date(new Date(value).getTime() + 7 * 3600_000).toISOString().slice(0, 10);

function toRequest(row: RequestRow, show: { answer: boolean; person: boolean }): CitizenRequest {
  const answer = show.answer || row.answer_public;
  return {
    number: formatRequestNumber(row.number),
    unitCode: row.unit_code,
    organId: row.organ_id,
    placeCode: row.place_code,
    kind: row.kind,
    topic: row.topic,
    textKm: row.text_km,
    status: row.status,
    filedOn: toDay(row.created_at),
    meetingId: row.meeting_id,
    answeredBy: row.answered_by,
    decisionId: row.decision_id,
    answerKm: answer ? row.answer_km : null,
    answerEn: answer ? row.answer_en : null,
    referredTo: answer ? row.referred_to : null,
    answeredOn: row.answered_on,
    answerPublic: row.answer_public,
    isExample: row.is_example,
    ...(show.person ? { person: { name: row.name, sex: row.sex, phone: row.phone } } : {}),
  };
}

/** As the audit trail keeps a request: never the phone. */
const audited = (row: RequestRow) => ({
  number: row.number,
  organId: row.organ_id,
  placeCode: row.place_code,
  kind: row.kind,
  topic: row.topic,
  status: row.status,
  meetingId: row.meeting_id,
  answeredBy: row.answered_by,
  decisionId: row.decision_id,
  answerKm: row.answer_km,
  referredTo: row.referred_to,
  answerPublic: row.answer_public,
});

function storedNumber(typed: string): string {
  const number = parseRequestNumber(typed);
  if (number === null) throw fail('councils.request.not_found');
  return number;
}

/** Unit locator for the access check: the unit of the request a path names. */
export async function unitOfRequest(db: CouncilsDb, typed: string): Promise<string> {
  const row = await findRequestByNumber(db, storedNumber(typed));
  if (!row) throw fail('councils.request.not_found');
  return row.unit_code;
}

async function mayManage(ctx: CouncilsContext, actor: Actor, unitCode: string): Promise<boolean> {
  return actor.principal !== null && ctx.access.holdsAt(ctx.db, actor.principal, [MANAGE_MEETINGS], unitCode);
}

/** Throws RequestThrottled while the phone or the address is locked; counts this filing on both. */
async function countFiling(ctx: CouncilsContext, phone: string, address: string | null) {
  const keys = [
    [`phone:${phone}`, REQUEST_FILING_RULES.phone],
    ...(address ? ([[`ip:${address}`, REQUEST_FILING_RULES.address]] as const) : []),
  ] as const;
  let wait = 0;
  for (const [key] of keys) wait = Math.max(wait, await throttle.lockedForSeconds(ctx.db, key));
  if (wait > 0) throw new RequestThrottled(wait);
  for (const [key, rule] of keys) wait = Math.max(wait, await throttle.count(ctx.db, key, rule, 'pass'));
  if (wait > 0) throw new RequestThrottled(wait);
}

export async function fileRequest(
  ctx: CouncilsContext,
  actor: Actor,
  input: { unitCode: string; body: FileRequestBody },
): Promise<CitizenRequest> {
  const { unitCode, body } = input;
  if (!(REQUEST_KINDS as readonly string[]).includes(body.kind)) throw fail('councils.request.bad_kind');
  if (!(REQUEST_TOPICS as readonly string[]).includes(body.topic)) throw fail('councils.request.bad_topic');
  const sex = body.sex ?? null;
  if (sex !== null && !(SEXES as readonly string[]).includes(sex)) throw fail('councils.request.bad_sex');
  const phone = normalisePhone(body.phone);
  if (phone === null) throw fail('councils.request.bad_phone');
  const textKm = body.textKm.trim();
  if (!KHMER.test(textKm)) throw fail('councils.request.not_khmer');
  await ctx.ports.gazetteer.getUnit(portDb(ctx.db), unitCode); // 404 for an unknown unit
  const placeCode = body.placeCode ?? unitCode;
  if (
    placeCode !== unitCode &&
    !(await ctx.ports.gazetteer.isUnitWithin(portDb(ctx.db), placeCode, unitCode))
  ) {
    throw fail('councils.request.outside_jurisdiction', `${placeCode} is not within ${unitCode}.`);
  }
  const council = await findSittingCouncil(ctx.db, unitCode, ctx.today());
  if (!council) throw fail('councils.request.no_council');
  // Counted before the transaction: a refused filing still counts against spam.
  await countFiling(ctx, phone, actor.audit.ip ?? null);
  return ctx.inTransaction(async (trx) => {
    const row = await insertRequest(trx, {
      number: newRequestNumber(),
      organ_id: council.id,
      unit_code: unitCode,
      place_code: placeCode,
      kind: body.kind as RequestKind,
      topic: body.topic as RequestTopic,
      text_km: textKm,
      name: body.name?.trim() || actor.principal?.displayName || null,
      sex: sex as Sex | null,
      phone,
      user_id: actor.userId,
      answer_public: body.answerPublic ?? true,
    });
    await ctx.audit.write(trx, actor, {
      action: 'councils.request.file',
      entityType: 'councils.request',
      entityId: String(row.id),
      unitCode,
      after: audited(row),
    });
    return toRequest(row, { answer: true, person: true });
  });
}

/** One request by its number: the person (with the phone given) and its managers see it all. */
export async function trackRequest(
  ctx: CouncilsContext,
  actor: Actor,
  input: { number: string; phone?: string },
): Promise<CitizenRequest> {
  const row = await findRequestByNumber(ctx.db, storedNumber(input.number));
  if (!row) throw fail('councils.request.not_found');
  const own =
    (actor.userId !== null && row.user_id === actor.userId) ||
    (input.phone !== undefined && normalisePhone(input.phone) === row.phone);
  const manager = await mayManage(ctx, actor, row.unit_code);
  return toRequest(row, { answer: own || manager, person: manager });
}

/** A council's requests: answered and referred ones for everyone; every status for its managers. */
export async function listRequests(
  ctx: CouncilsContext,
  actor: Actor,
  input: { unitCode: string; query: RequestListQuery },
): Promise<PageResult<CitizenRequest>> {
  const { unitCode, query } = input;
  const manager = await mayManage(ctx, actor, unitCode);
  const statuses: RequestStatus[] =
    query.status === undefined ? CLOSED : manager || CLOSED.includes(query.status) ? [query.status] : [];
  // A status only managers may see, asked by someone else: no statuses, so nothing to show.
  const { rows, total } = await selectRequests(ctx.db, {
    unitCode,
    statuses,
    topic: query.topic,
    page: query.page,
    pageSize: query.pageSize,
  });
  return {
    items: rows.map((row) => toRequest(row, { answer: manager, person: manager })),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}

export async function requestStats(
  ctx: CouncilsContext,
  input: { unitCode: string; query: RequestStatsQuery },
): Promise<RequestStats> {
  const filter = { unitCode: input.unitCode, from: input.query.from, to: input.query.to };
  const [bySex, byTopic, byStatus] = await Promise.all([
    countRequestsBy(ctx.db, filter, 'sex'),
    countRequestsBy(ctx.db, filter, 'topic'),
    countRequestsBy(ctx.db, filter, 'status'),
  ]);
  return {
    unitCode: input.unitCode,
    total: byStatus.reduce((sum, line) => sum + line.count, 0),
    bySex,
    byTopic,
    byStatus,
  };
}

async function openRequest(trx: CouncilsDb, typed: string): Promise<RequestRow> {
  const row = await lockRequest(trx, storedNumber(typed));
  if (!row) throw fail('councils.request.not_found');
  if (CLOSED.includes(row.status)) throw fail('councils.request.closed');
  return row;
}

/** Puts the request on the agenda of a planned meeting of its council (a new last item). */
export async function putOnAgenda(
  ctx: CouncilsContext,
  actor: Actor,
  input: { number: string; body: AgendaRequestBody },
): Promise<CitizenRequest> {
  return ctx.inTransaction(async (trx) => {
    const before = await openRequest(trx, input.number);
    await lockMeeting(trx, input.body.meetingId);
    const meeting = await findMeeting(trx, input.body.meetingId);
    if (!meeting || meeting.organ_id !== before.organ_id || meeting.status !== 'planned') {
      throw fail('councils.request.wrong_meeting');
    }
    const shown = formatRequestNumber(before.number);
    const item = await appendAgendaItem(trx, meeting.id, {
      title_km: `សំណើរបស់ពលរដ្ឋ លេខ ${shown}`,
      title_en: `Citizens’ request ${shown}`,
      document_ref: null,
    });
    const after = await updateRequest(trx, before.id, {
      status: 'on_agenda',
      meeting_id: meeting.id,
      agenda_item_id: item.id,
    });
    await ctx.audit.write(trx, actor, {
      action: 'councils.request.agenda',
      entityType: 'councils.request',
      entityId: String(before.id),
      unitCode: before.unit_code,
      before: audited(before),
      after: audited(after),
    });
    return toRequest(after, { answer: true, person: true });
  });
}

/** The answer (by the chief, or the council with its decision), or the referral; then closed. */
export async function answerRequest(
  ctx: CouncilsContext,
  actor: Actor,
  input: { number: string; body: AnswerRequestBody },
): Promise<CitizenRequest> {
  const { body } = input;
  const referredTo = body.referredTo?.trim() || null;
  if (body.outcome === 'referred' && referredTo === null) throw fail('councils.request.referred_to_missing');
  return ctx.inTransaction(async (trx) => {
    const before = await openRequest(trx, input.number);
    const decisionId = body.decisionId ?? null;
    if (decisionId !== null) {
      const decision = await findDecision(trx, decisionId);
      if (!decision || decision.organ_id !== before.organ_id) throw fail('councils.request.bad_decision');
    }
    const after = await updateRequest(trx, before.id, {
      status: body.outcome,
      answered_by: body.answeredBy,
      decision_id: decisionId,
      answer_km: body.answerKm.trim(),
      answer_en: body.answerEn?.trim() || null,
      referred_to: body.outcome === 'referred' ? referredTo : null,
      answered_on: ctx.today(),
    });
    await ctx.audit.write(trx, actor, {
      action: body.outcome === 'referred' ? 'councils.request.refer' : 'councils.request.answer',
      entityType: 'councils.request',
      entityId: String(before.id),
      unitCode: before.unit_code,
      before: audited(before),
      after: audited(after),
    });
    return toRequest(after, { answer: true, person: true });
  });
}
