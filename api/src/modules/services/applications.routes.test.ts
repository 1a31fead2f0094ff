/**
 * Applications end to end: filing online and at the counter, the bad-input list (each with its
 * stable code, and a check that nothing was written), the status path and its clock, fees,
 * ratings, attachments, public tracking, scoped lists and the outbox.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, signedIn, type Client } from '../../test-support/http.ts';
import { openTestApp, type TestApp } from '../../test-support/test-app.ts';
import { DEMO_PASSWORD } from '../access/index.ts';
import { feesCollected } from './applications.service.ts';
import type { ServicesTables } from './services.tables.ts';
import type { ServicesModuleContext } from './context.ts';
import { modules } from '../../modules.ts';
import { wireModules } from '../../platform/wiring.ts';
import { tablesOf } from '../../platform/db/tables-of.ts';
import { addWorkingDays, todayInCambodia, workingDaysBetween } from './working-days.ts';

let t: TestApp;
let attachmentsDir: string;
let admin: Client;
let district: Client; // district officer at 2302 (the OWSO)
let clerk: Client; // commune clerk at 230201
let otherDistrict: Client; // district officer at 2301
let citizen: Client;
let publicClient: Client;
const db = () => tablesOf<ServicesTables>(t.db.kysely);

/** The services module's context, as the platform wires it over the test database. */
const moduleCtx = () =>
  wireModules(t.db.kysely, modules).contextOf('services') as unknown as ServicesModuleContext;

interface Application {
  trackingNumber: string;
  trackingNumberFormatted: string;
  status: string;
  nextStatuses: string[];
  dueDate: string;
  filedOn: string;
  channel: string;
  unitCode: string;
  applicant: { name: string; phone: string | null; email: string | null; sex: string; userId: number | null };
  events: { fromStatus: string | null; toStatus: string; note: string | null }[];
  fee: { amountRiel: number; receiptNumber: string } | null;
  attachments: { id: number; fileName: string; contentType: string; sizeBytes: number }[];
  isOverdue: boolean;
  decidedOn: string | null;
  pausedWorkingDays: number;
  standardVersion: number;
}

const licenceValues = { business_name: 'Test shop', business_type: 'retail', workers: 2 };
const counterBody = (overrides: Record<string, unknown> = {}) => ({
  serviceCode: 'owso.business_licence_small',
  unitCode: '2302',
  values: licenceValues,
  applicant: { name: 'ចាន់ សុភា', sex: 'female', ageGroup: '35-49', disability: true, phone: '012 999 001' },
  ...overrides,
});

async function holidays(): Promise<Set<string>> {
  const rows = await db().selectFrom('services_holiday').select('day').execute();
  return new Set(rows.map((row) => row.day));
}

/** Rows of every table an application touches, and its audit records: "nothing written" means none of these moved. */
async function footprint() {
  const count = async (table: keyof ServicesTables | 'notifications_message') =>
    Number(
      (
        await t.db.kysely
          .selectFrom(table)
          .select(sql<number>`count(*)::int`.as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const audit = await t.db.kysely
    .selectFrom('audit_record')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('entity_type', 'like', 'services.%')
    .executeTakeFirstOrThrow();
  return {
    applications: await count('services_application'),
    events: await count('services_application_event'),
    fees: await count('services_fee_payment'),
    attachments: await count('services_attachment'),
    outbox: await count('notifications_message'),
    audit: audit.n,
    files: (await readdir(attachmentsDir, { recursive: true }).catch(() => [])).length,
  };
}

async function fileAtCounter(client: Client, overrides: Record<string, unknown> = {}): Promise<Application> {
  const response = await client.request('POST', '/api/services/applications/counter', counterBody(overrides));
  if (response.statusCode !== 201) throw new Error(`${response.statusCode} ${response.body}`);
  return response.json<Application>();
}

const move = (client: Client, number: string, to: string, note?: string) =>
  client.request('POST', `/api/services/applications/${number}/transitions`, {
    to,
    ...(note ? { note } : {}),
  });

function multipart(fileName: string, bytes: Buffer, contentType = 'application/pdf') {
  const boundary = `----sndd${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
const pdf = (size = 2000) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size, 0x20)]);
const png = () =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 1)]);

async function officerAt(unit: string, role: string): Promise<Client> {
  const email = `${role}.${unit}@services-test.example`;
  const user = (
    await admin.request('POST', '/api/access/users', {
      email,
      displayName: `Test ${role}`,
      homeUnitCode: unit,
      password: 'services-test-2026',
    })
  ).json<{ id: number }>();
  await t.db.kysely
    .updateTable('access_user')
    .set({ must_change_password: false })
    .where('id', '=', user.id)
    .execute();
  await admin.request('POST', `/api/access/users/${user.id}/assignments`, { roleCode: role, unitCode: unit });
  return signedIn(t.app, email, 'services-test-2026');
}

beforeAll(async () => {
  attachmentsDir = await mkdtemp(path.join(os.tmpdir(), 'sndd-attachments-'));
  process.env.ATTACHMENTS_DIR = attachmentsDir;
  t = await openTestApp();
  admin = await signedIn(t.app, 'admin@sndd.example', DEMO_PASSWORD);
  district = await signedIn(t.app, 'kep.district@sndd.example', DEMO_PASSWORD);
  clerk = await signedIn(t.app, 'kep.clerk@sndd.example', DEMO_PASSWORD);
  citizen = await signedIn(t.app, '+85512345678', DEMO_PASSWORD);
  otherDistrict = await officerAt('2301', 'district_officer');
  publicClient = anonymous(t.app);
}, 120_000);
afterAll(async () => {
  await t.close();
  delete process.env.ATTACHMENTS_DIR;
  await rm(attachmentsDir, { recursive: true, force: true });
});

describe('filing', () => {
  it('files online as the signed-in citizen, with the due date in working days and a message', async () => {
    const response = await citizen.request('POST', '/api/services/applications', {
      serviceCode: 'commune.birth_certificate',
      unitCode: '230201',
      values: {
        child_name: 'Dara',
        date_of_birth: '2026-11-20',
        child_sex: 'male',
        place_of_birth: 'hospital',
        mother_name: 'Sokha',
      },
      applicant: { sex: 'female', ageGroup: '18-34' },
    });
    expect(response.statusCode, response.body).toBe(201);
    const application = response.json<Application>();
    const today = todayInCambodia();
    expect(application).toMatchObject({
      status: 'received',
      channel: 'online',
      unitCode: '230201',
      filedOn: today,
      standardVersion: 1,
    });
    expect(application.applicant).toMatchObject({
      name: 'Example citizen',
      phone: '+85512345678',
      sex: 'female',
    });
    expect(application.applicant.userId).not.toBeNull();
    expect(application.dueDate).toBe(addWorkingDays(today, 1, await holidays()));
    expect(application.trackingNumberFormatted).toBe(
      `${application.trackingNumber.slice(0, 4)}-${application.trackingNumber.slice(4)}`,
    );
    expect(application.events).toEqual([expect.objectContaining({ fromStatus: null, toStatus: 'received' })]);

    const message = await t.db.kysely
      .selectFrom('notifications_message')
      .selectAll()
      .where('reference', '=', application.trackingNumber)
      .executeTakeFirstOrThrow();
    expect(message).toMatchObject({
      source_module: 'services',
      recipient_phone: '+85512345678',
      unit_code: '230201',
      subject_status: 'received',
      state: 'pending',
    });
    expect(message.text_km).toContain('សំបុត្រកំណើត');
    expect(message.text_en).toContain(application.trackingNumberFormatted);

    const audit = await t.db.kysely
      .selectFrom('audit_record')
      .selectAll()
      .where('entity_id', '=', application.trackingNumber)
      .execute();
    expect(audit.map((record) => record.action)).toEqual(['services.application.file']);
    // The audit trail holds the case, not the person.
    expect(JSON.stringify(audit[0]!.after)).not.toContain('12345678');

    const mine = (await citizen.request('GET', '/api/services/my/applications')).json<{
      items: { trackingNumber: string }[];
    }>();
    expect(mine.items.map((item) => item.trackingNumber)).toContain(application.trackingNumber);
    expect(
      (await citizen.request('GET', `/api/services/applications/${application.trackingNumber}`)).statusCode,
    ).toBe(200);
    expect(
      (await clerk.request('GET', `/api/services/applications/${application.trackingNumber}`)).statusCode,
    ).toBe(200);
    expect(
      (await otherDistrict.request('GET', `/api/services/applications/${application.trackingNumber}`))
        .statusCode,
    ).toBe(403);
    expect(
      (await publicClient.request('GET', `/api/services/applications/${application.trackingNumber}`))
        .statusCode,
    ).toBe(401);
  });

  it('files at the counter for someone who came in person (no e-mail), by an officer of that office', async () => {
    const application = await fileAtCounter(district);
    expect(application).toMatchObject({ channel: 'counter', status: 'received' });
    expect(application.applicant).toMatchObject({
      name: 'ចាន់ សុភា',
      phone: '+85512999001',
      email: null,
      userId: null,
    });
    // A commune clerk files at the commune, not at the district's OWSO.
    const refused = await clerk.request('POST', '/api/services/applications/counter', counterBody());
    expect(refused.statusCode).toBe(403);
    const atCommune = await clerk.request(
      'POST',
      '/api/services/applications/counter',
      counterBody({
        serviceCode: 'commune.certification',
        unitCode: '230201',
        values: { document_kind: 'signature', copies: '2' },
      }),
    );
    expect(atCommune.statusCode, atCommune.body).toBe(201);
    expect(
      (await citizen.request('POST', '/api/services/applications/counter', counterBody())).statusCode,
    ).toBe(403);
  });

  it('refuses bad input with a stable code and writes nothing', async () => {
    const before = await footprint();
    const cases: [Record<string, unknown>, number, string][] = [
      [counterBody({ serviceCode: 'owso.no_such_service' }), 400, 'services.standard.unknown'],
      [counterBody({ serviceCode: 'commune.birth_certificate' }), 400, 'services.standard.not_offered'],
      [
        counterBody({ values: { business_name: 'Shop', workers: 2 } }),
        400,
        'services.application.missing_field',
      ],
      [
        counterBody({ values: { ...licenceValues, business_type: 'casino' } }),
        400,
        'services.application.value_not_in_list',
      ],
      [
        counterBody({ values: { ...licenceValues, extras: ['music', 'fireworks'] } }),
        400,
        'services.application.value_not_in_list',
      ],
      [
        counterBody({ values: { ...licenceValues, colour: 'red' } }),
        400,
        'services.application.unknown_field',
      ],
      [
        counterBody({ values: { ...licenceValues, workers: 'many' } }),
        400,
        'services.application.bad_field_value',
      ],
      [
        counterBody({ values: { ...licenceValues, opening_date: '2026-02-30' } }),
        400,
        'services.application.bad_field_value',
      ],
      [counterBody({ description: 'x'.repeat(2001) }), 400, 'services.application.description_too_long'],
      [
        counterBody({ applicant: { name: 'A', sex: 'female', ageGroup: '35-49', phone: '12' } }),
        400,
        'services.applicant.bad_phone',
      ],
      [
        counterBody({ applicant: { name: 'A', sex: 'x', ageGroup: '35-49' } }),
        400,
        'services.applicant.bad_sex',
      ],
      [
        counterBody({ applicant: { name: 'A', sex: 'male', ageGroup: '100+' } }),
        400,
        'services.applicant.bad_age_group',
      ],
      [counterBody({ applicant: { sex: 'male', ageGroup: '18-34' } }), 400, 'http.request.invalid'],
    ];
    for (const [body, status, code] of cases) {
      const response = await district.request('POST', '/api/services/applications/counter', body);
      expect(response.statusCode, `${code}: ${response.body}`).toBe(status);
      expect(response.json<{ code: string }>().code, response.body).toBe(code);
    }
    expect(await footprint()).toEqual(before);
  });
});

describe('the status path', () => {
  it('refuses steps out of order and changes by an officer of another unit, leaving the application as it was', async () => {
    const application = await fileAtCounter(district);
    const before = await footprint();
    const skipped = await move(district, application.trackingNumber, 'approved');
    expect(skipped.statusCode).toBe(409);
    expect(skipped.json()).toMatchObject({ code: 'services.application.invalid_transition' });
    const elsewhere = await move(otherDistrict, application.trackingNumber, 'under_review');
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json()).toMatchObject({ code: 'auth.forbidden' });
    // A commune clerk below the OWSO is not responsible for it either.
    expect((await move(clerk, application.trackingNumber, 'under_review')).statusCode).toBe(403);
    const unknownStatus = await move(district, application.trackingNumber, 'lost');
    expect(unknownStatus.json()).toMatchObject({ code: 'services.application.bad_status' });
    const after = await footprint();
    // The refusals of other units are themselves recorded (auth.access.denied), nothing else.
    expect({ ...after, audit: 0 }).toEqual({ ...before, audit: 0 });
    const row = await db()
      .selectFrom('services_application')
      .selectAll()
      .where('tracking_number', '=', application.trackingNumber)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('received');
    expect((await move(district, application.trackingNumber, 'under_review')).statusCode).toBe(200);
  });

  it('stops the clock while more information is awaited and moves the due date on by the days waited', async () => {
    const application = await fileAtCounter(district);
    const number = application.trackingNumber;
    expect((await move(district, number, 'under_review')).statusCode).toBe(200);
    const noNote = await move(district, number, 'more_info_needed');
    expect(noNote.json()).toMatchObject({ code: 'services.application.note_required' });
    const paused = await move(district, number, 'more_info_needed', 'Bring the lease of the premises.');
    expect(paused.statusCode, paused.body).toBe(200);
    // The applicant was told, with the note.
    const messages = await t.db.kysely
      .selectFrom('notifications_message')
      .selectAll()
      .where('reference', '=', number)
      .orderBy('id')
      .execute();
    expect(messages.map((message) => message.subject_status)).toEqual([
      'received',
      'under_review',
      'more_info_needed',
    ]);
    expect(messages[2]!.text_en).toContain('Bring the lease');

    // Pretend the clock stopped eight calendar days ago.
    const today = todayInCambodia();
    const stoppedOn = new Date(Date.parse(`${today}T00:00:00Z`) - 8 * 86_400_000).toISOString().slice(0, 10);
    await db()
      .updateTable('services_application')
      .set({ paused_since: stoppedOn })
      .where('tracking_number', '=', number)
      .execute();
    const resumed = (await move(district, number, 'under_review')).json<Application>();
    const days = await holidays();
    const waited = workingDaysBetween(stoppedOn, today, days);
    expect(waited).toBeGreaterThan(0);
    expect(resumed.pausedWorkingDays).toBe(waited);
    expect(resumed.dueDate).toBe(addWorkingDays(application.dueDate, waited, days));

    // Each answer says which steps may follow, as the status path has it.
    expect(resumed.nextStatuses).toEqual(['more_info_needed', 'approved', 'rejected']);
    const approved = (await move(district, number, 'approved', 'All in order.')).json<Application>();
    expect(approved.decidedOn).toBe(today);
    expect(approved.nextStatuses).toEqual(['ready_for_collection']);
    expect((await move(district, number, 'ready_for_collection')).statusCode).toBe(200);
    const closed = (await move(district, number, 'closed')).json<Application>();
    expect(closed.events.map((event) => event.toStatus)).toEqual([
      'received',
      'under_review',
      'more_info_needed',
      'under_review',
      'approved',
      'ready_for_collection',
      'closed',
    ]);
    expect((await move(district, number, 'under_review')).json()).toMatchObject({
      code: 'services.application.invalid_transition',
    });
    const audit = await t.db.kysely
      .selectFrom('audit_record')
      .select('action')
      .where('entity_id', '=', number)
      .orderBy('seq')
      .execute();
    expect(audit.map((record) => record.action)).toEqual([
      'services.application.file',
      ...Array(6).fill('services.application.transition'),
    ]);

    // Followed by anyone holding the number, without personal data or notes.
    const tracked = await publicClient.request(
      'GET',
      `/api/services/track/${closed.trackingNumberFormatted.toLowerCase()}`,
    );
    expect(tracked.statusCode).toBe(200);
    expect(tracked.json()).toMatchObject({
      status: 'closed',
      serviceCode: 'owso.business_licence_small',
      unitCode: '2302',
    });
    expect(tracked.json<{ history: { status: string }[] }>().history.map((item) => item.status)).toHaveLength(
      7,
    );
    expect(tracked.body).not.toContain('ចាន់ សុភា');
    expect(tracked.body).not.toContain('999001');
    expect(tracked.body).not.toContain('Bring the lease');
  });

  it('tracks only real numbers', async () => {
    expect((await publicClient.request('GET', '/api/services/track/AAAA-AAAA')).json()).toMatchObject({
      code: 'services.application.not_found',
    });
    expect((await publicClient.request('GET', '/api/services/track/A')).statusCode).toBe(400);
  });

  it('flags overdue applications and lists them by filter', async () => {
    const late = await fileAtCounter(district);
    await db()
      .updateTable('services_application')
      .set({ due_date: '2026-01-05' })
      .where('tracking_number', '=', late.trackingNumber)
      .execute();
    expect(
      (await district.request('GET', `/api/services/applications/${late.trackingNumber}`)).json<Application>()
        .isOverdue,
    ).toBe(true);
    const overdue = (
      await district.request('GET', '/api/services/applications?overdue=true&pageSize=500')
    ).json<{ items: { trackingNumber: string; isOverdue: boolean }[] }>();
    expect(overdue.items.map((item) => item.trackingNumber)).toContain(late.trackingNumber);
    expect(overdue.items.every((item) => item.isOverdue)).toBe(true);
    const onTime = (
      await district.request('GET', '/api/services/applications?overdue=false&pageSize=500')
    ).json<{ items: { trackingNumber: string; isOverdue: boolean }[] }>();
    expect(onTime.items.map((item) => item.trackingNumber)).not.toContain(late.trackingNumber);
  });
});

describe('lists are scoped', () => {
  it('shows each officer the applications of their subtree only', async () => {
    const all = (await district.request('GET', '/api/services/applications?pageSize=500')).json<{
      items: { unitCode: string }[];
      total: number;
    }>();
    expect(all.items.every((item) => item.unitCode.startsWith('2302'))).toBe(true);
    expect(new Set(all.items.map((item) => item.unitCode))).toEqual(new Set(['2302', '230201']));
    const commune = (await clerk.request('GET', '/api/services/applications?pageSize=500')).json<{
      items: { unitCode: string }[];
    }>();
    expect(commune.items.length).toBeGreaterThan(0);
    expect(commune.items.every((item) => item.unitCode === '230201')).toBe(true);
    expect((await otherDistrict.request('GET', '/api/services/applications')).json()).toMatchObject({
      total: 0,
    });
    const filtered = (
      await district.request('GET', '/api/services/applications?unitCode=230201&status=received')
    ).json<{ items: { unitCode: string; status: string }[] }>();
    expect(filtered.items.every((item) => item.unitCode === '230201' && item.status === 'received')).toBe(
      true,
    );
    expect((await citizen.request('GET', '/api/services/applications')).statusCode).toBe(403);

    const outbox = (await clerk.request('GET', '/api/services/outbox?pageSize=500')).json<{
      items: { unitCode: string }[];
      total: number;
    }>();
    expect(outbox.total).toBeGreaterThan(0);
    expect(outbox.items.every((item) => item.unitCode === '230201')).toBe(true);
    const districtOutbox = (await district.request('GET', '/api/services/outbox?pageSize=500')).json<{
      total: number;
    }>();
    expect(districtOutbox.total).toBeGreaterThan(outbox.total);
    expect((await otherDistrict.request('GET', '/api/services/outbox')).json()).toMatchObject({ total: 0 });
  });
});

describe('fees', () => {
  it('records the published fee once, with a receipt unique to the office, as revenue of the unit', async () => {
    const application = await fileAtCounter(district);
    const url = `/api/services/applications/${application.trackingNumber}/fee`;
    const year = Number(todayInCambodia().slice(0, 4));
    const revenue = await feesCollected(moduleCtx(), '2302', year);
    expect(
      (await district.request('POST', url, { tierCode: 'huge', amountRiel: 1, receiptNumber: 'R-1' })).json(),
    ).toMatchObject({ code: 'services.fee.unknown_tier' });
    expect(
      (
        await district.request('POST', url, { tierCode: 'small', amountRiel: 250_000, receiptNumber: 'R-1' })
      ).json(),
    ).toMatchObject({ code: 'services.fee.amount_mismatch' });
    expect(
      (
        await district.request('POST', url, {
          tierCode: 'small',
          amountRiel: 200_000,
          receiptNumber: 'KEP-2026-0001',
        })
      ).json(),
    ).toMatchObject({ code: 'services.fee.duplicate_receipt' });
    const paid = await district.request('POST', url, {
      tierCode: 'small',
      amountRiel: 200_000,
      receiptNumber: 'R-1',
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json<Application>().fee).toMatchObject({ amountRiel: 200_000, receiptNumber: 'R-1' });
    expect(
      (
        await district.request('POST', url, { tierCode: 'small', amountRiel: 200_000, receiptNumber: 'R-2' })
      ).json(),
    ).toMatchObject({ code: 'services.fee.already_paid' });
    expect(
      (
        await otherDistrict.request('POST', url, {
          tierCode: 'small',
          amountRiel: 200_000,
          receiptNumber: 'R-3',
        })
      ).statusCode,
    ).toBe(403);
    expect(await feesCollected(moduleCtx(), '2302', year)).toEqual({
      unitCode: '2302',
      year,
      totalRiel: revenue.totalRiel + 200_000,
      payments: revenue.payments + 1,
    });
    // The demo seed's fees of 2026 at the OWSO: 100,000 + 100,000 riel.
    expect((await feesCollected(moduleCtx(), '2302', 2026)).totalRiel).toBeGreaterThanOrEqual(200_000);
    expect(await feesCollected(moduleCtx(), '2301', year)).toMatchObject({ totalRiel: 0, payments: 0 });
  });
});

describe('ratings', () => {
  it('lets the applicant rate once after closing, by phone number or signed in', async () => {
    const application = await fileAtCounter(district);
    const url = `/api/services/applications/${application.trackingNumber}/rating`;
    expect(
      (await publicClient.request('POST', url, { stars: 5, phone: '012 999 001' })).json(),
    ).toMatchObject({ code: 'services.rating.not_closed' });
    for (const step of ['under_review', 'rejected'])
      await move(district, application.trackingNumber, step, 'Not a small enterprise.');
    expect((await move(district, application.trackingNumber, 'closed')).statusCode).toBe(200);
    expect((await publicClient.request('POST', url, { stars: 5 })).json()).toMatchObject({
      code: 'services.rating.not_applicant',
    });
    expect((await publicClient.request('POST', url, { stars: 5, phone: '012 999 002' })).statusCode).toBe(
      403,
    );
    const rated = await publicClient.request('POST', url, {
      stars: 4,
      comment: 'Quick and polite.',
      phone: '+855 12 999 001',
    });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json()).toMatchObject({ rated: true, status: 'closed' });
    expect(
      (await publicClient.request('POST', url, { stars: 1, phone: '012 999 001' })).json(),
    ).toMatchObject({ code: 'services.rating.already_rated' });
    const row = await db()
      .selectFrom('services_application')
      .selectAll()
      .where('tracking_number', '=', application.trackingNumber)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ rating: 4, rating_comment: 'Quick and polite.' });
    expect((await publicClient.request('POST', url, { stars: 6, phone: '012 999 001' })).statusCode).toBe(
      400,
    );
  });

  it('lets the signed-in applicant rate without the phone number', async () => {
    const filed = (
      await citizen.request('POST', '/api/services/applications', {
        serviceCode: 'commune.certification',
        unitCode: '230201',
        values: { document_kind: 'copy', copies: 1 },
      })
    ).json<Application>();
    for (const step of ['under_review', 'approved', 'ready_for_collection', 'closed']) {
      expect((await move(clerk, filed.trackingNumber, step)).statusCode).toBe(200);
    }
    const rated = await citizen.request('POST', `/api/services/applications/${filed.trackingNumber}/rating`, {
      stars: 5,
    });
    expect(rated.statusCode, rated.body).toBe(200);
  });
});

describe('attachments', () => {
  it('stores PDF, JPEG and PNG files recognised by their content, and serves them back', async () => {
    const application = await fileAtCounter(district);
    const upload = multipart('lease.pdf', pdf());
    const response = await district.request(
      'POST',
      `/api/services/applications/${application.trackingNumber}/attachments`,
      upload.body,
      upload.headers,
    );
    expect(response.statusCode, response.body).toBe(201);
    const stored = response.json<Application>().attachments;
    expect(stored).toEqual([
      expect.objectContaining({
        fileName: 'lease.pdf',
        contentType: 'application/pdf',
        sizeBytes: pdf().length,
      }),
    ]);
    const image = multipart('plan.png', png(), 'image/png');
    expect(
      (
        await district.request(
          'POST',
          `/api/services/applications/${application.trackingNumber}/attachments`,
          image.body,
          image.headers,
        )
      ).statusCode,
    ).toBe(201);
    const content = await district.request(
      'GET',
      `/api/services/applications/${application.trackingNumber}/attachments/${stored[0]!.id}`,
    );
    expect(content.statusCode).toBe(200);
    expect(content.headers['content-type']).toBe('application/pdf');
    expect(content.rawPayload.equals(pdf())).toBe(true);
    expect(
      (
        await otherDistrict.request(
          'GET',
          `/api/services/applications/${application.trackingNumber}/attachments/${stored[0]!.id}`,
        )
      ).statusCode,
    ).toBe(403);
    expect(
      (await readdir(attachmentsDir, { recursive: true })).filter(
        (name) => name.includes('/') || name.includes('\\'),
      ),
    ).toHaveLength(2);
  });

  it('refuses files over the limit, of other types, or with a folder in their name, and writes nothing', async () => {
    const application = await fileAtCounter(district);
    const url = `/api/services/applications/${application.trackingNumber}/attachments`;
    const before = await footprint();
    const cases: [ReturnType<typeof multipart>, number, string][] = [
      [multipart('big.pdf', pdf(5 * 1024 * 1024)), 413, 'services.attachment.too_large'],
      [
        multipart('notes.txt', Buffer.from('plain text'), 'text/plain'),
        415,
        'services.attachment.type_not_allowed',
      ],
      [
        multipart('virus.pdf', Buffer.from('MZ\x90\x00 not a pdf'), 'application/pdf'),
        415,
        'services.attachment.type_not_allowed',
      ],
      [multipart('photo.pdf', png(), 'application/pdf'), 415, 'services.attachment.type_not_allowed'],
      [multipart('../../etc/lease.pdf', pdf()), 400, 'services.attachment.bad_name'],
      [multipart('C:\\Users\\lease.pdf', pdf()), 400, 'services.attachment.bad_name'],
      [multipart('folder/lease.pdf', pdf()), 400, 'services.attachment.bad_name'],
    ];
    for (const [upload, status, code] of cases) {
      const response = await district.request('POST', url, upload.body, upload.headers);
      expect(response.statusCode, `${code}: ${response.body}`).toBe(status);
      expect(response.json<{ code: string }>().code).toBe(code);
    }
    const notMultipart = await district.request('POST', url, { file: 'x' });
    expect(notMultipart.statusCode).toBe(415);
    // A form cut short (found by the fuzz suite: it was a 500).
    const broken = await district.request('POST', url, '--x\r\nbroken', {
      'content-type': 'multipart/form-data; boundary=x',
    });
    expect(broken.statusCode, broken.body).toBe(415);
    expect(broken.json<{ code: string }>().code).toBe('services.attachment.not_multipart');
    expect(await footprint()).toEqual(before);
  });
});
