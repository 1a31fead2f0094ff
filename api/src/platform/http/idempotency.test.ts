/**
 * Idempotency-Key on the real application and database (PGlite, or PostgreSQL with
 * DATABASE_URL): a retried filing or Open311 POST writes one record and answers the first
 * answer again; the same key for another request is refused; a key of another principal is
 * another key.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, signedIn, type Client } from '../../test-support/http.ts';
import { openTestApp, type TestApp } from '../../test-support/test-app.ts';

let t: TestApp;
let citizen: Client;
let clerk: Client;

const birthCertificate = (childName: string) => ({
  serviceCode: 'commune.birth_certificate',
  unitCode: '230201',
  values: {
    child_name: childName,
    date_of_birth: '2026-11-20',
    child_sex: 'male',
    place_of_birth: 'hospital',
    mother_name: 'Sokha',
  },
  applicant: { sex: 'female', ageGroup: '18-34' },
});

async function count(table: string): Promise<number> {
  const result = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(
    t.db.kysely,
  );
  return result.rows[0]!.n;
}

async function auditCount(): Promise<number> {
  const result = await sql<{
    n: number;
  }>`select count(*)::int as n from audit_record where entity_type like 'services.%'`.execute(t.db.kysely);
  return result.rows[0]!.n;
}

beforeAll(async () => {
  t = await openTestApp();
  citizen = await signedIn(t.app, '+85512345678', DEMO_PASSWORD);
  clerk = await signedIn(t.app, 'kep.clerk@sndd.example', DEMO_PASSWORD);
}, 120_000);
afterAll(async () => t.close());

describe('Idempotency-Key', () => {
  it('files a service application once when the same request is sent twice with one key', async () => {
    const key = randomUUID();
    const before = { applications: await count('services_application') };
    const first = await citizen.request('POST', '/api/services/applications', birthCertificate('Dara'), {
      'idempotency-key': key,
    });
    expect(first.statusCode, first.body).toBe(201);
    const second = await citizen.request('POST', '/api/services/applications', birthCertificate('Dara'), {
      'idempotency-key': key,
    });
    expect(second.statusCode).toBe(201);
    expect(second.body).toBe(first.body);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await count('services_application')).toBe(before.applications + 1);

    // Without a key, the same body files a second application (the header is what dedupes).
    const third = await citizen.request('POST', '/api/services/applications', birthCertificate('Dara'));
    expect(third.statusCode).toBe(201);
    expect(third.json<{ trackingNumber: string }>().trackingNumber).not.toBe(
      first.json<{ trackingNumber: string }>().trackingNumber,
    );
    expect(await count('services_application')).toBe(before.applications + 2);
  });

  it('writes no audit record for the replay', async () => {
    const key = randomUUID();
    await citizen.request('POST', '/api/services/applications', birthCertificate('Vanna'), {
      'idempotency-key': key,
    });
    const audit = await auditCount();
    const replay = await citizen.request('POST', '/api/services/applications', birthCertificate('Vanna'), {
      'idempotency-key': key,
    });
    expect(replay.statusCode).toBe(201);
    expect(await auditCount()).toBe(audit);
  });

  it('refuses the same key with another body: 422 idempotency.key.reused, nothing written', async () => {
    const key = randomUUID();
    const first = await citizen.request('POST', '/api/services/applications', birthCertificate('Sok'), {
      'idempotency-key': key,
    });
    expect(first.statusCode).toBe(201);
    const applications = await count('services_application');
    const other = await citizen.request('POST', '/api/services/applications', birthCertificate('Other'), {
      'idempotency-key': key,
    });
    expect(other.statusCode).toBe(422);
    expect(other.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(other.json<{ code: string }>().code).toBe('idempotency.key.reused');
    expect(await count('services_application')).toBe(applications);
  });

  it('keeps keys apart per principal: another user with the same key files their own', async () => {
    const key = randomUUID();
    const mine = await citizen.request('POST', '/api/services/applications', birthCertificate('Mine'), {
      'idempotency-key': key,
    });
    expect(mine.statusCode).toBe(201);
    const applications = await count('services_application');
    const counter = await clerk.request(
      'POST',
      '/api/services/applications',
      {
        ...birthCertificate('Theirs'),
        applicant: { name: 'ចាន់ សុភា', sex: 'female', ageGroup: '35-49', phone: '012 999 001' },
      },
      { 'idempotency-key': key },
    );
    expect(counter.statusCode, counter.body).toBe(201);
    expect(await count('services_application')).toBe(applications + 1);
  });

  it('answers 409 idempotency.key.in_progress while the first request is being served', async () => {
    const key = randomUUID();
    const body = birthCertificate('Parallel');
    const answers = await Promise.all([
      citizen.request('POST', '/api/services/applications', body, { 'idempotency-key': key }),
      citizen.request('POST', '/api/services/applications', body, { 'idempotency-key': key }),
    ]);
    const statuses = answers.map((answer) => answer.statusCode).sort();
    // One filing; the other either saw it in progress (409) or got its answer (201, replayed).
    expect(statuses[0]).toBe(201);
    expect([201, 409]).toContain(statuses[1]);
    const conflict = answers.find((answer) => answer.statusCode === 409);
    if (conflict) expect(conflict.json<{ code: string }>().code).toBe('idempotency.key.in_progress');
    const numbers = new Set(
      answers
        .filter((answer) => answer.statusCode === 201)
        .map((answer) => answer.json<{ trackingNumber: string }>().trackingNumber),
    );
    expect(numbers.size).toBe(1);
  });

  it('refuses a malformed key with 400 idempotency.key.invalid', async () => {
    const response = await citizen.request('POST', '/api/services/applications', birthCertificate('X'), {
      'idempotency-key': 'x'.repeat(300),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ code: string }>().code).toBe('idempotency.key.invalid');
  });

  it('keeps a refused answer (a 4xx): the retry gets the same refusal', async () => {
    const key = randomUUID();
    const bad = { ...birthCertificate('Y'), serviceCode: 'no.such_service' };
    const first = await citizen.request('POST', '/api/services/applications', bad, {
      'idempotency-key': key,
    });
    expect(first.statusCode).toBeGreaterThanOrEqual(400);
    expect(first.statusCode).toBeLessThan(500);
    const second = await citizen.request('POST', '/api/services/applications', bad, {
      'idempotency-key': key,
    });
    expect(second.statusCode).toBe(first.statusCode);
    expect(second.body).toBe(first.body);
  });

  it('never stores an answer that holds a secret (an API token): the header is ignored there', async () => {
    const key = randomUUID();
    const first = await citizen.request(
      'POST',
      '/api/auth/tokens',
      { name: 'a', expiresInDays: 1 },
      {
        'idempotency-key': key,
      },
    );
    expect(first.statusCode, first.body).toBe(201);
    const second = await citizen.request(
      'POST',
      '/api/auth/tokens',
      { name: 'a', expiresInDays: 1 },
      {
        'idempotency-key': key,
      },
    );
    expect(second.statusCode).toBe(201);
    expect(second.json<{ token: string }>().token).not.toBe(first.json<{ token: string }>().token);
    const stored = await sql<{
      n: number;
    }>`select count(*)::int as n from platform_idempotency where idempotency_key = ${key}`.execute(
      t.db.kysely,
    );
    expect(stored.rows[0]!.n).toBe(0);
  });

  it('answers an Open311 POST once for one key (anonymous route, api_key in the body)', async () => {
    const token = await citizen.request('POST', '/api/auth/tokens', {
      name: 'idempotency',
      expiresInDays: 1,
    });
    expect(token.statusCode, token.body).toBe(201);
    const form = new URLSearchParams([
      ['api_key', token.json<{ token: string }>().token],
      ['jurisdiction_id', '2302'],
      ['service_code', 'owso.business_licence_small'],
      ['description', 'A small noodle shop'],
      ['attribute[business_name]', 'Kep noodles'],
      ['attribute[business_type]', 'food'],
      ['attribute[workers]', '3'],
    ]).toString();
    const key = randomUUID();
    const post = () =>
      t.app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': key },
        payload: form,
      });
    const before = await count('services_application');
    const first = await post();
    expect(first.statusCode, first.body).toBe(201);
    const second = await post();
    expect(second.statusCode).toBe(201);
    expect(second.body).toBe(first.body);
    expect(await count('services_application')).toBe(before + 1);
  });
});
