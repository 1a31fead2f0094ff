/**
 * recordTransferRevenue, called directly as the transfers module will call it: inside the
 * caller's transaction, creating or replacing a system-owned revenue line, never touching an
 * approved version, and refusing bad input with nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../test-support/test-app.ts';
import { signedIn, type Client } from '../../test-support/http.ts';
import { DEMO_PASSWORD } from '../access/index.ts';
import type { Budget } from './budgets.schemas.ts';
import { DEMO_YEAR } from './demo-seed.ts';
import { modules } from '../../modules.ts';
import { wireModules } from '../../platform/wiring.ts';
import { transferLineKey, type BudgetsPort, type TransferRevenue } from './index.ts';

let t: TestApp;
let clerk: Client;
let district: Client;
/** The national administrator: sees every Kep unit's budget. */
let national: Client;

// A year no demo data touches, so that "no budget yet" holds whatever other modules seed.
const YEAR = 2031;

const transfer = (over: Partial<TransferRevenue> = {}): TransferRevenue => ({
  unitCode: '230203',
  fiscalYear: YEAR,
  programCode: 'csf-supplementary',
  programNameKm: 'មូលនិធិបំពេញបន្ថែមឃុំ-សង្កាត់',
  programNameEn: 'Supplementary commune fund',
  amount: 41_250_000,
  allocationVersion: 1,
  source: 'transfers allocation 7 (test)',
  ...over,
});

// The `budgets` port, as the transfers module calls it.
const recordTransferRevenue: BudgetsPort['recordTransferRevenue'] = (trx, input) =>
  wireModules(t.db.kysely, modules).ports.budgets.recordTransferRevenue(trx, input);
const record = (input: TransferRevenue) =>
  t.db.kysely.transaction().execute((trx) => recordTransferRevenue(trx, input));

async function budgetOf(client: Client, unit: string, query = '', year = YEAR) {
  const response = await client.request('GET', `/api/budgets/units/${unit}/years/${year}${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Budget>();
}

const auditCount = async () =>
  Number(
    (
      await t.db.kysely
        .selectFrom('audit_record')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('action', '=', 'budgets.transfer_revenue.record')
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await openTestApp();
  clerk = await signedIn(t.app, 'kep.clerk@sndd.example', DEMO_PASSWORD);
  district = await signedIn(t.app, 'kep.district@sndd.example', DEMO_PASSWORD);
  national = await signedIn(t.app, 'admin@sndd.example', DEMO_PASSWORD);
}, 120_000);
afterAll(async () => t.close());

describe('recordTransferRevenue', () => {
  it('opens a proposed budget holding a system revenue line when the unit has none', async () => {
    const result = await record(transfer());
    expect(result).toMatchObject({ version: 1, changed: true });
    const budget = await budgetOf(district, '230203');
    expect(budget.phase).toBe('proposed');
    expect(budget.lines).toEqual([
      expect.objectContaining({
        id: result.lineId,
        lineKey: transferLineKey('csf-supplementary'),
        direction: 'revenue',
        economicCode: '74',
        fundSourceCode: 'csf-supplementary',
        amount: 41_250_000,
        systemOrigin: 'transfer',
        transferAllocationVersion: 1,
      }),
    ]);
    const source = await t.db.kysely
      .selectFrom('budgets_fund_source' as never)
      .selectAll()
      .where('code' as never, '=', 'csf-supplementary' as never)
      .executeTakeFirstOrThrow();
    expect(source).toMatchObject({ kind: 'transfer', name_en: 'Supplementary commune fund' });
  });

  it('changes nothing when the same allocation is published again', async () => {
    const before = await auditCount();
    expect((await record(transfer())).changed).toBe(false);
    expect(await auditCount()).toBe(before);
  });

  it('replaces the line in place while the budget is proposed', async () => {
    const result = await record(transfer({ amount: 42_000_000, allocationVersion: 2 }));
    const budget = await budgetOf(district, '230203');
    expect(budget.currentVersion).toBe(1);
    expect(budget.lines).toHaveLength(1);
    expect(budget.lines[0]).toMatchObject({
      id: result.lineId,
      amount: 42_000_000,
      transferAllocationVersion: 2,
    });
  });

  it('is not editable by users', async () => {
    const budget = await budgetOf(district, '230203');
    const line = budget.lines[0]!;
    for (const [method, url, body] of [
      ['PATCH', `/api/budgets/lines/${line.id}`, { amount: 1 }],
      ['DELETE', `/api/budgets/lines/${line.id}`, undefined],
    ] as const) {
      const response = await district.request(method, url, body);
      expect(response.statusCode).toBe(409);
      expect(response.json<{ code: string }>().code).toBe('budgets.line.system_owned');
    }
  });

  it('writes a new version on an approved budget, leaving the approved one as it was', async () => {
    const approved = await budgetOf(clerk, '230201', '', DEMO_YEAR);
    const result = await record(transfer({ unitCode: '230201', fiscalYear: DEMO_YEAR, amount: 39_000_000 }));
    expect(result).toMatchObject({ version: approved.currentVersion + 1, changed: true });
    const after = await budgetOf(clerk, '230201', '', DEMO_YEAR);
    expect(after.currentVersion).toBe(approved.currentVersion + 1);
    expect(after.phase).toBe('executed'); // it had actuals: it stays executed
    expect(after.versions.at(-1)).toMatchObject({
      kind: 'transfer',
      reason: expect.stringContaining('allocation version 1'),
    });
    expect(after.lines).toHaveLength(approved.lines.length + 1);
    expect(after.totals.revenue).toBe(approved.totals.revenue + 39_000_000);
    // Actuals follow their lines into the new version.
    const fund = after.lines.find(
      (line) => line.economicCode === '74' && line.fundSourceCode === 'cs_fund' && line.systemOrigin === null,
    )!;
    expect(fund.actuals.total).toBe(218_400_000);
    const before = await budgetOf(clerk, '230201', `?version=${approved.currentVersion}`, DEMO_YEAR);
    expect(before.lines.map((line) => [line.id, line.amount])).toEqual(
      approved.lines.map((line) => [line.id, line.amount]),
    );

    // A later adjustment by the unit carries the system line over.
    const userLines = after.lines
      .filter((line) => line.systemOrigin === null)
      .map((line) => ({
        lineId: line.id,
        economicCode: line.economicCode,
        functionalCode: line.functionalCode,
        fundSourceCode: line.fundSourceCode,
        amount: line.amount,
      }));
    const response = await clerk.request('POST', `/api/budgets/${after.id}/adjustments`, {
      reason: 'Carry-over check',
      lines: userLines,
    });
    expect(response.statusCode, response.body).toBe(201);
    const adjusted = response.json<Budget>();
    const systemLines = (budget: Budget) =>
      budget.lines
        .filter((line) => line.systemOrigin === 'transfer')
        .map((line) => ({ lineKey: line.lineKey, amount: line.amount }));
    expect(systemLines(adjusted)).toEqual(systemLines(after));
    expect(adjusted.totals).toEqual(after.totals);
  });

  it('refuses bad input and writes nothing (the caller’s transaction rolls back)', async () => {
    const before = await auditCount();
    const codeOf = async (input: TransferRevenue) => {
      try {
        await record(input);
        return 'none';
      } catch (error) {
        return (error as { code?: string }).code;
      }
    };
    expect(await codeOf(transfer({ unitCode: '230102', amount: 1 }))).toBe('gazetteer.unit.not_found');
    expect(await codeOf(transfer({ unitCode: '23020101' }))).toBe('budgets.unit.not_an_administration');
    expect(await codeOf(transfer({ unitCode: '230202', amount: -1 }))).toBe(
      'budgets.transfer.negative_amount',
    );
    expect(await codeOf(transfer({ unitCode: '230202', programCode: 'own_source' }))).toBe(
      'budgets.transfer.fund_source_conflict',
    );
    // A failure after the line was written (in the caller's own work) undoes the line too.
    await expect(
      t.db.kysely.transaction().execute(async (trx) => {
        await recordTransferRevenue(trx, transfer({ unitCode: '2301', amount: 5 }));
        throw new Error('publication failed');
      }),
    ).rejects.toThrow('publication failed');
    const admin = await signedIn(t.app, 'admin@sndd.example', DEMO_PASSWORD);
    expect((await admin.request('GET', `/api/budgets/units/2301/years/${YEAR}`)).statusCode).toBe(404);
    expect((await admin.request('GET', `/api/budgets/units/230202/years/${YEAR}`)).statusCode).toBe(404);
    expect(await auditCount()).toBe(before);
  });
});

describe('recordTransferRevenues (a published allocation: many units at once)', () => {
  const BATCH_YEAR = 2032;
  const many = (amounts: number[], over: Partial<TransferRevenue> = {}) =>
    ['2301', '2302', '230202', '230203'].map((unitCode, index) =>
      transfer({ unitCode, fiscalYear: BATCH_YEAR, amount: amounts[index]!, ...over }),
    );
  const recordMany = (inputs: TransferRevenue[]) =>
    t.db.kysely
      .transaction()
      .execute((trx) => wireModules(t.db.kysely, modules).ports.budgets.recordTransferRevenues(trx, inputs));

  it('opens a budget per unit with its line, one audit record per budget, results in order', async () => {
    const before = await auditCount();
    const results = await recordMany(many([1_000, 2_000, 3_000, 4_000]));
    expect(results.map((result) => [result.version, result.changed])).toEqual([
      [1, true],
      [1, true],
      [1, true],
      [1, true],
    ]);
    expect(await auditCount()).toBe(before + 4);
    for (const [index, unit] of ['2301', '2302', '230202', '230203'].entries()) {
      const budget = await budgetOf(national, unit, '', BATCH_YEAR);
      expect(budget.id).toBe(results[index]!.budgetId);
      expect(budget.phase).toBe('proposed');
      expect(budget.lines).toEqual([
        expect.objectContaining({
          id: results[index]!.lineId,
          amount: (index + 1) * 1_000,
          systemOrigin: 'transfer',
        }),
      ]);
    }
    const records = await t.db.kysely
      .selectFrom('audit_record')
      .select(['entity_id', 'unit_code', 'after'])
      .where('action', '=', 'budgets.transfer_revenue.record')
      .orderBy('seq', 'desc')
      .limit(4)
      .execute();
    expect(records.map((record) => record.unit_code).reverse()).toEqual(['2301', '2302', '230202', '230203']);
    expect(records.every((record) => (record.after as { createdBudget: boolean }).createdBudget)).toBe(true);
  });

  it('changes nothing for the same batch again, and replaces only the amounts that changed', async () => {
    const before = await auditCount();
    expect((await recordMany(many([1_000, 2_000, 3_000, 4_000]))).every((result) => !result.changed)).toBe(
      true,
    );
    expect(await auditCount()).toBe(before);
    const results = await recordMany(many([1_000, 2_500, 3_000, 4_500]));
    expect(results.map((result) => result.changed)).toEqual([false, true, false, true]);
    expect(await auditCount()).toBe(before + 2);
    const budget = await budgetOf(national, '230203', '', BATCH_YEAR);
    expect(budget.currentVersion).toBe(1);
    expect(budget.lines).toEqual([expect.objectContaining({ id: results[3]!.lineId, amount: 4_500 })]);
  });

  it('writes a new version of an approved budget in the batch, beside new and proposed ones', async () => {
    const approved = await budgetOf(clerk, '230201', '', DEMO_YEAR);
    const results = await recordMany([
      transfer({ unitCode: '230201', fiscalYear: DEMO_YEAR, programCode: 'csf-batch', amount: 7_000 }),
      transfer({ unitCode: '230202', fiscalYear: DEMO_YEAR, programCode: 'csf-batch', amount: 8_000 }),
    ]);
    expect(results[0]).toMatchObject({ version: approved.currentVersion + 1, changed: true });
    const after = await budgetOf(clerk, '230201', '', DEMO_YEAR);
    expect(after.lines).toHaveLength(approved.lines.length + 1);
    expect(after.totals.revenue).toBe(approved.totals.revenue + 7_000);
  });

  it('refuses a batch with one bad unit and writes nothing of it', async () => {
    const before = await auditCount();
    await expect(
      recordMany([
        transfer({ unitCode: '2301', fiscalYear: 2033, amount: 1 }),
        transfer({ unitCode: '230102', fiscalYear: 2033, amount: 1 }),
      ]),
    ).rejects.toMatchObject({ code: 'gazetteer.unit.not_found' });
    await expect(
      recordMany([
        transfer({ unitCode: '2301', fiscalYear: 2033, amount: 1 }),
        transfer({ unitCode: '23020101', fiscalYear: 2033, amount: 1 }),
      ]),
    ).rejects.toMatchObject({ code: 'budgets.unit.not_an_administration' });
    expect(await auditCount()).toBe(before);
    expect((await national.request('GET', '/api/budgets/units/2301/years/2033')).statusCode).toBe(404);
  });
});
