/**
 * Rules that used to fail quietly (#13 item 6), each through the real routes:
 *  - a form's numbers have bounds (the field's own, else 0 to 1,000,000,000): workers=-5 and
 *    copies=1e308 are refused, the field named, nothing written;
 *  - a fee per copy is the tier's amount times the copies; a fee is never dated after today nor
 *    before the legal decision that set its tier took effect;
 *  - a citizen whose password an administrator set files nothing before changing it;
 *  - an anonymous rating's phone check is throttled per tracking number and per address (429
 *    with Retry-After);
 *  - a complaint's reply is read by the complainant only (phone check, throttled) unless they
 *    agreed to publish it; status and dates stay public.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, signedIn, type Client } from '../../test-support/http.ts';
import { openTestApp, type TestApp } from '../../test-support/test-app.ts';
import { DEMO_PASSWORD } from '../access/index.ts';
import { PHONE_CHECK_RULES } from './phone-check.ts';
import { dayNumber, dayText, todayInCambodia } from './working-days.ts';

const addDays = (day: string, n: number) => dayText(dayNumber(day) + n);

let t: TestApp;
let admin: Client;
let officer: Client; // national officer: edits the catalogue
let district: Client; // 2302
let clerk: Client; // 230201
let publicClient: Client;

beforeAll(async () => {
  t = await openTestApp();
  admin = await signedIn(t.app, 'admin@sndd.example', DEMO_PASSWORD);
  officer = await signedIn(t.app, 'officer@sndd.example', DEMO_PASSWORD);
  district = await signedIn(t.app, 'kep.district@sndd.example', DEMO_PASSWORD);
  clerk = await signedIn(t.app, 'kep.clerk@sndd.example', DEMO_PASSWORD);
  publicClient = anonymous(t.app);
}, 120_000);
afterAll(async () => t.close());

const count = async (table: string) =>
  (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.db.kysely)).rows[0]!
    .n;

const licence = (workers: unknown) => ({
  serviceCode: 'owso.business_licence_small',
  unitCode: '2302',
  values: { business_name: 'Test shop', business_type: 'retail', workers },
  applicant: { name: 'ចាន់ សុភា', sex: 'female', ageGroup: '35-49', phone: '012 999 001' },
});

const certification = (copies: unknown) => ({
  serviceCode: 'commune.certification',
  unitCode: '230201',
  values: { document_kind: 'copy', copies },
  applicant: { name: 'សុខ ដារ៉ា', sex: 'male', ageGroup: '18-34', phone: '012 777 321' },
});

describe('bounds of a form’s numbers', () => {
  it('refuses workers=-5 and copies=1e308 with the field named, and writes nothing', async () => {
    const before = await count('services_application');
    const negative = await district.request('POST', '/api/services/applications/counter', licence(-5));
    expect(negative.statusCode).toBe(400);
    expect(negative.json()).toMatchObject({
      code: 'services.application.value_out_of_range',
      title: expect.stringContaining('"workers"'),
      errors: [{ path: '/values/workers' }],
    });
    // 1e308 in JSON is refused by the platform (beyond ±2^53, the field's path named); a large
    // number it lets through, and 1e308 as text (an Open311 form post), meet the field's bounds.
    const huge = await clerk.request('POST', '/api/services/applications/counter', certification(1e308));
    expect(huge.statusCode).toBe(400);
    expect(huge.body).toContain('/values/copies');
    const large = await clerk.request('POST', '/api/services/applications/counter', certification(1e12));
    expect(large.statusCode).toBe(400);
    expect(large.json()).toMatchObject({
      code: 'services.application.value_out_of_range',
      title: expect.stringContaining('"copies"'),
    });
    const token = await clerk.request('POST', '/api/auth/tokens', { name: 'quiet rules', expiresInDays: 1 });
    const open311 = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        api_key: token.json<{ token: string }>().token,
        jurisdiction_id: '230201',
        service_code: 'commune.certification',
        first_name: 'Sok',
        'attribute[document_kind]': 'copy',
        'attribute[copies]': '1e308',
      }).toString(),
    });
    expect(open311.statusCode).toBe(400);
    expect(open311.headers['x-error-code']).toBe('services.application.value_out_of_range');
    expect(open311.body).toContain('copies');
    expect(await count('services_application')).toBe(before);
    expect(
      (await district.request('POST', '/api/services/applications/counter', licence(3))).statusCode,
    ).toBe(201);
  });
});

describe('fees', () => {
  /** commune.certification revised: a fee per copy, a new rate in force from tomorrow, at most 50 copies. */
  async function reviseCertification() {
    const current = (await publicClient.request('GET', '/api/services/standards/commune.certification')).json<
      Record<string, unknown> & { formFields: Record<string, unknown>[] }
    >();
    const tomorrow = addDays(todayInCambodia(), 1);
    const content = {
      sector: current.sector,
      nameKm: current.nameKm,
      nameEn: current.nameEn,
      descriptionKm: current.descriptionKm,
      descriptionEn: current.descriptionEn,
      legalBasis: current.legalBasis,
      providerTier: current.providerTier,
      timeLimitDays: current.timeLimitDays,
      requiredDocuments: current.requiredDocuments,
      source: current.source,
      formFields: current.formFields.map((field) =>
        field.code === 'copies' ? { ...field, minimum: 1, maximum: 50 } : field,
      ),
      feeTiers: [
        {
          code: 'per_copy',
          labelKm: 'ក្នុងមួយច្បាប់',
          labelEn: 'Per copy',
          amountRiel: 2000,
          perUnitField: 'copies',
        },
        { code: 'new_rate', labelKm: 'អត្រាថ្មី', labelEn: 'New rate', amountRiel: 2500, inForceFrom: tomorrow },
      ],
    };
    // A fee per unit must count a number field of the form.
    const wrongField = await officer.request('PUT', '/api/services/standards/commune.certification', {
      ...content,
      feeTiers: [{ ...content.feeTiers[0], perUnitField: 'document_kind' }],
    });
    expect(wrongField.json()).toMatchObject({ code: 'services.standard.bad_fee_tier' });
    // Bounds on a list field, or a minimum above the maximum, are refused.
    const badBounds = await officer.request('PUT', '/api/services/standards/commune.certification', {
      ...content,
      formFields: content.formFields.map((field) =>
        field.code === 'copies' ? { ...field, minimum: 9, maximum: 2 } : field,
      ),
    });
    expect(badBounds.json()).toMatchObject({ code: 'services.standard.bad_field' });
    const revised = await officer.request('PUT', '/api/services/standards/commune.certification', content);
    expect(revised.statusCode, revised.body).toBe(200);
    return tomorrow;
  }

  it('multiplies a fee per copy, never dated after today nor before its decision', async () => {
    const tomorrow = await reviseCertification();
    // The field's own bounds now: 1 to 50.
    const tooMany = await clerk.request('POST', '/api/services/applications/counter', certification(51));
    expect(tooMany.json()).toMatchObject({ code: 'services.application.value_out_of_range' });
    const filed = await clerk.request('POST', '/api/services/applications/counter', certification(3));
    expect(filed.statusCode, filed.body).toBe(201);
    const number = filed.json<{ trackingNumber: string }>().trackingNumber;
    const url = `/api/services/applications/${number}/fee`;
    const fee = (body: Record<string, unknown>) =>
      clerk.request('POST', url, { receiptNumber: 'C-1', ...body });

    expect((await fee({ tierCode: 'per_copy', amountRiel: 2000 })).json()).toMatchObject({
      code: 'services.fee.amount_mismatch',
      title: expect.stringContaining('2000 riel × 3 = 6000 riel'),
    });
    expect((await fee({ tierCode: 'per_copy', amountRiel: 4000, quantity: 2 })).json()).toMatchObject({
      code: 'services.fee.quantity_mismatch',
    });
    // Paid in the future.
    expect((await fee({ tierCode: 'per_copy', amountRiel: 6000, paidOn: tomorrow })).json()).toMatchObject({
      code: 'services.fee.bad_paid_on',
    });
    // The new rate's decision takes effect tomorrow: no fee of it today.
    const early = await fee({ tierCode: 'new_rate', amountRiel: 2500 });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'services.fee.before_decision' });
    const paid = await fee({ tierCode: 'per_copy', amountRiel: 6000 });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({ fee: { tierCode: 'per_copy', amountRiel: 6000, quantity: 3 } });
    const row = (
      await sql<{ amount_riel: number; quantity: number }>`
        select amount_riel, quantity from services_fee_payment p
        join services_application a on a.id = p.application_id where a.tracking_number = ${number}`.execute(
        t.db.kysely,
      )
    ).rows[0]!;
    expect({ amount: Number(row.amount_riel), quantity: Number(row.quantity) }).toEqual({
      amount: 6000,
      quantity: 3,
    });
  });
});

describe('a password set by an administrator', () => {
  it('files nothing until the citizen changes it', async () => {
    const user = (
      await sql<{ id: number }>`select id from access_user where phone = '+85512345678'`.execute(t.db.kysely)
    ).rows[0]!;
    const chosenByAdmin = 'Temporary-Kep-2026';
    const reset = await admin.request('POST', `/api/access/users/${user.id}/password-reset`, {
      newPassword: chosenByAdmin,
    });
    expect(reset.statusCode, reset.body).toBe(204);
    const citizen = await signedIn(t.app, '+85512345678', chosenByAdmin);
    const online = {
      serviceCode: 'commune.certification',
      unitCode: '230201',
      values: { document_kind: 'copy', copies: 1 },
    };
    const before = await count('services_application');
    const refused = await citizen.request('POST', '/api/services/applications', online);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'auth.password.change_required' });
    expect(await count('services_application')).toBe(before);
    const changed = await citizen.request('POST', '/api/auth/password', {
      currentPassword: chosenByAdmin,
      newPassword: 'My-own-Kep-password-7',
    });
    expect(changed.statusCode, changed.body).toBe(204);
    const again = await signedIn(t.app, '+85512345678', 'My-own-Kep-password-7');
    const filed = await again.request('POST', '/api/services/applications', online);
    expect(filed.statusCode, filed.body).toBe(201);
  });
});

/** A closed application filed at the counter with the phone 012 999 001. */
async function closedApplication(): Promise<string> {
  const filed = await district.request('POST', '/api/services/applications/counter', licence(2));
  const number = filed.json<{ trackingNumber: string }>().trackingNumber;
  for (const [to, note] of [
    ['under_review', undefined],
    ['rejected', 'Not a small enterprise.'],
    ['closed', undefined],
  ] as const) {
    const moved = await district.request('POST', `/api/services/applications/${number}/transitions`, {
      to,
      ...(note ? { note } : {}),
    });
    expect(moved.statusCode, moved.body).toBe(200);
  }
  return number;
}

const rateFrom = (address: string, number: string, phone: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/services/applications/${number}/rating`,
    remoteAddress: address,
    payload: { stars: 5, phone },
  });

describe('anonymous ratings', () => {
  it('lock a tracking number after 5 wrong phone numbers, whatever the address (429, Retry-After)', async () => {
    const number = await closedApplication();
    for (let guess = 0; guess < PHONE_CHECK_RULES.number.maxFailures; guess += 1) {
      const wrong = await rateFrom(`10.1.0.${guess + 1}`, number, `012 000 00${guess}`);
      expect(wrong.statusCode).toBe(403);
      expect(wrong.json()).toMatchObject({ code: 'services.rating.not_applicant' });
    }
    // Locked: even the right number from a new address waits.
    const locked = await rateFrom('10.1.0.99', number, '012 999 001');
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'services.phone_check.throttled' });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    const row = (
      await sql<{
        rating: number | null;
      }>`select rating from services_application where tracking_number = ${number}`.execute(t.db.kysely)
    ).rows[0]!;
    expect(row.rating).toBeNull();
  });

  it('lock an address after 30 wrong phone numbers across tracking numbers', async () => {
    const numbers = await Promise.all(Array.from({ length: 8 }, () => closedApplication()));
    let refused = 0;
    for (const number of numbers) {
      for (let guess = 0; guess < 4 && refused < PHONE_CHECK_RULES.address.maxFailures; guess += 1) {
        expect((await rateFrom('10.2.0.1', number, '012 000 000')).statusCode).toBe(403);
        refused += 1;
      }
    }
    expect(refused).toBe(PHONE_CHECK_RULES.address.maxFailures);
    const last = numbers.at(-1)!;
    const locked = await rateFrom('10.2.0.1', last, '012 999 001');
    expect(locked.statusCode).toBe(429);
    // Another address rates it.
    const rated = await rateFrom('10.2.0.2', last, '012 999 001');
    expect(rated.statusCode, rated.body).toBe(200);
  });
});

describe('a complaint’s reply', () => {
  async function repliedComplaint(publishReply: boolean): Promise<string> {
    const filed = await publicClient.request('POST', '/api/services/complaints', {
      subject: 'office',
      unitCode: '230202',
      description: 'The office was closed during opening hours.',
      complainant: { phone: '012 444 556' },
      publishReply,
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const number = filed.json<{ trackingNumber: string }>().trackingNumber;
    for (const body of [
      { to: 'under_investigation' },
      { to: 'decided', decision: 'The clerk was absent without leave; warned.' },
      { to: 'replied', reply: 'Your name was kept out of it; the clerk was warned.' },
    ]) {
      const moved = await district.request('POST', `/api/services/complaints/${number}/transitions`, body);
      expect(moved.statusCode, moved.body).toBe(200);
    }
    return number;
  }

  it('shows the status and dates to anyone, the reply only to the complainant (phone check, throttled)', async () => {
    const number = await repliedComplaint(false);
    const tracked = await publicClient.request('GET', `/api/services/complaints/track/${number}`);
    expect(tracked.statusCode).toBe(200);
    expect(tracked.json()).toMatchObject({
      status: 'replied',
      filedOn: expect.any(String),
      decidedOn: expect.any(String),
      repliedOn: expect.any(String),
      reply: null,
      replyWithheld: true,
    });
    expect(tracked.body).not.toContain('warned');
    const ask = (phone: string | undefined, address = '10.3.0.1') =>
      t.app.inject({
        method: 'POST',
        url: `/api/services/complaints/track/${number}/reply`,
        remoteAddress: address,
        payload: phone === undefined ? {} : { phone },
      });
    expect((await ask(undefined)).json()).toMatchObject({ code: 'services.complaint.not_complainant' });
    const right = await ask('+855 12 444 556');
    expect(right.statusCode, right.body).toBe(200);
    expect(right.json()).toMatchObject({ reply: expect.stringContaining('warned'), replyWithheld: false });
    for (let guess = 1; guess < PHONE_CHECK_RULES.number.maxFailures; guess += 1) {
      expect((await ask('012 000 111', `10.3.1.${guess}`)).statusCode).toBe(403);
    }
    const locked = await ask('012 444 556', '10.3.2.1');
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBeDefined();
  });

  it('is public when the complainant agreed to publish it', async () => {
    const number = await repliedComplaint(true);
    const tracked = await publicClient.request('GET', `/api/services/complaints/track/${number}`);
    expect(tracked.json()).toMatchObject({ reply: expect.stringContaining('warned'), replyWithheld: false });
    expect(tracked.body).not.toContain('444556');
  });
});
