/**
 * hr, on a real database (PGlite, and PostgreSQL with DATABASE_URL): a district officer keeps
 * its establishment (a position created, a person recorded and assigned, the page's figures),
 * each rule of the issue answering its stable code with nothing written (a second occupant, an
 * assignment ending before it starts, a third contract assistant for a council of seven and a
 * fourth for nine, a person outside the officer's scope, a duplicate national ID), personal
 * details only to managers in scope with each read audited, a move between SNAs keeping the
 * history, and the women-in-leadership roll-up by province against an editable target.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../test-support/test-app.ts';
import { signedIn, type Client } from '../../test-support/http.ts';
import { DEMO_PASSWORD } from '../access/index.ts';

let t: TestApp;
let admin: Client;
let district: Client;
let province: Client;
let khan: Client;
let auditor: Client;

async function call<T>(
  client: Client,
  method: string,
  url: string,
  body?: unknown,
  status = 200,
): Promise<T> {
  const response = await client.request(method, url, body);
  expect(response.statusCode, response.body).toBe(status);
  return response.json<T>();
}

async function problem(client: Client, method: string, url: string, body?: unknown) {
  const response = await client.request(method, url, body);
  return { status: response.statusCode, code: response.json<{ code: string }>().code };
}

const count = async (table: string) =>
  Number(
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.db.kysely))
      .rows[0]!.n,
  );

const position = (overrides: Record<string, unknown> = {}) => ({
  organ: 'administration',
  titleKm: 'មន្ត្រីសាកល្បង',
  titleEn: 'Test officer',
  categoryCode: 'cs_b',
  gradeCode: 'b2',
  level: 'staff',
  fundingSource: 'sna_budget',
  ...overrides,
});

let nationalIds = 0;
const person = (overrides: Record<string, unknown> = {}) => ({
  nameKm: 'បុគ្គលិកសាកល្បង',
  nameLatin: 'Test Person',
  sex: 'female',
  birthDate: '1990-02-03',
  nationalId: `T${String(++nationalIds).padStart(8, '0')}`,
  employment: { kind: 'civil_servant', categoryCode: 'cs_b', gradeCode: 'b2', startDate: '2024-01-01' },
  ...overrides,
});

interface Created {
  id: number;
}

/** Adds `count` members in office since 2022 to the demo council of `unit`. */
async function addCouncillors(unit: string, count: number) {
  const { rows } = await sql<{ id: number }>`select id from councils_organ
    where unit_code = ${unit} and kind = 'council' order by id desc limit 1`.execute(t.db.kysely);
  for (let i = 0; i < count; i++) {
    await call(
      admin,
      'POST',
      `/api/councils/organs/${rows[0]!.id}/members`,
      {
        nameKm: `សមាជិក ${i}`,
        nameLatin: `Member ${i}`,
        role: 'member',
        sex: 'female',
        startDate: '2022-07-01',
      },
      201,
    );
  }
}

const assistant = () =>
  person({
    employment: { kind: 'contract', categoryCode: 'commune_contract_assistant', startDate: '2026-02-01' },
  });

beforeAll(async () => {
  t = await openTestApp();
  [admin, district, province, khan, auditor] = (await Promise.all(
    [
      'admin@sndd.example',
      'kep.district@sndd.example',
      'kep.province@sndd.example',
      'chamkarmon.khan@sndd.example',
      'auditor@sndd.example',
    ].map((login) => signedIn(t.app, login, DEMO_PASSWORD)),
  )) as [Client, Client, Client, Client, Client];
}, 600_000);

afterAll(async () => {
  await t?.close();
});

describe('hr', () => {
  it('lets a district officer create a position, record and assign a person, and see the establishment; a second occupant is refused', async () => {
    const created = await call<{ id: number; status: string }>(
      district,
      'POST',
      '/api/hr/units/2302/positions',
      position(),
      201,
    );
    expect(created.status).toBe('vacant');
    const first = await call<Created>(district, 'POST', '/api/hr/units/2302/persons', person(), 201);
    await call(
      district,
      'POST',
      `/api/hr/positions/${created.id}/assignments`,
      { personId: first.id, kind: 'substantive', startDate: '2024-01-01' },
      201,
    );
    const page = await call<{
      items: { id: number; status: string; occupants: { personId: number }[] }[];
      total: number;
    }>(district, 'GET', '/api/hr/units/2302/positions?pageSize=100');
    const listed = page.items.find((item) => item.id === created.id)!;
    expect(listed.status).toBe('occupied');
    expect(listed.occupants.map((o) => o.personId)).toEqual([first.id]);
    const summary = await call<{
      occupied: number;
      vacant: number;
      approved: number | null;
      staffFemale: number;
    }>(district, 'GET', '/api/hr/units/2302/establishment');
    expect(summary.occupied).toBeGreaterThanOrEqual(1);
    expect(summary.staffFemale).toBeGreaterThanOrEqual(1);
    expect(summary.approved).toBe(40); // the demo's example figure for the municipality type

    const second = await call<Created>(
      district,
      'POST',
      '/api/hr/units/2302/persons',
      person({ sex: 'male' }),
      201,
    );
    const assignments = await count('hr_assignment');
    expect(
      await problem(district, 'POST', `/api/hr/positions/${created.id}/assignments`, {
        personId: second.id,
        kind: 'acting',
        startDate: '2025-06-01',
      }),
    ).toEqual({ status: 409, code: 'hr.position.occupied' });
    expect(await count('hr_assignment')).toBe(assignments);

    // Before the first holder started, the position was free: an acting holder then is fine.
    await call(
      district,
      'POST',
      `/api/hr/positions/${created.id}/assignments`,
      { personId: second.id, kind: 'acting', startDate: '2023-01-01', endDate: '2023-12-31' },
      201,
    );
    // A position that allows two holders takes two.
    const shared = await call<Created>(
      district,
      'POST',
      '/api/hr/units/2302/positions',
      position({ maxOccupants: 2 }),
      201,
    );
    for (const id of [first.id, second.id])
      await call(
        district,
        'POST',
        `/api/hr/positions/${shared.id}/assignments`,
        { personId: id, kind: 'substantive', startDate: '2025-01-01' },
        201,
      );

    // A position someone holds cannot close.
    expect(await problem(district, 'PATCH', `/api/hr/positions/${created.id}`, { state: 'closed' })).toEqual({
      status: 409,
      code: 'hr.position.still_occupied',
    });
    // The person's page keeps the history.
    const history = await call<{
      assignments: { positionId: number; kind: string }[];
      canSeePersonal: boolean;
    }>(district, 'GET', `/api/hr/persons/${second.id}`);
    expect(history.assignments.map((a) => a.kind).sort()).toEqual(['acting', 'substantive']);
    expect(history.canSeePersonal).toBe(true);
  });

  it('refuses an assignment that ends before it starts, and writes nothing', async () => {
    const created = await call<Created>(district, 'POST', '/api/hr/units/2302/positions', position(), 201);
    const someone = await call<Created>(district, 'POST', '/api/hr/units/2302/persons', person(), 201);
    const before = await count('hr_assignment');
    expect(
      await problem(district, 'POST', `/api/hr/positions/${created.id}/assignments`, {
        personId: someone.id,
        kind: 'substantive',
        startDate: '2025-06-01',
        endDate: '2025-05-31',
      }),
    ).toEqual({ status: 400, code: 'hr.assignment.bad_dates' });
    expect(await count('hr_assignment')).toBe(before);
  });

  it('counts commune contract assistants against the council’s size: 2 for 7 members, 3 for 9', async () => {
    // The demo's councils: Angkaol 230101 has 7 members; Ou Krasar 230203 has 5, brought to 9.
    await addCouncillors('230203', 4);
    for (let i = 0; i < 2; i++)
      await call(province, 'POST', '/api/hr/units/230101/persons', assistant(), 201);
    const persons = await count('hr_person');
    expect(await problem(province, 'POST', '/api/hr/units/230101/persons', assistant())).toEqual({
      status: 409,
      code: 'hr.employment.contract_assistant_limit',
    });
    expect(await count('hr_person')).toBe(persons);
    for (let i = 0; i < 3; i++)
      await call(province, 'POST', '/api/hr/units/230203/persons', assistant(), 201);
    expect((await problem(province, 'POST', '/api/hr/units/230203/persons', assistant())).code).toBe(
      'hr.employment.contract_assistant_limit',
    );
    // A district hires no commune contract assistants.
    expect((await problem(district, 'POST', '/api/hr/units/2302/persons', assistant())).code).toBe(
      'hr.employment.not_commune',
    );
    // The category must match the kind of employment.
    expect(
      (
        await problem(
          district,
          'POST',
          '/api/hr/units/2302/persons',
          person({ employment: { kind: 'contract', categoryCode: 'cs_a', startDate: '2025-01-01' } }),
        )
      ).code,
    ).toBe('hr.employment.kind_mismatch');
  });

  it('keeps officers to their scope: another district’s person or list is refused', async () => {
    const theirs = await call<Created>(khan, 'POST', '/api/hr/units/1201/persons', person(), 201);
    const ours = await call<Created>(district, 'POST', '/api/hr/units/2302/positions', position(), 201);
    expect(
      await problem(district, 'POST', `/api/hr/positions/${ours.id}/assignments`, {
        personId: theirs.id,
        kind: 'secondment',
        startDate: '2025-01-01',
      }),
    ).toEqual({ status: 403, code: 'hr.person.outside_scope' });
    expect((await problem(district, 'GET', '/api/hr/units/1201/positions')).status).toBe(403);
    expect((await problem(district, 'GET', `/api/hr/persons/${theirs.id}`)).status).toBe(403);
    expect((await problem(district, 'POST', '/api/hr/units/1201/positions', position())).status).toBe(403);
    // The province sees its districts' staff.
    await call(province, 'GET', '/api/hr/units/2302/positions');
  });

  it('refuses a national ID already recorded', async () => {
    const body = person();
    await call(district, 'POST', '/api/hr/units/2302/persons', body, 201);
    expect(
      (await problem(district, 'POST', '/api/hr/units/2302/persons', { ...body, nameLatin: 'Other' })).code,
    ).toBe('hr.person.national_id_taken');
  });

  it('shows personal details only to HR managers in scope, and audits each read', async () => {
    const someone = await call<Created>(
      district,
      'POST',
      '/api/hr/units/2302/persons',
      person({ nationalId: 'P12345678' }),
      201,
    );
    const viewed = await call<Record<string, unknown>>(auditor, 'GET', `/api/hr/persons/${someone.id}`);
    expect(viewed.canSeePersonal).toBe(false);
    expect(JSON.stringify(viewed)).not.toContain('P12345678');
    expect((await problem(auditor, 'POST', `/api/hr/persons/${someone.id}/personal-details`)).status).toBe(
      403,
    );
    const reads = async () =>
      Number(
        (
          await sql<{ n: number }>`select count(*)::int as n from audit_record
            where action = 'hr.person.personal_read' and entity_id = ${String(someone.id)}`.execute(
            t.db.kysely,
          )
        ).rows[0]!.n,
      );
    expect(await reads()).toBe(0);
    const details = await call<{ nationalId: string; ageGroup: string }>(
      district,
      'POST',
      `/api/hr/persons/${someone.id}/personal-details`,
    );
    expect(details.nationalId).toBe('P12345678');
    expect(details.ageGroup).toBe('35-44');
    expect(await reads()).toBe(1);
    // The audit trail of the change records that personal details were set, never their value.
    const { rows } = await sql<{ after: unknown }>`select after from audit_record
      where action = 'hr.person.create' and entity_id = ${String(someone.id)}`.execute(t.db.kysely);
    expect(JSON.stringify(rows[0]!.after)).not.toContain('P12345678');
  });

  it('moves a person between SNAs within the officer’s scope, keeping the history', async () => {
    const post = await call<Created>(district, 'POST', '/api/hr/units/2302/positions', position(), 201);
    const someone = await call<Created>(district, 'POST', '/api/hr/units/2302/persons', person(), 201);
    await call(
      district,
      'POST',
      `/api/hr/positions/${post.id}/assignments`,
      { personId: someone.id, kind: 'substantive', startDate: '2024-01-01' },
      201,
    );
    expect(
      await problem(district, 'POST', `/api/hr/persons/${someone.id}/move`, {
        toUnitCode: '1201',
        date: '2026-03-01',
      }),
    ).toEqual({ status: 403, code: 'hr.move.outside_scope' });
    const moved = await call<{
      unitCode: string;
      employments: { unitCode: string; endDate: string | null; leavingReason: string | null }[];
      assignments: { endDate: string | null; endReason: string | null }[];
    }>(province, 'POST', `/api/hr/persons/${someone.id}/move`, { toUnitCode: '230201', date: '2026-03-01' });
    expect(moved.unitCode).toBe('230201');
    expect(moved.employments).toEqual([
      expect.objectContaining({ unitCode: '230201', endDate: null }),
      expect.objectContaining({ unitCode: '2302', endDate: '2026-02-28', leavingReason: 'transfer' }),
    ]);
    expect(moved.assignments[0]).toMatchObject({ endDate: '2026-02-28', endReason: 'transfer' });
    // The position it left is vacant again.
    const left = await call<{ status: string }>(district, 'GET', `/api/hr/positions/${post.id}`);
    expect(left.status).toBe('vacant');
  });

  it('rolls women in leadership up by province against the target, which the nation sets', async () => {
    const national = await call<{
      targetPercent: number;
      targetIsDefault: boolean;
      rows: { unitCode: string; female: number; male: number; leadership: { female: number } }[];
      byAgeGroup: { ageGroup: string }[];
      councilMembers: { female: number; male: number };
    }>(admin, 'GET', '/api/hr/leadership');
    expect(national.targetPercent).toBe(38);
    expect(national.targetIsDefault).toBe(true);
    expect(national.rows).toHaveLength(25);
    const kep = national.rows.find((row) => row.unitCode === '23')!;
    expect(kep.female).toBeGreaterThan(0);
    expect(kep.leadership.female).toBeGreaterThanOrEqual(1); // the demo's deputy governor
    expect(national.councilMembers.female + national.councilMembers.male).toBeGreaterThan(0);
    expect(
      (await problem(district, 'PUT', '/api/hr/leadership-targets/2026', { targetPercent: 40 })).status,
    ).toBe(403);
    expect(
      (await problem(admin, 'PUT', '/api/hr/leadership-targets/2026', { targetPercent: 140 })).code,
    ).toBe('hr.target.bad_value');
    await call(admin, 'PUT', '/api/hr/leadership-targets/2026', { targetPercent: 40, source: 'Test' });
    const unit = await call<{ targetPercent: number; rows: { unitCode: string }[] }>(
      admin,
      'GET',
      '/api/hr/leadership?unit=2302&year=2026',
    );
    expect(unit.targetPercent).toBe(40);
    expect(unit.rows.map((row) => row.unitCode)).toEqual(['2302']);
  });
});
