/**
 * The tree reads the web app makes on every page, on a whole-country-sized tree (16,225 units,
 * synthetic until the official import exists; see bench/servers/gazetteer-tree.ts): the
 * country's counts by level and type, the children of a province, the ancestors of a village.
 * Each figure is the p95 latency of sequential requests (one at a time, keep-alive), against
 * the p95 of GET /api/health on the same server as the baseline (the cost of HTTP and the
 * framework alone). Target: p95 under 5 ms, on PostgreSQL and on PGlite.
 */
import {
  type BenchResult,
  createBenchDatabase,
  dropBenchDatabase,
  percentile,
  result,
  startServer,
  smoke,
} from './harness.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const WARM_UP = smoke ? 5 : 300;
const TARGET_MS = 5;

// Spread over the tree, so that no single page of the database stays hot by accident.
const PROVINCES = Array.from({ length: 25 }, (_, index) => String(index + 1).padStart(2, '0'));
const VILLAGES = PROVINCES.map((province, index) => {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${province}${pad((index % 8) + 1)}${pad(((index * 3) % 8) + 1)}${pad(((index * 5) % 9) + 1)}`;
});

const READS: { name: string; path: (index: number) => string }[] = [
  { name: 'country counts (GET /api/gazetteer/counts)', path: () => '/api/gazetteer/counts' },
  {
    name: 'children of a province (GET /units/{pp}/children)',
    path: (index) => `/api/gazetteer/units/${PROVINCES[index % PROVINCES.length]}/children`,
  },
  {
    name: 'ancestors of a village (GET /units/{village}/ancestors)',
    path: (index) => `/api/gazetteer/units/${VILLAGES[index % VILLAGES.length]}/ancestors`,
  },
];

/** p50 and p95 in ms of sequential requests, after a warm-up that is not counted. */
async function latency(port: number, path: (index: number) => string): Promise<{ p50: number; p95: number }> {
  const once = async (index: number): Promise<number> => {
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}${path(index)}`);
    await response.arrayBuffer();
    const elapsed = performance.now() - started;
    if (response.status !== 200) throw new Error(`${path(index)} answered ${response.status}`);
    return elapsed;
  };
  for (let index = 0; index < WARM_UP; index += 1) await once(index);
  const times: number[] = [];
  for (let index = 0; index < REQUESTS; index += 1) times.push(await once(index));
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function measure(databaseUrl: string | undefined, label: string): Promise<BenchResult[]> {
  const server = await startServer('bench/servers/gazetteer-tree.ts', { DATABASE_URL: databaseUrl ?? '' });
  try {
    const results: BenchResult[] = [];
    for (const read of READS) {
      // The baseline right before each read, so that both see the same state of the machine.
      const baseline = await latency(server.port, () => '/api/health');
      const figure = await latency(server.port, read.path);
      results.push(
        result({
          name: `${read.name}, p95, ${label}`,
          unit: 'ms',
          figure: figure.p95,
          baselineName: 'GET /api/health p95, same server',
          baseline: baseline.p95,
          target: { text: `p95 < ${TARGET_MS} ms`, met: figure.p95 < TARGET_MS },
        }),
        // The median too: on a loaded machine the p95 of even GET /api/health is scheduling
        // noise, while the medians still show what the read itself costs.
        result({
          name: `${read.name}, p50, ${label}`,
          unit: 'ms',
          figure: figure.p50,
          baselineName: 'GET /api/health p50, same server',
          baseline: baseline.p50,
        }),
      );
    }
    return results;
  } finally {
    await server.stop();
  }
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const url = await createBenchDatabase('sndd_bench_tree');
  if (url) {
    try {
      results.push(...(await measure(url, 'PostgreSQL')));
    } finally {
      await dropBenchDatabase(url);
    }
  } else {
    console.warn('PostgreSQL not reachable (set DATABASE_URL): skipping the PostgreSQL tree benchmark');
  }
  results.push(...(await measure(undefined, 'PGlite')));
  return results;
}
