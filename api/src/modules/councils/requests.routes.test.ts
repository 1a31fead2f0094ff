/**
 * Citizens' requests to councils on a real database: filed without an account (a phone, Khmer
 * text) and acknowledged with a number; jurisdiction (a place outside the council's area is
 * refused, nothing written); put on the agenda of a planned meeting (a new item) and answered;
 * the public list shows answered requests without the person, a private answer only to the
 * person (number and phone) and the clerk; counts by sex and topic; filing throttled per phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../test-support/test-app.ts';
import { anonymous, signedIn, type Client } from '../../test-support/http.ts';
import { DEMO_PASSWORD } from '../access/index.ts';
import { call, convene, makeOrgan, problem } from './councils.test-bed.ts';

let t: TestApp;
let anon: Client;
let clerk: Client;
let otherClerk: Client;

interface RequestAnswer {
  number: string;
  status: string;
  placeCode: string;
  meetingId: number | null;
  answerKm: string | null;
  answerPublic: boolean;
  person?: { name: string | null; sex: string | null; phone: string };
}

const ask = (extra: object = {}) => ({
  placeCode: '23020101',
  kind: 'need',
  topic: 'water_sanitation',
  textKm: 'ភូមិយើងត្រូវការអណ្ដូងទឹកស្អាត',
  name: 'សុខ ចាន់ធី',
  sex: 'female',
  phone: '012 555 101',
  ...extra,
});

let organId: number;
let meetingId: number;

beforeAll(async () => {
  t = await openTestApp();
  anon = anonymous(t.app);
  const admin = await signedIn(t.app, 'admin@sndd.example', DEMO_PASSWORD);
  clerk = await signedIn(t.app, 'kep.clerk@sndd.example', DEMO_PASSWORD);
  otherClerk = await signedIn(t.app, 'tonlebasak.clerk@sndd.example', DEMO_PASSWORD);
  // The demo may already have a council in 230201; a new one is made for the test all the same.
  organId = (await makeOrgan(admin, '230201', [])).organId;
  meetingId = await convene(clerk, organId, '2999-01-10', { agenda: [{ titleKm: 'ក', titleEn: 'A' }] });
}, 300_000);
afterAll(async () => t.close());

describe('citizens’ requests', () => {
  let first: RequestAnswer;
  let secret: RequestAnswer;

  it('refuses bad requests with stable codes and writes nothing', async () => {
    const url = '/api/councils/units/230201/requests';
    for (const [body, status, code] of [
      [ask({ placeCode: '12010101' }), 400, 'councils.request.outside_jurisdiction'],
      [ask({ kind: 'gossip' }), 400, 'councils.request.bad_kind'],
      [ask({ topic: 'weather' }), 400, 'councils.request.bad_topic'],
      [ask({ sex: 'x' }), 400, 'councils.request.bad_sex'],
      [ask({ phone: '123456' }), 400, 'councils.request.bad_phone'],
      [ask({ textKm: 'We need a well' }), 400, 'councils.request.not_khmer'],
    ] as const) {
      expect(await problem(anon, 'POST', url, body)).toEqual({ status, code });
    }
    // A village has no council.
    expect(await problem(anon, 'POST', '/api/councils/units/23020101/requests', ask())).toEqual({
      status: 409,
      code: 'councils.request.no_council',
    });
    const count = await t.db.kysely
      .selectFrom('councils_request')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('acknowledges a request with a number, without an account', async () => {
    first = await call<RequestAnswer>(anon, 'POST', '/api/councils/units/230201/requests', ask(), 201);
    expect(first.number).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(first).toMatchObject({ status: 'received', placeCode: '23020101' });
    expect(first.person?.phone).toBe('+85512555101');
    secret = await call<RequestAnswer>(
      anon,
      'POST',
      '/api/councils/units/230201/requests',
      ask({
        topic: 'security',
        sex: 'male',
        phone: '017 222 333',
        answerPublic: false,
        placeCode: undefined,
      }),
      201,
    );
    expect(secret.placeCode).toBe('230201');
  });

  it('goes on the agenda of a planned meeting of its council, by its clerk only', async () => {
    const url = `/api/councils/requests/${first.number}/agenda`;
    expect(await problem(otherClerk, 'POST', url, { meetingId })).toEqual({
      status: 403,
      code: 'auth.forbidden',
    });
    expect(await problem(anon, 'POST', url, { meetingId })).toMatchObject({ status: 401 });
    expect(await problem(clerk, 'POST', url, { meetingId: 999999 })).toEqual({
      status: 400,
      code: 'councils.request.wrong_meeting',
    });
    const onAgenda = await call<RequestAnswer>(clerk, 'POST', url, { meetingId });
    expect(onAgenda).toMatchObject({ status: 'on_agenda', meetingId });
    const meeting = await call<{ agenda: { titleEn: string }[] }>(
      anon,
      'GET',
      `/api/councils/meetings/${meetingId}`,
    );
    expect(meeting.agenda.map((item) => item.titleEn)).toEqual(['A', `Citizens’ request ${first.number}`]);
    // Requests not yet answered are the council's own business: the public asking for them gets none.
    const url230201 = '/api/councils/units/230201/requests?status=on_agenda';
    expect(await call<{ items: RequestAnswer[]; total: number }>(anon, 'GET', url230201)).toMatchObject({
      items: [],
      total: 0,
    });
    const managed = await call<{ items: RequestAnswer[] }>(clerk, 'GET', url230201);
    expect(managed.items.map((item) => item.number)).toEqual([first.number]);
  });

  it('is answered or referred once; the public sees public answers without the person', async () => {
    const answer = { outcome: 'answered', answeredBy: 'council', answerKm: 'ក្រុមប្រឹក្សានឹងជីកអណ្ដូងនៅឆ្នាំក្រោយ' };
    expect(
      await problem(clerk, 'POST', `/api/councils/requests/${first.number}/answer`, {
        ...answer,
        decisionId: 999999,
      }),
    ).toEqual({ status: 400, code: 'councils.request.bad_decision' });
    expect(
      await problem(clerk, 'POST', `/api/councils/requests/${secret.number}/answer`, {
        ...answer,
        outcome: 'referred',
      }),
    ).toEqual({ status: 400, code: 'councils.request.referred_to_missing' });
    await call(clerk, 'POST', `/api/councils/requests/${first.number}/answer`, answer);
    await call(clerk, 'POST', `/api/councils/requests/${secret.number}/answer`, {
      outcome: 'referred',
      answeredBy: 'chief',
      answerKm: 'បានបញ្ជូនទៅស្នងការដ្ឋាននគរបាល',
      referredTo: 'Provincial police',
    });
    expect(await problem(clerk, 'POST', `/api/councils/requests/${first.number}/answer`, answer)).toEqual({
      status: 409,
      code: 'councils.request.closed',
    });
    const list = await call<{ items: RequestAnswer[]; total: number }>(
      anon,
      'GET',
      '/api/councils/units/230201/requests',
    );
    expect(list.total).toBe(2);
    expect(list.items.every((item) => item.person === undefined)).toBe(true);
    const shownFirst = list.items.find((item) => item.number === first.number)!;
    const shownSecret = list.items.find((item) => item.number === secret.number)!;
    expect(shownFirst.answerKm).toBe(answer.answerKm);
    expect(shownSecret.answerKm).toBeNull();
    // The person reads the private answer with the number and phone; the clerk always.
    const tracked = await call<RequestAnswer>(
      anon,
      'GET',
      `/api/councils/requests/${secret.number}?phone=017222333`,
    );
    expect(tracked.answerKm).toBe('បានបញ្ជូនទៅស្នងការដ្ឋាននគរបាល');
    const wrongPhone = await call<RequestAnswer>(
      anon,
      'GET',
      `/api/councils/requests/${secret.number}?phone=012000000`,
    );
    expect(wrongPhone.answerKm).toBeNull();
    const clerkList = await call<{ items: RequestAnswer[] }>(
      clerk,
      'GET',
      '/api/councils/units/230201/requests',
    );
    expect(clerkList.items.find((item) => item.number === secret.number)?.person?.sex).toBe('male');
  });

  it('counts requests by sex and topic', async () => {
    const stats = await call<{
      total: number;
      bySex: { key: string; count: number }[];
      byTopic: { key: string; count: number }[];
    }>(anon, 'GET', '/api/councils/units/230201/request-stats');
    expect(stats.total).toBe(2);
    expect(stats.bySex).toEqual([
      { key: 'female', count: 1 },
      { key: 'male', count: 1 },
    ]);
    expect(stats.byTopic).toEqual([
      { key: 'security', count: 1 },
      { key: 'water_sanitation', count: 1 },
    ]);
  });

  it('throttles filing from one phone, with Retry-After', async () => {
    const phone = '088 777 6666';
    for (let i = 0; i < 5; i += 1) {
      await call(anon, 'POST', '/api/councils/units/230201/requests', ask({ phone }), 201);
    }
    const refused = await anon.request('POST', '/api/councils/units/230201/requests', ask({ phone }));
    expect(refused.statusCode).toBe(429);
    expect(refused.json<{ code: string }>().code).toBe('councils.request.throttled');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('leaves each step in the audit trail, never the phone', async () => {
    const records = await t.db.kysely
      .selectFrom('audit_record')
      .select(['action', 'after'])
      .where('entity_type', '=', 'councils.request')
      .orderBy('seq')
      .execute();
    expect(records.slice(0, 5).map((record) => record.action)).toEqual([
      'councils.request.file',
      'councils.request.file',
      'councils.request.agenda',
      'councils.request.answer',
      'councils.request.refer',
    ]);
    expect(JSON.stringify(records)).not.toContain('+85512555101');
  });
});
