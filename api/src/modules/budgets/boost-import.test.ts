/**
 * The BOOST-style import with our own made-up files in fixtures/: a dry run lists every problem
 * by line (unknown units reported, never dropped) and writes nothing; applying creates the
 * budgets in one transaction, with their audit records, and refuses a file with problems.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../test-support/test-app.ts';
import { signedIn, type Client } from '../../test-support/http.ts';
import { DEMO_PASSWORD } from '../access/index.ts';
import type { BoostImportReport, Budget, Report } from './budgets.schemas.ts';

let t: TestApp;
let officer: Client;
let province: Client;
let good: string;
let bad: string;

const upload = (client: Client, csv: string, dryRun: boolean, name = 'boost.csv') =>
  client.request('POST', `/api/budgets/imports?dryRun=${dryRun}`, csv, {
    'content-type': 'text/csv',
    'x-file-name': name,
  });

const budgetCount = async () =>
  Number(
    (
      await t.db.kysely
        .selectFrom('budgets_budget' as never)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await openTestApp();
  officer = await signedIn(t.app, 'officer@sndd.example', DEMO_PASSWORD);
  province = await signedIn(t.app, 'kep.province@sndd.example', DEMO_PASSWORD);
  good = await readFile(new URL('./fixtures/boost-kep-2024.csv', import.meta.url), 'utf8');
  bad = await readFile(new URL('./fixtures/boost-with-problems.csv', import.meta.url), 'utf8');
}, 120_000);
afterAll(async () => t.close());

describe('BOOST import', () => {
  it('lists every problem of a file by line in a dry run, and writes nothing', async () => {
    const before = await budgetCount();
    const response = await upload(officer, bad, true, 'with-problems.csv');
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<BoostImportReport>();
    expect(result).toMatchObject({
      fileName: 'with-problems.csv',
      rowsRead: 12,
      rowsValid: 1,
      applied: false,
    });
    expect(result.problems.map((problem) => [problem.row, problem.code])).toEqual([
      [2, 'budgets.import.unknown_unit'],
      [3, 'budgets.import.unknown_economic_class'],
      [4, 'budgets.import.unknown_functional_class'],
      [5, 'budgets.import.bad_amount'],
      [6, 'budgets.import.bad_amount'],
      [7, 'budgets.import.unknown_fund_source'],
      [8, 'budgets.import.bad_year'],
      [9, 'budgets.import.bad_unit_code'],
      [10, 'budgets.import.bad_amount'],
      [12, 'budgets.import.budget_exists'],
      [13, 'budgets.import.unknown_unit'],
    ]);
    expect(result.problems[0]).toMatchObject({ column: 'admin_unit_code', value: '999999' });
    expect(result.problems[8]).toMatchObject({ column: 'executed', value: 'abc' });
    // The code that lost its leading zero is padded, then reported as unknown.
    expect(result.problems[10]!.message).toContain('030203');
    expect(result.budgets).toEqual([
      expect.objectContaining({
        unitCode: '230203',
        fiscalYear: 2024,
        lines: 1,
        expenditureApproved: 2000,
        executed: 1500,
      }),
    ]);
    expect(await budgetCount()).toBe(before);
  });

  it('reports a row shifted by an unquoted amount with separators, never reading it shifted', async () => {
    const [header, first] = good.trim().split('\n');
    // The fixture quotes "431,250,000"; here a row's amount loses its quotes.
    const shifted = (first ?? '').replace(
      /,(\d+)(,[^,]*,[^,]*)$/,
      (_all, amount: string, rest: string) => `,${Number(amount).toLocaleString('en-US')}${rest}`,
    );
    expect(shifted.split(',').length).toBeGreaterThan((header ?? '').split(',').length);
    const response = await upload(officer, `${header}\n${shifted}\n`, true);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json<BoostImportReport>();
    expect(report.problems).toEqual([expect.objectContaining({ row: 2, code: 'import.csv.misaligned_row' })]);
    expect(report.rowsValid).toBe(0);
  });

  it('refuses to apply a file with problems (422), all or nothing', async () => {
    const before = await budgetCount();
    const response = await upload(officer, bad, false);
    expect(response.statusCode).toBe(422);
    expect(response.json<{ code: string }>().code).toBe('budgets.import.has_problems');
    expect(await budgetCount()).toBe(before);
  });

  it('is national: a provincial officer is refused', async () => {
    expect((await upload(province, good, true)).statusCode).toBe(403);
  });

  it('applies a valid file: published budgets, actuals, the report’s totals and audit records', async () => {
    const dry = (await upload(officer, good, true)).json<BoostImportReport>();
    expect(dry.problems).toEqual([]);
    expect(dry.budgets.map((budget) => [budget.unitCode, budget.lines])).toEqual([
      ['2301', 2],
      ['2302', 4],
      ['230201', 5],
      ['230202', 3],
    ]);
    const before = await budgetCount();
    const response = await upload(officer, good, false, 'boost-kep-2024.csv');
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<BoostImportReport>();
    expect(result.applied).toBe(true);
    expect(await budgetCount()).toBe(before + 4);

    const sangkat = (await officer.request('GET', '/api/budgets/units/230201/years/2024')).json<Budget>();
    expect(sangkat).toMatchObject({
      phase: 'executed',
      councilDecision: null,
      origin: expect.stringMatching(/^import:boost-kep-2024\.csv#/),
    });
    expect(sangkat.totals).toEqual({ revenue: 322_000_000, expenditure: 265_000_000, balance: 57_000_000 });
    const road = sangkat.lines.find((line) => line.programCode === 'CIP-2024-01')!;
    expect(road.actuals).toMatchObject({ unsplit: 152_300_000, q1: 0, total: 152_300_000 });

    const report = (await officer.request('GET', '/api/budgets/units/23/years/2024/report')).json<Report>();
    expect(report.budgetsCounted).toBe(4);
    expect(report.revenue).toMatchObject({
      approved: 322_000_000 + 290_000_000 + 1_280_000_000 + 1_100_000_000,
    });
    expect(report.expenditure.approved).toBe(265_000_000 + 268_000_000 + 950_000_000 + 480_000_000);
    // "431,250,000" with thousands separators was read as a number.
    expect(report.expenditure.actual).toBe(
      91_500_000 + 152_300_000 + 12_100_000 + 87_000_000 + 171_000_000 + 498_000_000 + 431_250_000,
    );
    expect(report.ownSourceRevenue).toMatchObject({ approved: 97_000_000, actual: 15_800_000 + 84_500_000 });

    const audit = await t.db.kysely
      .selectFrom('audit_record')
      .select(['unit_code', 'actor_login'])
      .where('action', '=', 'budgets.budget.import')
      .orderBy('seq')
      .execute();
    expect(audit.map((record) => record.unit_code).sort()).toEqual(['2301', '2302', '230201', '230202']);
    expect(audit.every((record) => record.actor_login === 'officer@sndd.example')).toBe(true);

    // The same file again would overwrite: reported, not applied.
    const again = (await upload(officer, good, true)).json<BoostImportReport>();
    expect(new Set(again.problems.map((problem) => problem.code))).toEqual(
      new Set(['budgets.import.budget_exists']),
    );
    expect(again.problems).toHaveLength(4);
  });

  it('with applyValid applies the valid rows of a file with problems and reports the rest', async () => {
    const before = await budgetCount();
    const response = await officer.request('POST', '/api/budgets/imports?dryRun=false&applyValid=true', bad, {
      'content-type': 'text/csv',
      'x-file-name': 'with-problems.csv',
    });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<BoostImportReport>();
    expect(result).toMatchObject({
      dryRun: false,
      applied: true,
      rowsRead: 12,
      rowsValid: 1,
      rowsApplied: 1,
    });
    expect(result.problems).toHaveLength(11);
    expect(result.budgets).toEqual([
      expect.objectContaining({ unitCode: '230203', fiscalYear: 2024, budgetId: expect.any(Number) }),
    ]);
    expect(await budgetCount()).toBe(before + 1);
  });
});
