// `npm run check`: every static check, each reported with its time, all run even when one fails.
// Steps run two at a time (most are one busy Node process; CHECK_JOBS=1 runs them one by one);
// each step's output is held and printed whole, in the order below.
import { spawn } from 'node:child_process';
import os from 'node:os';

const steps = [
  ['types: api', 'npx', ['tsc', '-p', 'api']],
  ['lint (eslint, type-aware)', 'npx', ['eslint', '.', '--max-warnings', '0']],
  ['types: web', 'npx', ['tsc', '-p', 'web']],
  ['format (prettier)', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']],
  ['file names (ls-lint)', 'npx', ['ls-lint']],
  ['OpenAPI and client types up to date', 'node', ['--import', 'tsx', 'scripts/openapi.ts', '--check']],
  ['Khmer and English catalogues complete', 'node', ['web/scripts/check-catalogues.mjs']],
  [
    'every error code has Khmer and English text',
    'node',
    ['--import', 'tsx', 'scripts/check-error-codes.ts'],
  ],
  ['boundaries (dependency-cruiser)', 'node', ['scripts/check-boundaries.mjs']],
  ['home page bundle budget (builds web/dist)', 'node', ['--import', 'tsx', 'scripts/check-bundle.ts']],
];

const jobs = Math.max(1, Number(process.env.CHECK_JOBS) || Math.min(2, os.availableParallelism()));

function run([name, command, args]) {
  return new Promise((resolve) => {
    const started = Date.now();
    const chunks = [];
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.stderr.on('data', (chunk) => chunks.push(chunk));
    child.on('error', (error) => chunks.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (status) =>
      resolve({
        name,
        ok: status === 0,
        seconds: (Date.now() - started) / 1000,
        output: Buffer.concat(chunks),
      }),
    );
  });
}

const started = Date.now();
const results = new Array(steps.length);
let printed = 0;
const printReady = () => {
  while (printed < steps.length && results[printed]) {
    const { name, ok, seconds, output } = results[printed];
    process.stdout.write(`\n▶ ${name} (${seconds.toFixed(1)} s)${ok ? '' : ' ✗'}\n`);
    process.stdout.write(output);
    printed += 1;
  }
};
let next = 0;
await Promise.all(
  Array.from({ length: Math.min(jobs, steps.length) }, async () => {
    while (next < steps.length) {
      const index = next++;
      results[index] = await run(steps[index]);
      printReady();
    }
  }),
);

const total = ((Date.now() - started) / 1000).toFixed(1);
const failed = results.filter((result) => !result.ok).map((result) => result.name);
if (failed.length > 0) {
  console.error(`\n✗ check failed in ${total} s: ${failed.join('; ')}`);
  process.exit(1);
}
console.log(`\n✓ all checks passed in ${total} s`);
