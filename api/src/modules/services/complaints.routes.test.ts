/** Complaints: routing to the district's ombudsman office, the case path, public following, scope, messages. */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, signedIn, type Client } from '../../test-support/http.ts';
import { openTestApp, type TestApp } from '../../test-support/test-app.ts';
import { tablesOf } from '../../platform/db/tables-of.ts';
import { DEMO_PASSWORD } from '../access/index.ts';
import type { ServicesTables } from './services.tables.ts';

let t: TestApp;
let district: Client; // 2302
let clerk: Client; // 230201: no complaint.handle
let province: Client; // 23
let publicClient: Client;
let citizen: Client;
const db = () => tablesOf<ServicesTables>(t.db.kysely);

interface Complaint {
  trackingNumber: string;
  handlingUnitCode: string;
  concernedUnitCode: string;
  status: string;
  nextStatuses: string[];
  complainant: { userId: number | null; phone: string | null; name: string | null };
  decision: string | null;
  reply: string | null;
  events: { toStatus: string }[];
}

const complaint = (overrides: Record<string, unknown> = {}) => ({
  subject: 'office',
  unitCode: '230202',
  description: 'The office was closed during opening hours.',
  complainant: { phone: '012 444 555', sex: 'male', ageGroup: '50-64' },
  ...overrides,
});

beforeAll(async () => {
  t = await openTestApp();
  district = await signedIn(t.app, 'kep.district@sndd.example', DEMO_PASSWORD);
  clerk = await signedIn(t.app, 'kep.clerk@sndd.example', DEMO_PASSWORD);
  province = await signedIn(t.app, 'kep.province@sndd.example', DEMO_PASSWORD);
  citizen = await signedIn(t.app, '+85512345678', DEMO_PASSWORD);
  publicClient = anonymous(t.app);
}, 120_000);
afterAll(async () => t.close());

const move = (client: Client, number: string, body: Record<string, unknown>) =>
  client.request('POST', `/api/services/complaints/${number}/transitions`, body);

describe('complaints', () => {
  it('are routed to the ombudsman office of the district above the office concerned', async () => {
    const response = await publicClient.request('POST', '/api/services/complaints', complaint());
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      concernedUnitCode: '230202',
      handlingUnitCode: '2302',
      status: 'received',
      complainant: { userId: null },
    });
    const aboutDistrict = (
      await publicClient.request('POST', '/api/services/complaints', complaint({ unitCode: '2301' }))
    ).json<Complaint>();
    expect(aboutDistrict.handlingUnitCode).toBe('2301');
    const aboutProvince = (
      await publicClient.request('POST', '/api/services/complaints', complaint({ unitCode: '23' }))
    ).json<Complaint>();
    expect(aboutProvince.handlingUnitCode).toBe('23');
    const signed = (
      await citizen.request('POST', '/api/services/complaints', complaint({ complainant: undefined }))
    ).json<Complaint>();
    expect(signed.complainant.userId).not.toBeNull();
    expect(signed.complainant.name).toBe('Example citizen');
  });

  it('refuses bad complaints with stable codes and writes nothing', async () => {
    const count = async () =>
      (
        await db()
          .selectFrom('services_complaint')
          .select(sql<number>`count(*)::int`.as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [complaint({ subject: 'weather' }), 'services.complaint.bad_subject'],
      [complaint({ subject: 'service' }), 'services.complaint.service_required'],
      [complaint({ subject: 'service', serviceCode: 'owso.nothing' }), 'services.standard.unknown'],
      [complaint({ subject: 'officer' }), 'services.complaint.officer_required'],
      [complaint({ description: 'x'.repeat(4001) }), 'services.complaint.description_too_long'],
      // Whitespace only: refused by the platform's rule for required text, before the service.
      [complaint({ description: '   ' }), 'http.request.invalid'],
      [complaint({ unitCode: '239999' }), 'gazetteer.unit.unknown'],
      [complaint({ applicationNumber: 'AAAA-AAAA' }), 'services.complaint.unknown_application'],
      [complaint({ complainant: { phone: 'abc' } }), 'services.applicant.bad_phone'],
    ];
    for (const [body, code] of cases) {
      const response = await publicClient.request('POST', '/api/services/complaints', body);
      expect(response.statusCode, `${code}: ${response.body}`).toBe(400);
      expect(response.json<{ code: string }>().code).toBe(code);
    }
    expect(await count()).toBe(before);
  });

  it('follow the case path to a decision and a reply, each step told to the complainant and audited', async () => {
    const filed = (
      await publicClient.request(
        'POST',
        '/api/services/complaints',
        // The complainant agrees that the reply be public (else only they read it: quiet-rules.test.ts).
        complaint({
          subject: 'service',
          serviceCode: 'commune.certification',
          unitCode: '230201',
          publishReply: true,
        }),
      )
    ).json<Complaint>();
    const number = filed.trackingNumber;
    expect(filed.handlingUnitCode).toBe('2302');
    expect(filed.nextStatuses).toEqual(['under_investigation']);
    expect((await move(district, number, { to: 'decided', decision: 'x' })).json()).toMatchObject({
      code: 'services.complaint.invalid_transition',
    });
    expect((await move(clerk, number, { to: 'under_investigation' })).statusCode).toBe(403);
    expect(
      (await move(district, number, { to: 'under_investigation', note: 'Visited the office.' })).statusCode,
    ).toBe(200);
    expect((await move(district, number, { to: 'decided' })).json()).toMatchObject({
      code: 'services.complaint.decision_required',
    });
    expect(
      (
        await move(district, number, {
          to: 'decided',
          decision: 'The clerk charged 3,000 riel too much; refund and warning.',
        })
      ).statusCode,
    ).toBe(200);
    expect((await move(district, number, { to: 'replied' })).json()).toMatchObject({
      code: 'services.complaint.reply_required',
    });
    const replied = await move(province, number, {
      to: 'replied',
      reply: 'The extra 3,000 riel will be refunded at the office.',
    });
    expect(replied.statusCode, replied.body).toBe(200);
    const closed = (await move(district, number, { to: 'closed' })).json<Complaint>();
    expect(closed).toMatchObject({ status: 'closed', decision: expect.stringContaining('refund') });
    expect(closed.events.map((event) => event.toStatus)).toEqual([
      'received',
      'under_investigation',
      'decided',
      'replied',
      'closed',
    ]);

    const messages = await t.db.kysely
      .selectFrom('notifications_message')
      .selectAll()
      .where('reference', '=', number)
      .orderBy('id')
      .execute();
    expect(messages.map((message) => message.subject_status)).toEqual([
      'received',
      'under_investigation',
      'decided',
      'replied',
      'closed',
    ]);
    expect(
      messages.every((message) => message.recipient_phone === '+85512444555' && message.unit_code === '2302'),
    ).toBe(true);
    expect(messages[3]!.text_en).toContain('refunded');
    const audit = await t.db.kysely
      .selectFrom('audit_record')
      .select('action')
      .where('entity_type', '=', 'services.complaint')
      .where('entity_id', '=', number)
      .execute();
    expect(audit).toHaveLength(5);

    const tracked = await publicClient.request('GET', `/api/services/complaints/track/${number}`);
    expect(tracked.statusCode).toBe(200);
    expect(tracked.json()).toMatchObject({
      status: 'closed',
      serviceCode: 'commune.certification',
      reply: expect.stringContaining('refunded'),
    });
    expect(tracked.body).not.toContain('444555');
    expect(tracked.body).not.toContain('Visited the office');
    expect((await publicClient.request('GET', '/api/services/complaints/track/AAAA-AAAA')).statusCode).toBe(
      404,
    );
  });

  it('are seen only by the handling office and those above it', async () => {
    const kep = (await district.request('GET', '/api/services/complaints?pageSize=500')).json<{
      items: { handlingUnitCode: string }[];
      total: number;
    }>();
    expect(kep.total).toBeGreaterThan(0);
    expect(kep.items.every((item) => item.handlingUnitCode.startsWith('2302'))).toBe(true);
    const provincial = (await province.request('GET', '/api/services/complaints?pageSize=500')).json<{
      total: number;
    }>();
    expect(provincial.total).toBeGreaterThan(kep.total);
    expect((await clerk.request('GET', '/api/services/complaints')).statusCode).toBe(403);
    const elsewhere = (
      await publicClient.request('POST', '/api/services/complaints', complaint({ unitCode: '2301' }))
    ).json<Complaint>();
    expect(
      (await district.request('GET', `/api/services/complaints/${elsewhere.trackingNumber}`)).statusCode,
    ).toBe(403);
    expect(
      (await province.request('GET', `/api/services/complaints/${elsewhere.trackingNumber}`)).statusCode,
    ).toBe(200);
  });
});
