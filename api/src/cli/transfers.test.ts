/**
 * `npm run transfers -- allocate …` as a real child process, on the built-in formula and the real
 * data in ../shared/data (read in place; the joined file is written to a temporary folder).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../config.ts';
import type { AllocateOutput } from '../modules/transfers/index.ts';

const FORMULA = path.join(
  repoRoot,
  'api/src/modules/transfers/engine/formulas/supplementary-commune-fund-2025.json',
);
const data = (file: string) => path.join(repoRoot, '../shared/data', file);
const POPULATION_2011 = data('socioeconomic-odc-2008-2011/commune_population_by_sex_age_2011.csv');
const VILLAGES = data('gazetteer-pumi/villages.csv');
const POVERTY = data('poverty-disaster-prism/commune_indicators_joined.csv');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sndd-transfers-cli-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function transfers(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'api/src/cli/transfers.ts', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024, // the JSON of ~1,400 communes with their parts is several MB
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Commune population (2011) and the current number of villages, for the communes both files know. */
function joinedInputs(): { file: string; communes: number } {
  const villages = new Map<string, number>();
  for (const line of fs.readFileSync(VILLAGES, 'utf8').split('\n').slice(1)) {
    const parent = line.split(',')[1];
    if (parent) villages.set(parent, (villages.get(parent) ?? 0) + 1);
  }
  const rows = ['code,pop_2011,villages'];
  const [header, ...lines] = fs.readFileSync(POPULATION_2011, 'utf8').trim().split('\n');
  const columns = (header ?? '').split(',');
  const [code, population] = [columns.indexOf('Com_Code'), columns.indexOf('TT_Both')];
  for (const line of lines) {
    const cells = line.split(',');
    const count = villages.get(cells[code] ?? '');
    if (count !== undefined) rows.push(`${cells[code]},${cells[population]},${count}`);
  }
  const file = path.join(work, 'communes.csv');
  fs.writeFileSync(file, `${rows.join('\n')}\n`);
  return { file, communes: rows.length - 1 };
}

describe('npm run transfers -- allocate', () => {
  it('allocates the supplementary commune fund from files and prints JSON that adds up to the pool', () => {
    const { file, communes } = joinedInputs();
    const run = transfers(
      'allocate',
      '--formula',
      FORMULA,
      '--inputs',
      file,
      '--map',
      'population=pop_2011',
      '--json',
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const output = JSON.parse(run.stdout) as AllocateOutput;
    const { allocation, equity } = output;
    // 1 % of the example base of 28,000,000,000,000 riel.
    expect(allocation.pool).toMatchObject({ amount: 280_000_000_000, isExample: true });
    const amounts = allocation.units.map((unit) => unit.amount);
    expect(amounts.reduce((sum, amount) => sum + amount, 0)).toBe(280_000_000_000);
    expect(amounts.every((amount) => amount > 0 && amount % 1000 === 0)).toBe(true);
    // Phnom Penh's communes are listed as excluded, every other commune is allocated.
    const excluded = allocation.excluded.map((unit) => unit.code);
    expect(excluded.length).toBeGreaterThan(50);
    expect(excluded.every((code) => code.startsWith('12'))).toBe(true);
    expect(allocation.units).toHaveLength(communes - excluded.length);
    // Each unit's parts: four components, adding up to its amount.
    const first = allocation.units[0] as AllocateOutput['allocation']['units'][number];
    expect(first.parts.map((part) => part.component)).toEqual([
      'equal',
      'population',
      'villages',
      'village-allocation',
    ]);
    expect(first.parts.reduce((sum, part) => sum + part.amount, 0)).toBe(first.amount);
    expect(equity.gini).toBeGreaterThan(0);
    expect(equity.gini).toBeLessThan(1);
    expect(equity.lorenz.length).toBeLessThanOrEqual(101);
  });

  it('prints a readable table without --json', () => {
    const { file } = joinedInputs();
    const run = transfers('allocate', '--formula', FORMULA, '--inputs', file, '--map', 'population=pop_2011');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Pool: 280,000,000,000 riel');
    expect(run.stdout).toMatch(/^010201 +[\d,]+ /m);
    expect(run.stdout).toContain('Equity per person (population): mean');
  });

  it('refuses the real files as they are, naming every commune whose code has no villages', () => {
    // The 2011 population uses pre-2013 codes; the current gazetteer has renumbered communes.
    const run = transfers(
      'allocate',
      '--formula',
      FORMULA,
      '--inputs',
      POPULATION_2011,
      '--code-column',
      'Com_Code',
      '--map',
      'population=TT_Both',
      '--count',
      `villages=${VILLAGES}:parent_code`,
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^transfers\.input\.missing_value: 133 eligible units lack a figure/);
    expect(run.stderr).toContain('030401 villages: No value of villages.');
  });

  it('refuses a file without the mapped column, and a formula whose shares miss 100 %', () => {
    const noColumn = transfers(
      'allocate',
      '--formula',
      FORMULA,
      '--inputs',
      POVERTY,
      '--code-column',
      'commune_code',
    );
    expect(noColumn.status).toBe(1);
    expect(noColumn.stderr).toContain('transfers.input.missing_column');
    expect(noColumn.stderr).toContain('The file has no column "population".');

    const formula = JSON.parse(fs.readFileSync(FORMULA, 'utf8'));
    formula.components[3].sharePercent = 5;
    const bad = path.join(work, 'bad-formula.json');
    fs.writeFileSync(bad, JSON.stringify(formula));
    const run = transfers('allocate', '--formula', bad, '--inputs', POVERTY);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('transfers.formula.weights_not_100');
    expect(run.stderr).toContain('/components: The components’ shares add up to 95 %, not 100 %.');
  });

  it('refuses a row shifted by an unquoted thousands separator, naming it, and computes nothing', () => {
    const { file } = joinedInputs();
    const [header, first, ...rest] = fs.readFileSync(file, 'utf8').trim().split('\n');
    const cells = (first ?? '').split(',');
    // A population of 2,278 written with its separator and no quotes: one cell becomes two.
    const shifted = [cells[0], '2', '278', ...cells.slice(2)].join(',');
    const misaligned = path.join(work, 'misaligned.csv');
    fs.writeFileSync(misaligned, [header, shifted, ...rest].join('\n'));
    const run = transfers(
      'allocate',
      '--formula',
      FORMULA,
      '--inputs',
      misaligned,
      '--map',
      'population=pop_2011',
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('import.csv.misaligned_row');
    expect(run.stderr).toContain('1 problem; nothing was computed.');
  });

  it('explains its usage', () => {
    const run = transfers('allocate', '--inputs', POVERTY);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Name the formula');
  });

  it('prints its usage on stdout and exits 0 when asked (--help, -h, help)', () => {
    for (const args of [['--help'], ['allocate', '--help'], ['-h'], ['help']]) {
      const run = transfers(...args);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('Usage: npm run transfers -- allocate');
      expect(run.stderr).toBe('');
    }
  });
});
