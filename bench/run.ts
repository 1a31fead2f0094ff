/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) one after
 * the other and prints each figure, the baseline measured in the same run, and their ratio.
 * Exits non-zero only when a benchmark fails to run; targets are reported, not enforced.
 *
 * `npm run bench -- --smoke` (or BENCH_SMOKE=1): every benchmark with tiny sizes, so that CI
 * (.ci/run) notices a benchmark that no longer runs. The sizes below apply unless the
 * environment sets them; a benchmark also reads `smoke` from harness.ts for its own rounds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult } from './harness.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
if (args.includes('--smoke')) process.env.BENCH_SMOKE = '1';
const wanted = args.filter((arg) => arg !== '--smoke');
/** Tiny sizes for smoke mode, set before any benchmark module is imported (they read them then). */
const SMOKE_SIZES: Record<string, string> = {
  BENCH_REQUESTS: '20',
  BENCH_DURATION_S: '1',
  BENCH_BRUTE_SECONDS: '1',
  // The Open311 list answers pages of 1,000: the smoke needs a full page.
  BENCH_OPEN311_ROWS: '1200',
  BENCH_DASHBOARD_APPLICATIONS: '2000',
  BENCH_DASHBOARD_REQUESTS: '3',
  BENCH_DASHBOARD_BASELINE_RUNS: '1',
  BENCH_FILING_S: '1',
  BENCH_TRANSFERS_REPEATS: '2',
  BENCH_SEARCH_QUERIES: '20',
  BENCH_RECALL_PER_KIND: '5',
  BENCH_RECALL_TYPE_AHEAD: '10',
  // The register of decisions: 20 councils, one year.
  BENCH_REGISTER_COUNCILS: '20',
  BENCH_REGISTER_YEARS: '1',
  // The sample tree only (no synthetic country), 2 projects per SNA, 5 communes' pages.
  BENCH_PLANS_PROJECTS: '2',
  BENCH_PLANS_SAMPLES: '5',
  // The results engine: 2 elements, 2 communes per district.
  BENCH_RESULTS_ELEMENTS: '2',
  BENCH_RESULTS_COMMUNES: '2',
  // The staff register: the sample tree only, 300 positions, 200 staff, 5 units' pages.
  BENCH_HR_POSITIONS: '300',
  BENCH_HR_STAFF: '200',
  BENCH_HR_SAMPLES: '5',
};
/**
 * Benchmarks that have no tiny size yet, left out of smoke mode with the reason printed (each
 * takes minutes whatever the sizes above). Their owners remove them from here once they read
 * `smoke` from harness.ts.
 */
const NOT_YET_SMOKE: Record<string, string> = {
  'first-start.bench.ts': 'loads the whole country on a first start (minutes); no tiny size yet',
};
const smokeMode = process.env.BENCH_SMOKE === '1';
if (smokeMode) {
  for (const [name, value] of Object.entries(SMOKE_SIZES)) process.env[name] ??= value;
}
const files = fs
  .readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => wanted.length === 0 || wanted.some((name) => file.startsWith(name)))
  .sort();

console.log(
  `SNDD Platform benchmarks${process.env.BENCH_SMOKE === '1' ? ' (SMOKE MODE: tiny sizes, figures mean nothing)' : ''} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
const all: BenchResult[] = [];
let failed = false;
for (const file of files) {
  console.log(`\n▶ ${file}`);
  const skipped = smokeMode && wanted.length === 0 ? NOT_YET_SMOKE[file] : undefined;
  if (skipped) {
    console.log(`  left out of smoke mode: ${skipped}`);
    continue;
  }
  const started = performance.now();
  try {
    const module = (await import(pathToFileURL(path.join(here, file)).href)) as {
      run: () => Promise<BenchResult[]>;
    };
    for (const item of await module.run()) {
      all.push(item);
      const target = item.target
        ? `  target ${item.target.text}: ${item.target.met ? 'met' : 'NOT MET'}`
        : '';
      console.log(
        `  ${item.name}: ${item.figure.toFixed(1)} ${item.unit} | baseline (${item.baselineName}) ${item.baseline.toFixed(1)} ${item.unit} | ratio ${item.ratio.toFixed(2)}${target}`,
      );
    }
    console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    failed = true;
    console.error(`  failed: ${(error as Error).stack ?? String(error)}`);
  }
}
console.log('\nSummary (JSON):');
console.log(JSON.stringify(all, null, 2));
process.exit(failed ? 1 : 0);
