/**
 * Merges and splits through the API, on the real database (PGlite, or PostgreSQL with
 * DATABASE_URL): units, versions, events and audit records written together; the tree before
 * and after the effective date; the national permission; every refusal.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../test-support/test-app.ts';
import { anonymous, signedIn, type Client } from '../../test-support/http.ts';
import type { Unit, UnitEvent } from './gazetteer.schemas.ts';
import { todayInCambodia } from './history-dates.ts';

const DEMO_PASSWORD = 'sndd-demo-2026';
const ACT = 'Sub-decree No. 123 (test)';

interface PageOf<T> {
  items: T[];
  total: number;
}
interface Problem {
  code: string;
  detail?: string;
}

let t: TestApp;
let admin: Client;
let province: Client;

async function status(url: string): Promise<number> {
  return (await t.app.inject({ method: 'GET', url })).statusCode;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await t.app.inject({ method: 'GET', url });
  expect(response.statusCode, url).toBe(200);
  return response.json<T>();
}

const split = (code: string, body: Record<string, unknown>, client: Client = admin) =>
  client.request('POST', `/api/gazetteer/units/${code}/split`, body);
const merge = (code: string, body: Record<string, unknown>, client: Client = admin) =>
  client.request('POST', `/api/gazetteer/units/${code}/merge`, body);

const twoParts = (a: string, b: string) => [
  { code: a, nameKm: 'ភូមិថ្មីមួយ', nameLatin: 'Thmei Muoy' },
  { code: b, nameKm: 'ភូមិថ្មីពីរ', nameLatin: 'Thmei Pir' },
];

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

async function expectProblem(
  response: { statusCode: number; json: <T>() => T },
  httpStatus: number,
  code: string,
) {
  expect(response.statusCode).toBe(httpStatus);
  expect(response.json<Problem>().code).toBe(code);
}

beforeAll(async () => {
  t = await openTestApp();
  admin = await signedIn(t.app, 'admin@sndd.example', DEMO_PASSWORD);
  province = await signedIn(t.app, 'kep.province@sndd.example', DEMO_PASSWORD);
}, 60_000);
afterAll(async () => t.close());

describe('who may restructure the tree', () => {
  it('refuses a provincial officer (403) and an anonymous caller (401), and writes nothing', async () => {
    const splitBody = {
      effectiveDate: '2025-06-01',
      legalReference: ACT,
      parts: twoParts('23020191', '23020192'),
      keepOriginal: false,
    };
    expect((await split('23020101', splitBody, province)).statusCode).toBe(403);
    expect((await split('23020101', splitBody, anonymous(t.app))).statusCode).toBe(401);
    const mergeBody = { intoCode: '23020101', effectiveDate: '2025-06-01', legalReference: ACT };
    expect((await merge('23020102', mergeBody, province)).statusCode).toBe(403);
    expect((await merge('23020102', mergeBody, anonymous(t.app))).statusCode).toBe(401);
    expect(await status('/api/gazetteer/units/23020102')).toBe(200);
    expect(await status('/api/gazetteer/units/23020191')).toBe(404);
  });
});

describe('split', () => {
  const body = (overrides: Record<string, unknown> = {}) => ({
    effectiveDate: '2025-06-01',
    legalReference: ACT,
    parts: twoParts('23020191', '23020192'),
    keepOriginal: false,
    ...overrides,
  });

  it('refuses bad input with its code', async () => {
    await expectProblem(await split('23020199', body()), 404, 'gazetteer.unit.not_found');
    await expectProblem(
      await split('23020101', body({ effectiveDate: nextDay(todayInCambodia()) })),
      400,
      'gazetteer.unit.bad_effective_date',
    );
    await expectProblem(
      await split('23020101', body({ parts: twoParts('23020191', '230201') })),
      400,
      'gazetteer.split.bad_code',
    );
    await expectProblem(
      await split('23020101', body({ parts: twoParts('23020191', '23020291') })),
      400,
      'gazetteer.split.bad_code',
    );
    await expectProblem(
      await split('23020101', body({ parts: twoParts('23020191', '23020191') })),
      400,
      'gazetteer.split.bad_code',
    );
    await expectProblem(
      await split('23020101', body({ parts: twoParts('23020191', '23020102') })),
      400,
      'gazetteer.split.code_taken',
    );
    await expectProblem(
      await split(
        '23020101',
        body({
          parts: [{ ...twoParts('23020191', '')[0]!, typeCode: 'commune' }, twoParts('', '23020192')[1]!],
        }),
      ),
      400,
      'gazetteer.split.bad_type',
    );
    await expectProblem(
      await split('230203', body({ parts: twoParts('230291', '230292') })),
      400,
      'gazetteer.split.has_children',
    );
    // Too few parts: the schema.
    expect(
      (await split('23020101', body({ parts: twoParts('23020191', '23020192').slice(1) }))).statusCode,
    ).toBe(400);
    expect(await status('/api/gazetteer/units/23020191')).toBe(404);
  });

  it('creates the new units, abolishes the original, with versions, events and an audit record', async () => {
    const response = await split('23020101', body());
    expect(response.statusCode, response.body).toBe(201);
    const result = response.json<{ original: Unit; parts: Unit[] }>();
    expect(result.original).toMatchObject({ code: '23020101', validTo: '2025-06-01' });
    expect(result.parts).toMatchObject([
      {
        code: '23020191',
        parentCode: '230201',
        level: 4,
        typeCode: 'village',
        nameLatin: 'Thmei Muoy',
        isUrban: true,
        validFrom: '2025-06-01',
        validTo: null,
      },
      {
        code: '23020192',
        parentCode: '230201',
        level: 4,
        typeCode: 'village',
        nameLatin: 'Thmei Pir',
        isUrban: true,
        validFrom: '2025-06-01',
        validTo: null,
      },
    ]);

    const versions = await t.db.kysely
      .selectFrom('gazetteer_unit_version')
      .select(['code', 'valid_from', 'valid_to', 'legal_reference'])
      .where('code', 'in', ['23020101', '23020191', '23020192'])
      .orderBy('code')
      .orderBy('id')
      .execute();
    expect(versions).toMatchObject([
      { code: '23020101', valid_from: null, valid_to: '2025-06-01' },
      { code: '23020191', valid_from: '2025-06-01', valid_to: null, legal_reference: ACT },
      { code: '23020192', valid_from: '2025-06-01', valid_to: null, legal_reference: ACT },
    ]);

    const history = await getJson<PageOf<UnitEvent>>('/api/gazetteer/units/23020101/history');
    expect(history.items[0]).toMatchObject({
      kind: 'split',
      effectiveDate: '2025-06-01',
      legalReference: ACT,
      relatedCodes: ['23020191', '23020192'],
    });
    const partHistory = await getJson<PageOf<UnitEvent>>('/api/gazetteer/units/23020191/history');
    expect(partHistory.items).toMatchObject([
      { kind: 'split', relatedCodes: ['23020101'], after: { nameLatin: 'Thmei Muoy', parentCode: '230201' } },
    ]);

    const audit = await sql<{ action: string; unit_code: string; after: { keepOriginal: boolean } }>`
      select action, unit_code, after from audit_record
      where entity_type = 'gazetteer.unit' and entity_id = '23020101'`.execute(t.db.kysely);
    expect(audit.rows).toMatchObject([
      {
        action: 'gazetteer.unit.split',
        unit_code: '23020101',
        after: { keepOriginal: false, validTo: '2025-06-01' },
      },
    ]);

    const keys = await sql<{ code: string }>`
      select code from gazetteer_unit_search where code in ('23020191', '23020192') order by code`.execute(
      t.db.kysely,
    );
    expect(keys.rows.map((row) => row.code)).toEqual(['23020191', '23020192']);
  });

  it('shows the original before the effective date and the new units from it', async () => {
    expect(await status('/api/gazetteer/units/23020101')).toBe(404);
    expect(await status('/api/gazetteer/units/23020101?asOf=2025-05-31')).toBe(200);
    expect(await status('/api/gazetteer/units/23020101?asOf=2025-06-01')).toBe(404);
    expect(await status('/api/gazetteer/units/23020191?asOf=2025-05-31')).toBe(404);
    expect(await status('/api/gazetteer/units/23020191?asOf=2025-06-01')).toBe(200);
    expect(await status('/api/gazetteer/units/23020192')).toBe(200);
    const children = await getJson<PageOf<Unit>>('/api/gazetteer/units/230201/children');
    expect(children.items.map((unit) => unit.code)).toEqual(['23020102', '23020191', '23020192']);
    const before = await getJson<PageOf<Unit>>('/api/gazetteer/units/230201/children?asOf=2025-05-31');
    expect(before.items.map((unit) => unit.code)).toEqual(['23020101', '23020102']);
  });

  it('refuses a code an abolished unit had, and a date before the unit’s current state began', async () => {
    await expectProblem(
      await split('23020102', body({ parts: twoParts('23020101', '23020193') })),
      400,
      'gazetteer.split.code_taken',
    );
    await expectProblem(
      await split('23020191', body({ effectiveDate: '2025-05-01', parts: twoParts('23020193', '23020194') })),
      400,
      'gazetteer.unit.bad_effective_date',
    );
  });

  it('keeps the original when asked to', async () => {
    const response = await split(
      '23020201',
      body({ parts: twoParts('23020291', '23020292'), keepOriginal: true, effectiveDate: '2025-07-01' }),
    );
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<{ original: Unit }>().original).toMatchObject({ code: '23020201', validTo: null });
    expect(await status('/api/gazetteer/units/23020201')).toBe(200);
    const versions = await t.db.kysely
      .selectFrom('gazetteer_unit_version')
      .select(['valid_to'])
      .where('code', '=', '23020201')
      .execute();
    expect(versions).toEqual([{ valid_to: null }]);
    const history = await getJson<PageOf<UnitEvent>>('/api/gazetteer/units/23020201/history');
    expect(history.items[0]).toMatchObject({ kind: 'split', relatedCodes: ['23020291', '23020292'] });
  });
});

describe('merge', () => {
  const body = (overrides: Record<string, unknown> = {}) => ({
    intoCode: '23020191',
    effectiveDate: '2025-09-01',
    legalReference: ACT,
    ...overrides,
  });

  it('refuses bad input with its code', async () => {
    await expectProblem(await merge('23020199', body()), 404, 'gazetteer.unit.not_found');
    await expectProblem(
      await merge('23020102', body({ intoCode: '23020199' })),
      404,
      'gazetteer.unit.not_found',
    );
    // Abolished by the split above.
    await expectProblem(
      await merge('23020102', body({ intoCode: '23020101' })),
      404,
      'gazetteer.unit.not_found',
    );
    await expectProblem(
      await merge('23020102', body({ intoCode: '23020102' })),
      400,
      'gazetteer.merge.same_unit',
    );
    await expectProblem(
      await merge('23020102', body({ intoCode: '230202' })),
      400,
      'gazetteer.merge.level_mismatch',
    );
    await expectProblem(
      await merge('230202', body({ intoCode: '230203' })),
      400,
      'gazetteer.merge.has_children',
    );
    await expectProblem(
      await merge('23020102', body({ effectiveDate: nextDay(todayInCambodia()) })),
      400,
      'gazetteer.unit.bad_effective_date',
    );
    // 23020191 only exists from 2025-06-01.
    await expectProblem(
      await merge('23020102', body({ effectiveDate: '2025-05-01' })),
      400,
      'gazetteer.unit.bad_effective_date',
    );
    // 23020192's state begins on 2025-06-01: it cannot end that day.
    await expectProblem(
      await merge('23020192', body({ effectiveDate: '2025-06-01' })),
      400,
      'gazetteer.unit.bad_effective_date',
    );
    expect(await status('/api/gazetteer/units/23020102')).toBe(200);
  });

  it('ends the absorbed unit, with events on both units and an audit record', async () => {
    const response = await merge('23020102', body());
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<{ absorbed: Unit; into: Unit }>()).toMatchObject({
      absorbed: { code: '23020102', validTo: '2025-09-01' },
      into: { code: '23020191', validTo: null },
    });

    const versions = await t.db.kysely
      .selectFrom('gazetteer_unit_version')
      .select(['valid_from', 'valid_to'])
      .where('code', '=', '23020102')
      .execute();
    expect(versions).toEqual([{ valid_from: null, valid_to: '2025-09-01' }]);

    const absorbed = await getJson<PageOf<UnitEvent>>('/api/gazetteer/units/23020102/history');
    expect(absorbed.items[0]).toMatchObject({
      kind: 'merged',
      effectiveDate: '2025-09-01',
      legalReference: ACT,
      relatedCodes: ['23020191'],
    });
    const into = await getJson<PageOf<UnitEvent>>('/api/gazetteer/units/23020191/history');
    expect(into.items[0]).toMatchObject({
      kind: 'merged',
      relatedCodes: ['23020102'],
      note: 'absorbed 23020102',
    });

    const audit = await sql<{ action: string; after: unknown }>`
      select action, after from audit_record
      where entity_type = 'gazetteer.unit' and entity_id = '23020102'`.execute(t.db.kysely);
    expect(audit.rows).toMatchObject([
      {
        action: 'gazetteer.unit.merge',
        after: { intoCode: '23020191', effectiveDate: '2025-09-01', legalReference: ACT },
      },
    ]);
  });

  it('shows the absorbed unit before the effective date only', async () => {
    expect(await status('/api/gazetteer/units/23020102')).toBe(404);
    expect(await status('/api/gazetteer/units/23020102?asOf=2025-08-31')).toBe(200);
    expect(await status('/api/gazetteer/units/23020102?asOf=2025-09-01')).toBe(404);
    const children = await getJson<PageOf<Unit>>('/api/gazetteer/units/230201/children');
    expect(children.items.map((unit) => unit.code)).toEqual(['23020191', '23020192']);
    await expectProblem(await merge('23020102', body()), 404, 'gazetteer.unit.not_found');
  });

  it('lists merges and splits among the changes', async () => {
    const changes = await getJson<PageOf<UnitEvent>>(
      '/api/gazetteer/changes?from=2025-06-01&to=2025-09-01&within=230201&pageSize=50',
    );
    expect(
      changes.items.map((event) => `${event.effectiveDate} ${event.kind} ${event.unitCode}`).sort(),
    ).toEqual([
      '2025-06-01 split 23020101',
      '2025-06-01 split 23020191',
      '2025-06-01 split 23020192',
      '2025-09-01 merged 23020102',
      '2025-09-01 merged 23020191',
    ]);
    const merges = await getJson<PageOf<UnitEvent>>(
      '/api/gazetteer/changes?from=2025-01-01&to=2025-12-31&kind=merged',
    );
    expect(merges.total).toBe(2);
  });
});
