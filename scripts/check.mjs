// `npm run check`: every static check, each reported, all run even when one fails.
import { spawnSync } from 'node:child_process';

const steps = [
  ['format (prettier)', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']],
  ['file names (ls-lint)', 'npx', ['ls-lint']],
  ['types: api', 'npx', ['tsc', '-p', 'api']],
  ['types: web', 'npx', ['tsc', '-p', 'web']],
  ['lint (eslint, type-aware)', 'npx', ['eslint', '.', '--max-warnings', '0']],
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

const failed = [];
for (const [name, command, args] of steps) {
  process.stdout.write(`\n▶ ${name}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) failed.push(name);
}
if (failed.length > 0) {
  console.error(`\n✗ check failed: ${failed.join('; ')}`);
  process.exit(1);
}
console.log('\n✓ all checks passed');
