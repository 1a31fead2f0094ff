/**
 * The budget workflow over HTTP on a real database with the demo data: phases and their bad
 * input (approval without a council decision, a line change in an approved budget, a line
 * outside the caller's scope, a negative amount, an unknown class), adjustments that keep the
 * approved version readable, quarterly actuals, the roll-up report checked against the seeded
 * amounts, and the audit records every change writes.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../test-support/test-app.ts';
import { anonymous, signedIn, type Client } from '../../test-support/http.ts';
import { DEMO_PASSWORD } from '../access/index.ts';
import type { Budget, Line, Report } from './budgets.schemas.ts';
import { DEMO_BUDGETS, DEMO_YEAR, type DemoBudget } from './demo-seed.ts';

let t: TestApp;
let anon: Client;
let clerk: Client;
let district: Client;
let province: Client;
let council: Client;

const revenueLine = {
  economicCode: '71',
  fundSourceCode: 'own_source',
  amount: 12_000_000,
  descriptionEn: 'Fees',
};
const expenditureLine = {
  economicCode: '64',
  functionalCode: '01',
  fundSourceCode: 'cs_fund',
  amount: 8_000_000,
  descriptionKm: 'ប្រាក់ឧបត្ថម្ភ',
};

async function json<T>(
  client: Client,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  body?: unknown,
  status = 200,
) {
  const response = await client.request(method, url, body);
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(status);
  return response.json<T>();
}

async function codeOf(
  client: Client,
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  body?: unknown,
) {
  const response = await client.request(method, url, body);
  return {
    status: response.statusCode,
    code: response.statusCode >= 400 ? response.json<{ code: string }>().code : null,
  };
}

async function auditOf(entityType: string, entityId: number) {
  return t.db.kysely
    .selectFrom('audit_record')
    .select(['action', 'actor_login', 'unit_code', 'before', 'after'])
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', String(entityId))
    .orderBy('seq')
    .execute();
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const demoTotal = (
  budgets: readonly DemoBudget[],
  direction: 'revenue' | 'expenditure',
  what: 'amount' | 'actual',
) =>
  sum(
    budgets.flatMap((budget) =>
      budget.lines
        .filter(
          (line) =>
            (['70', '71', '72', '73', '74'].includes(line.economic) ? 'revenue' : 'expenditure') ===
            direction,
        )
        .map((line) => (what === 'amount' ? line.amount : sum(line.actuals ?? []))),
    ),
  );

beforeAll(async () => {
  t = await openTestApp();
  anon = anonymous(t.app);
  clerk = await signedIn(t.app, 'kep.clerk@sndd.example', DEMO_PASSWORD);
  district = await signedIn(t.app, 'kep.district@sndd.example', DEMO_PASSWORD);
  province = await signedIn(t.app, 'kep.province@sndd.example', DEMO_PASSWORD);
  council = await signedIn(t.app, 'kep.council@sndd.example', DEMO_PASSWORD);
}, 120_000);
afterAll(async () => t.close());

describe('classifications', () => {
  it('lists the chart of accounts chapters (marked as examples), the COFOG divisions and the fund sources', async () => {
    const answer = await json<{
      economic: { code: string; direction: string; isExample: boolean }[];
      functional: { code: string; isExample: boolean }[];
      fundSources: { code: string; kind: string }[];
    }>(anon, 'GET', '/api/budgets/classifications');
    expect(answer.economic.find((item) => item.code === '74')).toMatchObject({
      direction: 'revenue',
      isExample: true,
    });
    expect(answer.economic.find((item) => item.code === '64')).toMatchObject({ direction: 'expenditure' });
    expect(answer.functional.map((item) => item.code)).toEqual([
      '01',
      '02',
      '03',
      '04',
      '05',
      '06',
      '07',
      '08',
      '09',
      '10',
    ]);
    expect(answer.fundSources.find((item) => item.code === 'cs_fund')).toMatchObject({ kind: 'transfer' });
  });
});

describe('the demo budgets', () => {
  it('shows an approved budget to everyone, with its council decision, lines and actuals', async () => {
    // Version 1, as approved: published transfers (the transfers module's demo) may have added a version since.
    const budget = await json<Budget>(anon, 'GET', `/api/budgets/units/230201/years/${DEMO_YEAR}?version=1`);
    const demo = DEMO_BUDGETS.find((item) => item.unit === '230201')!;
    expect(budget.phase).toBe('executed');
    expect(budget.isExample).toBe(true);
    // A typed number (the demo's budgets predate the councils' register): a legacy reference, no decision id.
    expect(budget.councilDecision).toEqual(demo.decision ? { ...demo.decision, decisionId: null } : null);
    expect(budget.lines).toHaveLength(demo.lines.length);
    expect(budget.totals.revenue).toBe(demoTotal([demo], 'revenue', 'amount'));
    expect(budget.totals.expenditure).toBe(demoTotal([demo], 'expenditure', 'amount'));
    const fund = budget.lines.find((line) => line.economicCode === '74')!;
    expect(fund.actuals).toMatchObject({ q1: 124_800_000, q2: 93_600_000, q3: 0, total: 218_400_000 });
  });

  it('hides a proposed budget from the public and from units outside it, not from its overseers', async () => {
    const url = `/api/budgets/units/230202/years/${DEMO_YEAR}`;
    expect((await anon.request('GET', url)).statusCode).toBe(404);
    // The clerk of the neighbouring sangkat does not see it; the municipality does.
    expect((await clerk.request('GET', url)).statusCode).toBe(404);
    expect((await json<Budget>(district, 'GET', url)).phase).toBe('proposed');
    // A council member of 230201 sees their own unit's proposed budgets only.
    expect((await council.request('GET', url)).statusCode).toBe(404);
  });
});

describe('the budget workflow', () => {
  const YEAR = 2029;
  let budget: Budget;
  let revenue: Line;
  let expenditure: Line;

  it('opens a budget and adds lines while it is proposed', async () => {
    budget = await json<Budget>(clerk, 'POST', `/api/budgets/units/230201/years/${YEAR}`, undefined, 201);
    expect(budget).toMatchObject({ phase: 'proposed', currentVersion: 1, lines: [], councilDecision: null });
    expect(await codeOf(clerk, 'POST', `/api/budgets/units/230201/years/${YEAR}`)).toEqual({
      status: 409,
      code: 'budgets.budget.exists',
    });
    revenue = await json<Line>(clerk, 'POST', `/api/budgets/${budget.id}/lines`, revenueLine, 201);
    expect(revenue).toMatchObject({
      direction: 'revenue',
      functionalCode: null,
      amount: 12_000_000,
      systemOrigin: null,
    });
    expenditure = await json<Line>(clerk, 'POST', `/api/budgets/${budget.id}/lines`, expenditureLine, 201);
    const changed = await json<Line>(clerk, 'PATCH', `/api/budgets/lines/${expenditure.id}`, {
      amount: 9_000_000,
    });
    expect(changed.amount).toBe(9_000_000);
    const extra = await json<Line>(
      clerk,
      'POST',
      `/api/budgets/${budget.id}/lines`,
      { ...expenditureLine, amount: 1 },
      201,
    );
    expect((await clerk.request('DELETE', `/api/budgets/lines/${extra.id}`)).statusCode).toBe(204);
    const read = await json<Budget>(clerk, 'GET', `/api/budgets/units/230201/years/${YEAR}`);
    expect(read.totals).toEqual({ revenue: 12_000_000, expenditure: 9_000_000, balance: 3_000_000 });
  });

  it('refuses bad lines with their own codes, and writes nothing', async () => {
    const url = `/api/budgets/${budget.id}/lines`;
    expect(await codeOf(clerk, 'POST', url, { ...revenueLine, amount: -5 })).toEqual({
      status: 400,
      code: 'budgets.line.negative_amount',
    });
    expect(await codeOf(clerk, 'POST', url, { ...revenueLine, economicCode: '99' })).toEqual({
      status: 400,
      code: 'budgets.line.unknown_economic_class',
    });
    expect(await codeOf(clerk, 'POST', url, { ...expenditureLine, functionalCode: '77' })).toEqual({
      status: 400,
      code: 'budgets.line.unknown_functional_class',
    });
    expect(await codeOf(clerk, 'POST', url, { ...expenditureLine, functionalCode: null })).toEqual({
      status: 400,
      code: 'budgets.line.functional_class_required',
    });
    expect(await codeOf(clerk, 'POST', url, { ...revenueLine, fundSourceCode: 'nobody' })).toEqual({
      status: 400,
      code: 'budgets.line.unknown_fund_source',
    });
    expect(await codeOf(clerk, 'POST', url, { ...revenueLine, direction: 'expenditure' })).toEqual({
      status: 400,
      code: 'budgets.line.direction_mismatch',
    });
    expect(await codeOf(clerk, 'PATCH', `/api/budgets/lines/${revenue.id}`, { amount: -1 })).toEqual({
      status: 400,
      code: 'budgets.line.negative_amount',
    });
    const read = await json<Budget>(clerk, 'GET', `/api/budgets/units/230201/years/${YEAR}`);
    expect(read.lines).toHaveLength(2);
  });

  it('refuses lines on a unit outside the caller’s scope (403), and allows the units above', async () => {
    const municipal = await json<Budget>(district, 'GET', `/api/budgets/units/2302/years/${DEMO_YEAR}`);
    expect(await codeOf(clerk, 'POST', `/api/budgets/units/230202/years/${YEAR}`)).toEqual({
      status: 403,
      code: 'auth.forbidden',
    });
    expect(
      await codeOf(clerk, 'PATCH', `/api/budgets/lines/${municipal.lines[0]!.id}`, { amount: 1 }),
    ).toEqual({
      status: 403,
      code: 'auth.forbidden',
    });
    expect(await codeOf(council, 'POST', `/api/budgets/${budget.id}/lines`, revenueLine)).toEqual({
      status: 403,
      code: 'auth.forbidden',
    });
    // The municipality and the province cover the sangkat.
    const added = await json<Line>(
      district,
      'POST',
      `/api/budgets/${budget.id}/lines`,
      { ...revenueLine, amount: 1_000 },
      201,
    );
    expect((await province.request('DELETE', `/api/budgets/lines/${added.id}`)).statusCode).toBe(204);
  });

  it('approves only once the council’s decision is recorded', async () => {
    expect(await codeOf(clerk, 'POST', `/api/budgets/${budget.id}/approve`, {})).toEqual({
      status: 409,
      code: 'budgets.budget.council_decision_missing',
    });
    expect(
      await codeOf(clerk, 'POST', `/api/budgets/${budget.id}/approve`, { councilDecisionNumber: '12/27' }),
    ).toEqual({
      status: 409,
      code: 'budgets.budget.council_decision_missing',
    });
    // Nothing changed.
    expect((await json<Budget>(clerk, 'GET', `/api/budgets/units/230201/years/${YEAR}`)).phase).toBe(
      'proposed',
    );
    expect(
      await codeOf(clerk, 'PUT', `/api/budgets/${budget.id}/council-decision`, {
        number: '1',
        date: '2999-01-01',
      }),
    ).toEqual({
      status: 400,
      code: 'budgets.council_decision.future_date',
    });
    const decided = await json<Budget>(clerk, 'PUT', `/api/budgets/${budget.id}/council-decision`, {
      number: '០៧/២៦',
      date: '2026-01-10',
    });
    expect(decided).toMatchObject({
      phase: 'proposed',
      councilDecision: { number: '០៧/២៦', date: '2026-01-10' },
    });
    const approved = await json<Budget>(clerk, 'POST', `/api/budgets/${budget.id}/approve`, {});
    expect(approved.phase).toBe('approved');
    expect(approved.approvedAt).not.toBeNull();
    expect(approved.versions[0]).toMatchObject({
      version: 1,
      kind: 'original',
      councilDecisionNumber: '០៧/២៦',
    });
    // Now public.
    expect((await anon.request('GET', `/api/budgets/units/230201/years/${YEAR}`)).statusCode).toBe(200);
  });

  it('refuses line changes in an approved budget', async () => {
    for (const [method, url, body] of [
      ['POST', `/api/budgets/${budget.id}/lines`, revenueLine],
      ['PATCH', `/api/budgets/lines/${revenue.id}`, { amount: 1 }],
      ['DELETE', `/api/budgets/lines/${revenue.id}`, undefined],
      ['POST', `/api/budgets/${budget.id}/approve`, {}],
    ] as const) {
      expect(await codeOf(clerk, method, url, body), `${method} ${url}`).toEqual({
        status: 409,
        code: 'budgets.budget.not_proposed',
      });
    }
    expect((await json<Budget>(anon, 'GET', `/api/budgets/units/230201/years/${YEAR}`)).totals.revenue).toBe(
      12_000_000,
    );
  });

  it('records quarterly actuals, which make the budget executed', async () => {
    expect(await codeOf(clerk, 'PUT', `/api/budgets/lines/${expenditure.id}/actuals`, { q1: -1 })).toEqual({
      status: 400,
      code: 'budgets.actual.negative_amount',
    });
    const line = await json<Line>(clerk, 'PUT', `/api/budgets/lines/${expenditure.id}/actuals`, {
      q1: 2_000_000,
      q2: 2_500_000,
    });
    expect(line.actuals).toEqual({
      q1: 2_000_000,
      q2: 2_500_000,
      q3: 0,
      q4: 0,
      unsplit: 0,
      total: 4_500_000,
    });
    const again = await json<Line>(clerk, 'PUT', `/api/budgets/lines/${expenditure.id}/actuals`, {
      q2: 2_200_000,
    });
    expect(again.actuals.total).toBe(4_200_000);
    expect((await json<Budget>(anon, 'GET', `/api/budgets/units/230201/years/${YEAR}`)).phase).toBe(
      'executed',
    );
  });

  it('adjusts with a new version and a reason; the approved version stays readable', async () => {
    const url = `/api/budgets/${budget.id}/adjustments`;
    expect(await codeOf(clerk, 'POST', url, { reason: ' ', lines: [] })).toEqual({
      status: 400,
      code: 'budgets.adjustment.reason_missing',
    });
    // Dropping the line with actuals is refused.
    expect(
      await codeOf(clerk, 'POST', url, {
        reason: 'Mid-year review',
        lines: [{ ...revenueLine, lineId: revenue.id }],
      }),
    ).toEqual({
      status: 409,
      code: 'budgets.adjustment.drops_executed_line',
    });
    const adjusted = await json<Budget>(
      clerk,
      'POST',
      url,
      {
        reason: 'Mid-year review: fees above forecast',
        lines: [
          { ...revenueLine, amount: 15_000_000, lineId: revenue.id },
          { ...expenditureLine, amount: 9_000_000, lineId: expenditure.id },
          { ...expenditureLine, economicCode: '60', amount: 3_000_000 },
        ],
      },
      201,
    );
    expect(adjusted).toMatchObject({ currentVersion: 2, shownVersion: 2, phase: 'executed' });
    expect(adjusted.versions[1]).toMatchObject({
      version: 2,
      kind: 'adjustment',
      reason: 'Mid-year review: fees above forecast',
    });
    expect(adjusted.totals).toEqual({ revenue: 15_000_000, expenditure: 12_000_000, balance: 3_000_000 });
    // The actuals followed the line into the new version.
    expect(adjusted.lines.find((line) => line.lineKey === expenditure.lineKey)!.actuals.total).toBe(
      4_200_000,
    );
    const approved = await json<Budget>(anon, 'GET', `/api/budgets/units/230201/years/${YEAR}?version=1`);
    expect(approved.shownVersion).toBe(1);
    expect(approved.totals).toEqual({ revenue: 12_000_000, expenditure: 9_000_000, balance: 3_000_000 });
    // Lines of the old version are history: no actuals on them.
    expect(await codeOf(clerk, 'PUT', `/api/budgets/lines/${expenditure.id}/actuals`, { q3: 1 })).toEqual({
      status: 409,
      code: 'budgets.line.not_current',
    });
  });

  it('writes an audit record for every change, with who and where', async () => {
    const budgetAudit = await auditOf('budgets.budget', budget.id);
    expect(budgetAudit.map((record) => record.action)).toEqual([
      'budgets.budget.create',
      'budgets.budget.council_decision',
      'budgets.budget.approve',
      'budgets.budget.adjust',
    ]);
    expect(
      budgetAudit.every(
        (record) => record.actor_login === 'kep.clerk@sndd.example' && record.unit_code === '230201',
      ),
    ).toBe(true);
    expect(budgetAudit[2]!.before).toMatchObject({ phase: 'proposed' });
    expect(budgetAudit[2]!.after).toMatchObject({ phase: 'approved', councilDecisionNumber: '០៧/២៦' });
    const lineAudit = await auditOf('budgets.line', expenditure.id);
    expect(lineAudit.map((record) => record.action)).toEqual([
      'budgets.line.create',
      'budgets.line.update',
      'budgets.actual.record',
      'budgets.actual.record',
    ]);
    expect(lineAudit[1]!.before).toMatchObject({ amount: 8_000_000 });
    expect(lineAudit[1]!.after).toMatchObject({ amount: 9_000_000 });
  });
});

describe('budget against actual', () => {
  const published = DEMO_BUDGETS.filter((budget) => budget.phase !== 'proposed');

  /** Revenue lines written by published transfers since the seed (the transfers module's demo), by fund source. */
  async function transferRevenue(): Promise<Map<string, number>> {
    const byFund = new Map<string, number>();
    for (const demo of published) {
      const budget = await json<Budget>(anon, 'GET', `/api/budgets/units/${demo.unit}/years/${DEMO_YEAR}`);
      for (const line of budget.lines.filter((item) => item.systemOrigin === 'transfer')) {
        byFund.set(line.fundSourceCode, (byFund.get(line.fundSourceCode) ?? 0) + line.amount);
      }
    }
    return byFund;
  }

  it('rolls the province up from the seeded budgets (proposed ones left out)', async () => {
    const report = await json<Report>(anon, 'GET', `/api/budgets/units/23/years/${DEMO_YEAR}/report`);
    const transfers = await transferRevenue();
    const transferred = sum([...transfers.values()]);
    expect(report.budgetsCounted).toBe(published.length);
    expect(report.byUnit.map((unit) => unit.unitCode).sort()).toEqual(
      published.map((budget) => budget.unit).sort(),
    );
    // As approved: exactly the seed; in force: the seed and any transfer published since.
    expect(report.revenue.approved).toBe(demoTotal(published, 'revenue', 'amount'));
    expect(report.revenue.budget).toBe(demoTotal(published, 'revenue', 'amount') + transferred);
    expect(report.revenue.actual).toBe(demoTotal(published, 'revenue', 'actual'));
    expect(report.expenditure.approved).toBe(demoTotal(published, 'expenditure', 'amount'));
    expect(report.expenditure.budget).toBe(demoTotal(published, 'expenditure', 'amount'));
    expect(report.expenditure.actual).toBe(demoTotal(published, 'expenditure', 'actual'));
    expect(report.expenditure.executionRate).toBeCloseTo(
      report.expenditure.actual / report.expenditure.budget,
      4,
    );
    // 336.5 million riel of revenue approved in Kaeb sangkat and 1,335 million in the municipality.
    expect(report.revenue.approved).toBe(336_500_000 + 1_335_000_000);
    expect(report.revenue.actual).toBe(
      124_800_000 + 93_600_000 + 4_200_000 + 5_100_000 + 500_000_000 + 19_000_000,
    );
    const ownRevenue = published
      .flatMap((budget) => budget.lines)
      .filter((line) => line.fund === 'own_source' && ['71', '72'].includes(line.economic));
    expect(report.ownSourceRevenue.budget).toBe(sum(ownRevenue.map((line) => line.amount)));
    expect(report.ownSourceRevenue.budget).toBe(18_500_000 + 6_000_000 + 85_000_000);
    // Service fees paid at the offices of the budgets counted, that year (the services module).
    const fees = await sql<{ total: string | null }>`
      select sum(amount_riel) as total from services_fee_payment
      where unit_code in (${sql.join(published.map((budget) => budget.unit))})
        and extract(year from paid_on) = ${DEMO_YEAR}`.execute(t.db.kysely);
    expect(report.serviceFeesCollected).toBe(Number(fees.rows[0]?.total ?? 0));
    expect(report.serviceFeesCollected).toBeGreaterThan(0); // the demo's OWSO receipts
    const roads = report.byFunctional.find((item) => item.code === '04')!;
    expect(roads).toMatchObject({
      approved: 150_000_000 + 480_000_000,
      budget: 630_000_000,
      actual: 45_000_000,
    });
    const csFund = report.byFundSource.find(
      (item) => item.code === 'cs_fund' && item.direction === 'revenue',
    )!;
    expect(csFund).toMatchObject({
      kind: 'transfer',
      approved: 312_000_000,
      budget: 312_000_000 + (transfers.get('cs_fund') ?? 0),
      actual: 218_400_000,
    });
    const staff = report.byEconomic.find((item) => item.code === '64')!;
    expect(staff.budget).toBe(96_000_000 + 520_000_000);
  });

  it('gives the same totals at the municipality, and only its own budget without roll-up', async () => {
    const rolled = await json<Report>(anon, 'GET', `/api/budgets/units/2302/years/${DEMO_YEAR}/report`);
    const province = await json<Report>(anon, 'GET', `/api/budgets/units/23/years/${DEMO_YEAR}/report`);
    expect(rolled.revenue).toEqual(province.revenue);
    const own = await json<Report>(
      anon,
      'GET',
      `/api/budgets/units/2302/years/${DEMO_YEAR}/report?rollup=false`,
    );
    expect(own.budgetsCounted).toBe(1);
    expect(own.revenue.budget).toBe(1_335_000_000);
    expect(own.revenue.actual).toBe(519_000_000);
  });

  it('answers 404 where no published budget exists', async () => {
    const response = await anon.request(
      'GET',
      `/api/budgets/units/230202/years/${DEMO_YEAR}/report?rollup=false`,
    );
    expect(response.statusCode).toBe(404);
    expect(response.json<{ code: string }>().code).toBe('budgets.report.no_budget');
  });
});
