/**
 * Meetings of an organ: convening one with its agenda, changing it while planned, recording
 * who attended (which holds it), closing or cancelling it; and the quorum, computed from the
 * members in office on the meeting's date and the rule of the organ's kind (data, with its
 * legal reference). Every change runs in one transaction with its audit record.
 */
import type { Updateable } from 'kysely';
import type { Actor } from '../../platform/actor.ts';
import type { PageResult } from '../../platform/http/paging.ts';
import { auditedMeeting, toDecision, toMeeting } from './councils.answers.ts';
import type { CouncilsContext } from './councils.context.ts';
import { fail } from './councils.errors.ts';
import type {
  AttendanceBody,
  CreateMeetingBody,
  Meeting,
  MeetingDetail,
  MeetingListQuery,
  Quorum,
  UpdateMeetingBody,
} from './councils.schemas.ts';
import {
  ATTENDANCE_STATUSES,
  MEETING_KINDS,
  type AttendanceRow,
  type AttendanceStatus,
  type CouncilsDb,
  type CouncilsMeetingTable,
  type MeetingKind,
  type MeetingRow,
  type MemberRow,
  type OrganKind,
} from './councils.tables.ts';
import { selectDecisionsOfMeeting, selectVotes } from './decisions.queries.ts';
import { hasMoved, inviteMembers, noticeMembers } from './invitations.service.ts';
import { quorumOf } from './meeting-rules.ts';
import {
  findMeeting,
  findMeetingUnit,
  findQuorumRule,
  insertMeeting,
  lockMeeting,
  replaceAgenda,
  replaceAttendance,
  selectAgenda,
  selectAttendance,
  selectMeetings,
  updateMeeting as updateMeetingRow,
  type MeetingWithOrgan,
} from './meetings.queries.ts';
import { findMember, selectMembers } from './members.queries.ts';
import { findOrgan } from './organs.queries.ts';

export const MANAGE_MEETINGS = 'councils.meeting.manage';

/** Unit locator for the access check: the unit of the meeting a path names. */
export async function unitOfMeeting(db: CouncilsDb, id: number): Promise<string> {
  const unit = await findMeetingUnit(db, id);
  if (unit === undefined) throw fail('councils.meeting.not_found');
  return unit;
}

// ---------------------------------------------------------------------------------- quorum

/** What a meeting's quorum rests on: the members in office on its date and their attendance. */
export interface MeetingFacts {
  members: MemberRow[];
  attendance: Map<number, AttendanceStatus>;
  quorum: Quorum;
}

export async function meetingFacts(
  db: CouncilsDb,
  meeting: { id: number; organ_id: number; meeting_date: string },
  organKind: OrganKind,
): Promise<MeetingFacts> {
  const members = await selectMembers(db, [meeting.organ_id], meeting.meeting_date);
  const recorded = await selectAttendance(db, meeting.id);
  const attendance = new Map<number, AttendanceStatus>(
    recorded.map((line: AttendanceRow) => [line.member_id, line.status]),
  );
  const rule = await findQuorumRule(db, organKind);
  if (!rule) throw new Error(`No quorum rule for organs of kind ${organKind}.`);
  const count = (status: AttendanceStatus) =>
    members.filter((member) => attendance.get(member.id) === status).length;
  const present = count('present');
  const { required, met } = quorumOf(
    { membersInOffice: members.length, present },
    { numerator: rule.quorum_numerator, denominator: rule.quorum_denominator, strict: rule.quorum_strict },
  );
  return {
    members,
    attendance,
    quorum: {
      membersInOffice: members.length,
      present,
      excused: count('excused'),
      absent: count('absent'),
      notRecorded: members.filter((member) => !attendance.has(member.id)).length,
      required,
      met,
      ruleKm: rule.rule_km,
      ruleEn: rule.rule_en,
      legalReference: rule.legal_reference,
      referenceIsExample: rule.reference_is_example,
    },
  };
}

// ---------------------------------------------------------------------------------- reads

async function conveners(db: CouncilsDb, rows: { convened_by: number | null }[]) {
  const ids = [...new Set(rows.flatMap((row) => (row.convened_by === null ? [] : [row.convened_by])))];
  const found = await Promise.all(ids.map((id) => findMember(db, id)));
  return new Map(found.flatMap((member) => (member ? [[member.id, member] as const] : [])));
}

async function meetingAnswers(db: CouncilsDb, rows: MeetingWithOrgan[]): Promise<Meeting[]> {
  const agenda = await selectAgenda(
    db,
    rows.map((row) => row.id),
  );
  const people = await conveners(db, rows);
  return rows.map((row) =>
    toMeeting(row, agenda, row.convened_by === null ? null : (people.get(row.convened_by) ?? null)),
  );
}

export async function listMeetings(
  ctx: CouncilsContext,
  query: MeetingListQuery,
): Promise<PageResult<Meeting>> {
  const { rows, total } = await selectMeetings(ctx.db, {
    unitCode: query.unit,
    organId: query.organ,
    status: query.status,
    page: query.page,
    pageSize: query.pageSize,
  });
  return { items: await meetingAnswers(ctx.db, rows), page: query.page, pageSize: query.pageSize, total };
}

export async function getMeeting(ctx: CouncilsContext, input: { id: number }): Promise<MeetingDetail> {
  return meetingDetail(ctx.db, input.id);
}

async function meetingDetail(db: CouncilsDb, id: number): Promise<MeetingDetail> {
  const row = await findMeeting(db, id);
  if (!row) throw fail('councils.meeting.not_found');
  const [meeting] = await meetingAnswers(db, [row]);
  const facts = await meetingFacts(db, row, row.organ_kind);
  const decisions = await selectDecisionsOfMeeting(db, id);
  const votes = await selectVotes(
    db,
    decisions.map((decision) => decision.id),
  );
  return {
    ...meeting!,
    attendance: facts.members.map((member) => ({
      memberId: member.id,
      nameKm: member.name_km,
      nameLatin: member.name_latin,
      role: member.role,
      sex: member.sex,
      status: facts.attendance.get(member.id) ?? null,
    })),
    quorum: facts.quorum,
    decisions: decisions.map((decision) => toDecision(decision, votes)),
  };
}

// ---------------------------------------------------------------------------------- changes

function checkMeetingKind(kind: string): MeetingKind {
  if (!(MEETING_KINDS as readonly string[]).includes(kind)) throw fail('councils.meeting.bad_kind');
  return kind as MeetingKind;
}

const blank = (text: string | null | undefined) =>
  text === undefined || text === null || text.trim() === '' ? null : text.trim();

const agendaRows = (agenda: CreateMeetingBody['agenda']) =>
  agenda.map((item) => ({
    title_km: item.titleKm.trim(),
    title_en: item.titleEn.trim(),
    document_ref: blank(item.documentRef),
  }));

/** The organ sits on the date, and the convener is one of its members in office that day. */
async function checkOrganAndConvener(
  db: CouncilsDb,
  organ: { id: number; term_start: string | null; closed_on: string | null },
  date: string,
  convenedBy: number | null,
) {
  if (organ.closed_on !== null && date > organ.closed_on) throw fail('councils.organ.closed');
  if (organ.term_start !== null && date < organ.term_start) throw fail('councils.meeting.before_organ');
  if (convenedBy !== null) {
    const member = await findMember(db, convenedBy);
    const inOffice =
      member !== undefined &&
      member.organ_id === organ.id &&
      member.start_date <= date &&
      (member.end_date === null || member.end_date >= date);
    if (!inOffice) throw fail('councils.meeting.convener_not_member');
  }
}

function checkPlace(place: string | null, isOnline: boolean) {
  if (!isOnline && place === null) throw fail('councils.meeting.place_missing');
}

export async function createMeeting(
  ctx: CouncilsContext,
  actor: Actor,
  input: { organId: number; body: CreateMeetingBody },
): Promise<MeetingDetail> {
  const { organId, body } = input;
  const kind = checkMeetingKind(body.kind);
  const place = blank(body.place);
  const isOnline = body.isOnline ?? false;
  checkPlace(place, isOnline);
  return ctx.inTransaction(async (trx) => {
    const organ = await findOrgan(trx, organId);
    if (!organ) throw fail('councils.organ.not_found');
    await checkOrganAndConvener(trx, organ, body.date, body.convenedBy ?? null);
    const row = await insertMeeting(trx, {
      organ_id: organId,
      kind,
      meeting_date: body.date,
      place,
      is_online: isOnline,
      convened_by: body.convenedBy ?? null,
    });
    const agenda = await replaceAgenda(trx, row.id, agendaRows(body.agenda));
    await inviteMembers(ctx, trx, { meeting: row, organ, agenda });
    await ctx.audit.write(trx, actor, {
      action: 'councils.meeting.create',
      entityType: 'councils.meeting',
      entityId: String(row.id),
      unitCode: organ.unit_code,
      after: auditedMeeting(row, agenda),
    });
    return meetingDetail(trx, row.id);
  });
}

/** planned → held | cancelled; held → closed. */
const NEXT_STATUS: Record<string, readonly string[]> = {
  planned: ['held', 'cancelled'],
  held: ['closed'],
  closed: [],
  cancelled: [],
};

export async function updateMeeting(
  ctx: CouncilsContext,
  actor: Actor,
  input: { id: number; body: UpdateMeetingBody },
): Promise<MeetingDetail> {
  const { id, body } = input;
  return ctx.inTransaction(async (trx) => {
    const before = await lockMeeting(trx, id);
    if (!before) throw fail('councils.meeting.not_found');
    const organ = (await findOrgan(trx, before.organ_id))!;
    if (before.status === 'closed' || before.status === 'cancelled') throw fail('councils.meeting.frozen');

    const changes: Updateable<CouncilsMeetingTable> = {};
    const planning =
      body.kind !== undefined ||
      body.date !== undefined ||
      body.place !== undefined ||
      body.isOnline !== undefined ||
      body.convenedBy !== undefined ||
      body.agenda !== undefined;
    if (planning && before.status !== 'planned') throw fail('councils.meeting.not_planned');
    if (body.kind !== undefined) changes.kind = checkMeetingKind(body.kind);
    if (body.date !== undefined) changes.meeting_date = body.date;
    if (body.place !== undefined) changes.place = blank(body.place);
    if (body.isOnline !== undefined) changes.is_online = body.isOnline;
    if (body.convenedBy !== undefined) changes.convened_by = body.convenedBy;
    const merged = { ...before, ...changes };
    checkPlace(merged.place, merged.is_online);
    if (planning) await checkOrganAndConvener(trx, organ, merged.meeting_date, merged.convened_by);

    let action = 'councils.meeting.update';
    if (body.status !== undefined && body.status !== before.status) {
      if (!(NEXT_STATUS[before.status] ?? []).includes(body.status)) {
        throw fail('councils.meeting.bad_status_change', `From ${before.status} to ${body.status}.`);
      }
      if (body.status === 'held' && merged.meeting_date > ctx.today()) throw fail('councils.meeting.not_yet');
      changes.status = body.status as MeetingRow['status'];
      action =
        { held: 'councils.meeting.hold', closed: 'councils.meeting.close' }[body.status] ??
        'councils.meeting.cancel';
    }

    const agendaBefore = await selectAgenda(trx, [id]);
    const agendaAfter = body.agenda ? await replaceAgenda(trx, id, agendaRows(body.agenda)) : agendaBefore;
    const after = Object.keys(changes).length > 0 ? await updateMeetingRow(trx, id, changes) : before;
    // The members invited hear of a cancellation or a move, in this transaction.
    if (after.status === 'cancelled') {
      await noticeMembers(ctx, trx, { meetingId: id, organId: before.organ_id, organ, before });
    } else if (after.status === 'planned' && hasMoved(before, after)) {
      await noticeMembers(ctx, trx, { meetingId: id, organId: before.organ_id, organ, before, after });
    }
    await ctx.audit.write(trx, actor, {
      action,
      entityType: 'councils.meeting',
      entityId: String(id),
      unitCode: organ.unit_code,
      before: auditedMeeting(before, agendaBefore),
      after: auditedMeeting(after, agendaAfter),
    });
    return meetingDetail(trx, id);
  });
}

/**
 * Records who attended (members in office not listed are absent) and the observers by sex.
 * A planned meeting whose day has come becomes held. Once a decision is taken with an
 * attendance, the attendance no longer changes.
 */
export async function recordAttendance(
  ctx: CouncilsContext,
  actor: Actor,
  input: { id: number; body: AttendanceBody },
): Promise<MeetingDetail> {
  const { id, body } = input;
  for (const line of body.attendance) {
    if (!(ATTENDANCE_STATUSES as readonly string[]).includes(line.status)) {
      throw fail('councils.attendance.bad_status', `Member ${line.memberId}: ${line.status}.`);
    }
  }
  return ctx.inTransaction(async (trx) => {
    const before = await lockMeeting(trx, id);
    if (!before) throw fail('councils.meeting.not_found');
    if (before.status === 'closed' || before.status === 'cancelled') throw fail('councils.meeting.frozen');
    if (before.meeting_date > ctx.today()) throw fail('councils.meeting.not_yet');
    const meeting = (await findMeeting(trx, id))!;
    if (meeting.decision_count > 0) throw fail('councils.attendance.decisions_taken');
    const facts = await meetingFacts(trx, before, meeting.organ_kind);
    const inOffice = new Set(facts.members.map((member) => member.id));
    const given = new Map<number, AttendanceStatus>();
    for (const line of body.attendance) {
      if (!inOffice.has(line.memberId)) {
        throw fail('councils.attendance.not_member', `Member ${line.memberId}.`);
      }
      if (given.has(line.memberId)) throw fail('councils.attendance.duplicate', `Member ${line.memberId}.`);
      given.set(line.memberId, line.status as AttendanceStatus);
    }
    const lines = facts.members.map((member) => ({
      member_id: member.id,
      status: given.get(member.id) ?? ('absent' as const),
    }));
    await replaceAttendance(trx, id, lines);
    const after = await updateMeetingRow(trx, id, {
      status: 'held',
      observers_female: body.observersFemale ?? before.observers_female,
      observers_male: body.observersMale ?? before.observers_male,
    });
    await ctx.audit.write(trx, actor, {
      action: 'councils.meeting.attendance',
      entityType: 'councils.meeting',
      entityId: String(id),
      unitCode: meeting.unit_code,
      before: {
        ...auditedMeeting(before),
        attendance: Object.fromEntries(facts.attendance),
      },
      after: {
        ...auditedMeeting(after),
        attendance: Object.fromEntries(lines.map((line) => [line.member_id, line.status])),
      },
    });
    return meetingDetail(trx, id);
  });
}
