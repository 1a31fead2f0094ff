/**
 * The transfers routes on a real database with the demo data: the published demo allocation
 * and its revenue lines, formulas and their bad input, figures (by hand and from a CSV, with
 * unknown codes reported), the path draft -> approved -> published with four eyes, frozen
 * years, corrections, scenarios, and what the public may see.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../test-support/test-app.ts';
import { anonymous, signedIn, type Client } from '../../test-support/http.ts';
import { DEMO_PASSWORD } from '../access/index.ts';
import { BUILT_IN_FORMULA_FILE } from './demo-seed.ts';

/** Kep's communes and sangkats, among which the test formula shares. */
const KEP_COMMUNES = ['230101', '230103', '230201', '230202', '230203'];

/** The communes and sangkats of the test database's tree (the reference data's sample). */
async function communesOfTree(outsideCapital: boolean): Promise<string[]> {
  const rows = await sql<{ code: string }>`
    select code from gazetteer_unit where level = 3 and valid_to is null
    and (${!outsideCapital} or code not in (select descendant_code from gazetteer_unit_closure where ancestor_code = '12'))
    order by code`.execute(t.db.kysely);
  return rows.rows.map((row) => row.code);
}

let t: TestApp;
let anon: Client;
let admin: Client;
let officer: Client;
let province: Client;

interface AllocationAnswer {
  id: number;
  status: string;
  version: number;
  pool: number;
  correctionOf: number | null;
  summary: { inputsYear: number; equity: { gini: number | null }; totals: { eligibleUnits: number } };
}
interface LinesAnswer {
  total: number;
  items: {
    unitCode: string;
    amount: number;
    explanation: { parts: { component: string; amount: number }[] };
  }[];
}

const builtIn = () => JSON.parse(readFileSync(BUILT_IN_FORMULA_FILE, 'utf8')) as Record<string, unknown>;

/** A small formula of our own: 10,000,000 riel among Kep's communes, half equal, half by population. */
function testFormula(overrides: Record<string, unknown> = {}) {
  return {
    format: 'sndd.transfer-formula.v1',
    program: { code: 'test-fund', nameKm: 'មូលនិធិសាកល្បង', nameEn: 'Test fund' },
    fiscalYear: 2027,
    version: 1,
    legalReference: { text: 'Example instrument for tests' },
    pool: { kind: 'fixed', amount: 10_000_000, isExample: true },
    components: [
      {
        code: 'main',
        nameKm: 'ចំណែកចម្បង',
        nameEn: 'Main',
        sharePercent: 100,
        criteria: [
          { kind: 'equal', weightPercent: 50 },
          { kind: 'indicator', indicator: 'population', weightPercent: 50 },
        ],
      },
    ],
    eligibility: { levels: [3], includeCodes: ['23'] },
    rounding: { unit: 1000 },
    ...overrides,
  };
}

async function json<T>(
  client: Client,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  body?: unknown,
  status = 200,
) {
  const response = await client.request(method, url, body);
  expect(response.statusCode, response.body).toBe(status);
  return response.json<T>();
}

async function auditCount(action: string): Promise<number> {
  const rows = await sql<{
    n: number;
  }>`select count(*)::int as n from audit_record where action = ${action}`.execute(t.db.kysely);
  return Number(rows.rows[0]?.n ?? 0);
}

beforeAll(async () => {
  t = await openTestApp({ demoData: true });
  anon = anonymous(t.app);
  [admin, officer, province] = await Promise.all([
    signedIn(t.app, 'admin@sndd.example', DEMO_PASSWORD),
    signedIn(t.app, 'officer@sndd.example', DEMO_PASSWORD),
    signedIn(t.app, 'kep.province@sndd.example', DEMO_PASSWORD),
  ]);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('the demo: a published supplementary commune fund allocation for every eligible commune', () => {
  it('is public, adds up to its pool exactly, and explains every amount', async () => {
    const list = await json<{ items: AllocationAnswer[] }>(anon, 'GET', '/api/transfers/allocations');
    const published = list.items.find((item) => item.status === 'published');
    expect(published).toBeDefined();
    const lines = await json<LinesAnswer>(
      anon,
      'GET',
      `/api/transfers/allocations/${published!.id}/lines?pageSize=50`,
    );
    // Every commune and sangkat of the tree outside Phnom Penh (the formula excludes it).
    expect(lines.items.map((line) => line.unitCode).sort()).toEqual(await communesOfTree(true));
    expect(lines.items.reduce((sum, line) => sum + line.amount, 0)).toBe(published!.pool);
    for (const line of lines.items) {
      expect(line.amount % 1000).toBe(0);
      expect(line.explanation.parts.reduce((sum, part) => sum + part.amount, 0)).toBe(line.amount);
    }
    // 1% of the (example) base.
    const base = (builtIn().pool as { base: { amount: number } }).base.amount;
    expect(published!.pool).toBe(base / 100);
    expect(published!.summary.equity.gini).toBeGreaterThanOrEqual(0);
  });

  it('shows each unit its published transfer, and writes it as revenue of the unit’s budget', async () => {
    const mine = await json<{ items: { amount: number; programCode: string; formulaId: number }[] }>(
      anon,
      'GET',
      '/api/transfers/units/230201/published',
    );
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]!.programCode).toBe('supplementary-commune-fund');
    const formula = await json<{ formula: { fiscalYear: number } }>(
      anon,
      'GET',
      `/api/transfers/formulas/${mine.items[0]!.formulaId}`,
    );
    expect(formula.formula.fiscalYear).toBe(2025);
    const revenue = await sql<{ amount: string }>`
      select l.amount from budgets_line l
      join budgets_budget b on b.id = l.budget_id and l.version = b.current_version
      where b.unit_code = '230201' and b.fiscal_year = 2025 and l.line_key = 'transfer:supplementary-commune-fund'`.execute(
      t.db.kysely,
    );
    expect(revenue.rows.map((row) => Number(row.amount))).toEqual([mine.items[0]!.amount]);
  });
});

describe('formulas', () => {
  it('refuses weights that do not add up to 100%, an unknown program, a taken version', async () => {
    const bad = testFormula({ program: { code: 'supplementary-commune-fund', nameKm: 'x', nameEn: 'x' } });
    (bad.components[0]!.criteria[1] as { weightPercent: number }).weightPercent = 40;
    const weights = await officer.request('POST', '/api/transfers/formulas', { formula: bad });
    expect(weights.statusCode).toBe(400);
    expect(weights.json()).toMatchObject({ code: 'transfers.formula.weights_not_100' });

    const unknown = await officer.request('POST', '/api/transfers/formulas', { formula: testFormula() });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'transfers.program.unknown' });

    const taken = await officer.request('POST', '/api/transfers/formulas', { formula: builtIn() });
    expect(taken.statusCode).toBe(409);
    expect(['transfers.formula.version_taken', 'transfers.year.published']).toContain(
      taken.json<{ code: string }>().code,
    );
  });

  it('refuses a new formula for a published year unless it says why', async () => {
    const next = { ...builtIn(), version: 2 };
    const refused = await officer.request('POST', '/api/transfers/formulas', { formula: next });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'transfers.year.published' });
  });

  it('is national work', async () => {
    const response = await province.request('POST', '/api/transfers/programs', {
      code: 'provincial-fund',
      nameKm: 'x',
      nameEn: 'x',
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('an allocation from figures to publication', () => {
  let formulaId: number;

  it('stores a new program and formula', async () => {
    await json(
      officer,
      'POST',
      '/api/transfers/programs',
      { code: 'test-fund', nameKm: 'មូលនិធិសាកល្បង', nameEn: 'Test fund' },
      201,
    );
    formulaId = (
      await json<{ id: number }>(officer, 'POST', '/api/transfers/formulas', { formula: testFormula() }, 201)
    ).id;
  });

  it('lists every unit without a figure the formula needs, and stores nothing', async () => {
    const before = await auditCount('transfers.allocation.compute');
    const response = await officer.request('POST', '/api/transfers/allocations', { formulaId });
    expect(response.statusCode).toBe(422);
    const body = response.json<{ code: string; errors: { path: string }[] }>();
    expect(body.code).toBe('transfers.input.missing_value');
    expect(body.errors.map((error) => error.path.split('/')[2]).sort()).toEqual(KEP_COMMUNES);
    expect(await auditCount('transfers.allocation.compute')).toBe(before);
  });

  it('imports figures from a CSV: a dry run reports unknown codes and bad values, then a clean file applies', async () => {
    const dirty = 'code,pop\n230101,100\n990101,50\n230103,-4\n';
    const url =
      '/api/transfers/indicators/import?fiscalYear=2027&source=test&codeColumn=code&map=population:pop&dryRun=false';
    // The import contract: applying a file with problems writes nothing and answers 422; the
    // dry run (the default) reports them.
    const refused = await officer.request('POST', url, dirty, { 'content-type': 'text/csv' });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'transfers.import.has_problems' });
    const report = await officer.request('POST', url.replace('&dryRun=false', ''), dirty, {
      'content-type': 'text/csv',
    });
    expect(report.statusCode, report.body).toBe(200);
    const dirtyReport = report.json<{
      applied: boolean;
      unknownCodes: { code: string }[];
      problems: { code: string; row: number }[];
    }>();
    expect(dirtyReport.applied).toBe(false);
    expect(dirtyReport.unknownCodes.map((item) => item.code)).toEqual(['990101']);
    expect(dirtyReport.problems).toEqual([
      expect.objectContaining({ code: 'transfers.input.negative_value', row: 4 }),
    ]);
    const stored = await json<{ total: number }>(anon, 'GET', '/api/transfers/indicators?fiscalYear=2027');
    expect(stored.total).toBe(0);

    const clean = 'code,pop\n230101,1000\n230103,2000\n230201,3000\n230202,1000\n';
    const applied = await officer.request('POST', url, clean, { 'content-type': 'text/csv' });
    expect(applied.json()).toMatchObject({ applied: true, values: 4 });
    const available = await json<{ items: { indicator: string; fiscalYear: number; units: number }[] }>(
      anon,
      'GET',
      '/api/transfers/indicators/available',
    );
    expect(available.items).toContainEqual(
      expect.objectContaining({ indicator: 'population', fiscalYear: 2027, units: 4 }),
    );
    expect(available.items).toContainEqual(
      expect.objectContaining({
        indicator: 'population',
        fiscalYear: 2025,
        units: (await communesOfTree(false)).length,
      }),
    );
    // What the map reads: one figure of one level within a province.
    const communes = await json<{ total: number; items: { unitCode: string; value: number }[] }>(
      anon,
      'GET',
      '/api/transfers/indicators?fiscalYear=2025&indicator=population&level=3&within=23',
    );
    // The demo's 2025 population of Kep's communes is their population of 2011 (reference data),
    // or an estimate for a sangkat the Commune Database of 2011 does not have (230203).
    const census = await json<{ items: { unitCode: string; value: number }[] }>(
      anon,
      'GET',
      '/api/transfers/indicators?fiscalYear=2011&indicator=population&level=3&within=23',
    );
    expect(census.items.length).toBeGreaterThanOrEqual(4);
    expect(communes.items.map((item) => item.unitCode)).toEqual(KEP_COMMUNES);
    const demo = new Map(communes.items.map((item) => [item.unitCode, item.value]));
    for (const item of census.items) expect(demo.get(item.unitCode)).toBe(item.value);
    const districts = await json<{ total: number }>(
      anon,
      'GET',
      '/api/transfers/indicators?fiscalYear=2025&level=2',
    );
    expect(districts.total).toBe(0);
  });

  it('lets a provincial officer enter a figure in the province, not elsewhere', async () => {
    const body = { fiscalYear: 2027, indicator: 'population', value: 3000, source: 'provincial hall' };
    const inside = await province.request('PUT', '/api/transfers/units/230203/indicators', body);
    expect(inside.statusCode, inside.body).toBe(204);
    const outside = await province.request('PUT', '/api/transfers/units/010201/indicators', body);
    expect(outside.statusCode).toBe(403);
    const negative = await province.request('PUT', '/api/transfers/units/230203/indicators', {
      ...body,
      value: -1,
    });
    expect(negative.json()).toMatchObject({ code: 'transfers.input.negative_value' });
  });

  let draftId: number;

  it('computes a draft that the public cannot see', async () => {
    const draft = await json<AllocationAnswer>(
      admin,
      'POST',
      '/api/transfers/allocations',
      { formulaId },
      201,
    );
    expect(draft).toMatchObject({ status: 'draft', version: 1, pool: 10_000_000 });
    draftId = draft.id;
    const lines = await json<LinesAnswer>(admin, 'GET', `/api/transfers/allocations/${draftId}/lines`);
    expect(lines.items.reduce((sum, line) => sum + line.amount, 0)).toBe(10_000_000);
    // Half equally (1,000,000 each), half by population (10,000 people in all).
    const amount = (code: string) => lines.items.find((line) => line.unitCode === code)!.amount;
    expect(amount('230101')).toBe(1_000_000 + 500_000);
    expect(amount('230201')).toBe(1_000_000 + 1_500_000);
    expect((await anon.request('GET', `/api/transfers/allocations/${draftId}`)).statusCode).toBe(404);
  });

  it('is approved by someone else than who computed it, then published for good', async () => {
    const self = await admin.request('POST', `/api/transfers/allocations/${draftId}/approve`);
    expect(self.statusCode).toBe(409);
    expect(self.json()).toMatchObject({ code: 'transfers.allocation.same_person' });
    const early = await officer.request('POST', `/api/transfers/allocations/${draftId}/publish`);
    expect(early.json()).toMatchObject({ code: 'transfers.allocation.bad_status' });
    await json(officer, 'POST', `/api/transfers/allocations/${draftId}/approve`);
    const published = await json<AllocationAnswer>(
      officer,
      'POST',
      `/api/transfers/allocations/${draftId}/publish`,
    );
    expect(published.status).toBe('published');
    expect((await anon.request('GET', `/api/transfers/allocations/${draftId}`)).statusCode).toBe(200);
    expect(await auditCount('transfers.allocation.publish')).toBeGreaterThanOrEqual(2);
  });

  it('freezes the figures it was computed from', async () => {
    const response = await officer.request('PUT', '/api/transfers/units/230101/indicators', {
      fiscalYear: 2027,
      indicator: 'population',
      value: 5000,
      source: 'late correction',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'transfers.year.published' });
  });

  it('is corrected by a new version with its reason, which supersedes it when published', async () => {
    const refused = await admin.request('POST', '/api/transfers/allocations', { formulaId });
    expect(refused.json()).toMatchObject({ code: 'transfers.year.published' });
    const next = testFormula({ version: 2, pool: { kind: 'fixed', amount: 12_000_000, isExample: true } });
    const formula2 = await json<{ id: number }>(
      officer,
      'POST',
      '/api/transfers/formulas',
      { formula: next, correctionReason: 'Pool raised by the budget law' },
      201,
    );
    const correction = await json<AllocationAnswer>(
      admin,
      'POST',
      `/api/transfers/allocations/${draftId}/corrections`,
      { reason: 'Pool raised by the budget law', formulaId: formula2.id },
      201,
    );
    expect(correction).toMatchObject({
      status: 'draft',
      version: 2,
      correctionOf: draftId,
      pool: 12_000_000,
    });
    await json(officer, 'POST', `/api/transfers/allocations/${correction.id}/approve`);
    await json(officer, 'POST', `/api/transfers/allocations/${correction.id}/publish`);
    const old = await json<AllocationAnswer>(anon, 'GET', `/api/transfers/allocations/${draftId}`);
    expect(old.status).toBe('superseded');
    const mine = await json<{ items: { amount: number; programCode: string }[] }>(
      anon,
      'GET',
      '/api/transfers/units/230201/published?fiscalYear=2027',
    );
    expect(mine.items).toEqual([
      expect.objectContaining({ programCode: 'test-fund', amount: 1_200_000 + 1_800_000 }),
    ]);
  });

  it('compares a scenario with its baseline without writing anything', async () => {
    const scenario = testFormula();
    scenario.components[0]!.criteria = [
      { kind: 'equal', weightPercent: 20 },
      { kind: 'indicator', indicator: 'population', weightPercent: 80 },
    ];
    const before = await auditCount('transfers.allocation.compute');
    const result = await json<{
      gainers: number;
      losers: number;
      totalBaseline: number;
      totalScenario: number;
    }>(officer, 'POST', '/api/transfers/scenarios', { baselineFormulaId: formulaId, scenario });
    expect(result.totalBaseline).toBe(10_000_000);
    expect(result.totalScenario).toBe(10_000_000);
    // More by population: the two most populous gain, the smallest lose.
    expect(result.gainers).toBeGreaterThan(0);
    expect(result.losers).toBeGreaterThan(0);
    expect(await auditCount('transfers.allocation.compute')).toBe(before);
  });
});
