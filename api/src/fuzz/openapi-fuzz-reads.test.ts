/**
 * Every GET route of openapi/openapi.json fuzzed in its path and query parameters (paging
 * included: Infinity, 1e400, out of bounds), signed in and not (see fuzz-harness.ts): no 5xx,
 * every 4xx problem+json (Open311: its own envelope) with a code of the registries, nothing
 * written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../test-support/test-app.ts';
import { FUZZ_SEED, isList, readRoutes } from './fuzz-harness.ts';
import { fuzzer, summary, timed, type Fuzzer } from './fuzz-run.ts';

let t: TestApp;
let fuzz: Fuzzer;
beforeAll(async () => {
  t = await timed('app', () => openTestApp());
  fuzz = await timed('fuzzer', () => fuzzer(t));
}, 300_000);
afterAll(async () => {
  if (fuzz) {
    const lists = fuzz.reports.filter((report) =>
      isList(readRoutes().find((r) => `GET ${r.path}` === report.route)!),
    );
    console.log(summary(fuzz.reports, `read routes (seed ${FUZZ_SEED}; ${lists.length} paged lists)`));
  }
  await t?.close();
});

describe(`read routes, seed ${FUZZ_SEED}`, () => {
  it.each(readRoutes().map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s',
    async (_name, route) => {
      const report = await fuzz.run(route);
      expect(report.failures, report.failures.join('\n')).toEqual([]);
    },
    120_000,
  );
});
