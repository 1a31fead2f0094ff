/**
 * The access matrix, generated from the routes themselves: every route that checks a
 * permission is tried by every built-in role placed at a real unit, against real records at
 * units inside and outside that role's scope (its own unit, a sibling commune, another
 * district, another province, national). A request is expected to pass exactly when the
 * role holds the permission and the record's unit lies in the role's subtree; everything
 * else must be refused with 401 or 403. A new route without a case here fails the test.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { openTestApp, type TestApp } from '../../test-support/test-app.ts';
import { anonymous, signedIn, type Client } from '../../test-support/http.ts';
import { DEMO_PASSWORD } from './demo-seed.ts';
import { BUILT_IN_FORMULA_FILE } from '../transfers/index.ts';
import { readFileSync } from 'node:fs';
import { JobSender, jobsSchemaOf } from '../../platform/jobs/job-queue.ts';

/** The units records are placed at (Kep province's demo subtree, another province, national). */
const TARGET_UNITS: (string | null)[] = ['230201', '230202', '230101', '2302', '2301', '23', '01', null];

/** Each built-in role at the place it typically sits; the auditor also at a district. */
const ACTORS: { role: string; unit: string | null }[] = [
  { role: 'national_admin', unit: null },
  { role: 'national_officer', unit: null },
  { role: 'auditor', unit: null },
  { role: 'citizen', unit: null },
  { role: 'provincial_officer', unit: '23' },
  { role: 'district_officer', unit: '2302' },
  { role: 'auditor', unit: '2302' },
  { role: 'commune_clerk', unit: '230201' },
  { role: 'council_member', unit: '230201' },
];

/** The oracle, independent of the closure table: NCDD codes start with their parent's code. */
const within = (unit: string | null, scope: string | null) =>
  scope === null || (unit !== null && unit.startsWith(scope));

interface Cell {
  request: { method: InjectOptions['method']; url: string; body?: unknown; headers?: Record<string, string> };
  /** The unit the route touches, for the oracle. */
  unit: string | null;
  cleanup?: () => Promise<void>;
}

/** Lists check their permission without a unit and filter by scope: tested below. */
const LIST_ROUTES = [
  'GET /api/access/users',
  'GET /api/services/applications',
  'GET /api/services/complaints',
  'GET /api/services/outbox',
  // Each value's unit is checked against the caller's scope by the service (403
  // results.value.outside_scope, tested in results.routes.test.ts).
  'POST /api/results/data-values',
  // Approval steps: the service checks the unit against the caller's area and the level above
  // (results.value.outside_scope, results.approval.not_above; tested in results.routes.test.ts).
  'POST /api/results/approvals/submit',
  'POST /api/results/approvals/decide',
  // A DHIS2 data value set: each value's unit checked against the caller's area by the service.
  'POST /api/results/data-value-sets',
];

/**
 * Routes that declare their permission at a unit but have no matrix case yet: the hr module
 * landed with its own scope tests (hr.routes.test.ts: another unit's officer is refused,
 * hr.person.outside_scope, hr.move.outside_scope). Their matrix cases are owed (#18); the list
 * keeps them visible rather than letting the coverage check go quiet.
 */
const NOT_YET_IN_MATRIX = [
  'GET /api/hr/persons/:id',
  'GET /api/hr/positions/:id',
  'GET /api/hr/units/:code/establishment',
  'GET /api/hr/units/:code/persons',
  'GET /api/hr/units/:code/positions',
  'PATCH /api/hr/positions/:id',
  'POST /api/hr/assignments/:id/end',
  'POST /api/hr/employments/:id/end',
  'POST /api/hr/persons/:id/employments',
  'POST /api/hr/persons/:id/move',
  'POST /api/hr/persons/:id/personal-details',
  'POST /api/hr/positions/:id/assignments',
  'POST /api/hr/units/:code/persons',
  'POST /api/hr/units/:code/positions',
  'PUT /api/hr/establishment/:unitType/:year',
  'PUT /api/hr/leadership-targets/:year',
];

let t: TestApp;
let admin: Client;
const targetUser = new Map<string | null, number>();
const rolePermissions = new Map<string, Set<string>>();
let created = 0;

async function adminCall(method: InjectOptions['method'], url: string, body?: unknown) {
  const response = await admin.request(method, url, body);
  if (response.statusCode >= 300)
    throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json<{
    id: number;
    assignments?: { id: number; roleCode: string; unitCode: string | null }[];
  }>();
}

async function makeUser(unit: string | null, label: string): Promise<number> {
  created += 1;
  const user = await adminCall('POST', '/api/access/users', {
    email: `${label}.${created}@matrix.example`,
    displayName: `Matrix ${label}`,
    homeUnitCode: unit,
    password: 'matrix-password-2026',
  });
  // These accounts are used at once; the first-password change is tested elsewhere.
  await t.db.kysely
    .updateTable('access_user')
    .set({ must_change_password: false })
    .where('id', '=', user.id)
    .execute();
  return user.id;
}

/** A new account holding one role at one unit, signed in through the API. */
async function signedInAs(actor: { role: string; unit: string | null }, label: string): Promise<Client> {
  const id = await makeUser(actor.unit, `${label}-${actor.role}`);
  await adminCall('POST', `/api/access/users/${id}/assignments`, {
    roleCode: actor.role,
    unitCode: actor.unit,
  });
  const { email } = await t.db.kysely
    .selectFrom('access_user')
    .select('email')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return signedIn(t.app, email!, 'matrix-password-2026');
}

// Councils: organs sit at units of levels 1-3, never nationally, so the national target is
// aimed at another province (01).
const organAt = new Map<string | null, number>();
const memberAt = new Map<string | null, number>();
let functionId = 0;
const organUnit = (unit: string | null) => unit ?? '01';
const matrixMember = {
  nameKm: 'ឧទាហរណ៍',
  nameLatin: 'Matrix member',
  role: 'member',
  sex: 'female',
  startDate: '2026-01-01',
};
const matrixCommittee = { kind: 'committee', nameKm: 'គណៈកម្មការ', nameEn: 'Matrix committee' };
const matrixMeeting = {
  kind: 'ordinary',
  date: '2026-11-20',
  isOnline: true,
  agenda: [{ titleKm: 'របៀបវារៈ', titleEn: 'Matrix item' }],
};
const plannedMeetingAt = new Map<string | null, number>();
const heldMeetingAt = new Map<string | null, number>();
const decisionAt = new Map<string | null, number>();
const matrixFunction = (code: string) => ({
  code,
  nameKm: 'មុខងារ',
  nameEn: 'Matrix function',
  sector: 'administration',
  holder: 'commune',
  legalInstrument: 'Matrix instrument',
  dateAssigned: '2026-01-01',
  source: 'test',
});

/** Village codes under 230201 that no unit has (10-89: the import case uses 99). */
async function unusedVillageCodes(count: number): Promise<string[]> {
  const rows = await t.db.kysely
    .selectFrom('gazetteer_unit')
    .select('code')
    .where('parent_code', '=', '230201')
    .execute();
  const taken = new Set(rows.map((row) => row.code));
  const codes: string[] = [];
  for (let n = 10; n < 90 && codes.length < count; n += 1) {
    const code = `230201${n}`;
    if (!taken.has(code)) codes.push(code);
  }
  if (codes.length < count) throw new Error('no village codes left under 230201');
  return codes;
}

/**
 * Two live villages to merge. A pair is made afresh only once the last one was merged (a
 * refused request leaves it as it was), so that the codes under 230201 last the whole matrix.
 */
let mergePair: [string, string] | undefined;
async function villagesToMerge(): Promise<[string, string]> {
  if (mergePair) {
    const absorbed = await t.db.kysely
      .selectFrom('gazetteer_unit')
      .select('valid_to')
      .where('code', '=', mergePair[0])
      .executeTakeFirstOrThrow();
    if (absorbed.valid_to === null) return mergePair;
  }
  const [absorbed, into] = (await unusedVillageCodes(2)) as [string, string];
  await t.db.kysely
    .insertInto('gazetteer_unit')
    .values(
      [absorbed, into].map((code) => ({
        code,
        level: 4,
        parent_code: '230201',
        type_code: 'village',
        name_km: 'ភូមិសាកល្បង',
        name_latin: `Matrix ${code}`,
        is_urban: true,
        source: 'test',
      })),
    )
    .execute();
  mergePair = [absorbed, into];
  return mergePair;
}

// Budgets sit at administrations, never nationally: the national target is another province
// (01). At each unit: a proposed budget with a line (line changes, council decision), one with a
// line and a council decision to approve, and an approved one (adjustments, actuals).
const budgetUnit = (unit: string | null) => unit ?? '01';
const proposedBudgetAt = new Map<string | null, number>();
const approvableBudgetAt = new Map<string | null, number>();
const approvedBudgetAt = new Map<string | null, number>();
const budgetLineAt = new Map<string | null, number>();
const approvedLineAt = new Map<string | null, number>();
const matrixBudgetLine = {
  economicCode: '60',
  functionalCode: '01',
  fundSourceCode: 'own_source',
  amount: 1000,
};

async function matrixBudget(unit: string | null, year: number, stage: 'proposed' | 'decided' | 'approved') {
  const budget = await adminCall('POST', `/api/budgets/units/${budgetUnit(unit)}/years/${year}`);
  const line = await adminCall('POST', `/api/budgets/${budget.id}/lines`, matrixBudgetLine);
  if (stage !== 'proposed')
    await adminCall('PUT', `/api/budgets/${budget.id}/council-decision`, {
      number: 'M-1',
      date: '2026-01-05',
    });
  if (stage === 'approved') await adminCall('POST', `/api/budgets/${budget.id}/approve`, {});
  return { budgetId: budget.id, lineId: line.id };
}

// Services: records sit at units offering a service of their tier; the national target is aimed
// at another province (01). Per tier: a standard offered at the target units (filing,
// applications, offerings to change) and one offered nowhere (new offerings: 201, then 409).
const serviceUnit = (unit: string | null) => unit ?? '01';
const serviceTier = (unit: string) =>
  unit.length === 2 ? 'province' : unit.length === 4 ? 'district' : 'commune';
const ownedStandardAt = new Map<string | null, string>();
const offeringAt = new Map<string | null, number>();
const applicationAt = new Map<string | null, string>();
const complaintAt = new Map<string | null, { number: string; handlingUnit: string }>();
const matrixStandard = (code: string, providerTier: string, ownerUnitCode: string | null = null) => ({
  code,
  ownerUnitCode,
  sector: 'administration',
  nameKm: 'សេវាសាកល្បង',
  nameEn: 'Matrix service',
  legalBasis: 'Matrix prakas',
  providerTier,
  timeLimitDays: 5,
  feeTiers: [{ code: 'standard', labelKm: 'ធម្មតា', labelEn: 'Standard', amountRiel: 1000 }],
  requiredDocuments: [],
  formFields: [],
});
const { code: _code, ownerUnitCode: _owner, ...matrixRevision } = matrixStandard('x', 'commune');
const matrixApplicant = { name: 'Matrix applicant', sex: 'female', ageGroup: '35-49' };

/** For every route that checks a permission: how to aim it at a record placed at `unit`. */
/** The demo's published transfer allocation and its formula. */
async function demoAllocation(): Promise<{ id: number; formulaId: number }> {
  const row = await t.db.kysely
    .selectFrom('transfers_allocation' as never)
    .select(['id' as never, 'formula_id' as never])
    .where('status' as never, '=', 'published' as never)
    .orderBy('id' as never)
    .executeTakeFirstOrThrow();
  const { id, formula_id } = row as { id: number; formula_id: number };
  return { id: Number(id), formulaId: Number(formula_id) };
}
const builtInFormula = () => JSON.parse(readFileSync(BUILT_IN_FORMULA_FILE, 'utf8')) as unknown;

const CASES: Record<string, (unit: string | null) => Promise<Cell>> = {
  // results: a form's values at the unit (national: province 01), an indicator rolled up at the unit (national: the country).
  'GET /api/results/form-values': async (unit) => ({
    request: {
      method: 'GET',
      url: `/api/results/form-values?dataSet=EX.COMMUNE_MONTHLY&unit=${unit ?? '01'}&period=202601`,
    },
    unit: unit ?? '01',
  }),
  'GET /api/results/data-value-sets': async (unit) => ({
    request: {
      method: 'GET',
      url: `/api/results/data-value-sets?dataSet=EX.COMMUNE_MONTHLY&unit=${unit ?? '01'}&period=202601`,
    },
    unit: unit ?? '01',
  }),
  'GET /api/results/approvals': async (unit) => ({
    request: {
      method: 'GET',
      url: `/api/results/approvals?dataSet=EX.COMMUNE_MONTHLY&unit=${unit ?? '01'}&period=202601`,
    },
    unit: unit ?? '01',
  }),
  'GET /api/results/analytics': async (unit) => ({
    request: {
      method: 'GET',
      url: `/api/results/analytics?indicator=EX.IND.SERVED&period=2026${unit === null ? '' : `&unit=${unit}`}`,
    },
    unit,
  }),
  'GET /api/access/users/:id': async (unit) => ({
    request: { method: 'GET', url: `/api/access/users/${targetUser.get(unit)}` },
    unit,
  }),
  'PATCH /api/access/users/:id': async (unit) => ({
    request: {
      method: 'PATCH',
      url: `/api/access/users/${targetUser.get(unit)}`,
      body: { displayName: 'Matrix renamed' },
    },
    unit,
  }),
  'POST /api/access/users/:id/password-reset': async (unit) => ({
    request: {
      method: 'POST',
      url: `/api/access/users/${targetUser.get(unit)}/password-reset`,
      body: { newPassword: 'matrix-reset-2026' },
    },
    unit,
  }),
  'POST /api/access/users/:id/assignments': async (unit) => {
    const id = targetUser.get(unit)!;
    return {
      request: {
        method: 'POST',
        url: `/api/access/users/${id}/assignments`,
        body: { roleCode: 'council_member', unitCode: unit },
      },
      unit,
      cleanup: async () => {
        await t.db.kysely
          .updateTable('access_assignment')
          .set({ revoked_at: sql`now()` })
          .where('user_id', '=', id)
          .where('role_code', '=', 'council_member')
          .where('revoked_at', 'is', null)
          .execute();
      },
    };
  },
  'DELETE /api/access/assignments/:id': async (unit) => {
    const user = await adminCall('POST', `/api/access/users/${targetUser.get(unit)}/assignments`, {
      roleCode: 'auditor',
      unitCode: unit,
    });
    const assignment = user.assignments!.find(
      (item) => item.roleCode === 'auditor' && item.unitCode === unit,
    )!;
    return {
      request: { method: 'DELETE', url: `/api/access/assignments/${assignment.id}` },
      unit,
      cleanup: async () => {
        await t.db.kysely
          .updateTable('access_assignment')
          .set({ revoked_at: sql`now()` })
          .where('id', '=', assignment.id)
          .where('revoked_at', 'is', null)
          .execute();
      },
    };
  },
  'POST /api/access/users': async (unit) => {
    created += 1;
    return {
      request: {
        method: 'POST',
        url: '/api/access/users',
        body: {
          email: `new.${created}@matrix.example`,
          displayName: 'Matrix new',
          homeUnitCode: unit,
          password: 'matrix-password-2026',
        },
      },
      unit,
    };
  },
  'GET /api/audit/history/:entityType/:entityId': async (unit) => ({
    request: { method: 'GET', url: `/api/audit/history/access.user/${targetUser.get(unit)}` },
    unit,
  }),
  'POST /api/councils/units/:code/organs': async (unit) => ({
    request: { method: 'POST', url: `/api/councils/units/${organUnit(unit)}/organs`, body: matrixCommittee },
    unit: organUnit(unit),
  }),
  'PATCH /api/councils/organs/:id': async (unit) => ({
    request: {
      method: 'PATCH',
      url: `/api/councils/organs/${organAt.get(unit)}`,
      body: { nameEn: 'Matrix renamed' },
    },
    unit: organUnit(unit),
  }),
  'POST /api/councils/organs/:id/members': async (unit) => ({
    request: { method: 'POST', url: `/api/councils/organs/${organAt.get(unit)}/members`, body: matrixMember },
    unit: organUnit(unit),
  }),
  'PATCH /api/councils/members/:id': async (unit) => ({
    request: {
      method: 'PATCH',
      url: `/api/councils/members/${memberAt.get(unit)}`,
      body: { nameLatin: 'Matrix renamed' },
    },
    unit: organUnit(unit),
  }),
  // Meetings of the organ at the unit: a planned one changes, a held one records its attendance
  // (409 once a decision was taken with it) and takes decisions, whose titles change.
  'POST /api/councils/organs/:id/meetings': async (unit) => ({
    request: {
      method: 'POST',
      url: `/api/councils/organs/${organAt.get(unit)}/meetings`,
      body: matrixMeeting,
    },
    unit: organUnit(unit),
  }),
  'PATCH /api/councils/meetings/:id': async (unit) => ({
    request: {
      method: 'PATCH',
      url: `/api/councils/meetings/${plannedMeetingAt.get(unit)}`,
      body: { place: 'Matrix hall' },
    },
    unit: organUnit(unit),
  }),
  'PUT /api/councils/meetings/:id/attendance': async (unit) => ({
    request: {
      method: 'PUT',
      url: `/api/councils/meetings/${heldMeetingAt.get(unit)}/attendance`,
      body: { attendance: [{ memberId: memberAt.get(unit), status: 'present' }] },
    },
    unit: organUnit(unit),
  }),
  'POST /api/councils/meetings/:id/decisions': async (unit) => ({
    request: {
      method: 'POST',
      url: `/api/councils/meetings/${heldMeetingAt.get(unit)}/decisions`,
      body: {
        kind: 'other',
        titleKm: 'សេចក្ដីសម្រេច',
        titleEn: 'Matrix decision',
        tally: { for: 1, against: 0, abstain: 0 },
      },
    },
    unit: organUnit(unit),
  }),
  'PATCH /api/councils/decisions/:id': async (unit) => ({
    request: {
      method: 'PATCH',
      url: `/api/councils/decisions/${decisionAt.get(unit)}`,
      body: { titleEn: 'Matrix renamed' },
    },
    unit: organUnit(unit),
  }),
  // The register of functions is national, whatever unit one has in mind.
  'POST /api/councils/functions': async () => {
    created += 1;
    return {
      request: { method: 'POST', url: '/api/councils/functions', body: matrixFunction(`matrix_${created}`) },
      unit: null,
    };
  },
  'PATCH /api/councils/functions/:id': async () => ({
    request: {
      method: 'PATCH',
      url: `/api/councils/functions/${functionId}`,
      body: { nameEn: 'Matrix renamed' },
    },
    unit: null,
  }),
  // A unit is its own record. There is no national unit to rename: the national target is the
  // capital (12). A new name each time, so that an allowed request is a real change.
  'PATCH /api/gazetteer/units/:code': async (unit) => {
    created += 1;
    const code = unit ?? '12';
    return {
      request: {
        method: 'PATCH',
        url: `/api/gazetteer/units/${code}`,
        body: { nameLatin: `Matrix ${created}`, legalReference: 'Matrix act', effectiveDate: '2025-01-01' },
      },
      unit: code,
    };
  },
  // Importing the official gazetteer is national, whatever unit one has in mind. A dry run of a
  // one-village CSV is enough to reach the service.
  'POST /api/gazetteer/imports': async () => ({
    request: {
      method: 'POST',
      url: '/api/gazetteer/imports?dryRun=true',
      body: 'code_padded,parent_code_padded,level,unit_type,unit_km,name_km,name_latin,reference\n23020199,230201,village,village,ភូមិ,ភូមិសាកល្បង,Matrix Village,\n',
      headers: { 'content-type': 'text/csv', 'x-file-name': 'matrix.csv' },
    },
    unit: null,
  }),
  'GET /api/gazetteer/imports': async () => ({
    request: { method: 'GET', url: '/api/gazetteer/imports' },
    unit: null,
  }),
  // Merges and splits change the official tree: national, whatever unit one has in mind. Fresh
  // villages each time an allowed request used the last ones, so that it is a real change.
  'POST /api/gazetteer/units/:code/merge': async () => {
    const [absorbed, into] = await villagesToMerge();
    return {
      request: {
        method: 'POST',
        url: `/api/gazetteer/units/${absorbed}/merge`,
        body: { intoCode: into, effectiveDate: '2025-01-01', legalReference: 'Matrix act' },
      },
      unit: null,
    };
  },
  'POST /api/gazetteer/units/:code/split': async () => ({
    request: {
      method: 'POST',
      url: '/api/gazetteer/units/23020101/split',
      body: {
        effectiveDate: '2025-01-01',
        legalReference: 'Matrix act',
        keepOriginal: true,
        parts: (await unusedVillageCodes(2)).map((code) => ({
          code,
          nameKm: 'ភូមិសាកល្បង',
          nameLatin: `Matrix ${code}`,
        })),
      },
    },
    unit: null,
  }),
  // Transfers: everything but a unit's figures is national. The demo's published allocation
  // (and its formula) answer allowed requests with 2xx or 409 without changing what others see.
  'POST /api/transfers/programs': async () => {
    created += 1;
    return {
      request: {
        method: 'POST',
        url: '/api/transfers/programs',
        body: { code: `matrix-${created}`, nameKm: 'កម្មវិធីសាកល្បង', nameEn: 'Matrix program' },
      },
      unit: null,
    };
  },
  // Version 1 of the built-in formula again: 409, its year is published.
  'POST /api/transfers/formulas': async () => ({
    request: { method: 'POST', url: '/api/transfers/formulas', body: { formula: builtInFormula() } },
    unit: null,
  }),
  'PUT /api/transfers/units/:code/indicators': async (unit) => {
    const code = unit ?? '12';
    return {
      request: {
        method: 'PUT',
        url: `/api/transfers/units/${code}/indicators`,
        body: { fiscalYear: 2030, indicator: 'population', value: 100, source: 'matrix' },
      },
      unit: code,
    };
  },
  'POST /api/transfers/indicators/import': async () => ({
    request: {
      method: 'POST',
      url: '/api/transfers/indicators/import?fiscalYear=2030&source=matrix&codeColumn=code&map=population:pop&dryRun=true',
      body: 'code,pop\n230201,10\n',
      headers: { 'content-type': 'text/csv' },
    },
    unit: null,
  }),
  // A published year: 409.
  'POST /api/transfers/allocations': async () => ({
    request: {
      method: 'POST',
      url: '/api/transfers/allocations',
      body: { formulaId: (await demoAllocation()).formulaId },
    },
    unit: null,
  }),
  // Not a draft: 409.
  'POST /api/transfers/allocations/:id/approve': async () => ({
    request: { method: 'POST', url: `/api/transfers/allocations/${(await demoAllocation()).id}/approve` },
    unit: null,
  }),
  // Not approved: 409.
  'POST /api/transfers/allocations/:id/publish': async () => ({
    request: { method: 'POST', url: `/api/transfers/allocations/${(await demoAllocation()).id}/publish` },
    unit: null,
  }),
  // A new draft correction each time: 201, published figures untouched.
  'POST /api/transfers/allocations/:id/corrections': async () => ({
    request: {
      method: 'POST',
      url: `/api/transfers/allocations/${(await demoAllocation()).id}/corrections`,
      body: { reason: 'matrix' },
    },
    unit: null,
  }),
  'POST /api/transfers/scenarios': async () => ({
    request: {
      method: 'POST',
      url: '/api/transfers/scenarios',
      body: { baselineFormulaId: (await demoAllocation()).formulaId, scenario: builtInFormula() },
    },
    unit: null,
  }),
  'POST /api/services/standards': async (unit) => {
    created += 1;
    return {
      request: {
        method: 'POST',
        url: '/api/services/standards',
        body: matrixStandard(`matrix.new.${created}`, 'commune', unit),
      },
      unit,
    };
  },
  'PUT /api/services/standards/:code': async (unit) => ({
    request: {
      method: 'PUT',
      url: `/api/services/standards/${ownedStandardAt.get(unit)}`,
      body: matrixRevision,
    },
    unit,
  }),
  'POST /api/services/standards/:code/offerings': async (unit) => ({
    request: {
      method: 'POST',
      url: `/api/services/standards/matrix.offer.${serviceTier(serviceUnit(unit))}/offerings`,
      body: { unitCode: serviceUnit(unit), validFrom: '2026-01-01' },
    },
    unit: serviceUnit(unit),
  }),
  'PATCH /api/services/offerings/:id': async (unit) => ({
    request: {
      method: 'PATCH',
      url: `/api/services/offerings/${offeringAt.get(unit)}`,
      body: { validTo: '2099-12-31' },
    },
    unit: serviceUnit(unit),
  }),
  // The holiday calendar is national, whatever unit one has in mind.
  'PUT /api/services/calendar/:year': async () => ({
    request: { method: 'PUT', url: '/api/services/calendar/2099', body: { holidays: [], source: 'Matrix' } },
    unit: null,
  }),
  'POST /api/services/applications/counter': async (unit) => ({
    request: {
      method: 'POST',
      url: '/api/services/applications/counter',
      body: {
        serviceCode: `matrix.tier.${serviceTier(serviceUnit(unit))}`,
        unitCode: serviceUnit(unit),
        values: {},
        applicant: matrixApplicant,
      },
    },
    unit: serviceUnit(unit),
  }),
  // The first allowed request moves the application on; the next ones are out of order (409).
  'POST /api/services/applications/:number/transitions': async (unit) => ({
    request: {
      method: 'POST',
      url: `/api/services/applications/${applicationAt.get(unit)}/transitions`,
      body: { to: 'under_review' },
    },
    unit: serviceUnit(unit),
  }),
  // The first allowed request records the fee; the next ones find it paid (409).
  'POST /api/services/applications/:number/fee': async (unit) => {
    created += 1;
    return {
      request: {
        method: 'POST',
        url: `/api/services/applications/${applicationAt.get(unit)}/fee`,
        body: { tierCode: 'standard', amountRiel: 1000, receiptNumber: `M-${created}` },
      },
      unit: serviceUnit(unit),
    };
  },
  // Complaints are handled by the district above the office concerned (a province: itself).
  // The dashboard of a unit (its subtree); no unit: the whole country, national callers only.
  'GET /api/services/dashboard': async (unit) => ({
    request: { method: 'GET', url: `/api/services/dashboard${unit ? `?unit=${unit}` : ''}` },
    unit,
  }),
  'GET /api/services/dashboard.csv': async (unit) => ({
    request: { method: 'GET', url: `/api/services/dashboard.csv${unit ? `?unit=${unit}` : ''}` },
    unit,
  }),
  'GET /api/services/dashboard.xlsx': async (unit) => ({
    request: { method: 'GET', url: `/api/services/dashboard.xlsx${unit ? `?unit=${unit}` : ''}` },
    unit,
  }),
  'GET /api/services/complaints/:number': async (unit) => ({
    request: { method: 'GET', url: `/api/services/complaints/${complaintAt.get(unit)!.number}` },
    unit: complaintAt.get(unit)!.handlingUnit,
  }),
  'POST /api/services/complaints/:number/transitions': async (unit) => ({
    request: {
      method: 'POST',
      url: `/api/services/complaints/${complaintAt.get(unit)!.number}/transitions`,
      body: { to: 'under_investigation' },
    },
    unit: complaintAt.get(unit)!.handlingUnit,
  }),
  // Budgets: allowed requests may answer 409 once the first one changed the state (a budget that
  // exists, an approved budget approved again), which still tells allowed from refused.
  'POST /api/budgets/units/:code/years/:year': async (unit) => ({
    request: { method: 'POST', url: `/api/budgets/units/${budgetUnit(unit)}/years/2035` },
    unit: budgetUnit(unit),
  }),
  'POST /api/budgets/:id/lines': async (unit) => ({
    request: {
      method: 'POST',
      url: `/api/budgets/${proposedBudgetAt.get(unit)}/lines`,
      body: matrixBudgetLine,
    },
    unit: budgetUnit(unit),
  }),
  'PATCH /api/budgets/lines/:id': async (unit) => ({
    request: { method: 'PATCH', url: `/api/budgets/lines/${budgetLineAt.get(unit)}`, body: { amount: 2000 } },
    unit: budgetUnit(unit),
  }),
  'DELETE /api/budgets/lines/:id': async (unit) => {
    const line = await adminCall(
      'POST',
      `/api/budgets/${proposedBudgetAt.get(unit)}/lines`,
      matrixBudgetLine,
    );
    return { request: { method: 'DELETE', url: `/api/budgets/lines/${line.id}` }, unit: budgetUnit(unit) };
  },
  'PUT /api/budgets/:id/council-decision': async (unit) => ({
    request: {
      method: 'PUT',
      url: `/api/budgets/${proposedBudgetAt.get(unit)}/council-decision`,
      body: { number: 'M-2', date: '2026-01-06' },
    },
    unit: budgetUnit(unit),
  }),
  'POST /api/budgets/:id/approve': async (unit) => ({
    request: { method: 'POST', url: `/api/budgets/${approvableBudgetAt.get(unit)}/approve`, body: {} },
    unit: budgetUnit(unit),
  }),
  'POST /api/budgets/:id/adjustments': async (unit) => ({
    request: {
      method: 'POST',
      url: `/api/budgets/${approvedBudgetAt.get(unit)}/adjustments`,
      body: { reason: 'Matrix', lines: [matrixBudgetLine] },
    },
    unit: budgetUnit(unit),
  }),
  'PUT /api/budgets/lines/:id/actuals': async (unit) => ({
    request: {
      method: 'PUT',
      url: `/api/budgets/lines/${approvedLineAt.get(unit)}/actuals`,
      body: { q1: 500 },
    },
    unit: budgetUnit(unit),
  }),
  // Importing budget data sets is national, whatever unit one has in mind; a dry run is enough.
  'POST /api/budgets/imports': async () => ({
    request: {
      method: 'POST',
      url: '/api/budgets/imports?dryRun=true',
      body: 'year,admin_unit_code,econ_class,func_class,fund_source,approved,executed\n2036,230201,60,01,own_source,1000,\n',
      headers: { 'content-type': 'text/csv' },
    },
    unit: null,
  }),
  // Verifying the whole chain is a national act, whatever record one has in mind.
  'GET /api/audit/verify': async () => ({ request: { method: 'GET', url: '/api/audit/verify' }, unit: null }),
  'GET /api/audit/verify/last': async () => ({
    request: { method: 'GET', url: '/api/audit/verify/last' },
    unit: null,
  }),
  // Minutes: written on the unit's held meeting; circulating and adopting are tried on minutes put
  // back to draft, so that a request let through meets a state rule (409), never a missing record.
  'PUT /api/councils/meetings/:id/minutes': async (unit) => ({
    request: {
      method: 'PUT',
      url: `/api/councils/meetings/${heldMeetingAt.get(unit)}/minutes`,
      body: { textKm: 'កំណត់ហេតុ' },
    },
    unit: organUnit(unit),
  }),
  'POST /api/councils/meetings/:id/minutes/circulate': async (unit) => {
    await draftMinutes(unit);
    return {
      request: { method: 'POST', url: `/api/councils/meetings/${heldMeetingAt.get(unit)}/minutes/circulate` },
      unit: organUnit(unit),
    };
  },
  'POST /api/councils/meetings/:id/minutes/adopt': async (unit) => {
    await draftMinutes(unit);
    return {
      request: {
        method: 'POST',
        url: `/api/councils/meetings/${heldMeetingAt.get(unit)}/minutes/adopt`,
        body: { atMeetingId: heldMeetingAt.get(unit) },
      },
      unit: organUnit(unit),
    };
  },
  // Citizens' requests: an answered one at each unit, so a request let through is refused as closed (409).
  'POST /api/councils/requests/:number/agenda': async (unit) => ({
    request: {
      method: 'POST',
      url: `/api/councils/requests/${answeredRequestAt.get(unit)}/agenda`,
      body: { meetingId: plannedMeetingAt.get(unit) },
    },
    unit: organUnit(unit),
  }),
  'POST /api/councils/requests/:number/answer': async (unit) => ({
    request: {
      method: 'POST',
      url: `/api/councils/requests/${answeredRequestAt.get(unit)}/answer`,
      body: { outcome: 'answered', answeredBy: 'chief', answerKm: 'ចម្លើយ' },
    },
    unit: organUnit(unit),
  }),
  // The annual public forum: recorded at the unit (409 when the unit has no council or already has
  // the year's forum); a forum and a question written at each unit are corrected and answered.
  'POST /api/councils/units/:code/forums': async (unit) => ({
    request: {
      method: 'POST',
      url: `/api/councils/units/${organUnit(unit)}/forums`,
      body: { year: 2026, date: '2026-06-20', place: 'Matrix hall', attendanceFemale: 3, attendanceMale: 2 },
    },
    unit: organUnit(unit),
  }),
  'PATCH /api/councils/forums/:id': async (unit) => ({
    request: {
      method: 'PATCH',
      url: `/api/councils/forums/${forumAt.get(unit)}`,
      body: { attendanceMale: 9 },
    },
    unit: organUnit(unit),
  }),
  'POST /api/councils/forums/:id/questions': async (unit) => ({
    request: {
      method: 'POST',
      url: `/api/councils/forums/${forumAt.get(unit)}/questions`,
      body: { questionKm: 'សំណួរ' },
    },
    unit: organUnit(unit),
  }),
  'PATCH /api/councils/forum-questions/:id': async (unit) => ({
    request: {
      method: 'PATCH',
      url: `/api/councils/forum-questions/${forumQuestionAt.get(unit)}`,
      body: { answerKm: 'ចម្លើយ' },
    },
    unit: organUnit(unit),
  }),
  // The queue is the platform's, whatever unit its jobs were about: the list and its retry are national.
  'GET /api/jobs/failed': async () => ({ request: { method: 'GET', url: '/api/jobs/failed' }, unit: null }),
  'POST /api/jobs/failed/:id/retry': async () => ({
    request: { method: 'POST', url: `/api/jobs/failed/${await failedJob()}/retry` },
    unit: null,
  }),
  // Plans: SNA units only, so the national target is aimed at Phnom Penh (12), where the sample
  // tree has communes. Each case is tried so that a request let through is either done (201)
  // or refused by a state rule (409): a second plan or rank for the same year, a draft that is
  // not reviewed, a project in proposal that cannot complete, an approved program, a roll already made.
  'POST /api/plans/units/:code/plans': async (unit) => ({
    request: { method: 'POST', url: `/api/plans/units/${planUnit(unit)}/plans`, body: matrixPlan(2040) },
    unit: planUnit(unit),
  }),
  'POST /api/plans/plans/:id/status': async (unit) => ({
    request: {
      method: 'POST',
      url: `/api/plans/plans/${planAt.get(unit)}/status`,
      body: { status: 'approved' },
    },
    unit: planUnit(unit),
  }),
  'POST /api/plans/plans/:id/approve': async (unit) => ({
    request: {
      method: 'POST',
      url: `/api/plans/plans/${planAt.get(unit)}/approve`,
      body: { councilDecisionId: 1 },
    },
    unit: planUnit(unit),
  }),
  'POST /api/plans/units/:code/needs': async (unit) => ({
    request: { method: 'POST', url: `/api/plans/units/${planPlace(unit)}/needs`, body: matrixNeed(unit) },
    unit: planPlace(unit),
  }),
  'POST /api/plans/units/:code/priorities': async (unit) => ({
    request: {
      method: 'POST',
      url: `/api/plans/units/${planUnit(unit)}/priorities`,
      body: {
        year: 2040,
        rank: 1,
        titleKm: 'អាទិភាព',
        sectorCode: 'social',
        reason: 'Matrix',
        needIds: [needAt.get(unit)],
      },
    },
    unit: planUnit(unit),
  }),
  'POST /api/plans/units/:code/projects': async (unit) => ({
    request: {
      method: 'POST',
      url: `/api/plans/units/${planUnit(unit)}/projects`,
      body: matrixProject(unit),
    },
    unit: planUnit(unit),
  }),
  'POST /api/plans/projects/:id/status': async (unit) => ({
    request: {
      method: 'POST',
      url: `/api/plans/projects/${projectAt.get(unit)}/status`,
      body: { status: 'completed' },
    },
    unit: planUnit(unit),
  }),
  // Changes are tried on the unit's own records (a proposal project can change; a need or a
  // priority always can); deletions each on a record made for the cell, since a deletion let
  // through removes it.
  'PUT /api/plans/needs/:id': async (unit) => ({
    request: { method: 'PUT', url: `/api/plans/needs/${needAt.get(unit)}`, body: matrixNeed(unit) },
    unit: planPlace(unit),
  }),
  'DELETE /api/plans/needs/:id': async (unit) => ({
    request: { method: 'DELETE', url: `/api/plans/needs/${await freshNeed(unit)}` },
    unit: planPlace(unit),
  }),
  'PUT /api/plans/priorities/:id': async (unit) => ({
    request: {
      method: 'PUT',
      url: `/api/plans/priorities/${priorityAt.get(unit)!.id}`,
      body: priorityAt.get(unit)!.body,
    },
    unit: planUnit(unit),
  }),
  'DELETE /api/plans/priorities/:id': async (unit) => ({
    request: { method: 'DELETE', url: `/api/plans/priorities/${(await freshPriority(unit)).id}` },
    unit: planUnit(unit),
  }),
  'PUT /api/plans/projects/:id': async (unit) => ({
    request: { method: 'PUT', url: `/api/plans/projects/${projectAt.get(unit)}`, body: matrixProject(unit) },
    unit: planUnit(unit),
  }),
  'DELETE /api/plans/projects/:id': async (unit) => ({
    request: {
      method: 'DELETE',
      url: `/api/plans/projects/${(await adminCall('POST', `/api/plans/units/${planUnit(unit)}/projects`, matrixProject(unit))).id}`,
    },
    unit: planUnit(unit),
  }),
  'POST /api/plans/units/:code/program/approve': async (unit) => ({
    request: {
      method: 'POST',
      url: `/api/plans/units/${planUnit(unit)}/program/approve`,
      body: { councilDecisionId: 1 },
    },
    unit: planUnit(unit),
  }),
  'POST /api/plans/units/:code/program/roll': async (unit) => ({
    request: {
      method: 'POST',
      url: `/api/plans/units/${planUnit(unit)}/program/roll`,
      body: { fromYear: 2027 },
    },
    unit: planUnit(unit),
  }),
};

const answeredRequestAt = new Map<string | null, string>();
const forumAt = new Map<string | null, number>();
const forumQuestionAt = new Map<string | null, number>();

/** A public forum of 2020 of the unit's matrix organ and one question of it (written as the tables hold them). */
async function matrixForum(unit: string | null): Promise<void> {
  const forum = await sql<{ id: number }>`insert into councils_forum (organ_id, unit_code, forum_year,
      forum_date, place) values (${organAt.get(unit)}, ${organUnit(unit)}, 2020, '2020-06-15', 'Matrix hall')
    returning id`.execute(t.db.kysely);
  forumAt.set(unit, Number(forum.rows[0]!.id));
  const question = await sql<{ id: number }>`insert into councils_forum_question (forum_id, position,
      question_km) values (${forumAt.get(unit)}, 1, 'សំណួរ') returning id`.execute(t.db.kysely);
  forumQuestionAt.set(unit, Number(question.rows[0]!.id));
}

async function draftMinutes(unit: string | null): Promise<void> {
  await adminCall('PUT', `/api/councils/meetings/${heldMeetingAt.get(unit)}/minutes`, { textKm: 'កំណត់ហេតុ' });
}

/** A citizen's request to the unit's matrix organ, already answered (written as the table holds one). */
async function answeredRequest(unit: string | null): Promise<string> {
  // Eight characters of the numbers' alphabet (no look-alikes), one letter per unit.
  const number = `MATRXAA${'CDEFGHJKMN'[answeredRequestAt.size]}`;
  await sql`insert into councils_request (number, organ_id, unit_code, place_code, kind, topic, text_km,
      phone, status, answered_by, answer_km, answered_on)
    values (${number}, ${organAt.get(unit)}, ${organUnit(unit)}, ${organUnit(unit)}, 'need', 'other',
      'សំណើ', '012345678', 'answered', 'chief', 'ចម្លើយ', current_date)`.execute(t.db.kysely);
  return number;
}

// Plans: where each target's records sit (SNA units; the national target and province 01, which
// has no communes in the sample tree, at Phnom Penh), the
// commune and village a need of that target is recorded at, and the records made beforehand.
const planUnit = (unit: string | null) => (unit === null || unit === '01' ? '12' : unit);
const PLAN_PLACES: Record<string, [string, string]> = {
  '230201': ['230201', '23020101'],
  '230202': ['230202', '23020201'],
  '230101': ['230101', '23010101'],
  '2302': ['230201', '23020101'],
  '2301': ['230101', '23010101'],
  '23': ['230201', '23020101'],
  '12': ['120101', '12010101'],
};
const planPlace = (unit: string | null) => PLAN_PLACES[planUnit(unit)]![0];
const planAt = new Map<string | null, number>();
const needAt = new Map<string | null, number>();
const projectAt = new Map<string | null, number>();
const priorityAt = new Map<string | null, { id: number; body: Record<string, unknown> }>();
let matrixRank = 0;
const freshNeed = async (unit: string | null) =>
  (await adminCall('POST', `/api/plans/units/${planPlace(unit)}/needs`, matrixNeed(unit))).id;
/** A priority of 2041 with a rank of its own, from a need of its own. */
async function freshPriority(unit: string | null) {
  const body = {
    year: 2041,
    rank: ++matrixRank,
    titleKm: 'អាទិភាព',
    sectorCode: 'social',
    reason: 'Matrix',
    needIds: [await freshNeed(unit)],
  };
  return { id: (await adminCall('POST', `/api/plans/units/${planUnit(unit)}/priorities`, body)).id, body };
}
const matrixPlan = (firstYear: number) => ({
  firstYear,
  lastYear: firstYear + 4,
  visionKm: 'ចក្ខុវិស័យ',
  goals: [],
  indicators: [],
  calendar: [],
});
const matrixNeed = (unit: string | null) => ({
  villageCode: PLAN_PLACES[planUnit(unit)]![1],
  meetingDate: '2026-09-01',
  needText: 'តម្រូវការ',
  sectorCode: 'social',
  attendeesFemale: 3,
  attendeesMale: 2,
  vulnerableGroups: ['women'],
});
const matrixProject = (unit: string | null) => ({
  titleKm: 'គម្រោង',
  titleEn: 'Matrix project',
  sectorCode: 'economic',
  kind: 'service',
  outputText: 'Sessions',
  outputQuantity: 1,
  outputUnit: 'sessions',
  locations: [planPlace(unit)],
  costs: [{ year: 2027, total: 10, sources: [{ fundSource: 'commune_fund', amount: 10 }] }],
  genderMarker: false,
  climateMarker: 'none',
});

async function planRecords(): Promise<void> {
  // One plan per unit and first year: the national target and 01 share Phnom Penh's.
  const plans = new Map<string, number>();
  for (const unit of TARGET_UNITS) {
    const at = planUnit(unit);
    if (!plans.has(at))
      plans.set(at, (await adminCall('POST', `/api/plans/units/${at}/plans`, matrixPlan(2041))).id);
    planAt.set(unit, plans.get(at)!);
    needAt.set(
      unit,
      (await adminCall('POST', `/api/plans/units/${planPlace(unit)}/needs`, matrixNeed(unit))).id,
    );
    projectAt.set(
      unit,
      (await adminCall('POST', `/api/plans/units/${planUnit(unit)}/projects`, matrixProject(unit))).id,
    );
    priorityAt.set(unit, await freshPriority(unit));
  }
  // Every program approved already (written as the table holds one), so that an approval let
  // through meets the state rule (409) before the decision's check.
  await sql`update plans_program set council_decision_id = 1, approved_on = '2026-12-01'`.execute(
    t.db.kysely,
  );
}

/** A job whose attempts have all failed, as pg-boss leaves it after its last retry: one per cell, since a retry takes it off the list. */
async function failedJob(): Promise<string> {
  const sender = new JobSender(() => new Set(['platform.idempotency_purge']));
  const id = (await sender.send(t.db.kysely, 'platform.idempotency_purge', { case: 'matrix' }))!;
  const schema = await jobsSchemaOf(t.db.kysely);
  await sql`update ${sql.table(`${schema}.job`)} set state = 'failed', retry_count = retry_limit,
    completed_on = now() where id = ${id}::uuid`.execute(t.db.kysely);
  return id;
}

beforeAll(async () => {
  t = await openTestApp();
  admin = await signedIn(t.app, 'admin@sndd.example', DEMO_PASSWORD);
  for (const unit of TARGET_UNITS) targetUser.set(unit, await makeUser(unit, `target-${unit ?? 'national'}`));
  for (const unit of TARGET_UNITS) {
    const organ = await adminCall('POST', `/api/councils/units/${organUnit(unit)}/organs`, matrixCommittee);
    organAt.set(unit, organ.id);
    memberAt.set(
      unit,
      (await adminCall('POST', `/api/councils/organs/${organ.id}/members`, matrixMember)).id,
    );
    plannedMeetingAt.set(
      unit,
      (await adminCall('POST', `/api/councils/organs/${organ.id}/meetings`, matrixMeeting)).id,
    );
    const held = await adminCall('POST', `/api/councils/organs/${organ.id}/meetings`, matrixMeeting);
    await adminCall('PUT', `/api/councils/meetings/${held.id}/attendance`, {
      attendance: [{ memberId: memberAt.get(unit), status: 'present' }],
    });
    heldMeetingAt.set(unit, held.id);
    answeredRequestAt.set(unit, await answeredRequest(unit));
    await matrixForum(unit);
    const decision = await adminCall('POST', `/api/councils/meetings/${held.id}/decisions`, {
      kind: 'other',
      titleKm: 'សេចក្ដីសម្រេច',
      titleEn: 'Matrix decision',
      tally: { for: 1, against: 0, abstain: 0 },
    });
    decisionAt.set(unit, decision.id);
  }
  functionId = (await adminCall('POST', '/api/councils/functions', matrixFunction('matrix_function'))).id;
  await planRecords();
  // The national target and province 01 share their budgets (one budget per unit and year).
  for (const unit of [...new Set(TARGET_UNITS.map(budgetUnit))]) {
    const proposed = await matrixBudget(unit, 2032, 'proposed');
    proposedBudgetAt.set(unit, proposed.budgetId);
    budgetLineAt.set(unit, proposed.lineId);
    approvableBudgetAt.set(unit, (await matrixBudget(unit, 2034, 'decided')).budgetId);
    const approved = await matrixBudget(unit, 2033, 'approved');
    approvedBudgetAt.set(unit, approved.budgetId);
    approvedLineAt.set(unit, approved.lineId);
  }
  for (const map of [proposedBudgetAt, budgetLineAt, approvableBudgetAt, approvedBudgetAt, approvedLineAt])
    map.set(null, map.get('01')!);
  for (const tier of ['province', 'district', 'commune']) {
    await adminCall('POST', '/api/services/standards', matrixStandard(`matrix.tier.${tier}`, tier));
    await adminCall('POST', '/api/services/standards', matrixStandard(`matrix.offer.${tier}`, tier));
  }
  for (const unit of TARGET_UNITS) {
    created += 1;
    const owned = `matrix.owned.${created}`;
    await adminCall('POST', '/api/services/standards', matrixStandard(owned, 'commune', unit));
    ownedStandardAt.set(unit, owned);
    const at = serviceUnit(unit);
    const code = `matrix.tier.${serviceTier(at)}`;
    if (unit !== null)
      await adminCall('POST', `/api/services/standards/${code}/offerings`, {
        unitCode: at,
        validFrom: '2024-01-01',
      });
    const standard = (await admin.request('GET', `/api/services/standards/${code}`)).json<{
      offerings: { id: number; unitCode: string }[];
    }>();
    offeringAt.set(unit, standard.offerings.find((offering) => offering.unitCode === at)!.id);
    const application = (
      await admin.request('POST', '/api/services/applications/counter', {
        serviceCode: code,
        unitCode: at,
        values: {},
        applicant: matrixApplicant,
      })
    ).json<{ trackingNumber: string }>();
    applicationAt.set(unit, application.trackingNumber);
    const complaint = (
      await admin.request('POST', '/api/services/complaints', {
        subject: 'office',
        unitCode: at,
        description: 'Matrix complaint',
      })
    ).json<{ trackingNumber: string; handlingUnitCode: string }>();
    complaintAt.set(unit, { number: complaint.trackingNumber, handlingUnit: complaint.handlingUnitCode });
  }
  const roles = (await admin.request('GET', '/api/access/roles')).json<{
    items: { code: string; permissions: string[] }[];
  }>();
  for (const role of roles.items) rolePermissions.set(role.code, new Set(role.permissions));
}, 600_000);
afterAll(async () => t.close());

describe('access matrix', () => {
  it('covers every route that checks a permission', () => {
    const routes = t.app.accessRules
      .filter((rule) => typeof rule.access === 'object' && rule.method !== 'HEAD')
      .map((rule) => `${rule.method} ${rule.url}`);
    expect([...Object.keys(CASES), ...LIST_ROUTES, ...NOT_YET_IN_MATRIX].sort()).toEqual(
      [...new Set(routes)].sort(),
    );
  });

  it('allows a request exactly when the role holds the permission at the record’s unit', async () => {
    const rules = new Map(
      t.app.accessRules
        .filter((rule) => typeof rule.access === 'object' && rule.method !== 'HEAD')
        .map((rule) => [`${rule.method} ${rule.url}`, (rule.access as { permission: string }).permission]),
    );
    const actors: { label: string; role: string | null; unit: string | null; client: Client }[] = [
      { label: 'anonymous', role: null, unit: null, client: anonymous(t.app) },
    ];
    for (const actor of ACTORS) {
      actors.push({
        label: `${actor.role}@${actor.unit ?? 'national'}`,
        ...actor,
        client: await signedInAs(actor, 'actor'),
      });
    }

    const wrong: string[] = [];
    let cells = 0;
    let refusals = 0;
    for (const [route, makeCell] of Object.entries(CASES)) {
      const permission = rules.get(route)!;
      for (const actor of actors) {
        for (const target of TARGET_UNITS) {
          const cell = await makeCell(target);
          const response = await actor.client.request(
            cell.request.method,
            cell.request.url,
            cell.request.body,
            cell.request.headers,
          );
          const expected =
            actor.role !== null &&
            (rolePermissions.get(actor.role)?.has(permission) ?? false) &&
            within(cell.unit, actor.unit);
          const refused = response.statusCode === 401 || response.statusCode === 403;
          const allowed =
            (response.statusCode >= 200 && response.statusCode < 300) || response.statusCode === 409;
          cells += 1;
          if (refused) refusals += 1;
          if ((expected && !allowed) || (!expected && !refused)) {
            wrong.push(
              `${actor.label} ${route} at ${cell.unit ?? 'national'}: expected ${expected ? 'allowed' : 'refused'}, got ${response.statusCode} ${response.body.slice(0, 120)}`,
            );
          }
          await cell.cleanup?.();
        }
      }
    }
    console.log(`access matrix: ${cells} cells tried, ${refusals} refused, ${wrong.length} wrong`);
    expect(wrong).toEqual([]);
    expect(refusals).toBeGreaterThan(cells / 2);
  }, 300_000);

  it('lists only accounts inside the caller’s scope, and all of them', async () => {
    for (const actor of ACTORS.filter((item) => rolePermissions.get(item.role)?.has('access.user.read'))) {
      const client = await signedInAs(actor, 'lister');
      const page = (await client.request('GET', '/api/access/users?pageSize=500')).json<{
        items: { id: number; homeUnitCode: string | null }[];
      }>();
      const outside = page.items.filter((user) => !within(user.homeUnitCode, actor.unit));
      expect(outside, `${actor.role}@${actor.unit}`).toEqual([]);
      for (const [unit, userId] of targetUser) {
        expect(
          page.items.some((user) => user.id === userId),
          `${actor.role}@${actor.unit} sees ${unit}`,
        ).toBe(within(unit, actor.unit));
      }
    }
  }, 120_000);
});
