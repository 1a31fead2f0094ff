/**
 * The councils routes on a real database with the demo data: public reads without personal
 * details, statistics with exact numbers from the seed, writes and their audit records, the
 * tree-shaped access rule, and the stable codes of bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../test-support/test-app.ts';
import { anonymous, signedIn, type Client } from '../../test-support/http.ts';
import { DEMO_PASSWORD } from '../access/index.ts';
import { DEMO_ORGANS, demoMembers } from './demo-seed.ts';

let t: TestApp;
let anon: Client;
let admin: Client;
/** An account holding councils.organ.manage at municipality 2302 (a role made for this test). */
let kepMunicipality: Client;

const PERSONAL_KEYS = ['birthYear', 'hasDisability', 'isIndigenous'];
const AS_OF = '2026-12-01';

interface OrganAnswer {
  id: number;
  unitCode: string;
  kind: string;
  isExample: boolean;
  members: Record<string, unknown>[];
}

async function organsOf(client: Client, unit: string): Promise<OrganAnswer[]> {
  const response = await client.request('GET', `/api/councils/units/${unit}/organs`);
  expect(response.statusCode).toBe(200);
  return response.json<{ items: OrganAnswer[] }>().items;
}

async function councilOf(unit: string): Promise<OrganAnswer> {
  return (await organsOf(anon, unit)).find((organ) => organ.kind === 'council')!;
}

async function auditOf(entityType: string, entityId: number | string) {
  return t.db.kysely
    .selectFrom('audit_record')
    .select(['action', 'actor_login', 'unit_code', 'before', 'after'])
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', String(entityId))
    .orderBy('seq')
    .execute();
}

const newMember = (over: Record<string, unknown> = {}) => ({
  nameKm: 'ឧទាហរណ៍ សមាជិក',
  nameLatin: 'Example Member',
  role: 'member',
  sex: 'female',
  birthYear: 1980,
  hasDisability: true,
  startDate: '2026-01-15',
  ...over,
});

beforeAll(async () => {
  t = await openTestApp();
  anon = anonymous(t.app);
  admin = await signedIn(t.app, 'admin@sndd.example', DEMO_PASSWORD);

  // A role of its own, so that the scope rule is tested whatever the built-in roles hold.
  await t.db.kysely
    .insertInto('access_role')
    .values({
      code: 'test_council_keeper',
      name_km: 'អ្នកសាកល្បង',
      name_en: 'Test council keeper',
      description_en: 'Test only.',
      is_builtin: false,
      assignable_at: 'any',
    })
    .execute();
  await t.db.kysely
    .insertInto('access_role_permission')
    .values({ role_code: 'test_council_keeper', permission_code: 'councils.organ.manage' })
    .execute();
  const user = await admin.request('POST', '/api/access/users', {
    email: 'keeper@councils.example',
    displayName: 'Example keeper',
    homeUnitCode: '2302',
    password: 'keeper-password-2026',
  });
  expect(user.statusCode).toBe(201);
  const userId = user.json<{ id: number }>().id;
  const granted = await admin.request('POST', `/api/access/users/${userId}/assignments`, {
    roleCode: 'test_council_keeper',
    unitCode: '2302',
  });
  expect(granted.statusCode).toBe(201);
  await t.db.kysely
    .updateTable('access_user')
    .set({ must_change_password: false })
    .where('id', '=', userId)
    .execute();
  kepMunicipality = await signedIn(t.app, 'keeper@councils.example', 'keeper-password-2026');
}, 120_000);
afterAll(async () => t.close());

describe('public reads', () => {
  it('lists a sangkat’s council with its current members, and no personal details for the public', async () => {
    const organs = await organsOf(anon, '230201');
    expect(organs).toHaveLength(1);
    const council = organs[0]!;
    expect(council).toMatchObject({
      unitCode: '230201',
      kind: 'council',
      isExample: true,
      source: 'example',
    });
    expect(council.members).toHaveLength(5); // the resigned councillor is not current
    expect(council.members.map((member) => member.role)).toEqual([
      'chief',
      'deputy',
      'deputy',
      'member',
      'member',
    ]);
    expect(council.members.filter((member) => member.sex === 'female')).toHaveLength(2);
    for (const member of council.members) {
      expect(member).toMatchObject({ isExample: true, isCurrent: true, party: expect.any(String) });
      for (const key of PERSONAL_KEYS) expect(member).not.toHaveProperty(key);
    }
  });

  it('lists the council, the board and the committee of a municipality, in that order', async () => {
    const organs = await organsOf(anon, '2302');
    expect(organs.map((organ) => organ.kind)).toEqual(['council', 'board_of_governors', 'committee']);
    expect(organs[1]!.members.map((member) => member.role)).toEqual([
      'governor',
      'deputy_governor',
      'deputy_governor',
    ]);
    expect(organs[1]!.members.every((member) => member.party === null)).toBe(true);
  });

  it('shows one organ with its past mandates', async () => {
    const council = await councilOf('230201');
    const response = await anon.request('GET', `/api/councils/organs/${council.id}`);
    expect(response.statusCode).toBe(200);
    const members = response.json<OrganAnswer>().members;
    expect(members).toHaveLength(6);
    expect(members.filter((member) => member.isCurrent === false)).toMatchObject([
      { endDate: '2024-03-31', role: 'member', sex: 'male' },
    ]);
    for (const member of members) for (const key of PERSONAL_KEYS) expect(member).not.toHaveProperty(key);
  });

  it('shows personal details only to those who manage the organ’s unit', async () => {
    const council = await signedIn(t.app, 'kep.council@sndd.example', DEMO_PASSWORD);
    for (const member of (await organsOf(council, '230201'))[0]!.members)
      for (const key of PERSONAL_KEYS) expect(member).not.toHaveProperty(key);

    const byAdmin = (await organsOf(admin, '230201'))[0]!.members;
    expect(byAdmin.every((member) => PERSONAL_KEYS.every((key) => key in member))).toBe(true);
    expect(byAdmin.map((member) => member.birthYear)).toEqual([1971, 1979, 1986, 1965, 1973]);

    // At 2302: its sangkats yes, a commune of the other district no.
    const inside = (await organsOf(kepMunicipality, '230201'))[0]!.members;
    expect(inside.every((member) => 'birthYear' in member)).toBe(true);
    const outside = (await organsOf(kepMunicipality, '230101'))[0]!.members;
    expect(outside.some((member) => 'birthYear' in member)).toBe(false);
  });

  it('answers 404 for an unknown unit or organ', async () => {
    const unit = await anon.request('GET', '/api/councils/units/999999/organs');
    expect(unit.statusCode).toBe(404);
    expect(unit.json()).toMatchObject({ code: 'gazetteer.unit.not_found' });
    const organ = await anon.request('GET', '/api/councils/organs/999999');
    expect(organ.json()).toMatchObject({ status: 404, code: 'councils.organ.not_found' });
  });
});

describe('statistics', () => {
  const stats = async (query: string) => {
    const day = query.includes('asOf=') ? '' : `asOf=${AS_OF}&`;
    const response = await anon.request('GET', `/api/councils/stats?${day}${query}`);
    expect(response.statusCode).toBe(200);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a loose JSON answer
    return response.json<Record<string, any>>();
  };

  it('counts Kep’s councillors by sex, age group, disability and role, with the women’s shares', async () => {
    const kep = await stats('within=23');
    expect(kep).toMatchObject({
      within: '23',
      kind: 'council',
      asOf: AS_OF,
      organs: 8,
      seats: { female: 11, male: 41, total: 52 },
      chiefs: { female: 1, male: 7, total: 8 },
      womenShareOfSeats: 0.2115,
      womenShareOfChiefs: 0.125,
    });
    expect(kep.byAgeGroup).toEqual([
      { group: '18-34', female: 1, male: 1, total: 2 },
      { group: '35-49', female: 2, male: 16, total: 18 },
      { group: '50-64', female: 6, male: 13, total: 19 },
      { group: '65+', female: 2, male: 8, total: 10 },
      { group: 'unknown', female: 0, male: 3, total: 3 },
    ]);
    expect(kep.byDisability).toEqual([
      { group: 'with_disability', female: 0, male: 4, total: 4 },
      { group: 'without_disability', female: 9, male: 34, total: 43 },
      { group: 'unknown', female: 2, male: 3, total: 5 },
    ]);
    expect(kep.byRole).toEqual([
      { group: 'member', female: 5, male: 23, total: 28 },
      { group: 'deputy', female: 5, male: 11, total: 16 },
      { group: 'chief', female: 1, male: 7, total: 8 },
    ]);
    // The demo data holds Kep only: the country gives the same figures.
    expect((await stats('')).seats).toEqual(kep.seats);
  });

  it('narrows to the commune level and to a subtree through the tree', async () => {
    const communes = await stats('within=23&level=3');
    expect(communes).toMatchObject({
      level: 3,
      organs: 5,
      seats: { female: 6, male: 23, total: 29 },
      chiefs: { female: 1, male: 4, total: 5 },
      womenShareOfSeats: 0.2069,
      womenShareOfChiefs: 0.2,
    });
    const municipality = await stats('within=2302');
    expect(municipality).toMatchObject({ organs: 4, seats: { female: 5, male: 17, total: 22 } });
    expect(municipality.byAgeGroup).toEqual([
      { group: '18-34', female: 0, male: 1, total: 1 },
      { group: '35-49', female: 0, male: 7, total: 7 },
      { group: '50-64', female: 5, male: 4, total: 9 },
      { group: '65+', female: 0, male: 4, total: 4 },
      { group: 'unknown', female: 0, male: 1, total: 1 },
    ]);
  });

  it('counts the members in office on the day asked', async () => {
    // Before the replacement in Kaeb sangkat: the man who resigned still sat, the woman not yet.
    expect((await stats('within=230201&asOf=2024-03-15')).seats).toEqual({ female: 1, male: 4, total: 5 });
    expect((await stats('within=230201')).seats).toEqual({ female: 2, male: 3, total: 5 });
    // Before any demo mandate started: nothing, and no share rather than 0 %.
    expect(await stats('within=23&asOf=2022-01-01')).toMatchObject({
      organs: 0,
      seats: { total: 0 },
      womenShareOfSeats: null,
    });
  });

  it('agrees with a count of the seed itself', async () => {
    const seeded = DEMO_ORGANS.flatMap((organ, index) =>
      organ.kind === 'committee' ? (demoMembers()[index] ?? []) : [],
    ).filter((member) => member.endDate === null);
    const committees = await stats('kind=committee');
    expect(committees.seats).toEqual({
      female: seeded.filter((member) => member.sex === 'female').length,
      male: seeded.filter((member) => member.sex === 'male').length,
      total: seeded.length,
    });
    expect(committees.chiefs.total).toBe(3);
  });

  it('refuses an unknown unit and an unknown kind', async () => {
    const unit = await anon.request('GET', '/api/councils/stats?within=999999');
    expect(unit.json()).toMatchObject({ status: 400, code: 'gazetteer.unit.unknown' });
    const kind = await anon.request('GET', '/api/councils/stats?kind=parliament');
    expect(kind.json()).toMatchObject({ status: 400, code: 'http.request.invalid' });
  });
});

describe('writes', () => {
  it('creates a committee, adds a member, ends the mandate and closes the committee, each audited', async () => {
    const created = await admin.request('POST', '/api/councils/units/230101/organs', {
      kind: 'committee',
      nameKm: 'គណៈកម្មការសាកល្បង',
      nameEn: 'Test planning and budgeting committee',
      legalReference: 'Test reference',
    });
    expect(created.statusCode).toBe(201);
    const organ = created.json<OrganAnswer>();
    expect(organ).toMatchObject({ unitCode: '230101', kind: 'committee', isExample: false, members: [] });

    const added = await admin.request(
      'POST',
      `/api/councils/organs/${organ.id}/members`,
      newMember({ role: 'head' }),
    );
    expect(added.statusCode).toBe(201);
    const member = added.json<{ id: number }>();
    expect(added.json()).toMatchObject({
      role: 'head',
      isCurrent: true,
      birthYear: 1980,
      hasDisability: true,
    });

    const ended = await admin.request('PATCH', `/api/councils/members/${member.id}`, {
      endDate: '2026-06-30',
    });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ endDate: '2026-06-30', isCurrent: false });

    const closed = await admin.request('PATCH', `/api/councils/organs/${organ.id}`, {
      closedOn: '2026-07-31',
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ closedOn: '2026-07-31', isCurrent: false });

    expect((await auditOf('councils.organ', organ.id)).map((record) => record.action)).toEqual([
      'councils.organ.create',
      'councils.organ.close',
    ]);
    const memberAudit = await auditOf('councils.member', member.id);
    expect(memberAudit.map((record) => [record.action, record.actor_login, record.unit_code])).toEqual([
      ['councils.member.create', 'admin@sndd.example', '230101'],
      ['councils.member.end', 'admin@sndd.example', '230101'],
    ]);
    // Audit readers are more than those who may see personal details: values stay out of it.
    expect(memberAudit[0]!.after).toMatchObject({
      birthYear: '[personal]',
      hasDisability: '[personal]',
      isIndigenous: null,
    });

    // A closed organ takes no new members, and leaves the public list of sitting organs.
    const late = await admin.request(
      'POST',
      `/api/councils/organs/${organ.id}/members`,
      newMember({ startDate: '2026-08-01' }),
    );
    expect(late.json()).toMatchObject({ status: 409, code: 'councils.organ.closed' });
    expect((await organsOf(anon, '230101')).some((item) => item.id === organ.id)).toBe(false);
  });

  it('ends the running mandates when an organ closes', async () => {
    const organ = (
      await admin.request('POST', '/api/councils/units/230103/organs', {
        kind: 'office',
        nameKm: 'ការិយាល័យសាកល្បង',
        nameEn: 'Test office',
      })
    ).json<OrganAnswer>();
    const member = (
      await admin.request('POST', `/api/councils/organs/${organ.id}/members`, newMember({ role: 'head' }))
    ).json<{ id: number }>();
    await admin.request('PATCH', `/api/councils/organs/${organ.id}`, { closedOn: '2026-09-30' });
    const detail = (await anon.request('GET', `/api/councils/organs/${organ.id}`)).json<OrganAnswer>();
    expect(detail.members).toMatchObject([{ id: member.id, endDate: '2026-09-30' }]);
    expect((await auditOf('councils.member', member.id)).map((record) => record.action)).toEqual([
      'councils.member.create',
      'councils.member.end',
    ]);
  });

  it('lets a manager of 2302 work on its sangkats and nowhere else', async () => {
    const council = await councilOf('230202');
    const allowed = await kepMunicipality.request(
      'POST',
      `/api/councils/organs/${council.id}/members`,
      newMember(),
    );
    expect(allowed.statusCode).toBe(201);
    expect((await auditOf('councils.member', allowed.json<{ id: number }>().id))[0]).toMatchObject({
      actor_login: 'keeper@councils.example',
      unit_code: '230202',
    });

    const otherDistrict = await councilOf('230101');
    for (const [method, url, body] of [
      ['POST', '/api/councils/units/230101/organs', { kind: 'committee', nameKm: 'ក', nameEn: 'X' }],
      ['POST', '/api/councils/units/23/organs', { kind: 'committee', nameKm: 'ក', nameEn: 'X' }],
      ['PATCH', `/api/councils/organs/${otherDistrict.id}`, { nameEn: 'Renamed' }],
      ['POST', `/api/councils/organs/${otherDistrict.id}/members`, newMember()],
      ['PATCH', `/api/councils/members/${otherDistrict.members[0]!.id as number}`, { endDate: '2026-12-31' }],
    ] as const) {
      const response = await kepMunicipality.request(method, url, body);
      expect(response.statusCode, `${method} ${url}`).toBe(403);
      expect(response.json()).toMatchObject({ code: 'auth.forbidden' });
    }
  });

  it('refuses the sangkat clerk on another commune, and the public everywhere', async () => {
    const clerk = await signedIn(t.app, 'kep.clerk@sndd.example', DEMO_PASSWORD);
    const other = await councilOf('230101');
    const refused = await clerk.request('POST', `/api/councils/organs/${other.id}/members`, newMember());
    expect(refused.statusCode).toBe(403);
    const created = await clerk.request('POST', '/api/councils/units/230202/organs', {
      kind: 'committee',
      nameKm: 'ក',
      nameEn: 'X',
    });
    expect(created.statusCode).toBe(403);
    const anonymousWrite = await anon.request(
      'POST',
      `/api/councils/organs/${other.id}/members`,
      newMember(),
    );
    expect(anonymousWrite.statusCode).toBe(401);
  });

  it('follows the provincial officer’s role: in Kep when it holds councils.organ.manage, never outside', async () => {
    const province = await signedIn(t.app, 'kep.province@sndd.example', DEMO_PASSWORD);
    const roles = (await admin.request('GET', '/api/access/roles')).json<{
      items: { code: string; permissions: string[] }[];
    }>();
    const holds = roles.items
      .find((role) => role.code === 'provincial_officer')!
      .permissions.includes('councils.organ.manage');
    const inKep = await province.request('POST', '/api/councils/units/230203/organs', {
      kind: 'committee',
      nameKm: 'គណៈកម្មការឃុំសង្កាត់ទទួលបន្ទុកកិច្ចការនារី និងកុមារ',
      nameEn: 'Commune committee for women and children (test)',
    });
    expect(inKep.statusCode).toBe(holds ? 201 : 403);
    const outside = await province.request('POST', '/api/councils/units/01/organs', {
      kind: 'committee',
      nameKm: 'ក',
      nameEn: 'X',
    });
    expect(outside.statusCode).toBe(403);
  });
});

describe('bad input', () => {
  let councilId: number;
  beforeAll(async () => {
    councilId = (await councilOf('230203')).id;
  });

  const post = (url: string, body: unknown) => admin.request('POST', url, body);

  it('names each rule a member breaks', async () => {
    const url = () => `/api/councils/organs/${councilId}/members`;
    const cases: [Record<string, unknown>, number, string][] = [
      [{ endDate: '2025-12-31' }, 400, 'councils.member.end_before_start'],
      [{ role: 'president' }, 400, 'councils.member.bad_role'],
      [{ role: 'governor' }, 400, 'councils.member.role_not_for_organ'],
      [{ sex: 'unknown' }, 400, 'councils.member.bad_sex'],
      [{ birthYear: 2015 }, 400, 'councils.member.bad_birth_year'],
      [{ role: 'chief' }, 409, 'councils.member.head_taken'],
      [{ startDate: '2026-02-30' }, 400, 'http.request.invalid'],
    ];
    for (const [over, status, code] of cases) {
      const response = await post(url(), newMember(over));
      expect(response.json(), JSON.stringify(over)).toMatchObject({ status, code });
    }
    const board = (await organsOf(anon, '2302')).find((organ) => organ.kind === 'board_of_governors')!;
    const party = await post(
      `/api/councils/organs/${board.id}/members`,
      newMember({ party: 'Example party A' }),
    );
    expect(party.json()).toMatchObject({ status: 400, code: 'councils.member.party_not_for_organ' });
    const member = (await councilOf('230203')).members[1]!;
    const patch = await admin.request('PATCH', `/api/councils/members/${member.id as number}`, {
      endDate: '2020-01-01',
    });
    expect(patch.json()).toMatchObject({ status: 400, code: 'councils.member.end_before_start' });
    const missing = await admin.request('PATCH', '/api/councils/members/999999', { endDate: '2026-12-31' });
    expect(missing.json()).toMatchObject({ status: 404, code: 'councils.member.not_found' });
  });

  it('names each rule an organ breaks', async () => {
    const organ = (over: Record<string, unknown>) => ({ kind: 'council', nameKm: 'ក', nameEn: 'X', ...over });
    const cases: [string, Record<string, unknown>, number, string][] = [
      ['230203', { kind: 'parliament' }, 400, 'councils.organ.bad_kind'],
      ['230203', { termStart: '2027-07-01', termEnd: '2022-06-30' }, 400, 'councils.organ.end_before_start'],
      ['230203', { kind: 'board_of_governors' }, 400, 'councils.organ.kind_not_for_unit'],
      ['23020301', {}, 400, 'councils.organ.unit_not_sna'],
      ['999999', {}, 404, 'gazetteer.unit.not_found'],
    ];
    for (const [unit, over, status, code] of cases) {
      const response = await post(`/api/councils/units/${unit}/organs`, organ(over));
      expect(response.json(), `${unit} ${JSON.stringify(over)}`).toMatchObject({ status, code });
    }
    const missing = await admin.request('PATCH', '/api/councils/organs/999999', { nameEn: 'X' });
    expect(missing.json()).toMatchObject({ status: 404, code: 'councils.organ.not_found' });
  });
});

describe('register of functions', () => {
  const fn = (over: Record<string, unknown> = {}) => ({
    code: 'market_management',
    nameKm: 'ការគ្រប់គ្រងផ្សារ',
    nameEn: 'Market management (test)',
    sector: 'economy',
    holder: 'municipality',
    legalInstrument: 'Test instrument',
    dateAssigned: '2024-01-01',
    transferredFrom: 'Ministry of Commerce',
    source: 'test',
    ...over,
  });

  it('lists what a sangkat holds: its type’s functions and its own, paged, for anyone', async () => {
    const page = (await anon.request('GET', '/api/councils/functions?holder=230201')).json<{
      items: { code: string; holderTypeCode: string }[];
      total: number;
    }>();
    expect(page.items.map((item) => [item.code, item.holderTypeCode])).toEqual([
      ['civil_registration', 'sangkat'],
    ]);
    const municipality = (await anon.request('GET', '/api/councils/functions?holder=2302&sort=code')).json<{
      items: { code: string; isExample: boolean; source: string }[];
    }>();
    expect(municipality.items.map((item) => item.code)).toEqual([
      'beach_public_space',
      'primary_education',
      'solid_waste_management',
    ]);
    expect(municipality.items.every((item) => item.isExample && item.source === 'example')).toBe(true);
    const paged = (await anon.request('GET', '/api/councils/functions?pageSize=2&page=2')).json();
    expect(paged).toMatchObject({ page: 2, pageSize: 2, total: 7 });
    expect(paged.items).toHaveLength(2);
    const education = (await anon.request('GET', '/api/councils/functions?sector=education')).json();
    expect(education.total).toBe(2);
  });

  it('is kept nationally, with audit records and stable codes', async () => {
    const created = await admin.request('POST', '/api/councils/functions', fn());
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: number }>().id;
    expect(created.json()).toMatchObject({
      holderTypeCode: 'municipality',
      holderUnitCode: null,
      isExample: false,
    });
    const patched = await admin.request('PATCH', `/api/councils/functions/${id}`, {
      dateAssigned: '2024-02-01',
    });
    expect(patched.json()).toMatchObject({ dateAssigned: '2024-02-01' });
    expect((await auditOf('councils.function', id)).map((record) => record.action)).toEqual([
      'councils.function.create',
      'councils.function.update',
    ]);

    expect((await admin.request('POST', '/api/councils/functions', fn())).json()).toMatchObject({
      status: 409,
      code: 'councils.function.duplicate',
    });
    expect(
      (await admin.request('POST', '/api/councils/functions', fn({ holder: '999999' }))).json(),
    ).toMatchObject({
      status: 400,
      code: 'gazetteer.unit.unknown',
    });
    expect(
      (await admin.request('POST', '/api/councils/functions', fn({ holder: 'village' }))).json(),
    ).toMatchObject({
      status: 400,
      code: 'councils.function.unknown_holder',
    });
    expect((await anon.request('GET', '/api/councils/functions?holder=999999')).json()).toMatchObject({
      status: 400,
      code: 'gazetteer.unit.unknown',
    });

    // A unit-level account never keeps the national register.
    for (const client of [
      kepMunicipality,
      await signedIn(t.app, 'kep.province@sndd.example', DEMO_PASSWORD),
    ]) {
      const refused = await client.request('POST', '/api/councils/functions', fn({ code: 'other' }));
      expect(refused.statusCode).toBe(403);
    }
    expect((await anon.request('PATCH', `/api/councils/functions/${id}`, { sector: 'x' })).statusCode).toBe(
      401,
    );
  });
});
