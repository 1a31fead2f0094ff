/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) one after
 * the other and prints each figure, the baseline measured in the same run, and their ratio.
 * Exits non-zero only when a benchmark fails to run; targets are reported, not enforced.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult } from './harness.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = fs
  .readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => wanted.length === 0 || wanted.some((name) => file.startsWith(name)))
  .sort();

console.log(
  `SNDD Platform benchmarks on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
const all: BenchResult[] = [];
let failed = false;
for (const file of files) {
  console.log(`\n▶ ${file}`);
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
  } catch (error) {
    failed = true;
    console.error(`  failed: ${(error as Error).stack ?? String(error)}`);
  }
}
console.log('\nSummary (JSON):');
console.log(JSON.stringify(all, null, 2));
process.exit(failed ? 1 : 0);
