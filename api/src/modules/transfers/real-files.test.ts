/**
 * Transfers on the whole country, with the real files read in place from ../shared/data: the
 * pumi gazetteer as the tree, the PRISM commune indicators as figures. Codes the tree does not
 * know are reported (never dropped), the valid part can be applied on purpose, a formula that
 * needs a figure some communes lack names exactly those communes, and one that the tree alone
 * can feed (equal shares and villages) allocates every commune outside Phnom Penh to the riel.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../config.ts';
import { modules } from '../../modules.ts';
import { cliActor } from '../../platform/actor.ts';
import { wireModules } from '../../platform/wiring.ts';
import { openTestDb, type TestDb } from '../../test-support/test-db.ts';
import { CLI_ACTOR, runImport } from '../gazetteer/index.ts';
import { allocationLines } from './allocation-lines.service.ts';
import { createAllocation } from './allocations.service.ts';
import { AllocationError } from './engine/allocate.ts';
import { importIndicators } from './figures-import.service.ts';
import { createFormula } from './formulas.service.ts';
import { createProgram } from './programs.service.ts';
import type { TransfersContext, TransfersDb } from './transfers.context.ts';

const DATA = path.resolve(repoRoot, '../shared/data');
const read = (relative: string) => fs.readFileSync(path.join(DATA, relative));
const csvRows = (relative: string) =>
  parse<Record<string, string>>(read(relative), { columns: true, bom: true, skip_empty_lines: true });

const actor = cliActor('test');
const PRISM = 'poverty-disaster-prism/commune_indicators_joined.csv';

let db: TestDb;
let transfers: TransfersDb;
let ctx: TransfersContext;

beforeAll(async () => {
  db = await openTestDb({ demoData: false });
  transfers = db.kysely as unknown as TransfersDb;
  ctx = wireModules(db.kysely, modules).contextOf('transfers') as unknown as TransfersContext;
  await runImport(db.kysely, {
    files: ['provinces', 'districts', 'communes', 'villages'].map((name) => ({
      name: `${name}.csv`,
      data: read(`gazetteer-pumi/${name}.csv`),
    })),
    dryRun: false,
    effectiveDate: null,
    applyValid: false,
    actor: CLI_ACTOR('test'),
  });
  await createProgram(ctx, actor, { code: 'national-test', nameKm: 'សាកល្បង', nameEn: 'Test' });
}, 180_000);

afterAll(async () => {
  await db?.close();
});

const formula = (version: number, criteria: unknown[]) => ({
  format: 'sndd.transfer-formula.v1',
  program: { code: 'national-test', nameKm: 'សាកល្បង', nameEn: 'Test' },
  fiscalYear: 2024,
  version,
  legalReference: { text: 'Test instrument' },
  pool: { kind: 'fixed', amount: 100_000_000_000, isExample: true },
  components: [{ code: 'main', nameKm: 'ចម្បង', nameEn: 'Main', sharePercent: 100, criteria }],
  eligibility: { levels: [3], excludeCodes: ['12'] },
  rounding: { unit: 1000 },
});

describe('the PRISM commune indicators against the pumi tree', () => {
  const prism = csvRows(PRISM);
  const options = {
    text: read(PRISM).toString('utf8'),
    fileName: 'commune_indicators_joined.csv',
    applyValid: false,
    fiscalYear: 2024,
    source: 'PRISM commune indicators',
    codeColumn: 'commune_code',
    columns: { households: 'Total_HHs', poor_households: 'Total_Poor_12_HHs' },
  };

  it('reports every code the tree does not know, and writes nothing on a dry run', async () => {
    const report = await importIndicators(ctx, actor, {
      ...options,
      dryRun: true,
    });
    const notInPumi = prism.filter((row) => row.in_gazetteer_pumi === 'no').map((row) => row.commune_code);
    expect(report.rowsRead).toBe(prism.length);
    expect(report.unknownCodes.map((item) => item.code).sort()).toEqual([...notInPumi].sort());
    expect(report.applied).toBe(false);
    const stored = await transfers.selectFrom('transfers_indicator_value').select('unit_code').execute();
    expect(stored).toEqual([]);
  });

  it('refuses the whole file without applyValid, and writes the valid part with it', async () => {
    // The import contract: applying a file with problems, without applyValid, writes nothing (422).
    const refused = await importIndicators(ctx, actor, { ...options, dryRun: false }).catch(
      (caught: unknown) => caught,
    );
    expect(refused).toMatchObject({ statusCode: 422, code: 'transfers.import.has_problems' });
    const applied = await importIndicators(ctx, actor, {
      ...options,
      dryRun: false,
      applyValid: true,
    });
    const problemRows = new Set(applied.problems.map((problem) => problem.row));
    const validRows = prism.filter(
      (row, index) => row.in_gazetteer_pumi !== 'no' && !problemRows.has(index + 2),
    );
    expect(applied).toMatchObject({ applied: true, rowsApplied: validRows.length });
    // A row with an empty cell has no figure for it (the file leaves some households blank).
    const expected = validRows.filter((row) => row.Total_HHs !== '').length;
    const stored = await transfers
      .selectFrom('transfers_indicator_value')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('indicator', '=', 'households')
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(expected);
  });

  it('names exactly the communes without a figure the formula needs', async () => {
    const { id } = await createFormula(ctx, actor, {
      formula: formula(1, [{ kind: 'indicator', indicator: 'households', weightPercent: 100 }]),
    });
    const withFigure = new Set(prism.filter((row) => row.Total_HHs !== '').map((row) => row.commune_code));
    const lacking = csvRows('gazetteer-pumi/communes.csv')
      .map((row) => row.code!)
      .filter((code) => !code.startsWith('12') && !withFigure.has(code));
    expect(lacking.length).toBeGreaterThan(0);
    const error = await createAllocation(ctx, actor, { formulaId: id }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AllocationError);
    expect((error as AllocationError).code).toBe('transfers.input.missing_value');
    expect((error as AllocationError).units.map((unit) => unit.code).sort()).toEqual(lacking.sort());
  });

  it('allocates every commune outside Phnom Penh from the tree alone, to the riel', async () => {
    const { id } = await createFormula(ctx, actor, {
      formula: formula(2, [
        { kind: 'equal', weightPercent: 50 },
        { kind: 'indicator', indicator: 'villages', weightPercent: 50 },
      ]),
    });
    const communes = csvRows('gazetteer-pumi/communes.csv');
    const outsideCapital = communes.filter((row) => !row.code!.startsWith('12')).length;
    const allocation = await createAllocation(ctx, actor, { formulaId: id });
    expect(allocation.summary.totals.eligibleUnits).toBe(outsideCapital);
    const lines = await allocationLines(ctx, allocation.id, {
      page: 1,
      pageSize: 500,
      sort: 'code',
    });
    expect(lines.total).toBe(outsideCapital);
    let sum = 0;
    for (let page = 1; (page - 1) * 500 < lines.total; page += 1) {
      const { items } = await allocationLines(ctx, allocation.id, {
        page,
        pageSize: 500,
        sort: 'code',
      });
      sum += items.reduce((total, line) => total + line.amount, 0);
    }
    expect(sum).toBe(100_000_000_000);
    // The commune with the most villages gets the most.
    const villages = new Map<string, number>();
    for (const row of csvRows('gazetteer-pumi/villages.csv'))
      villages.set(row.parent_code!, (villages.get(row.parent_code!) ?? 0) + 1);
    const outside = [...villages.entries()].filter(([code]) => !code.startsWith('12'));
    const mostVillages = Math.max(...outside.map(([, count]) => count));
    const most = outside.filter(([, count]) => count === mostVillages).map(([code]) => code);
    const top = await allocationLines(ctx, allocation.id, { page: 1, pageSize: 1, sort: '-amount' });
    expect(most).toContain(top.items[0]!.unitCode);
  });
});
