/**
 * The whole NCDD workbook (25 sheets, 16,432 rows) imported into an empty tree, on a fresh
 * PostgreSQL database and on an in-memory PGlite, against reading and parsing the same
 * workbook without any database (the baseline, measured in the same run). Target: the whole
 * import under 10 s on PostgreSQL.
 */
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../api/src/config.ts';
import type { Database } from '../api/src/modules.ts';
import { CLI_ACTOR } from '../api/src/modules/gazetteer/import/apply.ts';
import { readImportFiles, type ImportFile } from '../api/src/modules/gazetteer/import/read-files.ts';
import { runImport } from '../api/src/modules/gazetteer/import/run-import.ts';
import { validateRows } from '../api/src/modules/gazetteer/import/validate.ts';
import { prepareDatabase } from '../api/src/modules.ts';
import { createDb } from '../api/src/platform/db/create-db.ts';
import { result, type BenchResult, createBenchDatabase, dropBenchDatabase } from './harness.ts';

const WORKBOOK = path.resolve(repoRoot, '../shared/data/gazetteer-ncdd-2024/ncdd_gazetteer_2024-10-14.xlsx');
const TARGET_MS = 10_000;

const files = (): ImportFile[] => [{ name: path.basename(WORKBOOK), data: fs.readFileSync(WORKBOOK) }];

/** Reading and checking only: what any import costs before the database is involved. */
async function parseOnly(): Promise<number> {
  const started = performance.now();
  const read = await readImportFiles(files());
  validateRows(read.rows, new Set());
  return performance.now() - started;
}

async function importInto(databaseUrl: string | undefined): Promise<number> {
  const db = await createDb<Database>({ databaseUrl });
  try {
    await prepareDatabase(db.kysely as never, { demoData: false, referenceData: 'none' });
    const started = performance.now();
    const outcome = await runImport(db.kysely, {
      files: files(),
      dryRun: false,
      effectiveDate: null,
      applyValid: false,
      actor: CLI_ACTOR('bench'),
    });
    const elapsed = performance.now() - started;
    if (outcome.changeSet.counts.added !== 16_457)
      throw new Error(`imported ${outcome.changeSet.counts.added} units, not 16,457`);
    return elapsed;
  } finally {
    await db.close();
  }
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  await parseOnly(); // warm-up: JIT, exceljs's modules
  const baseline = await parseOnly();
  const url = await createBenchDatabase('sndd_bench_import');
  if (url) {
    try {
      const figure = await importInto(url);
      results.push(
        result({
          name: 'import the NCDD workbook into an empty tree, PostgreSQL',
          unit: 'ms',
          figure,
          baselineName: 'read and check the workbook, no database',
          baseline,
          target: { text: `< ${TARGET_MS / 1000} s`, met: figure < TARGET_MS },
        }),
      );
    } finally {
      await dropBenchDatabase(url);
    }
  } else {
    console.warn('PostgreSQL not reachable (set DATABASE_URL): skipping the PostgreSQL import benchmark');
  }
  results.push(
    result({
      name: 'import the NCDD workbook into an empty tree, PGlite',
      unit: 'ms',
      figure: await importInto(undefined),
      baselineName: 'read and check the workbook, no database',
      baseline,
    }),
  );
  return results;
}
