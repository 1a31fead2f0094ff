/**
 * The whole NCDD workbook (25 sheets, 16,432 rows: 16,457 units with the implied provinces)
 * imported into an empty tree, each import in a process of its own as `npm run import` runs it
 * (bench/gazetteer-import-child.ts): on a fresh PostgreSQL database and on a PGlite folder
 * prepared beforehand, against reading and checking the same workbook without any database
 * (the baseline, measured in this run). Each prints its time, the ratio to the baseline and
 * the process's peak memory (maxRSS), with the memory it had before the import began (code and
 * database engine: PGlite's WebAssembly PostgreSQL is most of it), and the time of each phase.
 *
 * Targets (issue #12): under 10 s on PostgreSQL, under 20 s on PGlite, peak under 400 MB.
 * Smoke mode (BENCH_SMOKE=1): one province's rows of the flat CSV instead of the country.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../api/src/config.ts';
import { readImportFiles, type ImportFile } from '../api/src/modules/gazetteer/import/read-files.ts';
import { validateRows } from '../api/src/modules/gazetteer/import/validate.ts';
import { result, type BenchResult, createBenchDatabase, dropBenchDatabase } from './harness.ts';

const smoke = process.env.BENCH_SMOKE === '1';
const DATA = path.resolve(repoRoot, '../shared/data/gazetteer-ncdd-2024');
const TARGET_MS = { postgres: 10_000, pglite: 20_000 };
const TARGET_PEAK_MB = 400;

/** The file imported: the whole workbook, or in smoke mode Pailin's rows of the flat CSV. */
function benchFile(work: string): { file: string; units: number } {
  if (!smoke) return { file: path.join(DATA, 'ncdd_gazetteer_2024-10-14.xlsx'), units: 16_457 };
  const [header = '', ...rows] = fs
    .readFileSync(path.join(DATA, 'ncdd_gazetteer_2024-10-14_flat.csv'), 'utf8')
    .split('\n')
    .filter(Boolean);
  const pailin = rows.filter((line) => line.split(',')[3] === '24');
  const file = path.join(work, 'pailin.csv');
  fs.writeFileSync(file, [header, ...pailin].join('\n'));
  return { file, units: pailin.length + 1 };
}

/** Reading and checking only: what any import costs before the database is involved. */
async function parseOnly(file: string): Promise<number> {
  const files: ImportFile[] = [{ name: path.basename(file), data: fs.readFileSync(file) }];
  const started = performance.now();
  const read = await readImportFiles(files);
  validateRows(read.rows, new Set());
  return performance.now() - started;
}

interface ChildResult {
  ms: number;
  added: number;
  problems: number;
  rssBeforeMb: number;
  peakRssMb: number;
  /** Milliseconds per phase of the import. */
  phases: Record<string, number>;
}

function child(args: string[]): Promise<ChildResult | null> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot, 'bench/gazetteer-import-child.ts'), ...args],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, DATABASE_URL: '' } },
    );
    let out = '';
    process_.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    process_.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`gazetteer-import-child exited with ${code}`));
      const line = out.split('\n').find((text) => text.startsWith('RESULT '));
      resolve(line ? (JSON.parse(line.slice('RESULT '.length)) as ChildResult) : null);
    });
  });
}

async function importInChild(target: string[], file: string, units: number): Promise<ChildResult> {
  await child([...target, '--prepare-only']);
  const measured = await child([...target, file]);
  if (!measured) throw new Error('the import printed no result');
  if (measured.added !== units) throw new Error(`imported ${measured.added} units, not ${units}`);
  return measured;
}

function figures(name: string, measured: ChildResult, baseline: number, targetMs: number): BenchResult[] {
  const peakText = `peak ${measured.peakRssMb.toFixed(0)} MB (${measured.rssBeforeMb.toFixed(0)} MB before the import)`;
  console.log(`  ${name}: ${peakText}`);
  const phases = Object.entries(measured.phases).map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(2)} s`);
  console.log(`  ${name}, phases: ${phases.join(', ')}`);
  return [
    result({
      name: `import the NCDD workbook into an empty tree, ${name}`,
      unit: 'ms',
      figure: measured.ms,
      baselineName: 'read and check the workbook, no database',
      baseline,
      target: { text: `< ${targetMs / 1000} s`, met: measured.ms < targetMs },
    }),
    result({
      name: `import the NCDD workbook, ${name}: peak memory of the process`,
      unit: 'MB',
      figure: measured.peakRssMb,
      baselineName: 'memory of the process before the import (code and database engine)',
      baseline: measured.rssBeforeMb,
      target: { text: `< ${TARGET_PEAK_MB} MB`, met: measured.peakRssMb < TARGET_PEAK_MB },
    }),
  ];
}

export async function run(): Promise<BenchResult[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sndd-bench-import-'));
  try {
    const { file, units } = benchFile(work);
    await parseOnly(file); // warm-up: JIT, exceljs's modules
    const baseline = await parseOnly(file);
    const results: BenchResult[] = [];
    const url = await createBenchDatabase('sndd_bench_import');
    if (url) {
      try {
        const measured = await importInChild(['--database-url', url], file, units);
        results.push(...figures('PostgreSQL', measured, baseline, TARGET_MS.postgres));
      } finally {
        await dropBenchDatabase(url);
      }
    } else {
      console.warn('PostgreSQL not reachable (set DATABASE_URL): skipping the PostgreSQL import benchmark');
    }
    const measured = await importInChild(['--data-dir', path.join(work, 'pglite')], file, units);
    results.push(...figures('PGlite', measured, baseline, TARGET_MS.pglite));
    return results;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
