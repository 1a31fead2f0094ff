/**
 * The annual public forum on a real database: recorded once a year for the unit's council by its
 * clerk, with attendance by sex; a date outside June and July kept only with the reason it moved
 * (and said so in every answer); the questions raised, answered there or later, each optionally
 * tied to a plan priority; public to read and paged; bad input refused with stable codes and
 * nothing written; every change audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../test-support/test-app.ts';
import { anonymous, signedIn, type Client } from '../../test-support/http.ts';
import { DEMO_PASSWORD } from '../access/index.ts';
import { call, makeOrgan, problem } from './councils.test-bed.ts';

let t: TestApp;
let anon: Client;
let clerk: Client;
let otherClerk: Client;

interface ForumAnswer {
  id: number;
  organId: number;
  year: number;
  date: string;
  inWindow: boolean;
  attendanceFemale: number;
  attendanceMale: number;
  lateReasonKm: string | null;
  questionCount: number;
  answeredCount: number;
}
interface QuestionAnswer {
  id: number;
  position: number;
  questionKm: string;
  answerKm: string | null;
  askedBySex: string | null;
  planPriorityRef: string | null;
}

let organId: number;
const url = '/api/councils/units/230201/forums';
const forum2026 = {
  year: 2026,
  date: '2026-06-25',
  place: 'សាលាសង្កាត់',
  attendanceFemale: 64,
  attendanceMale: 51,
  summaryKm: 'ក្រុមប្រឹក្សារាយការណ៍លទ្ធផលឆ្នាំ ២០២៥',
};

async function forumRows() {
  const rows = await t.db.kysely
    .selectFrom('councils_forum')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(rows.n);
}

beforeAll(async () => {
  t = await openTestApp();
  anon = anonymous(t.app);
  const admin = await signedIn(t.app, 'admin@sndd.example', DEMO_PASSWORD);
  clerk = await signedIn(t.app, 'kep.clerk@sndd.example', DEMO_PASSWORD);
  otherClerk = await signedIn(t.app, 'tonlebasak.clerk@sndd.example', DEMO_PASSWORD);
  // The latest council of the unit is the one that holds the forum.
  organId = (await makeOrgan(admin, '230201', ['chief'])).organId;
}, 300_000);
afterAll(async () => t.close());

describe('the annual public forum', () => {
  let forum: ForumAnswer;

  it('refuses bad forums with stable codes, writing nothing', async () => {
    const before = await forumRows();
    for (const [client, unitUrl, body, status, code] of [
      [clerk, url, { ...forum2026, date: '2025-06-25' }, 400, 'councils.forum.wrong_year'],
      [clerk, url, { ...forum2026, date: '2026-09-10' }, 400, 'councils.forum.reason_missing'],
      [
        clerk,
        url,
        { ...forum2026, date: '2026-09-10', lateReasonKm: '  ' },
        400,
        'councils.forum.reason_missing',
      ],
      [clerk, '/api/councils/units/23020101/forums', forum2026, 409, 'councils.forum.no_council'],
      [otherClerk, url, forum2026, 403, 'auth.forbidden'],
    ] as const) {
      expect(await problem(client, 'POST', unitUrl, body)).toEqual({ status, code });
    }
    expect(await problem(anon, 'POST', url, forum2026)).toMatchObject({ status: 401 });
    expect(await forumRows()).toBe(before);
  });

  it('is recorded once a year for the unit’s council, with attendance by sex', async () => {
    forum = await call<ForumAnswer>(clerk, 'POST', url, forum2026, 201);
    expect(forum).toMatchObject({
      organId,
      year: 2026,
      date: '2026-06-25',
      inWindow: true,
      attendanceFemale: 64,
      attendanceMale: 51,
      questionCount: 0,
    });
    expect(await problem(clerk, 'POST', url, { ...forum2026, date: '2026-07-02' })).toEqual({
      status: 409,
      code: 'councils.forum.duplicate',
    });
  });

  it('keeps a forum moved out of June and July, with its reason, and says so', async () => {
    const late = await call<ForumAnswer>(
      clerk,
      'POST',
      url,
      { ...forum2026, year: 2025, date: '2025-08-14', lateReasonKm: 'ទឹកជំនន់នៅខែកក្កដា' },
      201,
    );
    expect(late).toMatchObject({ inWindow: false, lateReasonKm: 'ទឹកជំនន់នៅខែកក្កដា' });
    // The reason cannot go while the date stays outside the window.
    expect(await problem(clerk, 'PATCH', `/api/councils/forums/${late.id}`, { lateReasonKm: null })).toEqual({
      status: 400,
      code: 'councils.forum.reason_missing',
    });
    const moved = await call<ForumAnswer>(clerk, 'PATCH', `/api/councils/forums/${late.id}`, {
      date: '2025-07-30',
      lateReasonKm: null,
      attendanceMale: 40,
    });
    expect(moved).toMatchObject({ inWindow: true, lateReasonKm: null, attendanceMale: 40 });
    const page = await call<{ items: ForumAnswer[]; total: number }>(anon, 'GET', `${url}?pageSize=1`);
    expect(page.total).toBe(2);
    expect(page.items.map((item) => item.year)).toEqual([2026]);
    expect((await call<{ total: number }>(anon, 'GET', `${url}?year=2025`)).total).toBe(1);
  });

  it('records the questions raised and their answers, tied to plan priorities, public to read', async () => {
    const questions = `/api/councils/forums/${forum.id}/questions`;
    expect(await problem(clerk, 'POST', questions, { questionKm: 'ផ្លូវ', askedBySex: 'other' })).toEqual({
      status: 400,
      code: 'councils.forum.bad_sex',
    });
    expect(await problem(otherClerk, 'POST', questions, { questionKm: 'ផ្លូវ' })).toEqual({
      status: 403,
      code: 'auth.forbidden',
    });
    const road = await call<QuestionAnswer>(
      clerk,
      'POST',
      questions,
      {
        questionKm: 'តើពេលណាផ្លូវភូមិនឹងត្រូវជួសជុល?',
        askedBySex: 'female',
        answerKm: 'ផ្លូវនេះមាននៅក្នុងផែនការឆ្នាំ ២០២៧',
        planPriorityRef: 'priority-2027-roads',
      },
      201,
    );
    const water = await call<QuestionAnswer>(
      clerk,
      'POST',
      questions,
      { questionKm: 'យើងត្រូវការអណ្ដូងទឹកស្អាត', questionEn: 'We need a clean well' },
      201,
    );
    expect([road.position, water.position]).toEqual([1, 2]);
    expect(water).toMatchObject({ answerKm: null, askedBySex: null, planPriorityRef: null });
    const answered = await call<QuestionAnswer>(clerk, 'PATCH', `/api/councils/forum-questions/${water.id}`, {
      answerKm: 'ក្រុមប្រឹក្សានឹងដាក់ក្នុងកម្មវិធីវិនិយោគ',
      planPriorityRef: 'priority-2027-water',
    });
    expect(answered).toMatchObject({ planPriorityRef: 'priority-2027-water' });
    const read = await call<{ items: QuestionAnswer[]; total: number }>(
      anon,
      'GET',
      `${questions}?pageSize=1&page=2`,
    );
    expect(read).toMatchObject({ total: 2, items: [{ id: water.id, position: 2 }] });
    expect(await call<ForumAnswer>(anon, 'GET', `/api/councils/forums/${forum.id}`)).toMatchObject({
      questionCount: 2,
      answeredCount: 2,
    });
    expect(await problem(anon, 'GET', '/api/councils/forums/999999/questions')).toEqual({
      status: 404,
      code: 'councils.forum.not_found',
    });
  });

  it('leaves every change in the audit trail at the unit', async () => {
    const records = await t.db.kysely
      .selectFrom('audit_record')
      .select(['action', 'unit_code'])
      .where('entity_type', 'in', ['councils.forum', 'councils.forum_question'])
      .orderBy('seq')
      .execute();
    expect(records.map((record) => record.action)).toEqual([
      'councils.forum.create',
      'councils.forum.create',
      'councils.forum.update',
      'councils.forum.question',
      'councils.forum.question',
      'councils.forum.answer',
    ]);
    expect(records.every((record) => record.unit_code === '230201')).toBe(true);
  });
});
