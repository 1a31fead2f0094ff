/**
 * The tree's history through the API, on the real database (PGlite, or PostgreSQL with
 * DATABASE_URL): as-of reads, children, counts, a unit's history, the changes between two
 * dates, and the staff edit with its scope check, events and audit record.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../test-support/test-app.ts';
import { anonymous, signedIn, type Client } from '../../test-support/http.ts';
import type { Unit, UnitCounts, UnitEvent } from './gazetteer.schemas.ts';
import { asGazetteerDb } from './gazetteer.queries.ts';
import { todayInCambodia } from './history-dates.ts';

// The demo accounts' shared password (the access module's demo seed).
const DEMO_PASSWORD = 'sndd-demo-2026';

interface PageOf<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}
interface Problem {
  code: string;
  detail?: string;
}

let t: TestApp;
let clerk: Client;

async function get<T>(url: string): Promise<{ status: number; body: T }> {
  const response = await t.app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json<T>() };
}

const codesOf = (items: { code: string }[]) => items.map((item) => item.code);

/** A unit with a dated lifetime, written the way the import writes one: unit, version, event. */
async function addDatedUnit(unit: {
  code: string;
  typeCode: string;
  nameLatin: string;
  validFrom: string | null;
  validTo: string | null;
}) {
  const db = asGazetteerDb(t.db.kysely);
  const parentCode = unit.code.slice(0, -2);
  const state = {
    code: unit.code,
    parent_code: parentCode,
    type_code: unit.typeCode,
    name_km: `ក ${unit.nameLatin}`,
    name_latin: unit.nameLatin,
    is_urban: false,
    legal_reference: 'Test act',
    valid_from: unit.validFrom,
    valid_to: unit.validTo,
  };
  await db
    .insertInto('gazetteer_unit')
    .values({ ...state, level: unit.code.length / 2, source: 'test' })
    .execute();
  await db.insertInto('gazetteer_unit_version').values(state).execute();
  await db
    .insertInto('gazetteer_unit_event')
    .values({
      unit_code: unit.code,
      kind: 'created',
      effective_date: unit.validFrom,
      legal_reference: 'Test act',
    })
    .execute();
  if (unit.validTo !== null) {
    await db
      .insertInto('gazetteer_unit_event')
      .values({
        unit_code: unit.code,
        kind: 'abolished',
        effective_date: unit.validTo,
        legal_reference: 'Test act',
      })
      .execute();
  }
}

beforeAll(async () => {
  t = await openTestApp();
  clerk = await signedIn(t.app, 'kep.clerk@sndd.example', DEMO_PASSWORD);
  // Outside Kep, so that Kep keeps its demo counts: a district created in 2020 and one
  // abolished at the start of 2021.
  await addDatedUnit({
    code: '0150',
    typeCode: 'district',
    nameLatin: 'New 2020',
    validFrom: '2020-01-01',
    validTo: null,
  });
  await addDatedUnit({
    code: '0151',
    typeCode: 'district',
    nameLatin: 'Gone 2021',
    validFrom: null,
    validTo: '2021-01-01',
  });
}, 60_000);
afterAll(async () => t.close());

describe('the demo seed', () => {
  it('gives every unit its first version and a created event without a date', async () => {
    const db = t.db.kysely;
    const missing = await sql<{ code: string }>`
      select u.code from gazetteer_unit u
      where not exists (select 1 from gazetteer_unit_version v where v.code = u.code)
         or not exists (select 1 from gazetteer_unit_event e where e.unit_code = u.code and e.kind = 'created')`.execute(
      db,
    );
    expect(missing.rows).toEqual([]);
    const history = await get<PageOf<UnitEvent>>('/api/gazetteer/units/23/history');
    expect(history.body.items).toMatchObject([
      {
        unitCode: '23',
        kind: 'created',
        effectiveDate: null,
        after: { nameKm: 'កែប', typeCode: 'province' },
      },
    ]);
  });
});

describe('children, ancestors and counts', () => {
  it('lists the children of Kep and of a district, paged, with a type filter', async () => {
    const kep = await get<PageOf<Unit>>('/api/gazetteer/units/23/children');
    expect(kep.status).toBe(200);
    expect(kep.body).toMatchObject({ page: 1, pageSize: 50, total: 2 });
    expect(codesOf(kep.body.items)).toEqual(['2301', '2302']);
    const district = await get<PageOf<Unit>>('/api/gazetteer/units/2301/children?sort=-code');
    expect(codesOf(district.body.items)).toEqual(['230103', '230101']);
    const sangkats = await get<PageOf<Unit>>('/api/gazetteer/units/2302/children?type=sangkat&pageSize=2');
    expect(sangkats.body).toMatchObject({ total: 3, pageSize: 2 });
    expect(codesOf(sangkats.body.items)).toEqual(['230201', '230202']);
  });

  it('gives a village an empty page and an unknown unit a 404', async () => {
    expect((await get<PageOf<Unit>>('/api/gazetteer/units/23010101/children')).body).toMatchObject({
      items: [],
      total: 0,
    });
    const unknown = await get<Problem>('/api/gazetteer/units/2399/children');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('gazetteer.unit.not_found');
  });

  it('counts Kep by level and type: 2 districts, 5 communes, 18 villages', async () => {
    const { status, body } = await get<UnitCounts>('/api/gazetteer/units/23/counts');
    expect(status).toBe(200);
    expect(body).toEqual({
      code: '23',
      asOf: null,
      total: 25,
      byLevel: { '2': 2, '3': 5, '4': 18 },
      byType: { district: 1, municipality: 1, commune: 2, sangkat: 3, village: 18 },
    });
    expect((await get<UnitCounts>('/api/gazetteer/units/2302/counts')).body.byLevel).toEqual({
      '3': 3,
      '4': 7,
    });
    expect((await get<UnitCounts>('/api/gazetteer/units/23010101/counts')).body).toMatchObject({ total: 0 });
    expect((await get<Problem>('/api/gazetteer/units/2399/counts')).status).toBe(404);
  });

  it('counts the whole country today and on a past date', async () => {
    const today = await get<UnitCounts>('/api/gazetteer/counts');
    expect(today.status).toBe(200);
    // The sample tree (the provinces; khan Chamkar Mon, Chey Saen and Kep with their communes
    // and villages: 124 units), the district created in 2020; the one abolished in 2021 is gone.
    expect(today.body).toMatchObject({ code: null, asOf: null, total: 125, byLevel: { '1': 25, '2': 5 } });
    expect(today.body.byType).toMatchObject({ capital: 1, province: 24, khan: 1, district: 3, village: 79 });
    const in2019 = await get<UnitCounts>('/api/gazetteer/counts?asOf=2019-06-01');
    expect(in2019.body).toMatchObject({ asOf: '2019-06-01', total: 125, byLevel: { '2': 5 } });
    const in2020 = await get<UnitCounts>('/api/gazetteer/counts?asOf=2020-06-01');
    expect(in2020.body).toMatchObject({ total: 126, byLevel: { '2': 6 } });
    expect((await get<UnitCounts>('/api/gazetteer/units/01/counts?asOf=2020-06-01')).body.byLevel).toEqual({
      '2': 2,
    });
  });

  it('counts again once the tree changes, whoever changed it', async () => {
    const before = (await get<UnitCounts>('/api/gazetteer/units/24/counts')).body;
    expect(before).toMatchObject({ total: 0 });
    // Written behind the API's back, as the import or a fix by hand would: the tree's revision
    // (bumped by triggers) tells the API its remembered counts are stale.
    await addDatedUnit({
      code: '2401',
      typeCode: 'district',
      nameLatin: 'Pailin test',
      validFrom: null,
      validTo: null,
    });
    expect((await get<UnitCounts>('/api/gazetteer/units/24/counts')).body).toMatchObject({
      total: 1,
      byType: { district: 1 },
    });
    await t.db.kysely.deleteFrom('gazetteer_unit_event').where('unit_code', '=', '2401').execute();
    await t.db.kysely.deleteFrom('gazetteer_unit_version').where('code', '=', '2401').execute();
    await t.db.kysely.deleteFrom('gazetteer_unit').where('code', '=', '2401').execute();
    expect((await get<UnitCounts>('/api/gazetteer/units/24/counts')).body).toMatchObject({ total: 0 });
  });

  it('gives the total past the last page of children', async () => {
    expect(
      (await get<PageOf<Unit>>('/api/gazetteer/units/2302/children?pageSize=2&page=3')).body,
    ).toMatchObject({
      items: [],
      total: 3,
      page: 3,
    });
  });

  it('gives the ancestors of a Kep village root first, today and on a past date', async () => {
    for (const query of ['', '?asOf=2019-01-01']) {
      const { status, body } = await get<{ items: Unit[] }>(
        `/api/gazetteer/units/23010307/ancestors${query}`,
      );
      expect(status).toBe(200);
      expect(codesOf(body.items)).toEqual(['23', '2301', '230103', '23010307']);
      expect(body.items.map((unit) => unit.level)).toEqual([1, 2, 3, 4]);
    }
  });
});

describe('as-of reads of units created and abolished on a date', () => {
  it('answers 404 before a unit was created, and from the day it was abolished', async () => {
    const before = await get<Problem>('/api/gazetteer/units/0150?asOf=2019-12-31');
    expect(before.status).toBe(404);
    expect(before.body.code).toBe('gazetteer.unit.not_found');
    expect(before.body.detail).toContain('on 2019-12-31');
    expect((await get<Unit>('/api/gazetteer/units/0150?asOf=2020-01-01')).body).toMatchObject({
      code: '0150',
      validFrom: '2020-01-01',
    });
    expect((await get<Problem>('/api/gazetteer/units/0150/ancestors?asOf=2019-12-31')).status).toBe(404);
    expect((await get<Problem>('/api/gazetteer/units/0150/children?asOf=2019-12-31')).status).toBe(404);

    const gone = await get<Problem>('/api/gazetteer/units/0151');
    expect(gone.status).toBe(404);
    expect(gone.body.detail).toContain(`on ${todayInCambodia()}`);
    expect((await get<Problem>('/api/gazetteer/units/0151/ancestors')).status).toBe(404);
    expect((await get<Problem>('/api/gazetteer/units/0151?asOf=2021-01-01')).status).toBe(404);
    expect((await get<Unit>('/api/gazetteer/units/0151?asOf=2020-12-31')).body).toMatchObject({
      validTo: '2021-01-01',
    });
    // Its history stays readable.
    const history = await get<PageOf<UnitEvent>>('/api/gazetteer/units/0151/history');
    expect(history.body.items.map((event) => event.kind)).toEqual(['abolished', 'created']);
  });

  it('lists the units of a date', async () => {
    const list = async (query: string) =>
      codesOf((await get<PageOf<Unit>>(`/api/gazetteer/units?parent=01${query}`)).body.items);
    expect(await list('')).toEqual(['0150']);
    expect(await list('&asOf=2019-01-01')).toEqual(['0151']);
    expect(await list('&asOf=2020-07-01')).toEqual(['0150', '0151']);
    expect((await get<PageOf<Unit>>('/api/gazetteer/units?within=23&asOf=2019-01-01')).body.total).toBe(25);
  });
});

describe('PATCH /api/gazetteer/units/{code}: a rename with its effective date', () => {
  const rename = {
    nameKm: 'កែបថ្មី',
    nameLatin: 'Kaeb Thmei',
    legalReference: 'ប្រកាសលេខ ១២៣ ប្រ.ក',
    effectiveDate: '2025-03-01',
  };

  it('is refused to anyone outside the unit’s scope', async () => {
    const anonymousAnswer = await anonymous(t.app).request('PATCH', '/api/gazetteer/units/230201', rename);
    expect(anonymousAnswer.statusCode).toBe(401);
    // The clerk of sangkat 230201 is not the clerk of its sibling 230202.
    const sibling = await clerk.request('PATCH', '/api/gazetteer/units/230202', rename);
    expect(sibling.statusCode).toBe(403);
    expect(sibling.json<Problem>().code).toBe('auth.forbidden');
    expect((await get<Unit>('/api/gazetteer/units/230202')).body.nameLatin).toBe('Prey Thum');
  });

  it('checks its input', async () => {
    const patch = async (body: object) => {
      const response = await clerk.request('PATCH', '/api/gazetteer/units/230201', body);
      return { status: response.statusCode, code: response.json<Problem>().code };
    };
    expect(await patch({ ...rename, nameKm: '  ' })).toEqual({
      status: 400,
      code: 'gazetteer.unit.name_required',
    });
    expect(await patch({ ...rename, effectiveDate: '2999-01-01' })).toEqual({
      status: 400,
      code: 'gazetteer.unit.bad_effective_date',
    });
    expect(await patch({ nameKm: 'x', effectiveDate: '2025-03-01' })).toEqual({
      status: 400,
      code: 'http.request.invalid',
    });
    expect(await patch({ ...rename, effectiveDate: '2025-02-30' })).toEqual({
      status: 400,
      code: 'http.request.invalid',
    });
    expect(await patch({ ...rename, nameKm: 'កែប', nameLatin: 'Kaeb' })).toEqual({
      status: 400,
      code: 'gazetteer.unit.no_change',
    });
  });

  it('renames the unit in its scope, with a version, an event and an audit record', async () => {
    const response = await clerk.request('PATCH', '/api/gazetteer/units/230201', rename);
    expect(response.statusCode).toBe(200);
    expect(response.json<Unit>()).toMatchObject({ code: '230201', nameKm: 'កែបថ្មី', nameLatin: 'Kaeb Thmei' });

    const versions = await asGazetteerDb(t.db.kysely)
      .selectFrom('gazetteer_unit_version')
      .select(['name_latin', 'valid_from', 'valid_to', 'legal_reference'])
      .where('code', '=', '230201')
      .orderBy('id')
      .execute();
    expect(versions).toEqual([
      {
        name_latin: 'Kaeb',
        valid_from: null,
        valid_to: '2025-03-01',
        legal_reference: 'ប្រកាសលេខ ៤៩៣ ប្រ.ក របស់ក្រសួងមហាផ្ទៃ',
      },
      {
        name_latin: 'Kaeb Thmei',
        valid_from: '2025-03-01',
        valid_to: null,
        legal_reference: rename.legalReference,
      },
    ]);

    const audit = await sql<{ action: string; unit_code: string; before: unknown; after: unknown }>`
      select action, unit_code, before, after from audit_record
      where entity_type = 'gazetteer.unit' and entity_id = '230201'`.execute(t.db.kysely);
    expect(audit.rows).toEqual([
      {
        action: 'gazetteer.unit.update',
        unit_code: '230201',
        before: { nameKm: 'កែប', nameLatin: 'Kaeb' },
        after: {
          nameKm: 'កែបថ្មី',
          nameLatin: 'Kaeb Thmei',
          effectiveDate: '2025-03-01',
          legalReference: rename.legalReference,
        },
      },
    ]);
  });

  it('shows the old name before the effective date and the new one from it', async () => {
    const nameOn = async (query: string) =>
      (await get<Unit>(`/api/gazetteer/units/230201${query}`)).body.nameLatin;
    expect(await nameOn('')).toBe('Kaeb Thmei');
    expect(await nameOn('?asOf=2025-02-28')).toBe('Kaeb');
    expect(await nameOn('?asOf=2025-03-01')).toBe('Kaeb Thmei');

    const chain = async (query: string) =>
      (await get<{ items: Unit[] }>(`/api/gazetteer/units/23020101/ancestors${query}`)).body.items.map(
        (unit) => unit.nameLatin,
      );
    expect(await chain('?asOf=2025-02-28')).toEqual(['Kep', 'Kaeb', 'Kaeb', 'Kaeb']);
    expect(await chain('')).toEqual(['Kep', 'Kaeb', 'Kaeb Thmei', 'Kaeb']);

    const children = async (query: string) =>
      (await get<PageOf<Unit>>(`/api/gazetteer/units/2302/children${query}`)).body.items[0]?.nameLatin;
    expect(await children('?asOf=2024-12-31')).toBe('Kaeb');
    expect(await children('')).toBe('Kaeb Thmei');
  });

  it('lists the rename in the unit’s history, newest first', async () => {
    const { status, body } = await get<PageOf<UnitEvent>>('/api/gazetteer/units/230201/history');
    expect(status).toBe(200);
    expect(body.total).toBe(2);
    expect(body.items[0]).toMatchObject({
      unitCode: '230201',
      unitNameLatin: 'Kaeb Thmei',
      kind: 'renamed',
      effectiveDate: '2025-03-01',
      legalReference: rename.legalReference,
      before: { nameKm: 'កែប', nameLatin: 'Kaeb' },
      after: { nameKm: 'កែបថ្មី', nameLatin: 'Kaeb Thmei' },
      relatedCodes: [],
      note: null,
      importId: null,
    });
    expect(typeof body.items[0]?.recordedAt).toBe('string');
    expect(body.items[1]).toMatchObject({ kind: 'created', effectiveDate: null });
    expect((await get<Problem>('/api/gazetteer/units/2399/history')).status).toBe(404);
  });

  it('refuses a change dated before the unit’s current state began', async () => {
    const response = await clerk.request('PATCH', '/api/gazetteer/units/230201', {
      isUrban: false,
      legalReference: 'Test act',
      effectiveDate: '2025-01-01',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<Problem>().code).toBe('gazetteer.unit.bad_effective_date');
  });

  it('lists the rename among the changes between two dates, and not outside them', async () => {
    const changes = async (query: string) =>
      (await get<PageOf<UnitEvent>>(`/api/gazetteer/changes?${query}`)).body;
    const in2025 = await changes('from=2025-01-01&to=2025-12-31');
    expect(in2025.total).toBe(1);
    expect(in2025.items[0]).toMatchObject({ unitCode: '230201', kind: 'renamed', unitNameKm: 'កែបថ្មី' });
    expect((await changes('from=2025-03-01&to=2025-03-01')).total).toBe(1);
    expect((await changes('from=2025-03-02&to=2025-12-31')).total).toBe(0);
    expect((await changes('from=2025-01-01&to=2025-12-31&within=2301')).total).toBe(0);
    expect((await changes('from=2025-01-01&to=2025-12-31&within=23')).total).toBe(1);
    expect((await changes('from=2025-01-01&to=2025-12-31&kind=retyped')).total).toBe(0);
    // The test districts' creation and abolition, and the rename, in date order.
    const all = await changes('from=2000-01-01&to=2030-12-31');
    expect(all.items.map((event) => [event.unitCode, event.kind, event.effectiveDate])).toEqual([
      ['0150', 'created', '2020-01-01'],
      ['0151', 'abolished', '2021-01-01'],
      ['230201', 'renamed', '2025-03-01'],
    ]);
  });
});

describe('bad input', () => {
  it('refuses a date that is not a date', async () => {
    for (const url of [
      '/api/gazetteer/units/23?asOf=2024-13-01',
      '/api/gazetteer/units?asOf=2024-13-01',
      '/api/gazetteer/units/23/children?asOf=2024-02-30',
      '/api/gazetteer/units/23/ancestors?asOf=yesterday',
      '/api/gazetteer/counts?asOf=2024-13-01',
      '/api/gazetteer/changes?from=2024-13-01&to=2025-01-01',
    ]) {
      const { status, body } = await get<Problem>(url);
      expect(status, url).toBe(400);
      expect(body.code, url).toBe('http.request.invalid');
    }
  });

  it('refuses a range that ends before it starts, and a range without its ends', async () => {
    const reversed = await get<Problem>('/api/gazetteer/changes?from=2025-02-01&to=2025-01-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body.code).toBe('gazetteer.changes.bad_range');
    expect((await get<Problem>('/api/gazetteer/changes?from=2025-01-01')).body.code).toBe(
      'http.request.invalid',
    );
  });
});
