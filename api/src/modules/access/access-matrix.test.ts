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
const LIST_ROUTES = ['GET /api/access/users'];

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

/** For every route that checks a permission: how to aim it at a record placed at `unit`. */
const CASES: Record<string, (unit: string | null) => Promise<Cell>> = {
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
  // Verifying the whole chain is a national act, whatever record one has in mind.
  'GET /api/audit/verify': async () => ({ request: { method: 'GET', url: '/api/audit/verify' }, unit: null }),
};

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
  }
  functionId = (await adminCall('POST', '/api/councils/functions', matrixFunction('matrix_function'))).id;
  const roles = (await admin.request('GET', '/api/access/roles')).json<{
    items: { code: string; permissions: string[] }[];
  }>();
  for (const role of roles.items) rolePermissions.set(role.code, new Set(role.permissions));
}, 120_000);
afterAll(async () => t.close());

describe('access matrix', () => {
  it('covers every route that checks a permission', () => {
    const routes = t.app.accessRules
      .filter((rule) => typeof rule.access === 'object' && rule.method !== 'HEAD')
      .map((rule) => `${rule.method} ${rule.url}`);
    expect([...Object.keys(CASES), ...LIST_ROUTES].sort()).toEqual([...new Set(routes)].sort());
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
