/**
 * A one-row read through the whole stack (GET /api/gazetteer/units/12: routing, schema,
 * Kysely, the driver, serialisation, request ids) against a bare node:http server running the
 * same query with the raw driver. Each server runs in its own process; autocannon drives it
 * from this one. Target: on PostgreSQL, full stack ≥ 70% of the baseline's throughput.
 */
import autocannon from 'autocannon';
import {
  result,
  smoke,
  startServer,
  type BenchResult,
  createBenchDatabase,
  dropBenchDatabase,
} from './harness.ts';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 8);
const CONNECTIONS = 20;
const PATH = '/api/gazetteer/units/12';

async function throughput(port: number): Promise<number> {
  // A short warm-up (JIT, pool) that is not counted, then the measured run.
  await autocannon({
    url: `http://127.0.0.1:${port}${PATH}`,
    connections: CONNECTIONS,
    duration: smoke ? 1 : 2,
  });
  const run = await autocannon({
    url: `http://127.0.0.1:${port}${PATH}`,
    connections: CONNECTIONS,
    duration: DURATION_S,
  });
  if (run.non2xx > 0 || run.errors > 0)
    throw new Error(`${run.non2xx} non-2xx answers and ${run.errors} errors`);
  return run.requests.average;
}

async function measure(databaseUrl: string | undefined): Promise<{ full: number; bare: number }> {
  const env = { DATABASE_URL: databaseUrl ?? '' };
  // Alternate the two servers twice and keep each one's best run, so a burst of noise from
  // the shared machine does not land on one side only.
  const fulls: number[] = [];
  const bares: number[] = [];
  for (let round = 0; round < (smoke ? 1 : 2); round += 1) {
    for (const [script, into] of [
      ['bench/servers/bare-node.ts', bares],
      ['bench/servers/full-stack.ts', fulls],
    ] as const) {
      const server = await startServer(script, env);
      try {
        into.push(await throughput(server.port));
      } finally {
        await server.stop();
      }
    }
  }
  return { full: Math.max(...fulls), bare: Math.max(...bares) };
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const url = await createBenchDatabase('sndd_bench');
  if (url) {
    try {
      const pgRun = await measure(url);
      results.push(
        result({
          name: 'GET one unit, full stack, PostgreSQL',
          unit: 'req/s',
          figure: pgRun.full,
          baselineName: 'bare node:http + pg',
          baseline: pgRun.bare,
          target: { text: '≥ 70% of baseline', met: pgRun.full / pgRun.bare >= 0.7 },
        }),
      );
    } finally {
      await dropBenchDatabase(url);
    }
  } else {
    console.warn('PostgreSQL not reachable (set DATABASE_URL): skipping the PostgreSQL read benchmark');
  }
  const liteRun = await measure(undefined);
  results.push(
    result({
      name: 'GET one unit, full stack, PGlite',
      unit: 'req/s',
      figure: liteRun.full,
      baselineName: 'bare node:http + PGlite',
      baseline: liteRun.bare,
    }),
  );
  return results;
}
