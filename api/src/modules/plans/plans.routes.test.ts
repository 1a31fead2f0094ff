/**
 * Plans, on a real database (PGlite, and PostgreSQL with DATABASE_URL): a plan drafted,
 * reviewed and approved with the council's decision (and refused with a wrong one), a village
 * need taken to a priority and a project, the program listed by subtree, year and status,
 * the project's status moves, the roll carrying unfinished projects, and the bad inputs of
 * the issue each answering its stable code with nothing written.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../test-support/test-app.ts';
import { anonymous, signedIn, type Client } from '../../test-support/http.ts';
import { DEMO_PASSWORD } from '../access/index.ts';

let t: TestApp;
let anon: Client;
let clerk: Client;
let admin: Client;

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

/** A council of `unit` with three members and a held meeting on DAY taking the given decisions. */
async function councilDecisions(unit: string, organKind: string, decisions: { kind: string; for: number }[]) {
  const organ = await call<{ id: number }>(
    admin,
    'POST',
    `/api/councils/units/${unit}/organs`,
    { kind: organKind, nameKm: 'ក្រុមប្រឹក្សាសាកល្បង', nameEn: `Test ${organKind}`, termStart: '2022-07-01' },
    201,
  );
  const roles = organKind === 'council' ? ['chief', 'deputy', 'member'] : ['head', 'deputy', 'member'];
  const members: number[] = [];
  for (const [index, role] of roles.entries()) {
    const member = await call<{ id: number }>(
      admin,
      'POST',
      `/api/councils/organs/${organ.id}/members`,
      {
        nameKm: `សមាជិក ${index}`,
        nameLatin: `Member ${index}`,
        role,
        sex: 'female',
        startDate: '2026-01-01',
      },
      201,
    );
    members.push(member.id);
  }
  const meeting = await call<{ id: number }>(
    admin,
    'POST',
    `/api/councils/organs/${organ.id}/meetings`,
    { kind: 'ordinary', date: '2026-11-12', place: 'Hall', agenda: [{ titleKm: 'ផែនការ', titleEn: 'Plan' }] },
    201,
  );
  await call(admin, 'PUT', `/api/councils/meetings/${meeting.id}/attendance`, {
    attendance: members.map((memberId) => ({ memberId, status: 'present' })),
  });
  const ids: number[] = [];
  for (const decision of decisions) {
    const taken = await call<{ id: number }>(
      admin,
      'POST',
      `/api/councils/meetings/${meeting.id}/decisions`,
      {
        kind: decision.kind,
        titleKm: 'អនុម័តផែនការ',
        titleEn: 'Approve the plan',
        tally: { for: decision.for, against: 3 - decision.for, abstain: 0 },
      },
      201,
    );
    ids.push(taken.id);
  }
  return ids;
}

const planBody = {
  firstYear: 2028,
  lastYear: 2032,
  visionKm: 'ចក្ខុវិស័យសាកល្បង',
  visionEn: 'Test vision',
  goals: [{ sectorCode: 'economic', textKm: 'គោលដៅ', textEn: 'Goal' }],
  indicators: [
    {
      sectorCode: 'social',
      nameKm: 'សូចនាករ',
      nameEn: 'Indicator',
      measure: '%',
      baseline: 50,
      baselineYear: 2027,
      targets: [
        { year: 2028, target: 55 },
        { year: 2030, target: 65 },
      ],
    },
  ],
  calendar: [{ stepKm: 'ជំហាន', owner: 'Clerk', startDate: '2027-08-01', endDate: '2027-08-31' }],
};

const project = (overrides: Record<string, unknown> = {}) => ({
  titleKm: 'គម្រោងសាកល្បង',
  titleEn: 'Test project',
  sectorCode: 'economic',
  kind: 'infrastructure',
  outputText: 'Road',
  outputQuantity: 2,
  outputUnit: 'km',
  locations: ['23020101'],
  costs: [
    {
      year: 2027,
      total: 1000,
      sources: [
        { fundSource: 'commune_fund', amount: 700 },
        { fundSource: 'citizens', amount: 300 },
      ],
    },
    { year: 2028, total: 500, sources: [{ fundSource: 'ngo', amount: 500 }] },
  ],
  genderMarker: false,
  climateMarker: 'none',
  ...overrides,
});

let planDecisions: number[];
let committeeDecision: number[];

beforeAll(async () => {
  t = await openTestApp();
  anon = anonymous(t.app);
  admin = await signedIn(t.app, 'admin@sndd.example', DEMO_PASSWORD);
  clerk = await signedIn(t.app, 'kep.clerk@sndd.example', DEMO_PASSWORD);
  // passed approve_plan, failed approve_plan, passed approve_budget
  planDecisions = await councilDecisions('230202', 'council', [
    { kind: 'approve_plan', for: 3 },
    { kind: 'approve_plan', for: 1 },
    { kind: 'approve_budget', for: 3 },
  ]);
  committeeDecision = await councilDecisions('230202', 'committee', [{ kind: 'approve_plan', for: 3 }]);
}, 600_000);
afterAll(async () => t.close());

describe('code lists and demo data', () => {
  it('lists sectors and fund sources as data, and the demo sangkat’s example program', async () => {
    const sectors = await call<{ items: { code: string; nameKm: string }[] }>(
      anon,
      'GET',
      '/api/plans/sectors',
    );
    expect(sectors.items.map((item) => item.code)).toEqual([
      'economic',
      'social',
      'natural_resources',
      'administration_security',
      'gender',
    ]);
    const sources = await call<{ items: { code: string }[] }>(anon, 'GET', '/api/plans/fund-sources');
    expect(sources.items).toHaveLength(6);
    const demo = await call<{ items: { isExample: boolean; status: string }[]; total: number }>(
      anon,
      'GET',
      '/api/plans/projects?unit=23&year=2027',
    );
    expect(demo.total).toBe(2);
    expect(demo.items.every((item) => item.isExample)).toBe(true);
    const needs = await call<{ total: number }>(anon, 'GET', '/api/plans/units/230201/needs');
    expect(needs.total).toBe(2);
  });
});

describe('development plans', () => {
  it('drafts, reviews and approves a plan with the council’s passed approve_plan decision', async () => {
    const plan = await call<{ id: number; status: string; indicators: { targets: unknown[] }[] }>(
      admin,
      'POST',
      '/api/plans/units/230202/plans',
      planBody,
      201,
    );
    expect(plan.status).toBe('draft');
    expect(plan.indicators[0]!.targets).toHaveLength(2);
    expect(await problem(admin, 'POST', '/api/plans/units/230202/plans', planBody)).toEqual({
      status: 409,
      code: 'plans.plan.duplicate',
    });
    // Approval needs review first.
    expect(
      await problem(admin, 'POST', `/api/plans/plans/${plan.id}/approve`, {
        councilDecisionId: planDecisions[0],
      }),
    ).toEqual({ status: 409, code: 'plans.plan.not_reviewed' });
    await call(admin, 'POST', `/api/plans/plans/${plan.id}/status`, { status: 'reviewed' });
    const refusals = [
      [999_999, 'plans.decision.not_found'],
      [planDecisions[1], 'plans.decision.not_passed'],
      [planDecisions[2], 'plans.decision.wrong_kind'],
      [committeeDecision[0], 'plans.decision.wrong_organ'],
    ] as const;
    for (const [councilDecisionId, code] of refusals) {
      expect(
        await problem(admin, 'POST', `/api/plans/plans/${plan.id}/approve`, { councilDecisionId }),
      ).toEqual({
        status: 400,
        code,
      });
    }
    expect(
      await problem(admin, 'POST', `/api/plans/plans/${plan.id}/approve`, {
        councilDecisionId: planDecisions[0],
        date: '2026-11-01',
      }),
    ).toEqual({ status: 400, code: 'plans.decision.after_approval' });
    const approved = await call<{ status: string; councilDecisionId: number; approvedOn: string }>(
      admin,
      'POST',
      `/api/plans/plans/${plan.id}/approve`,
      { councilDecisionId: planDecisions[0], date: '2026-11-20' },
    );
    expect(approved).toMatchObject({
      status: 'approved',
      councilDecisionId: planDecisions[0],
      approvedOn: '2026-11-20',
    });
    const audit = await sql<{ action: string }>`select action from audit_record
      where entity_type = 'plans.plan' and entity_id = ${String(plan.id)}`.execute(t.db.kysely);
    expect(audit.rows.map((row) => row.action).sort()).toEqual([
      'plans.plan.approve',
      'plans.plan.create',
      'plans.plan.status',
    ]);
  });

  it('refuses a decision of another unit’s council, and a plan at a village', async () => {
    const other = await call<{ id: number }>(
      clerk,
      'POST',
      '/api/plans/units/230201/plans',
      { ...planBody, firstYear: 2029, lastYear: 2033, indicators: [] },
      201,
    );
    await call(clerk, 'POST', `/api/plans/plans/${other.id}/status`, { status: 'reviewed' });
    expect(
      await problem(clerk, 'POST', `/api/plans/plans/${other.id}/approve`, {
        councilDecisionId: planDecisions[0],
      }),
    ).toEqual({ status: 400, code: 'plans.decision.wrong_unit' });
    expect(await problem(admin, 'POST', '/api/plans/units/23020101/plans', planBody)).toEqual({
      status: 400,
      code: 'plans.unit.not_sna',
    });
  });
});

describe('from a village need to a committed project', () => {
  it('records a need, merges it into a priority, and carries it into a project', async () => {
    const need = await call<{ id: number; villageNameLatin: string }>(
      clerk,
      'POST',
      '/api/plans/units/230201/needs',
      {
        villageCode: '23020102',
        meetingDate: '2026-09-01',
        needText: 'ស្ពានថ្មី',
        sectorCode: 'economic',
        attendeesFemale: 20,
        attendeesMale: 15,
        vulnerableGroups: ['women', 'disabled'],
      },
      201,
    );
    expect(need.villageNameLatin).toBe('Kaev Krasang');
    const priority = await call<{ id: number; needs: { villageCode: string }[] }>(
      clerk,
      'POST',
      '/api/plans/units/230201/priorities',
      { year: 2027, rank: 5, titleKm: 'ស្ពាន', sectorCode: 'economic', reason: 'ផ្លូវកាត់', needIds: [need.id] },
      201,
    );
    expect(priority.needs.map((item) => item.villageCode)).toEqual(['23020102']);
    const publicView = await call<{ items: { id: number; needs: unknown[] }[] }>(
      anon,
      'GET',
      '/api/plans/units/230201/priorities?year=2027',
    );
    expect(publicView.items.find((item) => item.id === priority.id)?.needs).toHaveLength(1);
    const created = await call<{ id: number; status: string; total: number; costs: unknown[] }>(
      clerk,
      'POST',
      '/api/plans/units/230201/projects',
      project({ priorityId: priority.id, locations: ['23020102'] }),
      201,
    );
    expect(created).toMatchObject({ status: 'proposal', total: 1500 });
    expect(created.costs).toHaveLength(3);
    const committed = await call<{ status: string }>(
      clerk,
      'POST',
      `/api/plans/projects/${created.id}/status`,
      {
        status: 'committed',
      },
    );
    expect(committed.status).toBe('committed');
    const listed = await call<{ items: { id: number }[] }>(
      anon,
      'GET',
      '/api/plans/projects?unit=2302&status=committed&year=2028',
    );
    expect(listed.items.map((item) => item.id)).toContain(created.id);
    const notThatYear = await call<{ items: { id: number }[] }>(
      anon,
      'GET',
      '/api/plans/projects?unit=2302&year=2029',
    );
    expect(notThatYear.items.map((item) => item.id)).not.toContain(created.id);
    const elsewhere = await call<{ total: number }>(anon, 'GET', '/api/plans/projects?unit=2301');
    expect(elsewhere.total).toBe(0);
  });

  it('refuses bad input with stable codes and writes nothing', async () => {
    const before = await Promise.all(['plans_project', 'plans_project_cost', 'plans_need'].map(count));
    const cases: [Client, string, string, unknown, number, string][] = [
      [clerk, 'POST', '/api/plans/units/230202/projects', project(), 403, 'auth.forbidden'],
      [
        clerk,
        'POST',
        '/api/plans/units/230201/projects',
        project({ locations: ['23020201'] }),
        403,
        'plans.project.location_outside',
      ],
      [
        clerk,
        'POST',
        '/api/plans/units/230201/projects',
        project({
          costs: [{ year: 2027, total: 1000, sources: [{ fundSource: 'commune_fund', amount: 900 }] }],
        }),
        400,
        'plans.project.split_mismatch',
      ],
      [
        clerk,
        'POST',
        '/api/plans/units/230201/projects',
        project({
          costs: [{ year: 2027, total: -5, sources: [{ fundSource: 'commune_fund', amount: -5 }] }],
        }),
        400,
        'plans.project.negative_amount',
      ],
      [
        clerk,
        'POST',
        '/api/plans/units/230201/projects',
        project({ costs: [{ year: 2031, total: 5, sources: [{ fundSource: 'commune_fund', amount: 5 }] }] }),
        400,
        'plans.project.year_outside',
      ],
      [
        clerk,
        'POST',
        '/api/plans/units/230201/projects',
        project({ sectorCode: 'space' }),
        400,
        'plans.sector.unknown',
      ],
      [
        clerk,
        'POST',
        '/api/plans/units/230201/projects',
        project({ genderMarker: true }),
        400,
        'plans.project.marker_reason',
      ],
      [
        clerk,
        'POST',
        '/api/plans/units/230201/needs',
        {
          villageCode: '23020201',
          meetingDate: '2026-09-01',
          needText: 'x',
          sectorCode: 'social',
          attendeesFemale: 1,
          attendeesMale: 1,
          vulnerableGroups: [],
        },
        400,
        'plans.need.village_outside',
      ],
    ];
    for (const [client, method, url, body, status, code] of cases) {
      const answer = await problem(client, method, url, body);
      expect(answer, `${url} ${code}`).toEqual({ status, code });
    }
    expect(await Promise.all(['plans_project', 'plans_project_cost', 'plans_need'].map(count))).toEqual(
      before,
    );
  });

  it('never moves a completed project back', async () => {
    const created = await call<{ id: number }>(
      clerk,
      'POST',
      '/api/plans/units/230201/projects',
      project(),
      201,
    );
    for (const status of ['committed', 'ongoing', 'completed']) {
      await call(clerk, 'POST', `/api/plans/projects/${created.id}/status`, { status });
    }
    for (const status of ['ongoing', 'proposal', 'dropped']) {
      expect(await problem(clerk, 'POST', `/api/plans/projects/${created.id}/status`, { status })).toEqual({
        status: 409,
        code: 'plans.project.completed',
      });
    }
    const fresh = await call<{ id: number }>(
      clerk,
      'POST',
      '/api/plans/units/230201/projects',
      project(),
      201,
    );
    expect(
      await problem(clerk, 'POST', `/api/plans/projects/${fresh.id}/status`, { status: 'completed' }),
    ).toEqual({
      status: 409,
      code: 'plans.project.bad_transition',
    });
  });
});

const audited = async (action: string, entityId: number) =>
  Number(
    (
      await sql<{ n: number }>`select count(*)::int as n from audit_record
        where action = ${action} and entity_id = ${String(entityId)}`.execute(t.db.kysely)
    ).rows[0]!.n,
  );

describe('changing and deleting needs, priorities and projects', () => {
  const need = (villageCode: string, needText: string) => ({
    villageCode,
    meetingDate: '2026-09-02',
    needText,
    sectorCode: 'social',
    attendeesFemale: 5,
    attendeesMale: 4,
    vulnerableGroups: ['women'],
  });

  it('changes and deletes each where its status allows, audited, ids stable', async () => {
    const first = await call<{ id: number }>(
      clerk,
      'POST',
      '/api/plans/units/230201/needs',
      need('23020102', 'អណ្តូង'),
      201,
    );
    const second = await call<{ id: number }>(
      clerk,
      'POST',
      '/api/plans/units/230201/needs',
      need('23020101', 'សាលា'),
      201,
    );
    const changed = await call<{ id: number; needText: string; villageCode: string }>(
      clerk,
      'PUT',
      `/api/plans/needs/${first.id}`,
      { ...need('23020101', 'អណ្តូងទឹកស្អាត'), attendeesMale: 9 },
    );
    expect(changed).toMatchObject({ id: first.id, needText: 'អណ្តូងទឹកស្អាត', villageCode: '23020101' });
    expect(await audited('plans.need.update', first.id)).toBe(1);
    const priority = await call<{ id: number }>(
      clerk,
      'POST',
      '/api/plans/units/230201/priorities',
      { year: 2028, rank: 7, titleKm: 'ទឹក', sectorCode: 'social', reason: 'ទឹកស្អាត', needIds: [first.id] },
      201,
    );
    await call(
      clerk,
      'POST',
      '/api/plans/units/230201/priorities',
      {
        year: 2028,
        rank: 8,
        titleKm: 'សាលា',
        sectorCode: 'social',
        reason: 'សិស្ស',
        needIds: [second.id],
      },
      201,
    );
    expect(await problem(clerk, 'DELETE', `/api/plans/needs/${first.id}`)).toEqual({
      status: 409,
      code: 'plans.need.in_priority',
    });
    expect(
      await problem(clerk, 'PUT', `/api/plans/priorities/${priority.id}`, {
        year: 2028,
        rank: 8,
        titleKm: 'ទឹក',
        sectorCode: 'social',
        reason: 'ទឹកស្អាត',
        needIds: [first.id],
      }),
    ).toEqual({ status: 409, code: 'plans.priority.rank_taken' });
    const moved = await call<{ id: number; rank: number; needs: { id: number }[] }>(
      clerk,
      'PUT',
      `/api/plans/priorities/${priority.id}`,
      { year: 2028, rank: 9, titleKm: 'ទឹកស្អាត', sectorCode: 'social', reason: 'ទឹក', needIds: [second.id] },
    );
    expect(moved).toMatchObject({ id: priority.id, rank: 9 });
    expect(moved.needs.map((item) => item.id)).toEqual([second.id]);
    // No longer merged: the first need goes.
    const gone = await clerk.request('DELETE', `/api/plans/needs/${first.id}`);
    expect(gone.statusCode).toBe(204);
    expect(await audited('plans.need.delete', first.id)).toBe(1);
    expect(await problem(clerk, 'PUT', `/api/plans/needs/${first.id}`, need('23020101', 'x'))).toEqual({
      status: 404,
      code: 'plans.need.not_found',
    });

    const created = await call<{ id: number }>(
      clerk,
      'POST',
      '/api/plans/units/230201/projects',
      project({ priorityId: priority.id }),
      201,
    );
    expect(await problem(clerk, 'DELETE', `/api/plans/priorities/${priority.id}`)).toEqual({
      status: 409,
      code: 'plans.priority.in_use',
    });
    const costsBefore = await count('plans_project_cost');
    expect(
      await problem(
        clerk,
        'PUT',
        `/api/plans/projects/${created.id}`,
        project({
          costs: [{ year: 2027, total: 900, sources: [{ fundSource: 'commune_fund', amount: 800 }] }],
        }),
      ),
    ).toEqual({ status: 400, code: 'plans.project.split_mismatch' });
    expect(
      await problem(clerk, 'PUT', `/api/plans/projects/${created.id}`, project({ locations: ['23020201'] })),
    ).toEqual({ status: 403, code: 'plans.project.location_outside' });
    expect(await count('plans_project_cost')).toBe(costsBefore);
    const edited = await call<{
      id: number;
      titleEn: string;
      total: number;
      costs: unknown[];
      locations: { code: string }[];
    }>(
      clerk,
      'PUT',
      `/api/plans/projects/${created.id}`,
      project({
        titleEn: 'Clean water',
        locations: ['23020101', '23020102'],
        costs: [{ year: 2029, total: 2000, sources: [{ fundSource: 'commune_fund', amount: 2000 }] }],
        priorityId: priority.id,
      }),
    );
    expect(edited).toMatchObject({ id: created.id, titleEn: 'Clean water', total: 2000 });
    expect(edited.costs).toEqual([{ year: 2029, fundSource: 'commune_fund', amount: 2000 }]);
    expect(edited.locations.map((place) => place.code)).toEqual(['23020101', '23020102']);
    expect(await count('plans_project_cost')).toBe(costsBefore - 3 + 1);
    expect(await audited('plans.project.update', created.id)).toBe(1);

    for (const status of ['committed', 'ongoing']) {
      await call(clerk, 'POST', `/api/plans/projects/${created.id}/status`, { status });
    }
    expect(await problem(clerk, 'PUT', `/api/plans/projects/${created.id}`, project())).toEqual({
      status: 409,
      code: 'plans.project.locked',
    });
    expect(await problem(clerk, 'DELETE', `/api/plans/projects/${created.id}`)).toEqual({
      status: 409,
      code: 'plans.project.not_deletable',
    });

    const proposal = await call<{ id: number }>(
      clerk,
      'POST',
      '/api/plans/units/230201/projects',
      project(),
      201,
    );
    const deleted = await clerk.request('DELETE', `/api/plans/projects/${proposal.id}`);
    expect(deleted.statusCode).toBe(204);
    expect(await problem(anon, 'GET', `/api/plans/projects/${proposal.id}`)).toEqual({
      status: 404,
      code: 'plans.project.not_found',
    });
    expect(await audited('plans.project.delete', proposal.id)).toBe(1);
    const left = await sql<{ n: number }>`select count(*)::int as n from plans_project_cost
      where project_id = ${proposal.id}`.execute(t.db.kysely);
    expect(left.rows[0]!.n).toBe(0);
  });

  it('lets only the unit’s officers change or delete', async () => {
    const elsewhere = await call<{ id: number }>(
      admin,
      'POST',
      '/api/plans/units/230202/projects',
      project({ locations: ['230202'] }),
      201,
    );
    expect(
      (await clerk.request('PUT', `/api/plans/projects/${elsewhere.id}`, project({ locations: ['230202'] })))
        .statusCode,
    ).toBe(403);
    expect((await clerk.request('DELETE', `/api/plans/projects/${elsewhere.id}`)).statusCode).toBe(403);
    expect((await anon.request('DELETE', `/api/plans/projects/${elsewhere.id}`)).statusCode).toBe(401);
    expect(await problem(admin, 'DELETE', '/api/plans/priorities/999999')).toEqual({
      status: 404,
      code: 'plans.priority.not_found',
    });
    const still = await call<{ id: number }>(anon, 'GET', `/api/plans/projects/${elsewhere.id}`);
    expect(still.id).toBe(elsewhere.id);
  });
});

describe('exports of the program', () => {
  it('answers the projects of the filters as CSV and XLSX, one row per project, year and source', async () => {
    const made = await call<{ id: number }>(
      admin,
      'POST',
      '/api/plans/units/230202/projects',
      project({ titleEn: 'Export, "quoted" bridge', locations: ['230202'] }),
      201,
    );
    const csv = await anon.request('GET', '/api/plans/projects.csv?unit=230202&year=2027');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toContain('Title (English)');
    const mine = lines.filter((line) => line.startsWith(`${made.id},`));
    // 2027: Commune/Sangkat Fund and citizens; 2028: NGO.
    expect(mine).toHaveLength(3);
    expect(mine[0]).toContain('"Export, ""quoted"" bridge"');
    expect(mine.map((line) => line.split(',').slice(-3).join(','))).toContain('2027,commune_fund,700');
    const xlsx = await anon.request('GET', '/api/plans/projects.xlsx?unit=230202');
    expect(xlsx.statusCode).toBe(200);
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ids: unknown[] = [];
    workbook.getWorksheet('Program')!.eachRow((row) => ids.push(row.getCell(1).value));
    expect(ids.filter((id) => id === made.id)).toHaveLength(3);
    expect((await anon.request('GET', '/api/plans/projects.csv?unit=99')).statusCode).toBe(404);
  });
});

describe('the rolling program', () => {
  it('rolls once: unfinished projects carry their first-year cost, finished ones keep theirs', async () => {
    const unit = '230203';
    const open = await call<{ id: number }>(
      admin,
      'POST',
      `/api/plans/units/${unit}/projects`,
      project({ locations: [unit] }),
      201,
    );
    const done = await call<{ id: number }>(
      admin,
      'POST',
      `/api/plans/units/${unit}/projects`,
      project({ locations: [unit] }),
      201,
    );
    for (const status of ['committed', 'ongoing', 'completed']) {
      await call(admin, 'POST', `/api/plans/projects/${done.id}/status`, { status });
    }
    const program = await call<{ firstYear: number; years: number[] }>(
      anon,
      'GET',
      `/api/plans/units/${unit}/program`,
    );
    expect(program).toMatchObject({ firstYear: 2027, years: [2027, 2028, 2029] });
    const rolled = await call<{ toYear: number; carried: number }>(
      admin,
      'POST',
      `/api/plans/units/${unit}/program/roll`,
      { fromYear: 2027 },
    );
    expect(rolled).toMatchObject({ toYear: 2028, carried: 1 });
    expect(await problem(admin, 'POST', `/api/plans/units/${unit}/program/roll`, { fromYear: 2027 })).toEqual(
      {
        status: 409,
        code: 'plans.program.stale_roll',
      },
    );
    const carried = await call<{
      costs: { year: number; fundSource: string; amount: number }[];
      total: number;
    }>(anon, 'GET', `/api/plans/projects/${open.id}`);
    expect(carried.total).toBe(1500);
    expect(carried.costs).toEqual([
      { year: 2028, fundSource: 'commune_fund', amount: 700 },
      { year: 2028, fundSource: 'ngo', amount: 500 },
      { year: 2028, fundSource: 'citizens', amount: 300 },
    ]);
    const kept = await call<{ costs: { year: number }[] }>(anon, 'GET', `/api/plans/projects/${done.id}`);
    expect(kept.costs.filter((cost) => cost.year === 2027)).toHaveLength(2);
    const after = await call<{ years: number[]; totals: { year: number; amount: number }[] }>(
      anon,
      'GET',
      `/api/plans/units/${unit}/program`,
    );
    expect(after.years).toEqual([2028, 2029, 2030]);
    expect(
      after.totals.filter((total) => total.year === 2028).reduce((sum, total) => sum + total.amount, 0),
    ).toBe(2000);
  });
});
