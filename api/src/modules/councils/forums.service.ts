/**
 * The annual public forum of a council (#15 item 6): each year, in June or July, the council
 * reports its results and hears next year's priorities. Recorded with its date, place and
 * attendance by sex, and the questions raised with their answers, each optionally tied to a
 * priority of the development plan. Public to read; recorded by those who manage the unit's
 * meetings; every change audited in its transaction.
 *
 * The date rule: a forum outside June and July is kept, with the reason it moved. Refusing it
 * would lose a forum that did take place (postponed by floods or an election) or push the
 * clerk to type a false date; letting it pass silently would hide that the law's window was
 * missed. So the record needs `lateReasonKm` then, and every answer says `inWindow`.
 */
import type { Updateable } from 'kysely';
import type { Actor } from '../../platform/actor.ts';
import type { PageResult } from '../../platform/http/paging.ts';
import { blankToNull } from './councils.answers.ts';
import { portDb, type CouncilsContext } from './councils.context.ts';
import { fail } from './councils.errors.ts';
import type {
  CreateForumBody,
  CreateForumQuestionBody,
  Forum,
  ForumListQuery,
  ForumQuestion,
  UpdateForumBody,
  UpdateForumQuestionBody,
} from './councils.schemas.ts';
import {
  SEXES,
  type CouncilsDb,
  type CouncilsForumQuestionTable,
  type CouncilsForumTable,
  type ForumQuestionRow,
  type ForumRow,
  type Sex,
} from './councils.tables.ts';
import {
  findForum,
  findForumOfYear,
  findForumQuestion,
  findForumQuestionUnit,
  findForumUnit,
  insertForum,
  insertForumQuestion,
  lockForum,
  selectForumQuestions,
  selectForums,
  updateForum as updateForumRow,
  updateForumQuestion as updateQuestionRow,
  type ForumWithCounts,
} from './forums.queries.ts';
import { findSittingCouncil } from './requests.queries.ts';

/** The months the law sets for the forum (June, July). */
const FORUM_MONTHS = [6, 7];

export const inForumWindow = (date: string) => FORUM_MONTHS.includes(Number(date.slice(5, 7)));

/** Unit locators for the access check. */
export async function unitOfForum(db: CouncilsDb, id: number): Promise<string> {
  const unit = await findForumUnit(db, id);
  if (unit === undefined) throw fail('councils.forum.not_found');
  return unit;
}

export async function unitOfForumQuestion(db: CouncilsDb, id: number): Promise<string> {
  const unit = await findForumQuestionUnit(db, id);
  if (unit === undefined) throw fail('councils.forum.question_not_found');
  return unit;
}

function toForum(row: ForumWithCounts): Forum {
  return {
    id: row.id,
    organId: row.organ_id,
    unitCode: row.unit_code,
    year: row.forum_year,
    date: row.forum_date,
    inWindow: inForumWindow(row.forum_date),
    place: row.place,
    attendanceFemale: row.attendance_female,
    attendanceMale: row.attendance_male,
    lateReasonKm: row.late_reason_km,
    summaryKm: row.summary_km,
    summaryEn: row.summary_en,
    questionCount: row.question_count,
    answeredCount: row.answered_count,
    isExample: row.is_example,
  };
}

function toQuestion(row: ForumQuestionRow): ForumQuestion {
  return {
    id: row.id,
    forumId: row.forum_id,
    position: row.position,
    questionKm: row.question_km,
    questionEn: row.question_en,
    askedBySex: row.asked_by_sex,
    answerKm: row.answer_km,
    answerEn: row.answer_en,
    planPriorityRef: row.plan_priority_ref,
  };
}

const auditedForum = (row: ForumRow) => {
  const { created_at: _created, updated_at: _updated, ...rest } = row;
  return rest;
};
const auditedQuestion = (row: ForumQuestionRow) => {
  const { created_at: _created, updated_at: _updated, ...rest } = row;
  return rest;
};

/** The year holds the date; outside June and July a reason is given. */
function checkDate(year: number, date: string, lateReason: string | null) {
  if (Number(date.slice(0, 4)) !== year)
    throw fail('councils.forum.wrong_year', `${date} is not in ${year}.`);
  if (!inForumWindow(date) && lateReason === null) throw fail('councils.forum.reason_missing');
}

function checkSex(sex: string | null | undefined): Sex | null {
  if (sex === undefined || sex === null || sex === '') return null;
  if (!(SEXES as readonly string[]).includes(sex)) throw fail('councils.forum.bad_sex');
  return sex as Sex;
}

async function forumAnswer(db: CouncilsDb, id: number): Promise<Forum> {
  const row = await findForum(db, id);
  if (!row) throw fail('councils.forum.not_found');
  return toForum(row);
}

// ---------------------------------------------------------------------------------- reads

export async function listForums(
  ctx: CouncilsContext,
  input: { unitCode: string; query: ForumListQuery },
): Promise<PageResult<Forum>> {
  await ctx.ports.gazetteer.getUnit(portDb(ctx.db), input.unitCode); // 404 for an unknown unit
  const { query } = input;
  const { rows, total } = await selectForums(ctx.db, {
    unitCode: input.unitCode,
    year: query.year,
    page: query.page,
    pageSize: query.pageSize,
  });
  return { items: rows.map(toForum), page: query.page, pageSize: query.pageSize, total };
}

export async function getForum(ctx: CouncilsContext, input: { id: number }): Promise<Forum> {
  return forumAnswer(ctx.db, input.id);
}

export async function listForumQuestions(
  ctx: CouncilsContext,
  input: { forumId: number; query: { page: number; pageSize: number } },
): Promise<PageResult<ForumQuestion>> {
  if (!(await findForumUnit(ctx.db, input.forumId))) throw fail('councils.forum.not_found');
  const { rows, total } = await selectForumQuestions(ctx.db, { forumId: input.forumId, ...input.query });
  return { items: rows.map(toQuestion), page: input.query.page, pageSize: input.query.pageSize, total };
}

// ---------------------------------------------------------------------------------- changes

export async function recordForum(
  ctx: CouncilsContext,
  actor: Actor,
  input: { unitCode: string; body: CreateForumBody },
): Promise<Forum> {
  const { unitCode, body } = input;
  const lateReason = blankToNull(body.lateReasonKm);
  checkDate(body.year, body.date, lateReason);
  await ctx.ports.gazetteer.getUnit(portDb(ctx.db), unitCode); // 404 for an unknown unit
  return ctx.inTransaction(async (trx) => {
    const council = await findSittingCouncil(trx, unitCode, body.date);
    if (!council) throw fail('councils.forum.no_council');
    if (await findForumOfYear(trx, council.id, body.year)) throw fail('councils.forum.duplicate');
    const row = await insertForum(trx, {
      organ_id: council.id,
      unit_code: unitCode,
      forum_year: body.year,
      forum_date: body.date,
      place: body.place.trim(),
      attendance_female: body.attendanceFemale ?? 0,
      attendance_male: body.attendanceMale ?? 0,
      late_reason_km: lateReason,
      summary_km: blankToNull(body.summaryKm),
      summary_en: blankToNull(body.summaryEn),
    });
    await ctx.audit.write(trx, actor, {
      action: 'councils.forum.create',
      entityType: 'councils.forum',
      entityId: String(row.id),
      unitCode,
      after: auditedForum(row),
    });
    return forumAnswer(trx, row.id);
  });
}

export async function updateForum(
  ctx: CouncilsContext,
  actor: Actor,
  input: { id: number; body: UpdateForumBody },
): Promise<Forum> {
  const { id, body } = input;
  return ctx.inTransaction(async (trx) => {
    const before = await lockForum(trx, id);
    if (!before) throw fail('councils.forum.not_found');
    const changes: Updateable<CouncilsForumTable> = {};
    if (body.date !== undefined) changes.forum_date = body.date;
    if (body.place !== undefined) changes.place = body.place.trim();
    if (body.attendanceFemale !== undefined) changes.attendance_female = body.attendanceFemale;
    if (body.attendanceMale !== undefined) changes.attendance_male = body.attendanceMale;
    if (body.lateReasonKm !== undefined) changes.late_reason_km = blankToNull(body.lateReasonKm);
    if (body.summaryKm !== undefined) changes.summary_km = blankToNull(body.summaryKm);
    if (body.summaryEn !== undefined) changes.summary_en = blankToNull(body.summaryEn);
    const merged = { ...before, ...changes };
    checkDate(merged.forum_year, merged.forum_date, merged.late_reason_km);
    const after = await updateForumRow(trx, id, changes);
    await ctx.audit.write(trx, actor, {
      action: 'councils.forum.update',
      entityType: 'councils.forum',
      entityId: String(id),
      unitCode: before.unit_code,
      before: auditedForum(before),
      after: auditedForum(after),
    });
    return forumAnswer(trx, id);
  });
}

export async function addForumQuestion(
  ctx: CouncilsContext,
  actor: Actor,
  input: { forumId: number; body: CreateForumQuestionBody },
): Promise<ForumQuestion> {
  const { forumId, body } = input;
  const sex = checkSex(body.askedBySex);
  return ctx.inTransaction(async (trx) => {
    const forum = await lockForum(trx, forumId);
    if (!forum) throw fail('councils.forum.not_found');
    const row = await insertForumQuestion(trx, {
      forum_id: forumId,
      question_km: body.questionKm.trim(),
      question_en: blankToNull(body.questionEn),
      asked_by_sex: sex,
      answer_km: blankToNull(body.answerKm),
      answer_en: blankToNull(body.answerEn),
      plan_priority_ref: blankToNull(body.planPriorityRef),
    });
    await ctx.audit.write(trx, actor, {
      action: 'councils.forum.question',
      entityType: 'councils.forum_question',
      entityId: String(row.id),
      unitCode: forum.unit_code,
      after: auditedQuestion(row),
    });
    return toQuestion(row);
  });
}

export async function updateForumQuestion(
  ctx: CouncilsContext,
  actor: Actor,
  input: { id: number; body: UpdateForumQuestionBody },
): Promise<ForumQuestion> {
  const { id, body } = input;
  const sex = body.askedBySex === undefined ? undefined : checkSex(body.askedBySex);
  return ctx.inTransaction(async (trx) => {
    const before = await findForumQuestion(trx, id);
    if (!before) throw fail('councils.forum.question_not_found');
    const forum = (await lockForum(trx, before.forum_id))!;
    const changes: Updateable<CouncilsForumQuestionTable> = {};
    if (body.questionKm !== undefined) changes.question_km = body.questionKm.trim();
    if (body.questionEn !== undefined) changes.question_en = blankToNull(body.questionEn);
    if (sex !== undefined) changes.asked_by_sex = sex;
    if (body.answerKm !== undefined) changes.answer_km = blankToNull(body.answerKm);
    if (body.answerEn !== undefined) changes.answer_en = blankToNull(body.answerEn);
    if (body.planPriorityRef !== undefined) changes.plan_priority_ref = blankToNull(body.planPriorityRef);
    const after = await updateQuestionRow(trx, id, changes);
    await ctx.audit.write(trx, actor, {
      action:
        before.answer_km === null && after.answer_km !== null
          ? 'councils.forum.answer'
          : 'councils.forum.question_update',
      entityType: 'councils.forum_question',
      entityId: String(id),
      unitCode: forum.unit_code,
      before: auditedQuestion(before),
      after: auditedQuestion(after),
    });
    return toQuestion(after);
  });
}
