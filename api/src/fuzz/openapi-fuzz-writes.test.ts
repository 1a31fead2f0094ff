/**
 * Every write route of openapi/openapi.json (POST, PUT, PATCH, DELETE) fuzzed with bodies
 * generated from its schema and mutated, by a signed-in national administrator (see
 * fuzz-harness.ts for the seeds and the checks): no 5xx, every 4xx problem+json with a code of
 * the registries, and no refused request changed anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../test-support/test-app.ts';
import { FUZZ_SEED, writeRoutes } from './fuzz-harness.ts';
import { fuzzer, summary, timed, type Fuzzer } from './fuzz-run.ts';

let t: TestApp;
let fuzz: Fuzzer;
beforeAll(async () => {
  t = await timed('app', () => openTestApp());
  fuzz = await timed('fuzzer', () => fuzzer(t));
}, 300_000);
afterAll(async () => {
  if (fuzz) console.log(summary(fuzz.reports, `write routes (seed ${FUZZ_SEED})`));
  await t?.close();
});

// Sign-in last: its throttle answers 429 from then on to the address it fuzzes from.
const routes = writeRoutes().sort(
  (a, b) => Number(a.path === '/api/auth/sign-in') - Number(b.path === '/api/auth/sign-in'),
);

describe(`write routes, seed ${FUZZ_SEED}`, () => {
  it.each(routes.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s',
    async (_name, route) => {
      const report = await fuzz.run(route);
      expect(report.failures, report.failures.join('\n')).toEqual([]);
    },
    120_000,
  );
});
