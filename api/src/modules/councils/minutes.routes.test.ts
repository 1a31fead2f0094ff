/**
 * Minutes on a real database: written for a held meeting only, circulated, adopted at a later
 * meeting of the same organ held with its quorum, then frozen (any change refused, the row kept
 * by its trigger too); public to read, written only by a clerk of the unit; every step audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestApp, type TestApp } from '../../test-support/test-app.ts';
import { anonymous, signedIn, type Client } from '../../test-support/http.ts';
import { DEMO_PASSWORD } from '../access/index.ts';
import { call, convene, holdWith, makeOrgan, problem } from './councils.test-bed.ts';

let t: TestApp;
let anon: Client;
let clerk: Client;
let otherClerk: Client;

interface MinutesAnswer {
  meetingId: number;
  status: string;
  textKm: string;
  summaryEn: string | null;
  adoptedAtMeetingId: number | null;
  adoptedOn: string | null;
}

let organId: number;
let members: number[];

async function meetingOn(date: string, present: number): Promise<number> {
  const meeting = await convene(clerk, organId, date);
  await holdWith(clerk, meeting, members.slice(0, present));
  return meeting;
}

let first: number;
let second: number;
let thin: number;
let planned: number;

beforeAll(async () => {
  t = await openTestApp();
  anon = anonymous(t.app);
  const admin = await signedIn(t.app, 'admin@sndd.example', DEMO_PASSWORD);
  clerk = await signedIn(t.app, 'kep.clerk@sndd.example', DEMO_PASSWORD);
  otherClerk = await signedIn(t.app, 'tonlebasak.clerk@sndd.example', DEMO_PASSWORD);
  ({ organId, members } = await makeOrgan(admin, '230201', [
    'chief',
    'deputy',
    'member',
    'member',
    'member',
  ]));
  first = await meetingOn('2026-10-05', 4);
  thin = await meetingOn('2026-10-20', 2);
  second = await meetingOn('2026-11-05', 3);
  planned = await convene(clerk, organId, '2026-11-30', { place: undefined, isOnline: true });
}, 300_000);
afterAll(async () => t.close());

describe('minutes', () => {
  const url = (id: number, tail = '') => `/api/councils/meetings/${id}/minutes${tail}`;

  it('are written only for a held meeting, by a clerk of its unit', async () => {
    expect(await problem(anon, 'GET', url(first))).toEqual({
      status: 404,
      code: 'councils.minutes.not_found',
    });
    expect(await problem(clerk, 'PUT', url(planned), { textKm: 'កំណត់ហេតុ' })).toEqual({
      status: 409,
      code: 'councils.minutes.meeting_not_held',
    });
    expect(await problem(otherClerk, 'PUT', url(first), { textKm: 'កំណត់ហេតុ' })).toEqual({
      status: 403,
      code: 'auth.forbidden',
    });
    expect(await problem(clerk, 'PUT', url(first), { textKm: '   ' })).toMatchObject({ status: 400 });
    const draft = await call<MinutesAnswer>(clerk, 'PUT', url(first), {
      textKm: 'កំណត់ហេតុនៃកិច្ចប្រជុំសាមញ្ញ',
      summaryEn: 'Ordinary meeting: the agenda was discussed.',
    });
    expect(draft).toMatchObject({
      status: 'draft',
      summaryEn: 'Ordinary meeting: the agenda was discussed.',
    });
    expect(await call<MinutesAnswer>(anon, 'GET', url(first))).toMatchObject({
      textKm: 'កំណត់ហេតុនៃកិច្ចប្រជុំសាមញ្ញ',
    });
  });

  it('are adopted only once circulated, at a later meeting of the organ with its quorum', async () => {
    expect(await problem(clerk, 'POST', url(first, '/adopt'), { atMeetingId: second })).toEqual({
      status: 409,
      code: 'councils.minutes.not_circulated',
    });
    expect((await call<MinutesAnswer>(clerk, 'POST', url(first, '/circulate'))).status).toBe('circulated');
    expect(await problem(clerk, 'POST', url(first, '/circulate'))).toEqual({
      status: 409,
      code: 'councils.minutes.not_draft',
    });
    // A change sends them back to draft: members must see the text they adopt.
    expect((await call<MinutesAnswer>(clerk, 'PUT', url(first), { textKm: 'កំណត់ហេតុ (កែ)' })).status).toBe(
      'draft',
    );
    await call(clerk, 'POST', url(first, '/circulate'));
    for (const [atMeetingId, code] of [
      [first, 'councils.minutes.bad_adopting_meeting'], // not later
      [planned, 'councils.minutes.bad_adopting_meeting'], // not held
      [999999, 'councils.minutes.bad_adopting_meeting'],
      [thin, 'councils.minutes.no_quorum'], // 2 of 5 present
    ] as const) {
      expect((await problem(clerk, 'POST', url(first, '/adopt'), { atMeetingId })).code).toBe(code);
    }
    expect((await call<MinutesAnswer>(anon, 'GET', url(first))).status).toBe('circulated');
    const adopted = await call<MinutesAnswer>(clerk, 'POST', url(first, '/adopt'), { atMeetingId: second });
    expect(adopted).toMatchObject({
      status: 'adopted',
      adoptedAtMeetingId: second,
      adoptedOn: '2026-11-05',
      textKm: 'កំណត់ហេតុ (កែ)',
    });
  });

  it('are frozen once adopted: the service and the database refuse a change', async () => {
    for (const [method, tail, body] of [
      ['PUT', '', { textKm: 'ផ្សេង' }],
      ['POST', '/circulate', undefined],
      ['POST', '/adopt', { atMeetingId: second }],
    ] as const) {
      expect(await problem(clerk, method, url(first, tail), body)).toEqual({
        status: 409,
        code: 'councils.minutes.frozen',
      });
    }
    await expect(
      sql`update councils_minutes set text_km = 'x' where meeting_id = ${first}`.execute(t.db.kysely),
    ).rejects.toThrow(/frozen/);
    expect((await call<MinutesAnswer>(anon, 'GET', url(first))).textKm).toBe('កំណត់ហេតុ (កែ)');
  });

  it('leaves each step in the audit trail', async () => {
    const records = await t.db.kysely
      .selectFrom('audit_record')
      .select(['action', 'unit_code'])
      .where('entity_type', '=', 'councils.minutes')
      .where('entity_id', '=', String(first))
      .orderBy('seq')
      .execute();
    expect(records.map((record) => record.action)).toEqual([
      'councils.minutes.write',
      'councils.minutes.circulate',
      'councils.minutes.write',
      'councils.minutes.circulate',
      'councils.minutes.adopt',
    ]);
    expect(records.every((record) => record.unit_code === '230201')).toBe(true);
  });
});
