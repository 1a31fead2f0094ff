/**
 * Minutes of a held meeting: a draft in Khmer (an English summary optional), circulated to the
 * members, then adopted at a later meeting of the same organ that was held with its quorum.
 * Adopted minutes are frozen: any change answers 409 councils.minutes.frozen (and a trigger
 * keeps the row so). Every change runs in one transaction with its audit record.
 */
import type { Actor } from '../../platform/actor.ts';
import type { CouncilsContext } from './councils.context.ts';
import { fail } from './councils.errors.ts';
import type { AdoptMinutesBody, Minutes, MinutesBody } from './councils.schemas.ts';
import type { CouncilsDb, MinutesRow } from './councils.tables.ts';
import { meetingFacts } from './meetings.service.ts';
import { findMeeting, lockMeeting } from './meetings.queries.ts';
import { findMinutes, insertMinutes, updateMinutes } from './minutes.queries.ts';

export const toMinutes = (row: MinutesRow): Minutes => ({
  meetingId: row.meeting_id,
  status: row.status,
  textKm: row.text_km,
  summaryEn: row.summary_en,
  circulatedAt: row.circulated_at,
  adoptedAtMeetingId: row.adopted_at_meeting_id,
  adoptedOn: row.adopted_on,
  isExample: row.is_example,
  updatedAt: row.updated_at,
});

const audited = (row: MinutesRow) => ({
  status: row.status,
  textKm: row.text_km,
  summaryEn: row.summary_en,
  adoptedAtMeetingId: row.adopted_at_meeting_id,
  adoptedOn: row.adopted_on,
});

export async function getMinutes(ctx: CouncilsContext, input: { meetingId: number }): Promise<Minutes> {
  const meeting = await findMeeting(ctx.db, input.meetingId);
  if (!meeting) throw fail('councils.meeting.not_found');
  const row = await findMinutes(ctx.db, input.meetingId);
  if (!row) throw fail('councils.minutes.not_found');
  return toMinutes(row);
}

async function heldMeeting(trx: CouncilsDb, meetingId: number) {
  const locked = await lockMeeting(trx, meetingId);
  if (!locked) throw fail('councils.meeting.not_found');
  const meeting = (await findMeeting(trx, meetingId))!;
  if (meeting.status !== 'held' && meeting.status !== 'closed')
    throw fail('councils.minutes.meeting_not_held');
  return meeting;
}

/** Writes the draft (or replaces its text); circulated minutes go back to draft when changed. */
export async function writeMinutes(
  ctx: CouncilsContext,
  actor: Actor,
  input: { meetingId: number; body: MinutesBody },
): Promise<Minutes> {
  const { meetingId, body } = input;
  const textKm = body.textKm.trim();
  const summaryEn = body.summaryEn?.trim() || null;
  return ctx.inTransaction(async (trx) => {
    const meeting = await heldMeeting(trx, meetingId);
    const before = await findMinutes(trx, meetingId);
    if (before?.status === 'adopted') throw fail('councils.minutes.frozen');
    const after = before
      ? await updateMinutes(trx, meetingId, {
          text_km: textKm,
          summary_en: summaryEn,
          status: 'draft',
          circulated_at: null,
        })
      : await insertMinutes(trx, { meeting_id: meetingId, text_km: textKm, summary_en: summaryEn });
    await ctx.audit.write(trx, actor, {
      action: 'councils.minutes.write',
      entityType: 'councils.minutes',
      entityId: String(meetingId),
      unitCode: meeting.unit_code,
      ...(before ? { before: audited(before) } : {}),
      after: audited(after),
    });
    return toMinutes(after);
  });
}

export async function circulateMinutes(
  ctx: CouncilsContext,
  actor: Actor,
  input: { meetingId: number },
): Promise<Minutes> {
  const { meetingId } = input;
  return ctx.inTransaction(async (trx) => {
    const meeting = await heldMeeting(trx, meetingId);
    const before = await findMinutes(trx, meetingId);
    if (!before) throw fail('councils.minutes.not_found');
    if (before.status === 'adopted') throw fail('councils.minutes.frozen');
    if (before.status !== 'draft') throw fail('councils.minutes.not_draft');
    const after = await updateMinutes(trx, meetingId, {
      status: 'circulated',
      circulated_at: ctx.clock.now(),
    });
    await ctx.audit.write(trx, actor, {
      action: 'councils.minutes.circulate',
      entityType: 'councils.minutes',
      entityId: String(meetingId),
      unitCode: meeting.unit_code,
      before: audited(before),
      after: audited(after),
    });
    return toMinutes(after);
  });
}

/** Adopted at a later meeting of the same organ, held with its quorum; the text is then frozen. */
export async function adoptMinutes(
  ctx: CouncilsContext,
  actor: Actor,
  input: { meetingId: number; body: AdoptMinutesBody },
): Promise<Minutes> {
  const { meetingId, body } = input;
  return ctx.inTransaction(async (trx) => {
    const meeting = await heldMeeting(trx, meetingId);
    const before = await findMinutes(trx, meetingId);
    if (!before) throw fail('councils.minutes.not_found');
    if (before.status === 'adopted') throw fail('councils.minutes.frozen');
    if (before.status !== 'circulated') throw fail('councils.minutes.not_circulated');
    const adopting = await findMeeting(trx, body.atMeetingId);
    if (
      !adopting ||
      adopting.organ_id !== meeting.organ_id ||
      adopting.meeting_date <= meeting.meeting_date ||
      (adopting.status !== 'held' && adopting.status !== 'closed')
    ) {
      throw fail('councils.minutes.bad_adopting_meeting');
    }
    const facts = await meetingFacts(trx, adopting, adopting.organ_kind);
    if (!facts.quorum.met) {
      throw fail(
        'councils.minutes.no_quorum',
        `${facts.quorum.present} of ${facts.quorum.membersInOffice} members present; ${facts.quorum.required} required.`,
      );
    }
    const after = await updateMinutes(trx, meetingId, {
      status: 'adopted',
      adopted_at_meeting_id: adopting.id,
      adopted_on: adopting.meeting_date,
    });
    await ctx.audit.write(trx, actor, {
      action: 'councils.minutes.adopt',
      entityType: 'councils.minutes',
      entityId: String(meetingId),
      unitCode: meeting.unit_code,
      before: audited(before),
      after: audited(after),
    });
    return toMinutes(after);
  });
}
